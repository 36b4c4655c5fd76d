"""Data validation: schema checks against the spec's columns and a data quality report with a score.

The score is 1 minus penalties for missing cells, duplicate rows, constant columns and schema problems
(clipped to 0..1), so one number can gate the hand-off; the report lists every issue with a severity.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import config


def _type_ok(series: pd.Series, declared: str) -> bool:
    if declared == "datetime":
        from .feature_engineering import _as_datetime
        present = series.dropna()
        return bool(len(present) == 0 or _as_datetime(present).notna().mean() >= 0.95)
    if declared in ("int", "float"):
        return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
    if declared == "bool":
        return pd.api.types.is_bool_dtype(series) or set(series.dropna().unique()) <= {0, 1}  # True == 1 and False == 0 in a set
    return True  # categories may arrive as text or numbers; values are checked separately


def validate_schema(frame: pd.DataFrame, columns: list[dict[str, Any]] | None = None,
                    target: str | None = None) -> list[str]:
    """Problems with the frame's schema (missing/ill-typed columns, unknown categories); [] when valid."""
    columns = config.COLUMNS if columns is None else columns
    target = config.TARGET if target is None else target
    problems: list[str] = []
    if target not in frame.columns:
        problems.append(f"target column {target!r} is missing")
    for col in columns:
        name = col["name"]
        if name not in frame.columns:
            problems.append(f"column {name!r} is missing")
            continue
        if not _type_ok(frame[name], col["type"]):
            problems.append(f"column {name!r} should be {col['type']}, found {frame[name].dtype}")
        if col.get("categories"):
            allowed = {str(c["value"]) for c in col["categories"]}
            unknown = sorted({str(v) for v in frame[name].dropna().unique()} - allowed)
            if unknown:
                problems.append(f"column {name!r} has unknown categories {unknown[:5]}")
        if col.get("clip") and pd.api.types.is_numeric_dtype(frame[name]):
            lo, hi = col["clip"]["low"], col["clip"]["high"]
            s = frame[name].dropna()
            if len(s) and (s.min() < lo or s.max() > hi):
                problems.append(f"column {name!r} has values outside [{lo}, {hi}]")
    return problems + target_problems(frame, target)


def _role(column: str) -> str | None:
    return next((c["type"] for c in config.COLUMNS if c["name"] == column), None)


def rows_needed_per_class() -> int:
    """Rows each class needs so the stratified split leaves enough in training for the folds."""
    import math

    tune = config.MODELS.get("tune") or {}
    folds = max(2, int(tune.get("cvFolds", 2)))
    train_share = 1.0 - config.FEATURES["split"]["testPercent"] / 100.0
    return max(2, math.ceil(folds / max(train_share, 1e-9)))


def target_problems(frame: pd.DataFrame, target: str | None = None, problem: str | None = None) -> list[str]:
    """Why the target cannot be learned (one class, too few rows per class, not numeric), [] when it can.

    Found here, in epochs 002-003, the gate stops the run with the reason instead of a library
    traceback from model training three epochs later.
    """
    target = config.TARGET if target is None else target
    problem = config.PROBLEM if problem is None else problem
    if target not in frame.columns or len(frame) == 0:
        return []
    y = frame[target].dropna()
    if len(y) == 0:
        return [f"target {target!r} is empty in every row"]
    if problem == "regression":
        values = pd.to_numeric(y, errors="coerce")
        if values.isna().any():
            return [f"regression target {target!r} has non-numeric values"]
        return [f"target {target!r} is constant ({y.iloc[0]!r})"] if values.nunique() < 2 else []
    counts = y.astype("str").value_counts()
    if len(counts) < 2:
        return [f"target {target!r} has one class ({counts.index[0]!r}): a classifier needs two or more"]
    need = rows_needed_per_class()
    rare = sorted(str(k) for k, v in counts.items() if v < need)
    if rare:
        return [f"target {target!r} has fewer than {need} rows in classes {rare[:5]}: the split and folds need {need} per class"]
    return []


def role_findings(frame: pd.DataFrame, columns: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """EDA findings about columns no model should read as they are: identifiers, free text and many-level categories."""
    from .feature_engineering import MAX_ONEHOT_LEVELS, TOP_LEVELS, _looks_like_identifier
    from .text_features import MAX_TEXT_FEATURES, looks_like_text

    roles = {c["name"]: c["type"] for c in (config.COLUMNS if columns is None else columns)}
    found = []
    for c in frame.columns:
        name, s = str(c), frame[c]
        if name == config.TARGET:
            continue
        if roles.get(name) == "id" or (roles.get(name) is None and _looks_like_identifier(s)):
            found.append({"severity": "warning", "column": name,
                          "issue": "identifier column: dropped before modelling (declare it `column %s id`)" % name})
        elif roles.get(name) == "text" or (roles.get(name) is None and looks_like_text(s)):
            how = "" if roles.get(name) == "text" else f" (declare it `column {name} text`)"
            found.append({"severity": "info", "column": name,
                          "issue": f"free text: vectorised as TF-IDF weights of at most {MAX_TEXT_FEATURES} words{how}"})
        elif not pd.api.types.is_numeric_dtype(s) and roles.get(name) not in ("ignore", "datetime") \
                and s.nunique(dropna=True) > MAX_ONEHOT_LEVELS:
            found.append({"severity": "warning", "column": name,
                          "issue": f"{s.nunique(dropna=True)} categories: encoded as the top {TOP_LEVELS} + other"})
    return found


def quality_report(frame: pd.DataFrame, schema_problems: list[str] | None = None) -> dict[str, Any]:
    """Missing values, duplicates, constant columns and schema problems, scored 0..1."""
    rows = int(len(frame))
    cells = max(rows * max(len(frame.columns), 1), 1)
    missing_by_column = {str(c): float(frame[c].isna().mean()) if rows else 0.0 for c in frame.columns}
    missing_share = float(frame.isna().sum().sum()) / cells
    duplicates = int(frame.duplicated().sum()) if rows else 0
    constant = sorted(str(c) for c in frame.columns if rows and frame[c].nunique(dropna=True) <= 1)
    schema_problems = list(schema_problems or [])
    issues: list[dict[str, Any]] = []
    for col, share in sorted(missing_by_column.items()):
        if share >= config.CRITICAL_MISSING_SHARE:
            issues.append({"severity": "critical", "column": col, "issue": f"{share:.1%} missing"})
        elif share >= config.WARN_MISSING_SHARE:
            issues.append({"severity": "warning", "column": col, "issue": f"{share:.1%} missing"})
    for col in constant:
        # A column with one value (or none) carries no information and breaks scaling and some models.
        what = "empty in every row" if rows and frame[col].isna().all() else "constant column"
        if col != config.TARGET and _role(col) != "ignore":
            issues.append({"severity": "critical", "column": col, "issue": what})
    issues.extend(role_findings(frame))
    for p in schema_problems:
        issues.append({"severity": "critical", "column": None, "issue": p})
    if rows == 0:
        issues.append({"severity": "critical", "column": None, "issue": "no rows"})
    dup_share = duplicates / rows if rows else 1.0
    score = 1.0 - missing_share - 0.5 * dup_share - 0.05 * len(constant) - 0.2 * len(schema_problems)
    score = float(np.clip(score, 0.0, 1.0)) if rows else 0.0
    return {
        "rows": rows,
        "columns": int(len(frame.columns)),
        "missing_percent": round(100.0 * missing_share, 4),
        "missing_by_column": missing_by_column,
        "duplicate_rows": duplicates,
        "constant_columns": constant,
        "schema_problems": schema_problems,
        "issues": issues,
        "critical_issues": sum(1 for i in issues if i["severity"] == "critical"),
        "quality_score": round(score, 6),
    }


def outlier_counts(frame: pd.DataFrame, columns: list[str] | None = None) -> dict[str, int]:
    """Values outside 1.5 IQR of each numeric column (Tukey fences)."""
    out: dict[str, int] = {}
    for name in columns if columns is not None else list(frame.select_dtypes(include="number").columns):
        s = pd.to_numeric(frame[name], errors="coerce").dropna()
        if s.empty:
            out[str(name)] = 0
            continue
        q1, q3 = s.quantile(0.25), s.quantile(0.75)
        iqr = q3 - q1
        out[str(name)] = int(((s < q1 - 1.5 * iqr) | (s > q3 + 1.5 * iqr)).sum())
    return out


def validate_planning_documents(folder, expected: list[str]) -> dict[str, Any]:
    """Check epoch 001's documents: each present, JSON parses, Markdown non-empty, plan covers every epoch."""
    import json
    from pathlib import Path

    folder = Path(folder)
    problems: list[str] = []
    valid = 0
    risks = 0
    for name in expected:
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing")
            continue
        text = path.read_text(encoding="utf-8")
        if name.endswith(".json"):
            try:
                doc = json.loads(text)
            except json.JSONDecodeError as exc:
                problems.append(f"{name} is not valid JSON: {exc}")
                continue
            if name == "project_plan.json":
                planned = set(doc.get("epochs", {}))
                absent = sorted({e["id"] for e in config.EPOCHS} - planned)
                if absent:
                    problems.append(f"project_plan.json does not plan epochs {absent}")
                    continue
            if name == "risk_assessment.json":
                risks = len(doc.get("risks", []))
        elif not text.strip():
            problems.append(f"{name} is empty")
            continue
        valid += 1
    return {"documents": len(expected), "valid": valid, "risks": risks, "problems": problems}
