package org.anomalia.gof.input;

import java.util.List;

/**
 * Where theory predictions x(ν) come from: the flavour engine, a CSV file, or a toy. Rows are not
 * smeared; the analysis adds the experimental noise.
 */
public interface TheorySampleSource {
    /** Observable names, in column order. */
    List<String> observables();

    /** n rows x(ν) for ν drawn from its prior, reproducible from the seed. */
    double[][] draw(int n, long seed);

    /** Where the samples come from, for reports. */
    String description();
}
