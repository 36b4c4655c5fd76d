"""Budgeted hyper-parameter tuning of the best baseline (epoch 005, phase 2).

The seed tuned with exhaustive grids (hundreds of full fits). Here the spec's budget bounds the
number of candidate evaluations: successive halving (HalvingRandomSearchCV) spends the budget on
many candidates with little data and few candidates with all data, or a randomised search evaluates
exactly `budget` candidates. The fit count is reported so the saving can be measured.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
from scipy import stats
# Halving searches are still experimental in scikit-learn 1.9 and need this enabling import.
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.model_selection import HalvingRandomSearchCV, KFold, RandomizedSearchCV, StratifiedKFold

from . import config
from .model_utils import build_model, greater_is_better, to_cpu


def scorer_for(metric: str, n_classes: int) -> str:
    """The scikit-learn scorer that optimises `metric` (binary scorers need exactly two classes), as
    pipec's catalogue names it in config.CATALOGUE."""
    binary, multi = config.CATALOGUE["metrics"][metric]["scorer"]
    return binary if n_classes <= 2 else multi


def _dimension(value):
    """A catalogue search dimension as the tuner samples it: a list of choices stays a list,
    `{"randint"|"uniform"|"loguniform": [a, b]}` becomes that scipy.stats distribution."""
    if isinstance(value, list):
        return value
    ((name, args),) = value.items()
    return getattr(stats, name)(*args)


def search_space(model_id: str) -> dict:
    """Distributions to sample candidates from (continuous where it matters, unlike a fixed grid); the
    catalogue's space of `model_id`, {} for a model that is not tuned."""
    spec = config.CATALOGUE["models"].get(model_id)
    return {k: _dimension(v) for k, v in spec["search"].items()} if spec else {}


def halving_plan(budget: int, n_samples: int, min_samples: int, factor: int = 3) -> tuple[int, int]:
    """(candidates, rounds) for successive halving: the candidate evaluations summed over all rounds
    (c + c/f + c/f^2 ...) stay within `budget`, and the first round still gets `min_samples` rows.
    More rounds are preferred: they explore more candidates on small samples for the same budget."""
    max_rounds = 1
    while max_rounds < 6 and n_samples // factor ** max_rounds >= min_samples:
        max_rounds += 1
    for rounds in range(max_rounds, 0, -1):
        def cost(c: int, rounds: int = rounds) -> int:
            return sum(math.ceil(c / factor ** i) for i in range(rounds))

        c = factor ** (rounds - 1)  # fewer candidates could not survive every round
        if cost(c) > budget:
            continue
        while cost(c + 1) <= budget:
            c += 1
        return c, rounds
    return 1, 1


@dataclass
class TuneResult:
    """The refitted best estimator, its parameters and score, and what the search cost."""

    model: object
    best_params: dict
    best_score: float
    trials: list
    fits: int
    fit_equivalents: float
    seconds: float


def _prefixed(model, space: dict) -> dict:
    # A LabelEncodedClassifier exposes its inner estimator's parameters as `estimator__<name>`.
    if model.__class__.__name__ == "LabelEncodedClassifier":
        return {f"estimator__{k}": v for k, v in space.items()}
    return space


def tune_model(model_id: str, problem: str, X, y, metric: str, budget: int, cv_folds: int,
               strategy: str = "halving_random", seed: int = 42) -> TuneResult:
    """Tunes `model_id` within `budget` candidate evaluations of `cv_folds`-fold cross-validation."""
    model = build_model(model_id, problem, seed)
    space = _prefixed(model, search_space(model_id))
    y_arr = np.asarray(y)
    n_classes = len(np.unique(y_arr)) if problem == "classification" else 0
    scoring = scorer_for(metric, n_classes)
    if problem == "classification":
        cv = StratifiedKFold(n_splits=cv_folds, shuffle=True, random_state=seed)
    else:
        cv = KFold(n_splits=cv_folds, shuffle=True, random_state=seed)
    n = len(y_arr)
    start = time.perf_counter()
    if strategy == "halving_random" and space:
        # Each fold of the first round must still hold every class several times.
        min_samples = max(cv_folds * max(n_classes, 2) * 10, 60)
        candidates, rounds = halving_plan(budget, n, min_samples)
        search = HalvingRandomSearchCV(
            model, space, n_candidates=candidates, factor=3, resource="n_samples",
            min_resources=max(n // 3 ** (rounds - 1), 1), scoring=scoring, cv=cv, random_state=seed,
            refit=True, n_jobs=1, error_score="raise")
    else:
        search = RandomizedSearchCV(model, space or {}, n_iter=max(budget, 1) if space else 1, scoring=scoring,
                                    cv=cv, random_state=seed, refit=True, n_jobs=1, error_score="raise")
    search.fit(X, y_arr)
    seconds = time.perf_counter() - start
    res = search.cv_results_
    resources = np.asarray(res.get("n_resources", np.full(len(res["params"]), n)), dtype=float)
    trials = []
    for i, params in enumerate(res["params"]):
        clean = {k.removeprefix("estimator__"): _plain(v) for k, v in params.items()}
        trials.append({"params": clean, "n_resources": int(resources[i]),
                       "mean_score": _signed(float(res["mean_test_score"][i]), metric),
                       "std_score": float(res["std_test_score"][i])})
    fits = len(res["params"]) * cv_folds + 1
    # Fits weighted by the share of the rows they used: the cost in full-data fits.
    equivalents = float(resources.sum() / n) * cv_folds * (cv_folds - 1) / cv_folds + 1
    best = {k.removeprefix("estimator__"): _plain(v) for k, v in search.best_params_.items()}
    return TuneResult(to_cpu(search.best_estimator_), best, _signed(float(search.best_score_), metric),
                      trials, fits, equivalents, seconds)


def _signed(score: float, metric: str) -> float:
    # Scikit-learn maximises negated losses; report them in the metric's own sign.
    return -score if not greater_is_better(metric) else score


def _plain(v):
    if isinstance(v, np.generic):
        return v.item()
    return v
