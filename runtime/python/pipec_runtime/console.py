"""What an epoch prints on the console versus what goes to its log file.

Libraries write their own notices to stderr: MLflow's database set-up and pickle warning, Streamlit's
"missing ScriptRunContext", Python warnings from any package. Mixed into `pipec run`'s output they
bury the epoch's own lines. `install` sends everything written to `sys.stderr` to the epoch's log file
(`.context/logs/epoch<ID>.log`, appended per attempt) and keeps the console for the runtime's own
messages (`err`: warnings, errors, progress). PIPEC_VERBOSE=1 (`pipec run --verbose`) echoes the log
to the console as well. Output a script prints to stdout is its own and stays on the console.
"""
from __future__ import annotations

import io
import logging
import os
import sys
from pathlib import Path
from typing import TextIO

_CONSOLE: TextIO | None = None
_TEE: "_LogTee | None" = None


class _LogTee(io.TextIOBase):
    """A text stream writing to the log file, and to the console too when verbose."""

    def __init__(self, log: TextIO, echo: TextIO | None) -> None:
        self._log = log
        self._echo = echo
        self.lines = 0

    def write(self, text: str) -> int:
        self._log.write(text)
        self.lines += text.count("\n")
        if self._echo is not None:
            self._echo.write(text)
        return len(text)

    def flush(self) -> None:
        self._log.flush()
        if self._echo is not None:
            self._echo.flush()

    def fileno(self) -> int:
        return self._log.fileno()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def path(self) -> str:
        return getattr(self._log, "name", "")


def verbose() -> bool:
    """Whether third-party output is echoed to the console (PIPEC_VERBOSE=1, `pipec run --verbose`)."""
    return os.environ.get("PIPEC_VERBOSE", "") == "1"


def err() -> TextIO:
    """The console's error stream, for the runtime's own messages (never redirected)."""
    return _CONSOLE if _CONSOLE is not None else sys.stderr


def log_path(context_dir: Path, epoch_id: str) -> Path:
    """The epoch's log file."""
    return context_dir / "logs" / f"epoch{epoch_id}.log"


def install(context_dir: Path, epoch_id: str, header: str) -> Path:
    """Route `sys.stderr` (and logging handlers already bound to it) to the epoch's log file; idempotent."""
    global _CONSOLE, _TEE
    path = log_path(context_dir, epoch_id)
    if _TEE is not None:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    log = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the process
    log.write(f"--- {header} ---\n")
    _CONSOLE = sys.stderr
    _TEE = _LogTee(log, _CONSOLE if verbose() else None)
    sys.stderr = _TEE
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", []):
            if isinstance(handler, logging.StreamHandler) and handler.stream is _CONSOLE:
                handler.setStream(_TEE)
    return path


def captured_note() -> str | None:
    """`12 lines of library output in .context/logs/epoch005.log (--verbose shows them)`, or None."""
    if _TEE is None or not _TEE.lines or verbose():
        return None
    where = os.path.relpath(_TEE.path) if _TEE.path else "the epoch's log file"
    count = f"{_TEE.lines} line{'s' if _TEE.lines != 1 else ''}"
    return f"{count} of library output in {where} (pipec run --verbose shows them)"


def restore() -> None:
    """Give `sys.stderr` back to the console (a crash's traceback must be seen)."""
    global _TEE
    if _TEE is not None and _CONSOLE is not None:
        _TEE.flush()
        sys.stderr = _CONSOLE
        _TEE = None
