"""Benchmark: the generated project's budgeted tuning vs the seed's exhaustive grid, same model, same data.

    .venv/bin/python bench/tuning.py [--project DIR] [--rows 5000] [--model xgboost]

--project: a generated project that has run epochs 001-004 (its train/test tables are used). Without
it, examples/credit-risk is compiled with the built CLI (bin/pipec.js) into a temp folder and epochs
001-004 are run there at --rows rows. The budgeted search is the generated code itself
(src/<project>/model_utils_tuning.py, the spec's budget, folds and strategy); the grid is the seed's
for the same model, each combination fitted once on the training rows and scored on the test rows as
the seed did (which favours the grid: it selects on the test set).

Printed: fits (estimator .fit calls), full-data fit equivalents (fits weighted by the share of rows
they used: successive halving fits most candidates on small samples), wall time, and the test-set
primary metric of each winner with the difference in points. Goal: >= 10x less tuning cost, <= 0.5 pt.
"""
from __future__ import annotations

import argparse
import importlib
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
                       stdout=subprocess.DEVNULL)
    return out


def seed_grid(mu, model_id: str, problem: str, metric: str, data) -> dict:
    """The seed's loop: every grid combination fitted once on train, scored on test, best kept."""
    X_train, X_test, y_train, y_test = data
    grid = SEED_GRIDS[model_id]
    keys = list(grid)
    start, best, fits, scores = time.perf_counter(), None, 0, []
    for combo in itertools.product(*(grid[k] for k in keys)):
        model = mu.build_model(model_id, problem, seed=42, params=dict(zip(keys, combo)))
        model.fit(X_train, y_train)
        fits += 1
        score = mu.evaluate(model, problem, X_test, y_test, [metric])[metric]
        scores.append(score)
        if best is None or (score > best if mu.greater_is_better(metric) else score < best):
            best = score
    return {"fits": fits, "fit_equivalents": float(fits), "seconds": time.perf_counter() - start, "test_metric": best,
            "scores": scores}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, help="a generated project that ran epochs 001-004")
    parser.add_argument("--rows", type=int, default=5000, help="rows when building the example project")
    parser.add_argument("--model", default="xgboost", choices=sorted(SEED_GRIDS))
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    os.environ.setdefault("PIPEC_N_JOBS", "1")  # both sides single-threaded: a like-for-like comparison
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
    print(f"project {root} · {len(data[0])} train / {len(data[1])} test rows · model {args.model} · metric {metric}", flush=True)

    res = tuning.tune_model(args.model, problem, data[0], data[2], metric, tune["budgetTrials"], tune["cvFolds"],
                            tune["strategy"], seed=42)
    budgeted = {"fits": res.fits, "fit_equivalents": res.fit_equivalents, "seconds": res.seconds,
                "candidates": len(res.trials),
                "test_metric": mu.evaluate(res.model, problem, data[1], data[3], [metric])[metric]}
    print(f"budgeted ({tune['strategy']}, {tune['budgetTrials']} trials, {tune['cvFolds']}-fold): done in {res.seconds:.1f}s", flush=True)
    grid = seed_grid(mu, args.model, problem, metric, data)
    sign = 1 if mu.greater_is_better(metric) else -1
    scores = grid.pop("scores")
    # The seed picks its winner on the test rows, so its score is optimistic; where the budgeted
    # winner ranks among all grid combinations is the selection-free comparison.
    beaten = sum(1 for s in scores if sign * (budgeted["test_metric"] - s) >= 0) / len(scores)
    figures = {
        "model": args.model, "metric": metric, "rows_train": len(data[0]), "budgeted": budgeted, "seed_grid": grid,
        "fit_ratio": grid["fits"] / budgeted["fits"],
        "cost_ratio": grid["fit_equivalents"] / budgeted["fit_equivalents"],
        "time_ratio": grid["seconds"] / budgeted["seconds"],
        "metric_loss_points": 100 * sign * (grid["test_metric"] - budgeted["test_metric"]),
        "grid_median_test_metric": sorted(scores)[len(scores) // 2],
        "budgeted_beats_share_of_grid": beaten,
    }
    print(f"{'':24}{'fits':>8}{'full-data fits':>16}{'seconds':>10}{'test ' + metric:>18}")
    for name, row in (("budgeted (generated)", budgeted), ("seed exhaustive grid", grid)):
        print(f"{name:24}{row['fits']:>8}{row['fit_equivalents']:>16.1f}{row['seconds']:>10.1f}{row['test_metric']:>18.4f}")
    print(f"fits: {figures['fit_ratio']:.1f}x fewer · tuning cost (full-data fits): {figures['cost_ratio']:.1f}x less · "
          f"wall time: {figures['time_ratio']:.1f}x faster · metric loss vs grid: {figures['metric_loss_points']:+.2f} pt "
          f"(goal >= 10x less cost, <= 0.5 pt)")
    print(f"grid median test {metric}: {figures['grid_median_test_metric']:.4f} · the budgeted winner scores at least as well "
          f"as {100 * beaten:.0f}% of the grid's {len(scores)} combinations (the grid's best is picked on the test rows)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
