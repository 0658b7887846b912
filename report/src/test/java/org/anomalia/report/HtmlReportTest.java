package org.anomalia.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @Test
    void histogramCountsAndDensity() {
        Histogram h = Histogram.of(new double[] {0, 0.1, 0.6, 0.9, 1.0, Double.NaN}, 2, 0, 1);
        assertArrayEquals(new double[] {2, 3}, h.counts(), 0); // 1.0 goes to the last bin
        assertEquals(5, h.total());
        assertArrayEquals(new double[] {0.8, 1.2}, h.density(), 1e-12); // area 1
        assertArrayEquals(new double[] {0.25, 0.75}, h.centers(), 1e-12);
    }

    @Test
    void weightedHistogramEqualsTheHistogramOfDuplicatedValues() {
        // weights 2, 0, 1, 3 = the value 0.1 twice, 0.6 left out, 0.9 once, 1.0 three times
        Histogram w = Histogram.of(new double[] {0.1, 0.6, 0.9, 1.0}, new double[] {2, 0, 1, 3}, 2, 0, 1);
        Histogram d = Histogram.of(new double[] {0.1, 0.1, 0.9, 1.0, 1.0, 1.0}, 2, 0, 1);
        assertArrayEquals(d.counts(), w.counts(), 0);
        assertArrayEquals(new double[] {2, 4}, w.counts(), 0);
        assertEquals(6, w.total());
        assertArrayEquals(d.density(), w.density(), 1e-15);
    }

    @Test
    void tableAlignsColumnsAndChecksWidth() {
        Table t = new Table("name", "p").row("chi2", 0.05).row("vae", "0.1");
        assertEquals("name  p\n----------\nchi2  0.05\nvae   0.1\n", t.toText());
        assertThrows(IllegalArgumentException.class, () -> t.row("only one"));
    }

    @Test
    void writesHtmlWithPngFiguresHeadless(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3};
        Figure lines = Figure.xy("curve & <data>", "x", "y").line("f", x, new double[] {1, 2, 4, 8})
                .scatter("pts", x, new double[] {1, 2, 3, 4}).marker("observed", 1.5).logY();
        Figure hist = Figure.xy("hist", "v", "density").histogram("h", Histogram.of(new double[] {1, 2, 2, 3}, 3), true);
        Figure bars = Figure.bars("pulls", "pull", List.of("a", "b"), new double[] {1.5, -0.5});
        Path html = new HtmlReport("Test report").heading("Section").paragraph("a < b")
                .table(new Table("k", "v").row("x", 1)).figure(lines, "lines.png", "a line")
                .figure(hist, "hist.svg", "a histogram").figure(bars, "bars.png", "bars").write(dir);
        String text = Files.readString(html);
        assertTrue(text.contains("<h2>Section</h2>") && text.contains("a &lt; b") && text.contains("<td>x</td>"));
        assertTrue(text.contains("src=\"lines.png\"") && text.contains("curve &amp; &lt;data&gt;"));
        BufferedImage img = ImageIO.read(dir.resolve("lines.png").toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        assertTrue(Files.readString(dir.resolve("hist.svg")).contains("<svg"));
        assertTrue(Files.size(dir.resolve("bars.png")) > 1000);
    }
}
