package org.anomalia.gof.study;

import java.util.ArrayList;
import java.util.List;
import org.anomalia.flavour.NewPhysics;
import org.anomalia.numerics.UserException;

/** One axis of a Wilson-coefficient grid: the real part of one coefficient from FROM to TO in POINTS steps (both ends included). */
public record GridAxis(String coefficient, double from, double to, int points) {
    static final String OPTION = "--np-grid";

    public double value(int i) {
        return points == 1 ? from : from + (to - from) * i / (points - 1);
    }

    /** Parses {@code C9=-2.5:1:36[,C10=-1:1:21]}. */
    public static List<GridAxis> parse(String text) {
        if (text == null || text.isBlank()) throw new UserException(OPTION + ": give one or two axes, e.g. C9=-2.5:1:36 or C9=-2:0:21,C10=-1:1:21");
        List<GridAxis> axes = new ArrayList<>();
        for (String part : text.split(",")) {
            String hint = OPTION + " '" + part.trim() + "': write COEFFICIENT=FROM:TO:POINTS, e.g. C9=-2.5:1:36";
            int eq = part.indexOf('=');
            if (eq < 0) throw new UserException(hint);
            String name = part.substring(0, eq).trim();
            NewPhysics.SM.with(name, org.anomalia.flavour.theory.Complex.ZERO); // validates the name
            String[] f = part.substring(eq + 1).trim().split(":");
            if (f.length != 3) throw new UserException(hint);
            double from, to;
            int points;
            try {
                from = Double.parseDouble(f[0]);
                to = Double.parseDouble(f[1]);
                points = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                throw new UserException(hint);
            }
            if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) throw new UserException(hint + " (FROM < TO, finite)");
            if (points < 3) throw new UserException(hint + " (at least 3 points)");
            for (GridAxis a : axes) {
                if (a.coefficient().equalsIgnoreCase(name)) throw new UserException(OPTION + ": " + name + " appears twice");
            }
            axes.add(new GridAxis(canonical(name), from, to, points));
        }
        if (axes.size() > 2) throw new UserException(OPTION + ": at most two coefficients, got " + axes.size());
        return axes;
    }

    private static String canonical(String name) {
        for (String n : NewPhysics.NAMES) if (n.equalsIgnoreCase(name.trim())) return n;
        return name;
    }
}
