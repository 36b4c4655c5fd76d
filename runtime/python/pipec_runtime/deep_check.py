"""`python -m pipec_runtime.deep_check < request.json`: what a data file can deliver, before a run.

`pipec check --deep` sends a request (the file, its target, the problem kind, the split and the metrics)
on stdin; this fits fast cross-validated baselines (a linear model and a small histogram gradient-boosted
model) on a bounded random sample of the file and prints, as one JSON object on stdout, each metric's
expected value with an interval for a test split as large as the full run's. The metrics are computed
as the generated project computes them (binary metrics score the second class; multiclass averages are
support-weighted), so the interval can be compared with what epoch 005 records.
"""
from __future__ import annotations

import json
import math
import sys
import time
from typing import Any

import numpy as np
import pandas as pd

CLASSIFICATION = ("accuracy", "precision", "recall", "f1_score", "roc_auc", "log_loss")
REGRESSION = ("mse", "rmse", "mae", "r2_score", "mape")
# Where each metric can lie at all: intervals are clipped to it.
RANGES = {"accuracy": (0.0, 1.0), "precision": (0.0, 1.0), "recall": (0.0, 1.0), "f1_score": (0.0, 1.0),
          "roc_auc": (0.0, 1.0), "log_loss": (0.0, math.inf), "mse": (0.0, math.inf), "rmse": (0.0, math.inf),
          "mae": (0.0, math.inf), "r2_score": (-math.inf, 1.0), "mape": (0.0, math.inf)}
# A small booster: 60 rounds of 15-leaf trees at a higher rate fit 16,000 rows in about a second on one core.
BOOSTED = {"max_iter": 60, "learning_rate": 0.15, "max_leaf_nodes": 15, "early_stopping": False}
# Top levels kept per text column: a bounded encoding, never thousands of one-hot columns.
TOP_LEVELS = 20


def read_frame(path: str, fmt: str) -> pd.DataFrame:
    """The whole file through pyarrow's multithreaded readers (a 50 MB CSV reads in about a second)."""
    if fmt == "parquet":
        return pd.read_parquet(path)
    import pyarrow.csv as pacsv

    return pacsv.read_csv(path).to_pandas()


def features(frame: pd.DataFrame, target: str) -> pd.DataFrame:
    """Numeric columns as they are; text columns one-hot over their top levels; identifier-like columns dropped."""
    parts: list[pd.DataFrame] = []
    n = len(frame)
    for name in frame.columns:
        if name == target:
            continue
        s = frame[name]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            values = pd.to_numeric(s, errors="coerce").astype("float64")
            # An integer column unique per row is an identifier, not a feature.
            if pd.api.types.is_integer_dtype(s) and n > 50 and s.nunique() >= 0.95 * n:
                continue
            parts.append(values.to_frame(str(name)))
            continue
        text = s.astype("str").where(s.notna(), None)
        if n > 50 and text.nunique() >= 0.5 * n:
            continue
        top = text.value_counts().index[:TOP_LEVELS]
        for level in top:
            parts.append((text == level).astype("float64").to_frame(f"{name}={level}"))
    return pd.concat(parts, axis=1) if parts else pd.DataFrame(index=frame.index)


def models(problem: str, seed: int) -> dict[str, Any]:
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if problem == "classification":
        # Weakly regularised (C=10, not sklearn's 1): the run tunes its models, and a default-regularised
        # baseline over-states log_loss (iris: 0.156 against 0.028 reached by the run).
        linear = make_pipeline(SimpleImputer(), StandardScaler(), LogisticRegression(C=10.0, max_iter=2000))
        boosted = HistGradientBoostingClassifier(**BOOSTED, random_state=seed)
        return {"logistic_regression": linear, "hist_gradient_boosting": boosted}
    linear = make_pipeline(SimpleImputer(), StandardScaler(), Ridge(alpha=1.0))
    boosted = HistGradientBoostingRegressor(**BOOSTED, random_state=seed)
    return {"ridge": linear, "hist_gradient_boosting": boosted}


def metrics_of(problem: str, y_true: np.ndarray, y_pred: np.ndarray, proba: np.ndarray | None, labels: np.ndarray) -> dict[str, float]:
    """The generated project's metric definitions (model_utils.compute_metrics)."""
    from sklearn import metrics as m

    out: dict[str, float] = {}
    if problem == "classification":
        binary = len(labels) == 2
        kw: dict[str, Any] = {"average": "binary", "pos_label": labels[1]} if binary else {"average": "weighted"}
        out["accuracy"] = float(m.accuracy_score(y_true, y_pred))
        out["precision"] = float(m.precision_score(y_true, y_pred, zero_division=0, **kw))
        out["recall"] = float(m.recall_score(y_true, y_pred, zero_division=0, **kw))
        out["f1_score"] = float(m.f1_score(y_true, y_pred, zero_division=0, **kw))
        if proba is not None and len(np.unique(y_true)) == len(labels):
            if binary:
                out["roc_auc"] = float(m.roc_auc_score(y_true == labels[1], proba[:, 1]))
            else:
                out["roc_auc"] = float(m.roc_auc_score(y_true, proba, multi_class="ovr", labels=labels))
            out["log_loss"] = float(m.log_loss(y_true, np.clip(proba, 1e-15, 1.0), labels=labels))
        return out
    yt, yp = y_true.astype("float64"), y_pred.astype("float64")
    out["mse"] = float(m.mean_squared_error(yt, yp))
    out["rmse"] = float(m.root_mean_squared_error(yt, yp))
    out["mae"] = float(m.mean_absolute_error(yt, yp))
    out["r2_score"] = float(m.r2_score(yt, yp))
    out["mape"] = float(m.mean_absolute_percentage_error(yt, yp))
    return out


def cross_validate(problem: str, X: pd.DataFrame, y: np.ndarray, folds: int, seed: int) -> dict[str, dict[str, list[float]]]:
    """Per model, per metric: the score of every validation fold."""
    from sklearn.base import clone
    from sklearn.model_selection import KFold, StratifiedKFold

    labels = np.unique(y) if problem == "classification" else np.asarray([])
    if problem == "classification":
        smallest = int(pd.Series(y).value_counts().min())
        splitter = StratifiedKFold(n_splits=max(2, min(folds, smallest)), shuffle=True, random_state=seed)
    else:
        splitter = KFold(n_splits=folds, shuffle=True, random_state=seed)
    scores: dict[str, dict[str, list[float]]] = {}
    for name, model in models(problem, seed).items():
        per: dict[str, list[float]] = {}
        for train, valid in splitter.split(X, y):
            fitted = clone(model).fit(X.iloc[train], y[train])
            pred = fitted.predict(X.iloc[valid])
            proba = fitted.predict_proba(X.iloc[valid]) if problem == "classification" else None
            for k, v in metrics_of(problem, y[valid], pred, proba, labels).items():
                per.setdefault(k, []).append(v)
        scores[name] = per
    return scores


def summarise(problem: str, primary: str, scores: dict[str, dict[str, list[float]]], valid_rows: float, test_rows: int) -> dict[str, Any]:
    """Expected value (the best model by the primary metric) and an interval for one test split of `test_rows`.

    The interval spans the baselines' means (the full run may pick either kind of model, tuned) widened
    by 1.96 standard errors of a metric measured on `test_rows` rows, scaled from the folds' spread.
    """
    lower_better = primary in ("log_loss", "mse", "rmse", "mae", "mape")
    means = {name: {k: float(np.mean(v)) for k, v in per.items()} for name, per in scores.items()}
    ranked = [n for n in means if primary in means[n]]
    best = (min if lower_better else max)(ranked, key=lambda n: means[n][primary]) if ranked else next(iter(means))
    out: dict[str, Any] = {}
    for metric in CLASSIFICATION if problem == "classification" else REGRESSION:
        if metric not in means[best]:
            continue
        sd = float(np.std(scores[best][metric], ddof=1)) if len(scores[best][metric]) > 1 else 0.0
        se_test = sd * math.sqrt(max(valid_rows, 1.0) / max(test_rows, 1))
        spread = [means[n][metric] for n in means if metric in means[n]]
        lo, hi = RANGES.get(metric, (-math.inf, math.inf))
        out[metric] = {
            "expected": means[best][metric],
            "low": max(lo, min(spread) - 1.96 * se_test),
            "high": min(hi, max(spread) + 1.96 * se_test),
        }
    return {"best_model": best, "metrics": out, "models": means}


def run(req: dict[str, Any]) -> dict[str, Any]:
    t0 = time.perf_counter()
    frame = read_frame(req["path"], req["format"])
    target, problem, seed = req["target"], req["problem"], int(req["seed"])
    total = len(frame)
    if target not in frame.columns:
        raise ValueError(f"the data has no column {target!r}")
    frame = frame[frame[target].notna()]
    sample = frame.sample(n=min(len(frame), int(req["sample_rows"])), random_state=seed) if len(frame) > req["sample_rows"] else frame
    y_raw = sample[target]
    y = y_raw.astype("str").to_numpy() if problem == "classification" else pd.to_numeric(y_raw, errors="coerce").to_numpy()
    X = features(sample, target)
    folds = int(req["folds"])
    test_rows = int(math.ceil(total * float(req["test_percent"]) / 100.0))
    scores = cross_validate(problem, X, y, folds, seed)
    summary = summarise(problem, req["primary"], scores, len(sample) / folds, test_rows)
    return {"rows": total, "sampled_rows": int(len(sample)), "folds": folds, "test_rows": test_rows,
            "features": int(X.shape[1]), "seconds": round(time.perf_counter() - t0, 3), **summary}


def main() -> int:
    try:
        req = json.load(sys.stdin)
        result = run(req)
    except Exception as err:  # reported by pipec as a diagnostic, never a traceback
        print(json.dumps({"error": f"{type(err).__name__}: {err}"}))
        return 1
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
