package org.anomalia.numerics.io;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop on stderr, in one of three modes: a live bar redrawn with {@code \r} on a
 * terminal; whole lines every 10 % or 10 s when stderr goes to a log file or a pipe (a {@code \r} bar
 * would turn the log into one long line); nothing with {@code --quiet}.
 *
 * <p>The mode comes from {@link #setMode} (the CLI's {@code --quiet}), else the system property
 * {@value #PROPERTY} ({@code bar}, {@code lines} or {@code quiet}; {@code bin/anomalia} sets it from
 * whether stderr is a terminal, which Java cannot see through the script's pipe), else {@code bar} when
 * {@link System#console()} exists and {@code lines} otherwise. {@link #step} is thread-safe and cheap
 * (one atomic add; the clock is read once per 1024 steps at most).
 */
public final class Progress implements AutoCloseable {
    /** How progress is shown. */
    public enum Mode { BAR, LINES, QUIET }

    /** System property: bar, lines or quiet. */
    public static final String PROPERTY = "anomalia.progress";
    /** In lines mode: a line at every tenth of the work, or after this long without one. */
    static final long LINE_EVERY_NANOS = 10_000_000_000L;
    /** In bar mode: redraw at most this often. */
    static final long REDRAW_NANOS = 500_000_000L;

    private static volatile Mode chosen;

    private final String task;
    private final String unit;
    private final long total;
    private final Mode mode;
    private final PrintStream out;
    private final LongSupplier clock;
    private final long start;
    private final AtomicLong done = new AtomicLong();
    private long lastShown;
    private long lastShownAt;
    private volatile int lastTenth;
    private String extra = "";
    private boolean closed;

    Progress(String task, long total, String unit, Mode mode, PrintStream out, LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.mode = mode;
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastShownAt = start;
    }

    /** Progress over {@code total} units (rows, folds …) on stderr, in the current {@link #mode()}. */
    public static Progress start(String task, long total, String unit) {
        return new Progress(task, total, unit, mode(), System.err, System::nanoTime);
    }

    /** Sets the mode for every progress started afterwards (null: back to the property / console rule). */
    public static void setMode(Mode mode) {
        chosen = mode;
    }

    public static Mode mode() {
        Mode m = chosen;
        if (m != null) return m;
        String p = System.getProperty(PROPERTY);
        if (p != null) {
            switch (p.trim().toLowerCase(Locale.ROOT)) {
                case "bar": return Mode.BAR;
                case "lines": return Mode.LINES;
                case "quiet": case "none": return Mode.QUIET;
                default: break;
            }
        }
        return System.console() != null ? Mode.BAR : Mode.LINES;
    }

    /** Counts {@code n} more units done. */
    public void step(long n) {
        long now = done.addAndGet(n);
        if (mode == Mode.QUIET) return;
        // look at the clock only now and then: the callers step once per row
        if (((now - n) >>> 10) != (now >>> 10) || n >= 1024 || (mode == Mode.LINES && reachedTenth(now))) maybeShow(now);
    }

    /** Counts one more unit done. */
    public void step() {
        step(1);
    }

    /** A short note shown after the numbers (for example the last epoch's loss). */
    public synchronized void note(String text) {
        extra = text == null ? "" : text;
    }

    private boolean reachedTenth(long now) {
        return total > 0 && (int) Math.min(10, now * 10 / total) > lastTenth;
    }

    private synchronized void maybeShow(long now) {
        if (closed) return;
        long t = clock.getAsLong();
        if (mode == Mode.BAR) {
            if (t - lastShownAt >= REDRAW_NANOS) {
                out.print("\r" + bar(now, t));
                out.flush();
                lastShownAt = t;
            }
            return;
        }
        int tenth = total > 0 ? (int) Math.min(10, now * 10 / total) : 0;
        boolean newTenth = tenth > lastTenth && tenth < 10; // 100 % is the closing line
        if (newTenth || (t - lastShownAt >= LINE_EVERY_NANOS && now > lastShown)) {
            out.println(line(now, t));
            out.flush();
            lastShownAt = t;
            lastShown = now;
            lastTenth = Math.max(lastTenth, tenth);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (mode == Mode.QUIET) return;
        long now = done.get();
        long t = clock.getAsLong();
        if (mode == Mode.BAR) {
            out.println("\r" + bar(now, t));
        } else {
            double s = (t - start) / 1e9;
            out.println(String.format(Locale.ROOT, "%s: %s %d%s in %s (%s%s/s)%s", task, total > 0 && now >= total ? "done," : "stopped at",
                    now, unit, duration(s), rate(now, s), unit, extra));
        }
        out.flush();
    }

    private String line(long now, long t) {
        double s = (t - start) / 1e9;
        String pct = total > 0 ? String.format(Locale.ROOT, "%3d %% ", Math.min(100, now * 100 / total)) : "";
        String eta = total > 0 && now > 0 && now < total ? ", ETA " + duration(s * (total - now) / now) : "";
        return String.format(Locale.ROOT, "%s: %s(%d/%d%s, %s%s/s%s)%s", task, pct, now, total, unit, rate(now, s), unit, eta, extra);
    }

    private String bar(long now, long t) {
        double s = (t - start) / 1e9;
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, now * width / total) : 0;
        String pct = total > 0 ? String.format(Locale.ROOT, "%3d%%", Math.min(100, now * 100 / total)) : "";
        String eta = total > 0 && now > 0 && now < total ? " ETA " + duration(s * (total - now) / now) : " " + duration(s);
        return String.format(Locale.ROOT, "%s %s [%s%s] %d/%d%s %s%s/s%s%s", task, pct, "=".repeat(filled), " ".repeat(width - filled),
                now, total, unit, rate(now, s), unit, eta, extra);
    }

    private static String rate(long n, double seconds) {
        if (seconds <= 0) return "-";
        double r = n / seconds;
        if (r >= 1e4) return String.format(Locale.ROOT, "%.0fk", r / 1e3);
        return r >= 100 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.3g", r);
    }

    static String duration(double s) {
        if (!Double.isFinite(s)) return "?";
        long sec = Math.round(s);
        if (sec < 60) return String.format(Locale.ROOT, "%.1f s", s);
        return String.format(Locale.ROOT, "%d:%02d:%02d", sec / 3600, (sec / 60) % 60, sec % 60);
    }
}
