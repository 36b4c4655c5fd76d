"""Human review gates. An approval comes from (in order): the state (already approved), a CLI flag
(`pipec run --approve 003` / `--yes`), env PIPEC_APPROVE=003,006 (or `all`), the approvals file
`.context/approvals.json`, or an interactive prompt when stdin is a terminal. With none of these the
review fails closed (DependencyError saying how to approve) — it never waits on a closed stdin.
Every decision is appended to `.context/approval_log.json` (who, when, what, how).
"""
from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Any, Callable

from .errors import DependencyError, now_iso
from .jsonio import read_json, update_json
from .state import StateStore


def reviewer_name(explicit: str | None = None) -> str:
    """Who approves: explicit, else PIPEC_REVIEWER, the Domino user, or the OS user."""
    for cand in (explicit, os.environ.get("PIPEC_REVIEWER"), os.environ.get("DOMINO_USER_NAME"),
                 os.environ.get("DOMINO_STARTING_USERNAME")):
        if cand:
            return cand
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return "unknown"


def _approved_by_env(epoch_id: str) -> bool:
    raw = os.environ.get("PIPEC_APPROVE", "")
    ids = {p.strip() for p in raw.split(",") if p.strip()}
    return "all" in ids or epoch_id in ids


def _approved_by_file(context_dir: Path, epoch_id: str) -> dict[str, Any] | None:
    data = read_json(context_dir / "approvals.json", None) or {}
    approvals = data.get("approvals", data) if isinstance(data, dict) else data
    if isinstance(approvals, list):
        return {} if epoch_id in approvals else None
    if isinstance(approvals, dict) and epoch_id in approvals:
        entry = approvals[epoch_id]
        return entry if isinstance(entry, dict) else {}
    return None


def how_to_approve(epoch_id: str) -> str:
    """The sentence every fail-closed message ends with."""
    return (f"approve with `pipec run --approve {epoch_id}`, `python -m pipec_runtime review {epoch_id} --approve`, "
            f"env PIPEC_APPROVE={epoch_id}, or add \"{epoch_id}\" to .context/approvals.json")


def log_decision(context_dir: Path, entry: dict[str, Any]) -> None:
    """Append one decision to approval_log.json."""
    update_json(context_dir / "approval_log.json", lambda log: log["decisions"].append(entry),
                lambda: {"decisions": []})


def obtain_review(store: StateStore, context_dir: Path, epoch_id: str, title: str, *, approve: bool = False,
                  by: str | None = None, interactive: bool | None = None,
                  ask: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Make sure the review after `epoch_id` is approved; returns the review record.

    Raises DependencyError when it is rejected, or missing with no terminal to ask on.
    """
    current = (store.read().get("epochs", {}).get(epoch_id) or {}).get("review") or {}
    if current.get("status") == "approved":
        return current
    via = None
    who = reviewer_name(by)
    if approve:
        via = "flag"
    elif _approved_by_env(epoch_id):
        via = "env"
    else:
        entry = _approved_by_file(context_dir, epoch_id)
        if entry is not None:
            via, who = "file", entry.get("by") or who
    decision = "approved" if via else None
    tty = sys.stdin is not None and sys.stdin.isatty() if interactive is None else interactive
    if decision is None and tty:
        reader = ask or input
        answer = reader(f"Review after epoch {epoch_id}: \"{title}\". Approve? [y/N] ").strip().lower()
        decision, via = ("approved" if answer in ("y", "yes") else "rejected"), "tty"
    record = {"status": decision or "missing", "title": title, "by": who, "via": via or "none", "at": now_iso()}
    log_decision(context_dir, {"epoch": epoch_id, "decision": record["status"], "title": title, "by": who,
                               "via": record["via"], "at": record["at"]})
    if decision == "approved":
        store.update(lambda s: store.epoch(s, epoch_id).__setitem__("review", record))
        return record
    if decision == "rejected":
        store.update(lambda s: store.epoch(s, epoch_id).__setitem__("review", record))
        raise DependencyError(f"review after epoch {epoch_id} (\"{title}\") was rejected by {who}")
    raise DependencyError(f"review after epoch {epoch_id} (\"{title}\") is not approved and there is no terminal "
                          f"to ask on", hint=how_to_approve(epoch_id))
