"""Feature engineering driven by the spec's `features` block: derive, encode, vectorise text, scale, split.

`FeaturePipeline` is fitted on the training split only (no test leakage), serialises to JSON (no
pickle, readable in review) and is reused unchanged by serving and monitoring to turn raw rows into
model inputs. Every output feature carries its provenance (inputs and formula) for the lineage.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import config
from .data_processing import eval_formula, formula_inputs, formula_text
from .error_handling import ValidationError
from .text_features import MAX_TEXT_FEATURES, fit_text, looks_like_text, text_matrix

PIPELINE_FORMAT = 1
#: Column roles that never reach a model (the spec's `column x id` / `column x ignore`).
DROPPED_ROLES = ("id", "ignore")
#: One-hot encoding above this many training levels keeps the TOP_LEVELS most frequent plus "other".
MAX_ONEHOT_LEVELS = 50
TOP_LEVELS = 20
#: An undeclared text column distinct in at least this share of (20+) training rows is an identifier.
IDENTIFIER_SHARE = 0.95
#: Calendar parts a datetime column becomes (numbers a model can use).
DATE_PARTS = ("year", "month", "dayofweek", "days")


def safe_name(text: str) -> str:
    """A feature name every model library accepts (LightGBM rejects JSON punctuation)."""
    name = re.sub(r"[^0-9A-Za-z_]+", "_", str(text)).strip("_")
    return name or "feature"


def add_derived(frame: pd.DataFrame, derives: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """A copy of `frame` with the spec's derived columns added (in spec order, so later ones may use earlier ones)."""
    derives = config.FEATURES["derives"] if derives is None else derives
    out = frame.copy()
    for d in derives:
        values = eval_formula(d["formula"], out)
        out[d["name"]] = np.where(np.isfinite(values), values, np.nan)
    return out


def _is_numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def day_first(series: pd.Series) -> bool:
    """Whether a column's `dd/mm/yyyy` dates put the day first: decided by the column as a whole (some
    first number above 12, no second one above 12), never per value. A column where every number is
    12 or less is read month first, as pandas does."""
    if pd.api.types.is_datetime64_any_dtype(series) or isinstance(series.dtype, pd.DatetimeTZDtype):
        return False
    parts = series.dropna().astype("str").str.extract(r"^\s*(\d{1,2})/(\d{1,2})/\d{4}")
    first, second = pd.to_numeric(parts[0], errors="coerce"), pd.to_numeric(parts[1], errors="coerce")
    return bool((first > 12).any() and not (second > 12).any())


def _as_datetime(series: pd.Series, dayfirst: bool | None = None) -> pd.Series:
    """Timestamps of a column (unparsable values NaT), timezone dropped so parts agree across files.
    `dayfirst`: the order of `d/d/yyyy` dates (fitted on training rows); None decides it from `series`."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return series.dt.tz_convert(None)
    if pd.api.types.is_datetime64_any_dtype(series):
        return series
    text = series.astype("str").where(series.notna(), None)
    # ISO 8601 parses vectorised; per-value "mixed" parsing (dateutil) only when most values are not ISO.
    parsed = pd.to_datetime(text, errors="coerce", utc=True, format="ISO8601")
    if parsed.isna().sum() > 0.05 * max(int(series.notna().sum()), 1):
        # One order for the whole column: dateutil alone would read 15/03 day first but 02/04 month first.
        dayfirst = day_first(series) if dayfirst is None else dayfirst
        parsed = pd.to_datetime(text, errors="coerce", utc=True, format="mixed", dayfirst=dayfirst)
    return parsed.dt.tz_convert(None)


def date_parts(series: pd.Series, dayfirst: bool | None = None) -> dict[str, pd.Series]:
    """`DATE_PARTS` of a datetime column as floats (NaN where the date is missing)."""
    ts = _as_datetime(series, dayfirst)
    epoch = pd.Timestamp("1970-01-01")
    return {"year": ts.dt.year.astype("float64"), "month": ts.dt.month.astype("float64"),
            "dayofweek": ts.dt.day_of_week.astype("float64"),
            "days": ((ts - epoch) / pd.Timedelta(days=1)).astype("float64")}


def _looks_like_identifier(series: pd.Series) -> bool:
    """Text (or object) values distinct in (nearly) every row: an id no model can learn from."""
    if _is_numeric(series) or pd.api.types.is_bool_dtype(series) or looks_like_text(series):
        return False
    present = series.dropna()
    return len(present) >= 20 and present.nunique() >= IDENTIFIER_SHARE * len(present)


def _looks_like_dates(series: pd.Series) -> bool:
    """Text that parses as dates in at least 95% of the (first 200) present values."""
    if pd.api.types.is_datetime64_any_dtype(series) or isinstance(series.dtype, pd.DatetimeTZDtype):
        return True
    if _is_numeric(series) or pd.api.types.is_bool_dtype(series):
        return False
    head = series.dropna().astype("str").head(200)
    if len(head) < 5 or not head.str.contains(r"^\d{4}-\d{1,2}-\d{1,2}|^\d{1,2}/\d{1,2}/\d{4}", regex=True).all():
        return False
    return bool(_as_datetime(head).notna().mean() >= 0.95)


class FeaturePipeline:
    """Derive → impute → encode → scale, fitted on training rows, applied identically everywhere."""

    def __init__(self, features: dict[str, Any] | None = None, target: str | None = None,
                 columns: list[dict[str, Any]] | None = None) -> None:
        self.features = config.FEATURES if features is None else features
        self.target = config.TARGET if target is None else target
        #: The spec's column roles: `id`/`ignore` are dropped, `datetime` becomes calendar parts, `text` TF-IDF words.
        self.roles = {c["name"]: c["type"] for c in (config.COLUMNS if columns is None else columns)}
        self.dropped: list[dict[str, str]] = []
        self.datetimes: list[str] = []
        #: Datetime columns whose `d/d/yyyy` dates are day first (decided on training rows, reused on every row).
        self.dayfirst: dict[str, bool] = {}
        #: Free-text columns → their fitted TF-IDF vocabulary and idf (JSON, rebuilt into a vectoriser).
        self.texts: dict[str, dict[str, list]] = {}
        #: High-cardinality columns encoded as top levels + "other".
        self.bounded: list[str] = []
        self.numeric: list[str] = []
        self.categorical: list[str] = []
        self.medians: dict[str, float] = {}
        self.categories: dict[str, list[str]] = {}
        self.methods: dict[str, str] = {}
        self.scale: dict[str, tuple[float, float]] = {}
        self.feature_names: list[str] = []
        self.provenance: list[dict[str, Any]] = []
        #: Class labels in code order (classification), set by whoever encodes the target.
        self.target_labels: list[str] | None = None
        self.fitted = False

    def fit(self, frame: pd.DataFrame) -> "FeaturePipeline":
        """Learn imputation values, category levels and scaling from `frame` (training rows)."""
        raw = add_derived(frame.drop(columns=[self.target], errors="ignore"), self.features["derives"])
        data = self._choose_columns(raw)
        self.texts = {c: fit_text(raw[c]) for c in self.texts}
        declared = {e["column"]: e["method"] for e in self.features["encodings"]}
        self.numeric = [str(c) for c in data.columns if _is_numeric(data[c]) and c not in declared]
        self.categorical = [str(c) for c in data.columns if str(c) not in self.numeric]
        if not self.numeric and not self.categorical and not any(t["terms"] for t in self.texts.values()):
            raise ValidationError("no input columns to build features from")
        self.medians = {c: float(np.nan_to_num(pd.to_numeric(data[c], errors="coerce").median(), nan=0.0))
                        for c in self.numeric}
        # Undeclared text columns are one-hot encoded: a model cannot read text, and it keeps levels visible.
        self.methods = {c: declared.get(c, "onehot") for c in self.categorical}
        self.categories = {c: self._levels(c, data[c]) for c in self.categorical}
        derived = {d["name"]: d["formula"] for d in self.features["derives"]}
        derived.update({f"{c}__{part}": {"kind": "call", "fn": part, "args": [{"kind": "col", "name": c}]}
                        for c in self.datetimes for part in DATE_PARTS})
        names: list[str] = []
        prov: list[dict[str, Any]] = []
        for c in self.numeric:
            names.append(safe_name(c))
            f = derived.get(c)
            prov.append({"name": names[-1], "inputs": formula_inputs(f) if f else [c],
                         "formula": formula_text(f) if f else c, "transform": f"impute median, scale {self.features['scale']}"})
        for c in self.categorical:
            if self.methods[c] == "ordinal":
                names.append(safe_name(c))
                prov.append({"name": names[-1], "inputs": [c], "formula": c, "transform": "ordinal code"})
            else:
                for level in self.categories[c]:
                    names.append(safe_name(f"{c}__{level}"))
                    prov.append({"name": names[-1], "inputs": [c], "formula": f"{c} == {level!r}", "transform": "one-hot"})
                if c in self.bounded:
                    names.append(safe_name(f"{c}__other"))
                    prov.append({"name": names[-1], "inputs": [c], "formula": f"{c} not in top {TOP_LEVELS}",
                                 "transform": "one-hot, bounded: rarer levels share this column"})
        for c, fitted in self.texts.items():
            for term in fitted["terms"]:
                names.append(safe_name(f"{c}__{term}"))
                prov.append({"name": names[-1], "inputs": [c], "formula": f"tf-idf of {term!r} in {c}",
                             "transform": f"TF-IDF word weight (vocabulary of at most {MAX_TEXT_FEATURES} words fitted on training rows)"})
        self.feature_names = _dedupe(names)
        for p, n in zip(prov, self.feature_names):
            p["name"] = n
        self.provenance = prov
        self.fitted = True
        numeric = self._numeric_block(data)
        self.scale = {c: _scale_params(numeric[:, i], self.features["scale"]) for i, c in enumerate(self.numeric)}
        return self

    def _choose_columns(self, data: pd.DataFrame) -> pd.DataFrame:
        """Drop what must never reach a model (recording why) and turn dates into calendar parts."""
        self.dropped, self.datetimes, self.bounded, self.texts, self.dayfirst = [], [], [], {}, {}
        keep: list[str] = []
        for c in [str(x) for x in data.columns]:
            role = self.roles.get(c)
            s = data[c]
            if role in DROPPED_ROLES:
                self.dropped.append({"column": c, "reason": f"declared `{role}` in the spec"})
            elif s.isna().all():
                self.dropped.append({"column": c, "reason": "empty in every training row"})
            elif role == "datetime" or (role is None and _looks_like_dates(s)):
                self.datetimes.append(c)
                self.dayfirst[c] = day_first(s)
            elif role == "text" or (role is None and looks_like_text(s)):
                self.texts[c] = {"terms": [], "idf": []}  # fitted by `fit` on the raw column
            elif role is None and _looks_like_identifier(s):
                self.dropped.append({"column": c, "reason": "identifier: a distinct value in (nearly) every row"})
            else:
                keep.append(c)
        return self._with_dates(data, keep)

    def _with_dates(self, data: pd.DataFrame, keep: list[str]) -> pd.DataFrame:
        """`keep` columns plus the calendar parts of each datetime column."""
        parts = {f"{c}__{k}": v for c in self.datetimes if c in data.columns for k, v in date_parts(data[c], self.dayfirst.get(c)).items()}
        out = data[[c for c in keep if c in data.columns]]
        return pd.concat([out, pd.DataFrame(parts, index=data.index)], axis=1) if parts else out

    def _levels(self, column: str, series: pd.Series) -> list[str]:
        """Levels to one-hot: all, or the TOP_LEVELS most frequent when there are more than MAX_ONEHOT_LEVELS."""
        text = series.dropna().astype("str")
        counts = text.value_counts()
        if len(counts) <= MAX_ONEHOT_LEVELS or self.methods.get(column) == "ordinal":
            return sorted(counts.index.tolist())
        self.bounded.append(column)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_LEVELS]
        return sorted(k for k, _ in top)

    def _prepare(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The same columns `fit` kept, from any frame (serving rows included)."""
        data = add_derived(frame.drop(columns=[self.target], errors="ignore"), self.features["derives"])
        return self._with_dates(data, [c for c in self.numeric + self.categorical if c in data.columns])

    def _numeric_block(self, data: pd.DataFrame) -> np.ndarray:
        cols = [pd.to_numeric(data[c], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
                if c in data.columns else np.full(len(data), np.nan) for c in self.numeric]
        block = np.column_stack(cols) if cols else np.empty((len(data), 0))
        for i, c in enumerate(self.numeric):
            block[:, i] = np.where(np.isfinite(block[:, i]), block[:, i], self.medians[c])
        return block

    def transform(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Model inputs for `frame` (the target column, if present, is ignored)."""
        if not self.fitted:
            raise ValidationError("the feature pipeline is not fitted")
        data = self._prepare(frame)
        parts = [self._numeric_block(data)]
        for i, c in enumerate(self.numeric):
            center, spread = self.scale[c]
            parts[0][:, i] = (parts[0][:, i] - center) / spread
        for c in self.categorical:
            raw = data[c] if c in data.columns else pd.Series([None] * len(data))
            text = raw.astype("str").where(raw.notna(), None).to_numpy(dtype=object)
            levels = self.categories[c]
            if self.methods[c] == "ordinal":
                index = {v: float(i) for i, v in enumerate(levels)}
                parts.append(np.asarray([[index.get(v, -1.0)] for v in text], dtype="float64").reshape(len(data), 1))
            else:
                parts.append(np.column_stack([(text == v).astype("float64") for v in levels])
                             if levels else np.empty((len(data), 0)))
                if c in self.bounded:
                    known = np.isin(text, np.asarray(levels, dtype=object))
                    parts.append((raw.notna().to_numpy() & ~known).astype("float64").reshape(len(data), 1))
        for c, fitted in self.texts.items():
            if fitted["terms"]:
                parts.append(text_matrix(fitted, frame[c] if c in frame.columns else None, len(frame)))
        matrix = np.hstack(parts) if parts else np.empty((len(data), 0))
        return pd.DataFrame(matrix, columns=self.feature_names, index=frame.index)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable state."""
        return {"format": PIPELINE_FORMAT, "features": self.features, "target": self.target, "numeric": self.numeric,
                "categorical": self.categorical, "medians": self.medians, "categories": self.categories,
                "methods": self.methods, "scale": {k: list(v) for k, v in self.scale.items()},
                "feature_names": self.feature_names, "provenance": self.provenance,
                "target_labels": self.target_labels, "roles": self.roles, "dropped": self.dropped,
                "datetimes": self.datetimes, "bounded": self.bounded, "texts": self.texts, "dayfirst": self.dayfirst}

    @classmethod
    def from_dict(cls, state: dict[str, Any]) -> "FeaturePipeline":
        """Rebuild a fitted pipeline from `to_dict` output."""
        if state.get("format") != PIPELINE_FORMAT:
            raise ValidationError(f"feature pipeline format {state.get('format')!r} is not supported")
        roles = state.get("roles", {})
        p = cls(state["features"], state["target"], [{"name": k, "type": v} for k, v in roles.items()])
        p.dropped, p.datetimes, p.bounded = list(state.get("dropped", [])), list(state.get("datetimes", [])), list(state.get("bounded", []))
        p.numeric, p.categorical = list(state["numeric"]), list(state["categorical"])
        p.medians, p.categories, p.methods = dict(state["medians"]), dict(state["categories"]), dict(state["methods"])
        p.scale = {k: (float(v[0]), float(v[1])) for k, v in state["scale"].items()}
        p.feature_names, p.provenance, p.fitted = list(state["feature_names"]), list(state["provenance"]), True
        p.target_labels = state.get("target_labels")
        p.dayfirst = {k: bool(v) for k, v in state.get("dayfirst", {}).items()}
        p.texts = {k: {"terms": list(v["terms"]), "idf": list(v["idf"])} for k, v in state.get("texts", {}).items()}
        return p

    def save(self, path: Path) -> None:
        """Write the pipeline as JSON (sorted keys: stable files)."""
        path.write_text(json.dumps(self.to_dict(), indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "FeaturePipeline":
        """Read a pipeline written by `save`."""
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        k = seen.get(n, 0)
        seen[n] = k + 1
        out.append(n if k == 0 else f"{n}_{k}")
    return out


def _scale_params(values: np.ndarray, method: str) -> tuple[float, float]:
    """(center, spread) of a column; spread 1 when the column is constant, so nothing divides by 0."""
    if method == "standard":
        center, spread = float(np.mean(values)), float(np.std(values))
    elif method == "minmax":
        center, spread = float(np.min(values)), float(np.max(values) - np.min(values))
    elif method == "robust":
        q1, q3 = np.percentile(values, [25, 75])
        center, spread = float(np.median(values)), float(q3 - q1)
    else:
        center, spread = 0.0, 1.0
    if not np.isfinite(center):
        center = 0.0
    return center, spread if np.isfinite(spread) and spread > 1e-12 else 1.0


def encode_target(series: pd.Series, problem: str | None = None,
                  labels: list[str] | None = None) -> tuple[np.ndarray, list[str] | None]:
    """Target as numbers: floats for regression, 0..k-1 codes for classes (with their labels).

    Pass the training split's `labels` when encoding other splits so codes agree; an unseen class
    raises a ValidationError rather than being silently mislabelled.
    """
    problem = config.PROBLEM if problem is None else problem
    if problem == "regression":
        return pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64"), None
    text = [_label(v) for v in series]
    if labels is None:
        # Numeric-looking labels sort numerically ("2" before "10"), others alphabetically.
        labels = sorted(set(text), key=lambda v: (0, float(v), v) if _is_number(v) else (1, 0.0, v))
    index = {v: i for i, v in enumerate(labels)}
    unseen = sorted(set(text) - set(index))
    if unseen:
        raise ValidationError(f"target has classes not seen in training: {unseen[:5]}")
    return np.asarray([index[v] for v in text], dtype="int64"), list(labels)


def _label(v: Any) -> str:
    """Class label text: integral floats as ints ("1" not "1.0"), so labels match across dtypes."""
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def split_frame(frame: pd.DataFrame, target: str | None = None, split: dict[str, Any] | None = None,
                problem: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Train/test split per the spec (stratified for classification when every class has 2+ rows)."""
    from sklearn.model_selection import train_test_split

    target = config.TARGET if target is None else target
    split = config.FEATURES["split"] if split is None else split
    problem = config.PROBLEM if problem is None else problem
    frame = frame[frame[target].notna()].reset_index(drop=True)
    strat = None
    if split["stratify"] and problem == "classification":
        counts = frame[target].value_counts()
        strat = frame[target] if len(counts) > 1 and counts.min() >= 2 else None
    train, test = train_test_split(frame, test_size=split["testPercent"] / 100.0, random_state=split["seed"],
                                   stratify=strat)
    return train.reset_index(drop=True), test.reset_index(drop=True)


def feature_importance(features: pd.DataFrame, y: np.ndarray, problem: str | None = None, seed: int = 0,
                       max_rows: int = 20_000) -> dict[str, float]:
    """Mutual information of each feature with the target (sampled to `max_rows`), sorted descending."""
    from sklearn.feature_selection import mutual_info_classif, mutual_info_regression

    problem = config.PROBLEM if problem is None else problem
    if len(features) > max_rows:
        idx = np.random.default_rng(seed).choice(len(features), size=max_rows, replace=False)
        features, y = features.iloc[np.sort(idx)], y[np.sort(idx)]
    fn = mutual_info_classif if problem == "classification" else mutual_info_regression
    scores = fn(features.to_numpy(), y, random_state=seed)
    pairs = sorted(zip(features.columns, scores), key=lambda p: (-p[1], p[0]))
    return {str(k): round(float(v), 6) for k, v in pairs}
