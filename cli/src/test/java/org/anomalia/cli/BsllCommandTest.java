package org.anomalia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code anomalia bsll predict | sample | measurements} through Main.execute, including bad input. */
class BsllCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldErr = System.err, oldOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    /** flavio's central value of an observable in a bin, from validation/sm_binned.csv. */
    private static double flavioCentral(String observable, String q2min, String q2max) throws IOException {
        Path ref = Path.of(System.getProperty("anomalia.testdata", "../testdata"), "physics", "validation", "sm_binned.csv");
        for (String line : Files.readAllLines(ref)) {
            String[] f = line.split(",");
            if (f[0].equals("<" + observable + ">(B0->K*mumu)") && f[1].equals(q2min) && f[2].equals(q2max)) {
                return Double.parseDouble(f[3]);
            }
        }
        throw new AssertionError("no reference for " + observable);
    }

    @Test
    void predictCsvHasCentralValuesAndSigmas() throws IOException {
        Path csv = dir.resolve("p.csv");
        Run r = run("bsll", "predict", "--observables", "FL,P5p", "--bins", "4-6,15-19", "--uncertainty", "300",
                "--format", "csv", "--out", csv.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("seed 1"), r.err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("observable,q2min,q2max,central,sigma", lines.get(0));
        assertEquals(5, lines.size());
        String[] p5p = lines.get(2).split(",");
        assertEquals(List.of("P5p", "4", "6"), List.of(p5p[0], p5p[1], p5p[2]));
        assertEquals(flavioCentral("P5p", "4", "6"), Double.parseDouble(p5p[3]), 1e-4);
        // flavio's sigma_th for P5p in 4-6 is about 0.075; 300 draws give it within ~15 %
        assertEquals(0.075, Double.parseDouble(p5p[4]), 0.02);
        String[] fl = lines.get(3).split(",");
        assertEquals(flavioCentral("FL", "15", "19"), Double.parseDouble(fl[3]), 1e-4);
    }

    @Test
    void predictJsonWithNewPhysicsMovesP5pUp() throws IOException {
        Path sm = dir.resolve("sm.json"), np = dir.resolve("np.json");
        assertEquals(0, run("bsll", "predict", "--observables", "P5p", "--bins", "4-6", "--format", "json",
                "--out", sm.toString()).code);
        assertEquals(0, run("bsll", "predict", "--observables", "P5p", "--bins", "4-6", "--np", "C9=-1", "--format", "json",
                "--out", np.toString()).code);
        JsonNode a = new ObjectMapper().readTree(sm.toFile()), b = new ObjectMapper().readTree(np.toFile());
        double p5Sm = a.get("predictions").get(0).get("central").asDouble();
        double p5Np = b.get("predictions").get(0).get("central").asDouble();
        assertEquals(-1.0, b.get("new_physics").get("C9").get("re").asDouble(), 0);
        assertTrue(p5Np - p5Sm > 0.1, "C9 = -1 moves P5p in 4-6 up: " + p5Sm + " -> " + p5Np);
    }

    @Test
    void sampleIsReproducibleAndIndependentOfThreads() throws IOException {
        Path one = dir.resolve("one.csv"), two = dir.resolve("two.csv");
        Run r1 = run("bsll", "sample", "--n", "300", "--seed", "9", "--observables", "FL,P5p", "--bins", "1.1-2.5,4-6",
                "--threads", "1", "--with-parameters", "--out", one.toString());
        Run r2 = run("bsll", "sample", "--n", "300", "--seed", "9", "--observables", "FL,P5p", "--bins", "1.1-2.5,4-6",
                "--threads", "2", "--with-parameters", "--out", two.toString());
        assertEquals(0, r1.code, r1.err);
        assertEquals(0, r2.code, r2.err);
        assertTrue(r1.out.contains("seed 9"), r1.out);
        assertEquals(Files.readAllLines(one), Files.readAllLines(two));
        List<String> lines = Files.readAllLines(one);
        assertEquals(301, lines.size());
        assertTrue(lines.get(0).startsWith("FL_1.1_2.5,P5p_1.1_2.5,FL_4_6,P5p_4_6,B->K* BSZ a0_A0,"), lines.get(0));
        JsonNode meta = new ObjectMapper().readTree(dir.resolve("one.csv.meta.json").toFile());
        assertEquals(9, meta.get("seed").asLong());
        assertEquals(300, meta.get("rows").asInt());
    }

    @Test
    void sampleAtParameterPointsOfAFile() throws IOException {
        Path params = dir.resolve("params.csv"), out = dir.resolve("x.csv");
        Files.writeString(params, "m_b,B0->K*0 delta_C7 b_- Re\n4.195,0\n4.195,0.432\n");
        Run r = run("bsll", "sample", "--params", params.toString(), "--observables", "P5p", "--bins", "4-6",
                "--out", out.toString());
        assertEquals(0, r.code, r.err);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        double central = Double.parseDouble(lines.get(1)), shifted = Double.parseDouble(lines.get(2));
        assertEquals(flavioCentral("P5p", "4", "6"), central, 1e-4);
        // spec section 8: nuisance Re b_- at +1 sigma moves P5p(4-6) by -0.041
        assertEquals(-0.041, shifted - central, 0.005);
    }

    @Test
    void fixedParametersMoveTheCentralValueAndAreNotDrawn() throws IOException {
        Path fixed = dir.resolve("fixed.csv");
        Run r = run("bsll", "predict", "--observables", "P5p", "--bins", "4-6", "--fix", "B0->K*0 delta_C7 b_- Re=0.432",
                "--fix", "m_b", "--format", "csv", "--out", fixed.toString());
        assertEquals(0, r.code, r.err);
        double p5 = Double.parseDouble(Files.readAllLines(fixed).get(1).split(",")[3]);
        assertEquals(-0.041, p5 - flavioCentral("P5p", "4", "6"), 0.005);
        Path rows = dir.resolve("rows.csv");
        assertEquals(0, run("bsll", "sample", "--n", "20", "--observables", "P5p", "--bins", "4-6", "--fix", "m_b=4.3",
                "--with-parameters", "--out", rows.toString()).code);
        List<String> lines = Files.readAllLines(rows);
        assertFalse(lines.get(0).contains("m_b,"), "a fixed parameter is not drawn: " + lines.get(0));
        assertUserError("unknown parameter 'm_bottom'; valid names", "bsll", "predict", "--fix", "m_bottom=4");
        assertUserError("--fix m_b=abc: 'abc' is not a number", "bsll", "predict", "--fix", "m_b=abc");
    }

    private void assertUserError(String expected, String... args) {
        Run r = run(args);
        assertEquals(Main.USER_ERROR, r.code, r.err);
        assertTrue(r.err.contains(expected), r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(Files.exists(dir.resolve("bad.csv")), "no output after an error");
    }

    @Test
    void badInputIsOneLineExitTwoAndNoOutput() throws IOException {
        String out = dir.resolve("bad.csv").toString();
        Path unknown = dir.resolve("unknown.csv"), text = dir.resolve("text.csv"), nan = dir.resolve("nan.csv");
        Files.writeString(unknown, "m_b,alpha\n4.2,0.118\n");
        Files.writeString(text, "m_b,alpha_s\n4.2,0.118\n4.2,abc\n");
        Files.writeString(nan, "m_b\n4.2\nnan\n");
        assertUserError("column 2 'alpha' is not a parameter; valid names: B->K* BCL m0", "bsll", "sample", "--params",
                unknown.toString(), "--out", out);
        assertUserError("line 3 column 'alpha_s' holds 'abc'", "bsll", "sample", "--params", text.toString(), "--out", out);
        assertUserError("data row 2 column 'm_b' is NaN", "bsll", "sample", "--params", nan.toString(), "--out", out);
        assertUserError("charmonium region", "bsll", "sample", "--n", "10", "--bins", "9-10", "--out", out);
        assertUserError("q2min must be smaller than q2max", "bsll", "predict", "--bins", "6-4");
        assertUserError("unknown observable 'P7p'", "bsll", "sample", "--n", "10", "--observables", "P7p", "--out", out);
        assertUserError("unknown Wilson coefficient 'C11'", "bsll", "predict", "--np", "C11=1");
        assertUserError("--n must be at least 1", "bsll", "sample", "--n", "0", "--out", out);
        assertUserError("mutually exclusive", "bsll", "sample", "--n", "10", "--params", nan.toString(), "--out", out);
        assertUserError("use a .csv or .npy file name", "bsll", "sample", "--n", "10", "--out", dir.resolve("x.txt").toString());
    }

    @Test
    void measurementsListsTheBundledLhcbData() {
        Run r = run("bsll", "measurements");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("lhcb2020: lhcb2020_bkstarmumu_pbasis.yaml (72 values)"), r.out);
        assertTrue(r.out.contains("FL, P1, P2, P3, P4p, P5p, P6p, P8p"), r.out);
        assertTrue(r.out.contains("0.1-0.98, 1.1-2.5, 2.5-4, 4-6, 6-8, 15-17, 17-19, 1.1-6, 15-19"), r.out);
    }
}
