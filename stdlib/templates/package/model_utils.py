"""Model development utilities (epoch 005): model factories for every framework the spec may list,
the standardised metrics of each problem kind, baseline training with timings, and comparison.

Nothing here is specific to one project: the model ids, problem kind and metrics come from config.
Optional frameworks (PyTorch, TensorFlow) are skipped with a reason when they are not installed.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import pickle
import shutil
import subprocess
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import config

# Models and metrics are facts of the language: pipec's catalogue hands them over in config.CATALOGUE
# (estimator classes, fixed parameters, device and seed parameter names, metric directions), so this
# module holds no per-model code.
_MODELS: dict = config.CATALOGUE["models"]
_METRICS: dict = config.CATALOGUE["metrics"]
CLASSIFICATION_METRICS = tuple(k for k, v in _METRICS.items() if v["problem"] == "classification")
REGRESSION_METRICS = tuple(k for k, v in _METRICS.items() if v["problem"] == "regression")
LOWER_IS_BETTER = frozenset(k for k, v in _METRICS.items() if v["better"] == "lower")


def greater_is_better(metric: str) -> bool:
    """Whether a larger value of `metric` is better (accuracy) or worse (rmse, log_loss)."""
    return metric not in LOWER_IS_BETTER


def n_jobs() -> int:
    """Worker threads per estimator: PIPEC_N_JOBS, else half the cores. Tree libraries that claim every
    core spin-wait badly when the machine is shared (measured 3-15x slower on a busy 2-core box)."""
    env = os.environ.get("PIPEC_N_JOBS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, (os.cpu_count() or 1) // 2)


@functools.lru_cache(maxsize=1)
def gpu_available() -> bool:
    """True when an NVIDIA GPU answers `nvidia-smi -L`; PIPEC_FORCE_CPU=1 disables GPU use."""
    if os.environ.get("PIPEC_FORCE_CPU") == "1":
        return False
    exe = shutil.which("nvidia-smi")
    if not exe:
        return False
    try:
        done = subprocess.run([exe, "-L"], capture_output=True, text=True, timeout=15, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and "GPU" in done.stdout


def _import(path: str):
    """The class at a dotted path; `.module.Class` is relative to this package (the wrappers)."""
    import importlib

    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module, package=__package__), name)


@functools.lru_cache(maxsize=16)
def device_for(model_id: str) -> str:
    """The device `model_id` should train on: its catalogue GPU value, probed with a tiny fit, so a GPU
    that the framework cannot use (e.g. LightGBM's OpenCL build without an OpenCL driver) falls back to
    the CPU; "cpu" for CPU-only models."""
    gpu = _MODELS[model_id]["gpu"]
    if gpu is None or not gpu_available():
        return "cpu"
    X = np.random.default_rng(0).normal(size=(64, 3))
    y = (X[:, 0] > 0).astype(int)
    try:
        _construct(model_id, "classification", 0, {}, gpu["value"]).fit(X, y)
        return gpu["value"]
    except Exception:  # noqa: BLE001 - any failure of the probe means "not usable here"
        return "cpu"


def skip_reason(model_id: str, problem: str) -> str | None:
    """Why `model_id` cannot be trained for `problem` here (None when it can)."""
    spec = _MODELS.get(model_id)
    if spec is None:
        return f"unknown model id {model_id!r}"
    if problem not in spec["estimator"]:
        (only,) = spec["estimator"]
        return f"{model_id} is a {only} model and the problem is {problem}"
    if importlib.util.find_spec(spec["module"]) is None:
        module = spec["module"]
        return f"{module} is not installed (optional framework; pip install {spec['pip']} to include {model_id})"
    return None


def _construct(model_id: str, problem: str, seed: int, params: dict, device: str | None):
    """The estimator of the catalogue entry, parameters layered: fixed < seed/threads/device < `params`."""
    spec = _MODELS[model_id]
    base = dict(spec["params"])
    for name, value in ((spec["seed_param"], seed), (spec["jobs_param"], n_jobs()), (spec["problem_param"], problem)):
        if name is not None:
            base[name] = value
    if spec["gpu"] is not None and device is not None:
        base[spec["gpu"]["param"]] = device
    cls = _import(spec["estimator"][problem])
    if spec["openmp_threads"]:
        # No thread parameter: cap the OpenMP pool the class's library has loaded (it stays capped).
        from threadpoolctl import threadpool_limits

        threadpool_limits(n_jobs(), user_api="openmp")
    estimator = cls(**{**base, **params})
    if spec["label_encode"] and problem == "classification":
        from .model_utils_wrappers import LabelEncodedClassifier

        return LabelEncodedClassifier(estimator)
    return estimator


def build_model(model_id: str, problem: str, seed: int = 42, params: dict | None = None):
    """A fresh, unfitted estimator with the scikit-learn API for `model_id`."""
    if model_id not in _MODELS:
        raise ValueError(f"unknown model id {model_id!r}")
    device = device_for(model_id) if _MODELS[model_id]["gpu"] is not None else None
    return _construct(model_id, problem, seed, dict(params or {}), device)


def inner_estimator(model, fitted: bool = False):
    """The framework estimator inside a LabelEncodedClassifier, else the model itself."""
    if model.__class__.__name__ != "LabelEncodedClassifier":
        return model
    return model.estimator_ if fitted else model.estimator


def unwrap_params(model) -> dict:
    """The hyper-parameters of a (possibly wrapped) estimator, JSON-safe, for logging."""
    inner = inner_estimator(model)
    out = {}
    for k, v in inner.get_params(deep=False).items():
        out[k] = v if isinstance(v, (int, float, str, bool)) or v is None else repr(v)
    return out


def to_cpu(model):
    """Moves a fitted GPU model to CPU inference, so serving hosts without a GPU load it cleanly."""
    inner = inner_estimator(model, fitted=True)
    if inner.__class__.__name__.startswith("XGB") and inner.get_params().get("device") != "cpu":
        inner.set_params(device="cpu")
    return model


def positive_scores(model, X) -> np.ndarray | None:
    """Class probabilities (n, k) of a classifier, or None when it has no predict_proba."""
    if not hasattr(model, "predict_proba"):
        return None
    return np.asarray(model.predict_proba(X))


def compute_metrics(problem: str, y_true, y_pred, proba=None, classes=None, metrics=None) -> dict[str, float]:
    """The standardised metrics of the problem kind (the seed's list), restricted to `metrics` if given.
    Binary classification scores the second class as positive; multiclass averages are weighted."""
    from sklearn import metrics as m

    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    out: dict[str, float] = {}
    if problem == "classification":
        labels = np.asarray(classes) if classes is not None else np.unique(np.concatenate([y_true, y_pred]))
        binary = len(labels) == 2
        kw = {"average": "binary", "pos_label": labels[1]} if binary else {"average": "weighted"}
        out["accuracy"] = float(m.accuracy_score(y_true, y_pred))
        out["precision"] = float(m.precision_score(y_true, y_pred, zero_division=0, **kw))
        out["recall"] = float(m.recall_score(y_true, y_pred, zero_division=0, **kw))
        out["f1_score"] = float(m.f1_score(y_true, y_pred, zero_division=0, **kw))
        if proba is not None and len(np.unique(y_true)) > 1:
            p = np.asarray(proba)
            try:
                if binary:
                    out["roc_auc"] = float(m.roc_auc_score(y_true == labels[1], p[:, 1]))
                else:
                    out["roc_auc"] = float(m.roc_auc_score(y_true, p, multi_class="ovr", labels=labels))
            except ValueError:  # a subset (segment) lacking some class: AUC is undefined there
                out["roc_auc"] = float("nan")
            out["log_loss"] = float(m.log_loss(y_true, np.clip(p, 1e-15, 1.0), labels=labels))
        else:
            out["roc_auc"], out["log_loss"] = float("nan"), float("nan")
    else:
        yt, yp = y_true.astype(np.float64), y_pred.astype(np.float64)
        out["mse"] = float(m.mean_squared_error(yt, yp))
        out["rmse"] = float(m.root_mean_squared_error(yt, yp))
        out["mae"] = float(m.mean_absolute_error(yt, yp))
        out["r2_score"] = float(m.r2_score(yt, yp)) if len(yt) > 1 else float("nan")
        out["mape"] = float(m.mean_absolute_percentage_error(yt, yp))
    return {k: v for k, v in out.items() if metrics is None or k in metrics}


def evaluate(model, problem: str, X, y, metrics=None) -> dict[str, float]:
    """Metrics of a fitted model on (X, y)."""
    proba = positive_scores(model, X) if problem == "classification" else None
    return compute_metrics(problem, y, model.predict(X), proba, getattr(model, "classes_", None), metrics)


def model_size_mb(model) -> float:
    """Size of the pickled model, the seed's `model_size_mb`."""
    return len(pickle.dumps(model)) / (1024 * 1024)


@dataclass
class BaselineResult:
    """One trained baseline, or a skipped one (`model` None, `skipped` the reason)."""

    model_id: str
    model: object = None
    metrics: dict = field(default_factory=dict)
    skipped: str | None = None


def train_baseline(model_id: str, problem: str, X_train, y_train, X_test, y_test, seed: int = 42,
                   metrics=None) -> BaselineResult:
    """Fits one baseline and measures the seed's standardised metrics plus timings and size."""
    reason = skip_reason(model_id, problem)
    if reason:
        return BaselineResult(model_id, skipped=reason)
    model = build_model(model_id, problem, seed)
    start = time.perf_counter()
    model.fit(X_train, y_train)
    training_time = time.perf_counter() - start
    to_cpu(model)
    start = time.perf_counter()
    scores = evaluate(model, problem, X_test, y_test, metrics)
    inference_ms = (time.perf_counter() - start) * 1000 / max(len(X_test), 1)
    gpu = device_for(model_id) != "cpu"
    scores.update(training_time=training_time, inference_time_ms=inference_ms,
                  model_size_mb=model_size_mb(model), gpu_used=1.0 if gpu else 0.0)
    return BaselineResult(model_id, model, scores)


def comparison_table(results: list[BaselineResult], primary: str) -> pd.DataFrame:
    """One row per trained baseline, best first by the primary metric (skipped models excluded)."""
    rows = [{"model": r.model_id, **r.metrics} for r in results if r.skipped is None]
    if not rows:
        return pd.DataFrame(columns=["model", primary])
    table = pd.DataFrame(rows)
    table = table.sort_values([primary, "model"], ascending=[not greater_is_better(primary), True], na_position="last")
    return table.reset_index(drop=True)


def split_files(folder) -> tuple:
    """The train and test parquet files epoch 004 wrote in `folder` (`train.parquet`/`test.parquet`,
    else the single `*train*.parquet` / `*test*.parquet`)."""
    from pathlib import Path

    folder = Path(folder)
    found = []
    for part in ("train", "test"):
        exact = folder / f"{part}.parquet"
        matches = [exact] if exact.is_file() else sorted(folder.glob(f"*{part}*.parquet"))
        if len(matches) != 1:
            raise FileNotFoundError(f"expected one {part} parquet file in {folder}, found {len(matches)}: run epoch 004 first")
        found.append(matches[0])
    return tuple(found)


def features_and_target(frame: pd.DataFrame, target: str) -> tuple[pd.DataFrame, pd.Series]:
    """Model inputs (numeric and boolean columns as float64) and the target column of a split."""
    if target not in frame.columns:
        raise KeyError(f"target column {target!r} is not in the feature table")
    X = frame.drop(columns=[target])
    usable = [c for c in X.columns if pd.api.types.is_numeric_dtype(X[c]) or pd.api.types.is_bool_dtype(X[c])]
    return X[usable].astype("float64"), frame[target]


def load_split(folder, target: str):
    """(X_train, X_test, y_train, y_test) from epoch 004's files."""
    train_path, test_path = split_files(folder)
    X_train, y_train = features_and_target(pd.read_parquet(train_path), target)
    X_test, y_test = features_and_target(pd.read_parquet(test_path), target)
    return X_train, X_test[X_train.columns], y_train, y_test
