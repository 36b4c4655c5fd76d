"""Atomic, locked JSON files: the one write path for everything under `.context/`.

Every writer goes through `update_json`, which holds a file lock while it reads, changes and replaces the
file, so two processes never lose each other's changes; the replace is temp file + fsync + rename, so a
crash (or kill -9) leaves either the old or the new file, never a torn one.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from filelock import FileLock

# One lock timeout for every JSON file: long enough for a slow disk, short enough to never look hung.
LOCK_TIMEOUT_SECONDS = 60.0


def write_json_atomic(path: Path, data: Any, *, fsync: bool = True) -> None:
    """Write `data` as JSON to `path` through a temp file in the same folder, fsync, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True, default=_json_default) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def read_json(path: Path, default: Any = None) -> Any:
    """Read a JSON file; `default` when it does not exist. A corrupt file raises ValueError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path} is not valid JSON ({exc})") from exc


def lock_for(path: Path) -> FileLock:
    """The lock guarding `path` (a sibling `<name>.lock` file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)


def update_json(path: Path, change: Callable[[Any], Any], default: Callable[[], Any]) -> Any:
    """Under the file's lock: read (or `default()`), apply `change` (mutate and/or return new), write atomically.

    Returns the written value.
    """
    with lock_for(path):
        current = read_json(path, None)
        if current is None:
            current = default()
        result = change(current)
        value = current if result is None else result
        write_json_atomic(path, value)
        return value


def _json_default(obj: Any) -> Any:
    # numpy scalars and paths show up in facts and artifacts; make them plain JSON.
    if isinstance(obj, Path):
        return obj.as_posix()
    for attr in ("item", "tolist"):
        fn = getattr(obj, attr, None)
        if callable(fn):
            return fn()
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")
