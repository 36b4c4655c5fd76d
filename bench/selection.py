"""bench/selection.py — epoch 005 on the Dask path, selection on a seeded sample vs on every training row
(issue 14: `sample N rows` vs `sample off` in a cluster spec's `models` block).

usage: .venv/bin/python bench/selection.py [--sizes 200000,1000000] [--samples 50000,off] [--workers 2]
                                           [--worker-memory 2GB] [--max-memory 12GB] [--timeout 3600]

For each size it writes bench/scale.py's Dask variant of test/dask/dask-project.pipeline, runs epochs
001-004 once, then for each `--samples` value rewrites the models block's `sample` line, recompiles into
the same project (001-004 stay as they are), clears 005's artifacts and runs 005 alone. It prints 005's
wall seconds, the selection path and rows, the chosen model and its test f1, with `uptime` before and after.
Results also go to bench/.results/selection.json. Run `npm run build` first.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402  (the same spec variant and epoch runner)

OUT = scale.REPO / "bench/.results/selection"


def with_sample(text: str, sample: str) -> str:
    """The spec with `sample N rows` / `sample off` as the models block's last statement."""
    line = "sample off" if sample == "off" else f"sample {int(sample)} rows"
    text = re.sub(r"\n\s*sample [^\n]*", "", text)
    return re.sub(r"(models \{[^}]*?)(\n  \})", lambda m: f"{m.group(1)}\n    {line}{m.group(2)}", text, count=1)


def compile_into(spec: str, folder: Path) -> dict:
    (folder / "project.pipeline").write_text(spec, encoding="utf-8")
    c = subprocess.run(["node", str(scale.REPO / "bin/pipec.js"), "compile", str(folder / "project.pipeline"),
                        "--out", str(folder / "out"), "--force"], capture_output=True, text=True)
    if c.returncode != 0:
        raise SystemExit(c.stdout + c.stderr)
    ir = json.loads((folder / "out/.pipec/ir.json").read_text())
    return {e["id"]: e["dir"] for e in ir["epochs"]}


def bench(rows: int, samples: list[str], args: argparse.Namespace) -> list[dict]:
    folder = OUT / f"dask-{rows}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    base = scale.variant("dask", rows, args)
    dirs = compile_into(with_sample(base, samples[0]), folder)
    project = folder / "out"
    for e in ["001", "002", "003", "004"]:
        r = scale.run_epoch(project, dirs[e], args.timeout)
        print(f"  {rows:>10,} epoch {e}: {r['seconds']:8.1f}s exit {r['exit']}", flush=True)
        if r["exit"] != 0:
            raise SystemExit(f"epoch {e} failed: see {project}/bench-{dirs[e]}.log")
    results = []
    for sample in samples:
        dirs = compile_into(with_sample(base, sample), folder)
        shutil.rmtree(project / "artifacts" / dirs["005"], ignore_errors=True)
        r = scale.run_epoch(project, dirs["005"], args.timeout)
        res = {"rows": rows, "sample": sample, "seconds_005": r["seconds"], "exit": r["exit"]}
        art = project / "artifacts" / dirs["005"]
        if r["exit"] == 0:
            comp = json.loads((art / "model_comparison.json").read_text())
            info = json.loads((art / "best_model_info.json").read_text())
            res.update(selection_path=comp.get("selection_path"), selection=comp["selection"], model=info["model"],
                       tuned=info["tuned"], f1=info["metrics"].get("f1_score"), train_rows=info["train_rows"])
        shutil.copy(project / f"bench-{dirs['005']}.log", folder / f"005-sample-{sample}.log")
        print(f"  {rows:>10,} 005 sample {sample:>6}: {r['seconds']:8.1f}s exit {r['exit']} "
              f"f1 {res.get('f1')} ({res.get('selection_path')})", flush=True)
        results.append(res)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="200000")
    ap.add_argument("--samples", default="50000,off")
    scale.add_run_args(ap)
    args = ap.parse_args()
    print(f"uptime: {os.popen('uptime').read().strip()}", flush=True)
    results = []
    for rows in [int(s) for s in args.sizes.split(",")]:
        results += bench(rows, args.samples.split(","), args)
    print("\nuptime:", os.popen("uptime").read().strip())
    for r in results:
        f1 = r.get("f1")
        print(f"dask {r['rows']:>10,} rows  sample {r['sample']:>6}  005 {r['seconds_005']:8.1f}s  "
              f"f1 {f1 if f1 is None else round(f1, 4)}  {r.get('model')} tuned={r.get('tuned')}  "
              f"selection: {r.get('selection_path')}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT.parent / "selection.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
