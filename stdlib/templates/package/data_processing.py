"""Data acquisition: synthetic data from the spec's column distributions, or the spec's file in chunks.

Synthetic rows are generated in fixed blocks of BLOCK_ROWS rows, each block seeded from (seed, block,
column), so the data is identical whatever chunk size the runtime's memory guard picks, and a resumed
run regenerates exactly the rows it skipped. Target values come from the spec's formula, evaluated
vectorised over the complete columns before missing values are injected.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import config
from .error_handling import DataQualityError, ValidationError

BLOCK_ROWS = 4096
# Stream ids: distinct random streams per column, for missing masks and for the target.
_MISSING_STREAM = 1
_TARGET_STREAM = 1_000_003

_FUNCS: dict[str, Callable[[Any], Any]] = {
    "log": lambda a: np.log(np.where(a > 0, a, np.nan)),
    "exp": np.exp,
    "sqrt": lambda a: np.sqrt(np.where(a >= 0, a, np.nan)),
    "abs": np.abs,
}
_BINOPS = {
    "+": np.add, "-": np.subtract, "*": np.multiply, "^": np.power,
    "<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal,
    "==": np.equal, "!=": np.not_equal, "and": np.logical_and, "or": np.logical_or,
}


def eval_formula(tree: dict[str, Any], frame: pd.DataFrame | dict[str, Any]) -> np.ndarray:
    """Evaluate a formula tree (the IR's Formula) vectorised over the columns of `frame`.

    Division by zero and logs of non-positive values give NaN rather than raising, so one bad row
    never stops a chunk.
    """
    kind = tree["kind"]
    n = len(frame) if isinstance(frame, pd.DataFrame) else len(next(iter(frame.values()), []))
    if kind in ("num", "bool"):
        return np.full(n, float(tree["value"]))
    if kind == "col":
        name = tree["name"]
        if name not in frame:
            raise ValidationError(f"formula uses column {name!r}, which the data does not have")
        return pd.to_numeric(pd.Series(frame[name]), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    if kind == "unary":
        arg = eval_formula(tree["arg"], frame)
        return -arg if tree["op"] == "-" else np.logical_not(arg.astype(bool)).astype("float64")
    if kind == "bin":
        left, right = eval_formula(tree["left"], frame), eval_formula(tree["right"], frame)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if tree["op"] == "/":
                out = np.divide(left, right, out=np.full(n, np.nan), where=right != 0)
            else:
                out = _BINOPS[tree["op"]](left, right)
        return np.asarray(out, dtype="float64")
    if kind == "call":
        args = [eval_formula(a, frame) for a in tree["args"]]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            if tree["fn"] == "min":
                return np.minimum.reduce(args)
            if tree["fn"] == "max":
                return np.maximum.reduce(args)
            return np.asarray(_FUNCS[tree["fn"]](args[0]), dtype="float64")
    raise ValidationError(f"unknown formula node {kind!r}")


def _rng(seed: int, block: int, stream: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([seed & 0xFFFFFFFF, block, stream]))


def _sample(dist: dict[str, Any], rng: np.random.Generator, n: int) -> np.ndarray:
    kind = dist["kind"]
    if kind == "uniform":
        return rng.uniform(dist["low"], dist["high"], n)
    if kind == "normal":
        return rng.normal(dist["mean"], dist["std"], n)
    if kind == "lognormal":
        return rng.lognormal(dist["mean"], dist["sigma"], n)
    if kind == "beta":
        return rng.beta(dist["a"], dist["b"], n)
    raise ValidationError(f"unknown distribution {kind!r}")


def _column_values(col: dict[str, Any], rng: np.random.Generator, n: int) -> np.ndarray:
    if col.get("categories"):
        labels = [c["value"] for c in col["categories"]]
        shares = np.asarray([c["share"] for c in col["categories"]], dtype="float64")
        picked = rng.choice(len(labels), size=n, p=shares / shares.sum())
        out = np.asarray(labels, dtype=object)[picked]
        if col["type"] == "bool":
            return np.asarray([str(v).lower() in ("true", "1", "yes") for v in out])
        return out
    if col["type"] == "bool":
        return rng.random(n) < 0.5
    if col.get("distribution") is None:
        raise ValidationError(f"column {col['name']!r} has no distribution to generate from")
    values = _sample(col["distribution"], rng, n)
    if col.get("clip"):
        values = np.clip(values, col["clip"]["low"], col["clip"]["high"])
    return np.rint(values) if col["type"] == "int" else values


def _finish_column(col: dict[str, Any], values: np.ndarray, missing: np.ndarray | None) -> pd.Series:
    """Typed column with missing values injected (nullable dtypes keep ints/bools intact)."""
    kind = col["type"]
    if kind == "int":
        s = pd.Series(values.astype("int64"), dtype="Int64")
    elif kind == "float":
        s = pd.Series(values.astype("float64"))
    elif kind == "bool":
        s = pd.Series(values.astype(bool), dtype="boolean")
    else:
        s = pd.Series(values, dtype="str")
    if missing is not None and missing.any():
        s = s.mask(missing)
    return s


def _target_values(target: dict[str, Any], frame: dict[str, np.ndarray], rng: np.random.Generator, n: int) -> np.ndarray:
    gen = target.get("generator")
    if gen is None:
        raise ValidationError(f"target {target['name']!r} has no generator for synthetic data")
    if gen["kind"] == "logistic":
        with np.errstate(over="ignore"):
            p = 1.0 / (1.0 + np.exp(-eval_formula(gen["formula"], frame)))
        return (rng.random(n) < np.nan_to_num(p, nan=0.0)).astype("int64")
    if gen["kind"] == "linear":
        y = eval_formula(gen["formula"], frame)
        if gen.get("noise"):
            y = y + _sample(gen["noise"], rng, n)
        return y
    values = [c["value"] for c in gen["categories"]]
    shares = np.asarray([c["share"] for c in gen["categories"]], dtype="float64")
    return np.asarray(values, dtype=object)[rng.choice(len(values), size=n, p=shares / shares.sum())]


def generate_block(block: int, data: dict[str, Any] | None = None) -> pd.DataFrame:
    """Rows [block*BLOCK_ROWS, (block+1)*BLOCK_ROWS) of the synthetic data set."""
    data = data or config.DATA
    seed, n = int(data["seed"]), BLOCK_ROWS
    complete: dict[str, np.ndarray] = {}
    for i, col in enumerate(data["columns"]):
        complete[col["name"]] = _column_values(col, _rng(seed, block, 2 * i), n)
    target = data["target"]
    y = _target_values(target, complete, _rng(seed, block, _TARGET_STREAM), n)
    out: dict[str, pd.Series] = {}
    for i, col in enumerate(data["columns"]):
        share = float(col.get("missing") or 0) / 100.0
        mask = _rng(seed, block, 2 * i + _MISSING_STREAM).random(n) < share if share > 0 else None
        out[col["name"]] = _finish_column(col, complete[col["name"]], mask)
    out[target["name"]] = pd.Series(y, dtype="str" if target["kind"] == "category" else None)
    return pd.DataFrame(out)


def generate_rows(start: int, stop: int, data: dict[str, Any] | None = None) -> pd.DataFrame:
    """Synthetic rows [start, stop), independent of how the range is chunked."""
    if stop <= start:
        return generate_block(0, data).iloc[0:0]
    first, last = start // BLOCK_ROWS, (stop - 1) // BLOCK_ROWS
    frames = [generate_block(b, data) for b in range(first, last + 1)]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    offset = start - first * BLOCK_ROWS
    return frame.iloc[offset: offset + (stop - start)].reset_index(drop=True)


def find_source_file(candidates: list[Path]) -> Path:
    """The first existing path among `candidates`; a ValidationError listing them otherwise."""
    for path in candidates:
        if path.is_file():
            return path
    tried = ", ".join(str(p) for p in candidates)
    raise ValidationError(
        f"data file {config.SOURCE_FILE!r} not found (tried: {tried})",
        hint="copy it into the project's data folder or set PIPEC_SOURCE_DATA to its path",
    )


def read_source_chunks(path: Path, fmt: str, chunk_rows: int) -> Iterator[pd.DataFrame]:
    """Yield the source file in chunks of at most `chunk_rows` rows (never loading it whole)."""
    if fmt == "csv":
        yield from pd.read_csv(path, chunksize=chunk_rows)
    elif fmt == "parquet":
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_rows):
            yield batch.to_pandas()
    else:
        raise ValidationError(f"unsupported data format {fmt!r}")


def count_source_rows(path: Path, fmt: str) -> int:
    """Row count without loading the data (parquet metadata; a streamed line count for CSV)."""
    if fmt == "parquet":
        return pq.ParquetFile(path).metadata.num_rows
    with open(path, "rb") as fh:
        lines = sum(1 for _ in fh)
    return max(lines - 1, 0)


def combine_parts(parts: list[Path], dest: Path) -> int:
    """Stream part files into one parquet file (schema of the first part, later parts cast to it)."""
    writer: pq.ParquetWriter | None = None
    rows = 0
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    try:
        for part in parts:
            table = pq.read_table(part)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema, compression="zstd")
            elif table.schema != writer.schema:
                table = table.cast(writer.schema)
            writer.write_table(table)
            rows += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    if writer is None:
        raise DataQualityError("no data was produced")
    tmp.replace(dest)
    return rows


def schema_of(frame: pd.DataFrame) -> dict[str, Any]:
    """Column name → dtype, nullability and (for text) distinct values, for schema.json."""
    columns = []
    for name in frame.columns:
        s = frame[name]
        entry: dict[str, Any] = {"name": str(name), "dtype": str(s.dtype), "nullable": bool(s.isna().any())}
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            entry["min"] = None if s.dropna().empty else float(s.min())
            entry["max"] = None if s.dropna().empty else float(s.max())
        else:
            entry["values"] = sorted(str(v) for v in s.dropna().unique()[:50])
        columns.append(entry)
    return {"rows": int(len(frame)), "columns": columns}


def to_arrow(frame: pd.DataFrame) -> pa.Table:
    """An arrow table without the pandas index (stable files whatever the chunking)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def formula_text(tree: dict[str, Any]) -> str:
    """Spec-like text of a formula, for provenance records."""
    k = tree["kind"]
    if k in ("num", "bool"):
        return str(tree["value"])
    if k == "col":
        return tree["name"]
    if k == "unary":
        return f"{'not ' if tree['op'] == 'not' else '-'}{formula_text(tree['arg'])}"
    if k == "call":
        return f"{tree['fn']}({', '.join(formula_text(a) for a in tree['args'])})"
    return f"({formula_text(tree['left'])} {tree['op']} {formula_text(tree['right'])})"


def formula_inputs(tree: dict[str, Any]) -> list[str]:
    """Columns a formula reads, sorted."""
    found: set[str] = set()

    def walk(t: dict[str, Any]) -> None:
        if t["kind"] == "col":
            found.add(t["name"])
        for child in ([t["arg"]] if t["kind"] == "unary" else [t["left"], t["right"]] if t["kind"] == "bin"
                      else t.get("args", [])):
            walk(child)

    walk(tree)
    return sorted(found)
