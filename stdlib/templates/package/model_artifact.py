"""The one model that is registered and served: RAW input columns → the spec's feature pipeline → the
estimator → the decision threshold → a class label (or a value).

`RawInputModel` is a scikit-learn estimator, so cross-validation clones and fits it per fold (the
feature pipeline is then fitted on each fold's training rows only), and MLflow's sklearn flavour
stores it with skops (no pickle). It also records the input schema of its raw columns (types,
categories, bounds, nullability) from which the API's request models are generated.
"""
from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, clone

from . import config
from .feature_engineering import FeaturePipeline
from .text_features import looks_like_text

#: Module prefixes whose types skops may rebuild when loading the artifact (besides its own safe list).
TRUSTED_MODULES = (__package__ + ".", "sklearn.", "xgboost.", "lightgbm.", "numpy.", "scipy.", "collections.",
                   "statsmodels.", "builtins.")


#: Forest classifiers whose probabilities are the mean of their trees' leaf values (see predict_proba).
_FORESTS = ("RandomForestClassifier", "ExtraTreesClassifier")


def raw_inputs(frame: pd.DataFrame) -> pd.DataFrame:
    """The raw input columns a caller sends: the target, internal `__` columns and the columns the spec
    marks `id` or `ignore` removed (they never reach a model, so the API must not ask for them)."""
    never = {c["name"] for c in config.COLUMNS if c.get("type") in ("id", "ignore")}
    keep = [c for c in frame.columns if c != config.TARGET and not str(c).startswith("__") and c not in never]
    return frame[keep]


def _spec_column(name: str) -> dict | None:
    return next((c for c in config.COLUMNS if c["name"] == name), None)


def _bounds(spec: dict | None) -> tuple[float | None, float | None]:
    """Hard bounds the spec states for a column (a uniform range or a clip), else (None, None)."""
    if not spec:
        return None, None
    clip = spec.get("clip") or {}
    dist = spec.get("distribution") or {}
    if clip:
        return clip.get("low"), clip.get("high")
    if dist.get("kind") == "uniform":
        return dist.get("low"), dist.get("high")
    return None, None


def input_schema(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Per raw column: type (int, float, bool, category, text, str), categories, bounds and nullability,
    from the spec where it says so, else from the training rows (free text is `text`)."""
    out = []
    for name in frame.columns:
        col, spec = frame[name], _spec_column(str(name))
        kind = (spec or {}).get("type")
        if kind not in ("int", "float", "bool", "category", "text"):
            if looks_like_text(col):
                kind = "text"
            elif pd.api.types.is_bool_dtype(col):
                kind = "bool"
            elif pd.api.types.is_integer_dtype(col):
                kind = "int"
            elif pd.api.types.is_numeric_dtype(col):
                kind = "float"
            else:
                kind = "category" if col.nunique(dropna=True) <= 100 else "str"
        entry: dict[str, Any] = {"name": str(name), "type": kind,
                                 "nullable": bool(col.isna().any() or (spec or {}).get("missing", 0) > 0)}
        if kind == "category":
            listed = [c["value"] for c in (spec or {}).get("categories") or []]
            entry["categories"] = sorted({str(v) for v in col.dropna()} | set(listed))
        if kind in ("int", "float"):
            low, high = _bounds(spec)
            entry.update(minimum=low, maximum=high)
            values = pd.to_numeric(col, errors="coerce").dropna()
            entry["observed"] = [float(values.min()), float(values.max())] if len(values) else None
        out.append(entry)
    return out


def fingerprint(frame: pd.DataFrame) -> str:
    """Order-independent hash of the rows of a frame (which rows a model was trained on)."""
    rows = pd.util.hash_pandas_object(frame.reset_index(drop=True), index=False).to_numpy()
    return hashlib.sha256(np.sort(rows).tobytes()).hexdigest()


class RawInputModel(BaseEstimator):
    """Feature pipeline + estimator (+ decision threshold for binary classification) on raw columns."""

    def __init__(self, estimator=None, problem: str = "classification", threshold: float | None = None):
        self.estimator = estimator
        self.problem = problem
        self.threshold = threshold

    def fit(self, X: pd.DataFrame, y, **fit_params) -> "RawInputModel":
        """Fits the feature pipeline and then the estimator on the same (training) rows."""
        X = raw_inputs(pd.DataFrame(X))
        self.features_ = FeaturePipeline().fit(X)
        self.estimator_ = clone(self.estimator).fit(self.features_.transform(X), np.asarray(y), **fit_params)
        self.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
        self.input_schema_ = input_schema(X)
        self.training_fingerprint_ = fingerprint(X)
        if self.problem == "classification":
            self.classes_ = np.asarray(self.estimator_.classes_)
        return self

    def _features(self, X) -> pd.DataFrame:
        frame = X if isinstance(X, pd.DataFrame) else pd.DataFrame(X, columns=list(self.feature_names_in_))
        return self.features_.transform(frame)

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in `classes_` order."""
        features = self._features(X)
        est = self.estimator_
        if est.__class__.__name__ in _FORESTS:
            # Serving speed: scikit-learn validates the input once per tree (≈20 ms for one record with
            # 100 trees); averaging the trees' leaf values directly gives the same numbers in ≈1 ms.
            rows = np.asarray(features, dtype=np.float32)
            total = sum(tree.tree_.predict(rows) for tree in est.estimators_) / len(est.estimators_)
            return np.asarray(total[:, 0, :] if total.ndim == 3 else total)
        if est.__class__.__name__ == "LogisticRegression" and len(est.classes_) == 2:
            # Serving speed: scikit-learn's input checks cost ≈1.5 ms per call for one record; its binary
            # probabilities are exactly expit(X·w + b) (the same float operations), in ≈0.1 ms.
            from scipy.special import expit

            p = expit((np.asarray(features, dtype=np.float64) @ est.coef_.T + est.intercept_).ravel())
            return np.column_stack([1.0 - p, p])
        return np.asarray(est.predict_proba(features))

    def predict(self, X) -> np.ndarray:
        """Labels (the threshold applies to the second class of a binary problem) or values."""
        if self.problem != "classification":
            return np.asarray(self.estimator_.predict(self._features(X)), dtype="float64")
        proba = self.predict_proba(X)
        if self.threshold is not None and proba.shape[1] == 2:
            return np.where(proba[:, 1] >= self.threshold, self.classes_[1], self.classes_[0])
        return self.classes_[proba.argmax(axis=1)]

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "estimator_")


def trusted_types(model) -> list[str]:
    """The types skops must be told to trust to load `model`; refuses any outside TRUSTED_MODULES."""
    import skops.io as sio

    return _vetted(sio.get_untrusted_types(data=sio.dumps(model)))


def _vetted(found) -> list[str]:
    odd = [t for t in found if not t.startswith(TRUSTED_MODULES)]
    if odd:
        raise TypeError(f"the model contains types skops cannot vouch for: {odd}")
    return sorted(found)


def load_skops(path) -> "RawInputModel":
    """Loads a model saved with skops, trusting only types from TRUSTED_MODULES."""
    import skops.io as sio

    return sio.load(path, trusted=_vetted(sio.get_untrusted_types(file=path)))


def seeds(model) -> dict[str, Any]:
    """Every random_state/seed parameter of the fitted estimator (nested), for the reproducibility check."""
    inner = getattr(model, "estimator_", model)
    params = inner.get_params(deep=True) if hasattr(inner, "get_params") else {}
    return {k: v for k, v in params.items() if k.split("__")[-1] in ("random_state", "seed")}
