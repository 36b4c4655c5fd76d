"""Data work of the epochs that run on a Dask cluster (`compute cluster dask { ... }` in the spec).

- Partitioned parquet: a data set is a folder of `part-NNNNNN.parquet` files, each sized so it stays
  under `limits.max_file_size` (the 50 MB rule holds by construction, no rows are sampled away) and so a
  partition in memory is a small share of a worker's memory limit. Each part is written atomically by the
  worker that made it; a resumed run skips the parts already there (the per-partition checkpoint). A data
  file's parts are recorded under the file's fingerprint, so a rerun over a changed file starts again.
- At least PARTS_PER_WORKER partitions per worker, so no worker sits idle on a data set that fits one part.
- Statistics are computed over every row with dask.dataframe (row count, missing values, duplicates,
  correlations, target balance, in-memory size) in ONE pass over the data (`scan`: one dask.compute whose
  collections share the parquet read); row counts come from the part files' parquet metadata. What needs
  one pandas frame (schema checks, figures) reads a seeded sample of at most SAMPLE_ROWS rows (the bound
  the single-machine EDA uses) and at most SAMPLE_BYTES in memory (wide rows get fewer).
Workers import this package: run from the project root with PYTHONPATH=src (locally) or with the project
mounted on the cluster's workers (Domino).
"""
from __future__ import annotations

import hashlib
import io
import json
import math
import os
from pathlib import Path
from typing import Any, Callable

import dask
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from . import config, data_processing, validation

#: Seeded sample for schema checks, figures and fitting what needs one frame (EDA uses the same bound).
SAMPLE_ROWS = 200_000
#: The seeded sample held by the epoch's own process takes at most this many bytes in memory.
SAMPLE_BYTES = 64 * 1024 ** 2
#: Floor on partitions per worker: with fewer, a worker idles while another works through a big part.
PARTS_PER_WORKER = 2
#: Rows of the frame that measures bytes per row to size partitions.
PROBE_ROWS = 20_000
#: A part file aims at this share of max_file_size (parquet size varies a little between partitions).
FILE_SHARE = 0.6
#: A partition in memory takes at most this share of what a worker has for data (a task holds a few
#: copies of its partition while it works: conversions, hashing, the parquet buffers).
WORKER_SHARE = 0.05
#: What a worker process takes before any data (Python, pandas, pyarrow, this package: ~150-200 MB measured);
#: the data's share is of the limit minus this (and at least a quarter of the limit).
WORKER_BASE_BYTES = 200 * 1024 ** 2
#: Part file name pattern; sorted names are row order.
PART = "part-{:06d}.parquet"
COMPRESSION = "zstd"


def bytes_per_row(frame: pd.DataFrame) -> tuple[float, float]:
    """(parquet bytes, in-memory bytes) per row of `frame`."""
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False, compression=COMPRESSION)
    rows = max(len(frame), 1)
    return len(buf.getvalue()) / rows, float(frame.memory_usage(deep=True).sum()) / rows


def partition_rows(limits: dict[str, Any], compute: dict[str, Any], probe: pd.DataFrame, total: int | None = None) -> int:
    """Rows per partition: under the file-size limit on disk, a small share of a worker in memory, and
    (when the total is known) small enough that every worker gets PARTS_PER_WORKER partitions."""
    file_bpr, mem_bpr = bytes_per_row(probe)
    by_file = FILE_SHARE * float(limits["maxFileSizeBytes"]) / max(file_bpr, 1e-9)
    limit = float(compute["workerMemoryBytes"])
    by_memory = WORKER_SHARE * max(limit - WORKER_BASE_BYTES, limit / 4) / max(mem_bpr, 1e-9)
    by_workers = math.ceil(total / (PARTS_PER_WORKER * max(int(compute["workers"]), 1))) if total else math.inf
    return max(1_000, int(min(by_file, by_memory, by_workers)))


def _write_part(make: Callable[[Any], pd.DataFrame], key: Any, path: str) -> dict[str, int]:
    """Runs on a worker: build one partition and write it atomically (tmp file, then rename)."""
    frame = make(key)
    tmp = f"{path}.tmp"
    frame.to_parquet(tmp, index=False, compression=COMPRESSION)
    os.replace(tmp, path)
    return {"rows": int(len(frame)), "bytes": int(os.path.getsize(path))}


def write_parts(ctx: Any, client: Any, make: Callable[[Any], pd.DataFrame], keys: list[Any], dest: Path,
                name: str) -> None:
    """One part file per key, made in parallel on the workers; parts already written are kept (resume).
    Progress is printed and checkpointed per finished partition."""
    from distributed import as_completed

    dest.mkdir(parents=True, exist_ok=True)
    todo = [(i, k) for i, k in enumerate(keys) if not (dest / PART.format(i)).is_file()]
    if len(todo) < len(keys):
        print(f"{name}: {len(keys) - len(todo)}/{len(keys)} partitions written before, kept", flush=True)
    futures = [client.submit(_write_part, make, k, str(dest / PART.format(i)), pure=False) for i, k in todo]
    done = len(keys) - len(todo)
    for fut in as_completed(futures):
        fut.result()
        done += 1
        pct = 100.0 * done / max(len(keys), 1)
        print(f"{name}: {done}/{len(keys)} partitions", flush=True)
        ctx.checkpoint.current.setdefault("loops", {})[name] = {"parts_done": done, "total": len(keys)}
        if done == len(keys) or ctx.checkpoint.due(pct):
            ctx.checkpoint.save(progress_percent=pct, current_step=name)


def _generate(bounds: tuple[int, int]) -> pd.DataFrame:
    return data_processing.generate_rows(bounds[0], bounds[1])


def write_synthetic(ctx: Any, client: Any, total: int, dest: Path) -> int:
    """The synthetic data set as partitioned parquet (rows independent of the partitioning); returns rows."""
    rows = partition_rows(ctx.limits, ctx.epoch["compute"], data_processing.generate_rows(0, min(PROBE_ROWS, total)), total)
    bounds = [(s, min(s + rows, total)) for s in range(0, total, rows)]
    write_parts(ctx, client, _generate, bounds, dest, "generate")
    return total


#: The record of a data file's conversion, beside its parts (a leading `_` keeps readers off it).
SOURCE_MANIFEST = "_pipec_source.json"
#: Bytes of the file's head hashed into its fingerprint (with size and modification time).
HEAD_BYTES = 1 << 20


def source_fingerprint(path: Path) -> dict[str, Any]:
    """What identifies a data file's content for resume: size, modification time and a hash of its head."""
    st = path.stat()
    with path.open("rb") as fh:
        head = hashlib.sha256(fh.read(HEAD_BYTES)).hexdigest()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "head_sha256": head}


def _csv_bytes_per_row(path: Path, rows: int) -> float:
    """Mean bytes per data line over the first `rows` lines of a CSV file."""
    size = count = 0
    with path.open("rb") as fh:
        fh.readline()  # the header
        for line in fh:
            size, count = size + len(line), count + 1
            if count >= rows:
                break
    return size / max(count, 1)


def _write_block(block: pd.DataFrame, path: str) -> dict[str, int]:
    """Runs on a worker: one partition of the file as a part, written atomically (hidden tmp, then rename)."""
    tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.tmp")
    block.to_parquet(tmp, index=False, compression=COMPRESSION)
    os.replace(tmp, path)
    return {"rows": int(len(block)), "bytes": int(os.path.getsize(path))}


def _save_manifest(dest: Path, manifest: dict[str, Any]) -> None:
    tmp = dest / f".{SOURCE_MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, dest / SOURCE_MANIFEST)


def _verified_parts(dest: Path, key: dict[str, Any]) -> dict[int, dict[str, int]]:
    """Parts a run over the same file (same fingerprint and partitioning) wrote and recorded, still intact:
    the file exists with the recorded size and its parquet footer holds the recorded rows."""
    import pyarrow.parquet as pq

    try:
        manifest = json.loads((dest / SOURCE_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if manifest.get("key") != key:
        return {}
    kept: dict[int, dict[str, int]] = {}
    for index, info in (manifest.get("parts") or {}).items():
        part = dest / PART.format(int(index))
        try:
            if part.stat().st_size == info["bytes"] and pq.ParquetFile(part).metadata.num_rows == info["rows"]:
                kept[int(index)] = info
        except (OSError, ValueError, KeyError, TypeError):
            continue  # missing, truncated or unreadable: written again
    return kept


def write_source(ctx: Any, path: Path, fmt: str, dest: Path) -> int:
    """The spec's data file as partitioned parquet, each partition read and written by a worker; returns rows.

    Resumable per partition: every part written is recorded in `dest/_pipec_source.json` under a key of
    the file's fingerprint (size, mtime, hash of its head) and the partitioning; a rerun keeps the parts
    recorded under the same key that are still intact and writes only the others. A changed file (or
    partitioning) changes the key, and the conversion starts again."""
    from distributed import as_completed, get_client

    path = Path(path).resolve()  # workers resolve paths on their own: give them absolute ones
    probe = pd.read_csv(path, nrows=PROBE_ROWS) if fmt == "csv" else pd.read_parquet(path).head(PROBE_ROWS)
    rows = partition_rows(ctx.limits, ctx.epoch["compute"], probe)
    # The read's blocksize is in bytes of the file: rows per partition times the file's bytes per row (not
    # the in-memory bytes, which are larger and would make each part hold more rows than planned), and at
    # most a 1/(PARTS_PER_WORKER x workers) share of the file, so every worker gets partitions.
    floor = max(path.stat().st_size // (PARTS_PER_WORKER * max(int(ctx.epoch["compute"]["workers"]), 1)), 1)
    blocksize = max(min(int(rows * _csv_bytes_per_row(path, PROBE_ROWS)), floor), 1 << 16) if fmt == "csv" else 0
    # assume_missing: an integer column with a gap in a later block reads as float in every block
    # (dask infers dtypes from the first block; a mismatch would fail the whole read).
    frame = (dd.read_csv(path, blocksize=blocksize, assume_missing=True) if fmt == "csv"
             else dd.read_parquet(path))
    # No repartition(partition_size=...): it measures partitions while the graph is built, which
    # deadlocks a distributed scheduler; the read's blocksize already bounds each partition.
    dest.mkdir(parents=True, exist_ok=True)
    key = {"source": source_fingerprint(path), "format": fmt, "blocksize": blocksize,
           "partitions": frame.npartitions, "compression": COMPRESSION}
    done = _verified_parts(dest, key)
    for old in dest.glob("part-*.parquet"):  # parts of another file, another partitioning, or half-written
        if int(old.stem.split("-")[1]) not in done:
            old.unlink()
    for tmp in dest.glob(".part-*.tmp"):  # a write the crash interrupted
        tmp.unlink()
    manifest = {"key": key, "parts": {str(i): info for i, info in sorted(done.items())}}
    _save_manifest(dest, manifest)
    total = frame.npartitions
    if done:
        print(f"convert: {len(done)}/{total} partitions written before from the same file, kept", flush=True)
    blocks = frame.to_delayed()
    todo = [i for i in range(total) if i not in done]
    futures = get_client().compute([dask.delayed(_write_block)(blocks[i], str(dest / PART.format(i))) for i in todo])
    index = {f.key: i for f, i in zip(futures, todo)}
    for fut in as_completed(futures):
        manifest["parts"][str(index[fut.key])] = fut.result()
        _save_manifest(dest, manifest)  # the part is on disk and recorded: a crash from here keeps it
        ctx.guard_memory(f"convert part {index[fut.key]}")
        count = len(manifest["parts"])
        pct = 100.0 * count / max(total, 1)
        print(f"convert: {count}/{total} partitions", flush=True)
        ctx.checkpoint.current.setdefault("loops", {})["convert"] = {"parts_done": count, "total": total}
        if count == total or ctx.checkpoint.due(pct):
            ctx.checkpoint.save(progress_percent=pct, current_step="convert")
    return sum(int(p["rows"]) for p in manifest["parts"].values())


def read(folder: Path) -> dd.DataFrame:
    """A partitioned parquet data set (or one file) as a Dask frame."""
    return dd.read_parquet(str(Path(folder).resolve()))


def part_sizes(folder: Path) -> list[int]:
    """Bytes of each part file of a partitioned data set."""
    return [p.stat().st_size for p in sorted(Path(folder).glob("part-*.parquet"))] or (
        [Path(folder).stat().st_size] if Path(folder).is_file() else [])


def _files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("part-*.parquet")) or ([Path(folder)] if Path(folder).is_file() else [])


def count_rows(folder: Path) -> int:
    """Rows of a partitioned data set from its parquet footers (no data read)."""
    return sum(pq.ParquetFile(f).metadata.num_rows for f in _files(folder))


def row_bytes(folder: Path) -> float:
    """In-memory (pandas, deep) bytes per row, measured on the first rows of the first part."""
    files = _files(folder)
    if not files:
        return 1.0
    batch = next(pq.ParquetFile(files[0]).iter_batches(batch_size=PROBE_ROWS), None)
    frame = batch.to_pandas() if batch is not None else pd.DataFrame()
    return float(frame.memory_usage(deep=True).sum()) / max(len(frame), 1)


def sample_rows(folder: Path) -> int:
    """The sample bound for a data set: SAMPLE_ROWS, fewer when its rows are wide (SAMPLE_BYTES)."""
    return max(1_000, min(SAMPLE_ROWS, int(SAMPLE_BYTES / max(row_bytes(folder), 1.0))))


def sampler(frame: dd.DataFrame, rows: int, seed: int, total: int) -> dd.DataFrame:
    """The lazy seeded sample of at most about `rows` of `total` rows (all rows when there are fewer)."""
    return frame if total <= rows else frame.sample(frac=min(1.0, rows / total), random_state=seed)


def gather(frame: Any) -> Any:
    """A (persisted or lazy) Dask frame or series as one pandas object in this process, partition by partition.
    Not `.compute()`: that concatenates every partition on ONE worker first, which a sample larger than
    a worker's memory share would kill."""
    parts = dask.compute(*frame.to_delayed())
    return pd.concat(parts) if parts else frame._meta.copy()


def compute_all(lazy: dict[str, Any]) -> dict[str, Any]:
    """Lazy results computed together (one graph, so results of the same data share its read): persisted
    on the workers, then fetched; frames part by part (`gather`), never concatenated on one worker."""
    held = dict(zip(lazy, dask.persist(*lazy.values())))
    frames = {k: gather(v) for k, v in held.items() if isinstance(v, dd.DataFrame)}
    (rest,) = dask.compute({k: v for k, v in held.items() if k not in frames})
    return {**rest, **frames}


def _row_bytes_of(frame: dd.DataFrame) -> float:
    part = frame.partitions[0].compute()
    return float(part.memory_usage(deep=True).sum()) / max(len(part), 1)


def sample(frame: dd.DataFrame, rows: int, seed: int, total: int | None = None) -> pd.DataFrame:
    """A seeded sample of at most `rows` rows (and at most SAMPLE_BYTES in memory, measured on the first
    partition) as one pandas frame in this process (all rows when there are fewer)."""
    n = int(frame.shape[0].compute()) if total is None else total
    rows = max(1, min(rows, int(SAMPLE_BYTES / max(_row_bytes_of(frame), 1.0)))) if n > 0 else rows
    return gather(sampler(frame, rows, seed, n)).reset_index(drop=True)


def _memory(part: pd.DataFrame) -> pd.Series:
    return pd.Series([int(part.memory_usage(deep=True).sum())], dtype="int64")


def scan(frame: dd.DataFrame, total: int, sample_cap: int, seed: int, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """One pass over every partition (one dask.compute: the collections share the parquet read): the seeded
    sample ("sample", a pandas frame), missing values per column, distinct rows, the data's in-memory pandas
    size ("memory_bytes", summed memory_usage(deep=True) of the partitions, measured on the workers) and any
    `extra` lazy results, computed alongside."""
    lazy = {"sample": sampler(frame, sample_cap, seed, total), "missing": frame.isna().sum(),
            "distinct": frame.map_partitions(_row_hashes, meta=pd.Series(dtype="uint64")).nunique(),
            "memory_bytes": frame.map_partitions(_memory, meta=pd.Series(dtype="int64")).sum(), **(extra or {})}
    got = compute_all(lazy)
    got.update(sample=got["sample"].reset_index(drop=True), rows=int(total), distinct=int(got["distinct"]),
               memory_bytes=int(got["memory_bytes"]))
    return got


def _row_hashes(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(pd.util.hash_pandas_object(frame, index=False).to_numpy(), dtype="uint64")


def fingerprint(frame: dd.DataFrame) -> str:
    """Order-independent hash of the rows (the same digest model_artifact.fingerprint gives in pandas)."""
    # Hashes fetched partition by partition (gather): `.compute()` would concatenate every row's hash on one
    # worker first (at 20M rows that stalled 005 with "Couldn't gather keys" on 1GB workers).
    rows = gather(frame.map_partitions(_row_hashes, meta=pd.Series(dtype="uint64"))).to_numpy()
    return hashlib.sha256(np.sort(rows).tobytes()).hexdigest()


def quality_report(frame: dd.DataFrame, sample_frame: pd.DataFrame, stats: dict[str, Any] | None = None
                   ) -> tuple[dict[str, Any], list[str]]:
    """validation.quality_report with rows, missing values and duplicates counted over every partition
    (`stats` from `scan`, else computed here in one pass; schema and constant columns from the sample); the
    score uses the same formula."""
    if stats is None:
        stats = compute_all({"rows": frame.shape[0], "missing": frame.isna().sum(),
                             "distinct": frame.map_partitions(_row_hashes, meta=pd.Series(dtype="uint64")).nunique()})
        stats.update(rows=int(stats["rows"]), distinct=int(stats["distinct"]))
    problems = validation.validate_schema(sample_frame)
    report = validation.quality_report(sample_frame, problems)
    rows, missing, distinct = stats["rows"], stats["missing"], stats["distinct"]
    cells = max(rows * max(len(frame.columns), 1), 1)
    by_column = {str(c): float(missing[c]) / rows if rows else 0.0 for c in frame.columns}
    issues = [i for i in report["issues"] if not str(i["issue"]).endswith(" missing")]
    for col, share in sorted(by_column.items()):
        if share >= config.CRITICAL_MISSING_SHARE:
            issues.append({"severity": "critical", "column": col, "issue": f"{share:.1%} missing"})
        elif share >= config.WARN_MISSING_SHARE:
            issues.append({"severity": "warning", "column": col, "issue": f"{share:.1%} missing"})
    missing_share = float(missing.sum()) / cells
    duplicates = rows - distinct
    score = (1.0 - missing_share - 0.5 * (duplicates / rows if rows else 1.0)
             - 0.05 * len(report["constant_columns"]) - 0.2 * len(problems))
    report.update(rows=rows, missing_percent=round(100.0 * missing_share, 4), missing_by_column=by_column,
                  duplicate_rows=duplicates, issues=issues, quality_score=round(float(np.clip(score, 0.0, 1.0)), 6) if rows else 0.0,
                  critical_issues=sum(1 for i in issues if i["severity"] == "critical"),
                  computed_on={"rows": rows, "engine": "dask", "sample_rows": int(len(sample_frame))})
    return report, problems


def correlations(frame: dd.DataFrame, numeric: list[str]) -> pd.DataFrame:
    """Pearson correlations over every row (numeric columns and a numeric target), as eda.correlations."""
    return correlation_parts(frame, numeric).compute()


def correlation_parts(frame: dd.DataFrame, numeric: list[str]) -> Any:
    """`correlations`, lazy: compute it (e.g. as `scan`'s extra, in the same pass) to get the pandas frame."""
    cols = list(numeric)
    if config.TARGET in frame.columns and pd.api.types.is_numeric_dtype(frame[config.TARGET].dtype):
        cols.append(config.TARGET)
    return frame[cols].astype("float64").corr() if cols else dask.delayed(pd.DataFrame)()


def target_parts(frame: dd.DataFrame) -> dict[str, Any]:
    """The lazy pieces of eda.target_summary over every row (compute them, then `target_summary`)."""
    s = frame[config.TARGET].dropna()
    if config.PROBLEM == "classification":
        return {"shares": s.astype("str").value_counts(normalize=True, split_out=1)}
    f = s.astype("float64")
    return {"q": f.quantile([0.05, 0.5, 0.95]), "mean": f.mean(), "std": f.std()}


def target_summary(parts: dict[str, Any] | dd.DataFrame) -> dict[str, Any]:
    """eda.target_summary over every row: from the computed `target_parts`, or from the Dask frame."""
    if isinstance(parts, dd.DataFrame):
        parts = compute_all(target_parts(parts))
    if config.PROBLEM == "classification":
        shares = parts["shares"].sort_index()
        return {"classes": {str(k): round(float(v), 6) for k, v in shares.items()},
                "minority_share": round(float(shares.min()), 6) if len(shares) else 0.0}
    q = parts["q"]
    return {"mean": float(parts["mean"]), "std": float(parts["std"]), "p05": float(q.iloc[0]),
            "p50": float(q.iloc[1]), "p95": float(q.iloc[2])}


def split(frame: dd.DataFrame) -> tuple[dd.DataFrame, dd.DataFrame]:
    """Seeded train/test split of the labelled rows, partition by partition (every row lands in exactly one
    side; class shares hold in expectation rather than exactly, as stratifying needs one frame)."""
    split_spec = config.FEATURES["split"]
    labelled = frame[frame[config.TARGET].notnull()]
    p = split_spec["testPercent"] / 100.0
    train, test = labelled.random_split([1.0 - p, p], random_state=split_spec["seed"])
    return train, test


def write_frames(frames: list[tuple[dd.DataFrame, Path]], extra: dict[str, Any] | None = None
                 ) -> tuple[list[dict[str, int]], dict[str, Any]]:
    """Dask frames as partitioned parquet (one part per partition), written in ONE dask.compute (frames
    derived from the same data read it once), with any `extra` lazy results computed alongside. Returns
    (rows, largest part in bytes and parts of each folder, the computed extras)."""
    writes = []
    for frame, dest in frames:
        dest = Path(dest).resolve()
        dest.mkdir(parents=True, exist_ok=True)
        for old in dest.glob("part-*.parquet"):
            old.unlink()
        writes.append(frame.to_parquet(str(dest), write_index=False, compression=COMPRESSION,
                                       name_function=PART.format, overwrite=False, compute=False))
    got = compute_all({**(extra or {}), **{f"write {i}": w for i, w in enumerate(writes)}})
    infos = []
    for _, dest in frames:
        sizes = part_sizes(dest)
        infos.append({"rows": count_rows(dest), "largest_part_bytes": max(sizes or [0]), "parts": len(sizes)})
    return infos, got


def write_frame(frame: dd.DataFrame, dest: Path) -> dict[str, int]:
    """A Dask frame as partitioned parquet (one part per partition); rows and largest part in bytes."""
    return write_frames([(frame, dest)])[0][0]


def features_partition(frame: pd.DataFrame, pipeline: Any, labels: list[str] | None) -> pd.DataFrame:
    """Runs on a worker: the fitted feature pipeline applied to one partition, target encoded."""
    from . import feature_engineering as fe

    out = pipeline.transform(frame).reset_index(drop=True)
    y, _ = fe.encode_target(frame[config.TARGET].reset_index(drop=True), labels=labels)
    out[config.TARGET] = y
    return out


def transform(frame: dd.DataFrame, pipeline: Any, labels: list[str] | None, example: pd.DataFrame) -> dd.DataFrame:
    """The feature pipeline applied lazily, partition by partition (nothing runs until it is written)."""
    meta = features_partition(example.head(20), pipeline, labels).iloc[0:0]
    return frame.map_partitions(features_partition, pipeline, labels, meta=meta)


def target_values(frame: dd.DataFrame) -> Any:
    """The lazy distinct target values over every row, as the index of their counts (None for regression);
    see target_labels. One output partition (split_out=1): a persisted multi-partition reduction does not
    compute back ("cannot concatenate tuple")."""
    return frame[config.TARGET].dropna().value_counts(split_out=1) if config.PROBLEM == "classification" else None


def target_labels(frame: dd.DataFrame, values: Any = None) -> list[str] | None:
    """The class labels over every row, in feature_engineering.encode_target's order (None: regression);
    `values`: target_values already computed (e.g. alongside a sample), else computed here."""
    from . import feature_engineering as fe

    if config.PROBLEM != "classification":
        return None
    values = frame[config.TARGET].dropna().unique().compute() if values is None else list(values.index)
    return fe.encode_target(pd.Series(list(values)))[1]
