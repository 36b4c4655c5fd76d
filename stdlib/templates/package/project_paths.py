"""Project folders for notebooks and tools that run outside an epoch script.

Epoch scripts get paths from `EpochContext`; notebooks (run by Jupyter or nbclient from any folder)
find the project root here and use the same runtime path resolver, so Domino and local runs agree.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pipec_runtime.config import load_ir
from pipec_runtime.paths import ProjectPaths


def find_project_root(start: Path | None = None) -> Path:
    """`PIPEC_PROJECT_ROOT`, else the nearest folder at or above `start` (default cwd) with `.pipec/ir.json`."""
    env = os.environ.get("PIPEC_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".pipec" / "ir.json").is_file():
            return folder
    raise FileNotFoundError(f"no .pipec/ir.json at or above {here}: open the notebook inside the generated project")


def project_paths(epoch_id: str | None = None, root: Path | None = None) -> ProjectPaths:
    """The runtime's path resolver for this project (bound to `epoch_id` when given)."""
    root = root or find_project_root()
    return ProjectPaths(root, load_ir(root), epoch_id)


def project_ir(root: Path | None = None) -> dict[str, Any]:
    """The project's IR (`.pipec/ir.json`)."""
    return load_ir(root or find_project_root())
