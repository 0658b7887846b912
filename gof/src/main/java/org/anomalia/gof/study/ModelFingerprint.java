package org.anomalia.gof.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
