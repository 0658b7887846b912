package org.anomalia.flavour.theory;

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton iteration on P_n), mapped to [a, b] on request. */
public final class GaussLegendre {
    private final double[] x;
    private final double[] w;

    public GaussLegendre(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one node");
        }
        x = new double[n];
        w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = 0;
                for (int k = 1; k <= n; k++) {
                    double p2 = p1;
                    p1 = p0;
                    p0 = ((2 * k - 1) * z * p1 - (k - 1) * p2) / k;
                }
                dp = n * (z * p0 - p1) / (z * z - 1);
                double dz = p0 / dp;
                z -= dz;
                if (Math.abs(dz) < 1e-16) {
                    break;
                }
            }
            x[i] = -z;
            x[n - 1 - i] = z;
            w[i] = 2 / ((1 - z * z) * dp * dp);
            w[n - 1 - i] = w[i];
        }
    }

    public int size() {
        return x.length;
    }

    /** Node i mapped to [a, b]. */
    public double node(int i, double a, double b) {
        return 0.5 * (a + b) + 0.5 * (b - a) * x[i];
    }

    /** Weight i mapped to [a, b]. */
    public double weight(int i, double a, double b) {
        return 0.5 * (b - a) * w[i];
    }
}
