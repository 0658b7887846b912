package org.anomalia.events.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts after cuts by hand. */
class CutRowTest {
    @Test
    void countsInTheSignalRegionAfterDataDrivenCuts() {
        // Ten candidates scored 10 … 1; signal at ranks 1, 2, 4; rank 4 and 9, 10 outside the signal region.
        // SR: ranks 1, 2, 3, 5, 6, 7, 8 → S0 = 2, B0 = 5, S0/√(S0+B0) = 2/√7.
        double[] scores = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        int[] labels = {1, 1, 0, 1, 0, 0, 0, 0, 0, 0};
        boolean[] sr = {true, true, true, false, true, true, true, true, false, false};
        List<CutRow> rows = CutRow.table(scores, labels, sr, new double[] {1, 0.5, 0.2, 0.1});
        assertEquals(2, rows.get(0).signal());
        assertEquals(5, rows.get(0).background());
        assertEquals(1.0, rows.get(0).improvement(), 1e-12);
        // Top 50 % (scores ≥ 6): in the SR ranks 1, 2, 3, 5 → S 2, B 2, z = 1, improvement √7/2.
        assertEquals(2, rows.get(1).signal());
        assertEquals(2, rows.get(1).background());
        assertEquals(Math.sqrt(7) / 2, rows.get(1).improvement(), 1e-12);
        assertEquals(0.4, rows.get(1).backgroundEfficiency(), 1e-12);
        // Top 20 % (scores ≥ 9): S 2, B 0 → z = √2, improvement √7/√2.
        assertEquals(Math.sqrt(7.0 / 2), rows.get(2).improvement(), 1e-12);
        assertEquals(1.0, rows.get(2).signalEfficiency(), 1e-12);
        // Top 10 %: S 1, B 0 → z = 1.
        assertEquals(1, rows.get(3).signal());
        assertEquals(0.2, CutRow.best(rows).kept(), 0);
    }

    @Test
    void tiedScoresMoveTogether() {
        List<CutRow> rows = CutRow.table(new double[] {5, 5, 5, 1}, new int[] {1, 0, 0, 0}, new boolean[] {true, true, true, true}, new double[] {0.25});
        assertEquals(1, rows.get(0).signal());
        assertEquals(2, rows.get(0).background());
    }

    @Test
    void encoderWidthsForATotalDepth() {
        assertEquals(0, StudyConfig.encoderWidths(1).length);
        assertEquals(List.of(64), java.util.Arrays.stream(StudyConfig.encoderWidths(3)).boxed().toList());
        assertEquals(List.of(64, 32), java.util.Arrays.stream(StudyConfig.encoderWidths(5)).boxed().toList());
        assertEquals(List.of(64, 32, 16), java.util.Arrays.stream(StudyConfig.encoderWidths(7)).boxed().toList());
    }
}
