package org.anomalia.events.method;

import java.util.function.Function;
import org.anomalia.data.Table;

/**
 * Puts together the scores of selected data rows: rows a method trained on get their out-of-fold
 * score, all others the score of the whole fitted method (computed in one batch).
 */
final class RowScores {
    private RowScores() {
    }

    /**
     * @param trained index of each data row in the training scores, or −1 for rows not trained on
     * @param trainedScores out-of-fold scores of the training rows
     * @param others scores the data rows given (a sub-table of {@code data})
     */
    static double[] compose(Table data, boolean[] rows, int[] trained, double[] trainedScores, Function<Table, double[]> others) {
        int selected = 0;
        int untrained = 0;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i]) {
                selected++;
                if (trained[i] < 0) untrained++;
            }
        }
        boolean[] rest = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) rest[i] = rows[i] && trained[i] < 0;
        double[] restScores = untrained == 0 ? new double[0] : others.apply(data.filter(rest));
        double[] out = new double[selected];
        int k = 0;
        int r = 0;
        for (int i = 0; i < rows.length; i++) {
            if (!rows[i]) continue;
            out[k++] = trained[i] >= 0 ? trainedScores[trained[i]] : restScores[r++];
        }
        return out;
    }

    /** Index within the filtered table of each row kept by {@code keep}, −1 elsewhere; {@code offset} added. */
    static int[] positions(boolean[] keep, int offset, int[] into) {
        int k = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) into[i] = offset + k++;
        }
        return into;
    }

    static int[] none(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /** Rows of the data in [low − width, low) or [high, high + width) (width ≤ 0: all outside), as SignalRegion.sidebands. */
    static boolean[] sidebandRows(Window w, double width) {
        double[] v = w.data().column(w.region().variable());
        boolean[] in = new boolean[v.length];
        double low = w.region().low();
        double high = w.region().high();
        for (int i = 0; i < v.length; i++) {
            boolean below = v[i] < low && (width <= 0 || v[i] >= low - width);
            boolean above = v[i] >= high && (width <= 0 || v[i] < high + width);
            in[i] = below || above;
        }
        return in;
    }
}
