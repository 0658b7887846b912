package org.anomalia.events.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anomalia.events.classify.XgboostTrainer;
import org.anomalia.events.generate.DijetShape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CATHODE beside the idealized detector, ANODE and CWoLa at S/B = 0.6 % in the signal region, at
 * test scale: 60k QCD events (about 4.7k in the signal region with some 28 signal events), small
 * flows (3 MADE blocks × 32, 8 epochs) and a BDT classifier with 2 folds. At this size every max SIC
 * carries a large statistical error (tens of per cent), so the test checks that CATHODE and the
 * idealized detector both find the signal and prints the ratio; the comparison at full scale and
 * settings is the bench's `cathode study`.
 */
@Tag("slow")
class GeneratorStudyTest {
    @Test
    void cathodeFindsASmallInjectedSignalBesideTheBaselines() {
        FlowSettings flow = new FlowSettings(3, 32, true, 1e-3, 256, 8, 5, 0.2, false);
        CathodeSettings cathode = new CathodeSettings(flow, new XgboostTrainer(200, 4, 0.1, 10, 0.2, 1), 2, 4, 1);
        GeneratorStudy.Settings s = new GeneratorStudy.Settings(60_000, 0.006, 200_000, cathode, flow, 0, 0.2).withShape(DijetShape.TOY);
        List<GeneratorStudy.MethodResult> results = GeneratorStudy.run(s, 1);
        Map<String, GeneratorStudy.MethodResult> byName = results.stream().collect(Collectors.toMap(GeneratorStudy.MethodResult::method, r -> r));
        assertEquals(List.of("idealized", "cathode", "anode", "cwola"), results.stream().map(GeneratorStudy.MethodResult::method).toList());
        for (GeneratorStudy.MethodResult r : results) {
            System.out.printf("%-10s AUC %.4f max SIC %.2f S/sqrt(S+B) x%.2f  %.1f s%n", r.method(), r.metrics().auc(), r.metrics().maxSic(),
                    r.metrics().significanceImprovement(), r.seconds());
        }
        double ideal = byName.get("idealized").metrics().maxSic(), cath = byName.get("cathode").metrics().maxSic();
        System.out.printf("CATHODE / idealized max SIC = %.2f%n", cath / ideal);
        // some 28 signal events among 4.7k: both must find them clearly (random: AUC 0.5, max SIC about 1)
        assertTrue(byName.get("idealized").metrics().auc() > 0.7, "idealized AUC");
        assertTrue(byName.get("cathode").metrics().auc() > 0.7, "CATHODE AUC");
        assertTrue(cath > 2, "CATHODE max SIC " + cath);
    }
}
