package org.anomalia.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatrixTest {
    @Test
    void rowsBecomeRowMajorFloats() {
        Matrix m = Matrix.ofRows(new double[][] {{1, 2, 3}, {4, 5, 0.1}});
        assertEquals(2, m.rows);
        assertEquals(3, m.cols);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 0.1f}, m.data);
        assertArrayEquals(m.data, Matrix.ofRows(new float[][] {{1, 2, 3}, {4, 5, 0.1f}}).data);
        assertEquals(0, Matrix.ofRows(new double[0][]).rows);
        assertThrows(IllegalArgumentException.class, () -> Matrix.ofRows(new double[][] {{1, 2}, {3}}));
    }
}
