package org.anomalia.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.DecimalFormat;
import org.junit.jupiter.api.Test;

/** Tick labels read like a physicist's plot: 3.3, 3.35, 3.4 rather than 3.30000177546999. */
class PlotWriterTest {
    @Test
    void ticksAtRoundStepsWithTheDecimalsTheyNeed() {
        assertEquals(0.05, PlotWriter.niceStep(0.4), 1e-15);
        assertEquals(0.2, PlotWriter.niceStep(2.2), 1e-15);
        assertEquals(500, PlotWriter.niceStep(4000), 1e-9);
        assertEquals(1e-4, PlotWriter.niceStep(0.0011), 1e-18);
        DecimalFormat mjj = new DecimalFormat(PlotWriter.decimalPattern(3.30000177546999, 3.70000234));
        assertEquals("3.3", mjj.format(Math.floor(3.30000177546999 / 0.05 + 1e-9) * 0.05));
        assertEquals("3.35", mjj.format(3.35));
        assertEquals("1235", new DecimalFormat(PlotWriter.decimalPattern(0, 5000)).format(1234.6));
        assertEquals("0.0031", new DecimalFormat(PlotWriter.decimalPattern(0, 0.0062)).format(0.0031));
        assertEquals("0.###", PlotWriter.decimalPattern(1, 1)); // one point: no range to size the decimals by
    }
}
