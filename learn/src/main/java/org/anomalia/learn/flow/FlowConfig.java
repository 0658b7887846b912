package org.anomalia.learn.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.learn.model.ModelFile;
import org.anomalia.numerics.UserException;

/**
 * The architecture of a {@link NormalizingFlow}; stored in its model file.
 *
 * @param layers       MADE blocks (MAF) or coupling layers
 * @param hidden       hidden width of each MADE or conditioner
 * @param hiddenLayers hidden layers of a coupling conditioner (MADE always has two)
 * @param batchNorm    BatchNorm flow steps between the blocks
 * @param bins         spline bins (spline coupling only)
 * @param tailBound    the spline acts on [−B, B] and is the identity outside
 */
public record FlowConfig(Kind kind, int features, int context, int layers, int hidden, int hiddenLayers,
                         boolean batchNorm, int bins, double tailBound) {
    public enum Kind { MAF, REAL_NVP, SPLINE_COUPLING }

    public FlowConfig {
        if (features < 1 || context < 0 || layers < 1 || hidden < 1 || hiddenLayers < 1) {
            throw new IllegalArgumentException("flow needs features ≥ 1, context ≥ 0 and positive layers, hidden width and depth; got "
                    + features + ", " + context + ", " + layers + ", " + hidden + ", " + hiddenLayers);
        }
        if (kind != Kind.MAF && features == 1 && context == 0) {
            throw new IllegalArgumentException("a coupling flow over 1 feature needs a context");
        }
        if (kind == Kind.SPLINE_COUPLING && (bins < 2 || !(tailBound > 0))) {
            throw new IllegalArgumentException("spline coupling needs ≥ 2 bins and a positive tail bound, got " + bins + ", " + tailBound);
        }
    }

    /**
     * CATHODE's conditional MAF (and the torch reference's {@code maf}): 15 MADE blocks with 128
     * hidden units, BatchNorm and a reversal between consecutive blocks.
     */
    public static FlowConfig cathode(int features, int context) {
        return maf(features, context, 15, 128, true);
    }

    public static FlowConfig maf(int features, int context, int blocks, int hidden, boolean batchNorm) {
        return new FlowConfig(Kind.MAF, features, context, blocks, hidden, 2, batchNorm, 0, 0);
    }

    public static FlowConfig realNvp(int features, int context, int layers, int hidden, int hiddenLayers) {
        return new FlowConfig(Kind.REAL_NVP, features, context, layers, hidden, hiddenLayers, false, 0, 0);
    }

    public static FlowConfig splineCoupling(int features, int context, int layers, int hidden, int hiddenLayers, int bins, double tailBound) {
        return new FlowConfig(Kind.SPLINE_COUPLING, features, context, layers, hidden, hiddenLayers, false, bins, tailBound);
    }

    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("flow", kind.name());
        m.put("features", Integer.toString(features));
        m.put("context", Integer.toString(context));
        m.put("layers", Integer.toString(layers));
        m.put("hidden", Integer.toString(hidden));
        m.put("hiddenLayers", Integer.toString(hiddenLayers));
        m.put("batchNorm", Boolean.toString(batchNorm));
        m.put("bins", Integer.toString(bins));
        m.put("tailBound", Double.toString(tailBound));
        return m;
    }

    static FlowConfig fromMap(ModelFile.Contents c) {
        try {
            return new FlowConfig(Kind.valueOf(c.get("flow")), Integer.parseInt(c.get("features")), Integer.parseInt(c.get("context")),
                    Integer.parseInt(c.get("layers")), Integer.parseInt(c.get("hidden")), Integer.parseInt(c.get("hiddenLayers")),
                    Boolean.parseBoolean(c.get("batchNorm")), Integer.parseInt(c.get("bins")), Double.parseDouble(c.get("tailBound")));
        } catch (IllegalArgumentException e) {
            throw new UserException(c.kind() + " model file has an invalid configuration (" + e.getMessage() + "); save the model again");
        }
    }
}
