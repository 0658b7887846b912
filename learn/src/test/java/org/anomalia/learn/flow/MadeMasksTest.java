package org.anomalia.learn.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MadeMasksTest {
    /** Paths input → output through both hidden layers: true when some path exists. */
    private static boolean[][] reach(MadeMasks m, int params) {
        boolean[][] a = m.inputToHidden(), b = m.hiddenToHidden(), c = m.hiddenToOutput(params);
        int in = a.length, h = m.hidden(), out = c[0].length;
        boolean[][] r = new boolean[in][out];
        for (int i = 0; i < in; i++)
            for (int j = 0; j < h; j++)
                if (a[i][j])
                    for (int k = 0; k < h; k++)
                        if (b[j][k])
                            for (int o = 0; o < out; o++) r[i][o] |= c[k][o];
        return r;
    }

    @Test
    void unconditionalIsExactlyAutoregressive() {
        MadeMasks m = new MadeMasks(4, 0, 16);
        boolean[][] r = reach(m, 2);
        for (int p = 0; p < 2; p++)
            for (int o = 0; o < 4; o++)
                for (int i = 0; i < 4; i++)
                    assertEquals(i < o, r[i][p * 4 + o], "input " + i + " → output " + o + " param " + p);
    }

    @Test
    void contextReachesEveryHiddenUnitAndEveryOutput() {
        for (int d : new int[] {1, 3, 4}) {
            MadeMasks m = new MadeMasks(d, 2, 12);
            boolean[][] a = m.inputToHidden();
            for (int k = 0; k < 12; k++) assertTrue(a[d][k] && a[d + 1][k]);
            boolean[][] r = reach(m, 2);
            for (int o = 0; o < 2 * d; o++) {
                assertTrue(r[d][o] && r[d + 1][o], "context → output " + o);
                for (int i = 0; i < d; i++) assertEquals(i < o % d, r[i][o], "d=" + d + " input " + i + " → output " + o);
            }
        }
    }

    @Test
    void hiddenDegreesMatchTheTorchReferenceWithoutContext() {
        // torch_reference.py: deg_h = arange(h) % max(d-1, 1) + 1
        MadeMasks m = new MadeMasks(4, 0, 128);
        for (int k = 0; k < 128; k++) assertEquals(k % 3 + 1, m.hiddenDegree(k));
    }
}
