"""Imports a generated flow module and prints what real flytekit compiled, as JSON (used by flow tests).

usage: python inspect_flow.py <flow.py> absent|standin|local
  absent:  the Domino plugin is not importable; reports the guard and the placeholder's error.
  standin: test/flows/domino_standin (the strict stand-in) on sys.path; reports every workflow node (task,
           config as written, the run_domino_job_task call of helper nodes, cache, I/O, edges).
  local:  the local twin; reports the same node facts for its plain flytekit tasks.
"""
import importlib
import json
import os
import sys
import typing
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(path: str):
    """Import the module by name from its folder, as pyflyte does (flytekit needs a real module)."""
    p = Path(path).resolve()
    sys.path.insert(0, str(p.parent))
    return importlib.import_module(p.stem)


def type_name(t) -> str:
    if typing.get_origin(t) is typing.Annotated:
        base, *meta = typing.get_args(t)
        return f"{type_name(base)}@{json.dumps(meta[0], sort_keys=True)}"
    return getattr(t, "__name__", str(t))


def _seconds(t):
    if t is None:
        return None
    return t.total_seconds() if hasattr(t, "total_seconds") else float(t)


def describe(module) -> dict:
    wf = getattr(module, module.WORKFLOW)
    by_node = {}
    for node in wf.nodes:
        by_node[node.id] = node.flyte_entity.name
    nodes = []
    for node in wf.nodes:
        task = node.flyte_entity
        iface = task.python_interface
        bindings = {}
        for b in node.bindings:
            promise = b.binding.promise
            bindings[b.var] = (
                {"node": by_node[promise.node_id], "output": promise.var}
                if promise.node_id in by_node else {"workflow": promise.var}
            )
        cfg = getattr(task, "declared_config", None)
        nodes.append({
            "task": task.name,
            "upstream": sorted(by_node[u.id] for u in node.upstream_nodes),
            "inputs": {k: type_name(v) for k, v in iface.inputs.items()},
            "outputs": {k: type_name(v) for k, v in iface.outputs.items()},
            "bindings": bindings,
            "cache": task.metadata.cache,
            "cache_version": task.metadata.cache_version,
            # Node metadata: the task's retries/timeout, or the overrides a helper node sets with with_overrides.
            "retries": node.metadata.retries.retries,
            "timeout": _seconds(node.metadata.timeout),
            "use_latest": getattr(task, "use_latest", None),
            "helper_call": getattr(task, "helper_call", None),
            "config": None if cfg is None else {
                k: (v if not hasattr(v, "__dict__") else dict(v.__dict__)) for k, v in vars(cfg).items()
            },
        })
    return {
        "workflow": module.WORKFLOW,
        "inputs": {k: type_name(v) for k, v in wf.python_interface.inputs.items()},
        "outputs": {k: type_name(v) for k, v in wf.python_interface.outputs.items()},
        "nodes": nodes,
        "NODES": module.NODES,
        "plugin_error": module.DOMINO_PLUGIN_ERROR if hasattr(module, "DOMINO_PLUGIN_ERROR") else None,
    }


def main() -> None:
    path, mode = sys.argv[1], sys.argv[2]
    if mode == "standin":
        # PIPEC_STANDIN_PATH: another copy of the stand-in (tests remove a module from it).
        sys.path.insert(0, os.environ.get("PIPEC_STANDIN_PATH") or str(HERE / "domino_standin"))
    try:
        module = load(path)
    except Exception as exc:  # the error a user would see, on one line (no rich traceback wrapping)
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
    if mode == "standin" and module.DOMINO_PLUGIN_ERROR is not None:
        print(json.dumps({"plugin_error": module.DOMINO_PLUGIN_ERROR, "NODES": module.NODES}))
        return
    if mode == "absent":
        out = {"plugin_error": module.DOMINO_PLUGIN_ERROR, "NODES": module.NODES}
        try:
            getattr(module, module.WORKFLOW)(rows=1)
            out["call"] = "no error"
        except RuntimeError as exc:
            out["call"] = str(exc)
        print(json.dumps(out))
        return
    try:
        described = describe(module)  # flytekit compiles the workflow body here (run_domino_job_task runs now)
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(described, default=str))


if __name__ == "__main__":
    main()
