"""Checkpoints: one atomic JSON file per epoch (`.context/checkpoints/epochNNN_checkpoint.json`) holding
progress, current/next step, completed steps, artifacts and loop positions, saved every N% or T seconds
(from the spec's limits). The latest one is what a rerun resumes from.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .errors import CheckpointError, now_iso
from .jsonio import read_json, write_json_atomic


class Checkpointer:
    """Saves and loads the checkpoint of one epoch."""

    def __init__(self, checkpoints_dir: Path, epoch_id: str, every_percent: float = 10, every_seconds: float = 300,
                 fsync: bool = True) -> None:
        self.path = checkpoints_dir / f"epoch{epoch_id}_checkpoint.json"
        self.epoch_id = epoch_id
        self.every_percent = float(every_percent)
        self.every_seconds = float(every_seconds)
        self._fsync = fsync
        self._last_percent = 0.0
        self._last_time = time.monotonic()
        self._seq = 0
        # The record being built: later saves keep what earlier ones set (artifacts, loops, steps).
        self.current: dict[str, Any] = {"epoch": epoch_id, "progress_percent": 0, "current_step": None,
                                        "next_step": None, "completed_steps": [], "artifacts": {}, "loops": {},
                                        "can_resume": True}

    def latest(self) -> dict[str, Any] | None:
        """The saved checkpoint, or None. A corrupt file raises CheckpointError naming it."""
        try:
            return read_json(self.path, None)
        except ValueError as exc:
            raise CheckpointError(str(exc), hint=f"delete {self.path} to start the epoch from scratch") from exc

    def adopt(self, record: dict[str, Any]) -> None:
        """Continue from a loaded checkpoint (resume): later saves extend it."""
        self.current.update(record)
        self._seq = int(record.get("seq", 0))
        self._last_percent = float(record.get("progress_percent") or 0)

    def due(self, progress_percent: float) -> bool:
        """True when N% of progress or T seconds passed since the last save."""
        return (progress_percent - self._last_percent >= self.every_percent - 1e-9
                or time.monotonic() - self._last_time >= self.every_seconds)

    def save(self, progress_percent: float | None = None, current_step: str | None = None,
             next_step: str | None = None, artifacts: dict[str, Any] | None = None,
             completed_steps: list[str] | None = None, **extra: Any) -> dict[str, Any]:
        """Write the checkpoint atomically (temp + fsync + rename); returns the saved record."""
        rec = self.current
        if progress_percent is not None:
            rec["progress_percent"] = round(float(progress_percent), 4)
        if current_step is not None:
            rec["current_step"] = current_step
        if next_step is not None or current_step is not None:
            rec["next_step"] = next_step
        if artifacts:
            rec["artifacts"].update({k: str(v) for k, v in artifacts.items()})
        if completed_steps is not None:
            rec["completed_steps"] = list(completed_steps)
        rec.update(extra)
        self._seq += 1
        rec["seq"] = self._seq
        rec["checkpoint_id"] = f"epoch{self.epoch_id}_{self._seq:06d}"
        rec["timestamp"] = now_iso()
        try:
            write_json_atomic(self.path, rec, fsync=self._fsync)
        except OSError as exc:
            raise CheckpointError(f"cannot write checkpoint {self.path}: {exc}") from exc
        self._last_percent = float(rec["progress_percent"])
        self._last_time = time.monotonic()
        return rec

    def clear(self) -> None:
        """Remove the checkpoint (the epoch completed, or a fresh start was asked for)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
