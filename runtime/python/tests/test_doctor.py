"""pipec_runtime.doctor against the strict stand-in plugin (test/flows/domino_standin), an older plugin shape
and no plugin: it prints the installed signatures and names each mismatch with what the flow uses."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

RUNTIME_DIR = Path(__file__).resolve().parents[1]
STANDIN = RUNTIME_DIR.parents[1] / "test" / "flows" / "domino_standin"

API = {
    "flytekitplugins.domino.artifact.Artifact": ["name", "type"],
    "flytekitplugins.domino.artifact.Artifact.File": ["name"],
    "flytekitplugins.domino.helpers.run_domino_job_task": ["cache", "cache_version", "command", "environment_name",
                                                           "flyte_task_name", "hardware_tier_name", "inputs",
                                                           "output_specs", "use_project_defaults_for_omitted"],
    "flytekitplugins.domino.task.DominoJobConfig": ["Command", "EnvironmentId", "HardwareTierId", "Title"],
    "flytekitplugins.domino.task.DominoJobTask": ["cache", "cache_version", "domino_job_config", "inputs", "name",
                                                  "outputs", "retries", "use_latest"],
}


def doctor(project: Path, plugin_path: Path | None) -> tuple[int, dict, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOMINO_", "PIPEC_"))}
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (RUNTIME_DIR, plugin_path) if p)
    js = subprocess.run([sys.executable, "-m", "pipec_runtime.doctor", "--json"], cwd=project, env=env,
                        capture_output=True, text=True, timeout=120)
    text = subprocess.run([sys.executable, "-m", "pipec_runtime.doctor"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)
    return js.returncode, json.loads(js.stdout), text.stdout


def project(tmp_path: Path) -> Path:
    (tmp_path / "flows").mkdir(parents=True)
    (tmp_path / "flows" / "flow_io.json").write_text(json.dumps({"version": 2, "pluginApi": API, "epochs": {}}))
    return tmp_path


def test_the_stand_in_matches_and_signatures_are_printed(tmp_path: Path) -> None:
    code, report, text = doctor(project(tmp_path / "p"), STANDIN)
    assert code == 0 and report["status"] == "ok"
    assert all(not c["problems"] for c in report["callables"])
    assert "[ok] flytekitplugins.domino.helpers.run_domino_job_task(flyte_task_name: str, command: str, *, " in text
    assert "everything the flow uses matches" in text


def test_an_older_plugin_is_named_precisely(tmp_path: Path) -> None:
    """python-domino's 2024 plugin shape: DominoJobConfig requires ApiKey, DominoJobTask forwards **kwargs,
    and there is no helpers module."""
    plugin = tmp_path / "old"
    shutil.copytree(STANDIN, plugin)
    (plugin / "flytekitplugins" / "domino" / "helpers.py").unlink()
    task = plugin / "flytekitplugins" / "domino" / "task.py"
    src = task.read_text()
    src = src.replace("class DominoJobConfig(object):\n    Command: str", "class DominoJobConfig(object):\n    ApiKey: str\n    Command: str")
    src = src.replace("        log_level: int = 20,\n        *,", "        log_level: int = 20,\n        **kwargs: Any,\n    ) -> None:\n        pass\n\n    def _unused(\n        self,\n        *,")
    task.write_text(src)
    code, report, text = doctor(project(tmp_path / "p"), plugin)
    assert code == 1 and report["status"] == "mismatch"
    by = {c["callable"]: c for c in report["callables"]}
    assert by["flytekitplugins.domino.task.DominoJobConfig"]["problems"] == [
        "requires parameter(s) the flow does not pass: ApiKey"]
    assert by["flytekitplugins.domino.helpers.run_domino_job_task"]["problems"][0].startswith(
        "cannot import flytekitplugins.domino.helpers")
    assert by["flytekitplugins.domino.task.DominoJobTask"]["problems"] == []
    assert by["flytekitplugins.domino.task.DominoJobTask"]["notes"] == [
        "takes **kwargs: cache, cache_version, retries are forwarded unchecked"]
    assert "[MISMATCH] flytekitplugins.domino.task.DominoJobConfig(ApiKey: str, Command: str" in text


def test_without_the_plugin_or_the_plan(tmp_path: Path) -> None:
    code, report, _ = doctor(project(tmp_path / "p"), None)
    assert code == 2 and report["status"] == "not_installed"
    assert "flytekitplugins.domino is not installed" in report["problem"]
    (tmp_path / "empty").mkdir()
    code, report, _ = doctor(tmp_path / "empty", STANDIN)
    assert code == 2 and report["status"] == "no_plan" and "recompile the project with pipec" in report["problem"]
