"""bench/scale.py — rows per second through epochs 002-005, single-machine pandas vs Dask (issue 14).

usage: .venv/bin/python bench/scale.py [--sizes 1000000,10000000] [--paths pandas,dask] [--workers 2]
                                       [--worker-memory 2GB] [--max-memory 12GB] [--timeout 3600]

For each size and path it writes a variant of test/dask/dask-project.pipeline (rows = size; the pandas
path without `compute`, the Dask path with `compute cluster dask { workers N worker_memory M }`;
max_file_size 50MB for both), compiles it with the built CLI, runs epochs 001-005 in order and prints:
wall seconds per epoch, rows/s through 002-005, the rows 002 kept (the pandas path samples the data file
down to max_file_size), peak RSS of each epoch's process tree (pandas) or peak memory per worker (Dask,
from .context/cluster/epochNNN.json) against the limit, and 005's test metrics. A size whose pandas frame
passes `--max-memory` stops the pandas path with the runtime's memory error: that is the "pandas cannot"
row. Results also go to bench/.results/scale.json. Run `npm run build` first.

Goals (issue 14): the Dask path finishes the largest size the pandas path cannot; Dask within 1.5x of pandas
time at 1M rows; peak memory per worker under its limit at every size; metrics at 1M within noise.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "test/dask/dask-project.pipeline"
OUT = REPO / "bench/.results/scale"
EPOCHS = ["001", "002", "003", "004", "005"]
TIMED = ["002", "003", "004", "005"]
UNITS = {"KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def size_bytes(text: str) -> int:
    m = re.fullmatch(r"(\d+)(KB|MB|GB)", text)
    if not m:
        raise SystemExit(f"not a size: {text}")
    return int(m.group(1)) * UNITS[m.group(2)]


def variant(path: str, rows: int, args: argparse.Namespace) -> str:
    """The benchmark spec: the acceptance spec at `rows`, on one machine or on the cluster."""
    text = SPEC.read_text(encoding="utf-8")
    text = re.sub(r"rows \d[\d_]*", f"rows {rows}", text, count=1)
    text = re.sub(r"\n\s*sample\s+off\b", "", text)  # both paths select on the default sample (bench/selection.py compares)
    text = text.replace("max_file_size 2MB", "max_file_size 50MB\n    max_memory    " + args.max_memory)
    cluster = (f"compute cluster dask {{\n    workers       {args.workers}\n    worker_tier   small\n"
               f"    worker_memory {args.worker_memory}\n  }}")
    text = re.sub(r"compute cluster dask \{[^}]*\}", cluster if path == "dask" else "", text)
    return text


def tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_epoch(project: Path, epoch_dir: str, timeout: float) -> dict:
    """Runs one epoch script; wall seconds, exit code and the peak RSS of its process tree."""
    env = {**os.environ, "PYTHONPATH": "src", "PIPEC_APPROVE": "all", "MPLBACKEND": "Agg", "DOMINO_PROJECT_NAME": "",
           "DOMINO_RUN_ID": ""}
    t0, cpu0 = time.monotonic(), _children_cpu()
    log = open(project / f"bench-{epoch_dir}.log", "w", encoding="utf-8")
    child = subprocess.Popen([sys.executable, f"{epoch_dir}/scripts/run_epoch.py"], cwd=project, env=env,
                             stdout=log, stderr=subprocess.STDOUT)
    proc, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        peak = max(peak, tree_rss(proc))
        if time.monotonic() - t0 > timeout:
            child.kill()
        time.sleep(0.2)
    log.close()
    # CPU seconds of the whole tree (the epoch, its workers: reaped descendants count): the work done,
    # which the machine's load does not inflate the way it inflates wall seconds.
    return {"seconds": round(time.monotonic() - t0, 2), "cpu_seconds": round(_children_cpu() - cpu0, 2),
            "exit": child.returncode, "peak_tree_rss": peak}


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench(path: str, rows: int, args: argparse.Namespace) -> dict:
    folder = OUT / f"{path}-{rows}{args.tag}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "project.pipeline").write_text(variant(path, rows, args), encoding="utf-8")
    project = folder / "out"
    subprocess.run(["rm", "-rf", str(project)], check=True)
    c = subprocess.run(["node", args.cli, "compile", str(folder / "project.pipeline"), "--out", str(project)],
                       capture_output=True, text=True)
    if c.returncode != 0:
        raise SystemExit(c.stdout + c.stderr)
    ir = json.loads((project / ".pipec/ir.json").read_text())
    dirs = {e["id"]: e["dir"] for e in ir["epochs"]}
    result: dict = {"path": path, "rows": rows, "epochs": {}}
    for e in EPOCHS[:EPOCHS.index(args.last) + 1]:
        r = run_epoch(project, dirs[e], args.timeout)
        cluster = project / ".context/cluster" / f"epoch{e}.json"
        if cluster.is_file():
            r["cluster"] = json.loads(cluster.read_text())
        result["epochs"][e] = r
        print(f"  {path:6} {rows:>10,} epoch {e}: {r['seconds']:8.1f}s wall {r['cpu_seconds']:8.1f}s cpu exit {r['exit']}  "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
        if r["exit"] != 0:
            tail = (project / f"bench-{dirs[e]}.log").read_text(errors="replace").strip().splitlines()[-3:]
            result["failed"] = {"epoch": e, "why": " | ".join(tail)}
            break
    state = json.loads((project / ".context/pipeline_state.json").read_text())
    result["rows_kept"] = (state["epochs"].get("002") or {}).get("facts", {}).get("data.rows")
    info = project / "artifacts" / dirs["005"] / "best_model_info.json"
    if info.is_file() and "005" in result["epochs"]:
        doc = json.loads(info.read_text())
        result["metrics"] = doc["metrics"]
        result["model"] = doc["model"]
    return result


GOAL_RATIO = 1.5  # issue 14: the Dask path within 1.5x of pandas time at 1M rows


def data_memory(r: dict) -> int | None:
    """The data's in-memory pandas size the Dask path measured on its workers (002's cluster record)."""
    return ((r["epochs"].get("002") or {}).get("cluster") or {}).get("data_memory_bytes")


def _cell(r: dict | None, epochs: list[str]) -> tuple[str, float | None]:
    """`wall (cpu)` seconds of `epochs` in one result, and the wall seconds (None: not run or failed)."""
    if r is None:
        return "-", None
    if any(x not in r["epochs"] for x in epochs):
        return "failed" if "failed" in r else "-", None
    wall = sum(r["epochs"][x]["seconds"] for x in epochs)
    cpu = sum(r["epochs"][x].get("cpu_seconds", 0) for x in epochs)
    return f"{wall:.1f} ({cpu:.1f})", wall


def side_by_side(results: list[dict], args: argparse.Namespace) -> list[str]:
    """Per size: seconds per epoch (wall, cpu) of each path, Dask/pandas ratio against the 1.5x goal, and
    the data's in-memory size next to the per-worker limit."""
    lines = []
    limit = size_bytes(args.worker_memory)
    for rows in sorted({r["rows"] for r in results}):
        by = {r["path"]: r for r in results if r["rows"] == rows}
        p, d = by.get("pandas"), by.get("dask")
        lines.append(f"\n{rows:,} rows   {'pandas wall (cpu)':>20} {'dask wall (cpu)':>20} {'dask/pandas':>12}")
        timed = [e for e in TIMED if any(e in x["epochs"] for x in by.values())]
        for e in timed + ["total"]:
            es = timed if e == "total" else [e]
            (pt, pw), (dt, dw) = _cell(p, es), _cell(d, es)
            ratio = f"{dw / pw:.2f}" if pw and dw else "-"
            goal = ("  goal <= 1.5: " + ("met" if dw / pw <= GOAL_RATIO else "NOT met")) if e == "total" and pw and dw else ""
            name = f"{timed[0]}-{timed[-1]}" if e == "total" else e
            lines.append(f"  {name:9} {pt:>20} {dt:>20} {ratio:>12}{goal}")
        mem = data_memory(d) if d else None
        if mem is not None:
            rel = "EXCEEDS" if mem > limit else "is below"
            lines.append(f"  data in memory (pandas, deep) {mem / 1024 ** 3:.2f} GB {rel} the per-worker limit "
                         f"{limit / 1024 ** 3:.2f} GB ({mem / limit:.2f}x)")
    return lines


def summary(r: dict, args: argparse.Namespace) -> str:
    done = "failed" not in r
    secs = sum(r["epochs"][e]["seconds"] for e in TIMED if e in r["epochs"])
    rate = f"{r['rows'] / secs:10,.0f}" if done else "         -"
    if r["path"] == "dask":
        recs = [x.get("cluster") or {} for x in r["epochs"].values()]
        peaks = [max((c.get("peak_worker_memory_bytes") or {"": 0}).values()) for c in recs]
        restarts = sum(int(c.get("worker_restarts") or 0) for c in recs)
        mem = (f"peak/worker {max(peaks) / 1024 ** 3:.2f} GB of {size_bytes(args.worker_memory) / 1024 ** 3:.2f}"
               f" ({restarts} worker restarts)")
    else:
        mem = f"peak process {max(x['peak_tree_rss'] for x in r['epochs'].values()) / 1024 ** 3:.2f} GB of {args.max_memory}"
    f1 = (r.get("metrics") or {}).get("f1_score")
    why = f"  FAILED at {r['failed']['epoch']}: {r['failed']['why'][:160]}" if not done else ""
    return (f"{r['path']:6} {r['rows']:>10,} rows  kept {r.get('rows_kept') or 0:>10,}  002-{max(r['epochs'])} {secs:8.1f}s  {rate} rows/s  "
            f"{mem}  f1 {f1 if f1 is None else round(f1, 4)}{why}")


def add_run_args(ap: argparse.ArgumentParser) -> None:
    """The options every variant() run takes (cluster size, limits, per-epoch timeout); selection.py too."""
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--worker-memory", default="2GB")
    ap.add_argument("--max-memory", default="12GB")
    ap.add_argument("--timeout", type=float, default=3600)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000000,10000000")
    ap.add_argument("--paths", default="pandas,dask")
    add_run_args(ap)
    ap.add_argument("--cli", default=str(REPO / "bin/pipec.js"),
                    help="the pipec CLI that compiles the spec (another checkout's bin/pipec.js: before/after)")
    ap.add_argument("--tag", default="", help="suffix of the result folders (keeps a before/after run apart)")
    ap.add_argument("--last", default="005", choices=EPOCHS[1:], help="last epoch to run (default 005)")
    args = ap.parse_args()
    print(f"uptime: {os.popen('uptime').read().strip()}", flush=True)
    results = []
    for rows in [int(s) for s in args.sizes.split(",")]:
        for path in args.paths.split(","):
            results.append(bench(path, rows, args))
    print("\nuptime:", os.popen("uptime").read().strip())
    for r in results:
        print(summary(r, args))
    for line in side_by_side(results, args):
        print(line)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT.parent / "scale.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
