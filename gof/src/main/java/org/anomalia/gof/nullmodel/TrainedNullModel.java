package org.anomalia.gof.nullmodel;

import java.util.List;

/**
 * What training produced: the statistics to evaluate, the loss curves (empty for models that do not
 * train) and notes for the user about how training went (for example a retry at a lower learning rate
 * after a diverged run).
 */
public record TrainedNullModel(List<TestStatistic> statistics, TrainingHistory history, List<String> notes) {
    public TrainedNullModel {
        statistics = List.copyOf(statistics);
        notes = List.copyOf(notes);
    }

    public TrainedNullModel(List<TestStatistic> statistics, TrainingHistory history) {
        this(statistics, history, List.of());
    }
}
