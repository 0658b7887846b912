package org.anomalia.flavour.theory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * flavio's fixed table of the QCD-factorisation spectator-scattering corrections to the vector
 * helicity amplitudes of B0 → K*0 μμ (spec 4.2): weak annihilation, the O8 term and four-quark
 * spectator scattering, computed once at flavio's central parameters and SM coefficients. It
 * stores G+ = q²H+, G− = q²H−, G0 = √q² H0 on the grid 1e-6 + 0.1k GeV²; each column is
 * interpolated linearly, the q² factors divided out, and the correction is zero for q² ≥ 8.9.
 * The values already contain the normalisation N and are added as they are.
 */
public final class QcdfSpectatorTable {
    /** Above this q² the correction is switched off (flavio's hard cut). */
    public static final double Q2_CUT = 8.9;
    private static final QcdfSpectatorTable INSTANCE = load();

    /** The contributions the total splits into (the "all" table is their sum). */
    public enum Part { WA, O8, QSS }

    private final double[] q2;
    /** table name → [node][6] (G+ re, im, G− re, im, G0 re, im). */
    private final Map<String, double[][]> tables;

    private QcdfSpectatorTable(double[] q2, Map<String, double[][]> tables) {
        this.q2 = q2;
        this.tables = tables;
    }

    public static QcdfSpectatorTable get() {
        return INSTANCE;
    }

    private static QcdfSpectatorTable load() {
        List<String[]> rows = Resources.csv("qcdf_interpolate_B0Kstar0.csv");
        Map<String, List<double[]>> byName = new LinkedHashMap<>();
        Map<String, List<Double>> grids = new LinkedHashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            double[] v = new double[6];
            for (int i = 0; i < 6; i++) {
                v[i] = Double.parseDouble(r[2 + i]);
            }
            byName.computeIfAbsent(r[0], k -> new ArrayList<>()).add(v);
            grids.computeIfAbsent(r[0], k -> new ArrayList<>()).add(Double.parseDouble(r[1]));
        }
        List<Double> g = grids.get("B0->K*0 all");
        double[] q2 = new double[g.size()];
        for (int i = 0; i < q2.length; i++) {
            q2[i] = g.get(i);
        }
        Map<String, double[][]> tables = new LinkedHashMap<>();
        byName.forEach((k, v) -> tables.put(k, v.toArray(new double[0][])));
        return new QcdfSpectatorTable(q2, tables);
    }

    private static String name(boolean conjugate, String part) {
        return "B0->K*0 " + (conjugate ? "CP conjugate " : "") + part;
    }

    /**
     * The correction {H+, H−, H0} (out = 6 doubles: re/im of each) at q² for one CP set, with the
     * parts in {@code off} removed from the total.
     */
    public void at(double s, boolean conjugate, java.util.Set<Part> off, double[] out) {
        java.util.Arrays.fill(out, 0);
        if (s >= Q2_CUT) {
            return;
        }
        int k = cell(s);
        double t = (s - q2[k]) / (q2[k + 1] - q2[k]);
        add(tables.get(name(conjugate, "all")), k, t, 1, out);
        for (Part p : off) {
            add(tables.get(name(conjugate, p.name())), k, t, -1, out);
        }
        unstrip(s, out);
    }

    /** One contribution alone, in the layout of {@link #at}. */
    public void contribution(Part part, double s, boolean conjugate, double[] out) {
        java.util.Arrays.fill(out, 0);
        if (s >= Q2_CUT) {
            return;
        }
        int k = cell(s);
        add(tables.get(name(conjugate, part.name())), k, (s - q2[k]) / (q2[k + 1] - q2[k]), 1, out);
        unstrip(s, out);
    }

    private int cell(double s) {
        int k = Math.max(0, Math.min(q2.length - 2, (int) Math.floor((s - q2[0]) / (q2[1] - q2[0]))));
        while (k > 0 && s < q2[k]) {
            k--;
        }
        while (k < q2.length - 2 && s >= q2[k + 1]) {
            k++;
        }
        return k;
    }

    /** Divides the stored q² H± and √q² H0 by their q² factors. */
    private static void unstrip(double s, double[] out) {
        double sq = Math.sqrt(s);
        for (int i = 0; i < 4; i++) {
            out[i] /= s;
        }
        out[4] /= sq;
        out[5] /= sq;
    }

    private static void add(double[][] table, int k, double t, double sign, double[] out) {
        for (int i = 0; i < 6; i++) {
            out[i] += sign * (table[k][i] + t * (table[k + 1][i] - table[k][i]));
        }
    }
}
