"""Gates: facts typed by their units, handoff rules evaluated on recorded facts, prerequisite checks.

A failed rule always names the rule id, the expected value and the observed one, so the message alone
says what to fix.
"""
from __future__ import annotations

import math
import operator
from typing import Any

from .config import EpochRules, ancestors
from .errors import ValidationError

_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq, "!=": operator.ne}


def coerce_fact(name: str, value: Any, unit: str) -> Any:
    """Check `value` against the fact's unit and return it as plain JSON (int/float/bool).

    count: non-negative integer; size: bytes; duration: seconds; percent: 0..100; number: any finite
    number; bool: true/false.
    """
    if hasattr(value, "item") and callable(value.item):
        value = value.item()  # numpy scalar
    if unit == "bool":
        if isinstance(value, bool):
            return value
        raise ValidationError(f"fact {name} is a bool fact, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValidationError(f"fact {name} ({unit}) must be a finite number, got {value!r}")
    if unit == "count":
        if float(value) != int(value) or value < 0:
            raise ValidationError(f"fact {name} is a count, got {value!r}")
        return int(value)
    if unit == "percent" and not 0 <= value <= 100:
        raise ValidationError(f"fact {name} is a percent (0..100), got {value!r}",
                              hint="record percentages as 0..100, e.g. 97.5 for 97.5%")
    if unit in ("size", "duration") and value < 0:
        raise ValidationError(f"fact {name} ({unit}) cannot be negative, got {value!r}")
    return value


def render_value(value: Any, unit: str | None) -> str:
    """A value as a person reads it, in its fact's unit: sizes in KB/MB/GB (binary, like the spec's
    `50MB`), durations in ms, s or min, percentages with %, booleans as true/false (gate messages and
    the reports use this one rendering)."""
    if value is None:
        return "not recorded"
    if unit == "bool" or isinstance(value, bool):
        return str(value).lower()
    if not isinstance(value, (int, float)):
        return str(value)
    if unit == "size":
        for name, factor in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
            if abs(value) >= factor:
                return f"{value / factor:.2f} {name}"
        return f"{value:g} B"
    if unit == "duration":
        if abs(value) < 1:
            return f"{value * 1000:.1f} ms"
        return f"{value:.2f} s" if abs(value) < 120 else f"{value / 60:.1f} min"
    if unit == "percent":
        return f"{value:g}%"
    return f"{value:g}" if isinstance(value, float) else str(value)


def evaluate_gate(rules: list[dict[str, Any]], facts: dict[str, Any]) -> dict[str, Any]:
    """Evaluate every rule on `facts`: {"passed", "results": [{rule, fact, op, expected, observed, passed, message}]}."""
    results = []
    for rule in rules:
        observed = facts.get(rule["fact"])
        fn = _OPS.get(rule["op"])
        try:
            ok = observed is not None and fn is not None and bool(fn(observed, rule["value"]))
        except TypeError:
            ok = False  # e.g. a bool fact compared with a number: a failed rule, not a crash
        results.append({"rule": rule["id"], "fact": rule["fact"], "op": rule["op"], "expected": rule["value"],
                        "observed": observed, "unit": rule.get("unit", "number"), "passed": ok,
                        "message": rule.get("message", "")})
    return {"passed": all(r["passed"] for r in results), "results": results}


def describe_failure(result: dict[str, Any]) -> str:
    """`rule 005:1 metric.f1_score >= 0.7 failed: observed 0.61 ("message")`."""
    unit = result.get("unit", "number")
    text = (f"rule {result['rule']} {result['fact']} {result['op']} {render_value(result['expected'], unit)} failed: "
            f"observed {render_value(result['observed'], unit)}")
    msg = result.get("message") or ""
    rendered = f"{result['fact']} {result['op']}"
    return text if not msg or msg.startswith(rendered) else f"{text} ({msg})"


def failed_results(gate: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The failed rule results of a gate record."""
    return [r for r in (gate or {}).get("results", []) if not r.get("passed")]


def missing_prerequisites(state: dict[str, Any], rules: dict[str, EpochRules], epoch_id: str) -> list[str]:
    """Everything that keeps `epoch_id` from starting: upstream epochs not completed, their gates failed,
    their reviews not approved. Empty when the epoch may start."""
    missing: list[str] = []
    epochs = state.get("epochs", {})
    for up in ancestors(rules, epoch_id):
        rec = epochs.get(up) or {}
        status = rec.get("status", "pending")
        failures = failed_results(rec.get("gate"))
        if failures:
            # Name the rule: "fix rule 003:1" is actionable, "003 failed" is not.
            missing.extend(f"epoch {up} gate: {describe_failure(f)}" for f in failures)
            continue
        if status != "completed":
            missing.append(f"epoch {up} is not completed (status: {status})")
            continue
        review = rules[up].review if up in rules else None
        if review and (rec.get("review") or {}).get("status") != "approved":
            missing.append(f"epoch {up} needs review approval (\"{review.get('title', 'review')}\")")
    return missing
