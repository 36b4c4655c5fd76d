"""The error taxonomy (from the Domino lifecycle) and the error log `.context/error_log.json`.

Every failure an epoch can report is one of these classes, so the state, the error log and `pipec run`
can name the kind of failure without parsing messages.
"""
from __future__ import annotations

import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .jsonio import update_json


class PipelineError(Exception):
    """Base class of every runtime error; `kind` is the stable name written to state and logs."""

    kind = "PipelineError"

    def __init__(self, message: str, **details: Any) -> None:
        # A hint (how to fix it) is part of what the user sees, so it goes into str(exc) too.
        hint = details.get("hint")
        super().__init__(f"{message}; {hint}" if hint else message)
        self.message = message
        self.details = details


class DataQualityError(PipelineError):
    """Data does not meet a quality threshold (missing values, schema, ranges)."""

    kind = "DataQualityError"


class ResourceLimitError(PipelineError):
    """A hard limit (memory, file size, time) was crossed."""

    kind = "ResourceLimitError"


class DependencyError(PipelineError):
    """A prerequisite is missing: upstream epoch not completed, its gate failed, or a review not approved."""

    kind = "DependencyError"


class ValidationError(PipelineError):
    """A value or configuration is invalid (bad fact type, bad path, bad IR)."""

    kind = "ValidationError"


class CheckpointError(PipelineError):
    """A checkpoint cannot be read or written."""

    kind = "CheckpointError"


class GateFailedError(PipelineError):
    """The epoch's handoff gate failed; `failures` lists {rule, expected, observed, message}."""

    kind = "GateFailedError"

    def __init__(self, message: str, failures: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message, failures=failures or [])
        self.failures = failures or []


ALL_ERRORS = (
    PipelineError,
    DataQualityError,
    ResourceLimitError,
    DependencyError,
    ValidationError,
    CheckpointError,
    GateFailedError,
)


def error_kind(exc: BaseException) -> str:
    """Stable kind of any exception: the taxonomy name, or the Python class name for others."""
    return exc.kind if isinstance(exc, PipelineError) else type(exc).__name__


def now_iso() -> str:
    """UTC timestamp for runtime records (state, logs); never used in generated files."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def log_error(context_dir: Path, epoch: str | None, exc: BaseException | None = None, *,
              kind: str | None = None, message: str | None = None) -> dict[str, Any]:
    """Append one entry to `.context/error_log.json` ({"errors": [...]}) and return it."""
    entry: dict[str, Any] = {
        "epoch": epoch,
        "type": kind or (error_kind(exc) if exc is not None else "PipelineError"),
        "message": message if message is not None else (str(exc) if exc is not None else ""),
        "at": now_iso(),
    }
    if exc is not None:
        entry["traceback"] = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-4000:]
        details = getattr(exc, "details", None)
        if details:
            entry["details"] = details
    update_json(context_dir / "error_log.json", lambda log: log["errors"].append(entry), lambda: {"errors": []})
    return entry
