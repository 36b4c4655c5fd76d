"""bench/refit_memory.py — what epoch 005's final fit on a Dask cluster costs each worker, phase by phase.

Runs the generated package's own final-fit code (dask_training.fit_final's steps) on a generated project's
epoch-004 partitions, on a LocalCluster whose workers get a generous limit so nothing is killed, and prints
each worker's peak RSS per phase beside the share of the training matrix it holds. The figures are what
dask_training.refit_need() must predict (issue 14: 20M rows on 1GB workers).

  .venv/bin/python bench/refit_memory.py --project bench/.results/scale/dask-20000000big2/out \\
      --workers 4 --model lightgbm
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", required=True, help="a generated project whose epoch 004 has run on Dask")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--limit", default="4GB", help="each worker's memory limit (generous: measure, do not kill)")
    ap.add_argument("--model", default=None, help="lightgbm / xgboost (default: 005's choice, else lightgbm)")
    args = ap.parse_args()
    project = Path(args.project).resolve()
    package = next(p.parent.name for p in sorted((project / "src").glob("*/dask_training.py")))
    sys.path[:0] = [str(project / "src"), str(ROOT / "runtime" / "python")]
    import psutil
    from distributed import Client, LocalCluster

    config = importlib.import_module(f"{package}.config")
    dask_data = importlib.import_module(f"{package}.dask_data")
    dt = importlib.import_module(f"{package}.dask_training")
    sel = importlib.import_module(f"{package}.model_selection")
    summary_path = project / "artifacts" / "epoch005-model-development" / "tuning_summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.is_file() else {}
    model_id = args.model or summary.get("model") or "lightgbm"
    params = summary.get("params", {}) if model_id == summary.get("model") else {}

    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, memory_limit=args.limit,
                           dashboard_address=None, env={"ARROW_DEFAULT_MEMORY_POOL": "system"})
    client = Client(cluster)
    phase = {"name": "start"}
    peaks: dict[str, dict[str, int]] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            try:
                rss = client.run(lambda: psutil.Process().memory_info().rss)
            except Exception:  # noqa: BLE001 - a busy worker answers late; the next reading counts
                rss = {}
            row = peaks.setdefault(phase["name"], {})
            for worker, value in rss.items():
                row[worker] = max(row.get(worker, 0), int(value))
            time.sleep(0.25)

    threading.Thread(target=sample, daemon=True).start()
    folder = project / "data" / package / "epoch004-feature-engineering"
    train = dask_data.read(folder / config.TRAIN_RAW_FILE)
    rows = int(train.shape[0].compute())
    local = dask_data.sample(train, dt.SELECTION_ROWS, config.SEED, rows)
    y_local = local[config.TARGET].to_numpy()
    t0 = time.perf_counter()
    times: dict[str, float] = {}

    def enter(name: str) -> None:
        times[phase["name"]] = time.perf_counter() - t0 - sum(times.values())
        time.sleep(0.6)  # one more reading of the phase that ends
        phase["name"] = name

    enter("transform+persist")
    pipeline, classes, both, raw_fit = dt.transformed(client, train, config.SEED, config.PROBLEM)
    enter("matrix persist")
    data = dt.matrix(client, both, persist=True)
    del both
    X = data[0]
    held = client.run(lambda dask_worker: int(dask_worker.state.nbytes))
    enter("fit")
    model = sel.make_model(model_id, config.PROBLEM, y_local, config.SEED, params)
    dt.fit_distributed(client, model_id, config.PROBLEM, model, data, pipeline, classes, raw_fit)
    enter("end")
    stop.set()
    matrix_bytes = int(X.nbytes) + int(data[1].nbytes)
    print(f"{model_id}: {rows} training rows, {X.shape[1]} features, matrix {matrix_bytes / 2**20:.0f} MiB "
          f"({matrix_bytes / args.workers / 2**20:.0f} MiB per worker if even), {args.workers} workers")
    for name in ("start", "transform+persist", "matrix persist", "fit"):
        row = peaks.get(name, {})
        figures = "  ".join(f"{v / 2**20:6.0f}" for _, v in sorted(row.items()))
        print(f"{name:18s} {times.get(name, 0):6.1f}s  peak RSS per worker (MiB): {figures}")
    print("matrix held per worker before the fit (MiB): " + "  ".join(f"{v / 2**20:6.0f}" for _, v in sorted(held.items())))
    client.close()
    cluster.close()


if __name__ == "__main__":
    main()
