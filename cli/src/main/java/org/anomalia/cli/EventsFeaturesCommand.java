package org.anomalia.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.events.kinematics.BeamFrame;
import org.anomalia.events.kinematics.DerivedFeatures;
import org.anomalia.events.kinematics.MomentumColumns;
import org.anomalia.events.kinematics.ParticleMomenta;
import org.anomalia.numerics.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code anomalia events features}: derived kinematic columns from particles' four-momenta. */
@Command(name = "features", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Kinematic features (masses, angles, M_bc, delta_E) from four-momenta.",
        description = {"Adds kinematic columns computed from named particles' four-momenta: all 2- and 3-body invariant masses,",
                "opening angles, helicity angles, and with --cm-beams the centre-of-mass four-vectors and (--b-candidate) M_bc, delta_E.",
                "Column layout per particle NAME: NAME_px,NAME_py,NAME_pz,NAME_E (cartesian) or NAME_pt,NAME_eta,NAME_phi,NAME_m."})
final class EventsFeaturesCommand implements Runnable {
    @Option(names = "--events", required = true, paramLabel = "FILE", description = "Input table (.npy, .csv, .h5, .parquet).")
    Path events;

    @Option(names = "--names", split = ",", paramLabel = "NAME", description = "Column names for a .npy file without FILE.meta.json beside it.")
    List<String> names;

    @Option(names = "--key", paramLabel = "KEY", description = "Dataset or pandas key inside HDF5 files.")
    String key;

    @Option(names = "--particles", required = true, split = ",", paramLabel = "NAME", description = "Particles, e.g. mup,mum,k.")
    List<String> particles;

    @Option(names = "--momenta", defaultValue = "cartesian", paramLabel = "LAYOUT",
            description = "cartesian (NAME_px, NAME_py, NAME_pz, NAME_E) or pt-eta-phi-m (default ${DEFAULT-VALUE}).")
    String momenta;

    @Option(names = "--cm-beams", split = ",", paramLabel = "E_MINUS,E_PLUS",
            description = "Lab energies (GeV) of the e- and e+ beams, head on along z (e- along +z): derived columns in their centre-of-mass frame (Belle II: 7,4).")
    List<Double> beams;

    @Option(names = "--b-candidate", description = "All particles form a B candidate: add mbc and delta_e (needs --cm-beams).")
    boolean bCandidate;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output table (.npy or .csv; a .meta.json goes beside it) with the input columns and the derived ones.")
    Path out;

    @Override
    public void run() {
        TableWithSettings.checkOut(out);
        if (beams != null && beams.size() != 2) throw new UserException("--cm-beams takes two energies, e.g. 7,4");
        MomentumColumns layout = MomentumColumns.parse(momenta, "--momenta");
        BeamFrame frame = beams == null ? null : new BeamFrame(beams.get(0), beams.get(1));
        DerivedFeatures.Options options = new DerivedFeatures.Options(frame, bCandidate);
        Table t = TableFiles.read(new TableFiles.Source(events, key, names));
        if (names == null && t.names().equals(Table.defaultNames(t.columnCount()))) {
            t = t.renamed(EventsInputs.namesFromSettingsBeside(events, t.columnCount()));
        }
        ParticleMomenta p = ParticleMomenta.read(t, particles, layout);
        Table withFeatures = DerivedFeatures.append(t, p, options);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("command", "anomalia events features");
        settings.put("input", events.toString());
        settings.put("particles", particles);
        settings.put("momenta", layout.name().toLowerCase());
        settings.put("cm_beams", beams);
        settings.put("b_candidate", bCandidate);
        settings.put("derived", DerivedFeatures.names(particles, options));
        Path meta = TableWithSettings.write(out, withFeatures, settings);
        System.out.println("wrote " + withFeatures.rows() + " rows with " + DerivedFeatures.names(particles, options).size()
                + " derived columns to " + out + "; settings in " + meta);
    }
}
