"""A fresh working copy of a generated project, as a Domino Job container starts: the repository's files
and nothing a run wrote. The local twin runs every flow node in its own copy, so upstream state and files
reach a node only through its flow inputs (/workflow/inputs), exactly as on Domino.

What is left out: run outputs that are not part of the repository (`data/`, `artifacts/`, `mlruns/`,
`mlruns.db`, `.venv/`, `.git/`, caches) and every `.context/` file the compiler did not generate (run
state, lineage, checkpoints, locks; `.pipec/manifest.json` lists the generated ones).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

#: Top-level entries a job container never gets from the repository (all git-ignored by the generated project).
RUN_OUTPUTS = frozenset({".git", ".venv", "data", "artifacts", "mlruns", "mlruns.db", ".pytest_cache", ".flow-runs"})


def generated_context_files(project_root: Path) -> set[str]:
    """`.context/...` paths the compiler wrote (from `.pipec/manifest.json`); empty when there is no manifest."""
    manifest = project_root / ".pipec" / "manifest.json"
    if not manifest.is_file():
        return set()
    files = json.loads(manifest.read_text(encoding="utf-8")).get("files", [])
    return {f["path"] for f in files if str(f.get("path", "")).startswith(".context/")}


def fresh_copy(project_root: Path, dest: Path) -> Path:
    """Copy `project_root` to `dest` (which must not exist) without run outputs; returns `dest`."""
    project_root, dest = Path(project_root), Path(dest)
    keep_context = generated_context_files(project_root)

    def ignore(folder: str, names: list[str]) -> set[str]:
        rel = Path(folder).relative_to(project_root)
        skipped = {n for n in names if n == "__pycache__" or n.endswith(".pyc")}
        if rel == Path("."):
            skipped |= {n for n in names if n in RUN_OUTPUTS}
        if rel.parts[:1] == (".context",):
            skipped |= {n for n in names if (Path(folder) / n).is_file() and (rel / n).as_posix() not in keep_context}
        return skipped

    shutil.copytree(project_root, dest, ignore=ignore, symlinks=True)
    return dest
