"""Standardised error handling: the runtime's error types plus small helpers the package uses.

Every failure an epoch can anticipate is one of these types, so the runtime records it in
`.context/pipeline_state.json` with its kind and the script exits 1 instead of crashing.
"""
from __future__ import annotations

import time
from typing import Callable, TypeVar

from pipec_runtime.errors import (  # noqa: F401  (re-exported for the package and epoch scripts)
    CheckpointError,
    DataQualityError,
    DependencyError,
    PipelineError,
    ResourceLimitError,
    ValidationError,
)

T = TypeVar("T")


def require(condition: bool, message: str, error: type[PipelineError] = ValidationError) -> None:
    """Raise `error(message)` unless `condition` holds."""
    if not condition:
        raise error(message)


def retry(fn: Callable[[], T], attempts: int = 3, delay_seconds: float = 0.5,
          retry_on: tuple[type[BaseException], ...] = (OSError,)) -> T:
    """Call `fn`, retrying transient errors (I/O by default) with linear back-off."""
    if attempts < 1:
        raise ValueError("attempts must be >= 1")
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except retry_on:
            if attempt == attempts:
                raise
            time.sleep(delay_seconds * attempt)
    raise AssertionError("unreachable")


def describe(exc: BaseException) -> str:
    """One line naming the error kind and message, for logs and reports."""
    return f"{type(exc).__name__}: {exc}"
