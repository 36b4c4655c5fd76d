"""Shared helpers: a tiny generated-project layout (IR + epoch scripts) in a temp folder, and a runner
that executes epoch scripts as real subprocesses with the runtime on PYTHONPATH."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

RUNTIME_DIR = Path(__file__).resolve().parents[1]
if str(RUNTIME_DIR) not in sys.path:
    sys.path.insert(0, str(RUNTIME_DIR))


def rule(rid: str, fact: str, op: str, value: Any, unit: str, message: str = "") -> dict[str, Any]:
    return {"id": rid, "fact": fact, "op": op, "value": value, "unit": unit,
            "message": message or f"{fact} {op} {value}", "origin": "spec"}


def epoch(eid: str, name: str, after: list[str], produces: list[tuple[str, str]], gate: list[dict[str, Any]],
          review: str | None = None) -> dict[str, Any]:
    return {"id": eid, "name": name, "title": name.title(), "dir": f"epoch{eid}-{name.replace('_', '-')}",
            "agent": "test", "experiment": f"tiny_{name}", "after": after, "tier": "small",
            "estimate": {"minutes": 1, "memoryGb": 1}, "deliverables": [],
            "produces": [{"name": n, "unit": u, "description": n} for n, u in produces], "gate": gate,
            "review": {"title": review} if review else None, "custom": False, "timeoutSeconds": None, "retries": 0}


def make_ir(epochs: list[dict[str, Any]], **limits: Any) -> dict[str, Any]:
    base_limits = {"maxFileSizeBytes": 50_000_000, "maxMemoryBytes": 4_000_000_000, "chunkRows": 10,
                   "checkpoint": {"everyPercent": 10, "everySeconds": 300}}
    base_limits.update(limits)
    return {"irVersion": 1, "project": {"name": "tiny", "title": "Tiny", "objective": "test", "problem": "classification",
                                        "metric": "f1_score", "metrics": ["f1_score"], "production": False},
            "uses": [], "domino": {"environment": "env", "tiers": {"small": "Small"}, "volumeSizeGiB": None, "gitRef": None},
            "limits": base_limits,
            "data": {"kind": "synthetic", "rows": 100, "seed": 7, "columns": [],
                     "target": {"name": "y", "kind": "binary", "generator": None}},
            "features": {"derives": [], "encodings": [], "scale": "none", "split": {"testPercent": 20, "stratify": False, "seed": 1}},
            "models": {"baselines": [], "tune": None}, "epochs": epochs,
            "deploy": {"api": None, "app": None, "promote": None}, "risks": []}


def gate_rules_document(ir: dict[str, Any]) -> dict[str, Any]:
    """`.context/gate_rules.json` as `pipec compile` writes it (src/emit/project-files.ts
    gateRulesDocument, test/emit/gate-rules.test.ts holds the runtime to that document), for the
    hand-made IRs of these tests."""
    after = {e["id"]: e["after"] for e in ir["epochs"]}

    def upstream(eid: str) -> list[str]:
        seen: set[str] = set()
        stack = list(after[eid])
        while stack:
            cur = stack.pop()
            if cur not in seen and cur in after:
                seen.add(cur)
                stack.extend(after[cur])
        return sorted(seen)

    return {"project": ir["project"]["name"],
            "epochs": {e["id"]: {"after": e["after"], "ancestors": upstream(e["id"]), "produces": e["produces"],
                                 "gate": e["gate"], "review": e["review"]} for e in ir["epochs"]}}


def write_compiled(root: Path, ir: dict[str, Any]) -> None:
    """What `pipec compile` writes for the runtime: `.pipec/ir.json` and `.context/gate_rules.json`."""
    (root / ".pipec").mkdir(parents=True, exist_ok=True)
    (root / ".context").mkdir(parents=True, exist_ok=True)
    (root / ".pipec" / "ir.json").write_text(json.dumps(ir, indent=2))
    (root / ".context" / "gate_rules.json").write_text(json.dumps(gate_rules_document(ir), indent=2))


DEFAULT_EPOCHS = [
    epoch("001", "generate", [], [("data.rows", "count")], [rule("001:1", "data.rows", ">=", 10, "count")]),
    epoch("002", "assess", ["001"], [("quality.ok", "bool")], [rule("002:1", "quality.ok", "==", True, "bool")],
          review="Data quality"),
    epoch("003", "train", ["002"], [("metric.score", "number")],
          [rule("003:1", "metric.score", ">=", 0.7, "number", "score must reach 0.7")]),
    epoch("004", "report", ["003"], [], []),
]


class Project:
    """A generated-project folder with helpers to write epoch scripts and run them."""

    def __init__(self, root: Path, ir: dict[str, Any]) -> None:
        self.root = root
        self.ir = ir
        root.mkdir(parents=True)
        write_compiled(root, ir)

    def script(self, eid: str, body: str) -> Path:
        e = next(e for e in self.ir["epochs"] if e["id"] == eid)
        path = self.root / e["dir"] / "scripts" / "run_epoch.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("import os, sys, json, time\nfrom pipec_runtime import EpochContext, errors\n"
                        + textwrap.dedent(body))
        return path

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DOMINO_", "PIPEC_", "MLFLOW_"))}
        env.update(PYTHONPATH=str(RUNTIME_DIR), PIPEC_PROJECT_ROOT=str(self.root), PIPEC_MLFLOW="0")
        env.update(extra)
        return env

    def popen(self, eid: str, **env: str) -> subprocess.Popen[str]:
        e = next(e for e in self.ir["epochs"] if e["id"] == eid)
        return subprocess.Popen([sys.executable, f"{e['dir']}/scripts/run_epoch.py"], cwd=self.root,
                                env=self.env(**env), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)

    def run(self, eid: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess[str]:
        p = self.popen(eid, **env)
        out, err = p.communicate(timeout=timeout)
        return subprocess.CompletedProcess(p.args, p.returncode, out, err)

    def cli(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pipec_runtime", *args], cwd=self.root, env=self.env(**env),
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)

    def state(self) -> dict[str, Any]:
        return json.loads((self.root / ".context" / "pipeline_state.json").read_text())

    def context_json(self, name: str) -> Any:
        return json.loads((self.root / ".context" / name).read_text())


