package org.anomalia.events.engine;

/** Told on the caller's side as tasks finish (in any order), to show progress of long work. */
@FunctionalInterface
public interface TaskProgress {
    /** Nothing to tell. */
    TaskProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} tasks have finished. */
    void finished(int done, int total);
}
