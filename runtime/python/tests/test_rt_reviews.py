"""Reviews: fail closed without a TTY (never hang), approvals by env/file/flag/prompt, decisions logged."""
from __future__ import annotations

import json

import pytest

from pipec_runtime.errors import DependencyError
from pipec_runtime.reviews import obtain_review
from pipec_runtime.state import StateStore

UP = {"001": 'with EpochContext.start("001") as ctx:\n    ctx.record_fact("data.rows", 20)\n',
      "002": 'with EpochContext.start("002") as ctx:\n    ctx.record_fact("quality.ok", True)\n',
      "003": 'with EpochContext.start("003") as ctx:\n    ctx.record_fact("metric.score", 0.9)\n'}


def _ready(project) -> None:
    for eid, body in UP.items():
        project.script(eid, body)
    assert project.run("001").returncode == 0
    assert project.run("002").returncode == 0


def test_no_tty_and_no_approval_fails_closed_without_hanging(project) -> None:
    _ready(project)
    res = project.run("003", timeout=30)  # stdin is /dev/null: no terminal
    assert res.returncode == 1
    assert 'epoch 002 needs review approval ("Data quality")' in res.stderr
    st = project.state()
    assert st["epochs"]["003"]["status"] == "blocked" and st["epochs"]["002"]["review"] is None
    log = project.context_json("approval_log.json")["decisions"]
    assert [(d["epoch"], d["decision"], d["via"]) for d in log] == [("002", "missing", "none")]
    cli = project.cli("review", "002")
    assert cli.returncode == 1 and "PIPEC_APPROVE=002" in cli.stderr and "--approve 002" in cli.stderr


def test_approval_by_env_is_recorded_and_unblocks(project) -> None:
    _ready(project)
    res = project.run("003", PIPEC_APPROVE="002,006", PIPEC_REVIEWER="alice")
    assert res.returncode == 0, res.stderr
    review = project.state()["epochs"]["002"]["review"]
    assert (review["status"], review["by"], review["via"]) == ("approved", "alice", "env")
    assert project.context_json("approval_log.json")["decisions"][-1]["by"] == "alice"


def test_approval_by_file(project) -> None:
    _ready(project)
    (project.root / ".context" / "approvals.json").write_text(json.dumps({"approvals": {"002": {"by": "bob"}}}))
    assert project.run("003").returncode == 0
    assert project.state()["epochs"]["002"]["review"]["via"] == "file"


def test_approval_by_cli_flag(project) -> None:
    _ready(project)
    cli = project.cli("--json", "review", "002", "--approve", "--by", "carol")
    assert cli.returncode == 0 and json.loads(cli.stdout)["review"]["by"] == "carol"
    assert project.cli("prereq", "003").returncode == 0


def test_prompt_on_terminal_approves_or_rejects(tmp_path) -> None:
    store = StateStore(tmp_path, "tiny")
    questions: list[str] = []
    rec = obtain_review(store, tmp_path, "003", "Data quality", interactive=True,
                        ask=lambda q: questions.append(q) or "y", by="dana")
    assert rec["status"] == "approved" and rec["via"] == "tty" and "Approve? [y/N]" in questions[0]
    with pytest.raises(DependencyError, match="rejected by erin"):
        obtain_review(store, tmp_path, "006", "Model validation", interactive=True, ask=lambda q: "n", by="erin")
    assert store.read()["epochs"]["006"]["review"]["status"] == "rejected"
