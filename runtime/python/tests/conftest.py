"""Fixtures of the runtime suite (helpers live in rt_helpers.py: unique module name across suites)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rt_helpers import DEFAULT_EPOCHS, Project, make_ir


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "proj", make_ir(DEFAULT_EPOCHS))


@pytest.fixture
def make_project(tmp_path: Path):
    def make(epochs: list[dict[str, Any]] | None = None, name: str = "proj", **limits: Any) -> Project:
        return Project(tmp_path / name, make_ir(epochs or DEFAULT_EPOCHS, **limits))
    return make
