package org.anomalia.events.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.events.baselines.SignalRegion;
import org.anomalia.numerics.UserException;

/**
 * What {@link SignificanceStudy} runs.
 *
 * @param scores        score names: ae-mse, ae-mae, ae-huber, ae-logcosh, vae, flow, cathode
 * @param inputSets     named feature lists (e.g. raw = CM four-vectors, derived = masses and angles)
 * @param sr            the signal region of the resonant variable
 * @param label         truth column (0/1), only counted
 * @param trainFraction share of the candidates the unsupervised scores train on (the rest is judged)
 * @param kept          fractions of signal-region candidates kept by the cuts
 * @param depths        AE depth scan: total hidden layers (odd: encoder, latent, mirrored decoder)
 * @param latents       AE latent-size scan (at the default depth 5)
 * @param scanInputs    the input set the scans use
 * @param epochs        training epochs of every network
 * @param huberDelta    δ of the Huber loss
 * @param seeds         one full study per seed
 * @param cathodeInputs the input sets CATHODE runs on (its flow is conditioned on the resonant variable,
 *                      which must not be a function of the features: not on raw four-vectors)
 */
public record StudyConfig(List<String> scores, Map<String, List<String>> inputSets, SignalRegion sr, String label, double trainFraction,
        double[] kept, int[] depths, int[] latents, String scanInputs, int epochs, double huberDelta, List<Long> seeds,
        List<String> cathodeInputs) {

    public static final List<String> SCORES = List.of("ae-mse", "ae-mae", "ae-huber", "ae-logcosh", "vae", "flow", "cathode");
    /** The talk's architecture: 5 hidden layers in total, 8 latent dimensions. */
    public static final int DEFAULT_DEPTH = 5, DEFAULT_LATENT = 8;

    public StudyConfig {
        scores = List.copyOf(scores);
        inputSets = new LinkedHashMap<>(inputSets);
        seeds = List.copyOf(seeds);
        cathodeInputs = List.copyOf(cathodeInputs);
        for (String ci : cathodeInputs) {
            if (!inputSets.containsKey(ci)) throw new UserException("--cathode-inputs: no input set '" + ci + "'; have " + inputSets.keySet());
        }
        for (String s : scores) {
            if (!SCORES.contains(s)) throw new UserException("--scores: unknown score '" + s + "'; choose from " + String.join(", ", SCORES));
        }
        if (inputSets.isEmpty()) throw new UserException("--inputs: name at least one input set");
        for (var e : inputSets.entrySet()) {
            if (e.getValue().isEmpty()) throw new UserException("--inputs: input set '" + e.getKey() + "' lists no columns");
        }
        if ((depths.length > 0 || latents.length > 0) && !inputSets.containsKey(scanInputs)) {
            throw new UserException("--scan-inputs: no input set '" + scanInputs + "'; have " + inputSets.keySet());
        }
        for (int d : depths) {
            if (d < 1 || d % 2 == 0 || d > 11) throw new UserException("--depths: total hidden layers must be odd, 1 to 11 (encoder, latent, mirrored decoder), got " + d);
        }
        for (int z : latents) {
            if (z < 1) throw new UserException("--latents: latent sizes must be positive, got " + z);
        }
        if (!(trainFraction > 0 && trainFraction < 1)) throw new UserException("--train-fraction must be in (0, 1), got " + trainFraction);
        for (double q : kept) {
            if (!(q > 0 && q <= 1)) throw new UserException("--kept: fractions must be in (0, 1], got " + q);
        }
        if (epochs < 1) throw new UserException("--epochs must be positive, got " + epochs);
        if (!(huberDelta > 0)) throw new UserException("--huber-delta must be positive, got " + huberDelta);
        if (seeds.isEmpty()) throw new UserException("--seeds: give at least one seed");
        kept = kept.clone();
    }

    /** Encoder widths for a total depth: 64, 32, 16, … (depth 5 → 64, 32 → with latent and decoder 64-32-z-32-64). */
    public static int[] encoderWidths(int depth) {
        int[] h = new int[(depth - 1) / 2];
        for (int i = 0; i < h.length; i++) h[i] = Math.max(4, 64 >> i);
        return h;
    }
}
