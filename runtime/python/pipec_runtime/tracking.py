"""Dual storage tracking: every param/metric/artifact is written under the epoch's artifacts folder
(`tracking/*.json`, PNG, JSON) and, when MLflow is importable, logged to MLflow too.

MLflow rules: the experiment is the epoch's IR `experiment`; on Domino never set a tracking URI (it is
pre-configured); locally default to `sqlite:///<project root>/mlruns.db` unless MLFLOW_TRACKING_URI is set.
MLflow is imported lazily (first use), and PIPEC_MLFLOW=0 turns it off.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any, Iterator

from .jsonio import read_json, write_json_atomic
from .paths import on_domino


class Tracker:
    """Tracking for one epoch: local files always, MLflow when available."""

    def __init__(self, artifacts_dir: Path, experiment: str, project_root: Path, run_name: str,
                 tags: dict[str, str] | None = None) -> None:
        self.dir = artifacts_dir
        self.tags = dict(tags or {})
        self.experiment = experiment
        self.project_root = project_root
        self.run_name = run_name
        self._mlflow: Any = None
        self._mlflow_tried = False
        self._runs: list[str] = []  # local run path (nested run names), mirrors MLflow's run stack

    @property
    def mlflow(self) -> Any:
        """The mlflow module with this epoch's run active, or None when not importable/disabled."""
        if not self._mlflow_tried:
            self._mlflow_tried = True
            if os.environ.get("PIPEC_MLFLOW", "1") != "0":
                try:
                    import mlflow  # heavy: only when an epoch actually tracks something
                except ImportError:
                    return None
                if not on_domino() and not os.environ.get("MLFLOW_TRACKING_URI"):
                    mlflow.set_tracking_uri(f"sqlite:///{(self.project_root / 'mlruns.db').as_posix()}")
                mlflow.set_experiment(self.experiment)
                if mlflow.active_run() is None:
                    mlflow.start_run(run_name=self.run_name, tags=self.tags or None)
                self._mlflow = mlflow
        return self._mlflow

    def _local(self) -> Path:
        sub = self.dir / "tracking"
        for name in self._runs:
            sub = sub / "runs" / name
        sub.mkdir(parents=True, exist_ok=True)
        return sub

    def _merge(self, file: str, values: dict[str, Any]) -> None:
        path = self._local() / file
        data = read_json(path, {}) or {}
        data.update(values)
        write_json_atomic(path, data, fsync=False)

    def log_params(self, params: dict[str, Any]) -> None:
        """Parameters (hyper-parameters, settings)."""
        self._merge("params.json", {k: v for k, v in params.items()})
        if self.mlflow is not None:
            self.mlflow.log_params({k: str(v)[:500] for k, v in params.items()})

    def log_metrics(self, metrics: dict[str, float], step: int | None = None) -> None:
        """Numeric metrics."""
        clean = {k: float(v) for k, v in metrics.items()}
        self._merge("metrics.json", clean)
        if self.mlflow is not None:
            self.mlflow.log_metrics(clean, step=step)

    def log_artifact(self, path: Path | str) -> Path:
        """A file or folder: copied under the artifacts folder when it is elsewhere, and logged to MLflow."""
        src = Path(path)
        dest = src if self.dir.resolve() in src.resolve().parents else self._local() / src.name
        if dest != src:
            if src.is_dir():
                shutil.copytree(src, dest, dirs_exist_ok=True)
            else:
                shutil.copy2(src, dest)
        if self.mlflow is not None:
            if src.is_dir():
                self.mlflow.log_artifacts(str(src), artifact_path=src.name)
            else:
                self.mlflow.log_artifact(str(src))
        return dest

    def log_json(self, name: str, obj: Any) -> Path:
        """A JSON document (`name` with or without `.json`)."""
        file = name if name.endswith(".json") else f"{name}.json"
        dest = self._local() / file
        write_json_atomic(dest, obj, fsync=False)
        if self.mlflow is not None:
            self.mlflow.log_dict(obj, file)
        return dest

    def log_figure(self, fig: Any, name: str) -> Path:
        """A matplotlib figure as PNG."""
        file = name if name.endswith(".png") else f"{name}.png"
        dest = self._local() / file
        fig.savefig(dest, dpi=100, bbox_inches="tight")
        if self.mlflow is not None:
            self.mlflow.log_figure(fig, file)
        return dest

    def log_input(self, frame: Any, name: str, source: Path | str, context: str, targets: str | None = None) -> None:
        """A dataset this run reads (name, source file, rows, columns; MLflow: `mlflow.log_input` with a
        pandas dataset and its digest, so MLflow's lineage view links the runs that share data)."""
        entry = {"name": name, "source": str(source), "context": context, "rows": int(len(frame)),
                 "columns": [str(c) for c in frame.columns]}
        self._merge("inputs.json", {f"{context}/{name}": entry})
        if self.mlflow is not None:
            import warnings

            with warnings.catch_warnings():
                # MLflow's schema hints and source guessing are about its own inference, not this data.
                warnings.simplefilter("ignore")
                dataset = self.mlflow.data.from_pandas(frame, source=str(source), name=name,
                                                       targets=targets if targets in frame.columns else None)
                self.mlflow.log_input(dataset, context=context)

    @contextlib.contextmanager
    def run(self, name: str, nested: bool = True) -> Iterator["Tracker"]:
        """A (nested) run: local files go to `tracking/runs/<name>/`, MLflow gets a child run."""
        ml = self.mlflow
        self._runs.append(name)
        try:
            if ml is not None:
                with ml.start_run(run_name=name, nested=nested, tags=self.tags or None):
                    yield self
            else:
                yield self
        finally:
            self._runs.pop()

    def close(self, ok: bool) -> None:
        """End the epoch's MLflow run (FINISHED or FAILED); nothing to do when MLflow was never used."""
        if self._mlflow is not None and self._mlflow.active_run() is not None:
            self._mlflow.end_run(status="FINISHED" if ok else "FAILED")
