"""EpochContext: the one object a generated epoch script uses.

    with EpochContext.start("005") as ctx:
        ...

On enter: reviews of upstream epochs obtained (non-interactively unless on a TTY), prerequisites checked
(DependencyError naming what is missing), the epoch marked running, the checkpoint loaded for resume.
On a clean exit: the handoff gate is evaluated on the recorded facts → completed (and the seed's
`epoch_NNN_complete` flag) or failed with each failed rule and GateFailedError. On an exception: the error
is logged (taxonomy), the epoch marked failed, and the exception propagates (exit 1, one clear line).
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator, Literal

from . import config, console
from .checkpoints import Checkpointer
from .cost import CostTracker
from .errors import DependencyError, GateFailedError, PipelineError, ValidationError, error_kind, log_error, now_iso
from .gates import coerce_fact, describe_failure, evaluate_gate, missing_prerequisites
from .limits import MemoryGuard, format_gb, peak_rss_bytes, write_parquet_limited
from .lineage import Lineage
from .paths import ProjectPaths
from .reviews import obtain_review
from .state import StateStore
from .tracking import Tracker

ExitHook = Callable[["EpochContext", bool], None]


class EpochContext:
    """Runtime services for one epoch run (see module doc)."""

    #: Hooks run on exit with (ctx, ok) before the final state is written; modules such as `flow_io`
    #: register here to read/write Domino Flows inputs/outputs without the epoch script knowing.
    global_exit_hooks: ClassVar[list[ExitHook]] = []
    #: Hooks run after enter (prerequisites passed), e.g. to load job inputs.
    global_enter_hooks: ClassVar[list[Callable[["EpochContext"], None]]] = []

    def __init__(self, epoch_id: str, root: Path | None = None, resume: bool | None = None) -> None:
        self.epoch_id = epoch_id
        self.root = (root or config.project_root()).resolve()
        self.ir: dict[str, Any] = config.load_ir(self.root)
        self.epoch: dict[str, Any] = config.find_epoch(self.ir, epoch_id)
        self.project_name: str = self.ir["project"]["name"]
        self.limits: dict[str, Any] = config.limits_of(self.ir)
        self.paths = ProjectPaths(self.root, self.ir, epoch_id)
        self.rules = config.load_gate_rules(self.root)
        self.state = StateStore(self.paths.context_dir, self.project_name)
        self.lineage = Lineage(self.paths.context_dir, epoch_id)
        cp = self.limits["checkpoint"]
        # fsync makes a checkpoint survive a machine crash; a process crash only needs the atomic rename.
        self.checkpoint = Checkpointer(self.paths.checkpoints_dir, epoch_id, cp["everyPercent"], cp["everySeconds"],
                                       fsync=os.environ.get("PIPEC_CHECKPOINT_FSYNC", "1") != "0")
        self.memory = MemoryGuard(self.limits["maxMemoryBytes"])
        self.cost = CostTracker(self.paths.context_dir, epoch_id)
        self._track: Tracker | None = None
        self._resume_wanted = os.environ.get("PIPEC_RESUME", "1") != "0" if resume is None else resume
        self.resumed_from: dict[str, Any] | None = None
        self.facts: dict[str, Any] = {}
        self.exit_hooks: list[ExitHook] = []
        self._blocked = False
        self._t0 = 0.0
        parent = os.environ.get("PIPEC_PARENT_PID")
        self._parent_pid = int(parent) if parent and parent.isdigit() else None
        #: The engine that runs this epoch: the IR's `compute.engine` (e.g. "dask") or "pandas" on one machine.
        #: Recorded here for every epoch (state `engine`, MLflow param `engine`); a Dask epoch's DaskCluster
        #: adds its cluster record (workers, scheduler, peak memory) to the same state key.
        self.engine: str = str((self.epoch.get("compute") or {}).get("engine") or "pandas")
        self._units = {f["name"]: f["unit"] for f in self.rules.get(epoch_id, config.EpochRules(epoch_id, [], [], [], [], None)).produces}

    @classmethod
    def start(cls, epoch_id: str, root: Path | str | None = None, resume: bool | None = None) -> "EpochContext":
        """Create the context of `epoch_id` (use it in a `with` block). Installs a concise error printer."""
        _install_excepthook()
        ctx = cls(epoch_id, Path(root) if root else None, resume)
        if ctx._parent_pid is not None:
            # Under `pipec run` (it sets PIPEC_PARENT_PID): library notices go to the epoch's log file.
            console.install(ctx.paths.context_dir, epoch_id, f"epoch {epoch_id} started {now_iso()} (pid {os.getpid()})")
        return ctx

    # ---------------------------------------------------------------- lifecycle

    def __enter__(self) -> "EpochContext":
        self._t0 = time.monotonic()
        self._obtain_upstream_reviews()
        missing = missing_prerequisites(self.state.read(), self.rules, self.epoch_id)
        if missing:
            err = DependencyError(f"epoch {self.epoch_id} cannot start: " + "; ".join(missing), missing=missing)
            self._fail(err, status="blocked")
            raise err
        latest = self.checkpoint.latest()
        if latest and self._resume_wanted and latest.get("can_resume", True):
            self.checkpoint.adopt(latest)
            self.resumed_from = latest
            print(f"epoch {self.epoch_id}: resuming from checkpoint at {latest.get('progress_percent', 0):g}%", flush=True)
        elif latest:
            self.checkpoint.clear()
        # A fresh run forgets old facts; a resumed one keeps the facts of the steps it skips.
        rec = self.state.mark_running(self.epoch_id, reset_facts=self.resumed_from is None, engine=self.engine)
        self.facts.update(rec["epochs"][self.epoch_id].get("facts") or {})
        try:
            for hook in list(self.global_enter_hooks):
                hook(self)
        except BaseException as err:  # __exit__ never runs when __enter__ raises: fail the epoch here
            self._fail(err, status="failed")
            raise
        return self

    def __exit__(self, exc_type: Any, exc: BaseException | None, tb: Any) -> Literal[False]:
        ok = exc is None
        hook_error: BaseException | None = None
        for hook in [*self.global_exit_hooks, *self.exit_hooks]:
            try:
                hook(self, ok)
            except Exception as err:  # a failing hook fails the epoch like any other error
                hook_error = hook_error or err
        if ok and hook_error is not None:
            self._fail(hook_error, status="failed")
            raise hook_error
        if exc is not None:
            self._fail(exc, status="blocked" if self._blocked else "failed")
            return False
        gate = evaluate_gate(self.rules[self.epoch_id].gate if self.epoch_id in self.rules else [], self.facts)
        elapsed = time.monotonic() - self._t0
        if gate["passed"]:
            self.state.mark_finished(self.epoch_id, "completed", elapsed=elapsed, gate=gate, peak_memory_bytes=peak_rss_bytes())
            self.checkpoint.clear()
            self._close_tracking(True, "completed")
            print(f"epoch {self.epoch_id} completed: gate passed ({len(gate['results'])} rules), {elapsed:.1f}s", flush=True)
            note = console.captured_note()
            if note:
                print(note, flush=True)
            return False
        failures = [r for r in gate["results"] if not r["passed"]]
        msg = f"epoch {self.epoch_id} gate failed: " + "; ".join(describe_failure(r) for r in failures)
        gate_error = GateFailedError(msg, failures=[{"rule": r["rule"], "expected": r["expected"], "observed": r["observed"],
                                                     "message": r["message"]} for r in failures])
        self.state.mark_finished(self.epoch_id, "failed", elapsed=elapsed, gate=gate, peak_memory_bytes=peak_rss_bytes(),
                                 error={"type": gate_error.kind, "message": msg, "at": now_iso()})
        log_error(self.paths.context_dir, self.epoch_id, gate_error)
        # The work finished; only its result fell short. A rerun must redo it, not skip every step.
        self.checkpoint.clear()
        self._close_tracking(False, "failed")
        raise gate_error

    def _fail(self, exc: BaseException, status: str) -> None:
        elapsed = time.monotonic() - self._t0 if self._t0 else None
        error = {"type": error_kind(exc), "message": str(exc), "at": now_iso()}
        self.state.mark_finished(self.epoch_id, status, elapsed=elapsed, error=error, peak_memory_bytes=peak_rss_bytes())
        log_error(self.paths.context_dir, self.epoch_id, exc)
        self._close_tracking(False, status)

    def _close_tracking(self, ok: bool, status: str) -> None:
        if self._track is not None:
            self._track.close(ok)
        self.cost.finalize(status)

    def _obtain_upstream_reviews(self) -> None:
        # A review blocks every downstream epoch, so check all ancestors, not only direct ones.
        state = self.state.read()
        for up in config.ancestors(self.rules, self.epoch_id):
            review = self.rules[up].review if up in self.rules else None
            rec = state.get("epochs", {}).get(up) or {}
            if review and rec.get("status") == "completed" and (rec.get("review") or {}).get("status") != "approved":
                try:
                    obtain_review(self.state, self.paths.context_dir, up, review.get("title", "review"))
                except DependencyError:
                    pass  # reported with everything else missing by missing_prerequisites

    # ---------------------------------------------------------------- tracking, facts, messages

    @property
    def track(self) -> Tracker:
        """Dual-storage tracker (artifacts folder always, MLflow when importable)."""
        if self._track is None:
            # One run name and tag set per epoch, whoever runs it (pipec run, a Domino job, a notebook).
            tags = {"pipec.project": self.project_name, "pipec.epoch": self.epoch_id,
                    "pipec.epoch_name": str(self.epoch.get("name", "")), "pipec.attempt_resumed": str(self.resumed_from is not None).lower()}
            self._track = Tracker(self.paths.artifacts_dir(), self.epoch.get("experiment") or self.project_name,
                                  self.root, f"epoch{self.epoch_id}-{self.epoch.get('name', '')}", tags=tags)
            self._track.log_params({"engine": self.engine})
        return self._track

    def record_fact(self, name: str, value: Any) -> Any:
        """Record a fact for the gate, typed by the unit the IR declares; returns the stored value."""
        return self.record_facts({name: value})[name]

    def record_facts(self, facts: dict[str, Any]) -> dict[str, Any]:
        """Record several facts at once (one state write)."""
        clean: dict[str, Any] = {}
        for name, value in facts.items():
            unit = self._units.get(name)
            if unit is None:
                unit = "bool" if isinstance(value, bool) else "number"
                self.warn(f"fact {name} is not declared by epoch {self.epoch_id}; recorded as {unit}")
            clean[name] = coerce_fact(name, value, unit)
        self.facts.update(clean)
        self.state.record_facts(self.epoch_id, clean)
        return clean

    def warn(self, message: str) -> None:
        """A warning: printed and kept in the state (shown by `pipec status`)."""
        print(f"warning: {message}", file=console.err(), flush=True)
        self.state.add_warning(self.epoch_id, message)

    def block(self, message: str) -> None:
        """Stop the epoch as blocked (a human must act): records a blocker and raises DependencyError."""
        self._blocked = True
        raise DependencyError(message, blocked=True)

    # ---------------------------------------------------------------- limits and loops

    def guard_memory(self, what: str = "") -> int:
        """Raise ResourceLimitError when RSS passes limits.maxMemoryBytes; returns RSS bytes."""
        self._check_parent()
        return self.memory.check(what)

    def _check_parent(self) -> None:
        # Under `pipec run` (PIPEC_PARENT_PID): if the runner was killed, stop at the next chunk/step
        # instead of running on unsupervised; the checkpoint lets `pipec run --resume` continue.
        if self._parent_pid is not None and os.getppid() != self._parent_pid:
            raise PipelineError("the pipec run that started this epoch is gone; stopping (resume with --resume)")

    def write_parquet(self, df: Any, path: Path | str) -> dict[str, Any]:
        """Write a table within limits.maxFileSizeBytes, sampling it down (and recording that) if needed."""
        seed = int((self.ir.get("data") or {}).get("seed", 0) or 0)
        info = write_parquet_limited(df, Path(path), self.limits["maxFileSizeBytes"], seed)
        if info["sampled"]:
            self.lineage.transformation(f"sample_to_size_limit:{Path(path).name}", info["rows_in"], info["rows_out"],
                                        {"reason": "file size limit", "limit_bytes": self.limits["maxFileSizeBytes"],
                                         "fraction": info["fraction"]})
            self.warn(f"{Path(path).name} sampled from {info['rows_in']} to {info['rows_out']} rows to stay under "
                      f"{self.limits['maxFileSizeBytes']} bytes")
        return info

    def chunks(self, total_rows: int, name: str = "rows", chunk_rows: int | None = None,
               verb: str = "Generated", guard: bool = True) -> Iterator[tuple[int, int]]:
        """Yield (start, stop) row ranges of `chunk_rows` (default limits.chunkRows).

        After each chunk: progress line `Generated X/Y rows (Memory: Z GB)`, checkpoint every N%/T seconds.
        On resume, chunks finished before the crash are skipped (the caller must persist each chunk's
        output, e.g. one part file per chunk, so skipped chunks are still there).
        """
        size = int(chunk_rows or self.limits["chunkRows"])
        loop = (self.checkpoint.current.get("loops") or {}).get(name) or {}
        start = int(loop.get("next_row", 0)) if loop.get("total") == total_rows else 0
        if start:
            print(f"resuming {name} at row {start}/{total_rows}", flush=True)
        while start < total_rows:
            stop = min(start + size, total_rows)
            self._check_parent()
            rss = self.memory.check(f"{name} {start}-{stop}") if guard else 0
            yield start, stop
            self.cost.sample()
            print(f"{verb} {stop}/{total_rows} rows (Memory: {format_gb(rss)})", flush=True)
            pct = 100.0 * stop / total_rows
            self.checkpoint.current["loops"][name] = {"next_row": stop, "total": total_rows}
            if stop == total_rows or self.checkpoint.due(pct):
                self.checkpoint.save(progress_percent=pct, current_step=name)
            start = stop

    def steps(self, names: Iterable[str]) -> Iterator[str]:
        """Yield step names, skipping steps completed before a crash; checkpoint after each step."""
        names = list(names)
        if len(set(names)) != len(names):
            raise ValidationError(f"step names must be unique: {names}")
        done = list(self.checkpoint.current.get("completed_steps") or [])
        for i, step in enumerate(names):
            if step in done:
                print(f"step {step}: done before, skipped", flush=True)
                continue
            self._check_parent()
            yield step
            done.append(step)
            self.cost.sample()
            nxt = names[i + 1] if i + 1 < len(names) else None
            self.checkpoint.save(progress_percent=100.0 * (i + 1) / len(names), current_step=step, next_step=nxt,
                                 completed_steps=done)


_HOOKED = False


def _install_excepthook() -> None:
    """Print runtime errors as one clear line (the full traceback is in .context/error_log.json)."""
    global _HOOKED
    if _HOOKED:
        return
    _HOOKED = True
    previous = sys.excepthook

    def hook(exc_type: Any, exc: BaseException, tb: Any) -> None:
        console.restore()  # the failure is the epoch's own output: always on the console
        if isinstance(exc, PipelineError) and os.environ.get("PIPEC_DEBUG") != "1":
            print(f"error[{exc.kind}]: {exc}", file=sys.stderr, flush=True)
            for failure in getattr(exc, "failures", []):
                print(f"  rule {failure['rule']}: expected {failure['expected']}, observed {failure['observed']}",
                      file=sys.stderr)
        else:
            previous(exc_type, exc, tb)

    sys.excepthook = hook
