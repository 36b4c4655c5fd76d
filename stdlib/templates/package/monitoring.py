"""Model testing and monitoring (epochs 006-007): edge cases, robustness under input noise,
calibration, per-segment performance and drift (population stability index).

Every function takes a fitted estimator and feature frames, so it works for any spec's columns.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def numeric_columns(frame: pd.DataFrame) -> list[str]:
    """Numeric feature columns (booleans excluded: they are indicators, not measurements)."""
    return [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]


def _value(col: dict, v: float):
    """A schema-typed value (ints stay ints: the API's int fields are strict)."""
    return int(round(v)) if col["type"] == "int" else float(v)


def _typed_record(record: dict, cols: dict) -> dict:
    """A data row as a client would send it: NaN as null, and an int column's whole floats as ints
    (pandas reads an int column with missing values as float, but the API's int fields are strict)."""
    out = {}
    for k, v in record.items():
        if isinstance(v, float) and v != v:
            v = None
        elif isinstance(v, float) and k in cols and cols[k]["type"] == "int" and v.is_integer():
            v = int(v)
        out[k] = v
    return out


def edge_cases(records: list[dict], schema: list[dict]) -> list[dict]:
    """Edge cases as raw API calls, each with its expected outcome: `route` ("single" or "batch"),
    `body`, `status` (200 or 422), `field` (the field a 422 must name) and `rows` (predictions of a 200).
    Built from real held-out records and the model's input schema: single record, batch, empty batch,
    empty record, missing values (nullable: served; required: refused), unseen category, free text with
    unseen words or over the length limit, wrong type, an extra field, observed extremes, values beyond a spec bound or far beyond the observed range."""
    cols = {c["name"]: c for c in schema}
    records = [_typed_record(r, cols) for r in records]
    base = dict(records[0])
    required = [c["name"] for c in schema if not c.get("nullable")]
    numeric = [c for c in schema if c["type"] in ("int", "float") and c.get("observed")]
    cases = [
        {"case": "single_record", "route": "single", "body": base, "status": 200, "rows": 1},
        {"case": "batch", "route": "batch", "body": {"records": records[:20]}, "status": 200, "rows": len(records[:20])},
        {"case": "empty_batch", "route": "batch", "body": {"records": []}, "status": 422, "field": "records"},
        {"case": "extra_field", "route": "single", "body": {**base, "unexpected_field": 1}, "status": 422,
         "field": "unexpected_field"},
    ]
    if required:
        r = required[0]
        cases += [{"case": "empty_record", "route": "single", "body": {}, "status": 422, "field": r},
                  {"case": f"missing_required_{r}", "route": "single", "body": {k: v for k, v in base.items() if k != r},
                   "status": 422, "field": r},
                  {"case": f"null_required_{r}", "route": "single", "body": {**base, r: None}, "status": 422, "field": r}]
    for c in schema:
        if c.get("nullable"):
            cases.append({"case": f"missing_{c['name']}", "route": "single", "body": {**base, c["name"]: None},
                          "status": 200, "rows": 1})
        if c["type"] == "category" and c.get("categories"):
            cases.append({"case": f"unseen_category_{c['name']}", "route": "single",
                          "body": {**base, c["name"]: "__never_seen__"}, "status": 422, "field": c["name"]})
        if c["type"] == "text":
            # Free text: words the vocabulary never saw are served; a value over the length limit is refused.
            from .serving import MAX_TEXT_CHARS
            cases += [{"case": f"unseen_words_{c['name']}", "route": "single",
                       "body": {**base, c["name"]: "zyxwv qwertz unheard words"}, "status": 200, "rows": 1},
                      {"case": f"too_long_{c['name']}", "route": "single",
                       "body": {**base, c["name"]: "word " * (MAX_TEXT_CHARS // 5 + 1)}, "status": 422, "field": c["name"]}]
    if numeric:
        n = numeric[0]["name"]
        cases.append({"case": f"wrong_type_{n}", "route": "single", "body": {**base, n: "abc"}, "status": 422, "field": n})
        for end, i in (("minimum", 0), ("maximum", 1)):
            body = {**base, **{c["name"]: _value(c, c["observed"][i]) for c in numeric}}
            cases.append({"case": f"observed_{end}", "route": "single", "body": body, "status": 200, "rows": 1})
    for c in numeric:
        lo, hi = c["observed"]
        span = max(hi - lo, 1.0)
        if c.get("maximum") is not None:
            cases.append({"case": f"above_bound_{c['name']}", "route": "single",
                          "body": {**base, c["name"]: _value(c, c["maximum"] + span)}, "status": 422, "field": c["name"]})
        else:
            cases.append({"case": f"far_above_range_{c['name']}", "route": "single",
                          "body": {**base, c["name"]: _value(c, hi + 10 * span)}, "status": 200, "rows": 1})
    return cases


def run_edge_cases(base_url: str, route: str, cases: list[dict], problem: str, classes: list) -> list[dict]:
    """Sends every case to the running API and compares the answer with its expected outcome: a 422
    must name the expected field; a 200 must hold one known class (or finite value) per record."""
    import httpx

    results = []
    with httpx.Client(base_url=base_url, timeout=30.0) as client:
        for case in cases:
            path = route if case["route"] == "single" else f"{route}/batch"
            resp = client.post(path, json=case["body"])
            entry = {"case": case["case"], "route": path, "expected_status": case["status"], "status": resp.status_code}
            body = resp.json() if resp.headers.get("content-type", "").startswith("application/json") else {}
            if resp.status_code != case["status"]:
                detail = f"expected {case['status']}, got {resp.status_code}: {resp.text[:200]}"
            elif case["status"] == 422:
                named = {str(part) for e in body.get("detail", []) for part in e.get("loc", [])}
                detail = "ok" if case["field"] in named else f"422 does not name {case['field']!r}: {sorted(named)}"
            else:
                preds = body.get("predictions", [body.get("prediction")] if "prediction" in body else [])
                if len(preds) != case["rows"]:
                    detail = f"{len(preds)} predictions for {case['rows']} records"
                elif problem == "classification" and not all(p in classes for p in preds):
                    detail = f"unknown classes in {preds[:5]}"
                elif problem != "classification" and not all(np.isfinite(float(p)) for p in preds):
                    detail = "non-finite predictions"
                else:
                    detail = "ok"
            results.append({**entry, "passed": detail == "ok", "detail": detail})
    return results


def add_noise(frame: pd.DataFrame, level: float = 0.01, seed: int = 0, skip: list[str] | None = None) -> pd.DataFrame:
    """Gaussian noise with standard deviation `level` × the column's standard deviation on numeric,
    non-indicator columns (additive, so standardised features near zero are perturbed too)."""
    rng = np.random.default_rng(seed)
    out = frame.copy()
    skip_set = set(skip or [])
    for col in numeric_columns(frame):
        if col in skip_set or set(pd.unique(frame[col].dropna())) <= {0, 1}:
            continue  # indicators stay 0/1: noise on a one-hot flag is not a realistic perturbation
        values = frame[col].to_numpy(dtype="float64")
        std = float(np.nanstd(values)) or 1.0
        out[col] = values + rng.normal(0.0, level * std, size=len(values))
    return out


def robustness(model, X: pd.DataFrame, problem: str, level: float = 0.01, seed: int = 0) -> dict:
    """Stability under `level` relative input noise: share (percent) of unchanged predicted classes,
    or, for regression, of predictions that moved less than 1% of the prediction range."""
    base = np.asarray(model.predict(X))
    noisy = np.asarray(model.predict(add_noise(X, level, seed)))
    if problem == "classification":
        same = base == noisy
    else:
        tol = 0.01 * max(float(np.ptp(base.astype(float))), 1e-12)
        same = np.abs(base.astype(float) - noisy.astype(float)) <= tol
    return {"noise_level": level, "rows": int(len(X)), "stability_percent": 100.0 * float(same.mean()) if len(X) else 100.0}


def calibration(y_true, proba: np.ndarray, classes, bins: int = 10) -> dict:
    """Reliability of predicted probabilities (binary: positive class; multiclass: top class):
    per-bin mean predicted vs observed frequency, expected calibration error and Brier score."""
    y = np.asarray(y_true)
    p = np.asarray(proba)
    cls = np.asarray(classes)
    if p.shape[1] == 2:
        conf, hit = p[:, 1], (y == cls[1]).astype(float)
    else:
        conf, hit = p.max(axis=1), (cls[p.argmax(axis=1)] == y).astype(float)
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1]), 0, bins - 1)
    rows, ece = [], 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            mean_p, freq = float(conf[mask].mean()), float(hit[mask].mean())
            ece += mask.mean() * abs(mean_p - freq)
            rows.append({"bin": b, "count": int(mask.sum()), "mean_predicted": mean_p, "observed": freq})
    return {"bins": rows, "ece": float(ece), "brier": float(np.mean((conf - hit) ** 2))}


def segment_performance(model, X: pd.DataFrame, y, problem: str, metric_fn, columns: list[str],
                        quantiles: int = 4) -> list[dict]:
    """The primary metric per segment: quartiles of each numeric column (and each one-hot indicator
    value), so weak regions of the input space show up. `metric_fn(y_true, y_pred, proba)` scores."""
    y = np.asarray(y)
    preds = np.asarray(model.predict(X))
    proba = np.asarray(model.predict_proba(X)) if problem == "classification" and hasattr(model, "predict_proba") else None
    out = []
    for col in columns:
        values = X[col]
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            labels = values.astype("str").where(values.notna(), None).map(lambda v, c=col: f"{c}={v}" if v else f"{c} missing")
        elif set(pd.unique(values.dropna())) <= {0, 1}:
            labels = values.astype("float64").map({0.0: f"{col}=0", 1.0: f"{col}=1"})
        else:
            labels = pd.qcut(values.rank(method="first"), q=min(quantiles, max(len(values), 1)), labels=False)
            labels = labels.map(lambda q, c=col: f"{c} q{int(q) + 1}" if q == q else f"{c} missing")
        for seg in sorted(labels.dropna().unique()):
            mask = (labels == seg).to_numpy()
            if mask.sum() < 2:
                continue
            score = metric_fn(y[mask], preds[mask], proba[mask] if proba is not None else None)
            out.append({"segment": seg, "column": col, "rows": int(mask.sum()), "score": score})
    return out


def psi(expected, actual, bins: int = 10) -> float:
    """Population stability index of one numeric feature (< 0.1 stable, > 0.25 drifted)."""
    e = np.asarray(expected, dtype=float)
    a = np.asarray(actual, dtype=float)
    e, a = e[np.isfinite(e)], a[np.isfinite(a)]
    if len(e) == 0 or len(a) == 0:
        return float("nan")
    edges = np.unique(np.quantile(e, np.linspace(0, 1, bins + 1)))
    if len(edges) < 2:
        return 0.0
    ef = np.histogram(np.clip(e, edges[0], edges[-1]), edges)[0] / len(e)
    af = np.histogram(np.clip(a, edges[0], edges[-1]), edges)[0] / len(a)
    ef, af = np.clip(ef, 1e-6, None), np.clip(af, 1e-6, None)
    return float(np.sum((af - ef) * np.log(af / ef)))


def drift_report(reference: pd.DataFrame, current: pd.DataFrame, threshold: float = 0.25) -> dict:
    """PSI of every shared numeric column; `drifted` lists those above `threshold`."""
    cols = [c for c in numeric_columns(reference) if c in current.columns]
    scores = {c: psi(reference[c], current[c]) for c in cols}
    return {"psi": scores, "threshold": threshold, "drifted": sorted(c for c, v in scores.items() if v > threshold)}


def request_drift(log_path, reference: pd.DataFrame, schema: list[dict], threshold: float = 0.25,
                  min_rows: int = 20) -> dict:
    """The drift job: compares the raw inputs the API served (its request log) with the training rows:
    PSI of every numeric column and of every category column's level shares. `drifted` lists the
    columns above `threshold`; with fewer than `min_rows` logged records the verdict is "insufficient"."""
    from .request_log import logged_inputs

    current = logged_inputs(log_path)
    doc: dict = {"rows": int(len(current)), "threshold": threshold, "psi": {}, "drifted": []}
    if len(current) < min_rows:
        return {**doc, "status": "insufficient", "detail": f"{len(current)} logged records (< {min_rows})"}
    for col in schema:
        name = col["name"]
        if name not in current.columns or name not in reference.columns:
            continue
        if col["type"] in ("int", "float"):
            doc["psi"][name] = psi(pd.to_numeric(reference[name], errors="coerce"), pd.to_numeric(current[name], errors="coerce"))
        else:
            ref = reference[name].astype("str").value_counts(normalize=True)
            cur = current[name].astype("str").value_counts(normalize=True).reindex(ref.index, fill_value=0.0)
            e, a = np.clip(ref.to_numpy(), 1e-6, None), np.clip(cur.to_numpy(), 1e-6, None)
            doc["psi"][name] = float(np.sum((a - e) * np.log(a / e)))
    doc["drifted"] = sorted(c for c, v in doc["psi"].items() if v == v and v > threshold)
    return {**doc, "status": "drift" if doc["drifted"] else "stable"}


def run_drift_job(root=None) -> dict:
    """The drift job (a custom epoch or a scheduled Domino job can call it): the request log of the
    served model against epoch 004's training rows; writes `drift_report.json` in epoch 007's artifacts."""
    import json
    from pathlib import Path

    from pipec_runtime import ProjectPaths
    from pipec_runtime import config as runtime_config

    from . import config
    from .model_artifact import raw_inputs
    from .request_log import default_log_path

    root = Path(root) if root else runtime_config.project_root()
    paths = ProjectPaths(root, runtime_config.load_ir(root))
    train = pd.read_parquet(paths.data_dir("004", create=False) / config.TRAIN_RAW_FILE)
    info = json.loads((paths.artifacts_dir("005", create=False) / "best_model_info.json").read_text())
    doc = request_drift(default_log_path(root), raw_inputs(train), info["input_schema"])
    (paths.artifacts_dir("007") / "drift_report.json").write_text(json.dumps(doc, indent=2, default=str) + "\n")
    return doc


if __name__ == "__main__":
    import json
    import sys

    if sys.argv[1:] != ["drift"]:
        raise SystemExit("usage: python -m <package>.monitoring drift")
    print(json.dumps(run_drift_job(), indent=2, default=str))
