package org.anomalia.learn.optim;

import java.util.List;
import org.anomalia.learn.autodiff.Param;

/** Gradient-norm clipping over a set of parameters (as one vector). */
public final class GradClip {
    private GradClip() {}

    /** The global L2 norm of all gradients (double accumulation). */
    public static double norm(List<Param> params) {
        double s = 0;
        for (Param p : params) for (float g : p.grad().data) s += (double) g * g;
        return Math.sqrt(s);
    }

    /** Scales all gradients so that their global norm is at most maxNorm; returns the norm before. */
    public static double clipNorm(List<Param> params, double maxNorm) {
        double n = norm(params);
        if (n > maxNorm && Double.isFinite(n)) {
            float f = (float) (maxNorm / (n + 1e-6));
            for (Param p : params) {
                float[] g = p.grad().data;
                for (int i = 0; i < g.length; i++) g[i] *= f;
            }
        }
        return n;
    }
}
