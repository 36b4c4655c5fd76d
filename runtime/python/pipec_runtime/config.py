"""Project configuration the runtime reads: the IR (`.pipec/ir.json`) and the gate rules
(`.context/gate_rules.json`), plus the project root and limit overrides from the environment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ValidationError
from .jsonio import read_json

# Defaults of the Domino lifecycle (binary units, as the compiler normalises them), used when a value is missing from the IR (older IR or tests).
DEFAULT_LIMITS: dict[str, Any] = {
    "maxFileSizeBytes": 50 * 1024 ** 2,
    "maxMemoryBytes": 12 * 1024 ** 3,
    "chunkRows": 10_000,
    "checkpoint": {"everyPercent": 10, "everySeconds": 300},
}


def project_root() -> Path:
    """Root of the generated project: env PIPEC_PROJECT_ROOT, else the current directory."""
    return Path(os.environ.get("PIPEC_PROJECT_ROOT") or os.getcwd()).resolve()


def load_ir(root: Path) -> dict[str, Any]:
    """The IR from `.pipec/ir.json` (the only place pipec writes it)."""
    path = root / ".pipec" / "ir.json"
    ir = read_json(path, None)
    if ir is not None:
        if not isinstance(ir, dict) or "epochs" not in ir:
            raise ValidationError(f"{path} is not a pipec IR (no 'epochs')")
        return ir
    raise ValidationError(
        f"no .pipec/ir.json under {root}: run from the generated project's root or set PIPEC_PROJECT_ROOT"
    )


def limits_of(ir: dict[str, Any]) -> dict[str, Any]:
    """The IR's limits with defaults filled in and environment overrides applied.

    PIPEC_MAX_MEMORY_BYTES / PIPEC_MAX_FILE_SIZE_BYTES / PIPEC_CHUNK_ROWS override the spec (set by
    `pipec run --max-memory` and by tests).
    """
    limits = {**DEFAULT_LIMITS, **(ir.get("limits") or {})}
    limits["checkpoint"] = {**DEFAULT_LIMITS["checkpoint"], **(limits.get("checkpoint") or {})}
    for env, key in (("PIPEC_MAX_MEMORY_BYTES", "maxMemoryBytes"), ("PIPEC_MAX_FILE_SIZE_BYTES", "maxFileSizeBytes"),
                     ("PIPEC_CHUNK_ROWS", "chunkRows")):
        raw = os.environ.get(env)
        if raw:
            try:
                limits[key] = int(float(raw))
            except ValueError as exc:
                raise ValidationError(f"{env}={raw!r} is not a number") from exc
    return limits


@dataclass(frozen=True)
class EpochRules:
    """What gating knows about one epoch (one entry of gate_rules.json)."""

    epoch: str
    after: list[str]
    produces: list[dict[str, Any]]
    gate: list[dict[str, Any]]
    review: dict[str, Any] | None


def load_gate_rules(root: Path, ir: dict[str, Any] | None = None) -> dict[str, EpochRules]:
    """Gate rules per epoch from `.context/gate_rules.json`; derived from the IR when the file is absent."""
    data = read_json(root / ".context" / "gate_rules.json", None)
    if data is None:
        ir = ir if ir is not None else load_ir(root)
        data = {"epochs": {e["id"]: {"after": e.get("after", []), "produces": e.get("produces", []),
                                     "gate": e.get("gate", []), "review": e.get("review")}
                           for e in ir.get("epochs", [])}}
    epochs = data.get("epochs") if isinstance(data, dict) else None
    if not isinstance(epochs, dict):
        raise ValidationError(f"{root / '.context/gate_rules.json'} has no 'epochs' object")
    return {
        eid: EpochRules(eid, list(e.get("after", [])), list(e.get("produces", [])), list(e.get("gate", [])),
                        e.get("review"))
        for eid, e in sorted(epochs.items())
    }


def find_epoch(ir: dict[str, Any], epoch_id: str) -> dict[str, Any]:
    """The IR entry of an epoch; ValidationError naming the known ids otherwise."""
    for e in ir.get("epochs", []):
        if e.get("id") == epoch_id:
            return e
    known = ", ".join(e.get("id", "?") for e in ir.get("epochs", []))
    raise ValidationError(f"epoch {epoch_id} is not in the IR (known: {known})")


def ancestors(rules: dict[str, EpochRules], epoch_id: str) -> list[str]:
    """All transitive prerequisites of an epoch, sorted."""
    seen: set[str] = set()
    stack = list(rules[epoch_id].after) if epoch_id in rules else []
    while stack:
        e = stack.pop()
        if e not in seen:
            seen.add(e)
            stack.extend(rules[e].after if e in rules else [])
    return sorted(seen)
