package org.anomalia.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.anomalia.events.engine.EngineSettings;
import org.anomalia.events.engine.TaskEngine;
import org.anomalia.events.engine.TaskFunction;
import org.anomalia.events.engine.TaskProgress;
import org.anomalia.numerics.UserException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs the tasks as Spark tasks: one partition per task, mapped on the executors by
 * {@link TaskCall}, collected in task order. Each task owns its seed and data, so the results are
 * those of the local engine, bit for bit. Progress is told as Spark counts finished tasks (polled
 * four times a second). A failed task does not stop the others; when all are done the failure of
 * the lowest index is rethrown as it was thrown (a {@link UserException} as itself).
 */
public final class SparkEngine implements TaskEngine {
    private static final long POLL_MILLIS = 250;

    private final JavaSparkContext context;
    private final int taskCpus;

    private SparkEngine(JavaSparkContext context, int taskCpus) {
        this.context = context;
        this.taskCpus = taskCpus;
    }

    /** Checks the settings (a bad --master or --engine-conf is a user error), then starts a Spark context. */
    public static SparkEngine start(EngineSettings settings) {
        SparkConf conf = SparkSettings.conf(settings);
        int cpus = SparkSettings.taskCpus(conf);
        return new SparkEngine(new JavaSparkContext(conf), cpus);
    }

    /** The kernel threads of each task (spark.task.cpus). */
    public int taskCpus() {
        return taskCpus;
    }

    /** The Spark context (for listeners in tests and measurements). */
    JavaSparkContext context() {
        return context;
    }

    /** The Spark context's master URL, e.g. local[*] or spark://host:7077. */
    public String master() {
        return context.master();
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> tasks, TaskFunction<T, R> fn, TaskProgress progress) {
        int total = tasks.size();
        if (total == 0) return new ArrayList<>();
        JavaFutureAction<List<TaskCall.Outcome<R>>> job =
                context.parallelize(new ArrayList<>(tasks), total).map(new TaskCall<>(fn, taskCpus)).collectAsync();
        List<TaskCall.Outcome<R>> outcomes = await(job, total, progress);
        List<R> results = new ArrayList<>(total);
        for (TaskCall.Outcome<R> o : outcomes) {
            Throwable f = o.failure();
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error err) throw err;
            if (f != null) throw new IllegalStateException(f);
            results.add(o.result());
        }
        return results;
    }

    /** The job's outcomes, telling progress meanwhile; a failure of Spark itself (a lost executor, a master gone) as an unchecked exception. */
    private <R> List<TaskCall.Outcome<R>> await(JavaFutureAction<List<TaskCall.Outcome<R>>> job, int total, TaskProgress progress) {
        int told = 0;
        while (true) {
            try {
                List<TaskCall.Outcome<R>> out = job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                for (int d = told + 1; d <= total; d++) progress.finished(d, total);
                return out;
            } catch (TimeoutException e) {
                int done = Math.min(total, finished(job));
                for (int d = told + 1; d <= done; d++) progress.finished(d, total);
                told = Math.max(told, done);
            } catch (InterruptedException e) {
                job.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Spark job", e);
            } catch (ExecutionException e) {
                throw failure(e.getCause());
            }
        }
    }

    /** Tasks of the job that Spark counts as finished. */
    private int finished(JavaFutureAction<?> job) {
        int done = 0;
        for (int id : job.jobIds()) {
            SparkJobInfo info = context.statusTracker().getJobInfo(id);
            if (info == null) continue;
            for (int stage : info.stageIds()) {
                SparkStageInfo s = context.statusTracker().getStageInfo(stage);
                if (s != null) done += s.numCompletedTasks();
            }
        }
        return done;
    }

    /** A user error found anywhere in the cause chain as itself, else the failure (checked ones wrapped). */
    private RuntimeException failure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserException u) return u;
        }
        if (context.sc().isStopped()) {
            return new UserException("--master " + context.master() + ": Spark stopped the application (" + firstLine(t)
                    + "); check that the master is up and has workers with enough memory and cores");
        }
        if (t instanceof RuntimeException re) return re;
        return new IllegalStateException("Spark job failed: " + firstLine(t), t);
    }

    private static String firstLine(Throwable t) {
        String m = t == null ? "unknown" : String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String describe() {
        // a cluster's slots are whatever executors it grants (its default parallelism is at least 2 whatever it has)
        String slots = context.isLocal() ? context.defaultParallelism() + " task slot(s), " : "executors as the cluster grants them, ";
        return "spark " + context.master() + ": " + slots + taskCpus + " kernel thread(s) per task (spark.task.cpus)";
    }

    @Override
    public void close() {
        context.stop();
    }
}
