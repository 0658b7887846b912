package org.anomalia.flavour.theory;

import java.util.Arrays;
import java.util.List;

/**
 * flavio's fixed table of NNLL Standard-Model ΔB=1 Wilson coefficients at μ = 2, 2.5, …, 5.5 GeV
 * (spec 2.1, Appendix A), interpolated linearly in μ. It is not re-run per parameter point.
 */
public final class SmWilsonTable {
    /** Row order of the table: C1..C6, C7eff, C8eff, C9, C10, C3Q..C6Q, Cb. */
    public static final List<String> NAMES = List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7eff", "C8eff", "C9",
            "C10", "C3Q", "C4Q", "C5Q", "C6Q", "Cb");
    private static final SmWilsonTable INSTANCE = load();

    private final double[] scales;
    private final double[][] values; // [coefficient][scale]

    private SmWilsonTable(double[] scales, double[][] values) {
        this.scales = scales;
        this.values = values;
    }

    public static SmWilsonTable get() {
        return INSTANCE;
    }

    private static SmWilsonTable load() {
        List<String[]> rows = Resources.csv("wilson_sm_grid.csv");
        String[] header = rows.get(0);
        if (!Arrays.asList(header).subList(1, header.length).equals(NAMES)) {
            throw new IllegalStateException("unexpected columns in wilson_sm_grid.csv: " + Arrays.toString(header));
        }
        int n = rows.size() - 1;
        double[] scales = new double[n];
        double[][] values = new double[NAMES.size()][n];
        for (int j = 0; j < n; j++) {
            String[] r = rows.get(j + 1);
            scales[j] = Double.parseDouble(r[0]);
            for (int i = 0; i < NAMES.size(); i++) {
                values[i][j] = Double.parseDouble(r[i + 1]);
            }
        }
        return new SmWilsonTable(scales, values);
    }

    /** All 15 coefficients at μ, in the order of {@link #NAMES}. */
    public double[] at(double mu) {
        if (mu < scales[0] || mu > scales[scales.length - 1]) {
            throw new IllegalArgumentException("scale " + mu + " GeV outside the SM Wilson-coefficient table "
                    + scales[0] + ".." + scales[scales.length - 1]);
        }
        int j = 0;
        while (j < scales.length - 2 && mu > scales[j + 1]) {
            j++;
        }
        double t = (mu - scales[j]) / (scales[j + 1] - scales[j]);
        double[] out = new double[NAMES.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i][j] + t * (values[i][j + 1] - values[i][j]);
        }
        return out;
    }
}
