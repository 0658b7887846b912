package org.anomalia.flavour.measurements;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anomalia.data.measurement.Measurement;
import org.anomalia.data.measurement.MeasurementReader;
import org.anomalia.data.measurement.ObservableKey;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.numerics.UserException;

/**
 * A measurement of binned B0→K*0μμ observables, with each entry tied to an {@link Observable} and a
 * {@link Q2Bin} and named like the prediction columns ({@code P5p_4_6}). Built from flavio-style
 * entries ({@code <P5p>(B0->K*mumu)} with q2min, q2max); the covariance is the one flavio builds
 * (block-diagonal across its measurement entries, here across bins).
 */
public final class BkstarMeasurement {
    /** LHCb's P basis: FL, P1, P2, P3, P4′, P5′, P6′, P8′ (the default of the goodness-of-fit job). */
    public static final List<Observable> P_BASIS = List.of(Observable.FL, Observable.P1, Observable.P2, Observable.P3,
            Observable.P4P, Observable.P5P, Observable.P6P, Observable.P8P);
    /** The four narrow low-q² bins below the charmonium region, 1.1–8 GeV². */
    public static final List<Q2Bin> LOW_Q2_BINS = List.of(new Q2Bin(1.1, 2.5), new Q2Bin(2.5, 4), new Q2Bin(4, 6),
            new Q2Bin(6, 8));

    /** The bundled measurements: name → resource. */
    private static final Map<String, String> BUNDLED = Map.of(
            "lhcb2020", "/org/anomalia/flavour/measurements/lhcb2020_bkstarmumu_pbasis.yaml");

    private final String name;
    private final Measurement measurement;
    private final List<Observable> observables;
    private final List<Q2Bin> bins;

    /** Entries of the source left out because their bin lies in the charmonium region. */
    private final List<String> excluded;

    private BkstarMeasurement(String name, Measurement measurement, List<Observable> observables, List<Q2Bin> bins,
                              List<String> excluded) {
        this.name = name;
        this.excluded = List.copyOf(excluded);
        this.measurement = measurement;
        this.observables = List.copyOf(observables);
        this.bins = List.copyOf(bins);
    }

    /** Names of the bundled measurements. */
    public static List<String> bundledNames() {
        return List.copyOf(BUNDLED.keySet());
    }

    /** LHCb 2020 P-basis angular analysis (arXiv:2003.04831): FL, P1–P3, P4′–P8′ in 10 bins. */
    public static BkstarMeasurement lhcb2020() {
        return bundled("lhcb2020");
    }

    public static BkstarMeasurement bundled(String name) {
        String resource = BUNDLED.get(name);
        if (resource == null) {
            throw new UserException("no bundled measurement '" + name + "'; bundled: " + String.join(", ", bundledNames()));
        }
        try (InputStream in = BkstarMeasurement.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            String file = resource.substring(resource.lastIndexOf('/') + 1);
            List<Measurement> parts = MeasurementReader.readAll(in, file);
            return of(name, Measurement.blockDiagonal(file, parts));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + resource, e);
        }
    }

    /**
     * Ties every entry of a flavio-style measurement to an observable and bin; an entry that is not a
     * binned B0→K*0μμ observable with q2min and q2max is a user error naming it. Entries in bins that
     * reach into the charmonium region (8–14 GeV², where the theory is refused) are left out and
     * listed by {@link #excluded()}; the rest keep their covariance (the marginal).
     */
    public static BkstarMeasurement of(String name, Measurement flavioStyle) {
        List<Observable> obs = new ArrayList<>();
        List<Q2Bin> bins = new ArrayList<>();
        List<ObservableKey> keys = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (ObservableKey k : flavioStyle.keys()) {
            if (!k.name().startsWith("<") || Double.isNaN(k.argument("q2min")) || Double.isNaN(k.argument("q2max"))) {
                throw new UserException(flavioStyle.source() + ": entry '" + k.label()
                        + "' is not a binned B0->K*mumu observable like <P5p>(B0->K*mumu) with q2min and q2max");
            }
            Observable o = Observable.parse(k.name());
            if (k.argument("q2max") > Q2Bin.LOW_Q2_MAX && k.argument("q2min") < Q2Bin.HIGH_Q2_MIN) {
                excluded.add(k.label());
                continue;
            }
            Q2Bin b = new Q2Bin(k.argument("q2min"), k.argument("q2max"));
            kept.add(k.label());
            obs.add(o);
            bins.add(b);
            keys.add(ObservableKey.of(columnName(o, b)));
        }
        if (kept.isEmpty()) {
            throw new UserException(flavioStyle.source() + ": every entry lies in the charmonium region "
                    + Q2Bin.LOW_Q2_MAX + "-" + Q2Bin.HIGH_Q2_MIN + " GeV^2, where no prediction is made");
        }
        return new BkstarMeasurement(name, flavioStyle.select(kept).withKeys(keys), obs, bins, excluded);
    }

    /** The prediction column name of an observable in a bin, e.g. {@code P5p_4_6}. */
    public static String columnName(Observable o, Q2Bin b) {
        return o.columnName() + "_" + b.label();
    }

    public String name() {
        return name;
    }

    /** Labels of the source entries left out (charmonium-region bins), e.g. {@code <FL>(B0->K*mumu)[11,12.5]}. */
    public List<String> excluded() {
        return excluded;
    }

    /** All entries, named like {@code P5p_4_6}. */
    public Measurement measurement() {
        return measurement;
    }

    /** The observable of each entry, in entry order. */
    public List<Observable> entryObservables() {
        return observables;
    }

    /** The bin of each entry, in entry order. */
    public List<Q2Bin> entryBins() {
        return bins;
    }

    /** The distinct bins, in file order. */
    public List<Q2Bin> bins() {
        return List.copyOf(new LinkedHashSet<>(bins));
    }

    /** The distinct observables, in file order. */
    public List<Observable> observables() {
        return List.copyOf(new LinkedHashSet<>(observables));
    }

    /**
     * The entries for observables × bins, in the prediction order of
     * {@link org.anomalia.flavour.theory.BinnedPredictor} (bin-major). A missing combination is a user
     * error listing what is measured.
     */
    public BkstarMeasurement select(List<Observable> wantedObservables, List<Q2Bin> wantedBins) {
        List<String> names = new ArrayList<>();
        List<Observable> obs = new ArrayList<>();
        List<Q2Bin> bs = new ArrayList<>();
        for (Q2Bin b : wantedBins) {
            if (!bins.contains(b)) {
                throw new UserException("measurement " + name + " has no bin " + b + "; its bins: "
                        + bins().stream().map(Q2Bin::toString).collect(Collectors.joining(", ")));
            }
            for (Observable o : wantedObservables) {
                String col = columnName(o, b);
                if (!measurement.observables().contains(col)) {
                    throw new UserException("measurement " + name + " has no " + o.flavioName() + " in bin " + b
                            + "; it measures: " + observables().stream().map(Observable::flavioName)
                            .collect(Collectors.joining(", ")));
                }
                names.add(col);
                obs.add(o);
                bs.add(b);
            }
        }
        return new BkstarMeasurement(name, measurement.select(names), obs, bs, List.of());
    }
}
