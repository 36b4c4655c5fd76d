"""Console vs the epoch's log file under `pipec run` (PIPEC_PARENT_PID set): library output is logged,
the epoch's own lines stay on the console; PIPEC_VERBOSE=1 shows both. Peak memory is recorded."""
from __future__ import annotations

import os

NOISY = '''
import logging, warnings
early = logging.getLogger("somelib")           # configured before the context, like an imported library
early.addHandler(logging.StreamHandler())
with EpochContext.start("001") as ctx:
    warnings.warn("library deprecation noise")
    early.warning("library logger noise")
    print("mlflow-style eprint noise", file=sys.stderr)
    ctx.warn("the epoch's own warning")
    print("the epoch's own progress line")
    ctx.record_fact("data.rows", 10)
'''


def test_library_output_goes_to_the_log_file_not_the_console(project) -> None:
    project.script("001", NOISY)
    res = project.run("001", PIPEC_PARENT_PID=str(os.getpid()))
    assert res.returncode == 0, res.stderr
    assert "warning: the epoch's own warning" in res.stderr
    assert "the epoch's own progress line" in res.stdout
    for noise in ("library deprecation noise", "library logger noise", "mlflow-style eprint noise"):
        assert noise not in res.stderr + res.stdout
    log = (project.root / ".context" / "logs" / "epoch001.log").read_text()
    for noise in ("library deprecation noise", "library logger noise", "mlflow-style eprint noise"):
        assert noise in log
    assert "the epoch's own warning" not in log
    assert "lines of library output in .context/logs/epoch001.log" in res.stdout


def test_verbose_echoes_library_output(project) -> None:
    project.script("001", NOISY)
    res = project.run("001", PIPEC_PARENT_PID=str(os.getpid()), PIPEC_VERBOSE="1")
    assert res.returncode == 0, res.stderr
    assert "library deprecation noise" in res.stderr and "library logger noise" in res.stderr
    assert "of library output" not in res.stdout


def test_outside_pipec_run_nothing_is_redirected(project) -> None:
    project.script("001", NOISY)
    res = project.run("001")
    assert res.returncode == 0, res.stderr
    assert "library deprecation noise" in res.stderr
    assert not (project.root / ".context" / "logs").exists()


def test_a_crash_traceback_stays_on_the_console(project) -> None:
    project.script("001", '''
with EpochContext.start("001") as ctx:
    raise KeyError("no such column")
''')
    res = project.run("001", PIPEC_PARENT_PID=str(os.getpid()))
    assert res.returncode == 1
    assert "KeyError" in res.stderr


def test_peak_memory_is_recorded_in_state(project) -> None:
    project.script("001", NOISY)
    assert project.run("001").returncode == 0
    peak = project.state()["epochs"]["001"]["peak_memory_bytes"]
    assert 10 * 1024 ** 2 < peak < 8 * 1024 ** 3
