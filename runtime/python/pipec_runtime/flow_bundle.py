"""Bundles: one FlyteFile per flow node with everything its epoch wrote, for the jobs downstream.

A Domino Job container starts from the repository, and Domino's copilot cannot download a directory, so
each node publishes `bundle`: a tar.gz of its epoch's data folder (`data/...`), artifacts folder
(`artifacts/...`) and the project records in `.context/` (`context/<doc>.json`: lineage, approvals,
errors, resources; not the state, which travels in handoffs, nor the generated gate rules). A consumer
unpacks an upstream bundle where its producer wrote those folders when they are absent there, and merges
the records (union, its own entries win). pipec_runtime.flow_io calls these and records each restore in
the consumer's data lineage.
"""
from __future__ import annotations

import functools
import json
import tarfile
from pathlib import Path
from typing import Any

from .errors import ValidationError

#: `.context/` documents a bundle does not carry: the state travels in handoffs, gate rules are generated,
#: and pipec_record.json is `pipec run`'s record of one checkout's runs (keys, attempts), not a flow's.
NOT_CARRIED_CONTEXT = frozenset({"pipeline_state.json", "gate_rules.json", "pipec_record.json"})


def _project_paths(project_root: Path, epoch_id: str):
    from .config import load_ir
    from .paths import ProjectPaths
    return ProjectPaths(project_root, load_ir(project_root), epoch_id)


def _context_dir(project_root: Path, epoch_id: str) -> Path:
    return _project_paths(project_root, epoch_id).context_dir


def epoch_folder(project_root: Path, epoch_id: str, where: str, create: bool | None = False) -> Path:
    """The epoch's data folder (`data`) or artifacts folder (`artifacts`)."""
    paths = _project_paths(project_root, epoch_id)
    return paths.data_dir(epoch_id, create=create) if where == "data" else paths.artifacts_dir(epoch_id, create=create)


def _merge_json(local: Any, incoming: Any) -> Any:
    """Union of two JSON documents: objects key by key (local wins), lists item by item (no duplicates)."""
    if isinstance(local, dict) and isinstance(incoming, dict):
        for key, value in incoming.items():
            local[key] = _merge_json(local[key], value) if key in local else value
        return local
    if isinstance(local, list) and isinstance(incoming, list):
        seen = {json.dumps(x, sort_keys=True, default=str) for x in local}
        return local + [x for x in incoming if json.dumps(x, sort_keys=True, default=str) not in seen]
    return local


def _merge_context(project_root: Path, epoch_id: str, bundle: str) -> list[str]:
    """Merge the upstream `.context/` documents of a bundle into this checkout's; returns their names."""
    from .jsonio import update_json

    context = _context_dir(project_root, epoch_id)
    merged = []
    with tarfile.open(bundle, "r:*") as tar:
        for member in tar.getmembers():
            name = member.name.partition("context/")[2]
            if not member.isfile() or not member.name.startswith("context/") or "/" in name or not name.endswith(".json"):
                continue
            incoming = json.loads(tar.extractfile(member).read().decode("utf-8"))  # type: ignore[union-attr]
            context.mkdir(parents=True, exist_ok=True)
            update_json(context / name, functools.partial(_merge_json, incoming=incoming), type(incoming))
            merged.append(name)
    return sorted(merged)


def restore_bundle(project_root: Path, epoch_id: str, upstream: str, name: str, bundle: str) -> dict[str, Any]:
    """Unpack an upstream epoch's bundle where it wrote its folders, unless they are there already (the
    producer ran in this checkout). Returns the lineage record of what happened."""
    record: dict[str, Any] = {"kind": "upstream_bundle", "upstream_epoch": upstream, "input": name,
                              "context_docs": _merge_context(project_root, epoch_id, bundle)}
    present = []
    for where in ("data", "artifacts"):
        try:
            folder = epoch_folder(project_root, upstream, where)
        except ValidationError:
            continue
        if any(p.is_file() for p in folder.rglob("*")):
            present.append(where)
    if present:
        return {**record, "restored": False, "reason": f"{' and '.join(present)} folder already present"}
    count = 0
    with tarfile.open(bundle, "r:*") as tar:
        members = tar.getmembers()
        for where in ("data", "artifacts"):
            mine = [m for m in members if m.name == where or m.name.startswith(f"{where}/")]
            if not mine:
                continue
            base = epoch_folder(project_root, upstream, where, create=True)
            for m in mine:
                m.name = m.name[len(where):].lstrip("/") or "."
            tar.extractall(base, members=mine, filter="data")
            count += sum(1 for m in mine if m.isfile())
    return {**record, "restored": True, "files": count}


def pack_bundle(project_root: Path, epoch_id: str, target: Path) -> Path:
    """tar.gz of the epoch's data and artifacts folders (`data/...`, `artifacts/...`) and of the project
    records in `.context/` (`context/<doc>.json`: lineage, approvals, errors, resources), which a job
    container does not share with the next one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    context = _context_dir(project_root, epoch_id)
    with tarfile.open(target, "w:gz", compresslevel=1) as tar:
        for doc in sorted(context.glob("*.json")) if context.is_dir() else []:
            if doc.name not in NOT_CARRIED_CONTEXT:
                tar.add(doc, arcname=f"context/{doc.name}")
        for where in ("data", "artifacts"):
            try:
                folder = epoch_folder(project_root, epoch_id, where)
            except ValidationError:
                continue
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                tar.add(path, arcname=f"{where}/{path.relative_to(folder).as_posix()}")
    return target
