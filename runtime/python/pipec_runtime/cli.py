"""`python -m pipec_runtime {prereq,gate,review,state,stale,status} … [--json]`: the state-changing
commands `pipec run` calls, so state has one writer implementation and one lock protocol.

Exit codes: 0 ok, 1 not ok (prerequisite missing, gate failed, review not approved), 2 usage/config.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import config
from .checkpoints import Checkpointer
from .errors import DependencyError, GateFailedError, PipelineError, log_error, now_iso
from .gates import describe_failure, evaluate_gate, missing_prerequisites
from .paths import ProjectPaths
from .reviews import obtain_review
from .state import StateStore


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipec_runtime", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", help="project root (default: PIPEC_PROJECT_ROOT or cwd)")
    p.add_argument("--json", action="store_true", help="print JSON")
    sub = p.add_subparsers(dest="verb", required=True)
    sub.add_parser("prereq", help="can this epoch start?").add_argument("epoch")
    g = sub.add_parser("gate", help="evaluate an epoch's gate on its recorded facts")
    g.add_argument("epoch")
    g.add_argument("--record", action="store_true",
                   help="record the result as a run would (completed, or failed with the gate's message)")
    r = sub.add_parser("review", help="obtain the review after an epoch")
    r.add_argument("epoch")
    r.add_argument("--approve", action="store_true", help="approve now (pipec run --approve/--yes)")
    r.add_argument("--by", help="who approves")
    r.add_argument("--no-input", action="store_true", help="never prompt, even on a terminal")
    s = sub.add_parser("state", help="print the state, or change one epoch")
    s.add_argument("action", nargs="?", choices=["show", "fail", "block", "reset"], default="show")
    s.add_argument("epoch", nargs="?")
    s.add_argument("--type", default="PipelineError", help="error type for fail/block")
    s.add_argument("--message", default="", help="error message for fail/block")
    sub.add_parser("stale", help="mark epochs stale (must rerun)").add_argument("epochs", nargs="+")
    sub.add_parser("status", help="summary of every epoch")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        root = Path(args.root).resolve() if args.root else config.project_root()
        ir = config.load_ir(root)
        paths = ProjectPaths(root, ir)
        store = StateStore(paths.context_dir, ir["project"]["name"])
        rules = config.load_gate_rules(root)
        epoch = getattr(args, "epoch", None)
        if epoch is not None:
            config.find_epoch(ir, epoch)
        code, out = VERBS[args.verb](args, ir, paths, store, rules)
    except PipelineError as exc:
        code, out = 2, {"ok": False, "error": {"type": exc.kind, "message": str(exc)}}
    _print(out, args.json)
    return code


def _print(out: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps({k: v for k, v in out.items() if k != "lines"}, indent=2, sort_keys=True, default=str))
        return
    stream = sys.stdout if out.get("ok", True) else sys.stderr
    for line in out.get("lines") or ([out["error"]["message"]] if "error" in out else []):
        print(line, file=stream)


def _prereq(args: Any, ir: Any, paths: ProjectPaths, store: StateStore, rules: Any) -> tuple[int, dict[str, Any]]:
    missing = missing_prerequisites(store.read(), rules, args.epoch)
    lines = [f"epoch {args.epoch} may start"] if not missing else [f"epoch {args.epoch} cannot start:"] + [
        f"  - {m}" for m in missing]
    return (0 if not missing else 1), {"ok": not missing, "epoch": args.epoch, "missing": missing, "lines": lines}


def _gate(args: Any, ir: Any, paths: ProjectPaths, store: StateStore, rules: Any) -> tuple[int, dict[str, Any]]:
    facts = ((store.read().get("epochs") or {}).get(args.epoch) or {}).get("facts") or {}
    gate = evaluate_gate(rules[args.epoch].gate if args.epoch in rules else [], facts)
    lines = [f"epoch {args.epoch} gate {'passed' if gate['passed'] else 'failed'}"] + [
        f"  - {describe_failure(r)}" for r in gate["results"] if not r["passed"]]
    if getattr(args, "record", False):
        _record_gate(args.epoch, gate, paths, store)
    return (0 if gate["passed"] else 1), {"ok": gate["passed"], "epoch": args.epoch, **gate, "lines": lines}


def _record_gate(epoch: str, gate: dict[str, Any], paths: ProjectPaths, store: StateStore) -> None:
    """A gate re-checked on recorded facts (`pipec run --resume` after a gate-only change): the same
    state and message as EpochContext records at the end of a run, without running the epoch again."""
    if gate["passed"]:
        store.mark_finished(epoch, "completed", gate=gate)
        return
    failures = [r for r in gate["results"] if not r["passed"]]
    msg = f"epoch {epoch} gate failed: " + "; ".join(describe_failure(r) for r in failures)
    err = GateFailedError(msg, failures=[{"rule": r["rule"], "expected": r["expected"], "observed": r["observed"],
                                          "message": r["message"]} for r in failures])
    store.mark_finished(epoch, "failed", gate=gate, error={"type": err.kind, "message": msg, "at": now_iso()})
    log_error(paths.context_dir, epoch, err)


def _review(args: Any, ir: Any, paths: ProjectPaths, store: StateStore, rules: Any) -> tuple[int, dict[str, Any]]:
    review = rules[args.epoch].review if args.epoch in rules else None
    if not review:
        return 0, {"ok": True, "epoch": args.epoch, "review": None, "lines": [f"epoch {args.epoch} has no review"]}
    try:
        rec = obtain_review(store, paths.context_dir, args.epoch, review.get("title", "review"), approve=args.approve,
                            by=args.by, interactive=False if args.no_input else None)
    except DependencyError as exc:
        return 1, {"ok": False, "epoch": args.epoch, "error": {"type": exc.kind, "message": str(exc)}}
    return 0, {"ok": True, "epoch": args.epoch, "review": rec,
               "lines": [f"review after epoch {args.epoch} approved by {rec['by']} ({rec['via']})"]}


def _state(args: Any, ir: Any, paths: ProjectPaths, store: StateStore, rules: Any) -> tuple[int, dict[str, Any]]:
    if args.action == "show":
        state = store.read()
        return 0, {**state, "lines": [json.dumps(state, indent=2, sort_keys=True)]}
    if not args.epoch:
        return 2, {"ok": False, "error": {"type": "ValidationError", "message": f"state {args.action} needs an epoch"}}
    if args.action == "reset":
        store.update(lambda s: s["epochs"].__setitem__(args.epoch, {**store.epoch(s, args.epoch), "status": "pending"}))
        Checkpointer(paths.checkpoints_dir, args.epoch).clear()
        return 0, {"ok": True, "lines": [f"epoch {args.epoch} reset to pending"]}
    status = "failed" if args.action == "fail" else "blocked"
    error = {"type": args.type, "message": args.message, "at": now_iso()}
    store.mark_finished(args.epoch, status, error=error)
    log_error(paths.context_dir, args.epoch, kind=args.type, message=args.message)
    return 0, {"ok": True, "lines": [f"epoch {args.epoch} marked {status}: {args.type}: {args.message}"]}


def _stale(args: Any, ir: Any, paths: ProjectPaths, store: StateStore, rules: Any) -> tuple[int, dict[str, Any]]:
    known = {e["id"] for e in ir["epochs"]}
    unknown = [e for e in args.epochs if e not in known]
    if unknown:
        return 2, {"ok": False, "error": {"type": "ValidationError", "message": f"unknown epochs: {', '.join(unknown)}"}}
    store.mark_stale(args.epochs)
    return 0, {"ok": True, "stale": args.epochs, "lines": [f"marked stale: {', '.join(args.epochs)}"]}


def _status(args: Any, ir: Any, paths: ProjectPaths, store: StateStore, rules: Any) -> tuple[int, dict[str, Any]]:
    state = store.read()
    rows = []
    for e in ir["epochs"]:
        rec = state.get("epochs", {}).get(e["id"]) or {}
        ck = Checkpointer(paths.checkpoints_dir, e["id"]).latest()
        rows.append({"epoch": e["id"], "name": e["name"], "status": rec.get("status", "pending"),
                     "gate": rec.get("gate"), "review": rec.get("review"), "error": rec.get("error"),
                     "checkpoint_percent": ck.get("progress_percent") if ck else None,
                     "elapsed_seconds": rec.get("elapsed_seconds"), "estimate_minutes": e["estimate"]["minutes"],
                     "engine": (rec.get("engine") or {}).get("engine")})
    bad = [r for r in rows if r["status"] in ("failed", "blocked")]
    lines = [f"{r['epoch']} {r['name']:<24} {r['status']}" + (f" ({r['engine']})" if r["engine"] else "") for r in rows]
    return (1 if bad else 0), {"ok": not bad, "epochs": rows, "blockers": state.get("blockers", []),
                               "warnings": state.get("warnings", []), "lines": lines}


VERBS = {"prereq": _prereq, "gate": _gate, "review": _review, "state": _state, "stale": _stale, "status": _status}
