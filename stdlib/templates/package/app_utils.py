"""Helpers of the Streamlit app (epoch 007) that need no Streamlit: finding the project, the MLflow
store, the served model (the registered raw-input model by alias: `production`, or the alias named in
PIPEC_MODEL_ALIAS; no fallback), the metrics of exactly that version, a sample of raw held-out rows,
input defaults and the latest drift report. Kept apart from the UI so pytest can test them.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from . import config
from . import serving
from .model_utils_registry import use_project_tracking  # noqa: F401 - part of the app API

#: The seed's muted palette: table, view, mv.
PALETTE = {"table": "#BAD2DE", "view": "#CBE2DA", "mv": "#E5F0EC"}
#: Colours of chart marks, in order, and the outline that keeps the lightest one visible.
CHART_COLOURS = [PALETTE["table"], PALETTE["view"], PALETTE["mv"]]
EDGE = "#5b7f91"
MODEL_EPOCH = "005"
FEATURE_EPOCH = "004"
TESTING_EPOCH = "006"
APP_EPOCH = "007"
RETRO_EPOCH = "008"


def find_project_root(start: Path | str) -> Path:
    """The generated project's root: PIPEC_PROJECT_ROOT, else the first parent holding `.pipec/ir.json`."""
    env = os.environ.get("PIPEC_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(start).resolve()
    for folder in [here, *here.parents]:
        if (folder / ".pipec" / "ir.json").is_file():
            return folder
    raise FileNotFoundError(f"no .pipec/ir.json above {here}: run the app inside a generated project")


def project_paths(root: Path):
    """The runtime's path resolver (Domino folders, or local stand-ins)."""
    from pipec_runtime import ProjectPaths
    from pipec_runtime import config as runtime_config

    return ProjectPaths(root, runtime_config.load_ir(root))


def load_model(root: Path) -> serving.LoadedModel:
    """The served model: `models:/<name>@<alias>` (serving.load_served); a missing alias is an error."""
    from .model_utils_registry import registered_model_name

    return serving.load_served(root, config.PROBLEM, registered_model_name(config.PROJECT_NAME))


def load_sample(root: Path, rows: int = 200) -> pd.DataFrame:
    """Up to `rows` held-out rows as raw inputs (epoch 004's raw test rows, target removed)."""
    from .model_artifact import raw_inputs

    folder = project_paths(root).data_dir(FEATURE_EPOCH, create=False)
    return raw_inputs(pd.read_parquet(folder / config.TEST_RAW_FILE)).head(rows).reset_index(drop=True)


def model_summary(loaded: serving.LoadedModel) -> dict:
    """The test metrics of the SERVED version (from the MLflow run that logged it) and its model id."""
    from mlflow import MlflowClient

    if not loaded.version:
        return {"model": loaded.name, "metrics": {}}
    client = MlflowClient()
    run_id = client.get_model_version(loaded.name, loaded.version).run_id
    if not run_id:  # a version registered from a path, not from a run: no recorded metrics
        return {"model": loaded.name, "metrics": {}}
    run = client.get_run(run_id)
    metrics = {k.removeprefix("test_"): v for k, v in sorted(run.data.metrics.items()) if k.startswith("test_")}
    return {"model": run.data.params.get("model", loaded.name), "metrics": metrics}


def served(loaded: serving.LoadedModel) -> dict:
    """What the app says about the model it serves: registry name, version, alias and URI."""
    return {"name": loaded.name, "version": loaded.version, "alias": loaded.alias, "uri": loaded.uri}


def class_label(value) -> str:
    """A class as a person reads it: `default = 1` (the target's name and the class)."""
    return f"{config.TARGET} = {value}"


def shown_predictions(loaded: serving.LoadedModel, result: dict) -> list[dict]:
    """Every prediction of `result` as a person reads it, the same for one record and for a batch: a
    class label (`default = 1`) with the probability of THAT class (not the largest one: a threshold
    can pick the less probable class), or a regression's value."""
    if loaded.problem != "classification":
        return [{"value": float(p)} for p in result["predictions"]]
    probs = result.get("probabilities") or [{} for _ in result["predictions"]]
    return [{"label": class_label(p), "probability": float(row.get(str(p), 0.0))}
            for p, row in zip(result["predictions"], probs)]


def decision_rule(loaded: serving.LoadedModel) -> tuple[float | None, str]:
    """The model's decision rule: its CV-chosen threshold on the positive class (binary models that
    have one), else the most probable class; with the sentence that says so."""
    threshold = getattr(loaded.model, "threshold", None)
    classes = [str(c) for c in loaded.classes]
    if threshold is not None and len(classes) == 2:
        return float(threshold), f"decision threshold {float(threshold):.3f} on P({class_label(classes[1])})"
    return None, "decision: the most probable class (no threshold)"


def explain_prediction(loaded: serving.LoadedModel, result: dict) -> dict:
    """The first prediction of `result` for display: label, its probability, the decision rule and all
    class probabilities."""
    first = shown_predictions(loaded, result)[0]
    if loaded.problem != "classification":
        return {"kind": "regression", "value": f"{first['value']:.4g}"}
    threshold, rule = decision_rule(loaded)
    probs = result.get("probabilities", [{}])[0]
    return {"kind": "classification", **first, "threshold": threshold, "rule": rule,
            "probabilities": {class_label(c): float(p) for c, p in probs.items()}}


def _artifact(root: Path, epoch: str, name: str) -> Path | None:
    from pipec_runtime import ValidationError

    try:
        path = project_paths(root).artifacts_dir(epoch, create=False) / name
    except ValidationError:
        return None
    return path if path.exists() else None


def performance_figures(root: Path) -> list[Path]:
    """The figures the testing epoch drew (PNG files of its artifacts folder, by name)."""
    folder = _artifact(root, TESTING_EPOCH, "")
    return sorted(folder.glob("*.png")) if folder and folder.is_dir() else []


def request_summary(root: Path) -> dict:
    """What the API's request log holds now (the log epoch 007's monitoring configuration names, read
    live: requests served since then count too), or {} before epoch 007 configured it."""
    from .request_log import read_log

    path = _artifact(root, APP_EPOCH, "monitoring.json")
    recorded = (json.loads(path.read_text()) if path else {}).get("request_log") or {}
    if not recorded.get("path"):
        return {}
    log_file = Path(recorded["path"])
    return request_counts(read_log(log_file if log_file.is_absolute() else root / log_file))


def request_counts(log: pd.DataFrame) -> dict:
    """Served and rejected requests of a request log and the p95 model latency of the served ones, in
    the unit a person reads (`9.7 ms`; `-` when none was served)."""
    from pipec_runtime.gates import render_value

    served = log[log["status"] == 200]
    latency = pd.to_numeric(served["latency_ms"], errors="coerce").dropna()
    p95 = render_value(float(latency.quantile(0.95)) / 1000, "duration") if len(latency) else "-"
    return {"served": int(len(served)), "rejected": int(len(log) - len(served)), "p95_latency": p95}


def retrospective_text(root: Path) -> str | None:
    """The retrospective report (Markdown) of epoch 008, or None before it ran."""
    path = _artifact(root, RETRO_EPOCH, "retrospective.md")
    return path.read_text(encoding="utf-8") if path else None


def drift_summary(root: Path) -> dict:
    """The latest drift report of the request log (epoch 007 or the drift job), or {}."""
    from pipec_runtime import ValidationError

    try:
        path = project_paths(root).artifacts_dir("007", create=False) / "drift_report.json"
    except ValidationError:
        return {}
    return json.loads(path.read_text()) if path.is_file() else {}


def input_defaults(sample: pd.DataFrame, schema: list[dict]) -> dict[str, dict]:
    """Per input column of the model's schema: numbers → median default, bounds and whether it is an
    integer (floats also get a step and a display format from their scale); free text → a typical
    value; categories → their levels and the most frequent one as default."""
    out = {}
    for col in schema:
        name = col["name"]
        values = sample[name].dropna() if name in sample.columns else pd.Series(dtype="float64")
        if col["type"] in ("int", "float"):
            default = float(values.median()) if len(values) else 0.0
            out[name] = {"default": int(round(default)) if col["type"] == "int" else default,
                         "min": col.get("minimum"), "max": col.get("maximum"), "integer": col["type"] == "int"}
            if col["type"] == "float":
                out[name].update(float_step(values))
        elif col["type"] == "text":
            # Free text: a text area prefilled with a typical (median-length) held-out value.
            text = values.astype("str")
            lengths = text.str.len().sort_values(kind="stable")
            typical = str(text.loc[lengths.index[len(lengths) // 2]]) if len(text) else ""
            out[name] = {"default": typical, "text": True}
        else:
            options = list(col.get("categories") or sorted({str(v) for v in values}))
            choice = str(values.astype("str").mode().iloc[0]) if len(values) else (options[0] if options else "")
            out[name] = {"default": choice, "options": options}
    return out


def float_step(values: pd.Series) -> dict:
    """A step a tenth of the values' typical magnitude (income 52,000 → 1,000; a ratio 0.35 → 0.01)
    and a format showing that step's decimals."""
    import math

    scale = float(values.abs().median()) if len(values) else 0.0
    exponent = math.floor(math.log10(scale)) - 1 if scale > 0 else -2
    decimals = max(0, -exponent)
    return {"step": 10.0 ** exponent, "format": f"%.{decimals}f"}


def predict_frame(loaded: serving.LoadedModel, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with its predictions in front, shown as the single prediction is: `predicted class`
    (`default = 1`) and `probability` (of that class, 0-1), or `predicted value` for regression."""
    records = serving.client_records(frame, loaded.schema)
    shown = shown_predictions(loaded, serving.predict_records(loaded, records))
    if loaded.problem != "classification":
        front = pd.DataFrame({"predicted value": [s["value"] for s in shown]}, index=frame.index)
    else:
        front = pd.DataFrame({"predicted class": [s["label"] for s in shown],
                              "probability": [s["probability"] for s in shown]}, index=frame.index)
    return pd.concat([front, frame], axis=1)
