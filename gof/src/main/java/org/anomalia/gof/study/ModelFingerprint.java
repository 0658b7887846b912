package org.anomalia.gof.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.StatisticResult;

/**
 * SHA-256 of what the calibrated methods are, seen from outside: the χ² Monte Carlo null and each
 * statistic's null distribution (sorted), bit for bit — the marginal likelihood's too, so the lock
 * covers its integration set and seed (its null values follow from them). Training is deterministic for a seed and thread
 * count, so the unblinded run reproduces the blind run's models exactly — or this hash differs and
 * unblinding refuses.
 */
public final class ModelFingerprint {
    private ModelFingerprint() {}

    public static String of(CalibratedMethods m) {
        List<double[]> parts = new ArrayList<>();
        parts.add(sorted(m.chi2NullValues()));
        for (int k = 0; k < m.statisticNames().size(); k++) parts.add(m.nullValues(k));
        return InputHashes.hashDoubles(parts);
    }

    public static String of(GofResult r) {
        List<double[]> parts = new ArrayList<>();
        parts.add(sorted(r.chi2Null()));
        for (StatisticResult s : r.statistics()) parts.add(sorted(s.nullValues()));
        return InputHashes.hashDoubles(parts);
    }

    /**
     * One hash per method (χ² Monte Carlo under {@link MethodPValues#CHI2_MC}, then each statistic by
     * name): unblinding compares the methods its run computed, which in auto mode may be fewer than the
     * blind run locked (the flow is trained only where the marginal likelihood is not adequate at the data).
     */
    public static Map<String, String> perMethod(CalibratedMethods m) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(MethodPValues.CHI2_MC, InputHashes.hashDoubles(List.of(sorted(m.chi2NullValues()))));
        for (int k = 0; k < m.statisticNames().size(); k++) out.put(m.statisticNames().get(k), InputHashes.hashDoubles(List.of(m.nullValues(k))));
        return out;
    }

    public static Map<String, String> perMethod(GofResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(MethodPValues.CHI2_MC, InputHashes.hashDoubles(List.of(sorted(r.chi2Null()))));
        for (StatisticResult s : r.statistics()) out.put(s.name(), InputHashes.hashDoubles(List.of(sorted(s.nullValues()))));
        return out;
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
