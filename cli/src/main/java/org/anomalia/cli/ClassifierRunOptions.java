package org.anomalia.cli;

import picocli.CommandLine.Mixin;

/**
 * What the classifier baselines (idealized, supervised, cwola) take after their own files (add with {@code @Mixin}):
 * the event columns, then the classifier, folds, seed, output and judging.
 */
final class ClassifierRunOptions {
    @Mixin
    EventsInputs inputs = new EventsInputs();

    @Mixin
    ClassifierOptions options = new ClassifierOptions();
}
