package org.anomalia.gof.study;

/**
 * One artificial anomaly: a family of alternatives (for example "C9" or "random direction") and its
 * size on that family's axis (the Wilson-coefficient shift, or the Mahalanobis length in
 * Λ = Λth + Λexp), with {@code mahalanobis} the Mahalanobis length of the mean shift it causes.
 * The pseudo-experiments are {@code theory} rows (unsmeared alternative predictions) plus the same
 * experimental noise as the null pseudo-experiments, or the null pseudo-experiments plus {@code shifts}.
 */
public record Alternative(String family, String name, double size, double mahalanobis, double[][] theory, double[][] shifts) {
    public static Alternative ofTheory(String family, String name, double size, double mahalanobis, double[][] theory) {
        return new Alternative(family, name, size, mahalanobis, theory, null);
    }

    public static Alternative ofShifts(String family, String name, double size, double[][] shifts) {
        return new Alternative(family, name, size, size, null, shifts);
    }
}
