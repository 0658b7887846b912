package org.anomalia.gof.nullmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.anomalia.gof.Seeds;
import org.anomalia.learn.train.ParallelTraining;

/**
 * Several learned null models (the VAE and the flow) trained on the same splits, side by side on the
 * cores (each model owns its seed and data, so the result is the same for any thread count). Their
 * statistics are listed in the order of the models; the training history shown is the first model's.
 * Notes of the trainings (retries after a divergence) go to the sink as they are known.
 */
public final class CombinedNullModel implements NullModel {
    private final List<NullModel> models;
    private final Consumer<String> notes;

    public CombinedNullModel(List<NullModel> models, Consumer<String> notes) {
        if (models.isEmpty()) throw new IllegalArgumentException("no null models to combine");
        this.models = List.copyOf(models);
        this.notes = notes;
    }

    @Override
    public TrainedNullModel train(double[][] train, double[][] validation, long seed) {
        List<TrainedNullModel> trained = ParallelTraining.map(models.size(), ParallelTraining.threads(),
                i -> models.get(i).train(train, validation, Seeds.derive(seed, 100 + i)));
        List<TestStatistic> statistics = new ArrayList<>();
        List<String> allNotes = new ArrayList<>();
        for (TrainedNullModel t : trained) {
            statistics.addAll(t.statistics());
            allNotes.addAll(t.notes());
        }
        allNotes.forEach(notes);
        return new TrainedNullModel(statistics, trained.get(0).history(), allNotes);
    }
}
