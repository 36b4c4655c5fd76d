"""The one model-development loop of epoch 005, for both engines: the baseline ranking and the tuning of
the best baseline, with a checkpoint per baseline and per halving round (keyed by the data, so changed
data starts again), the spec's time caps, the complete-first ranking, the comparison table and plots,
and the tracking runs.

What differs between engines is only how a candidate is fitted and scored, passed in as a small
strategy object:
- `CrossValidation` (one machine, and a cluster epoch that selects on a sample): K-fold CV on pandas rows.
- `dask_selection.ClusterHoldout` (a cluster epoch with `sample off`): each candidate trains on the
  training partitions with xgboost.dask / lightgbm.dask and is scored on a seeded validation split of
  them, on the workers.

A strategy has `selection` (the sentence that says which rows decide), `key` (the data key of the
checkpoints), `labels` (training labels for the class weights), `describe()` (what the comparison and the
tuning summary record about the rows), `announce(model_id, cap)` (the start line of a baseline),
`evaluate(model_id, model, time_cap, label, log)` (cv_evaluate's result) and
`halving(model_id, budget, checkpoint_dir, log, time_budget)` (halving_search's result).
"""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pandas as pd

from . import config
from . import model_selection as sel
from . import model_utils as mu
from . import model_utils_report as report
from .model_budget import fmt_seconds
from .model_utils_tuning import search_space


def _print(message: str) -> None:
    print(message, flush=True)


class CrossValidation:
    """K-fold cross-validation on pandas rows (all training rows, or the seeded selection sample)."""

    #: Recorded as `selection_path` when set (a cluster epoch that selects on its sample says "sample").
    selection_path: str | None = None

    def __init__(self, X: pd.DataFrame, y, n_folds: int, sample: dict, key: str) -> None:
        self.X, self.labels, self.n_folds, self.sample, self.key = X, y, n_folds, sample, key
        s = sample
        rows = (f"a stratified sample of {s['rows']} of the {s['of']} training rows (seed {s['seed']})"
                if s["sampled"] else "the training rows")
        self.selection = f"{n_folds}-fold cross-validation on {rows}"

    def describe(self) -> dict[str, Any]:
        return {"sample": self.sample} if self.selection_path is None else {
            "selection_path": self.selection_path, "sample": self.sample}

    def announce(self, model_id: str, cap: float | None) -> str:
        return (f"baseline {model_id}: {self.n_folds}-fold CV on {len(self.labels)} rows"
                + (f", time cap {fmt_seconds(cap)}" if cap else ""))

    def evaluate(self, model_id: str, model, time_cap: float | None, label: str, log=_print) -> dict:
        return sel.cv_evaluate(model, self.X, self.labels, config.PROBLEM, config.PRIMARY_METRIC, self.n_folds,
                               config.SEED, time_cap=time_cap, label=label, log=log)

    def halving(self, model_id: str, budget: int, checkpoint_dir: Path, log=_print,
                time_budget: float | None = None) -> dict:
        return sel.successive_halving(model_id, config.PROBLEM, self.X, self.labels, config.PRIMARY_METRIC, budget,
                                      self.n_folds, config.SEED, checkpoint_dir, log=log, time_budget=time_budget)


def run_baselines(ctx, out: Path, strategy) -> None:
    """One baseline per framework the spec lists, scored by `strategy`; writes model_comparison.{csv,json,png}."""
    y = strategy.labels
    cap = config.MODELS.get("baselineTimeSeconds")
    rows, skipped = [], {}
    for spec in config.MODELS["baselines"]:
        model_id = spec["id"]
        file = out / "baselines" / f"{model_id}.json"
        done = json.loads(file.read_text()) if file.is_file() else None
        if done and done.get("key") == strategy.key:
            _print(f"baseline {model_id}: done before, reused")
            rows.append(done)
            continue
        reason = mu.skip_reason(model_id, config.PROBLEM)
        if reason:
            skipped[model_id] = reason
            ctx.warn(f"baseline {model_id} skipped: {reason}")
            continue
        model = sel.make_model(model_id, config.PROBLEM, y, config.SEED)
        start = time.perf_counter()
        _print(strategy.announce(model_id, cap))
        res = strategy.evaluate(model_id, model, cap, f"baseline {model_id}", log=_print)
        if res["stopped"]:
            ctx.warn(f"baseline {model_id}: {res['stopped']}; ranked after the baselines that completed")
        doc = {"model": model_id, "key": strategy.key, **res["metrics"], "threshold": res["threshold"],
               "complete": res["stopped"] is None, "folds_completed": res["folds_completed"],
               "fold_thresholds": res["fold_thresholds"], "cv_seconds": time.perf_counter() - start,
               "class_weights": sel.balance_params(model_id, y) if config.PROBLEM == "classification" else {}}
        with ctx.track.run(f"baseline_{model_id}"):
            ctx.track.log_params({"model": model_id, "selection": strategy.selection,
                                  **mu.unwrap_params(model.estimator)})
            ctx.track.log_metrics({f"cv_{k}": v for k, v in res["metrics"].items()})
        sel._write(file, doc)
        rows.append(doc)
        _print(f"baseline {model_id}: {getattr(strategy, 'score_name', 'CV')} {config.PRIMARY_METRIC}={doc.get(config.PRIMARY_METRIC, float('nan')):.4f}")
    if not rows:
        raise RuntimeError("no baseline could be trained: " + json.dumps(skipped))
    table = pd.DataFrame([{k: v for k, v in r.items() if k not in ("key", "class_weights", "fold_thresholds")} for r in rows])
    # A baseline stopped by its time cap is scored on fewer folds: it ranks after every complete one.
    table["complete"] = table.get("complete", True)
    table = table.sort_values(["complete", config.PRIMARY_METRIC, "model"],
                              ascending=[False, not mu.greater_is_better(config.PRIMARY_METRIC), True])
    table = table.reset_index(drop=True)
    table.to_csv(out / "model_comparison.csv", index=False)
    (out / "model_comparison.json").write_text(json.dumps(
        {"primary_metric": config.PRIMARY_METRIC, "selection": strategy.selection, **strategy.describe(),
         "baseline_time_cap_seconds": cap,
         "models": table.to_dict(orient="records"), "skipped": skipped,
         "class_weights": {r["model"]: r.get("class_weights", {}) for r in rows}}, indent=2, default=str) + "\n")
    report.plot_comparison(table, [m for m in config.METRICS if m in table.columns], out / "model_comparison.png")
    ctx.track.log_artifact(out / "model_comparison.png")


def run_tuning(ctx, out: Path, strategy) -> None:
    """Budgeted successive halving of the best (or named) baseline; keeps the baseline unless tuning beats
    it on the same rows; writes tuning_summary.json (and the trials table and plot)."""
    y = strategy.labels
    comparison = json.loads((out / "model_comparison.json").read_text())
    tune = config.MODELS.get("tune")
    target = comparison["models"][0]["model"] if not tune or tune["target"] == "best" else tune["target"]
    base = next(m for m in comparison["models"] if m["model"] == target)
    primary = config.PRIMARY_METRIC
    summary = {"model": target, "decided_by": strategy.selection, **strategy.describe(),
               "baseline_cv_metrics": {k: base[k] for k in config.METRICS if k in base}, "tuned": False,
               "kept": "baseline", "params": {}, "threshold": base.get("threshold")}
    if tune and search_space(target):
        with ctx.track.run(f"tuning_{target}"):
            res = strategy.halving(target, tune["budgetTrials"], out / "tuning_rounds", log=_print,
                                   time_budget=tune.get("timeSeconds"))
            tuned = None
            if res["best_params"] is not None:
                model = sel.make_model(target, config.PROBLEM, y, config.SEED, res["best_params"])
                tuned = strategy.evaluate(target, model, None, f"tuned {target}", log=_print)
                ctx.track.log_params({f"best_{k}": v for k, v in res["best_params"].items()})
                ctx.track.log_metrics({"cv_best_score": res["best_score"], **{f"cv_{k}": v for k, v in tuned["metrics"].items()}})
            ctx.track.log_metrics({"fits": res["fits"], "tuning_seconds": res["seconds"]})
        if res["trials"]:
            pd.DataFrame([{**t["params"], "n_resources": t["n_resources"], "mean_score": t["mean_score"]} for t in res["trials"]]).to_csv(
                out / "tuning_trials.csv", index=False)
            report.plot_trials(res["trials"], primary, out / "tuning_trials.png")
            ctx.track.log_artifact(out / "tuning_trials.png")
        improved = tuned is not None and sel.better(tuned["metrics"][primary], base[primary], primary)
        summary.update(tuned=True, strategy="successive_halving", budget_trials=tune["budgetTrials"],
                       cv_folds=getattr(strategy, "n_folds", None),
                       candidates_evaluated=len(res["trials"]), candidates=res["candidates"], rounds=res["rounds"],
                       rounds_completed=res["rounds_completed"], fits=res["fits"], fit_equivalents=res["fit_equivalents"],
                       seconds=res["seconds"], time_budget_seconds=res["time_budget_seconds"], stopped=res["stopped"],
                       best_params=res["best_params"], cv_best_score=res["best_score"],
                       tuned_cv_metrics=tuned["metrics"] if tuned else None, kept="tuned" if improved else "baseline")
        if tuned is None:
            summary["reason"] = "the time budget was spent before any candidate was scored"
            ctx.warn(f"tuning of {target}: {summary['reason']}; the baseline is kept")
        if improved and tuned is not None:
            summary.update(params=res["best_params"], threshold=tuned["threshold"])
    else:
        summary["reason"] = "no tuning configured" if not tune else f"{target} has no hyper-parameters to tune"
    (out / "tuning_summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
    ctx.track.log_json("tuning_summary", summary)
