package org.anomalia.learn;

/**
 * The float coefficients of one Adam step, as {@link Kernels#adam} applies them to each weight:
 * <pre>
 *   g' = g + l2·w
 *   m  = beta1·m + oneMinusBeta1·g'
 *   v  = beta2·v + oneMinusBeta2·g'·g'
 *   w  = shrink·w − stepSize·m / (√v / sqrtBiasCorrection2 + eps)
 * </pre>
 * l2 is coupled weight decay (0 for AdamW), shrink is 1 − lr·decay for AdamW (1 otherwise) and
 * stepSize = lr / (1 − beta1ᵗ).
 */
public record AdamUpdate(float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float l2, float shrink,
        float stepSize, float sqrtBiasCorrection2, float eps) {
}
