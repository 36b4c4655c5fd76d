"""`python -m pipec_runtime.doctor [--root DIR] [--json]`: is the Domino plugin installed here the one the
generated flow was written for? Run it in a Domino workspace (PYTHONPATH=src, cwd = project root).

flytekitplugins.domino is not on PyPI and its source is not public, so pipec cannot test against it. The
flow records what it calls (flows/flow_io.json, `pluginApi`: each callable and the keywords it passes);
this command imports each plugin module on its own, prints the real signatures and names every
mismatch: a module or callable that is missing, a keyword the callable does not take, or a parameter it
requires that the flow does not pass.

Exit codes: 0 everything matches, 1 mismatches, 2 plugin missing or no flow plan (recompile with pipec).
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

#: What the generated flow targets (docs/flows.md says the same).
TARGET = ("flytekitplugins-domino as shipped in the Domino Standard Environment of Domino 5.11 to 6.x "
          "(Domino docs: Define Flows, Define Flow Artifacts), with flytekit 1.16")
PLAN_PATH = "flows/flow_io.json"


def _version(*dists: str) -> str | None:
    for dist in dists:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return None


def _resolve(path: str) -> tuple[Any, str | None]:
    """Import `flytekitplugins.domino.<module>.<Attr>[.<member>]`; (object, problem)."""
    parts = path.split(".")
    module_name = ".".join(parts[:3])
    try:
        obj: Any = importlib.import_module(module_name)
    except ImportError as exc:
        return None, f"cannot import {module_name} ({exc})"
    for k, attr in enumerate(parts[3:], start=3):
        if not hasattr(obj, attr):
            return None, f"{'.'.join(parts[:k])} has no attribute {attr!r}"
        obj = getattr(obj, attr)
    return obj, None


def _signature(obj: Any) -> inspect.Signature:
    """The call signature without `self`; a class by its __init__ (flytekit's task metaclass hides it)."""
    sig = inspect.signature(obj.__init__ if inspect.isclass(obj) else obj)
    return sig.replace(parameters=[p for p in sig.parameters.values() if p.name != "self"], return_annotation=sig.empty)


def check_callable(path: str, used: list[str]) -> dict[str, Any]:
    """The signature of one plugin callable and its mismatches with the keywords the flow passes."""
    obj, problem = _resolve(path)
    if problem:
        return {"callable": path, "signature": None, "problems": [problem]}
    try:
        sig = _signature(obj)
        params = list(sig.parameters.values())
        signature = f"{path}{sig}"
    except (TypeError, ValueError) as exc:
        return {"callable": path, "signature": None, "problems": [f"no inspectable signature ({exc})"]}
    names = {p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    var_kw = any(p.kind is p.VAR_KEYWORD for p in params)
    problems = []
    unknown = [k for k in used if k not in names]
    if unknown and not var_kw:
        problems.append(f"does not accept the keyword(s) the flow passes: {', '.join(unknown)}")
    required = [p.name for p in params if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
                and p.name not in used]
    if required:
        problems.append(f"requires parameter(s) the flow does not pass: {', '.join(required)}")
    notes = [f"takes **kwargs: {', '.join(unknown)} are forwarded unchecked"] if unknown and var_kw else []
    return {"callable": path, "signature": signature, "problems": problems, "notes": notes}


def diagnose(project_root: Path) -> dict[str, Any]:
    """The whole report (see the module doc)."""
    plan_file = project_root / PLAN_PATH
    report: dict[str, Any] = {
        "target": TARGET,
        "plugin_version": _version("flytekitplugins-domino", "flytekitplugins_domino"),
        "flytekit_version": _version("flytekit"),
        "domino_workspace": bool(os.environ.get("DOMINO_RUN_ID") or os.environ.get("DOMINO_PROJECT_NAME")),
        "callables": [],
        "status": "ok",
    }
    if not plan_file.is_file():
        report.update(status="no_plan", problem=f"{plan_file} is missing: recompile the project with pipec")
        return report
    api = json.loads(plan_file.read_text(encoding="utf-8")).get("pluginApi") or {}
    try:
        importlib.import_module("flytekitplugins.domino")
    except ImportError as exc:
        report.update(status="not_installed", problem=f"flytekitplugins.domino is not installed ({exc}); it ships in "
                      "the Domino Standard Environment: run this in a Domino workspace")
        return report
    report["callables"] = [check_callable(path, used) for path, used in sorted(api.items())]
    if any(c["problems"] for c in report["callables"]):
        report["status"] = "mismatch"
    return report


def _print(report: dict[str, Any]) -> None:
    print(f"pipec doctor: Domino Flows plugin check (targets {report['target']})")
    print(f"  flytekitplugins-domino: {report['plugin_version'] or 'version unknown'}; "
          f"flytekit: {report['flytekit_version'] or 'not installed'}; "
          f"Domino workspace: {'yes' if report['domino_workspace'] else 'no'}")
    if "problem" in report:
        print(f"  {report['problem']}")
        return
    for c in report["callables"]:
        mark = "MISMATCH" if c["problems"] else "ok"
        print(f"  [{mark}] {c['signature'] or c['callable']}")
        for p in c["problems"]:
            print(f"      {c['callable']}: {p}")
        for n in c.get("notes", []):
            print(f"      note: {n}")
    print("  everything the flow uses matches" if report["status"] == "ok" else
          "  the generated flow would fail with this plugin: report the mismatch above with your Domino version")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m pipec_runtime.doctor", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", help="project root (default: PIPEC_PROJECT_ROOT or cwd)")
    p.add_argument("--json", action="store_true", help="print JSON")
    args = p.parse_args(argv)
    root = Path(args.root or os.environ.get("PIPEC_PROJECT_ROOT") or Path.cwd()).resolve()
    report = diagnose(root)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return {"ok": 0, "mismatch": 1}.get(report["status"], 2)


if __name__ == "__main__":
    sys.exit(main())
