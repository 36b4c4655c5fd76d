"""Checkpoints: kill -9 at a random point, rerun, same result with at most 10% of the work redone."""
from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

from pipec_runtime.checkpoints import Checkpointer

CHUNK_LOOP = '''
with EpochContext.start("001") as ctx:
    out = ctx.paths.data_dir()
    pause = float(os.environ.get("PAUSE", "0"))
    for start, stop in ctx.chunks(400, chunk_rows=4):
        (out / f"part-{start:05d}.json").write_text(json.dumps([i * i % 97 for i in range(start, stop)]))
        with open(out / "work.log", "a") as log:
            log.write(f"{start}\\n")
        time.sleep(pause)
    rows = sum(len(json.loads(p.read_text())) for p in out.glob("part-*.json"))
    ctx.record_fact("data.rows", rows)
'''


def _result(project) -> list[int]:
    out = project.root / "data" / "tiny" / "epoch001-generate"
    return [v for p in sorted(out.glob("part-*.json")) for v in json.loads(p.read_text())]


def _lines(project) -> int:
    log = project.root / "data" / "tiny" / "epoch001-generate" / "work.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def test_kill9_then_resume_equals_uninterrupted_run(make_project) -> None:
    reference = make_project(name="ref")
    reference.script("001", CHUNK_LOOP)
    assert reference.run("001").returncode == 0
    seed = random.randrange(1 << 30)
    target = random.Random(seed).randint(5, 95)  # chunks done before the kill
    project = make_project(name="killed")
    project.script("001", CHUNK_LOOP)
    proc = project.popen("001", PAUSE="0.01")
    deadline = time.monotonic() + 60
    while _lines(project) < target and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL, f"seed {seed}: process ended before the kill"
    had_checkpoint = (project.root / ".context" / "checkpoints" / "epoch001_checkpoint.json").exists()
    assert had_checkpoint == (_lines(project) > 10) or _lines(project) == 10
    state = project.state()
    assert state["epochs"]["001"]["status"] == "running"  # killed: nobody could write failed
    rerun = project.run("001")
    assert rerun.returncode == 0, rerun.stderr
    # Before the first 10% nothing was checkpointed yet: the rerun starts over (still <= 10% redone).
    assert ("resuming from checkpoint" in rerun.stdout) == had_checkpoint
    assert _result(project) == _result(reference)
    redone = _lines(project) - 100
    assert 0 <= redone <= 10, f"seed {seed}: killed after {target} chunks, redid {redone} of 100"
    st = project.state()["epochs"]["001"]
    assert st["status"] == "completed" and st["facts"]["data.rows"] == 400 and st["attempts"] == 2
    assert not (project.root / ".context" / "checkpoints" / "epoch001_checkpoint.json").exists()


STEPS = '''
with EpochContext.start("001") as ctx:
    for step in ctx.steps(["load", "fit", "score"]):
        with open(ctx.paths.artifacts_dir() / "steps.log", "a") as log:
            log.write(step + "\\n")
        if step == "load":
            ctx.record_fact("data.rows", 50)
        if step == "fit" and os.environ.get("CRASH") == "1":
            os._exit(137)  # a hard crash: no cleanup, no state write
'''


def test_steps_skip_work_done_before_a_crash(project) -> None:
    project.script("001", STEPS)
    assert project.run("001", CRASH="1").returncode == 137
    res = project.run("001")
    assert res.returncode == 0, res.stderr
    assert "step load: done before, skipped" in res.stdout
    log = (project.root / "artifacts" / "epoch001-generate" / "steps.log").read_text().split()
    assert log == ["load", "fit", "fit", "score"]
    assert project.state()["epochs"]["001"]["facts"] == {"data.rows": 50}  # kept from the skipped step


def test_resume_disabled_starts_fresh(project) -> None:
    project.script("001", STEPS)
    assert project.run("001", CRASH="1").returncode == 137
    assert project.run("001", PIPEC_RESUME="0").returncode == 0
    log = (project.root / "artifacts" / "epoch001-generate" / "steps.log").read_text().split()
    assert log == ["load", "fit", "load", "fit", "score"]


def test_checkpoint_due_every_percent_or_seconds(tmp_path: Path) -> None:
    cp = Checkpointer(tmp_path, "005", every_percent=10, every_seconds=3600)
    assert not cp.due(9.9) and cp.due(10)
    cp.save(progress_percent=10, current_step="a", next_step="b", artifacts={"x": "p"})
    assert not cp.due(19) and cp.due(20.0)
    rec = cp.latest()
    assert rec is not None
    assert (rec["epoch"], rec["progress_percent"], rec["current_step"], rec["next_step"], rec["artifacts"], rec["seq"]) == (
        "005", 10, "a", "b", {"x": "p"}, 1)
    fast = Checkpointer(tmp_path, "006", every_percent=50, every_seconds=0.05)
    assert not fast.due(1)
    time.sleep(0.06)
    assert fast.due(1)


def test_epoch_stops_when_the_supervising_runner_is_gone(project) -> None:
    project.script("001", CHUNK_LOOP)
    res = project.run("001", PIPEC_PARENT_PID="1")  # not our parent: as if `pipec run` had been killed
    assert res.returncode == 1
    assert "the pipec run that started this epoch is gone" in res.stderr
    assert _lines(project) == 0 and project.state()["epochs"]["001"]["status"] == "failed"
