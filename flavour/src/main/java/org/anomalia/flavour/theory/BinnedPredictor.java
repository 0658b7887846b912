package org.anomalia.flavour.theory;

import java.util.ArrayList;
import java.util.List;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.ParameterPoint;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.numerics.UserException;

/**
 * Predictions of chosen observables in chosen q² bins for many parameter points. Each bin is
 * integrated with fixed Gauss–Legendre nodes; at every node the amplitudes of both CP sets are
 * computed once and the twelve sums Σ_i = ∫(J_i + J̄_i) dq² give every observable of the bin as a
 * ratio of integrals (spec 5.3, 6). Construction precomputes nodes and parameter-independent
 * node quantities; {@link #predict} is thread-safe.
 *
 * <p>The prediction vector is <b>bin-major</b>: element {@code b * observables().size() + o} is
 * observable o in bin b (the order of {@link #columnNames()}).
 */
public final class BinnedPredictor {
    /** Default Gauss–Legendre nodes per bin (see the accuracy study in the tests). */
    public static final int DEFAULT_NODES = 16;

    private final List<Observable> observables;
    private final List<Q2Bin> bins;
    private final BkstarMumuTheory theory;
    private final GaussLegendre rule;
    /** Per bin: the nominal clipped range and its nodes (valid when the point's clipping agrees). */
    private final double[] lo;
    private final double[] hi;
    private final BkstarMumuTheory.Node[][] nodes;

    public BinnedPredictor(List<Observable> observables, List<Q2Bin> bins) {
        this(observables, bins, DEFAULT_NODES, TheoryPieces.ALL);
    }

    public BinnedPredictor(List<Observable> observables, List<Q2Bin> bins, int nodesPerBin, TheoryPieces pieces) {
        if (observables.isEmpty() || bins.isEmpty()) {
            throw new UserException("choose at least one observable and one q2 bin");
        }
        this.observables = List.copyOf(observables);
        this.bins = List.copyOf(bins);
        this.theory = new BkstarMumuTheory(pieces);
        this.rule = new GaussLegendre(nodesPerBin);
        int nb = bins.size();
        lo = new double[nb];
        hi = new double[nb];
        nodes = new BkstarMumuTheory.Node[nb][];
        for (int b = 0; b < nb; b++) {
            lo[b] = Math.max(bins.get(b).q2min(), Q2Bin.Q2_PHYSICAL_MIN);
            hi[b] = Math.min(bins.get(b).q2max(), Q2Bin.Q2_PHYSICAL_MAX);
            nodes[b] = nodesFor(lo[b], hi[b]);
        }
    }

    private BkstarMumuTheory.Node[] nodesFor(double a, double b) {
        BkstarMumuTheory.Node[] n = new BkstarMumuTheory.Node[rule.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = theory.node(rule.node(i, a, b));
        }
        return n;
    }

    public List<Observable> observables() {
        return observables;
    }

    public List<Q2Bin> bins() {
        return bins;
    }

    /** Length of the prediction vector. */
    public int size() {
        return observables.size() * bins.size();
    }

    /** Position of (observable, bin) in the prediction vector. */
    public int index(Observable o, Q2Bin bin) {
        int oi = observables.indexOf(o);
        int bi = bins.indexOf(bin);
        if (oi < 0 || bi < 0) {
            throw new IllegalArgumentException(o + " in " + bin + " is not predicted here");
        }
        return bi * observables.size() + oi;
    }

    /** Column names like {@code P5p_4_6}, in vector order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Q2Bin b : bins) {
            for (Observable o : observables) {
                names.add(o.columnName() + "_" + b.label());
            }
        }
        return names;
    }

    /** The prediction vector at one parameter point (bin-major, see the class comment). */
    public double[] predict(ParameterPoint p, NewPhysics np) {
        double[] out = new double[size()];
        predict(p, np, out);
        return out;
    }

    /** Same, writing into out (length {@link #size()}). */
    public void predict(ParameterPoint p, NewPhysics np, double[] out) {
        PointInputs pi = new PointInputs(p, np);
        double[] sums = new double[AngularCoefficients.COUNT];
        int no = observables.size();
        for (int b = 0; b < bins.size(); b++) {
            binSums(pi, b, sums);
            for (int o = 0; o < no; o++) {
                out[b * no + o] = observables.get(o).value(sums, pi.tauB, bins.get(b).width());
            }
        }
    }

    /** Σ_i = ∫ (J_i + J̄_i) dq² over bin b clipped to the point's physical range. */
    void binSums(PointInputs pi, int b, double[] sums) {
        java.util.Arrays.fill(sums, 0);
        double a = Math.max(bins.get(b).q2min(), pi.q2Min());
        double c = Math.min(bins.get(b).q2max(), pi.q2Max());
        if (!(a < c)) {
            return;
        }
        BkstarMumuTheory.Node[] n = a == lo[b] && c == hi[b] ? nodes[b] : nodesFor(a, c);
        for (int i = 0; i < n.length; i++) {
            theory.addJ(pi, n[i], rule.weight(i, a, c), sums, sums);
        }
    }

    /** The unbinned observable at q² (refused in the charmonium region and outside the physical range). */
    public static double unbinned(Observable o, double q2, ParameterPoint p, NewPhysics np) {
        return unbinned(o, q2, p, np, TheoryPieces.ALL);
    }

    public static double unbinned(Observable o, double q2, ParameterPoint p, NewPhysics np, TheoryPieces pieces) {
        Q2Bin.checkValid(q2, o.flavioName());
        PointInputs pi = new PointInputs(p, np);
        double[] sums = new double[AngularCoefficients.COUNT];
        if (q2 <= pi.q2Min() || q2 > pi.q2Max()) {
            return 0; // as flavio: no phase space
        }
        BkstarMumuTheory theory = new BkstarMumuTheory(pieces);
        theory.addJ(pi, theory.exactNode(pi, q2), 1, sums, sums);
        return o.value(sums, pi.tauB, 1);
    }
}
