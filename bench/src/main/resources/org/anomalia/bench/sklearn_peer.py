"""scikit-learn peer of the lhco bench: HistGradientBoostingClassifier on the agreed LHCO split.

Run by the Java bench (org.anomalia.bench.SklearnPeer) with /usr/bin/python3:

    sklearn_peer.py DATA_DIR METHOD SEED OUT_NPY [MAX_ITER] [CLASS_WEIGHT] [FOLDS] [HOLDOUT]

METHOD is idealized (innerdata_train against the label-0 rows of innerdata_test) or supervised
(innerdata_extrasig rows 20000 onwards against the same background). Writes the scores of the
evaluation set evaldata_test (one float64 per row, in file order) to OUT_NPY and prints
key=value lines that the bench parses; the bench computes every metric itself. FOLDS > 1 trains
one model per k-fold training split (seeded shuffle) and averages their evaluation scores, as the
bench's --folds does for our classifiers. HOLDOUT=1 is the bench's tuning mode: the even rows of
the background and of the supervised signal train, and the odd rows of both are scored instead of
evaldata_test (the idealized data stay whole).
"""
import os
import sys
import time

import numpy as np

FEATURES = [1, 2, 3, 4]  # mj1, delta_mj, tau21_j1, tau21_j2 (column 0 is mjj, 5 the label)
LABEL = 5


def load(data_dir, name):
    return np.load(os.path.join(data_dir, name))


def samples(data_dir, method, holdout):
    """(sample labelled 1, sample labelled 0, evaluation rows), feature columns only."""
    test = load(data_dir, "innerdata_test.npy")
    background = test[test[:, LABEL] == 0]
    signal = load(data_dir, "innerdata_extrasig.npy")[20000:]
    if method not in ("idealized", "supervised"):
        raise SystemExit("unknown method " + method + " (idealized or supervised)")
    if holdout:
        evaluation = np.concatenate([signal[1::2], background[1::2]])
        signal, background = signal[0::2], background[0::2]
    else:
        evaluation = load(data_dir, "evaldata_test.npy")
    one = load(data_dir, "innerdata_train.npy") if method == "idealized" else signal
    return one[:, FEATURES], background[:, FEATURES], evaluation[:, FEATURES]


def main(argv):
    if len(argv) < 5:
        raise SystemExit(__doc__)
    data_dir, method, seed, out = argv[1], argv[2], int(argv[3]), argv[4]
    max_iter = int(argv[5]) if len(argv) > 5 else 200
    class_weight = argv[6] if len(argv) > 6 else "balanced"
    folds = int(argv[7]) if len(argv) > 7 else 1
    holdout = len(argv) > 8 and argv[8] == "1"

    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier

    one, zero, evaluation = samples(data_dir, method, holdout)
    x = np.concatenate([one, zero]).astype(np.float64)
    y = np.concatenate([np.ones(len(one)), np.zeros(len(zero))])

    if folds > 1:
        fold = np.empty(len(y), dtype=int)
        fold[np.random.default_rng(seed).permutation(len(y))] = np.arange(len(y)) % folds
        train_sets = [fold != f for f in range(folds)]
    else:
        train_sets = [np.ones(len(y), dtype=bool)]

    fit_wall = score_wall = 0.0
    cpu = time.process_time()
    scores = np.zeros(len(evaluation))
    iterations = []
    for k, rows in enumerate(train_sets):
        model = HistGradientBoostingClassifier(
            max_iter=max_iter, early_stopping=True, random_state=seed if folds < 2 else seed * 31 + k,
            class_weight=None if class_weight == "none" else class_weight)
        wall = time.perf_counter()
        model.fit(x[rows], y[rows])
        fit_wall += time.perf_counter() - wall
        wall = time.perf_counter()
        scores += model.predict_proba(evaluation)[:, 1] / len(train_sets)
        score_wall += time.perf_counter() - wall
        iterations.append(model.n_iter_)
    cpu = time.process_time() - cpu  # fit and scoring, all threads

    if not np.all(np.isfinite(scores)):
        raise SystemExit("non-finite scores")
    # Write next to the target and move into place, so no half-written file is ever read.
    tmp = out + ".tmp.npy"
    np.save(tmp, scores)
    os.replace(tmp, out)

    print("sklearn=" + sklearn.__version__)
    print("numpy=" + np.__version__)
    print("rows_one=%d" % len(one))
    print("rows_zero=%d" % len(zero))
    print("rows_eval=%d" % len(evaluation))
    print("iterations=" + ",".join(str(i) for i in iterations))
    print("fit_seconds=%.4f" % fit_wall)
    print("cpu_seconds=%.4f" % cpu)
    print("score_seconds=%.4f" % score_wall)


if __name__ == "__main__":
    main(sys.argv)
