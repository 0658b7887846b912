package org.anomalia.events.classify;

/** A trained binary classifier: for each row, a score that grows with P(class 1 | x). */
@FunctionalInterface
public interface Scorer {
    double[] score(float[][] rows);
}
