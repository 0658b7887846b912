package org.anomalia.gof.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.gof.GofResult;
import org.anomalia.gof.StatisticResult;
import org.anomalia.gof.TailCalibration;
import org.anomalia.numerics.stats.EmpiricalPValue;

/** results.json: the numbers of a run under stable snake_case keys (null where a part did not run). */
public final class GofJson {
    private GofJson() {}

    public static String toJson(GofResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n_observables", r.nObservables());
        m.put("n_samples", r.nSamples());
        m.put("seed", r.seed());
        m.put("exp_cov_scale", r.expCovScale());
        m.put("measurement", r.measurementSource());
        m.put("theory_samples", r.theorySource());
        m.put("method", r.headline().method());
        m.put("p_value", r.headline().p());
        m.put("p_value_ci", new double[] {r.headline().pValue().interval().lower(), r.headline().pValue().interval().upper()});
        m.put("p_value_is_bound", r.headline().pValue().isBound());
        m.put("z_value", r.headline().z());
        m.put("method_reason", r.headline().reason());
        m.put("chi2", r.chi2());
        m.put("dof", r.dof());
        m.put("p_chi2_asymptotic", r.pChi2Asymptotic());
        m.put("z_chi2_asymptotic", r.zChi2Asymptotic());
        putPValue(m, "gaussian_mc", r.chi2MonteCarlo());
        StatisticResult marginal = r.marginal() == null ? null : r.marginal().statistic();
        putPValue(m, "marginal", marginal == null ? null : marginal.pValue());
        m.put("ess_data", r.marginal() == null ? null : r.marginal().essData());
        m.put("ess_null_median", r.marginal() == null ? null : r.marginal().essNullMedian());
        m.put("ess_tail_median", r.marginal() == null ? null : r.marginal().essTailMedian());
        if (r.marginal() != null) {
            Map<String, Object> q = new LinkedHashMap<>();
            for (double p : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) q.put(String.format("q%02d", Math.round(100 * p)), r.marginal().essNullQuantile(p));
            m.put("ess_null_quantiles", q);
        } else {
            m.put("ess_null_quantiles", null);
        }
        m.put("marginal_adequate", r.marginal() == null ? null : r.marginal().adequate());
        m.put("marginal_samples", r.marginal() == null ? null : r.marginal().integrationSize());
        m.put("marginal_integration", r.marginal() == null ? null : r.marginal().integrationSource());
        m.put("marginal_kernel", r.marginal() == null ? null : r.marginal().kernelPath());
        StatisticResult flow = r.statistic("flow");
        putPValue(m, "flow", flow == null ? null : flow.pValue());
        m.put("cross_check_status", r.crossCheck().status());
        m.put("cross_check_verdict", r.crossCheck().verdict());
        m.put("cross_check", r.crossCheck().lines());
        m.put("cross_check_warning", r.crossCheck().warning());
        StatisticResult elbo = r.statistic("vae_elbo"), iwae = r.statistic("vae_iwae");
        putPValue(m, "vae_elbo", elbo == null ? null : elbo.pValue());
        putPValue(m, "vae_iwae", iwae == null ? null : iwae.pValue());
        m.put("null_ks_statistic", elbo == null ? null : elbo.calibration().statistic());
        m.put("null_ks_p_value", elbo == null ? null : elbo.calibration().pValue());
        m.put("null_calibration_passed", r.statistics().isEmpty() ? null : r.statistics().stream().allMatch(StatisticResult::calibrationPassed));
        m.put("chi2_asymptotic_ks_statistic", r.chi2AsymptoticUniformity().statistic());
        m.put("chi2_asymptotic_ks_p_value", r.chi2AsymptoticUniformity().pValue());
        List<Map<String, Object>> tails = new ArrayList<>();
        for (TailCalibration t : r.chi2Tails()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("nominal", t.nominal());
            e.put("chi2_critical", t.criticalChi2());
            e.put("observed", t.observed());
            e.put("observed_ci", new double[] {t.interval().lower(), t.interval().upper()});
            e.put("n", t.n());
            tails.add(e);
        }
        m.put("chi2_tail_calibration", tails);
        List<Map<String, Object>> stats = new ArrayList<>();
        for (StatisticResult s : r.statistics()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", s.name());
            e.put("label", s.label());
            e.put("observed", s.observed());
            putPValue(e, "", s.pValue());
            e.put("n_null", s.nullValues().length);
            e.put("headline", s.name().equals(r.headline().method()));
            boolean isMarginal = r.marginal() != null && s == r.marginal().statistic();
            e.put("cross_check", isMarginal || !r.crossCheck().made() ? null : r.crossCheck().disagreeing().contains(s.label()) ? "warning" : "ok");
            e.put("calibration_ks_statistic", s.calibration().statistic());
            e.put("calibration_ks_p_value", s.calibration().pValue());
            e.put("calibration_n", s.calibration().n());
            e.put("calibration_passed", s.calibrationPassed());
            e.put("mean_null", Double.isNaN(s.meanNull()) ? null : s.meanNull());
            e.put("gaussian_mean_null", Double.isNaN(s.gaussianMeanNull()) ? null : s.gaussianMeanNull());
            e.put("worse_than_gaussian", Double.isNaN(s.excessOverGaussian()) ? null : s.worseThanGaussian());
            stats.add(e);
        }
        m.put("statistics", stats);
        m.put("observables", r.observables());
        m.put("measured", r.measured());
        m.put("theory_mean", r.theoryMean());
        m.put("theory_sigma", r.theorySigma());
        m.put("exp_sigma", r.expSigma());
        m.put("pulls", r.pulls());
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("train_loss", r.history().trainLoss());
        training.put("validation_loss", r.history().validationLoss());
        training.put("kept_epoch", r.history().keptEpoch());
        m.put("training", training);
        m.put("seconds", new LinkedHashMap<>(r.secondsPerStage()));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** p_&lt;name&gt;, its interval, whether it is only a bound, and z_&lt;name&gt;; with name "" the keys are p, p_ci, …. */
    private static void putPValue(Map<String, Object> m, String name, EmpiricalPValue p) {
        String suffix = name.isEmpty() ? "" : "_" + name;
        m.put("p" + suffix, p == null ? null : p.pOrBound());
        m.put("p" + suffix + "_ci", p == null ? null : new double[] {p.interval().lower(), p.interval().upper()});
        m.put("p" + suffix + "_is_bound", p == null ? null : p.isBound());
        m.put("z" + suffix, p == null ? null : p.z());
    }
}
