"""Paths (Domino mapping, env overrides, create-when-allowed) and the runtime CLI verbs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipec_runtime.errors import ValidationError
from pipec_runtime.paths import ProjectPaths

from rt_helpers import DEFAULT_EPOCHS, make_ir, write_compiled

IR = make_ir(DEFAULT_EPOCHS)


def _clean_env(monkeypatch) -> None:
    import os
    for key in list(os.environ):
        if key.startswith(("DOMINO_", "PIPEC_")):
            monkeypatch.delenv(key)


def test_local_mapping_creates_folders(tmp_path: Path, monkeypatch) -> None:
    _clean_env(monkeypatch)
    p = ProjectPaths(tmp_path, IR, "003")
    assert p.code_root == tmp_path and p.context_dir == tmp_path / ".context"
    assert p.data_dir() == tmp_path / "data" / "tiny" / "epoch003-train" and p.data_dir().is_dir()
    assert p.artifacts_dir("001") == tmp_path / "artifacts" / "epoch001-generate"
    assert p.epoch_dir("002") == tmp_path / "epoch002-assess"


def test_domino_mapping_and_fail_closed_creation(tmp_path: Path, monkeypatch) -> None:
    _clean_env(monkeypatch)
    monkeypatch.setenv("DOMINO_PROJECT_NAME", "tiny")
    monkeypatch.setenv("DOMINO_DATASETS_DIR", str(tmp_path / "mnt" / "data"))
    monkeypatch.setenv("DOMINO_ARTIFACTS_DIR", str(tmp_path / "mnt" / "artifacts"))
    monkeypatch.setenv("DOMINO_WORKING_DIR", str(tmp_path / "mnt" / "code"))
    p = ProjectPaths(tmp_path / "ignored", IR, "001")
    assert p.code_root == tmp_path / "mnt" / "code" and p.context_dir == tmp_path / "mnt" / "code" / ".context"
    with pytest.raises(ValidationError, match="PIPEC_CREATE_DIRS=1"):
        p.data_dir()  # the dataset is not mounted: never silently create /mnt/data/<project>
    (tmp_path / "mnt" / "data" / "tiny").mkdir(parents=True)
    assert p.data_dir() == tmp_path / "mnt" / "data" / "tiny" / "epoch001-generate" and p.data_dir().is_dir()
    monkeypatch.setenv("PIPEC_CREATE_DIRS", "1")
    assert ProjectPaths(tmp_path, IR, "001").artifacts_dir().is_dir()


def test_env_overrides(tmp_path: Path, monkeypatch) -> None:
    _clean_env(monkeypatch)
    monkeypatch.setenv("PIPEC_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("PIPEC_ARTIFACTS_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("PIPEC_CONTEXT_DIR", str(tmp_path / "c"))
    p = ProjectPaths(tmp_path / "root", IR, "002")
    assert p.data_dir() == tmp_path / "d" / "epoch002-assess" and p.artifacts_dir() == tmp_path / "a" / "epoch002-assess"
    assert p.context_dir == tmp_path / "c"
    with pytest.raises(ValidationError, match="epoch 009 is not in the IR"):
        p.data_dir("009")


def test_cli_prereq_gate_stale_state_status(project) -> None:
    project.script("001", 'with EpochContext.start("001") as ctx:\n    ctx.record_fact("data.rows", 3)\n')
    assert project.run("001").returncode == 1  # gate data.rows >= 10 fails
    gate = project.cli("--json", "gate", "001")
    out = json.loads(gate.stdout)
    assert gate.returncode == 1 and out["results"][0]["observed"] == 3 and out["results"][0]["rule"] == "001:1"
    pre = project.cli("--json", "prereq", "002")
    assert pre.returncode == 1 and json.loads(pre.stdout)["missing"] == [
        "epoch 001 gate: rule 001:1 data.rows >= 10 failed: observed 3"]
    mark = project.cli("state", "fail", "003", "--type", "ResourceLimitError", "--message", "tree RSS 3 GB > 2 GB")
    assert mark.returncode == 0
    st = project.state()
    assert st["epochs"]["003"]["error"] == {**st["epochs"]["003"]["error"], "type": "ResourceLimitError",
                                            "message": "tree RSS 3 GB > 2 GB"}
    assert project.context_json("error_log.json")["errors"][-1]["type"] == "ResourceLimitError"
    assert project.cli("stale", "001").returncode == 0
    assert project.state()["epochs"]["001"]["status"] == "stale" and project.state()["epoch_001_complete"] is False
    bad = project.cli("stale", "042")
    assert bad.returncode == 2 and "unknown epochs: 042" in bad.stderr
    status = json.loads(project.cli("--json", "status").stdout)
    assert [(r["epoch"], r["status"]) for r in status["epochs"]] == [
        ("001", "stale"), ("002", "pending"), ("003", "failed"), ("004", "pending")]
    unknown = project.cli("prereq", "077")
    assert unknown.returncode == 2 and "epoch 077 is not in the IR" in unknown.stderr


def test_cli_gate_record_rechecks_recorded_facts(project) -> None:
    """`gate --record` (pipec run --resume after a gate-only change): the rules now in the IR are evaluated
    on the facts the epoch recorded, and the result is written as a run's end would write it."""
    project.script("001", 'with EpochContext.start("001") as ctx:\n    ctx.record_fact("data.rows", 12)\n')
    assert project.run("001").returncode == 0
    attempts = project.state()["epochs"]["001"]["attempts"]
    for e in project.ir["epochs"]:
        if e["id"] == "001":
            e["gate"][0]["value"] = 20  # stricter: data.rows >= 20, unreachable with 12 rows
    write_compiled(project.root, project.ir)
    failed = project.cli("gate", "001", "--record")
    assert failed.returncode == 1
    rec = project.state()["epochs"]["001"]
    assert rec["status"] == "failed" and rec["attempts"] == attempts and rec["facts"] == {"data.rows": 12}
    assert rec["error"]["type"] == "GateFailedError"
    assert rec["error"]["message"] == "epoch 001 gate failed: rule 001:1 data.rows >= 20 failed: observed 12"
    assert project.state()["epoch_001_complete"] is False
    assert project.context_json("error_log.json")["errors"][-1]["type"] == "GateFailedError"
    for e in project.ir["epochs"]:
        if e["id"] == "001":
            e["gate"][0]["value"] = 5
    write_compiled(project.root, project.ir)
    passed = project.cli("--json", "gate", "001", "--record")
    assert passed.returncode == 0 and json.loads(passed.stdout)["passed"] is True
    rec = project.state()["epochs"]["001"]
    assert rec["status"] == "completed" and rec["error"] is None and project.state()["epoch_001_complete"] is True
    # Without --record the gate is only evaluated: nothing is written.
    before = project.state()
    assert project.cli("gate", "001").returncode == 0 and project.state()["updated_at"] == before["updated_at"]


def test_compiled_documents_are_read_never_rebuilt(tmp_path: Path) -> None:
    from pipec_runtime import config

    write_compiled(tmp_path, IR)
    rules = config.load_gate_rules(tmp_path)
    assert config.ancestors(rules, "004") == ["001", "002", "003"] and config.ancestors(rules, "001") == []
    # Only the compiler writes gate rules: without the file the runtime says so instead of deriving them.
    (tmp_path / ".context" / "gate_rules.json").unlink()
    with pytest.raises(ValidationError, match=r"gate_rules.json: regenerate the project with `pipec compile`"):
        config.load_gate_rules(tmp_path)
    with pytest.raises(ValidationError, match=r"the IR has no limits chunkRows"):
        config.limits_of({**IR, "limits": {k: v for k, v in IR["limits"].items() if k != "chunkRows"}})
