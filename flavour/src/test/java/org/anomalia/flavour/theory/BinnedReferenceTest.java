package org.anomalia.flavour.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anomalia.flavour.NewPhysics;
import org.anomalia.flavour.Observable;
import org.anomalia.flavour.ParameterPoint;
import org.anomalia.flavour.Q2Bin;
import org.anomalia.flavour.ReferenceData;
import org.junit.jupiter.api.Test;

/** The 144 SM binned central values of validation/sm_binned.csv: each within 0.05 σ_th of flavio. */
class BinnedReferenceTest {
    record Row(Observable o, Q2Bin bin, double central, double sigma) {
    }

    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        List<String[]> csv = ReferenceData.csv("validation/sm_binned.csv");
        for (String[] r : csv.subList(1, csv.size())) {
            out.add(new Row(Observable.parse(r[0]), new Q2Bin(Double.parseDouble(r[1]), Double.parseDouble(r[2])),
                    Double.parseDouble(r[3]), Double.parseDouble(r[4])));
        }
        return out;
    }

    @Test
    void allBinnedCentralValuesWithinFiveHundredthsOfSigma() {
        List<Row> rows = rows();
        Set<Observable> obs = new LinkedHashSet<>();
        Set<Q2Bin> bins = new LinkedHashSet<>();
        rows.forEach(r -> {
            obs.add(r.o());
            bins.add(r.bin());
        });
        BinnedPredictor predictor = new BinnedPredictor(List.copyOf(obs), List.copyOf(bins));
        ParameterPoint central = ReferenceData.central();
        double[] v = predictor.predict(central, NewPhysics.SM);
        double worstPull = 0;
        double worstAbs = 0;
        double worstRelBr = 0;
        Row worst = null;
        for (Row r : rows) {
            double ours = v[predictor.index(r.o(), r.bin())];
            double pull = Math.abs(ours - r.central()) / r.sigma();
            if (r.o() == Observable.DBR_DQ2) {
                worstRelBr = Math.max(worstRelBr, Math.abs(ours / r.central() - 1));
            } else {
                worstAbs = Math.max(worstAbs, Math.abs(ours - r.central()));
            }
            if (pull > worstPull) {
                worstPull = pull;
                worst = r;
            }
            assertTrue(pull <= 0.05, r.o() + " " + r.bin() + ": " + ours + " vs flavio " + r.central() + " (pull " + pull
                    + " sigma_th)");
        }
        System.out.printf("sm_binned: %d values with %d Gauss-Legendre nodes per bin; worst pull %.2e sigma_th (%s %s),"
                        + " worst absolute deviation of angular observables %.2e, of dBR/dq2 %.2e relative%n",
                rows.size(), BinnedPredictor.DEFAULT_NODES, worstPull, worst.o().flavioName(), worst.bin(), worstAbs,
                worstRelBr);
    }
}
