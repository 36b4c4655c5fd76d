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

#: The IR's limits the runtime reads. The compiler fills every one (spec, library, else the language
#: catalogue's defaults: src/catalogue/limits.ts), so the runtime keeps no defaults of its own.
LIMIT_KEYS = ("maxFileSizeBytes", "maxMemoryBytes", "chunkRows", "checkpoint")


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
    """The IR's limits with environment overrides applied.

    PIPEC_MAX_MEMORY_BYTES / PIPEC_MAX_FILE_SIZE_BYTES / PIPEC_CHUNK_ROWS override the spec (set by
    `pipec run --max-memory` and by tests). An IR without them was not written by this pipec.
    """
    given = ir.get("limits") or {}
    missing = [k for k in LIMIT_KEYS if k not in given]
    if missing:
        raise ValidationError(f"the IR has no limits {', '.join(missing)}: regenerate the project with `pipec compile`")
    limits = {**given, "checkpoint": dict(given["checkpoint"])}
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
    #: Every transitive prerequisite, sorted (computed by the compiler's DAG, src/ir/dag.ts).
    ancestors: list[str]
    produces: list[dict[str, Any]]
    gate: list[dict[str, Any]]
    review: dict[str, Any] | None


def load_gate_rules(root: Path) -> dict[str, EpochRules]:
    """Gate rules per epoch from `.context/gate_rules.json`, which only the compiler writes."""
    path = root / ".context" / "gate_rules.json"
    data = read_json(path, None)
    if data is None:
        raise ValidationError(f"no {path}: regenerate the project with `pipec compile`")
    epochs = data.get("epochs") if isinstance(data, dict) else None
    if not isinstance(epochs, dict):
        raise ValidationError(f"{path} has no 'epochs' object")
    older = sorted(eid for eid, e in epochs.items() if "ancestors" not in e)
    if older:
        # Without them no prerequisite would be checked: refuse rather than run unguarded.
        raise ValidationError(f"{path} lists no ancestors for epoch {', '.join(older)}: regenerate the project with `pipec compile`")
    return {
        eid: EpochRules(eid, list(e.get("after", [])), list(e["ancestors"]), list(e.get("produces", [])),
                        list(e.get("gate", [])), e.get("review"))
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
    """All transitive prerequisites of an epoch, sorted (as the compiler listed them)."""
    return list(rules[epoch_id].ancestors) if epoch_id in rules else []
