"""Time and size budgets of model development (epoch 005), on one machine.

- **Selection sample.** When the training rows exceed the spec's `sample N rows` (default in
  `config.MODELS["selectionSampleRows"]`), the baseline ranking, the tuning and the threshold choice
  run on a stratified, seeded sample of N training rows; the chosen configuration is then refitted on
  ALL training rows (as FLAML and AutoGluon do). Classification stratifies on the target; regression on
  ten quantile bins of the target. The sample's size, seed and strata are recorded.
- **Progress.** Every fit that may be long prints a line when it starts and ends, and a heartbeat every
  `PIPEC_PROGRESS_SECONDS` (default 30) while it runs, so `pipec run` shows a slow fit is alive.
- **Clock.** Seconds spent, accumulated across resumed runs, checked against a `within` budget.
"""
from __future__ import annotations

import os
import threading
import time

import numpy as np
import pandas as pd

#: Quantile bins that stratify a regression target.
REGRESSION_STRATA = 10


def heartbeat_seconds() -> float:
    """Seconds between the 'still running' lines of a long fit."""
    return float(os.environ.get("PIPEC_PROGRESS_SECONDS") or 30)


def _strata(y: np.ndarray, problem: str) -> np.ndarray | None:
    if problem == "classification":
        return y
    bins = pd.qcut(pd.Series(y.astype(float)), q=REGRESSION_STRATA, labels=False, duplicates="drop")
    return bins.to_numpy()


def selection_sample(y, problem: str, max_rows: int | None, seed: int) -> tuple[np.ndarray, dict]:
    """(sorted row positions, description) of the rows that model selection uses: all rows when there
    are at most `max_rows` (or no limit), else a stratified sample of `max_rows` drawn with `seed`.
    A stratum too small to split (a class with one row) falls back to a plain seeded sample."""
    from sklearn.model_selection import train_test_split

    y = np.asarray(y)
    n = len(y)
    if not max_rows or n <= max_rows:
        return np.arange(n), {"rows": n, "of": n, "sampled": False}
    strata = _strata(y, problem)
    try:
        idx, _ = train_test_split(np.arange(n), train_size=int(max_rows), stratify=strata, random_state=seed)
        how = "stratified on the target" if problem == "classification" else f"stratified on {REGRESSION_STRATA} target quantile bins"
    except ValueError:
        idx = np.random.default_rng(seed).choice(n, size=int(max_rows), replace=False)
        how = "plain (a stratum had too few rows to stratify)"
    return np.sort(idx), {"rows": int(max_rows), "of": n, "sampled": True, "seed": seed, "how": how}


class Progress:
    """`with Progress("final refit on 160000 rows"):` prints a start line, a heartbeat while the body
    runs, and the seconds it took. The heartbeat runs on a daemon thread: a fit holding the GIL in C
    code still lets it print between its own Python calls."""

    def __init__(self, label: str, log=print, every: float | None = None, quiet_start: bool = False,
                 quiet: bool = False) -> None:
        """`quiet_start`: no start line; `quiet`: heartbeat only (for many short fits in a row)."""
        self.label, self.log, self.quiet_start, self.quiet = label, log, quiet_start or quiet, quiet
        self.every = heartbeat_seconds() if every is None else every
        self._stop = threading.Event()
        self.seconds = 0.0

    def __enter__(self) -> "Progress":
        self.start = time.perf_counter()
        if not self.quiet_start:
            self.log(f"{self.label}: started")
        self._thread = threading.Thread(target=self._beat, daemon=True)
        self._thread.start()
        return self

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            self.log(f"{self.label}: still running, {time.perf_counter() - self.start:.0f} s so far")

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.seconds = time.perf_counter() - self.start
        if exc[0] is None and not self.quiet:
            self.log(f"{self.label}: done in {self.seconds:.1f} s")


class Clock:
    """Seconds spent on one budgeted task: `before` seconds from earlier (resumed) runs plus this run's."""

    def __init__(self, budget_seconds: float | None, before: float = 0.0) -> None:
        self.budget, self.before, self.start = budget_seconds, before, time.perf_counter()

    @property
    def spent(self) -> float:
        return self.before + time.perf_counter() - self.start

    def exhausted(self, next_cost: float = 0.0) -> bool:
        """Whether the budget is spent, or would be by a task expected to take `next_cost` seconds."""
        return self.budget is not None and self.spent + next_cost > self.budget


def fmt_seconds(s: float) -> str:
    """`75` → `1m 15s`, for log lines and reports."""
    m, sec = divmod(int(round(s)), 60)
    return f"{m}m {sec:02d}s" if m else f"{s:.1f}s"
