package org.anomalia.numerics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A clock that advances 10 µs per reading: 400 000 rows then take a few seconds, as a real sample does. */
    private final AtomicLong nanos = new AtomicLong();

    private Progress progress(long total, Progress.Mode mode) {
        return new Progress("bsll sample", total, " rows", mode, err, () -> nanos.addAndGet(10_000));
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void reset() {
        Progress.setMode(null);
        System.clearProperty(Progress.PROPERTY);
    }

    @Test
    void inALogA400000StepProgressWritesAFewWholeLinesAndNoCarriageReturn() {
        try (Progress p = progress(400_000, Progress.Mode.LINES)) {
            for (int i = 0; i < 400_000; i++) p.step(1);
        }
        String out = text();
        assertFalse(out.contains("\r"), "no carriage returns in a log");
        List<String> lines = out.lines().toList();
        assertTrue(lines.size() >= 10 && lines.size() <= 12, lines.size() + " lines:\n" + out);
        assertTrue(lines.get(0).startsWith("bsll sample:  10 % (40000/400000 rows"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("bsll sample: done, 400000 rows in "), lines.get(lines.size() - 1));
        assertTrue(out.endsWith("\n"));
    }

    @Test
    void aSlowLoopGetsALineEveryTenSecondsBetweenTheTenths() {
        // 3 s per clock reading; five steps of 2000 rows (1 % of the work) read the clock at 6, 9, 12, 15, 18 s
        try (Progress p = new Progress("train", 1_000_000, " rows", Progress.Mode.LINES, err, () -> nanos.addAndGet(3_000_000_000L))) {
            for (int i = 0; i < 5; i++) p.step(2000);
        }
        List<String> lines = text().lines().toList();
        assertEquals(2, lines.size(), text());
        assertTrue(lines.get(0).startsWith("train:   0 % (8000/1000000 rows"), lines.get(0)); // 12 s after the start
        assertTrue(lines.get(1).startsWith("train: stopped at 10000 rows in "), lines.get(1));
    }

    @Test
    void onATerminalTheBarRedrawsInPlaceAndEndsTheLine() {
        try (Progress p = new Progress("bsll sample", 400_000, " rows", Progress.Mode.BAR, err, () -> nanos.addAndGet(2_000_000))) {
            for (int i = 0; i < 400_000; i++) p.step(1);
        }
        String out = text();
        assertTrue(out.startsWith("\r") && out.endsWith("\n"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one terminal line, redrawn in place");
        assertTrue(out.chars().filter(c -> c == '\r').count() >= 2, out);
        assertTrue(out.contains("100%") && out.contains("400000/400000 rows"), out);
    }

    @Test
    void quietWritesNothing() {
        try (Progress p = progress(400_000, Progress.Mode.QUIET)) {
            for (int i = 0; i < 400_000; i++) p.step(1);
        }
        assertEquals("", text());
    }

    @Test
    void theModeFollowsTheSettingThenThePropertyThenTheConsole() {
        System.setProperty(Progress.PROPERTY, "lines");
        assertEquals(Progress.Mode.LINES, Progress.mode());
        System.setProperty(Progress.PROPERTY, "bar");
        assertEquals(Progress.Mode.BAR, Progress.mode());
        Progress.setMode(Progress.Mode.QUIET);
        assertEquals(Progress.Mode.QUIET, Progress.mode());
        Progress.setMode(null);
        System.clearProperty(Progress.PROPERTY);
        assertEquals(System.console() != null ? Progress.Mode.BAR : Progress.Mode.LINES, Progress.mode());
    }

    @Test
    void stepsFromSeveralThreadsAreAllCounted() throws InterruptedException {
        Progress p = progress(200_000, Progress.Mode.LINES);
        Thread[] t = new Thread[4];
        for (int k = 0; k < t.length; k++) {
            t[k] = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) p.step(1);
            });
            t[k].start();
        }
        for (Thread x : t) x.join();
        p.close();
        List<String> lines = text().lines().toList();
        assertTrue(lines.get(lines.size() - 1).contains("done, 200000 rows"), text());
        assertTrue(lines.size() <= 12, text());
    }
}
