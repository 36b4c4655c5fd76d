"""Benchmark: the generated project's budgeted tuning vs the seed's exhaustive grid, same model, same data.

    .venv/bin/python bench/tuning.py [--project DIR] [--rows 20000] [--model xgboost] [--grid-sample N]
                                     [--bootstrap 200] [--json FILE]

--project: a generated project that has run epochs 001-004 (its train/test tables are used). Without
it, examples/credit-risk is compiled with the built CLI (bin/pipec.js) into a temp folder and epochs
001-004 are run there at --rows rows. Three tuning protocols, same model, same rows, same n_jobs as the
generated code (PIPEC_N_JOBS, else half the cores):

  (a) seed grid, selected on test: every grid combination fitted once on the training rows and scored on
      the test rows, the best test score kept -- the seed's Epoch 005 loop. Its score is optimistic:
      the winner is chosen on the rows it is reported on.
  (b) seed grid, selected by k-fold CV: the same combinations scored by the SAME k-fold cross-validation
      as the generated search (GridSearchCV-equivalent: fits = combos x folds + 1 refit); the CV winner's
      test score is reported. This is the like-for-like comparison.
  (c) budgeted (generated): src/<project>/model_utils_tuning.py with the spec's budget, folds, strategy.

--grid-sample N evaluates a seeded random subset of N grid combinations for (a) and (b) and extrapolates
their fits and wall time linearly to the whole grid (printed as such); the winners are then the best of
the sample. The CV winner's refit on all training rows is the very fit (a) made for that combination
(same parameters and seed, deterministic), so it is reused and its measured time is counted, not redone.

Printed: fits (estimator .fit calls), full-data fit equivalents (fits weighted by the share of rows they
used), wall time, test primary metric, its bootstrap standard error over test rows, and the differences
in points (budgeted minus each grid protocol) with the bootstrap standard error of that paired
difference -- a gap within ~2 SE is noise. Goal (issue 4): >= 10x fewer fits, <= 0.5 pt.
"""
from __future__ import annotations

import argparse
import importlib
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent

# The seed's exhaustive grids (Epoch 005 tuning scripts), per model.
SEED_GRIDS = {
    "sklearn.logistic_regression": {"C": [0.001, 0.01, 0.1, 1, 10, 100], "solver": ["lbfgs", "liblinear", "saga"],
                                    "max_iter": [500, 1000, 2000]},
    "sklearn.random_forest": {"n_estimators": [50, 100, 200, 300], "max_depth": [5, 10, 20, None],
                              "min_samples_split": [2, 5, 10], "min_samples_leaf": [1, 2, 4]},
    "xgboost": {"n_estimators": [50, 100, 200, 300], "max_depth": [3, 5, 7, 10], "learning_rate": [0.01, 0.05, 0.1, 0.3],
                "subsample": [0.6, 0.8, 1.0], "colsample_bytree": [0.6, 0.8, 1.0]},
    "lightgbm": {"n_estimators": [50, 100, 200, 300], "max_depth": [3, 5, 7, 10], "learning_rate": [0.01, 0.05, 0.1, 0.3],
                 "num_leaves": [15, 31, 63, 127], "min_child_samples": [5, 10, 20]},
}


def build_project(rows: int) -> Path:
    """Compiles examples/credit-risk and runs epochs 001-004 (data, EDA, features) at `rows` rows."""
    out = Path(tempfile.mkdtemp(prefix="pipec-bench-"))
    spec = REPO / "examples" / "credit-risk" / "project.pipeline"
    subprocess.run(["node", str(REPO / "bin" / "pipec.js"), "compile", str(spec), "--out", str(out),
                    "--set", f"data.rows={rows}"], check=True)
    ir = json.loads((out / ".pipec" / "ir.json").read_text())
    env = {**os.environ, "PYTHONPATH": "src", "PIPEC_ROWS": str(rows), "MPLBACKEND": "Agg",
           "PIPEC_APPROVE": ",".join(e["id"] for e in ir["epochs"] if e.get("review"))}
    for epoch in ir["epochs"]:
        if epoch["id"] > "004":
            break
        print(f"running epoch {epoch['id']} ...", flush=True)
        subprocess.run([sys.executable, f"{epoch['dir']}/scripts/run_epoch.py"], cwd=out, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def grid_combos(model_id: str, sample: int | None, seed: int = 42) -> tuple[list[dict], int]:
    """The grid's combinations (a seeded random subset of `sample` of them if given) and the full count."""
    grid = SEED_GRIDS[model_id]
    keys = list(grid)
    combos = [dict(zip(keys, c)) for c in itertools.product(*(grid[k] for k in keys))]
    if sample and sample < len(combos):
        return random.Random(seed).sample(combos, sample), len(combos)
    return combos, len(combos)


class TestScorer:
    """Scores test-set predictions, whole or on bootstrap resamples (the same resamples for every model,
    so the differences between models are paired)."""

    def __init__(self, mu, problem: str, metric: str, y_test, resamples: int, seed: int = 42):
        self.mu, self.problem, self.metric = mu, problem, metric
        self.y = np.asarray(y_test)
        rng = np.random.default_rng(seed)
        self.idx = [rng.integers(0, len(self.y), len(self.y)) for _ in range(resamples)]

    def predictions(self, model, X_test) -> tuple:
        """What the metric needs from a fitted model: predictions, class scores, classes."""
        proba = self.mu.positive_scores(model, X_test) if self.problem == "classification" else None
        return np.asarray(model.predict(X_test)), proba, getattr(model, "classes_", None)

    def score(self, preds, idx=None) -> float:
        """The metric on all test rows, or on the rows `idx`."""
        pred, proba, classes = preds
        if idx is None:
            idx = slice(None)
        p = None if proba is None else proba[idx]
        return self.mu.compute_metrics(self.problem, self.y[idx], pred[idx], p, classes, [self.metric])[self.metric]

    def boot(self, preds) -> np.ndarray:
        """The metric on every bootstrap resample."""
        return np.array([self.score(preds, i) for i in self.idx])


def seed_protocol(mu, model_id, problem, data, combos, scorer, sign) -> dict:
    """(a) The seed's loop: each combination fitted once on all training rows and scored on test."""
    X_train, X_test, y_train, _ = data
    fitted = []
    start = time.perf_counter()
    for params in combos:
        t0 = time.perf_counter()
        model = mu.build_model(model_id, problem, seed=42, params=params)
        model.fit(X_train, y_train)
        seconds = time.perf_counter() - t0
        preds = scorer.predictions(model, X_test)
        fitted.append({"params": params, "seconds": seconds, "preds": preds, "test": scorer.score(preds)})
    wall = time.perf_counter() - start
    best = max(range(len(fitted)), key=lambda i: sign * fitted[i]["test"])
    return {"fitted": fitted, "best": best, "seconds": wall}


def cv_protocol(mu, tuning, model_id, problem, metric, data, combos, folds) -> tuple[int, float]:
    """(b) The same combinations scored by the generated search's k-fold CV; (winner index, seconds)."""
    from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold

    X_train, _, y_train, _ = data
    y = np.asarray(y_train)
    model = mu.build_model(model_id, problem, seed=42)
    n_classes = len(np.unique(y)) if problem == "classification" else 0
    # The splitter and scorer tune_model builds (model_utils_tuning.py): same folds, same rows per fold.
    if problem == "classification":
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=42)
    else:
        cv = KFold(n_splits=folds, shuffle=True, random_state=42)
    grid = [{k: [v] for k, v in tuning._prefixed(model, p).items()} for p in combos]
    search = GridSearchCV(model, grid, scoring=tuning.scorer_for(metric, n_classes), cv=cv, refit=False,
                          n_jobs=1, error_score="raise")
    start = time.perf_counter()
    search.fit(X_train, y)
    return int(search.best_index_), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, help="a generated project that ran epochs 001-004")
    parser.add_argument("--rows", type=int, default=20000, help="rows when building the example project")
    parser.add_argument("--model", default="xgboost", choices=sorted(SEED_GRIDS))
    parser.add_argument("--grid-sample", type=int, help="evaluate this many random grid combinations, extrapolate cost")
    parser.add_argument("--bootstrap", type=int, default=200, help="bootstrap resamples of the test rows")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    bench_start = time.perf_counter()
    root = (args.project or build_project(args.rows)).resolve()
    sys.path.insert(0, str(root / "src"))
    ir = json.loads((root / ".pipec" / "ir.json").read_text())
    pkg = ir["project"]["name"]
    config = importlib.import_module(f"{pkg}.config")
    mu = importlib.import_module(f"{pkg}.model_utils")
    tuning = importlib.import_module(f"{pkg}.model_utils_tuning")
    from pipec_runtime import ProjectPaths

    data = mu.load_split(ProjectPaths(root, ir).data_dir("004", create=False), config.TARGET)
    problem, metric = config.PROBLEM, config.PRIMARY_METRIC
    tune = config.MODELS.get("tune") or {"budgetTrials": 40, "cvFolds": 5, "strategy": "halving_random"}
    folds = tune["cvFolds"]
    sign = 1 if mu.greater_is_better(metric) else -1
    scorer = TestScorer(mu, problem, metric, data[3], args.bootstrap)
    combos, n_grid = grid_combos(args.model, args.grid_sample)
    scale = n_grid / len(combos)
    print(f"project {root} · {len(data[0])} train / {len(data[1])} test rows · model {args.model} · metric {metric} · "
          f"n_jobs {mu.n_jobs()} · grid {len(combos)} of {n_grid} combinations", flush=True)

    # (c) The generated budgeted search, exactly as epoch 005 runs it.
    res = tuning.tune_model(args.model, problem, data[0], data[2], metric, tune["budgetTrials"], folds,
                            tune["strategy"], seed=42)
    c_preds = scorer.predictions(res.model, data[1])
    budgeted = {"fits": res.fits, "fit_equivalents": res.fit_equivalents, "seconds": res.seconds,
                "candidates": len(res.trials), "test_metric": scorer.score(c_preds), "best_params": res.best_params}
    print(f"(c) budgeted: {res.seconds:.1f}s", flush=True)

    seed = seed_protocol(mu, args.model, problem, data, combos, scorer, sign)
    print(f"(a) seed grid on test: {seed['seconds']:.1f}s for {len(combos)} combinations", flush=True)
    cv_best, cv_seconds = cv_protocol(mu, tuning, args.model, problem, metric, data, combos, folds)
    print(f"(b) seed grid by {folds}-fold CV: {cv_seconds:.1f}s", flush=True)

    a_fit, b_fit = seed["fitted"][seed["best"]], seed["fitted"][cv_best]
    rows = {
        "seed_grid_select_on_test": {
            "fits": n_grid, "fit_equivalents": float(n_grid), "seconds": seed["seconds"] * scale,
            "test_metric": a_fit["test"], "best_params": a_fit["params"], "preds": a_fit["preds"]},
        "seed_grid_select_by_cv": {
            "fits": n_grid * folds + 1, "fit_equivalents": n_grid * (folds - 1) + 1.0,
            "seconds": cv_seconds * scale + b_fit["seconds"], "test_metric": b_fit["test"],
            "best_params": b_fit["params"], "preds": b_fit["preds"]},
        "budgeted_generated": {**budgeted, "preds": c_preds},
    }
    boots = {name: scorer.boot(row.pop("preds")) for name, row in rows.items()}
    for name, row in rows.items():
        row["test_metric_se"] = float(boots[name].std(ddof=1))
    figures = {"model": args.model, "metric": metric, "rows_train": len(data[0]), "rows_test": len(data[1]),
               "n_jobs": mu.n_jobs(), "folds": folds, "budget": tune["budgetTrials"], "strategy": tune["strategy"],
               "grid_combinations": n_grid, "grid_evaluated": len(combos), "extrapolated": scale != 1,
               "bootstrap": args.bootstrap, "protocols": rows, "vs": {}}
    for name in ("seed_grid_select_on_test", "seed_grid_select_by_cv"):
        diff = 100 * sign * (boots["budgeted_generated"] - boots[name])
        figures["vs"][name] = {
            "fit_ratio": rows[name]["fits"] / budgeted["fits"],
            "cost_ratio": rows[name]["fit_equivalents"] / budgeted["fit_equivalents"],
            "time_ratio": rows[name]["seconds"] / budgeted["seconds"],
            "metric_diff_points": 100 * sign * (budgeted["test_metric"] - rows[name]["test_metric"]),
            "metric_diff_se_points": float(diff.std(ddof=1))}
    test_scores = [f["test"] for f in seed["fitted"]]
    figures["budgeted_beats_share_of_grid"] = sum(
        1 for s in test_scores if sign * (budgeted["test_metric"] - s) >= 0) / len(test_scores)
    figures["bench_seconds"] = time.perf_counter() - bench_start
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n")


def report(f: dict) -> None:
    """Prints the table and the differences."""
    metric = f["metric"]
    est = " (extrapolated from a sample)" if f["extrapolated"] else ""
    print(f"\n{f['rows_train']} train / {f['rows_test']} test rows · {f['model']} · n_jobs {f['n_jobs']} · "
          f"{f['folds']}-fold CV · budget {f['budget']} ({f['strategy']}) · grid {f['grid_evaluated']}/"
          f"{f['grid_combinations']} combinations evaluated{est}")
    print(f"{'':34}{'fits':>8}{'full-data fits':>16}{'seconds':>10}{'test ' + metric:>18}{'± SE':>8}")
    labels = {"seed_grid_select_on_test": "(a) seed grid, selected on test",
              "seed_grid_select_by_cv": "(b) seed grid, selected by CV",
              "budgeted_generated": "(c) budgeted (generated)"}
    for name, row in f["protocols"].items():
        print(f"{labels[name]:34}{row['fits']:>8}{row['fit_equivalents']:>16.1f}{row['seconds']:>10.1f}"
              f"{row['test_metric']:>18.4f}{row['test_metric_se']:>8.4f}")
    for name, v in f["vs"].items():
        print(f"(c) vs {labels[name][4:]}: {v['fit_ratio']:.1f}x fewer fits · {v['cost_ratio']:.1f}x fewer full-data "
              f"fits · {v['time_ratio']:.1f}x less time · {metric} {v['metric_diff_points']:+.2f} pt "
              f"(paired bootstrap SE {v['metric_diff_se_points']:.2f} pt)")
    print(f"goal: >= 10x fewer fits, <= 0.5 pt lower · the budgeted winner scores at least as well on test as "
          f"{100 * f['budgeted_beats_share_of_grid']:.0f}% of the {f['grid_evaluated']} evaluated grid combinations · "
          f"bench {f['bench_seconds']:.0f}s")
    for name, row in f["protocols"].items():
        print(f"  {labels[name][:3]} winner: {json.dumps(row['best_params'], default=str)}")


if __name__ == "__main__":
    main()
