package org.anomalia.numerics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
    @Test
    void finiteValuesStayAndTheRestBecomeNull() {
        assertEquals(-0.25, JsonNumbers.finite(-0.25));
        assertEquals(Double.MAX_VALUE, JsonNumbers.finite(Double.MAX_VALUE));
        assertNull(JsonNumbers.finite(Double.NaN));
        assertNull(JsonNumbers.finite(Double.POSITIVE_INFINITY));
        assertNull(JsonNumbers.finite(Double.NEGATIVE_INFINITY));
        assertEquals(Arrays.asList(1.0, null, 3.0, null), JsonNumbers.finite(new double[] {1, Double.NaN, 3, Double.NEGATIVE_INFINITY}));
    }
}
