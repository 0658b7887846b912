package org.anomalia.events.preprocess;


/**
 * y = logit(ε + (1 − 2ε) x) for x in [0, 1] (after min-max scaling): it opens the bounded unit
 * interval to the whole real line, which flows with a Gaussian base need. The squeeze ε keeps the
 * training extremes 0 and 1 finite. Inputs outside [0, 1] (test events beyond the training range)
 * give NaN, which callers must filter.
 */
public final class LogitTransform implements Step {
    /** CATHODE-style default squeeze. */
    public static final double DEFAULT_EPSILON = 1e-6;

    private final double epsilon;
    private final int columns;

    public LogitTransform(int columns, double epsilon) {
        if (!(epsilon >= 0 && epsilon < 0.5)) {
            throw new IllegalArgumentException("epsilon must be in [0, 0.5): " + epsilon);
        }
        this.columns = columns;
        this.epsilon = epsilon;
    }

    @Override
    public String kind() {
        return "logit";
    }

    @Override
    public void forward(double[][] rows, double[] logAbsDet) {
        double scale = 1 - 2 * epsilon;
        for (int r = 0; r < rows.length; r++) {
            double ld = 0;
            for (int c = 0; c < columns; c++) {
                double x = rows[r][c];
                if (x < 0 || x > 1) {
                    rows[r][c] = Double.NaN;
                    ld = Double.NaN;
                    continue;
                }
                double s = epsilon + scale * x;
                rows[r][c] = Math.log(s) - Math.log1p(-s);
                // dy/dx = scale / (s (1 − s))
                ld += Math.log(scale) - Math.log(s) - Math.log1p(-s);
            }
            logAbsDet[r] += ld;
        }
    }

    @Override
    public void inverse(double[][] rows, double[] logAbsDet) {
        double scale = 1 - 2 * epsilon;
        for (int r = 0; r < rows.length; r++) {
            double ld = 0;
            for (int c = 0; c < columns; c++) {
                double y = rows[r][c];
                // s = sigmoid(y); log s and log(1 − s) in a form that stays finite for large |y|
                double logS = -softplus(-y);
                double log1mS = -softplus(y);
                double s = Math.exp(logS);
                rows[r][c] = (s - epsilon) / scale;
                ld += logS + log1mS - Math.log(scale);
            }
            logAbsDet[r] += ld;
        }
    }

    private static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    @Override
    public Parameters parameters() {
        return new Parameters(epsilon, columns);
    }

    /** The saved form: the squeeze epsilon and the number of columns. */
    public record Parameters(double epsilon, int columns) {
    }
}
