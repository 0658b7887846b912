package org.anomalia.gof.study;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.gof.input.GofProblem;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** x = A·ν + b, ν ~ N(0, 1): smeared, x′ ~ N(b, A·Aᵀ + Λexp) exactly, so χ² is exactly χ²(n) under H0. */
final class GaussianToy {
    static final double[][] A = {{1.0, 0.2}, {0.5, -0.8}, {-0.3, 0.6}, {0.9, 0.9}};
    static final double[] B = {0.5, -1.0, 2.0, 0.0};
    static final double[][] EXP = {{0.25, 0.05, 0, 0}, {0.05, 0.16, 0, 0}, {0, 0, 0.09, -0.03}, {0, 0, -0.03, 0.2}};

    private GaussianToy() {}

    static double[][] draw(int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] out = new double[n][];
        for (int r = 0; r < n; r++) {
            double nu0 = g.sample(), nu1 = g.sample();
            double[] x = B.clone();
            for (int i = 0; i < x.length; i++) x[i] += A[i][0] * nu0 + A[i][1] * nu1;
            out[r] = x;
        }
        return out;
    }

    static double[][] exactTotal() {
        double[][] c = new double[4][4];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) c[i][j] = EXP[i][j] + A[i][0] * A[j][0] + A[i][1] * A[j][1];
        return c;
    }

    static List<String> names() {
        List<String> n = new ArrayList<>();
        for (int i = 1; i <= 4; i++) n.add("x" + i);
        return n;
    }

    static GofProblem problem(double[] measured, int samples, long seed) {
        return new GofProblem(names(), measured, EXP, draw(samples, seed), "toy measurement", "toy theory");
    }
}
