"""Limits: a process allocating past a small memory limit is stopped with ResourceLimitError recorded;
tables are sampled down to the file-size limit (and lineage says so); chunk progress lines."""
from __future__ import annotations

import json

import pandas as pd

from pipec_runtime.limits import MemoryGuard, rss_bytes, write_parquet_limited

HOG = '''
with EpochContext.start("001") as ctx:
    hog = []
    for start, stop in ctx.chunks(10_000, chunk_rows=100):
        hog.append(bytearray(20 * 1024 * 1024))  # 20 MB per chunk, really touched
    ctx.record_fact("data.rows", 1)
'''


def test_memory_limit_stops_process_with_resource_limit_error(project) -> None:
    project.script("001", HOG)
    limit = rss_bytes() + 200 * 1024 * 1024  # this interpreter's footprint + 200 MB
    res = project.run("001", PIPEC_MAX_MEMORY_BYTES=str(limit))
    assert res.returncode == 1
    assert "error[ResourceLimitError]: memory" in res.stderr and "exceeds the limit" in res.stderr
    st = project.state()["epochs"]["001"]
    assert st["status"] == "failed" and st["error"]["type"] == "ResourceLimitError"
    entry = project.context_json("error_log.json")["errors"][-1]
    assert entry["type"] == "ResourceLimitError" and entry["details"]["limit_bytes"] == limit
    # It stopped near the limit, not at the end of the loop (which would be ~2 GB).
    assert entry["details"]["rss_bytes"] < limit + 60 * 1024 * 1024


def test_chunks_print_progress_lines(project) -> None:
    project.script("001", '''
with EpochContext.start("001") as ctx:
    for start, stop in ctx.chunks(25):
        pass
    ctx.record_fact("data.rows", 25)
''')
    res = project.run("001")
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("Generated")]
    assert [ln.split(" (")[0] for ln in lines] == ["Generated 10/25 rows", "Generated 20/25 rows", "Generated 25/25 rows"]
    assert all(ln.endswith(" GB)") and "(Memory: " in ln for ln in lines)


def test_memory_guard_tracks_peak() -> None:
    guard = MemoryGuard(1e15)
    rss = guard.check()
    assert rss > 10 * 1024 * 1024 and guard.peak >= rss


def test_write_parquet_samples_down_to_limit(tmp_path) -> None:
    df = pd.DataFrame({"a": range(20_000), "b": [f"row-{i}-{i * 31 % 1000}" for i in range(20_000)]})
    info = write_parquet_limited(df, tmp_path / "t.parquet", 60_000, seed=3)
    size = (tmp_path / "t.parquet").stat().st_size
    assert info["sampled"] and size == info["bytes"] <= 60_000 and 0 < info["rows_out"] < 20_000
    back = pd.read_parquet(tmp_path / "t.parquet")
    assert len(back) == info["rows_out"] and back["a"].is_monotonic_increasing
    again = write_parquet_limited(df, tmp_path / "u.parquet", 60_000, seed=3)
    assert again["rows_out"] == info["rows_out"]  # seeded: deterministic sample
    small = write_parquet_limited(df.head(10), tmp_path / "v.parquet", 60_000)
    assert not small["sampled"] and small["rows_out"] == 10


def test_ctx_write_parquet_records_sampling_in_lineage(project) -> None:
    project.script("001", '''
import pandas as pd
with EpochContext.start("001") as ctx:
    df = pd.DataFrame({"a": range(20_000), "b": [f"v{i * 7 % 5000}" for i in range(20_000)]})
    info = ctx.write_parquet(df, ctx.paths.data_dir() / "big.parquet")
    ctx.record_fact("data.rows", info["rows_out"])
''')
    res = project.run("001", PIPEC_MAX_FILE_SIZE_BYTES="50000")
    assert res.returncode == 0, res.stderr
    assert "big.parquet sampled from 20000 to" in res.stderr
    t = project.context_json("data_lineage.json")["transformations"]
    assert len(t) == 1 and t[0]["name"] == "sample_to_size_limit:big.parquet" and t[0]["rows_before"] == 20000
    assert t[0]["rows_after"] == project.state()["epochs"]["001"]["facts"]["data.rows"] < 20000
    assert (project.root / "data" / "tiny" / "epoch001-generate" / "big.parquet").stat().st_size <= 50_000
    assert json.loads((project.root / ".context" / "pipeline_state.json").read_text())["warnings"]


CHILD_HOG = '''
import subprocess
# A child process that really touches 300 MB, then waits; the epoch itself stays small.
child = subprocess.Popen([sys.executable, "-c", "import sys, time; b = bytearray(300 * 1024 * 1024); "
                          "b[::4096] = b'x' * len(b[::4096]); print('ready', flush=True); time.sleep(60)"],
                         stdout=subprocess.PIPE, text=True)
assert child.stdout.readline().strip() == "ready"
try:
    with EpochContext.start("001") as ctx:
        for start, stop in ctx.chunks(100, chunk_rows=10):
            pass
        ctx.record_fact("data.rows", 1)
finally:
    child.kill()
'''


def test_memory_guard_counts_child_processes(project) -> None:
    project.script("001", CHILD_HOG)
    limit = 200 * 1024 * 1024  # the epoch process alone fits (asserted below); with its 300 MB child it does not
    res = project.run("001", PIPEC_MAX_MEMORY_BYTES=str(limit))
    assert res.returncode == 1, res.stderr
    line = next(ln for ln in res.stderr.splitlines() if ln.startswith("error[ResourceLimitError]"))
    # The limit, the measured figure and what counted.
    assert f"exceeds the limit of {limit / 1024 ** 3:.2f} GB during rows 0-10" in line
    assert "(counted: process tree: this process " in line and " + 1 child process " in line
    entry = project.context_json("error_log.json")["errors"][-1]
    details = entry["details"]
    assert details["limit_bytes"] == limit and details["child_processes"] == 1 and details["own_bytes"] < limit
    assert details["children_bytes"] > 290 * 1024 * 1024
    assert details["rss_bytes"] == details["own_bytes"] + details["children_bytes"] > limit
    assert line.startswith(f"error[ResourceLimitError]: memory {details['rss_bytes'] / 1024 ** 3:.2f} GB exceeds")


def test_process_tree_memory_matches_psutil() -> None:
    import subprocess
    import sys

    import psutil

    from pipec_runtime.memory import process_tree_memory

    child = subprocess.Popen([sys.executable, "-c", "import time; b = bytearray(64 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); "
                              "print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        reading = process_tree_memory()
        kids = psutil.Process().children(recursive=True)
        assert reading.child_count == len(kids) >= 1
        expected = sum(k.memory_info().rss for k in kids)
        assert abs(reading.children - expected) < 8 * 1024 * 1024 and reading.children > 60 * 1024 * 1024
    finally:
        child.kill()
        child.wait()


def test_remote_dask_worker_over_its_own_limit_is_named() -> None:
    guard = MemoryGuard(1e15)
    guard.remote = lambda: {"tcp://10.0.0.7:4000": (3 * 1024 ** 3, 2 * 1024 ** 3), "tcp://10.0.0.8:4000": (1, 2 * 1024 ** 3)}
    import pytest

    from pipec_runtime.errors import ResourceLimitError

    with pytest.raises(ResourceLimitError, match=r"dask worker tcp://10\.0\.0\.7:4000 holds 3\.00 GB, over its limit of 2\.00 GB "
                       r"during fit \(counted: the scheduler's memory figure of each of 2 remote workers\)"):
        guard.check("fit")
