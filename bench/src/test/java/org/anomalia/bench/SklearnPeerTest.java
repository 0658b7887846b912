package org.anomalia.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.anomalia.data.Table;
import org.anomalia.data.npy.NpyWriter;
import org.anomalia.events.lhco.LhcoSplit;
import org.anomalia.events.metrics.Roc;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SklearnPeerTest {
    @TempDir
    Path dir;

    @Test
    void parseReadsTheReportAndTheScores() throws IOException {
        Path scores = dir.resolve("s.npy");
        NpyWriter.write(scores, new Table("s", List.of("c0"), new double[][] {{0.25, 0.5, 0.75}}));
        List<String> lines = List.of("sklearn=1.2.1", "rows_one=7", "rows_zero=9", "rows_eval=3", "iterations=12,15",
                "fit_seconds=1.5", "cpu_seconds=1.25", "score_seconds=0.5", "a warning line with = inside");
        SklearnPeer.Run r = SklearnPeer.parse(lines, scores, 4.0);
        assertArrayEquals(new double[] {0.25, 0.5, 0.75}, r.scores());
        assertEquals(7, r.rowsOne());
        assertEquals(9, r.rowsZero());
        assertEquals("12,15", r.iterations());
        assertEquals(1.5, r.fitSeconds());
        assertEquals(1.25, r.cpuSeconds());
        assertEquals(0.5, r.scoreSeconds());
        assertEquals(4.0, r.processSeconds());
    }

    @Test
    void parseRejectsAMissingKeyOrAScoreCountThatDiffers() throws IOException {
        Path scores = dir.resolve("s.npy");
        NpyWriter.write(scores, new Table("s", List.of("c0"), new double[][] {{0.25, 0.5}}));
        List<String> full = List.of("rows_one=7", "rows_zero=9", "rows_eval=3", "iterations=12", "fit_seconds=1",
                "cpu_seconds=1", "score_seconds=0");
        assertTrue(assertThrows(IOException.class, () -> SklearnPeer.parse(full, scores, 1)).getMessage().contains("wrote 2 scores"));
        assertTrue(assertThrows(IOException.class, () -> SklearnPeer.parse(full.subList(1, full.size()), scores, 1))
                .getMessage().contains("rows_one"));
        assertTrue(assertThrows(IOException.class, () -> SklearnPeer.parse(full, dir.resolve("none.npy"), 1))
                .getMessage().contains("no scores file"));
    }

    /**
     * The script on a toy copy of the LHCO files: it must take the supervised signal from row 20000
     * of innerdata_extrasig, drop the label-1 rows of innerdata_test, and score evaldata_test in order.
     */
    @Test
    void scriptBuildsTheAgreedSplitAndSeparatesAnObviousSignal() throws IOException {
        SklearnPeer peer = SklearnPeer.find();
        Assumptions.assumeTrue(peer != null, "/usr/bin/python3 without scikit-learn");
        SplittableRandom rng = new SplittableRandom(5);
        write("innerdata_train.npy", events(rng, 300, 0, 0));
        write("innerdata_test.npy", events(rng, 400, 30, 0));
        // Rows before 20000 look like background: taken by mistake they would also change rows_one.
        write("innerdata_extrasig.npy", events(rng, 0, 0, 20000).concat(events(rng, 0, 250, 0)));
        Table eval = events(rng, 150, 150, 0);
        write("evaldata_test.npy", eval);

        SklearnPeer.Run r = peer.run(dir, "supervised", 3, 50, "balanced", 1, 1, false);
        assertEquals(250, r.rowsOne());
        assertEquals(400, r.rowsZero());
        assertEquals(300, r.scores().length);
        double auc = Roc.of(r.scores(), eval.labels("label")).auc();
        assertTrue(auc > 0.95, "AUC " + auc);
    }

    /** Background features ~ N(0, 1), signal ~ N(2, 1) in all four; extra "unlabelled signal" rows look like background. */
    private static Table events(SplittableRandom rng, int background, int signal, int backgroundLikeSignal) {
        int n = background + signal + backgroundLikeSignal;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            boolean sig = i >= background && i < background + signal;
            double shift = sig ? 2 : 0;
            rows[i] = new double[] {3.5, shift + rng.nextGaussian(), shift + rng.nextGaussian(), shift + rng.nextGaussian(),
                    shift + rng.nextGaussian(), i >= background ? 1 : 0};
        }
        return Table.ofRows("toy", LhcoSplit.COLUMNS, rows);
    }

    private void write(String name, Table t) throws IOException {
        NpyWriter.write(dir.resolve(name), t);
    }
}
