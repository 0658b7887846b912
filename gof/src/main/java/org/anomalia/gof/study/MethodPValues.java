package org.anomalia.gof.study;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.StatisticResult;

/** The p-value of every method of one run, keyed like results.json: χ² asymptotic, χ² Monte Carlo, then each null model's statistics. */
final class MethodPValues {
    static final String CHI2_ASYMPTOTIC = "chi2_asymptotic", CHI2_MC = "gaussian_mc";

    private MethodPValues() {}

    static Map<String, Double> of(GofResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(CHI2_ASYMPTOTIC, r.pChi2Asymptotic());
        m.put(CHI2_MC, r.chi2MonteCarlo().p());
        for (StatisticResult s : r.statistics()) m.put(s.name(), s.pValue().p());
        return m;
    }

    static Map<String, String> labels(GofResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CHI2_ASYMPTOTIC, "χ² (asymptotic χ²(n))");
        m.put(CHI2_MC, "χ² (Monte Carlo null)");
        for (StatisticResult s : r.statistics()) m.put(s.name(), s.label());
        return m;
    }
}
