package org.anomalia.events.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class ScanWindowsTest {
    static final Binning BINS = Binning.ofWidth(2.5, 6.0, 0.02);

    @Test
    void linearGridWithStaggeredCopies() {
        List<ScanWindow> one = ScanWindows.grid(BINS, 3.0, 4.0, 0.4, 0.2, false, 1);
        assertEquals(4, one.size()); // 3.0, 3.2, 3.4, 3.6
        assertEquals(3.0, one.get(0).low(), 1e-12);
        assertEquals(3.4, one.get(0).high(), 1e-12);
        assertEquals(3.6, one.get(3).low(), 1e-12);
        List<ScanWindow> two = ScanWindows.grid(BINS, 3.0, 4.0, 0.4, 0.2, false, 2);
        assertEquals(7, two.size()); // plus 3.1, 3.3, 3.5
        for (int i = 0; i < two.size(); i++) {
            assertEquals(3.0 + 0.1 * i, two.get(i).low(), 1e-12);
            assertEquals(i, two.get(i).index());
            assertEquals(20, two.get(i).toBin() - two.get(i).fromBin());
        }
    }

    @Test
    void logGridWidensWithMassAndSnapsToBins() {
        List<ScanWindow> w = ScanWindows.grid(BINS, 3.0, 5.0, 0.1, 0.1, true, 1);
        for (ScanWindow s : w) {
            assertEquals(0.1 * s.low(), s.width(), BINS.width() + 1e-9);
            assertEquals(s.low(), BINS.edge(s.fromBin()), 0);
        }
        assertEquals(3.0, w.get(0).low(), 1e-12);
        assertEquals(3.3, w.get(1).low(), 0.011);
    }

    @Test
    void explicitListAndItsErrors() {
        List<ScanWindow> w = ScanWindows.list(BINS, List.of("3.5:3.9", "3.3:3.7", "3.305:3.705"));
        assertEquals(2, w.size()); // 3.305:3.705 snaps onto 3.3:3.7 (kept once), sorted by edge
        assertEquals(3.3, w.get(0).low(), 1e-12);
        assertThrows(UserException.class, () -> ScanWindows.list(BINS, List.of("5.8:6.4")));
        assertThrows(UserException.class, () -> ScanWindows.list(BINS, List.of("3.3-3.7")));
        assertThrows(UserException.class, () -> ScanWindows.list(BINS, List.of("3.300:3.305")));
        assertThrows(UserException.class, () -> ScanWindows.grid(BINS, 3.0, 3.2, 0.4, 0.2, false, 1));
    }
}
