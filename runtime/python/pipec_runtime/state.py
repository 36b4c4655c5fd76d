"""`.context/pipeline_state.json`: per-epoch status, facts, gate results, errors, attempts, timings,
plus blockers and warnings. Written only through `StateStore.update` (locked + atomic).

Schema (documented in docs/runtime.md):
    {"schemaVersion": 1, "project": str, "updated_at": iso,
     "epochs": {"005": {"status": pending|running|completed|failed|blocked|stale, "attempts": int,
                        "started_at": iso|null, "finished_at": iso|null, "elapsed_seconds": float|null,
                        "facts": {name: value}, "gate": {"passed": bool, "results": [...]}|null,
                        "error": {"type", "message", "at"}|null, "review": {...}|null,
                        "engine": {"engine": "pandas"|"dask", ...cluster record (workers, scheduler, peaks)}}},
     "epoch_005_complete": bool,             # seed compatibility key, one per epoch
     "blockers": [{"epoch", "message", "at"}], "warnings": [{"epoch", "message", "at"}]}
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .errors import now_iso
from .jsonio import read_json, update_json

SCHEMA_VERSION = 1
STATUSES = ("pending", "running", "completed", "failed", "blocked", "stale")


def empty_state(project: str = "") -> dict[str, Any]:
    """A fresh state document."""
    return {"schemaVersion": SCHEMA_VERSION, "project": project, "updated_at": None, "epochs": {},
            "blockers": [], "warnings": []}


def empty_epoch() -> dict[str, Any]:
    """A fresh per-epoch record."""
    return {"status": "pending", "attempts": 0, "started_at": None, "finished_at": None, "elapsed_seconds": None,
            "facts": {}, "gate": None, "error": None, "review": None}


class StateStore:
    """Reads and updates the state file of one project (`<context_dir>/pipeline_state.json`)."""

    def __init__(self, context_dir: Path, project: str = "") -> None:
        self.path = context_dir / "pipeline_state.json"
        self.project = project

    def read(self) -> dict[str, Any]:
        """The current state (a fresh one when the file does not exist yet)."""
        return read_json(self.path, None) or empty_state(self.project)

    def update(self, change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
        """Apply `change(state)` under the lock and write atomically; returns the new state."""
        def wrapped(state: dict[str, Any]) -> dict[str, Any]:
            state.setdefault("epochs", {})
            state.setdefault("blockers", [])
            state.setdefault("warnings", [])
            if self.project and not state.get("project"):
                state["project"] = self.project
            change(state)
            state["updated_at"] = now_iso()
            return state
        return update_json(self.path, wrapped, lambda: empty_state(self.project))

    def epoch(self, state: dict[str, Any], epoch_id: str) -> dict[str, Any]:
        """The record of an epoch inside `state`, created when absent (use inside `update`)."""
        rec = state["epochs"].setdefault(epoch_id, empty_epoch())
        for key, value in empty_epoch().items():
            rec.setdefault(key, value)
        return rec

    # Transitions. Each is one locked update, so a reader never sees half a transition.

    def mark_running(self, epoch_id: str, reset_facts: bool = True, engine: str | None = None) -> dict[str, Any]:
        """Epoch started: status running, attempts+1, timings reset (facts and warnings too unless resuming), compat flag false,
        and `engine` set to the engine this attempt runs on (`{"engine": "pandas"}`; a cluster adds its record)."""
        def change(state: dict[str, Any]) -> None:
            rec = self.epoch(state, epoch_id)
            if reset_facts:
                rec["facts"] = {}
                # A fresh attempt redoes every step: the warnings of the attempt it replaces are stale. A resumed
                # attempt skips finished steps, so their warnings still hold and stay.
                state["warnings"] = [w for w in state["warnings"] if w.get("epoch") != epoch_id]
            if engine is not None:
                rec["engine"] = {"engine": engine}
            rec.update(status="running", started_at=now_iso(), finished_at=None, elapsed_seconds=None,
                       error=None, gate=None)
            rec["attempts"] = int(rec.get("attempts") or 0) + 1
            state[f"epoch_{epoch_id}_complete"] = False
            state["blockers"] = [b for b in state["blockers"] if b.get("epoch") != epoch_id]
        return self.update(change)

    def mark_finished(self, epoch_id: str, status: str, *, elapsed: float | None = None,
                      gate: dict[str, Any] | None = None, error: dict[str, Any] | None = None,
                      facts: dict[str, Any] | None = None, peak_memory_bytes: int | None = None) -> dict[str, Any]:
        """Epoch ended as completed / failed / blocked, with its gate result or error (and the peak memory
        its process measured, reported by the retrospective)."""
        def change(state: dict[str, Any]) -> None:
            rec = self.epoch(state, epoch_id)
            rec.update(status=status, finished_at=now_iso())
            if elapsed is not None:
                rec["elapsed_seconds"] = round(elapsed, 3)
            if peak_memory_bytes is not None:
                rec["peak_memory_bytes"] = int(peak_memory_bytes)
            if gate is not None:
                rec["gate"] = gate
            if facts:
                rec["facts"].update(facts)
            rec["error"] = error
            state[f"epoch_{epoch_id}_complete"] = status == "completed"
            if status == "blocked" and error:
                state["blockers"].append({"epoch": epoch_id, "message": error.get("message", ""), "at": now_iso()})
        return self.update(change)

    def mark_stale(self, epoch_ids: list[str]) -> dict[str, Any]:
        """A recompile changed these epochs: they must rerun (status stale, compat flag false)."""
        def change(state: dict[str, Any]) -> None:
            for eid in epoch_ids:
                rec = self.epoch(state, eid)
                rec["status"] = "stale"
                state[f"epoch_{eid}_complete"] = False
        return self.update(change)

    def record_facts(self, epoch_id: str, facts: dict[str, Any]) -> dict[str, Any]:
        """Merge facts into the epoch's record."""
        return self.update(lambda s: self.epoch(s, epoch_id)["facts"].update(facts))

    def add_warning(self, epoch_id: str | None, message: str) -> dict[str, Any]:
        """Append a warning (shown by `pipec status`)."""
        return self.update(lambda s: s["warnings"].append({"epoch": epoch_id, "message": message, "at": now_iso()}))

    def add_blocker(self, epoch_id: str | None, message: str) -> dict[str, Any]:
        """Append a blocker: something a human must resolve before the pipeline goes on."""
        return self.update(lambda s: s["blockers"].append({"epoch": epoch_id, "message": message, "at": now_iso()}))
