"""Data lineage in `.context/data_lineage.json`: sources, transformations (rows before/after) and
feature provenance. Entries are keyed by (epoch, name), so rerunning an epoch replaces its entries
instead of duplicating them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import now_iso
from .jsonio import update_json


def _empty() -> dict[str, Any]:
    return {"source_data": {}, "transformations": [], "feature_provenance": {}}


class Lineage:
    """Lineage writer bound to one epoch."""

    def __init__(self, context_dir: Path, epoch_id: str) -> None:
        self.path = context_dir / "data_lineage.json"
        self.epoch_id = epoch_id

    def _update(self, change: Any) -> dict[str, Any]:
        def wrapped(doc: dict[str, Any]) -> None:
            for key, value in _empty().items():
                doc.setdefault(key, value)
            change(doc)
        return update_json(self.path, wrapped, _empty)

    def source(self, name: str, path: str | None = None, rows: int | None = None,
               columns: list[str] | None = None, **details: Any) -> None:
        """Record a data source (a generated table, a file, a dataset)."""
        entry = {"epoch": self.epoch_id, "path": path, "rows": rows, "columns": columns, "at": now_iso(), **details}
        self._update(lambda d: d["source_data"].__setitem__(name, entry))

    def transformation(self, name: str, rows_before: int | None, rows_after: int | None,
                       details: dict[str, Any] | None = None) -> None:
        """Record one transformation with its row counts."""
        entry = {"epoch": self.epoch_id, "name": name, "rows_before": rows_before, "rows_after": rows_after,
                 "details": details or {}, "at": now_iso()}

        def change(d: dict[str, Any]) -> None:
            d["transformations"] = [t for t in d["transformations"]
                                    if not (t.get("epoch") == self.epoch_id and t.get("name") == name)] + [entry]
        self._update(change)

    def feature(self, name: str, inputs: list[str], formula: str) -> None:
        """Record how a feature was made (its input columns and formula)."""
        entry = {"created_in_epoch": self.epoch_id, "source_features": list(inputs), "formula": formula,
                 "at": now_iso()}
        self._update(lambda d: d["feature_provenance"].__setitem__(name, entry))
