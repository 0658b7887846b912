package org.anomalia.gof.nullmodel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MarginalKernel}'s loops with the JDK Vector API: the squared distances of four queries
 * accumulate in registers while one load of the packed integration set serves all four, and the
 * exponential is {@link MarginalKernel#expNonPositive(float)} lane by lane (the library's vector EXP
 * differs between interpreted and compiled code, which would make a run's last bits depend on JIT
 * timing). Lane sums are stored and added in lane order for the same reason. Loaded only through
 * reflection from {@link MarginalKernel}.
 */
final class VectorMarginalLoops implements MarginalKernel.Loops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() <= MarginalKernel.WIDTH
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    private static final int L = S.length();
    private static final int W = MarginalKernel.WIDTH;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[MarginalKernel.TILE][MarginalKernel.BLOCK]);

    @Override
    public void tile(float[] packed, int n, int chunks, float[][] q, double[] out) {
        float[][] d = SCRATCH.get();
        float[] lanes = new float[2 * L];
        MarginalKernel.Accumulator[] acc = new MarginalKernel.Accumulator[MarginalKernel.TILE];
        for (int r = 0; r < acc.length; r++) acc[r] = new MarginalKernel.Accumulator();
        float[] q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3];
        float[] d0 = d[0], d1 = d[1], d2 = d[2], d3 = d[3];
        int chunksPerBlock = MarginalKernel.BLOCK / W;
        FloatVector zero = FloatVector.zero(S);
        for (int c0 = 0; c0 < chunks; c0 += chunksPerBlock) {
            int cEnd = Math.min(chunks, c0 + chunksPerBlock);
            int len = (cEnd - c0) * W;
            // two chunks at a time: eight independent FMA chains hide the FMA latency
            int c = c0;
            if (L == W) {
                for (; c + 1 < cEnd; c += 2) {
                    FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, b0 = zero, b1 = zero, b2 = zero, b3 = zero;
                    for (int j = 0, o = c * n * W; j < n; j++, o += W) {
                        FloatVector u = FloatVector.fromArray(S, packed, o), v = FloatVector.fromArray(S, packed, o + n * W);
                        float x0 = q0[j], x1 = q1[j], x2 = q2[j], x3 = q3[j];
                        FloatVector e0 = u.sub(x0), e1 = u.sub(x1), e2 = u.sub(x2), e3 = u.sub(x3);
                        FloatVector f0 = v.sub(x0), f1 = v.sub(x1), f2 = v.sub(x2), f3 = v.sub(x3);
                        a0 = e0.fma(e0, a0);
                        a1 = e1.fma(e1, a1);
                        a2 = e2.fma(e2, a2);
                        a3 = e3.fma(e3, a3);
                        b0 = f0.fma(f0, b0);
                        b1 = f1.fma(f1, b1);
                        b2 = f2.fma(f2, b2);
                        b3 = f3.fma(f3, b3);
                    }
                    int at = (c - c0) * W;
                    a0.intoArray(d0, at);
                    a1.intoArray(d1, at);
                    a2.intoArray(d2, at);
                    a3.intoArray(d3, at);
                    b0.intoArray(d0, at + W);
                    b1.intoArray(d1, at + W);
                    b2.intoArray(d2, at + W);
                    b3.intoArray(d3, at + W);
                }
            }
            for (; c < cEnd; c++) {
                int base = c * n * W;
                for (int k = 0; k < W; k += L) {
                    FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                    for (int j = 0, o = base + k; j < n; j++, o += W) {
                        FloatVector v = FloatVector.fromArray(S, packed, o);
                        FloatVector e0 = v.sub(q0[j]), e1 = v.sub(q1[j]), e2 = v.sub(q2[j]), e3 = v.sub(q3[j]);
                        a0 = e0.fma(e0, a0);
                        a1 = e1.fma(e1, a1);
                        a2 = e2.fma(e2, a2);
                        a3 = e3.fma(e3, a3);
                    }
                    int at = (c - c0) * W + k;
                    a0.intoArray(d0, at);
                    a1.intoArray(d1, at);
                    a2.intoArray(d2, at);
                    a3.intoArray(d3, at);
                }
            }
            for (int r = 0; r < MarginalKernel.TILE; r++) {
                float[] dr = d[r];
                FloatVector mins = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
                for (int i = 0; i < len; i += L) mins = mins.min(FloatVector.fromArray(S, dr, i));
                float dMin = mins.reduceLanes(VectorOperators.MIN); // min is exact in any order
                FloatVector sum = zero, sum2 = zero;
                for (int i = 0; i < len; i += L) {
                    FloatVector w = exp(FloatVector.fromArray(S, dr, i).sub(dMin).mul(-0.5f));
                    sum = sum.add(w);
                    sum2 = w.fma(w, sum2);
                }
                sum.intoArray(lanes, 0);
                sum2.intoArray(lanes, L);
                double s = 0, s2 = 0;
                for (int l = 0; l < L; l++) {
                    s += lanes[l];
                    s2 += lanes[L + l];
                }
                acc[r].add(dMin, s, s2);
            }
        }
        for (int r = 0; r < MarginalKernel.TILE; r++) {
            out[2 * r] = acc[r].logSum();
            out[2 * r + 1] = acc[r].logSumSquares();
        }
    }

    private static final FloatVector FLOOR = FloatVector.broadcast(S, MarginalKernel.EXP_FLOOR);
    private static final FloatVector NEG_LN2_HI = FloatVector.broadcast(S, -MarginalKernel.LN2_HI);
    private static final FloatVector NEG_LN2_LO = FloatVector.broadcast(S, -MarginalKernel.LN2_LO);
    private static final FloatVector C6 = FloatVector.broadcast(S, MarginalKernel.C6), C5 = FloatVector.broadcast(S, MarginalKernel.C5),
            C4 = FloatVector.broadcast(S, MarginalKernel.C4), C3 = FloatVector.broadcast(S, MarginalKernel.C3),
            C2 = FloatVector.broadcast(S, MarginalKernel.C2), ONE = FloatVector.broadcast(S, 1f);

    /** {@link MarginalKernel#expNonPositive(float)}, the same operations in every lane. */
    private static FloatVector exp(FloatVector x) {
        x = x.max(FLOOR);
        FloatVector t = x.mul(MarginalKernel.LOG2E).add(MarginalKernel.ROUNDER);
        IntVector k = (IntVector) t.reinterpretAsInts().sub(MarginalKernel.ROUNDER_BITS);
        FloatVector kf = t.sub(MarginalKernel.ROUNDER);
        FloatVector r = kf.fma(NEG_LN2_HI, x);
        r = kf.fma(NEG_LN2_LO, r);
        FloatVector p = FloatVector.broadcast(S, MarginalKernel.C7).fma(r, C6);
        p = p.fma(r, C5);
        p = p.fma(r, C4);
        p = p.fma(r, C3);
        p = p.fma(r, C2);
        p = p.fma(r, ONE);
        p = p.fma(r, ONE);
        return p.mul(k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
    }
}
