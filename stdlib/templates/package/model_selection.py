"""Honest model selection (epoch 005): every choice — baseline ranking, tuning, tuned-vs-baseline and the
decision threshold — is made by cross-validation on the TRAINING rows. The test rows are not an
argument of any function here; epoch 005 scores them once, with the final model.

Successive halving is run round by round, and each finished round is checkpointed to a JSON file, so
a killed run resumes at the unfinished round instead of starting the search again.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import KFold, ParameterSampler, StratifiedKFold, cross_val_score, train_test_split

from . import config
from .model_artifact import RawInputModel
from .model_budget import Clock, Progress, fmt_seconds
from .model_utils import build_model, compute_metrics, greater_is_better
from .model_utils_tuning import _plain, halving_plan, scorer_for, search_space

#: Primary metrics for which a binary model is served at the F1-optimal threshold chosen by CV (the
#: catalogue's `f1Threshold` fact, src/catalogue/metrics.ts).
THRESHOLD_METRICS = tuple(name for name, m in config.CATALOGUE["metrics"].items() if m["f1_threshold"])
#: A class rarer than this share of an even split makes the target "imbalanced".
IMBALANCE_RATIO = 0.8


def folds(problem: str, n_folds: int, seed: int):
    """Seeded (stratified for classification) K folds."""
    cls = StratifiedKFold if problem == "classification" else KFold
    return cls(n_splits=n_folds, shuffle=True, random_state=seed)


def is_imbalanced(y) -> bool:
    """True when the rarest class is under IMBALANCE_RATIO of its share in an even split."""
    shares = pd.Series(np.asarray(y)).value_counts(normalize=True)
    return len(shares) > 1 and float(shares.min()) < IMBALANCE_RATIO / len(shares)


def _class_weighting(model_id: str, y) -> tuple[str, object, bool] | None:
    """(parameter, value, set on the label wrapper) that weights the classes of an imbalanced target, as
    the model's catalogue entry (`imbalance`) says; None when the target is balanced or the model is
    fitted unweighted."""
    weighting = config.CATALOGUE["models"][model_id]["imbalance"]
    if weighting is None or not is_imbalanced(y):
        return None
    counts = pd.Series(np.asarray(y)).value_counts().sort_index()
    w = weighting["binary" if len(counts) == 2 else "multiclass"]
    value = float(counts.iloc[0] / counts.iloc[1]) if w["value"] == "negative_per_positive" else w["value"]
    return w["param"], value, w["wrapper"]


def balance_params(model_id: str, y) -> dict:
    """Class-weighting parameters of the estimator for an imbalanced target ({} when balanced)."""
    weighting = _class_weighting(model_id, y)
    return {} if weighting is None or weighting[2] else {weighting[0]: weighting[1]}


def make_model(model_id: str, problem: str, y, seed: int, params: dict | None = None) -> RawInputModel:
    """The raw-input model of `model_id`: class weights when imbalanced, then `params` on top."""
    balance = balance_params(model_id, y) if problem == "classification" else {}
    estimator = build_model(model_id, problem, seed, {**balance, **(params or {})})
    weighting = _class_weighting(model_id, y) if problem == "classification" else None
    if weighting is not None and weighting[2]:
        estimator.set_params(**{weighting[0]: weighting[1]})
    return RawInputModel(estimator, problem)


def choose_threshold(y, proba: np.ndarray, classes) -> float:
    """The threshold on the positive-class probability that maximises F1 on out-of-fold predictions.
    F1 balances precision and recall: maximising precision or recall alone is degenerate (a threshold
    of 1 or 0), so it is also the criterion when the primary metric is one of them."""
    from sklearn.metrics import f1_score

    y = np.asarray(y)
    pos = y == classes[1]
    grid = np.unique(np.round(np.quantile(proba[:, 1], np.linspace(0.01, 0.99, 99)), 4))
    scores = [f1_score(pos, proba[:, 1] >= t, zero_division=0) for t in grid]
    return float(grid[int(np.argmax(scores))]) if len(grid) else 0.5


def _fit_predict(model: RawInputModel, X_fit, y_fit, X_val, classification: bool) -> np.ndarray:
    m = clone(model)
    m.fit(X_fit, y_fit)
    return m.predict_proba(X_val) if classification else m.predict(X_val)


def inner_threshold(model: RawInputModel, X: pd.DataFrame, y: np.ndarray, classes, seed: int) -> float:
    """The threshold for one outer fold, chosen on an inner split of that fold's TRAINING rows (75/25,
    stratified, seeded): the rows the outer fold is scored on never help choose its threshold, so the
    CV estimate of a threshold metric is not optimistic."""
    Xa, Xb, ya, yb = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
    return choose_threshold(yb, _fit_predict(model, Xa, ya, Xb, True), classes)


def cv_evaluate(model: RawInputModel, X: pd.DataFrame, y, problem: str, metric: str, n_folds: int,
                seed: int, time_cap: float | None = None, label: str = "cv", log=print) -> dict:
    """Out-of-fold metrics of `model` on the training rows.

    For a binary threshold metric each outer fold is scored with a threshold chosen on an inner split
    of its own training rows (nested, honest); the threshold SERVED with the model is chosen on all
    out-of-fold predictions. `time_cap` (seconds) stops before a fold that would overrun it: the metrics
    then cover the completed folds and `stopped` says why. One progress line per fold, and a heartbeat
    while a fold runs long. Returns {metrics, threshold, fold_thresholds, folds_completed, stopped}."""
    y = np.asarray(y)
    classification = problem == "classification"
    classes = np.unique(y) if classification else np.empty(0)
    nested = classification and len(classes) == 2 and metric in THRESHOLD_METRICS
    out = np.zeros((len(y), len(classes))) if classification else np.zeros(len(y))
    scored = np.zeros(len(y), dtype=bool)
    pred = np.empty(len(y), dtype=y.dtype)
    clock, fold_thresholds, stopped, completed = Clock(time_cap), [], None, 0
    for k, (tr, va) in enumerate(folds(problem, n_folds, seed).split(X, y), start=1):
        if completed and clock.exhausted(clock.spent / completed):
            stopped = f"time cap {fmt_seconds(time_cap or 0)} reached after {completed}/{n_folds} folds"
            log(f"{label}: {stopped}; scored on the completed folds")
            break
        with Progress(f"{label}: fold {k}/{n_folds} on {len(tr)} rows", log=log, quiet_start=True):
            Xt, yt = X.iloc[tr], y[tr]
            out[va] = _fit_predict(model, Xt, yt, X.iloc[va], classification)
            if nested:
                fold_thresholds.append(inner_threshold(model, Xt, yt, classes, seed))
                pred[va] = np.where(out[va][:, 1] >= fold_thresholds[-1], classes[1], classes[0])
            elif classification:
                pred[va] = classes[out[va].argmax(axis=1)]
            scored[va], completed = True, completed + 1
    ys = y[scored]
    if not classification:
        metrics = compute_metrics(problem, ys, out[scored])
        return {"metrics": metrics, "threshold": None, "fold_thresholds": [], "folds_completed": completed,
                "stopped": stopped}
    threshold = choose_threshold(ys, out[scored], classes) if nested else None
    metrics = compute_metrics(problem, ys, pred[scored], out[scored], classes)
    return {"metrics": metrics, "threshold": threshold, "fold_thresholds": fold_thresholds,
            "folds_completed": completed, "stopped": stopped}


def better(a: float, b: float, metric: str) -> bool:
    """Whether score `a` is at least as good as `b` for `metric`."""
    return (a >= b) if greater_is_better(metric) else (a <= b)


def _key(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _write(path: Path, doc: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=1, default=str) + "\n")
    os.replace(tmp, path)


def successive_halving(model_id: str, problem: str, X: pd.DataFrame, y, metric: str, budget: int, n_folds: int,
                       seed: int, checkpoint_dir: Path, log=print, time_budget: float | None = None) -> dict:
    """Successive halving (factor 3) over `budget` candidate evaluations on the training rows, on one
    machine: round r scores the surviving candidates by `n_folds`-fold CV on a seeded sample of the rows
    (all rows in the last round). The rounds, checkpoints and time budget are `halving_search`'s."""
    y = np.asarray(y)
    n = len(y)
    n_classes = len(np.unique(y)) if problem == "classification" else 0
    min_samples = max(n_folds * max(n_classes, 2) * 10, 60)
    key_parts = (model_id, problem, metric, budget, n_folds, seed, n,
                 int(pd.util.hash_pandas_object(X).sum() % 2**61), y.tolist()[:50])
    scoring = scorer_for(metric, n_classes)
    order = np.random.default_rng(seed).permutation(n)
    rows: dict[int, tuple] = {}

    def score(params: dict, n_rows: int) -> float:
        if n_rows not in rows:
            idx = np.sort(order[:n_rows])
            rows.clear()
            rows[n_rows] = (X.iloc[idx], y[idx])
        Xr, yr = rows[n_rows]
        model = make_model(model_id, problem, y, seed, params)
        s = cross_val_score(model, Xr, yr, cv=folds(problem, n_folds, seed), scoring=scoring, error_score="raise")
        return float(np.mean(s))

    return halving_search(model_id, metric, budget, n, min_samples, seed, key_parts, score, checkpoint_dir,
                          log=log, time_budget=time_budget, n_folds=n_folds)


def halving_search(model_id: str, metric: str, budget: int, n: int, min_rows: int, seed: int, key_parts: tuple,
                   score, checkpoint_dir: Path, log=print, time_budget: float | None = None, n_folds: int = 1,
                   score_name: str = "CV") -> dict:
    """The successive-halving orchestration both engines share (factor 3, `budget` candidate evaluations
    summed over the rounds): round r scores the surviving candidates with `score(params, rows)` on a
    growing number of the `n` selection rows (all of them in the last round; `score` is higher-is-better,
    a scikit-learn scorer's sign) and keeps the best third. `n_folds` fits make one score (1: a holdout).

    A round found in `checkpoint_dir` with the same inputs (`key_parts` and the candidates) is reused, not
    recomputed; its recorded seconds count towards `seconds`, so a resumed search reports the time it
    took over all runs. `time_budget` (seconds, `tune ... within 10m`) bounds the search: before each
    candidate, if the time spent (reused rounds included) plus that candidate's expected time would pass
    the budget, the search stops and the best candidate scored on the most rows wins. A round cut short
    is not checkpointed; `stopped` says where the search stopped."""
    checkpoint_dir.mkdir(parents=True, exist_ok=True)
    space = search_space(model_id)
    n_candidates, rounds = halving_plan(budget, n, min_rows)
    candidates = [{k: _plain(v) for k, v in p.items()}
                  for p in ParameterSampler(space, n_iter=n_candidates, random_state=seed)]
    key = _key(*key_parts, candidates)
    sign = 1 if greater_is_better(metric) else -1
    alive, trials, fits, equivalents = list(range(len(candidates))), [], 0, 0.0
    clock, stopped, best_scores, trial_cost, completed_rounds = Clock(time_budget), None, {}, 0.0, 0
    for r in range(rounds):
        n_rows = n if r == rounds - 1 else max(n // 3 ** (rounds - 1 - r), min_rows)
        file = checkpoint_dir / f"round_{r}.json"
        done = json.loads(file.read_text()) if file.is_file() else None
        if done and done.get("key") == key and done.get("alive") == alive:
            log(f"tuning round {r + 1}/{rounds}: done before, reused ({len(alive)} candidates)")
            scores = {int(k): v for k, v in done["scores"].items()}
            clock.before += float(done.get("seconds", 0.0))
            trial_cost = float(done.get("seconds", 0.0)) / max(len(alive), 1) * 3
        else:
            log(f"tuning round {r + 1}/{rounds}: {len(alive)} candidates on {n_rows} rows")
            scores, round_start = {}, time.perf_counter()
            # Progress inside a round: about four lines per round, with the best score so far.
            every = max(1, math.ceil(len(alive) / 4))
            for j, i in enumerate(alive, start=1):
                if clock.exhausted(trial_cost):
                    stopped = {"reason": f"time budget {fmt_seconds(time_budget or 0)}", "round": r + 1,
                               "trials_scored_in_round": j - 1, "seconds": clock.spent}
                    log(f"tuning stopped by its time budget ({fmt_seconds(time_budget or 0)}) in round {r + 1}/{rounds} "
                        f"after {j - 1}/{len(alive)} candidates")
                    break
                t0 = time.perf_counter()
                with Progress(f"  trial {j}/{len(alive)} of round {r + 1}", log=log, quiet=True):
                    scores[i] = float(score(candidates[i], n_rows))
                trial_cost = time.perf_counter() - t0
                if j % every == 0 and j < len(alive):
                    log(f"  trial {j}/{len(alive)} of round {r + 1}, best {score_name} {metric} so far {sign * max(scores.values()):.4f}")
            if stopped is None:
                _write(file, {"key": key, "round": r, "rows": n_rows, "alive": alive, "scores": scores,
                              "seconds": time.perf_counter() - round_start})
            trial_cost *= 3  # the next round's rows are three times as many
        scored = [i for i in alive if i in scores]
        fits += len(scored) * n_folds
        # Each CV fit uses (k-1)/k of the round's rows (a holdout fit all of them): the cost in full-set fits.
        equivalents += (len(scored) * n_folds * (n_rows / n) * (n_folds - 1) / n_folds if n_folds > 1
                        else len(scored) * (n_rows / n))
        trials += [{"params": candidates[i], "n_resources": n_rows, "round": r, "mean_score": sign * scores[i]}
                   for i in scored]
        best_scores.update({i: sign * scores[i] for i in scored})
        ranked = sorted(scored, key=lambda i: (-scores[i], i))
        completed_rounds += stopped is None
        if stopped is not None:
            # The best of this round's scored candidates (all top-ranked before); none scored: last round's best.
            alive = ranked or alive
            break
        alive = ranked if r == rounds - 1 else ranked[: max(1, math.ceil(len(ranked) / 3))]
    best = alive[0] if best_scores else None
    return {"best_params": candidates[best] if best is not None else None,
            "best_score": best_scores.get(best) if best is not None else None, "trials": trials, "rounds": rounds,
            "rounds_completed": completed_rounds,
            "candidates": len(candidates), "fits": fits, "fit_equivalents": equivalents,
            "seconds": clock.spent, "time_budget_seconds": time_budget, "stopped": stopped}
