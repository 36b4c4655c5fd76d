"""Gates, fact typing, prerequisite blocking, and concurrent state writers."""
from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest

from pipec_runtime.errors import ValidationError
from pipec_runtime.gates import coerce_fact, evaluate_gate
from pipec_runtime.jsonio import read_json, update_json
from pipec_runtime.state import StateStore

from rt_helpers import rule

PASSING_001 = 'with EpochContext.start("001") as ctx:\n    ctx.record_fact("data.rows", 20)\n'
PASSING_002 = 'with EpochContext.start("002") as ctx:\n    ctx.record_fact("quality.ok", True)\n'


def test_coerce_fact_by_unit() -> None:
    assert coerce_fact("n", 3.0, "count") == 3 and isinstance(coerce_fact("n", 3.0, "count"), int)
    assert coerce_fact("ok", True, "bool") is True
    assert coerce_fact("p", 97.5, "percent") == 97.5
    for name, value, unit in [("n", 2.5, "count"), ("n", -1, "count"), ("ok", 1, "bool"), ("p", 101, "percent"),
                              ("x", float("nan"), "number"), ("x", "7", "number"), ("x", True, "number")]:
        with pytest.raises(ValidationError):
            coerce_fact(name, value, unit)


def test_evaluate_gate_names_rule_expected_observed() -> None:
    rules = [rule("005:1", "metric.f1", ">=", 0.7, "number"), rule("005:2", "drift", "==", False, "bool"),
             rule("005:3", "missing.fact", "<", 3, "count")]
    gate = evaluate_gate(rules, {"metric.f1": 0.61, "drift": False})
    assert not gate["passed"]
    assert [(r["rule"], r["expected"], r["observed"], r["passed"]) for r in gate["results"]] == [
        ("005:1", 0.7, 0.61, False), ("005:2", False, False, True), ("005:3", 3, None, False)]


def test_gate_failure_fails_epoch_and_blocks_the_next(project) -> None:
    project.script("001", PASSING_001)
    project.script("002", PASSING_002)
    project.script("003", 'with EpochContext.start("003") as ctx:\n    ctx.record_fact("metric.score", 0.55)\n')
    project.script("004", 'with EpochContext.start("004") as ctx:\n    pass\n')
    assert project.run("001").returncode == 0
    assert project.run("002").returncode == 0
    res = project.run("003", PIPEC_APPROVE="002")
    assert res.returncode == 1
    assert "rule 003:1 metric.score >= 0.7 failed: observed 0.55 (score must reach 0.7)" in res.stderr
    st = project.state()
    assert st["epochs"]["003"]["status"] == "failed" and st["epoch_003_complete"] is False
    assert st["epochs"]["003"]["error"]["type"] == "GateFailedError"
    nxt = project.run("004")
    assert nxt.returncode == 1
    assert nxt.stderr.strip() == ("error[DependencyError]: epoch 004 cannot start: epoch 003 gate: rule 003:1 "
                                  "metric.score >= 0.7 failed: observed 0.55 (score must reach 0.7)")
    st = project.state()
    assert st["epochs"]["004"]["status"] == "blocked"
    assert st["blockers"][0]["epoch"] == "004"
    errors = project.context_json("error_log.json")["errors"]
    assert [e["type"] for e in errors] == ["GateFailedError", "DependencyError"]


def test_prerequisite_missing_names_upstream(project) -> None:
    project.script("002", PASSING_002)
    res = project.run("002")
    assert res.returncode == 1
    assert "epoch 001 is not completed (status: pending)" in res.stderr
    assert "Traceback" not in res.stderr


def test_completed_sets_seed_compat_flag_and_passing_gate(project) -> None:
    project.script("001", PASSING_001)
    assert project.run("001").returncode == 0
    st = project.state()
    assert st["epoch_001_complete"] is True and st["epochs"]["001"]["gate"]["passed"] is True
    assert st["epochs"]["001"]["facts"] == {"data.rows": 20} and st["epochs"]["001"]["attempts"] == 1


def test_exception_is_logged_with_taxonomy(project) -> None:
    project.script("001", 'with EpochContext.start("001") as ctx:\n    raise errors.DataQualityError("too many nulls")\n')
    res = project.run("001")
    assert res.returncode == 1 and "error[DataQualityError]: too many nulls" in res.stderr
    assert project.state()["epochs"]["001"]["error"]["type"] == "DataQualityError"
    assert "Traceback" in project.context_json("error_log.json")["errors"][0]["traceback"]


def _writer(args: tuple[str, int, int]) -> None:
    ctx_dir, wid, n = args
    store = StateStore(Path(ctx_dir), "tiny")
    for i in range(n):
        def change(s: dict, i: int = i) -> None:
            s["counter"] = s.get("counter", 0) + 1
            s["warnings"].append({"epoch": str(wid), "message": f"{wid}-{i}", "at": ""})
        store.update(change)


def _reader(args: tuple[str, int]) -> int:
    path, n = args
    ok = 0
    for _ in range(n):
        if read_json(Path(path), None) is not None:  # raises ValueError on a torn file
            ok += 1
    return ok


def test_concurrent_writers_never_corrupt_state(tmp_path: Path) -> None:
    ctx = tmp_path / ".context"
    writers, per = 4, 40
    with mp.get_context("spawn").Pool(writers + 1) as pool:
        reads = pool.map_async(_reader, [(str(ctx / "pipeline_state.json"), 300)])
        pool.map(_writer, [(str(ctx), w, per) for w in range(writers)])
        reads.get(timeout=120)
    state = json.loads((ctx / "pipeline_state.json").read_text())
    assert state["counter"] == writers * per
    assert sorted(w["message"] for w in state["warnings"]) == sorted(f"{w}-{i}" for w in range(writers) for i in range(per))
    assert not list(ctx.glob(".pipeline_state.json.*.tmp"))


def test_update_json_leaves_old_file_when_change_raises(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    update_json(path, lambda d: d.__setitem__("a", 1), dict)

    def boom(d: dict) -> None:
        d["a"] = 2
        raise RuntimeError("boom")
    with pytest.raises(RuntimeError):
        update_json(path, boom, dict)
    assert json.loads(path.read_text()) == {"a": 1}


def test_block_marks_epoch_blocked_with_a_blocker(project) -> None:
    project.script("001", 'with EpochContext.start("001") as ctx:\n    ctx.block("source file has no owner: ask data engineering")\n')
    res = project.run("001")
    assert res.returncode == 1 and "error[DependencyError]: source file has no owner" in res.stderr
    st = project.state()
    assert st["epochs"]["001"]["status"] == "blocked"
    assert [b["message"] for b in st["blockers"]] == ["source file has no owner: ask data engineering"]


HOOKS = '''
from pipec_runtime import EpochContext
seen = []
EpochContext.global_enter_hooks.append(lambda ctx: seen.append(("enter", ctx.epoch_id)))
def on_exit(ctx, ok):
    seen.append(("exit", ok))
    print("hooks:", seen)
    if os.environ.get("HOOK_FAILS") == "1":
        raise RuntimeError("could not write /workflow/outputs/model")
EpochContext.global_exit_hooks.append(on_exit)
with EpochContext.start("001") as ctx:
    ctx.record_fact("data.rows", 20)
'''


def test_enter_and_exit_hooks_run_and_a_failing_exit_hook_fails_the_epoch(project) -> None:
    project.script("001", HOOKS)
    ok = project.run("001")
    assert ok.returncode == 0 and "hooks: [('enter', '001'), ('exit', True)]" in ok.stdout
    bad = project.run("001", HOOK_FAILS="1")
    assert bad.returncode == 1 and "RuntimeError: could not write /workflow/outputs/model" in bad.stderr
    st = project.state()["epochs"]["001"]
    assert st["status"] == "failed" and st["error"]["type"] == "RuntimeError"


def test_a_failing_enter_hook_fails_the_epoch(project) -> None:
    project.script("001", '''
def bad(ctx):
    raise errors.ValidationError("input /workflow/inputs/data missing")
EpochContext.global_enter_hooks.append(bad)
with EpochContext.start("001") as ctx:
    ctx.record_fact("data.rows", 20)
''')
    res = project.run("001")
    assert res.returncode == 1 and "error[ValidationError]: input /workflow/inputs/data missing" in res.stderr
    assert project.state()["epochs"]["001"]["status"] == "failed"


def test_values_are_rendered_in_their_facts_unit() -> None:
    from pipec_runtime.gates import describe_failure, render_value

    assert render_value(602546, "size") == "588.42 KB" and render_value(50 * 1024 ** 2, "size") == "50.00 MB"
    assert render_value(0.0599, "duration") == "59.9 ms" and render_value(95.5, "duration") == "95.50 s"
    assert render_value(300, "duration") == "5.0 min" and render_value(2.5, "percent") == "2.5%"
    assert render_value(True, "bool") == "true" and render_value(None, "number") == "not recorded"
    result = {"rule": "007:4", "fact": "api.latency_p95", "op": "<", "expected": 0.1, "observed": 0.1078,
              "unit": "duration", "message": ""}
    assert describe_failure(result) == "rule 007:4 api.latency_p95 < 100.0 ms failed: observed 107.8 ms"


def test_a_fresh_attempt_drops_the_warnings_of_the_one_it_replaces_a_resumed_one_keeps_them(project) -> None:
    project.script("001", 'with EpochContext.start("001") as ctx:\n    ctx.warn("torch is not installed")\n'
                          '    ctx.record_facts({"data.rows": 100})\n')
    store = StateStore(project.root / ".context")
    assert project.run("001").returncode == 0
    store.add_warning("002", "column x has 40% missing")
    assert project.run("001").returncode == 0
    assert sorted((w["epoch"], w["message"]) for w in project.state()["warnings"]) == [
        ("001", "torch is not installed"), ("002", "column x has 40% missing")]
    store.mark_running("002", reset_facts=False)
    assert [w["epoch"] for w in project.state()["warnings"]] == ["002", "001"]
