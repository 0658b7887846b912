package org.anomalia.gof.toys;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact toys used to check p-values: banana-shaped with wide errors, bounded/ratio with narrow
 * errors, and one with twelve observables. Parameters ν are standard normal in all of them.
 */
public final class ExactToys {
    private ExactToys() {}

    private static final double R = ExactToy.PRIOR_RANGE;

    private static ExactToy.Box prior(int dims) {
        return (x, sigma) -> {
            double[][] b = new double[dims][];
            for (int k = 0; k < dims; k++) b[k] = new double[] {-R, R};
            return b;
        };
    }

    /**
     * 2 parameters → 3 observables: x1 = ν1² − 1 + 0.4 ν2 (quadratic), x2 = e^{0.5 ν1} + 0.3 ν2
     * (exponential), x3 = ν1 ν2 (product); errors 0.2, 0.3, 0.25. The (x1, x3) projection is a banana.
     */
    public static ExactToy banana() {
        ExactToy.Theory t = (theta, mu, a) -> {
            double n1 = theta[0];
            mu[0] = n1 * n1 - 1;
            mu[1] = Math.exp(0.5 * n1);
            mu[2] = 0;
            a[0][0] = 0.4;
            a[1][0] = 0.3;
            a[2][0] = n1;
        };
        return new ExactToy("banana toy (2 parameters → 3 observables)", List.of("x1", "x2", "x3"), 1, 1, t, prior(1),
                new double[] {0.2, 0.3, 0.25}, 801);
    }

    /**
     * 3 parameters → 6 observables with narrow errors (0.02–0.05 against theory spreads of 0.3–1):
     * x1 = tanh(0.8 ν1) (bounded), x2 = e^{0.4 ν2} (exponential), x3 = (1 + ν1)/(2 + ν2²) (ratio),
     * x4 = ν1 ν2 (product), x5 = ν3 (1 + 0.3 ν1) + 0.2 ν2, x6 = 0.5 ν3 + 0.5 e^{0.3 ν1}.
     */
    public static ExactToy boundedRatio() {
        ExactToy.Theory t = (theta, mu, a) -> {
            double n1 = theta[0], n2 = theta[1];
            mu[0] = Math.tanh(0.8 * n1);
            mu[1] = Math.exp(0.4 * n2);
            mu[2] = (1 + n1) / (2 + n2 * n2);
            mu[3] = n1 * n2;
            mu[4] = 0.2 * n2;
            mu[5] = 0.5 * Math.exp(0.3 * n1);
            for (int i = 0; i < 4; i++) a[i][0] = 0;
            a[4][0] = 1 + 0.3 * n1;
            a[5][0] = 0.5;
        };
        // x1 and x2 alone bound ν1 and ν2: outside these ranges their Gaussian factor is below e^-50.
        ExactToy.Box box = (x, sigma) -> {
            double lo1 = x[0] - 10 * sigma[0], hi1 = x[0] + 10 * sigma[0];
            double lo2 = x[1] - 10 * sigma[1], hi2 = x[1] + 10 * sigma[1];
            return new double[][] {
                {lo1 <= -1 ? -R : Math.max(-R, atanh(lo1) / 0.8), hi1 >= 1 ? R : Math.min(R, atanh(hi1) / 0.8)},
                {lo2 <= 0 ? -R : Math.max(-R, Math.log(lo2) / 0.4), hi2 <= 0 ? -R + 1 : Math.max(-R + 1, Math.min(R, Math.log(hi2) / 0.4))}};
        };
        return new ExactToy("bounded/ratio toy (3 parameters → 6 observables, narrow errors)",
                List.of("x1", "x2", "x3", "x4", "x5", "x6"), 2, 1, t, box, new double[] {0.02, 0.03, 0.03, 0.04, 0.05, 0.03}, 81);
    }

    /**
     * 3 parameters → 12 observables, errors 0.1 and 0.25 alternating: ν1 enters through squares,
     * exponentials, tanh, ratios, products and a sine; ν2 and ν3 linearly (some with ν1-dependent
     * coefficients).
     */
    public static ExactToy twelveObservables() {
        ExactToy.Theory t = (theta, mu, a) -> {
            double n = theta[0];
            for (double[] row : a) java.util.Arrays.fill(row, 0);
            mu[0] = n;                                   a[0][0] = 0.3;
            mu[1] = 0.5 * n * n;                         a[1][1] = 0.3;
            mu[2] = Math.exp(0.4 * n);                   a[2][0] = 0.2;
            mu[3] = Math.tanh(n);                        a[3][1] = 0.2;
            mu[4] = 0;                                   a[4][0] = n;
            mu[5] = 0;                                   a[5][1] = 0.5 * n;
            mu[6] = (1 + 0.3 * n) / (1.5 + 0.5 * Math.tanh(n)); a[6][0] = 0.1;
            mu[7] = 0.3 * n * n * n / (1 + n * n);
            mu[8] = 0.2 * n * n;                         a[8][0] = 1;
            mu[9] = -0.2 * n;                            a[9][1] = 1;
            mu[10] = 0.1;                                a[10][0] = 0.5 * Math.exp(-0.3 * n);
            mu[11] = 0.5 * Math.sin(n);                  a[11][1] = 0.2;
        };
        List<String> names = new ArrayList<>();
        double[] sigma = new double[12];
        for (int i = 0; i < 12; i++) {
            names.add("y" + (i + 1));
            sigma[i] = i % 2 == 0 ? 0.1 : 0.25;
        }
        return new ExactToy("twelve-observable toy (3 parameters → 12 observables)", names, 1, 2, t, prior(1), sigma, 801);
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }
}
