package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** anomalia events scan-study end to end on small generated datasets: the files, the same seed giving the same study.json, bad input. */
class EventsScanStudyCommandTest {
    @TempDir
    Path dir;

    static String[] study(Path out, String... extra) {
        String[] base = {"events", "scan-study", "--model", "toy", "--s-over-b", "0,0.1", "--datasets", "2", "--background-events", "40000", "--scan-range", "2.9,5.0",
                "--bin-width", "0.05", "--toys", "20", "--seed", "7", "--out", out.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void bumpHuntStudyWritesEverythingAndRepeatsBitForBit() throws IOException {
        assertEquals(Main.OK, Main.execute(study(dir.resolve("a"))));
        assertEquals(Main.OK, Main.execute(study(dir.resolve("b"))));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/study.json")), Files.readAllBytes(dir.resolve("b/study.json")));
        for (String f : new String[] {"report.html", "global_z_toys.png", "global_z_gv.png", "contains_mass.png", "null_p_cdf_bumphunt_toys.png"}) {
            assertTrue(Files.size(dir.resolve("a").resolve(f)) > 0, f);
        }
        JsonNode j = new ObjectMapper().readTree(dir.resolve("a/study.json").toFile());
        assertEquals(7, j.get("seed").asInt());
        assertEquals("[\"bumphunt\"]", j.get("methods").toString());
        assertEquals(4, j.get("datasets").size());
        JsonNode points = j.path("summary").get(0).path("points");
        assertEquals(0.0, points.get(0).path("s_over_b").asDouble(), 0);
        assertEquals(0.1, points.get(1).path("s_over_b").asDouble(), 0);
        // the summary's count of best windows holding the mass is the count over the datasets it summarizes
        int holding = 0;
        for (JsonNode d : j.get("datasets")) {
            if (d.get("s_over_b").asDouble() == 0.1 && d.get("contains_signal_mass").asBoolean()) holding++;
            double p = d.get("global_p_toys").asDouble();
            assertTrue(p > 0 && p <= 1, d.toString());
        }
        assertEquals(holding, points.get(1).path("best_window_contains_mass").asInt());
        assertTrue(j.path("summary").get(0).path("background_only_uniformity_toys").path("p").isNumber());
        // each scan's own scan.json sits under scans/: its largest local Z over the windows is the study's max_local_z for that scan
        for (JsonNode d : j.get("datasets")) {
            Path scan = dir.resolve("a/scans").resolve("sb" + d.get("s_over_b").asDouble() + "-dataset" + d.get("dataset").asInt() + "-bumphunt.json");
            JsonNode s = new ObjectMapper().readTree(scan.toFile());
            assertEquals(d.get("scan_seed").asLong(), s.get("seed").asLong());
            double max = Double.NEGATIVE_INFINITY;
            for (JsonNode w : s.get("windows")) for (JsonNode c : w.get("cuts")) if (c.get("local_z").isNumber()) max = Math.max(max, c.get("local_z").asDouble());
            assertEquals(d.get("max_local_z").asDouble(), max, 1e-12, scan.toString());
        }
    }

    @Test
    void badInputIsOneLineAndExitTwoBeforeAnyWork() throws IOException {
        Path out = dir.resolve("none");
        UserErrorRun.assertOneLineUserError("empty S/B", "--s-over-b", study(out, "--s-over-b", ""));
        UserErrorRun.assertOneLineUserError("negative S/B", "--s-over-b", study(out, "--s-over-b", "0,-0.01"));
        UserErrorRun.assertOneLineUserError("no datasets", "--datasets", study(out, "--datasets", "0"));
        UserErrorRun.assertOneLineUserError("unknown method", "--method", study(out, "--method", "cwola,magic"));
        UserErrorRun.assertOneLineUserError("method twice", "--method", study(out, "--method", "cwola,cwola"));
        UserErrorRun.assertOneLineUserError("no toys", "--toys", study(out, "--toys", "0"));
        UserErrorRun.assertOneLineUserError("feature", "--features", study(out, "--method", "cwola", "--features", "mjj,mj1"));
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        UserErrorRun.assertOneLineUserError("out is a file", "--out", study(file));
        assertFalse(Files.exists(out));
        assertEquals(Main.OK, Main.execute("events", "scan-study", "--help"));
    }
}
