"""Resource limits: a memory guard over the epoch's whole process tree, cheap enough to call every chunk, and a file-size guard that
samples a table down to the limit before writing it (and says that it did).
"""
from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any, Callable

from .errors import ResourceLimitError
from .memory import MemoryReading, process_tree_memory

#: The memory guard walks the process tree at most this often (this process's own RSS: every check).
TREE_SECONDS = 0.02
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
GB = 1024 ** 3


_STATM: tuple[int, int] | None = None  # (pid, fd): a forked child must reopen, /proc/self was resolved at open


def rss_bytes() -> int:
    """Resident set size of this process. Linux: one pread of an open /proc/self/statm (~microseconds,
    no open/close per call); elsewhere psutil."""
    global _STATM
    try:
        pid = os.getpid()
        if _STATM is None or _STATM[0] != pid:
            _STATM = (pid, os.open("/proc/self/statm", os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)))
        return int(os.pread(_STATM[1], 128, 0).split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        import psutil  # fallback off Linux; imported lazily to keep the runtime light

        return int(psutil.Process().memory_info().rss)


def peak_rss_bytes() -> int | None:
    """The peak resident set size of this process and its waited-for children (getrusage; Linux and
    macOS report different units). None where the platform has no getrusage."""
    try:
        import resource
        import sys
    except ImportError:
        return None
    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return int(max(own, children) * scale)


def format_gb(n: float) -> str:
    """Bytes as `1.23 GB` (binary GB, as the seed's progress line)."""
    return f"{n / GB:.2f} GB"


class MemoryGuard:
    """Raises ResourceLimitError when the epoch's memory passes `max_bytes`: the RSS of its whole process
    tree (memory.process_tree_memory: the epoch, a LocalCluster's workers, pools, subprocesses), and,
    while a Dask cluster on other machines is attached (`remote`, set by cluster.DaskCluster), any of its
    workers over that worker's own limit."""

    def __init__(self, max_bytes: float) -> None:
        self.max_bytes = float(max_bytes)
        self.peak = 0
        #: Reads remote Dask workers' memory as {name: (bytes, limit)} (cluster.worker_memory); None: none attached.
        self.remote: Callable[[], dict[str, tuple[int, int]]] | None = None
        self._tree: MemoryReading | None = None
        self._tree_at = 0.0

    def reading(self) -> MemoryReading:
        """One reading of what counts (the process tree, plus remote workers when attached). This process's
        RSS is read every time (one pread); its descendants at most every TREE_SECONDS, so a tight chunk
        loop pays ~1 % for the tree walk (bench/runtime.py) while a child's growth is seen within 20 ms."""
        now = time.monotonic()
        if self._tree is None or now - self._tree_at >= TREE_SECONDS:
            self._tree, self._tree_at = process_tree_memory(), now
        tree = MemoryReading(own=rss_bytes(), children=self._tree.children, child_count=self._tree.child_count)
        if self.remote is None:
            return tree
        try:
            remote = self.remote()
        except Exception:  # a scheduler that is closing must not fail the epoch; the tree still counts
            remote = {}
        return MemoryReading(own=tree.own, children=tree.children, child_count=tree.child_count, remote=remote)

    def check(self, what: str = "") -> int:
        """Measure, remember the peak, raise past the limit. Returns the process tree's bytes."""
        reading = self.reading()
        total = reading.total
        if total > self.peak:
            self.peak = total
        where = f" during {what}" if what else ""
        if total > self.max_bytes:
            raise ResourceLimitError(
                f"memory {format_gb(total)} exceeds the limit of {format_gb(self.max_bytes)}{where} "
                f"(counted: {reading.describe()})",
                rss_bytes=total, limit_bytes=self.max_bytes, own_bytes=reading.own,
                children_bytes=reading.children, child_processes=reading.child_count,
                hint="process less data per chunk (limits.chunk_rows) or raise limits.max_memory",
            )
        over = {n: v for n, v in reading.remote.items() if v[1] and v[0] > v[1]}
        if over:
            name, (used, limit) = sorted(over.items())[0]
            raise ResourceLimitError(
                f"dask worker {name} holds {format_gb(used)}, over its limit of {format_gb(limit)}{where} "
                f"(counted: the scheduler's memory figure of each of {len(reading.remote)} remote workers)",
                rss_bytes=used, limit_bytes=limit, worker=name,
                hint="use more partitions (smaller ones) or raise worker_memory in the compute statement",
            )
        return total


def check_file_size(path: Path, max_bytes: float) -> int:
    """Raise ResourceLimitError when a written file is over the limit; returns its size."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ResourceLimitError(f"file {path.name} is {size} bytes, over the limit of {int(max_bytes)} bytes",
                                 path=str(path), size=size, limit=max_bytes)
    return size


def write_parquet_limited(df: Any, path: Path, max_bytes: float, seed: int = 0) -> dict[str, Any]:
    """Write `df` as parquet no larger than `max_bytes`, sampling rows down when needed.

    Returns {"path", "rows_in", "rows_out", "bytes", "sampled", "fraction"}.
    """
    rows_in = len(df)
    data = _parquet_bytes(df)
    frac = 1.0
    out = df
    # Parquet size is close to linear in rows; a few shrinking passes always converge.
    for _ in range(8):
        if len(data) <= max_bytes:
            break
        frac *= max_bytes / len(data) * 0.95
        out = df.sample(frac=frac, random_state=seed).sort_index()
        data = _parquet_bytes(out)
    if len(data) > max_bytes:
        raise ResourceLimitError(f"cannot sample {path.name} below {int(max_bytes)} bytes", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return {"path": str(path), "rows_in": rows_in, "rows_out": len(out), "bytes": len(data),
            "sampled": len(out) < rows_in, "fraction": round(frac, 6)}


def _parquet_bytes(df: Any) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()
