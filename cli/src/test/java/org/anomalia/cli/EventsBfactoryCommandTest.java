package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate-bfactory → features → significance-study end to end on a small sample, and their bad inputs. */
class EventsBfactoryCommandTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        assertEquals(Main.OK, Main.execute("events", "generate-bfactory", "--events", "4000", "--jpsik-rate", "0.05", "--seed", "3",
                "--out", dir.resolve("cand.npy").toString()));
        assertEquals(Main.OK, Main.execute("events", "features", "--events", dir.resolve("cand.npy").toString(), "--particles", "mup,mum,k",
                "--cm-beams", "7,4", "--b-candidate", "--out", dir.resolve("f.npy").toString()));
    }

    @Test
    void generatedFileCarriesSeedAndColumns() throws Exception {
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("cand.npy.meta.json").toFile());
        assertEquals(3, meta.get("seed").asInt());
        assertEquals("event", meta.get("columns").get(0).asText());
        assertTrue(meta.get("counts").get("signalCandidates").asInt() > 20);
    }

    @Test
    void studyEndToEnd() throws Exception {
        Path out = dir.resolve("study");
        assertEquals(Main.OK, Main.execute("events", "significance-study", "--events", dir.resolve("f.npy").toString(), "--resonant", "m_mup_mum_k",
                "--sr", "5.25,5.31", "--scores", "ae-mse,ae-logcosh", "--depths", "3", "--latents", "2", "--epochs", "2", "--seeds", "1,2",
                "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("report.html")));
        JsonNode j = new ObjectMapper().readTree(out.resolve("study.json").toFile());
        // 2 scores × 2 input sets + 2 scan points, per seed.
        assertEquals(12, j.get("runs").size());
        Table raw = TableFiles.read(dir.resolve("f.npy"));
        Table f = raw.renamed(EventsInputs.namesFromSettingsBeside(dir.resolve("f.npy"), raw.columnCount()));
        JsonNode counts = j.get("counts").get("1");
        assertEquals(f.rows(), counts.get("train").asInt() + counts.get("judged").asInt());
        long srAll = java.util.Arrays.stream(f.column("m_mup_mum_k")).filter(v -> v >= 5.25 && v < 5.31).count();
        assertTrue(counts.get("judged_in_signal_region").asInt() < srAll);
        JsonNode first = j.get("runs").get(0).get("cuts");
        // keys in one order, in every JVM
        assertEquals(List.of("variable", "low", "high"), names(j.get("signal_region")));
        assertEquals(List.of("kept", "threshold", "S", "B", "s_over_sqrt_s_plus_b", "improvement", "signal_efficiency", "background_efficiency"),
                names(first.get(0)));
        assertEquals(1.0, first.get(0).get("kept").asDouble());
        assertEquals(1.0, first.get(0).get("improvement").asDouble(), 1e-12);
        assertEquals(counts.get("signal_in_signal_region").asInt(), first.get(0).get("S").asInt());
        // Tighter cuts keep fewer candidates.
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i).get("S").asInt() + first.get(i).get("B").asInt() <= first.get(i - 1).get("S").asInt() + first.get(i - 1).get("B").asInt());
        }
    }

    @Test
    void badInputs() {
        String f = dir.resolve("f.npy").toString();
        fails("missing column", "'nope'", "significance-study", "--events", f, "--resonant", "m_mup_mum_k", "--sr", "5.25,5.31",
                "--input-set", "x=m_mup_mum,nope", "--no-scans");
        fails("unknown score", "unknown score", "significance-study", "--events", f, "--resonant", "m_mup_mum_k", "--sr", "5.25,5.31", "--scores", "svm");
        fails("even depth", "--depths", "significance-study", "--events", f, "--resonant", "m_mup_mum_k", "--sr", "5.25,5.31", "--depths", "4");
        fails("empty signal region", "signal region", "significance-study", "--events", f, "--resonant", "m_mup_mum_k", "--sr", "9,10");
        fails("missing resonant", "'mjj'", "significance-study", "--events", f, "--resonant", "mjj", "--sr", "5.25,5.31");
        fails("bad rate", "--jpsik-rate", "generate-bfactory", "--events", "10", "--jpsik-rate", "2");
        fails("bad dark mass", "--dark-photon-mass", "generate-bfactory", "--events", "10", "--dark-photon-rate", "0.1", "--dark-photon-mass", "0.1");
        fails("bad format", "cannot write format", "generate-bfactory", "--events", "10", "--out", dir.resolve("x.h5").toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void fails(String name, String expected, String... args) {
        Path out = dir.resolve("bad-" + name.replace(' ', '-') + (args[0].equals("generate-bfactory") ? ".npy" : ""));
        List<String> full = new java.util.ArrayList<>(List.of("events"));
        full.addAll(List.of(args));
        if (!full.contains("--out")) {
            full.add("--out");
            full.add(out.toString());
        }
        UserErrorRun.assertOneLineUserError(name, expected, full.toArray(String[]::new));
        assertFalse(Files.exists(out), name + ": no output");
    }
}
