package org.anomalia.flavour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anomalia.flavour.theory.Complex;
import org.anomalia.numerics.UserException;
import org.junit.jupiter.api.Test;

class PublicTypesTest {
    @Test
    void observableNames() {
        assertEquals(Observable.P5P, Observable.parse("P5p"));
        assertEquals(Observable.P5P, Observable.parse("<P5p>(B0->K*mumu)"));
        assertEquals(Observable.DBR_DQ2, Observable.parse("dBR/dq2"));
        assertEquals(Observable.DBR_DQ2, Observable.parse("dBRdq2"));
        assertEquals(Observable.FL, Observable.parse("fl"));
        assertEquals("<FL>(B0->K*mumu)", Observable.FL.flavioName(true));
        UserException e = assertThrows(UserException.class, () -> Observable.parse("P7p"));
        assertTrue(e.getMessage().contains("P7p") && e.getMessage().contains("P5p, P6p, P8p, dBR/dq2"), e.getMessage());
    }

    @Test
    void binsValidateAndLabel() {
        assertEquals("4_6", new Q2Bin(4, 6).label());
        assertEquals("1.1_2.5", Q2Bin.parse("1.1-2.5").label());
        assertEquals("0.1_0.98", Q2Bin.parse("0.1_0.98").label());
        assertEquals("15_19", new Q2Bin(15, 19).label());
        assertTrue(assertThrows(UserException.class, () -> new Q2Bin(6, 4)).getMessage().contains("smaller"));
        String charm = assertThrows(UserException.class, () -> new Q2Bin(11, 12.5)).getMessage();
        assertTrue(charm.contains("charmonium") && charm.contains("J/psi"), charm);
        assertTrue(assertThrows(UserException.class, () -> new Q2Bin(6, 15)).getMessage().contains("charmonium"));
        assertTrue(assertThrows(UserException.class, () -> new Q2Bin(0.01, 1)).getMessage().contains("physical range"));
        assertTrue(assertThrows(UserException.class, () -> new Q2Bin(17, 20)).getMessage().contains("physical range"));
        assertThrows(UserException.class, () -> Q2Bin.parse("4to6"));
    }

    @Test
    void newPhysicsParsing() {
        NewPhysics np = NewPhysics.parse("C9=-1,C10=0.3,C9p=-1+0.5i, c7p = 2e-1-3i, C10p=-i");
        assertEquals(Complex.real(-1), np.c9());
        assertEquals(Complex.real(0.3), np.c10());
        assertEquals(new Complex(-1, 0.5), np.c9p());
        assertEquals(new Complex(0.2, -3), np.c7p());
        assertEquals(new Complex(0, -1), np.c10p());
        assertEquals(Complex.ZERO, np.c7());
        assertEquals(new Complex(0, 0.5), NewPhysics.parse("C7=0.5i").c7());
        assertTrue(NewPhysics.parse("").isStandardModel());
        assertEquals(np, NewPhysics.parse(np.toString()));
        String msg = assertThrows(UserException.class, () -> NewPhysics.parse("C11=1")).getMessage();
        assertTrue(msg.contains("C11") && msg.contains("C7, C9, C10, C7p, C9p, C10p"), msg);
        assertThrows(UserException.class, () -> NewPhysics.parse("C9=abc"));
        assertThrows(UserException.class, () -> NewPhysics.parse("C9=NaN"));
        assertThrows(UserException.class, () -> NewPhysics.parse("C9=1+Infinityi"));
        assertThrows(UserException.class, () -> NewPhysics.parse("C9"));
    }

    @Test
    void unbinnedRefusesTheCharmoniumRegion() {
        String msg = assertThrows(UserException.class, () -> org.anomalia.flavour.theory.BinnedPredictor.unbinned(
                Observable.FL, 10, ReferenceData.central(), NewPhysics.SM)).getMessage();
        assertTrue(msg.contains("charmonium"), msg);
    }
}
