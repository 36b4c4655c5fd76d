"""The lifecycle retrospective (epoch 008), built only from what the runs recorded: the pipeline state
(status, timings, facts, gates), pipec's run record (every attempt with its real cause: first run, spec
change, upstream rerun, gate change re-checked on recorded facts, retry after failure, resume from a
checkpoint), the approval log, lineage, the error log, cost/resource samples when cost tracking was on,
and the MLflow runs and registry. Pure functions over those documents, so the report is reproducible
from the same records. Every figure a note states names the record it comes from (`source(...)`), and
nothing is claimed that was not measured.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .markdown_text import inline, with_unit


def read_json(path: Path, default):
    """A JSON document, or `default` when the file is absent."""
    return json.loads(path.read_text()) if path.is_file() else default


def md(text) -> str:
    """Markdown inline text, escaped only where Markdown needs it; line breaks as <br>."""
    return inline(text)


STATE = ".context/pipeline_state.json"
RUN_RECORD = ".context/pipec_record.json"
ERROR_LOG = ".context/error_log.json"
IR = ".pipec/ir.json"


def source(record: str, pointer: str) -> str:
    """Where a figure comes from: `[source: .context/pipeline_state.json epochs.005.elapsed_seconds]`."""
    return f"[source: {record} {pointer}]"


def collect(context_dir: Path) -> dict:
    """The run records under `.context/`."""
    return {
        "state": read_json(context_dir / "pipeline_state.json", {"epochs": {}}),
        "runs": read_json(context_dir / "pipec_record.json", {"epochs": {}}).get("epochs", {}),
        "approvals": read_json(context_dir / "approval_log.json", {"decisions": []}).get("decisions", []),
        "lineage": read_json(context_dir / "data_lineage.json", {}),
        "errors": read_json(context_dir / "error_log.json", {"errors": []}).get("errors", []),
        "resources": read_json(context_dir / "resource_tracking.json", {"epochs": {}}).get("epochs", {}),
        "checkpoints": sorted(p.name for p in (context_dir / "checkpoints").glob("*")) if (context_dir / "checkpoints").is_dir() else [],
    }


def mlflow_summary(experiments: list[str], model_name: str) -> dict:
    """Runs per experiment and the registered model's versions and aliases (empty without MLflow)."""
    try:
        import mlflow
        from mlflow import MlflowClient
    except ImportError:
        return {"available": False}
    client = MlflowClient()
    runs = {}
    for name in sorted(set(experiments)):
        exp = client.get_experiment_by_name(name)
        runs[name] = len(client.search_runs([exp.experiment_id], max_results=5000)) if exp else 0
    try:
        model = client.get_registered_model(model_name)
        versions = sorted(int(v.version) for v in client.search_model_versions(f"name = '{model_name}'"))
        registry = {"name": model_name, "versions": versions, "aliases": {k: str(v) for k, v in sorted(model.aliases.items())}}
    except mlflow.exceptions.MlflowException:
        registry = {"name": model_name, "versions": [], "aliases": {}}
    return {"available": True, "runs": runs, "registry": registry}


def attempt_history(epoch_id: str, records: dict) -> list[dict]:
    """The attempts of an epoch with their causes, from pipec's run record (`pipec run` writes it);
    empty when the epoch only ran outside `pipec run` (a Domino job, a script run by hand)."""
    return list(((records.get("runs") or {}).get(epoch_id) or {}).get("attempts") or [])


def describe_attempt(a: dict) -> str:
    """`attempt 3 (gate change: re-checked on the recorded facts, not rerun): failed: GateFailedError: …`."""
    if a.get("kind") == "recheck-gate":
        how = "re-checked on the recorded facts, not rerun"
    elif a.get("resumedFromPercent") is not None:
        how = f"resumed from its checkpoint at {a['resumedFromPercent']:g}%"
    else:
        how = "ran from the start"
    outcome = a.get("outcome", "unknown")
    if a.get("error"):
        outcome += f": {a['error']}"
    return f"attempt {a.get('n')} ({a.get('cause', 'cause not recorded')}: {how}): {outcome}"


def epoch_rows(epochs: list[dict], records: dict) -> list[dict]:
    """Estimates vs actuals per epoch (minutes, memory), status, attempts and gate outcome."""
    state, resources = records["state"].get("epochs", {}), records["resources"]
    rows = []
    for e in epochs:
        rec = state.get(e["id"], {})
        elapsed = rec.get("elapsed_seconds")
        actual_min = elapsed / 60 if isinstance(elapsed, (int, float)) else None
        est = e.get("minutes") or e.get("estimate", {}).get("minutes")
        # The epoch's own measurement (state), else the cost tracker's samples.
        peak_bytes = rec.get("peak_memory_bytes")
        peak = peak_bytes / 1024 ** 3 if isinstance(peak_bytes, (int, float)) else (resources.get(e["id"]) or {}).get("peak_memory_gb")
        gate = rec.get("gate") or {}
        rows.append({
            "epoch": e["id"], "name": e["name"], "agent": e.get("agent", ""), "status": rec.get("status", "pending"),
            "attempts": len(attempt_history(e["id"], records)) or rec.get("attempts", 0), "started_at": rec.get("started_at"), "finished_at": rec.get("finished_at"),
            "estimated_minutes": est, "actual_minutes": actual_min,
            "ratio": (actual_min / est) if actual_min is not None and est else None,
            "estimated_memory_gb": e.get("memory_gb") or e.get("estimate", {}).get("memoryGb"), "peak_memory_gb": peak,
            "engine": (rec.get("engine") or {}).get("engine"),
            "gate_passed": gate.get("passed"), "gate_rules": len(gate.get("results", [])), "facts": rec.get("facts", {}),
            "error": (rec.get("error") or {}).get("message"),
        })
    return rows


def gate_history(records: dict) -> list[dict]:
    """Every evaluated gate rule: epoch, rule, expected, observed, passed."""
    out = []
    for eid, rec in sorted(records["state"].get("epochs", {}).items()):
        for r in (rec.get("gate") or {}).get("results", []):
            out.append({"epoch": eid, **{k: r.get(k) for k in ("rule", "fact", "op", "expected", "observed", "unit", "passed", "message")}})
    return out


def what_if(rows: list[dict], records: dict, tuning: dict | None, skipped: dict,
            tuning_source: str = "epoch 005 artifacts tuning_summary.json") -> list[str]:
    """Rule-based notes on where the plan was off, each stating only measured figures and its source."""
    notes = []
    for r in rows:
        eid = r["epoch"]
        if r["ratio"] is not None and r["ratio"] > 1.5:
            notes.append(f"Epoch {eid} took {r['ratio']:.1f}x its estimate ({r['actual_minutes']:.1f} of "
                         f"{r['estimated_minutes']} min): raise the estimate or use a larger tier "
                         f"{source(STATE, f'epochs.{eid}.elapsed_seconds')} {source(IR, f'epochs.{eid}.estimate.minutes')}")
        history = attempt_history(eid, records)
        if len(history) > 1:
            notes.append(f"Epoch {eid} had {len(history)} attempts: " + "; ".join(describe_attempt(a) for a in history)
                         + f" {source(RUN_RECORD, f'epochs.{eid}.attempts')}")
        elif not history and r["attempts"] and r["attempts"] > 1:
            notes.append(f"Epoch {eid} was started {r['attempts']} times; why was not recorded (it ran outside `pipec run`) "
                         f"{source(STATE, f'epochs.{eid}.attempts')}")
    if tuning and tuning.get("tuned"):
        notes.append(f"Budgeted tuning evaluated {tuning.get('candidates_evaluated')} candidates in {tuning.get('fits')} fits "
                     f"({tuning.get('fit_equivalents', 0):.1f} full-data fit equivalents, {tuning.get('seconds', 0):.0f} s); "
                     f"no exhaustive grid was run, so none is compared {source(tuning_source, 'fits')}")
        if tuning.get("kept") == "baseline":
            notes.append("Tuning did not beat the baseline in cross-validation on the training rows: a larger budget or a "
                         f"different model family may help {source(tuning_source, 'kept')}")
        stopped = tuning.get("stopped")
        if stopped:
            notes.append(f"Tuning stopped at its {stopped['reason']} in round {stopped['round']} of {tuning.get('rounds')}: "
                         f"raise the budget (`within`) if the search was still improving {source(tuning_source, 'stopped')}")
    sample = (tuning or {}).get("sample") or {}
    if sample.get("sampled"):
        notes.append(f"Model selection ran on a stratified sample of {sample['rows']} of {sample['of']} training rows; the "
                     f"final model was refitted on all of them {source(tuning_source, 'sample')}")
    for model_id, reason in sorted(skipped.items()):
        notes.append(f"{model_id} was skipped ({reason}); including it could change the model choice.")
    if records["errors"]:
        notes.append(f"{len(records['errors'])} error(s) were logged: harden those first {source(ERROR_LOG, 'errors')}")
    if not records["resources"]:
        notes.append("Cost tracking was off (ENABLE_COST_TRACKING): enable it to compare compute cost per epoch next time.")
    return notes


def attempts_markdown(rows: list[dict], records: dict) -> list[str]:
    """The "Attempts" section: every recorded attempt of every epoch, with its cause and outcome."""
    lines = ["## Attempts", "", f"Every run and gate re-check `pipec run` made (per epoch NNN) {source(RUN_RECORD, 'epochs.NNN.attempts')}.", ""]
    any_recorded = False
    for r in rows:
        for a in attempt_history(r["epoch"], records):
            any_recorded = True
            lines.append(f"- {r['epoch']} {md(r['name'])}: {md(describe_attempt(a))}")
    if not any_recorded:
        lines.append("- none recorded (the epochs ran outside `pipec run`)")
    return lines


def playbook(project: dict, rows: list[dict], gates: list[dict], notes: list[str]) -> dict:
    """A reusable playbook: the lifecycle as run, what each handoff checked, and the adjustments."""
    return {
        "project": project, "steps": [{"epoch": r["epoch"], "name": r["name"], "agent": r["agent"],
                                        "planned_minutes": r["estimated_minutes"], "took_minutes": r["actual_minutes"],
                                        "handoff_checks": [g["message"] or g["rule"] for g in gates if g["epoch"] == r["epoch"]]}
                                       for r in rows],
        "recommendations": notes,
    }


def playbook_markdown(book: dict) -> str:
    """The playbook as Markdown (spec strings escaped)."""
    lines = [f"# Playbook: {md(book['project'].get('title', ''))}", "", inline(book["project"].get("objective", ""), line_start=True), ""]
    for s in book["steps"]:
        took = f"{s['took_minutes']:.1f}" if isinstance(s["took_minutes"], (int, float)) else "not run"
        lines.append(f"## {md(s['epoch'])} {md(s['name'])} ({md(s['agent'])})")
        lines.append(f"- planned {s['planned_minutes']} min, took {took} min")
        lines.extend(f"- handoff: {md(c)}" for c in s["handoff_checks"])
        lines.append("")
    lines.append("## Recommendations")
    lines.extend(f"- {md(n)}" for n in book["recommendations"] or ["none"])
    return "\n".join(lines) + "\n"


def report_markdown(title: str, rows: list[dict], gates: list[dict], approvals: list[dict], ml: dict, notes: list[str],
                    records: dict | None = None) -> str:
    """The retrospective report: estimates vs actuals, gates, reviews, MLflow, what-if notes."""
    fmt = lambda v: f"{v:.2f}" if isinstance(v, (int, float)) else "-"  # noqa: E731
    lines = [f"# Retrospective: {md(title)}", "", "## Estimates vs actuals", "",
             "| epoch | status | attempts | est. min | actual min | ratio | peak memory GB | engine |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['epoch']} {md(r['name'])} | {r['status']} | {r['attempts']} | {fmt(r['estimated_minutes'])} | "
                     f"{fmt(r['actual_minutes'])} | {fmt(r['ratio'])} | {fmt(r['peak_memory_gb'])} | {r.get('engine') or '-'} |")
    lines += ["", f"Actual minutes {source(STATE, 'epochs.NNN.elapsed_seconds')}, engine {source(STATE, 'epochs.NNN.engine')}, estimates {source(IR, 'epochs.NNN.estimate')}, "
              f"attempts {source(RUN_RECORD, 'epochs.NNN.attempts')}.", ""]
    lines += attempts_markdown(rows, records or {})
    lines += ["", "## Gate history", ""]
    lines += [f"- {g['epoch']} {'passed' if g['passed'] else 'FAILED'}: {md(g['message'] or g['rule'])} "
              f"(expected {md(g.get('op') or '')} {md(with_unit(g.get('expected'), g.get('unit')))}, "
              f"observed {md(with_unit(g['observed'], g.get('unit')))})" for g in gates] or ["- no gates evaluated"]
    lines += ["", "## Reviews", ""]
    lines += [f"- epoch {md(a.get('epoch', ''))}: {md(a.get('decision', a.get('status', '')))} by {md(a.get('by', ''))} "
              f"at {md(a.get('at', ''))} via {md(a.get('via', ''))}" for a in approvals] or ["- none recorded"]
    lines += ["", "## MLflow", ""]
    if ml.get("available"):
        lines += [f"- {md(k)}: {v} runs" for k, v in ml["runs"].items()]
        reg = ml["registry"]
        lines.append(f"- registered model {md(reg['name'])}: versions {reg['versions']}, aliases {md(json.dumps(reg['aliases']))}")
    else:
        lines.append("- MLflow not available")
    lines += ["", "## What if", ""] + [f"- {md(n)}" for n in notes or ["nothing to note"]]
    return "\n".join(lines) + "\n"


def lessons_by_agent(rows: list[dict], warnings: list[dict]) -> dict[str, str]:
    """One Markdown note per agent: its epochs, outcomes, facts and warnings."""
    agents: dict[str, list[dict]] = {}
    for r in rows:
        agents.setdefault(r["agent"] or "unassigned", []).append(r)
    out = {}
    for agent, mine in sorted(agents.items()):
        lines = [f"# Lessons learned: {md(agent)}", ""]
        for r in mine:
            lines.append(f"## Epoch {r['epoch']} {md(r['name'])}: {r['status']}")
            facts = ", ".join(f"{md(k)}={md(v)}" for k, v in sorted(r["facts"].items())) or "none"
            lines.append(f"- facts: {facts}")
            for w in (w for w in warnings if w.get("epoch") == r["epoch"]):
                lines.append(f"- warning: {md(w.get('message', ''))}")
            if r["error"]:
                lines.append(f"- error: {md(r['error'])}")
            lines.append("")
        slug = re.sub(r"[^a-z0-9]+", "-", agent.lower()).strip("-") or "agent"
        out[f"{slug}.md"] = "\n".join(lines) + "\n"
    return out


def plot_timeline(rows: list[dict], path: Path) -> None:
    """Estimated vs actual minutes per epoch (bars), the seed's timeline visualisation."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [r["epoch"] for r in rows]
    est = [r["estimated_minutes"] or 0 for r in rows]
    act = [r["actual_minutes"] or 0 for r in rows]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    xs = range(len(rows))
    ax.bar([x - 0.2 for x in xs], est, width=0.4, label="estimated", color="#BAD2DE", edgecolor="#5b7f91")
    ax.bar([x + 0.2 for x in xs], act, width=0.4, label="actual", color="#CBE2DA", edgecolor="#5b7f91")
    ax.set_xticks(list(xs), labels)
    ax.set_yscale("symlog")
    ax.set_ylabel("minutes")
    ax.legend()
    ax.set_title("estimated vs actual time per epoch")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def plot_gates(gates: list[dict], path: Path) -> None:
    """Passed and failed gate rules per epoch (stacked bars)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    epochs = sorted({g["epoch"] for g in gates})
    passed = [sum(1 for g in gates if g["epoch"] == e and g["passed"]) for e in epochs]
    failed = [sum(1 for g in gates if g["epoch"] == e and not g["passed"]) for e in epochs]
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.bar(epochs, passed, color="#CBE2DA", edgecolor="#5b7f91", label="passed")
    ax.bar(epochs, failed, bottom=passed, color="#d9a5a5", edgecolor="#5b7f91", label="failed")
    ax.set_ylabel("gate rules")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
