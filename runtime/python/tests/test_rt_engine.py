"""Every epoch records the engine it ran on (`pandas` on one machine, the IR's compute engine otherwise):
in the state (`epochs.NNN.engine`), in the tracked params (MLflow) and in the runtime's `status` rows."""
from __future__ import annotations

import json

from rt_helpers import DEFAULT_EPOCHS, Project, make_ir

TRACKED = 'with EpochContext.start("001") as ctx:\n    ctx.track.log_metrics({"x": 1.0})\n    ctx.record_fact("data.rows", 20)\n'


def _params(project: Project) -> dict:
    found = sorted(project.root.rglob("params.json"))
    assert len(found) == 1, found
    return json.loads(found[0].read_text())


def test_single_machine_epoch_records_pandas(project) -> None:
    project.script("001", TRACKED)
    res = project.run("001")
    assert res.returncode == 0, res.stderr
    assert project.state()["epochs"]["001"]["engine"] == {"engine": "pandas"}
    assert _params(project)["engine"] == "pandas"
    status = project.cli("--json", "status")
    rows = json.loads(status.stdout)["epochs"]
    assert [(r["epoch"], r["engine"]) for r in rows][:2] == [("001", "pandas"), ("002", None)]


def test_failed_epoch_still_says_which_engine_ran(project) -> None:
    project.script("001", 'with EpochContext.start("001") as ctx:\n    raise RuntimeError("boom")\n')
    assert project.run("001").returncode == 1
    rec = project.state()["epochs"]["001"]
    assert rec["status"] == "failed" and rec["engine"] == {"engine": "pandas"}


def test_cluster_epoch_records_its_compute_engine(tmp_path) -> None:
    epochs = [dict(e) for e in DEFAULT_EPOCHS]
    epochs[0]["compute"] = {"engine": "dask", "workers": 2, "workerTier": "small", "workerMemoryBytes": 1 << 30}
    project = Project(tmp_path / "p", make_ir(epochs))
    project.script("001", TRACKED)
    assert project.run("001").returncode == 0
    assert project.state()["epochs"]["001"]["engine"] == {"engine": "dask"}
    assert _params(project)["engine"] == "dask"
