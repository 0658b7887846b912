package org.anomalia.gof.nullmodel;

import java.util.List;

/** What training produced: the statistics to evaluate and the loss curves (empty for models that do not train). */
public record TrainedNullModel(List<TestStatistic> statistics, TrainingHistory history) {
    public TrainedNullModel {
        statistics = List.copyOf(statistics);
    }
}
