package org.anomalia.events.kinematics;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.numerics.UserException;

/**
 * The four-momenta of named particles read from a table, one per particle per row, checked before
 * use: every column present, every value finite, and no particle with E below |p| by more than
 * {@link #TOLERANCE} (relative; float ntuples of massless particles round to E ≈ |p| either way).
 */
public final class ParticleMomenta {
    /** Relative amount by which E may fall below |p| before the row is refused (a swapped or wrong column). */
    public static final double TOLERANCE = 1e-5;

    private final List<String> particles;
    private final FourVector[][] vectors; // [particle][row]

    private ParticleMomenta(List<String> particles, FourVector[][] vectors) {
        this.particles = List.copyOf(particles);
        this.vectors = vectors;
    }

    /** Reads and checks; a user error naming the file, row and particle on the first bad value. */
    public static ParticleMomenta read(Table table, List<String> particles, MomentumColumns layout) {
        if (particles.isEmpty()) throw new UserException("--particles: name at least one particle");
        if (particles.stream().distinct().count() != particles.size()) {
            throw new UserException("--particles: a particle is named twice in " + particles);
        }
        List<double[][]> cols = new ArrayList<>();
        for (String p : particles) {
            double[][] c = new double[4][];
            List<String> names = layout.columns(p);
            for (int k = 0; k < 4; k++) {
                if (!table.has(names.get(k))) {
                    throw new UserException(table.source() + ": particle '" + p + "' needs column '" + names.get(k) + "' (" + layout.name().toLowerCase()
                            + " layout: " + String.join(", ", names) + "); available columns: " + String.join(", ", table.names()));
                }
                c[k] = table.column(names.get(k));
            }
            cols.add(c);
        }
        int n = table.rows();
        FourVector[][] v = new FourVector[particles.size()][n];
        for (int i = 0; i < particles.size(); i++) {
            double[][] c = cols.get(i);
            List<String> names = layout.columns(particles.get(i));
            for (int r = 0; r < n; r++) {
                for (int k = 0; k < 4; k++) {
                    if (!Double.isFinite(c[k][r])) {
                        throw new UserException(table.source() + ": row " + r + ", column '" + names.get(k) + "' is " + c[k][r]
                                + "; momenta must be finite (drop or fix the row)");
                    }
                }
                if (layout == MomentumColumns.PT_ETA_PHI_M && (c[0][r] < 0 || c[3][r] < -TOLERANCE * Math.abs(c[0][r]))) {
                    throw new UserException(table.source() + ": row " + r + ", particle '" + particles.get(i) + "' has pt " + c[0][r] + " and m " + c[3][r]
                            + "; pt and mass must not be negative");
                }
                FourVector f = layout.vector(c[0][r], c[1][r], c[2][r], c[3][r]);
                double p = f.p();
                if (p - f.e() > TOLERANCE * p) {
                    throw new UserException(table.source() + ": row " + r + ", particle '" + particles.get(i) + "' has E = " + f.e() + " below |p| = " + p
                            + "; check that " + names.get(3) + " is the energy and the columns are not swapped");
                }
                v[i][r] = f;
            }
        }
        return new ParticleMomenta(particles, v);
    }

    public List<String> particles() {
        return particles;
    }

    public int rows() {
        return vectors.length == 0 ? 0 : vectors[0].length;
    }

    public FourVector get(int particle, int row) {
        return vectors[particle][row];
    }

    /** Every vector moved to another frame by {@code f}. */
    public ParticleMomenta transformed(java.util.function.UnaryOperator<FourVector> f) {
        FourVector[][] out = new FourVector[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = new FourVector[vectors[i].length];
            for (int r = 0; r < out[i].length; r++) out[i][r] = f.apply(vectors[i][r]);
        }
        return new ParticleMomenta(particles, out);
    }
}
