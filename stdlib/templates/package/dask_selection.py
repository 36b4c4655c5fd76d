"""Model selection over EVERY training row on a Dask cluster: the strategy model_search's loop uses in a
cluster epoch 005 with `sample off` (or at most `sample N rows` training rows).

- **Validation rows.** A seeded split of the training partitions (`random_split`, VALIDATION_SHARE of
  each partition). Only training partitions are split: the test rows are not an argument here.
- **A candidate** (a baseline, or a tuning candidate) trains with xgboost.dask / lightgbm.dask on the
  other training rows, transformed once on the workers by a feature pipeline fitted on training rows
  only, and is scored on the validation rows partition by partition on the workers (only predictions
  come back). A model without a distributed trainer trains on a seeded sample of the same training rows
  (dask_training.SELECTION_ROWS) and is scored on the same validation rows.
- **Decision threshold** of a threshold metric (binary F1, precision, recall): the served threshold is
  chosen on all validation predictions; the reported score uses thresholds cross-fitted on two seeded
  halves of the validation rows (each half scored with the other half's threshold), so the score that
  ranks the models is not optimistic.
- **Budgets.** Successive halving's resource is a growing share of the training rows (a seeded sample
  of every partition, so every worker keeps working; all of them in the last round), the same plan as
  on one machine. A per-baseline time cap (`within 2m each`) fits on a quarter of the rows first and
  goes on to all of them only when that would stay within the cap, like stopping before a CV fold that
  would overrun; a baseline cut short ranks after the complete ones.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import config, dask_data
from . import dask_training as dt
from . import model_artifact as artifact
from . import model_selection as sel
from .model_budget import Clock, Progress, fmt_seconds
from . import model_utils as mu
from .model_utils import compute_metrics, greater_is_better

#: Share of each training partition held out as validation rows.
VALIDATION_SHARE = 0.2
#: Training rows of the first halving round at least.
MIN_ROUND_ROWS = 5_000
#: Shares of the training rows a baseline fits on when it has a time cap (the last is all of them).
CAPPED_SHARES = (0.25, 1.0)


def _print(message: str) -> None:
    print(message, flush=True)


class ClusterHoldout:
    """Fits candidates on the training partitions, scores them on a seeded validation split of them."""

    n_folds = None
    selection_path = "cluster"
    score_name = "validation"

    def __init__(self, client: Any, train: Any, train_rows: int, labels: np.ndarray, key: str) -> None:
        """`train`: the training partitions; `labels`: the target of a seeded pandas sample of them (class
        weights); `key`: the data key of the checkpoints."""
        self.client, self.train, self.train_rows, self.labels = client, train, train_rows, labels
        self.key = sel._key(key, "cluster-holdout", VALIDATION_SHARE)
        self.selection = (f"holdout validation on the cluster over all {train_rows} training rows: each candidate "
                          f"trains on the training partitions less a seeded {VALIDATION_SHARE:.0%} validation split "
                          f"(xgboost.dask / lightgbm.dask), scored on that split on the workers")
        self._ready = False
        # Validation results of configurations fitted on all training rows (the last halving round's
        # survivor is not fitted again to report its metrics).
        self._full: dict[tuple[str, str], dict] = {}
        #: Model id → the memory plan that made its candidates fit on fewer rows than asked (planned_share).
        self.memory_capped: dict[str, dict] = {}

    def _prepare(self) -> None:
        """Splits and transforms once, on first use (a run resumed after selection never pays for it)."""
        if self._ready:
            return
        fit, val = self.train.random_split([1.0 - VALIDATION_SHARE, VALIDATION_SHARE], random_state=config.SEED)
        self.pipeline, self.classes, self.both, self.raw_fit = dt.transformed(self.client, fit, config.SEED, config.PROBLEM)
        self.val = self.client.persist(val)
        self.fit_rows, self.val_rows = int(self.both.shape[0].compute()), int(self.val.shape[0].compute())
        self.local = dask_data.sample(fit, dt.SELECTION_ROWS, config.SEED, self.fit_rows)
        self.example = self.local.head(5)
        self._ready = True

    def release(self) -> None:
        """Lets the workers drop the selection's partitions (before the final fit persists its own)."""
        if self._ready:
            del self.both, self.val
            self._ready = False

    def describe(self) -> dict[str, Any]:
        self._prepare()
        return {"selection_path": "cluster", "sample": {"rows": self.train_rows, "of": self.train_rows, "sampled": False},
                "validation": {"rows": self.val_rows, "share": VALIDATION_SHARE, "seed": config.SEED,
                               "of": "the training partitions (never test rows)"},
                "fit_rows": self.fit_rows}

    def announce(self, model_id: str, cap: float | None) -> str:
        self._prepare()
        where = (f"{dt.DISTRIBUTED[model_id]} on {self.fit_rows} rows" if dt.trains_distributed(model_id)
                 else f"a seeded sample of {len(self.local)} rows (no distributed trainer)")
        return (f"baseline {model_id}: {where}, scored on {self.val_rows} validation rows"
                + (f", time cap {fmt_seconds(cap)}" if cap else ""))

    def rows_of(self, model_id: str) -> int:
        """The training rows a candidate of `model_id` fits on at full share."""
        self._prepare()
        return self.fit_rows if dt.trains_distributed(model_id) else len(self.local)

    def fit(self, model_id: str, model, share: float):
        """`model` fitted on `share` of the training rows (a seeded sample of each partition below 1)."""
        self._prepare()
        if not dt.trains_distributed(model_id):
            rows = self.local if share >= 1.0 else self.local.sample(frac=share, random_state=config.SEED)
            return model.fit(artifact.raw_inputs(rows), rows[config.TARGET].to_numpy())
        share = self.planned_share(model_id, min(share, 1.0))
        both = self.both if share >= 1.0 else self.both.sample(frac=share, random_state=config.SEED)
        return dt.fit_distributed(self.client, model_id, config.PROBLEM, model, dt.matrix(self.client, both, persist=False),
                                  self.pipeline, self.classes, self.raw_fit)

    def planned_share(self, model_id: str, share: float) -> float:
        """`share`, or less when the workers cannot hold `model_id`'s fit on it next to the selection's
        persisted rows (dask_training.fit_plan): the candidate then fits on the largest seeded sample of
        the training rows that they can, and the log says so. Fewer than a first halving round's rows
        stop selection with a MemoryError that names the worker memory it needs."""
        rows = int(self.fit_rows * share)
        plan = dt.fit_plan(self.client, model_id, rows, dt.matrix_row_bytes(self.both))
        if plan["fit_rows"] >= rows:
            return share
        if plan["fit_rows"] < min(MIN_ROUND_ROWS, rows):
            raise MemoryError(f"a {model_id} candidate cannot fit on these workers: {dt.describe_plan(model_id, plan)}")
        self.memory_capped[model_id] = plan
        _print(f"{model_id} candidate: {dt.describe_plan(model_id, plan)}")
        return share * plan["fit_rows"] / rows

    def _config(self, model_id: str, model) -> tuple[str, str]:
        return model_id, json.dumps(mu.unwrap_params(model.estimator), sort_keys=True, default=str)

    def fit_and_score(self, model_id: str, model, share: float) -> dict:
        """score(fit(...)), remembered for a configuration fitted on all training rows."""
        key = self._config(model_id, model)
        if share >= 1.0 and key in self._full:
            return self._full[key]
        res = self.score(self.fit(model_id, model, share))
        if share >= 1.0:
            self._full[key] = res
        return res

    def score(self, model) -> dict:
        """Metrics of a fitted model on the validation rows, and the threshold to serve it with."""
        y, pred, proba = dt.score(model, self.val, self.example)
        threshold, halves, classes = None, [], None
        if proba is None:  # regression: the predictions are the values
            return {"metrics": compute_metrics(config.PROBLEM, y, pred), "threshold": None, "fold_thresholds": []}
        classes = np.asarray(model.classes_)
        if len(classes) == 2 and config.PRIMARY_METRIC in sel.THRESHOLD_METRICS:
            threshold = sel.choose_threshold(y, proba, classes)
            half = np.random.default_rng(config.SEED).permutation(len(y)) % 2 == 0
            pred = np.empty(len(y), dtype=y.dtype)
            for part in (half, ~half):
                t = sel.choose_threshold(y[~part], proba[~part], classes)
                halves.append(t)
                pred[part] = np.where(proba[part][:, 1] >= t, classes[1], classes[0])
        else:
            pred = classes[proba.argmax(axis=1)]
        return {"metrics": compute_metrics(config.PROBLEM, y, pred, proba, classes), "threshold": threshold,
                "fold_thresholds": halves}

    def evaluate(self, model_id: str, model, time_cap: float | None, label: str, log=_print) -> dict:
        """cv_evaluate's result for a holdout: fitted on the training rows, scored on the validation rows."""
        shares = CAPPED_SHARES if time_cap else (1.0,)
        clock, res, stopped, done = Clock(time_cap), None, None, 0
        for k, share in enumerate(shares):
            if done and clock.exhausted(clock.spent * share / shares[k - 1]):
                stopped = (f"time cap {fmt_seconds(time_cap or 0)} would be passed fitting all training rows; "
                           f"scored as fitted on {shares[k - 1]:.0%} of them")
                log(f"{label}: {stopped}")
                break
            with Progress(f"{label}: fit on {share:.0%} of {self.rows_of(model_id)} rows", log=log):
                res = self.fit_and_score(model_id, model, share)
            done += 1
        assert res is not None
        return {**res, "folds_completed": done, "stopped": stopped, "validation_rows": self.val_rows}

    def halving(self, model_id: str, budget: int, checkpoint_dir: Path, log=_print,
                time_budget: float | None = None) -> dict:
        """Budgeted successive halving (model_selection.halving_search) over shares of the training rows."""
        n = self.rows_of(model_id)
        sign = 1 if greater_is_better(config.PRIMARY_METRIC) else -1

        def score(params: dict, n_rows: int) -> float:
            model = sel.make_model(model_id, config.PROBLEM, self.labels, config.SEED, params)
            return sign * self.fit_and_score(model_id, model, n_rows / n)["metrics"][config.PRIMARY_METRIC]

        key_parts = (self.key, model_id, config.PROBLEM, config.PRIMARY_METRIC, budget, n, json.dumps(sorted(
            pd.Series(self.labels).value_counts().astype(int).to_dict().items(), key=str), default=str))
        return sel.halving_search(model_id, config.PRIMARY_METRIC, budget, n, min(MIN_ROUND_ROWS, n), config.SEED,
                                  key_parts, score, checkpoint_dir, log=log, time_budget=time_budget,
                                  score_name=self.score_name)
