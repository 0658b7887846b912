package org.anomalia.events.preprocess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.anomalia.numerics.UserException;

/**
 * A chain of fitted steps. Each step is fitted on the training data as transformed by the steps
 * before it; the chain is saved (as JSON) with the model that consumed its output.
 */
public final class Preprocessing {
    /** The chain a density estimator on bounded features wants: min-max, logit, standardize. */
    public static final List<String> FOR_FLOWS = List.of("minmax", "logit", "standardize");
    /** Classifiers only need standardized inputs. */
    public static final List<String> FOR_CLASSIFIERS = List.of("standardize");

    private final List<Step> steps;

    public Preprocessing(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** Fits the named steps in order on (a copy of) the training rows. */
    public static Preprocessing fit(List<String> kinds, double[][] training) {
        if (training.length == 0) {
            throw new UserException("preprocessing: no training rows to fit on");
        }
        double[][] work = copy(training);
        double[] ignored = new double[work.length];
        List<Step> steps = new ArrayList<>();
        for (String kind : kinds) {
            Step step = switch (kind) {
                case "minmax" -> MinMaxScaling.fit(work);
                case "logit" -> new LogitTransform(work[0].length, LogitTransform.DEFAULT_EPSILON);
                case "standardize" -> Standardization.fit(work);
                default -> throw new UserException("unknown preprocessing step '" + kind + "'; use minmax, logit or standardize");
            };
            step.forward(work, ignored);
            steps.add(step);
        }
        return new Preprocessing(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Transformed copy of the rows; {@code logAbsDet} (may be null) receives log|det ∂y/∂x| per row. */
    public double[][] forward(double[][] rows, double[] logAbsDet) {
        double[][] out = copy(rows);
        double[] ld = logAbsDet != null ? logAbsDet : new double[rows.length];
        for (Step s : steps) {
            s.forward(out, ld);
        }
        return out;
    }

    /** Inverse-transformed copy; {@code logAbsDet} (may be null) receives log|det ∂x/∂y| per row. */
    public double[][] inverse(double[][] rows, double[] logAbsDet) {
        double[][] out = copy(rows);
        double[] ld = logAbsDet != null ? logAbsDet : new double[rows.length];
        for (int i = steps.size() - 1; i >= 0; i--) {
            steps.get(i).inverse(out, ld);
        }
        return out;
    }

    /** Forward transform to float32 rows for training. */
    public float[][] forwardFloat(double[][] rows) {
        double[][] y = forward(rows, null);
        float[][] out = new float[y.length][];
        for (int r = 0; r < y.length; r++) {
            out[r] = new float[y[r].length];
            for (int c = 0; c < y[r].length; c++) {
                out[r][c] = (float) y[r][c];
            }
        }
        return out;
    }

    public JsonNode toJson() {
        ObjectMapper m = new ObjectMapper();
        ArrayNode arr = m.createArrayNode();
        for (Step s : steps) {
            ObjectNode o = m.createObjectNode();
            o.put("kind", s.kind());
            o.setAll((ObjectNode) m.valueToTree(s.parameters()));
            arr.add(o);
        }
        return arr;
    }

    public static Preprocessing fromJson(JsonNode json) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode o : json) {
            String kind = o.path("kind").asText();
            steps.add(switch (kind) {
                case "minmax" -> new MinMaxScaling(doubles(o, "min"), doubles(o, "max"));
                case "logit" -> new LogitTransform(o.path("columns").asInt(), o.path("epsilon").asDouble());
                case "standardize" -> new Standardization(doubles(o, "mean"), doubles(o, "sd"));
                default -> throw new UserException("saved preprocessing has unknown step '" + kind + "'");
            });
        }
        return new Preprocessing(steps);
    }

    private static double[] doubles(JsonNode o, String field) {
        JsonNode a = o.path(field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = rows[r].clone();
        }
        return out;
    }
}
