package org.anomalia.gof.nullmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.anomalia.gof.Seeds;
import org.anomalia.learn.train.ParallelTraining;

/**
 * Several learned null models (the VAE and the flow) trained on the same splits: single networks side by
 * side on the cores, then models that share themselves out to the cores (the flow ensemble) one after
 * another (each model owns its seed and data, so the result is the same for any thread count). Their
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
        // a lone network beside the ensemble still trains as a member (kernels unsplit), as it did beside it before
        List<Integer> single = new ArrayList<>(), wide = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) (models.get(i).trainsOnAllCores() ? wide : single).add(i);
        TrainedNullModel[] byIndex = new TrainedNullModel[models.size()];
        List<TrainedNullModel> singles = ParallelTraining.map(single.size(), ParallelTraining.threads(),
                k -> ParallelTraining.asMember(() -> trainOne(single.get(k), train, validation, seed)));
        for (int k = 0; k < single.size(); k++) byIndex[single.get(k)] = singles.get(k);
        for (int i : wide) byIndex[i] = trainOne(i, train, validation, seed);
        List<TrainedNullModel> trained = List.of(byIndex);
        List<TestStatistic> statistics = new ArrayList<>();
        List<String> allNotes = new ArrayList<>();
        for (TrainedNullModel t : trained) {
            statistics.addAll(t.statistics());
            allNotes.addAll(t.notes());
        }
        allNotes.forEach(notes);
        return new TrainedNullModel(statistics, trained.get(0).history(), allNotes);
    }

    private TrainedNullModel trainOne(int i, double[][] train, double[][] validation, long seed) {
        return models.get(i).train(train, validation, Seeds.derive(seed, 100 + i));
    }
}
