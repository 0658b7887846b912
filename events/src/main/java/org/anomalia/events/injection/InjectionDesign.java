package org.anomalia.events.injection;

import java.util.Arrays;
import org.anomalia.events.generate.DijetModel;
import org.anomalia.numerics.UserException;
import org.anomalia.numerics.random.Seeds;

/**
 * What an injection study generates: the generator's model (events, mjj range, signal mass and
 * width, signal region; its own S/B is replaced), the injected S/B values (sorted, distinct, ≥ 0; 0 =
 * background only), the number of datasets per S/B, and the study's seed.
 *
 * <p>Dataset i has the data seed {@code derive(seed, "dataset", i)} at every S/B. The generator draws
 * all background events before the signal from one stream, so dataset i holds the same background
 * events at every S/B and only the injected signal differs: the S/B points are paired, and the curve
 * of median significance against S/B is not blurred by background fluctuations from point to point.
 * Dataset i's scan seed (its toys, the methods' folds and training) is {@code derive(seed, "scan", i)},
 * distinct per dataset, so the datasets' global p-values are independent.
 *
 * <p>The idealized detector, where a study runs it, trains against a pure-background sample of
 * {@value #REFERENCE_FACTOR} times the dataset's background events, drawn for dataset i from the
 * background-only model with seed {@code derive(seed, "reference", i)}: independent of the data, the
 * same at every S/B.
 */
public record InjectionDesign(DijetModel generator, double[] sOverB, int datasets, long seed) {
    public InjectionDesign {
        if (sOverB.length == 0) throw new UserException("--s-over-b needs at least one value (0 = background only), e.g. --s-over-b 0,0.003,0.01");
        double[] sorted = sOverB.clone();
        Arrays.sort(sorted);
        for (int k = 0; k < sorted.length; k++) {
            if (!(sorted[k] >= 0) || !Double.isFinite(sorted[k])) {
                throw new UserException("--s-over-b: each injected S/B must be >= 0 (0 = background only), got " + sorted[k]);
            }
            if (k > 0 && sorted[k] == sorted[k - 1]) throw new UserException("--s-over-b lists " + sorted[k] + " twice; give each S/B once");
        }
        sOverB = sorted;
        if (datasets < 1) throw new UserException("--datasets must be at least 1, got " + datasets);
    }

    /** The injected S/B values, ascending. */
    @Override
    public double[] sOverB() {
        return sOverB.clone();
    }

    /** The generator's model at one injected S/B. */
    public DijetModel model(double sb) {
        return generator.withSignalToBackground(sb);
    }

    /** The generator seed of dataset i (the same at every S/B: paired datasets). */
    public long dataSeed(int dataset) {
        return Seeds.derive(seed, "dataset", dataset);
    }

    /** The scan seed of dataset i (toys, folds, training). */
    public long scanSeed(int dataset) {
        return Seeds.derive(seed, "scan", dataset);
    }

    /** Pure-background events per data background event in the idealized detector's sample (as CATHODE's oversampling). */
    public static final int REFERENCE_FACTOR = 4;

    /** The background-only model of the idealized detector's pure-background sample. */
    public DijetModel referenceModel() {
        return generator.withSignalToBackground(0).withBackgroundEvents(REFERENCE_FACTOR * generator.backgroundEvents());
    }

    /** The generator seed of dataset i's pure-background sample. */
    public long referenceSeed(int dataset) {
        return Seeds.derive(seed, "reference", dataset);
    }

    /** Whether the resonance mass lies in [low, high). */
    public boolean containsSignalMass(double low, double high) {
        return low <= generator.signalMass() && generator.signalMass() < high;
    }
}
