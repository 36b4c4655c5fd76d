"""pipec_runtime.flow_io: Domino's job I/O encoding and a node run as a separate Domino Job would be
(fresh project copy, no shared state), with real epoch scripts as subprocesses; the 1,024-byte limit on
simple-typed outputs; bundles restored and recorded in the lineage; pipec_runtime.workcopy."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

RUNTIME_DIR = Path(__file__).resolve().parents[1]
if str(RUNTIME_DIR) not in sys.path:
    sys.path.insert(0, str(RUNTIME_DIR))

from pipec_runtime import flow_bundle, flow_io  # noqa: E402
from pipec_runtime.errors import ValidationError  # noqa: E402
from rt_helpers import write_compiled  # noqa: E402


def _epoch(eid: str, name: str, after: list[str], produces: list[tuple[str, str]], review: str | None = None) -> dict:
    return {"id": eid, "name": name, "title": name, "dir": f"epoch{eid}-{name.replace('_', '-')}", "agent": "t",
            "experiment": "x", "after": after, "tier": "small", "estimate": {"minutes": 1, "memoryGb": 1},
            "deliverables": [], "produces": [{"name": n, "unit": u, "description": n} for n, u in produces],
            "gate": [], "review": {"title": review} if review else None, "custom": False,
            "timeoutSeconds": None, "retries": 0}


IR = {"irVersion": 1, "project": {"name": "tiny", "title": "Tiny", "objective": "t", "problem": "classification",
                                  "metric": "f1_score", "metrics": ["f1_score"], "production": False},
      "uses": [], "domino": {"environment": "env", "tiers": {"small": "Small"}, "volumeSizeGiB": None, "gitRef": None},
      "limits": {"maxFileSizeBytes": 50_000_000, "maxMemoryBytes": 8_000_000_000, "chunkRows": 10,
                 "checkpoint": {"everyPercent": 10, "everySeconds": 300}},
      "data": {"kind": "synthetic", "rows": 100, "seed": 7, "columns": [], "target": {"name": "y", "kind": "binary", "generator": None}},
      "features": {"derives": [], "encodings": [], "scale": "none", "split": {"testPercent": 20, "stratify": False, "seed": 1}},
      "models": {"baselines": [], "tune": None},
      "epochs": [_epoch("001", "data_wrangling", [], [("data.rows", "count")], review="Data check"),
                 _epoch("002", "train", ["001"], [("rows.seen", "count"), ("data.ok", "bool")])],
      "deploy": {"api": None, "app": None, "promote": None}, "risks": []}

DATA_GLOB = {"kind": "glob", "patterns": ["data:*.parquet"]}
HANDOFF = {"name": "handoff", "type": "file", "source": {"kind": "handoff"}}
BUNDLE = {"name": "bundle", "type": "file", "source": {"kind": "bundle"}}
PLAN = {"version": 2, "project": "tiny", "rootEnv": "PIPEC_WORKFLOW_ROOT", "defaultRoot": "/workflow", "epochs": {
    "001": {"name": "data_wrangling", "script": "epoch001-data-wrangling/scripts/run_epoch.py", "after": [],
            "inputs": [{"name": "rows", "type": "int", "workflow": "rows", "env": "PIPEC_ROWS"}],
            "outputs": [HANDOFF, BUNDLE, {"name": "data", "type": "file", "source": DATA_GLOB}]},
    "002": {"name": "train", "script": "epoch002-train/scripts/run_epoch.py", "after": ["001"],
            "inputs": [{"name": "approve", "type": "str", "workflow": "approve", "env": "PIPEC_APPROVE"},
                       {"name": "handoff_001", "type": "file", "epoch": "001", "output": "handoff"},
                       {"name": "bundle_001", "type": "file", "epoch": "001", "output": "bundle"}],
            "outputs": [HANDOFF, BUNDLE]},
}}

SCRIPT_001 = """
import os
from pipec_runtime import EpochContext
with EpochContext.start("001") as ctx:
    rows = int(os.environ.get("PIPEC_ROWS") or 5)
    (ctx.paths.data_dir() / "raw.parquet").write_text("x" * rows)   # stands for a parquet of `rows` rows
    ctx.record_fact("data.rows", rows)
"""
SCRIPT_002 = """
from pipec_runtime import EpochContext
with EpochContext.start("002") as ctx:
    text = (ctx.paths.data_dir("001") / "raw.parquet").read_text()
    ctx.record_fact("rows.seen", len(text))
    ctx.record_fact("data.ok", True)
"""


def make_project(root: Path, scripts: dict[str, str] | None = None, plan: dict | None = None) -> Path:
    """A generated-project layout: IR, flow plan, runtime under src/, epoch scripts."""
    root.mkdir(parents=True)
    write_compiled(root, IR)
    (root / "flows").mkdir()
    (root / "flows" / "flow_io.json").write_text(json.dumps(plan or PLAN))
    (root / "src").mkdir()
    shutil.copytree(RUNTIME_DIR / "pipec_runtime", root / "src" / "pipec_runtime",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for eid, body in (scripts or {"001": SCRIPT_001, "002": SCRIPT_002}).items():
        e = next(e for e in IR["epochs"] if e["id"] == eid)
        path = root / e["dir"] / "scripts" / "run_epoch.py"
        path.parent.mkdir(parents=True)
        path.write_text(body)
    return root


def run_node(root: Path, wf_root: Path, eid: str) -> subprocess.CompletedProcess[str]:
    """`python -c flow_io.main([eid])` with cwd = project root, like flows/run_node.py."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOMINO_", "PIPEC_", "MLFLOW_"))}
    env.update(PIPEC_WORKFLOW_ROOT=str(wf_root), PIPEC_MLFLOW="0", PYTHONPATH=str(root / "src"))
    code = f"import sys; from pathlib import Path; from pipec_runtime import flow_io; sys.exit(flow_io.main([{eid!r}], Path.cwd()))"
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=120)


def put_inputs(wf_root: Path, values: dict[str, tuple[str, Any]]) -> None:
    for name, (kind, value) in values.items():
        flow_io.write_value(wf_root / "inputs" / name, kind, value)


# --- encoding -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,value,text", [
    ("bool", True, "true"), ("bool", False, "false"), ("int", 42, "42"), ("str", "a b\nc", "a b\nc"),
    ("float", 0.5, "0.5"), ("dict", {"b": 1, "a": [True, None]}, '{"a": [true, null], "b": 1}'),
])
def test_encoding_is_dominos_and_round_trips(tmp_path: Path, kind: str, value: Any, text: str) -> None:
    path = flow_io.write_value(tmp_path / "outputs" / "v", kind, value)
    assert path.read_text() == text
    assert flow_io.read_value(path, kind) == value


def test_decode_is_strict_about_booleans_and_dicts() -> None:
    assert flow_io.decode("bool", "TRUE\n") is True
    with pytest.raises(ValidationError, match="expected true or false"):
        flow_io.decode("bool", "1")
    with pytest.raises(ValidationError, match="expected a JSON object"):
        flow_io.decode("dict", "[1]")


def test_file_values_are_copied_without_extension(tmp_path: Path) -> None:
    src = tmp_path / "model.pkl"
    src.write_bytes(b"\x00\x01bytes")
    out = flow_io.write_value(tmp_path / "outputs" / "model", "file", src)
    assert out.name == "model" and out.read_bytes() == b"\x00\x01bytes"
    assert flow_io.read_value(out, "file") == str(out)


def test_workflow_root_is_redirectable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOMINO_IS_WORKFLOW_JOB", raising=False)
    monkeypatch.delenv(flow_io.ROOT_ENV, raising=False)
    assert flow_io.workflow_root() == Path("/workflow")
    monkeypatch.setenv(flow_io.ROOT_ENV, str(tmp_path))
    assert flow_io.workflow_root() == tmp_path and not flow_io.in_flow()
    (tmp_path / "inputs").mkdir()
    assert flow_io.in_flow()


# --- nodes as separate Domino Jobs ----------------------------------------------------------------------

def test_downstream_job_runs_in_a_fresh_copy_from_upstream_outputs(tmp_path: Path) -> None:
    job1 = make_project(tmp_path / "job1")
    wf1 = tmp_path / "wf1"
    put_inputs(wf1, {"rows": ("int", 7)})
    r1 = run_node(job1, wf1, "001")
    assert r1.returncode == 0, r1.stderr
    handoff = json.loads((wf1 / "outputs" / "handoff").read_text())
    assert handoff["epochs"]["001"]["status"] == "completed"
    assert handoff["epochs"]["001"]["facts"] == {"data.rows": 7}       # rows input reached the script
    assert (wf1 / "outputs" / "data").read_text() == "x" * 7

    # A second job: its own checkout, no .context, no data folder (as on Domino).
    job2 = make_project(tmp_path / "job2")
    wf2 = tmp_path / "wf2"
    put_inputs(wf2, {"approve": ("str", "001"), "handoff_001": ("file", wf1 / "outputs" / "handoff"),
                     "bundle_001": ("file", wf1 / "outputs" / "bundle")})
    r2 = run_node(job2, wf2, "002")
    assert r2.returncode == 0, r2.stderr
    out = json.loads((wf2 / "outputs" / "handoff").read_text())
    assert sorted(out["epochs"]) == ["001", "002"]
    assert out["epochs"]["002"]["facts"] == {"rows.seen": 7, "data.ok": True}   # read the restored upstream file
    state = json.loads((job2 / ".context" / "pipeline_state.json").read_text())
    assert state["epochs"]["001"]["status"] == "completed" and state["epoch_001_complete"] is True
    # The restores are in the node's lineage: the bundle unpacked, the upstream records seeded.
    sources = json.loads((job2 / ".context" / "data_lineage.json").read_text())["source_data"]
    rec = sources["flow_input:002:bundle_001"]
    assert {k: rec[k] for k in ("epoch", "kind", "upstream_epoch", "input", "restored", "files")} == {
        "epoch": "002", "kind": "upstream_bundle", "upstream_epoch": "001", "input": "bundle_001", "restored": True, "files": 1}
    assert "pipeline_state.json" not in rec["context_docs"]
    assert sources["flow_input:002:handoffs"]["seeded_epochs"] == ["001"]


def test_upstream_context_records_are_merged_not_replaced(tmp_path: Path) -> None:
    """Lineage, approvals and other `.context/` records of upstream jobs reach the next job (epoch 008's
    retrospective and 006's compliance checks read them), merged with what the job has."""
    job1 = make_project(tmp_path / "job1")
    wf1 = tmp_path / "wf1"
    put_inputs(wf1, {"rows": ("int", 3)})
    assert run_node(job1, wf1, "001").returncode == 0
    from pipec_runtime.lineage import Lineage
    Lineage(job1 / ".context", "001").feature("from_001", ["x"], "x * 2")
    bundle = flow_bundle.pack_bundle(job1, "001", tmp_path / "bundle")
    job2 = make_project(tmp_path / "job2")
    Lineage(job2 / ".context", "000").feature("local_only", ["a"], "a")
    docs = flow_bundle._merge_context(job2, "002", str(bundle))
    assert "data_lineage.json" in docs and "pipeline_state.json" not in docs and "gate_rules.json" not in docs
    mine = json.loads((job2 / ".context" / "data_lineage.json").read_text())
    assert {"local_only", "from_001"} <= set(mine["feature_provenance"])
    again = json.loads(json.dumps(mine))
    flow_bundle._merge_context(job2, "002", str(bundle))     # idempotent
    assert json.loads((job2 / ".context" / "data_lineage.json").read_text()) == again


def test_a_bundle_is_not_unpacked_over_folders_already_there(tmp_path: Path) -> None:
    job = make_project(tmp_path / "job")
    wf = tmp_path / "wf"
    put_inputs(wf, {"rows": ("int", 4)})
    assert run_node(job, wf, "001").returncode == 0
    # Same checkout (the shared twin, or a rerun): 001's folder exists, nothing is overwritten.
    rec = flow_bundle.restore_bundle(job, "002", "001", "bundle_001", str(wf / "outputs" / "bundle"))
    assert rec["restored"] is False and rec["reason"] == "data folder already present"


def test_a_simple_output_over_1_kib_is_refused_as_domino_would(tmp_path: Path) -> None:
    """A plan written before handoffs were files: the dict handoff grows with every upstream record until
    it passes copilot's 1,024 bytes; the node fails here, naming the output, as the upload would on Domino."""
    plan = json.loads(json.dumps(PLAN))
    for node in plan["epochs"].values():
        node["outputs"] = [o | {"type": "dict"} if o["name"] == "handoff" else o for o in node["outputs"]]
    plan["epochs"]["002"]["inputs"][1]["type"] = "dict"
    job1 = make_project(tmp_path / "job1", plan=plan)
    wf1 = tmp_path / "wf1"
    put_inputs(wf1, {"rows": ("int", 2)})
    assert run_node(job1, wf1, "001").returncode == 0          # a small handoff still fits
    handoff = json.loads((wf1 / "outputs" / "handoff").read_text())
    handoff["epochs"]["000"] = {"status": "completed", "facts": {f"fact{i}": i for i in range(120)}}
    job2 = make_project(tmp_path / "job2", plan=plan)
    wf2 = tmp_path / "wf2"
    put_inputs(wf2, {"approve": ("str", "001"), "handoff_001": ("dict", handoff), "bundle_001": ("file", wf1 / "outputs" / "bundle")})
    r = run_node(job2, wf2, "002")
    assert r.returncode == 2, r.stderr
    assert "flow node 002: output 'handoff' (dict) is " in r.stderr
    assert "maximum allowed filesize is [1024], but found [" in r.stderr
    assert not (wf2 / "outputs" / "handoff").exists()
    with pytest.raises(ValidationError, match=r"found \[1025\]"):
        flow_io.check_simple_output("x", "str", "y" * 1025)
    flow_io.check_simple_output("x", "str", "y" * 1024)  # exactly the limit is accepted


def test_fresh_copy_has_the_repository_and_nothing_a_run_wrote(tmp_path: Path) -> None:
    from pipec_runtime import workcopy
    job = make_project(tmp_path / "job")
    (job / ".pipec" / "manifest.json").write_text(json.dumps({"files": [{"path": ".context/gate_rules.json"}]}))
    (job / ".context" / "pipeline_state.json").write_text("{}")
    for p in ("data/tiny/x.parquet", "artifacts/m.joblib", "mlruns.db", "src/pipec_runtime/__pycache__/a.pyc"):
        (job / p).parent.mkdir(parents=True, exist_ok=True)
        (job / p).write_text("run output")
    copy = workcopy.fresh_copy(job, tmp_path / "copy")
    assert (copy / ".context" / "gate_rules.json").is_file() and (copy / "flows" / "flow_io.json").is_file()
    for p in (".context/pipeline_state.json", "data", "artifacts", "mlruns.db", "src/pipec_runtime/__pycache__"):
        assert not (copy / p).exists(), p


def test_unapproved_upstream_review_fails_the_job_and_publishes_nothing(tmp_path: Path) -> None:
    job1 = make_project(tmp_path / "job1")
    wf1 = tmp_path / "wf1"
    put_inputs(wf1, {"rows": ("int", 3)})
    assert run_node(job1, wf1, "001").returncode == 0
    job2 = make_project(tmp_path / "job2")
    wf2 = tmp_path / "wf2"
    put_inputs(wf2, {"approve": ("str", ""), "handoff_001": ("file", wf1 / "outputs" / "handoff"),
                     "bundle_001": ("file", wf1 / "outputs" / "bundle")})
    r2 = subprocess_no_tty(job2, wf2)
    assert r2.returncode == 1
    assert "review" in (r2.stderr + r2.stdout).lower()
    assert not (wf2 / "outputs").exists()


def subprocess_no_tty(root: Path, wf: Path) -> subprocess.CompletedProcess[str]:
    """Like run_node, with stdin closed: a review must fail closed, never prompt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOMINO_", "PIPEC_", "MLFLOW_"))}
    env.update(PIPEC_WORKFLOW_ROOT=str(wf), PIPEC_MLFLOW="0", PYTHONPATH=str(root / "src"))
    code = "import sys; from pathlib import Path; from pipec_runtime import flow_io; sys.exit(flow_io.main(['002'], Path.cwd()))"
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_missing_declared_file_output_is_a_clear_error(tmp_path: Path) -> None:
    body = 'from pipec_runtime import EpochContext\nwith EpochContext.start("001") as ctx:\n    ctx.record_fact("data.rows", 1)\n'
    job = make_project(tmp_path / "job", {"001": body})
    wf = tmp_path / "wf"
    put_inputs(wf, {"rows": ("int", 0)})
    r = run_node(job, wf, "001")
    assert r.returncode == 2
    assert "declares output 'data' but no file matches ['data:*.parquet']" in r.stderr


def test_unknown_node_and_usage_errors(tmp_path: Path) -> None:
    job = make_project(tmp_path / "job")
    assert flow_io.main([], job) == 2
    r = run_node(job, tmp_path / "wf", "009")
    assert r.returncode == 2 and "epoch 009 is not a node of this flow" in r.stderr


def test_seeding_never_overwrites_a_completed_local_record(tmp_path: Path) -> None:
    job = make_project(tmp_path / "job")
    from pipec_runtime.state import StateStore
    store = StateStore(job / ".context", "tiny")
    store.mark_finished("001", "completed", facts={"data.rows": 9})
    seeded = flow_io.seed_upstream(job, {
        "001": {"status": "completed", "facts": {"data.rows": 1}, "gate": None, "review": None},
        "002": {"status": "failed", "facts": {}, "gate": None, "review": None},
    })
    assert seeded == ["002"]
    state = store.read()
    assert state["epochs"]["001"]["facts"] == {"data.rows": 9}
    assert state["epochs"]["002"]["status"] == "failed" and state["epoch_002_complete"] is False


def test_empty_workflow_inputs_leave_the_spec_values(tmp_path: Path) -> None:
    job = make_project(tmp_path / "job")
    assert flow_io.apply_inputs("001", job, {"rows": 0}) == {}
    assert flow_io.apply_inputs("001", job, {"rows": 25}) == {"PIPEC_ROWS": "25"}
