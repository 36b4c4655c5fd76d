"""One resolver for the Domino folders, mapped to the generated project's folders when not on Domino.

| Domino                    | local (not on Domino)          | override env          |
| ------------------------- | ------------------------------ | --------------------- |
| /mnt/code                 | project root                   | PIPEC_CODE_DIR        |
| /mnt/data/<project>       | <root>/data/<project>          | PIPEC_DATA_DIR        |
| /mnt/artifacts            | <root>/artifacts               | PIPEC_ARTIFACTS_DIR   |
| /mnt/code/.context        | <root>/.context                | PIPEC_CONTEXT_DIR     |

The seed asked "create the directory?" interactively; here a missing folder is created when allowed
(default locally; on Domino only below an existing dataset root, or with PIPEC_CREATE_DIRS=1), otherwise
a ValidationError says what to do. Nothing here ever waits for input.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import ValidationError


def on_domino() -> bool:
    """True inside a Domino run/workspace (its environment variables are set)."""
    return bool(os.environ.get("DOMINO_PROJECT_NAME") or os.environ.get("DOMINO_RUN_ID"))


class ProjectPaths:
    """Folders of one project. `ir` gives the project name and epoch folder names."""

    def __init__(self, root: Path, ir: dict[str, Any], epoch_id: str | None = None) -> None:
        self._ir = ir
        self._epoch_id = epoch_id
        self.project_name: str = ir.get("project", {}).get("name", "project")
        domino = on_domino()
        env = os.environ.get
        self.code_root = Path(env("PIPEC_CODE_DIR") or (env("DOMINO_WORKING_DIR") or "/mnt/code" if domino else root))
        data_base = Path(env("DOMINO_DATASETS_DIR") or "/mnt/data") if domino else root / "data"
        self.data_root = Path(env("PIPEC_DATA_DIR") or data_base / self.project_name)
        self.artifacts_root = Path(
            env("PIPEC_ARTIFACTS_DIR") or ((env("DOMINO_ARTIFACTS_DIR") or "/mnt/artifacts") if domino else root / "artifacts")
        )
        self.context_dir = Path(env("PIPEC_CONTEXT_DIR") or self.code_root / ".context")
        self.checkpoints_dir = self.context_dir / "checkpoints"
        self._create_default = env("PIPEC_CREATE_DIRS", "0" if domino else "1") == "1"

    def _epoch_folder(self, epoch_id: str | None) -> str:
        eid = epoch_id or self._epoch_id
        if eid is None:
            raise ValidationError("no epoch given and the paths are not bound to an epoch")
        for e in self._ir.get("epochs", []):
            if e.get("id") == eid:
                return e.get("dir") or f"epoch{eid}-{e.get('name', '').replace('_', '-')}"
        raise ValidationError(f"epoch {eid} is not in the IR")

    def epoch_dir(self, epoch_id: str | None = None) -> Path:
        """The code folder of an epoch: `<code_root>/epochNNN-name`."""
        return self.code_root / self._epoch_folder(epoch_id)

    def data_dir(self, epoch_id: str | None = None, create: bool | None = None) -> Path:
        """`<data_root>/epochNNN-name`, created when allowed (see module doc)."""
        return self.ensure(self.data_root / self._epoch_folder(epoch_id), create, anchor=self.data_root)

    def artifacts_dir(self, epoch_id: str | None = None, create: bool | None = None) -> Path:
        """`<artifacts_root>/epochNNN-name`, created when allowed."""
        return self.ensure(self.artifacts_root / self._epoch_folder(epoch_id), create, anchor=self.artifacts_root)

    def ensure(self, path: Path, create: bool | None = None, anchor: Path | None = None) -> Path:
        """Return `path`, creating it when allowed. Below an existing `anchor` creation is always allowed
        (the dataset is mounted, only its subfolder is new)."""
        if path.is_dir():
            return path
        allowed = self._create_default if create is None else create
        if allowed or (anchor is not None and anchor.is_dir() and create is not False):
            path.mkdir(parents=True, exist_ok=True)
            return path
        raise ValidationError(
            f"folder {path} does not exist",
            hint="create it (or mount the Domino dataset), set PIPEC_DATA_DIR / PIPEC_ARTIFACTS_DIR to another "
                 "folder, or set PIPEC_CREATE_DIRS=1 to let the runtime create it",
        )
