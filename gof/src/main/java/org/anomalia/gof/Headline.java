package org.anomalia.gof;

import java.util.List;
import org.anomalia.numerics.stats.EmpiricalPValue;

/**
 * The one answer of a run ({@code p_value}, {@code z_value}, {@code method} in results.json) and why
 * it was chosen. {@code --method auto}: the exact marginal likelihood where its effective sample size
 * is adequate ({@link MarginalResult#adequate()}); else the learned statistic that describes the null
 * best, i.e. with the lowest mean −log p on the held-out test split (a proper score computed without
 * the data; on the exact toys it picked the more accurate of flow and VAE every time, gof README);
 * without any of them the χ² with its Monte Carlo null. An explicitly requested method is taken as
 * asked, with a note when the marginal's ESS is too small.
 *
 * @param method the statistic's name (marginal, flow, vae_iwae, vae_elbo, gaussian_mc)
 */
public record Headline(String method, String label, EmpiricalPValue pValue, String reason) {
    /** Learned statistics auto chooses among when the marginal is not adequate (ties go to the earlier one). */
    static final List<String> LEARNED = List.of("flow", "vae_iwae", "vae_elbo");

    public double p() {
        return pValue.pOrBound();
    }

    public double z() {
        return pValue.z();
    }

    static Headline choose(GofMethod requested, MarginalResult marginal, List<StatisticResult> statistics, EmpiricalPValue chi2MonteCarlo) {
        switch (requested) {
            case MARGINAL -> {
                if (marginal == null) throw new IllegalStateException("--method marginal but no integration set");
                return of(marginal.statistic(), "requested (--method marginal)"
                        + (marginal.adequate() ? "" : "; WARNING: its effective sample size is too small, the p-value may be off"));
            }
            case FLOW -> {
                StatisticResult s = find(statistics, "flow");
                if (s == null) throw new IllegalStateException("--method flow but no flow was trained");
                return of(s, "requested (--method flow)");
            }
            case VAE -> {
                StatisticResult s = find(statistics, "vae_iwae");
                if (s == null) s = find(statistics, "vae_elbo");
                if (s == null) throw new IllegalStateException("--method vae but no VAE was trained");
                return of(s, "requested (--method vae)");
            }
            default -> {
                if (marginal != null && marginal.adequate()) {
                    return of(marginal.statistic(), String.format("auto: the marginal likelihood's effective sample size is adequate (%.0f at the data, median %.0f over the tail null points)",
                            marginal.essData(), marginal.essTailMedian()));
                }
                String why = marginal == null ? "auto: no marginal likelihood in this run"
                        : String.format("auto: the marginal likelihood's effective sample size is too small (%.1f at the data, median %.1f over the tail null points)",
                        marginal.essData(), marginal.essTailMedian());
                StatisticResult best = null;
                StringBuilder scores = new StringBuilder();
                for (String name : LEARNED) {
                    StatisticResult s = find(statistics, name);
                    if (s == null) continue;
                    scores.append(scores.length() == 0 ? "" : ", ").append(String.format("%s %.3f", name, s.meanNull()));
                    if (best == null || s.meanNull() < best.meanNull()) best = s;
                }
                if (best != null) {
                    return of(best, why + ", so the learned model with the lowest held-out mean −log p (" + scores + ")");
                }
                return new Headline("gaussian_mc", "Gaussian chi2, Monte Carlo", chi2MonteCarlo, why + " and no learned model, so the χ² with its Monte Carlo null");
            }
        }
    }

    private static Headline of(StatisticResult s, String reason) {
        return new Headline(s.name(), s.label(), s.pValue(), reason);
    }

    private static StatisticResult find(List<StatisticResult> statistics, String name) {
        for (StatisticResult s : statistics) if (s.name().equals(name)) return s;
        return null;
    }
}
