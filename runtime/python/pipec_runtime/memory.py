"""What an epoch's memory is: the resident memory of its whole process tree (the epoch process and every
descendant: a LocalCluster's nanny and worker processes, multiprocessing pools, joblib workers, a
subprocess it started), plus, for a Dask cluster on other machines, what each worker holds.

`process_tree_memory()` is the one measurement the runtime's memory guard uses, cheap enough to call every
chunk: on Linux it follows `/proc/<pid>/task/<tid>/children` (only the tree, ~0.1 ms) and reads each
`statm`; elsewhere (or without that file) psutil's recursive `children()`. `pipec run` measures the same
tree from outside (src/runner/process-tree.ts), so runner and runtime agree on what counted.
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
GB = 1024 ** 3


@dataclass(frozen=True)
class MemoryReading:
    """One reading: `total` bytes = `own` (this process) + `children` (its descendants), and how many
    descendants there were. `remote` names Dask workers on other machines (bytes, limit) that were read
    from the scheduler: they hold memory of their own and are checked against their own limits."""

    own: int
    children: int = 0
    child_count: int = 0
    remote: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Bytes of this machine's process tree."""
        return self.own + self.children

    def describe(self) -> str:
        """What counted, e.g. `process tree: this process 0.41 GB + 3 child processes 0.73 GB`."""
        text = f"process tree: this process {self.own / GB:.2f} GB"
        if self.child_count:
            noun = "child process" if self.child_count == 1 else "child processes"
            text += f" + {self.child_count} {noun} {self.children / GB:.2f} GB"
        else:
            text += " (no child processes)"
        if self.remote:
            text += f"; {len(self.remote)} remote Dask workers (each against its own limit)"
        return text


def _statm_rss(pid: int) -> int:
    with open(f"/proc/{pid}/statm", "rb") as fh:
        return int(fh.read().split()[1]) * _PAGE


@functools.lru_cache(maxsize=1)
def _proc_children_supported() -> bool:
    """Whether this kernel lists children under /proc (CONFIG_PROC_CHILDREN; standard on current distros)."""
    return Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").is_file()


def _proc_children(pid: int) -> list[int]:
    """Direct children of `pid` (every thread's list); [] when it has gone."""
    kids: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids.extend(int(x) for x in (task / "children").read_text().split())
    except (OSError, ValueError):
        pass
    return kids


def _descendants_proc(pid: int) -> list[int]:
    out: list[int] = []
    stack = [pid]
    while stack:
        kids = _proc_children(stack.pop())
        out.extend(kids)
        stack.extend(kids)
    return out


def process_tree_memory(pid: int | None = None) -> MemoryReading:
    """RSS of process `pid` (default: this one) and all its descendants. A child that exits between
    listing and reading counts as 0."""
    pid = os.getpid() if pid is None else pid
    try:
        own = _statm_rss(pid)
        if _proc_children_supported():
            kids = _descendants_proc(pid)
            children = 0
            for k in kids:
                try:
                    children += _statm_rss(k)
                except (OSError, ValueError, IndexError):
                    pass
            return MemoryReading(own=own, children=children, child_count=len(kids))
    except (OSError, ValueError, IndexError):
        pass
    import psutil  # off Linux, or without /proc children files; imported lazily to keep the runtime light

    proc = psutil.Process(pid)
    own = int(proc.memory_info().rss)
    children, count = 0, 0
    for child in proc.children(recursive=True):
        try:
            children += int(child.memory_info().rss)
            count += 1
        except psutil.Error:
            pass
    return MemoryReading(own=own, children=children, child_count=count)
