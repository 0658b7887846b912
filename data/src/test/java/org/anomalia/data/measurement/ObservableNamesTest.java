package org.anomalia.data.measurement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class ObservableNamesTest {
    /** An entry as MeasurementReader builds it from flavio's YAML (arguments in file order). */
    private static ObservableKey key(String name, double q2min, double q2max) {
        Map<String, Double> args = new LinkedHashMap<>();
        args.put("q2min", q2min);
        args.put("q2max", q2max);
        return new ObservableKey(name, args);
    }

    @Test
    void flavioLabelsAndSampleColumnsHaveOneKey() {
        assertEquals("FL_1.1_2.5", ObservableNames.canonical("<FL>(B0->K*mumu)[1.1,2.5]"));
        assertEquals("FL_1.1_2.5", ObservableNames.canonical("FL_1.1_2.5"));
        assertEquals("P5p_4_6", ObservableNames.canonical("<P5p>(B0->K*mumu)[4.0,6.0]"));
        assertEquals("P5p_4_6", ObservableNames.canonical("P5p_4.0_6"));
        assertEquals("dBRdq2_15_19", ObservableNames.canonical("<dBR/dq2>(B0->K*mumu)[15,19]"));
        assertEquals("dBRdq2_15_19", ObservableNames.canonical("dBRdq2_15_19"));
        assertEquals("FL_1.1_2.5", ObservableNames.canonical("FL", 1.1, 2.5));
        assertEquals("a", ObservableNames.canonical("a"));
        assertEquals("theta_ref", ObservableNames.canonical("theta_ref"));
        assertEquals("BR", ObservableNames.canonical("BR(Bs->mumu)"));
        // a structured entry as MeasurementReader builds it from flavio's YAML
        ObservableKey k = key("<FL>(B0->K*mumu)", 1.1, 2.5);
        assertEquals("FL_1.1_2.5", ObservableNames.canonical(k));
        assertNotEquals(ObservableNames.canonical("FL_1.1_2.5"), ObservableNames.canonical("FL_2.5_4"));
    }

    @Test
    void columnsMatchEntriesInEitherDirectionExactLabelsFirst() {
        List<String> flavio = List.of("<FL>(B0->K*mumu)[1.1,2.5]", "<P5p>(B0->K*mumu)[4,6]");
        List<String> columns = List.of("index", "P5p_4_6", "fl_1.1_2.5");
        assertArrayEquals(new int[] {2, 1}, ObservableNames.match(flavio, columns, "s.csv"));
        // the other direction: a measurement named like the columns, samples named like flavio
        assertArrayEquals(new int[] {1, 0}, ObservableNames.match(List.of("P5p_4_6", "FL_1.1_2.5"), flavio, "s.csv"));
        // an exact label wins over a canonical one
        assertArrayEquals(new int[] {1}, ObservableNames.match(List.of("FL_1.1_2.5"), List.of("<FL>(B0->K*mumu)[1.1,2.5]", "FL_1.1_2.5"), "s.csv"));
    }

    @Test
    void ambiguityAndMissingValuesAreUserErrors() {
        // the same observable of two processes: only exact labels match
        List<String> two = List.of("<FL>(B0->K*mumu)[1.1,2.5]", "<FL>(B+->K*mumu)[1.1,2.5]");
        String m = assertThrows(UserException.class, () -> ObservableNames.match(two, List.of("FL_1.1_2.5"), "s.csv")).getMessage();
        assertTrue(m.startsWith("s.csv: no column for 2 of the 2 measured values") && m.contains("columns not used: FL_1.1_2.5"), m);
        assertArrayEquals(new int[] {1, 0}, ObservableNames.match(two, List.of("<FL>(B+->K*mumu)[1.1,2.5]", "<FL>(B0->K*mumu)[1.1,2.5]"), "s"));
        m = assertThrows(UserException.class, () -> ObservableNames.match(List.of("FL_1.1_2.5"), List.of("FL_1.1_2.5x", "x"), "s.csv")).getMessage();
        assertTrue(m.contains("name the columns like FL_1.1_2.5"), m);
        m = assertThrows(UserException.class,
                () -> ObservableNames.match(List.of("<FL>(B0->K*mumu)[1.1,2.5]"), List.of("FL_1.1_2.5", "FL_1.10_2.50"), "s.csv")).getMessage();
        assertTrue(m.contains("'FL_1.1_2.5' and 'FL_1.10_2.50' both read as FL_1.1_2.5"), m);
    }

    @Test
    void selectPicksEntriesByKeyInTheOrderAsked() {
        Measurement meas = Measurement.ofKeys("lhcb.yaml",
                List.of(key("<FL>(B0->K*mumu)", 1.1, 2.5),
                        key("<P5p>(B0->K*mumu)", 1.1, 2.5),
                        key("<FL>(B0->K*mumu)", 4.0, 6.0)),
                new double[] {0.6, 0.3, 0.7}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        assertEquals(List.of("<FL>(B0->K*mumu)[4,6]", "<FL>(B0->K*mumu)[1.1,2.5]"),
                ObservableNames.select(meas, List.of("FL_4_6", "fl_1.1_2.5"), "--observables/--bins"));
        String m = assertThrows(UserException.class, () -> ObservableNames.select(meas, List.of("P5p_4_6"), "--observables/--bins")).getMessage();
        assertTrue(m.startsWith("--observables/--bins: lhcb.yaml has no entry for P5p_4_6; it holds FL_1.1_2.5, P5p_1.1_2.5, FL_4_6"), m);
    }
}
