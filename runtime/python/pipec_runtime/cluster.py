"""The Dask cluster of an epoch that declares `compute cluster dask { ... }` (the IR's `epochs[].compute`).

Where the scheduler comes from, in this order:
- On Domino, a job started with an on-demand Dask cluster (the flow's DominoJobConfig carries
  ComputeClusterProperties with ClusterType "Dask") reaches its scheduler through the Kubernetes service
  variables DASK_SCHEDULER_SERVICE_HOST and DASK_SCHEDULER_SERVICE_PORT. That is what Domino's own Dask
  examples connect with (`Client(f"{service_host}:{service_port}")`, e.g. the dsp-workflow examples that
  read /mnt/data/$DOMINO_PROJECT_NAME); python-domino's README documents the cluster side
  (compute_cluster_properties: clusterType "Dask", workerCount, workerHardwareTierId, ...).
- DASK_SCHEDULER_ADDRESS (Dask's own configuration variable): any existing scheduler.
- Otherwise a `distributed.LocalCluster` on this machine with the spec's worker count and per-worker
  memory limit, one thread per worker. Its workers are child processes of the epoch, so both memory
  guards (the runtime's, memory.process_tree_memory, and `pipec run`'s) count the whole cluster; workers
  on other machines are checked against their own limits from the sampler's last reading.

The same generated code runs in all three places. While the cluster is up a sampler records each worker's
peak memory (the scheduler's heartbeat figures), the cluster's peak total (workers plus this process) and
every worker process seen: the nanny pauses a worker at 80 % of its memory limit and kills (restarts) it at
95 %, so a restart shows as a worker name seen with more than one process id, or ids at the end that differ
from those at the start (`worker_restarts`). What the epoch measured about its data (`note`, e.g. the
data's in-memory size) joins the record. On exit the engine that ran, the scheduler's origin and those
figures go into the epoch's state record (`engine`), MLflow params and `.context/cluster/epochNNN.json`.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from typing import Any

#: How often the sampler reads worker memory from the scheduler (seconds).
SAMPLE_SECONDS = 0.25


def scheduler_address() -> tuple[str | None, str]:
    """(address, origin): Domino's service variables, then DASK_SCHEDULER_ADDRESS, else (None, "local")."""
    host, port = os.environ.get("DASK_SCHEDULER_SERVICE_HOST"), os.environ.get("DASK_SCHEDULER_SERVICE_PORT")
    if host and port:
        return f"tcp://{host}:{port}", "domino"
    if os.environ.get("DASK_SCHEDULER_ADDRESS"):
        return os.environ["DASK_SCHEDULER_ADDRESS"], "address"
    return None, "local"


class Connection:
    """A client on the epoch's cluster: `client`, `origin` (domino / address / local) and the LocalCluster
    this process started (None on an existing scheduler). `close()` ends both."""

    def __init__(self, client: Any, local: Any, origin: str) -> None:
        self.client, self.local, self.origin = client, local, origin

    def close(self) -> None:
        """Disconnect, and stop the LocalCluster when this process started one."""
        self.client.close()
        if self.local is not None:
            self.local.close()


def connect(compute: dict[str, Any]) -> Connection:
    """Connect as every cluster epoch does, scripts and notebooks alike (IR `epochs[].compute`): Domino's
    scheduler, DASK_SCHEDULER_ADDRESS, else a LocalCluster of the spec's workers and per-worker memory."""
    from distributed import Client, LocalCluster

    workers, memory_limit = int(compute["workers"]), int(compute["workerMemoryBytes"])
    address, origin = scheduler_address()
    if address is None:
        # pyarrow's default allocator keeps freed memory for reuse, so a worker's RSS (what the nanny
        # compares with the limit, pausing at 80 % and killing at 95 %) only grows from partition to
        # partition; the system allocator (trimmed by the nanny's MALLOC_TRIM_THRESHOLD_) hands it back.
        # Measured: 307 MB vs 176 MB after writing eight 33 MB partitions.
        local = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=memory_limit,
                             dashboard_address=None, silence_logs=logging.ERROR,
                             env={"ARROW_DEFAULT_MEMORY_POOL": "system"})
        return Connection(Client(local), local, origin)
    client = Client(address)
    client.wait_for_workers(workers, timeout=600)
    return Connection(client, None, origin)


def worker_memory(client: Any, default_limit: int) -> dict[str, tuple[int, int, int]]:
    """{worker name: (memory bytes, data bytes Dask holds, memory limit)} from the scheduler's heartbeat
    figures: the one reading of worker memory (the cluster record's peaks and the memory guard use it)."""
    out: dict[str, tuple[int, int, int]] = {}
    for w in client.scheduler_info(n_workers=-1)["workers"].values():
        metrics = w.get("metrics") or {}
        out[str(w.get("name", w.get("id")))] = (int(metrics.get("memory") or 0), int(metrics.get("managed_bytes") or 0),
                                                int(w.get("memory_limit") or default_limit))
    return out


class DaskCluster:
    """`with DaskCluster(ctx) as cluster:` gives `cluster.client` for the epoch's `compute` settings."""

    def __init__(self, ctx: Any) -> None:
        compute = ctx.epoch.get("compute")
        if not compute or compute.get("engine") != "dask":
            raise ValueError(f"epoch {ctx.epoch_id} declares no Dask cluster")
        self.ctx = ctx
        self.workers = int(compute["workers"])
        self.memory_limit = int(compute["workerMemoryBytes"])
        self.client: Any = None
        self._local: Any = None
        self.origin = "local"
        self.peaks: dict[str, int] = {}
        self.managed: dict[str, int] = {}
        self.limits: dict[str, int] = {}
        #: The last sample, {worker: (bytes, limit)}: what the memory guard checks for remote workers.
        self.latest: dict[str, tuple[int, int]] = {}
        self.processes: dict[str, set[str]] = {}
        self.peak_total = 0
        self.notes: dict[str, Any] = {}
        self._pids_start: dict[str, int] = {}
        self._stop = threading.Event()
        self._sampler: threading.Thread | None = None
        self._t0 = 0.0

    def __enter__(self) -> "DaskCluster":
        conn = connect(self.ctx.epoch["compute"])
        self.client, self._local, self.origin = conn.client, conn.local, conn.origin
        self._t0 = time.monotonic()
        self._pids_start = self._pids()
        self._sampler = threading.Thread(target=self._sample, name="pipec-dask-memory", daemon=True)
        self._sampler.start()
        if self._local is None:
            # Workers on other machines are not in this process tree: the guard checks each against its
            # own limit from the sampler's last reading. A LocalCluster's workers are child processes,
            # so the guard's process-tree figure already counts them (against limits.max_memory).
            self.ctx.memory.remote = lambda: dict(self.latest)
        print(f"dask: {self.workers} workers x {self.memory_limit / 1024 ** 3:.2f} GB ({self.origin} scheduler)", flush=True)
        return self

    def _pids(self) -> dict[str, int]:
        """Worker name -> process id (a restarted worker keeps its name, not its process)."""
        try:
            by_address = self.client.run(os.getpid)
            names = {a: str(w.get("name", a)) for a, w in self.client.scheduler_info(n_workers=-1)["workers"].items()}
            return {names.get(a, a): int(pid) for a, pid in by_address.items()}
        except Exception:  # a closing cluster: nothing to compare
            return {}

    def note(self, **facts: Any) -> None:
        """Facts the epoch measured (e.g. data_memory_bytes) for the cluster record."""
        self.notes.update(facts)

    def _sample_once(self) -> None:
        from .limits import rss_bytes

        latest: dict[str, tuple[int, int]] = {}
        total = rss_bytes()
        for name, (memory, managed, limit) in worker_memory(self.client, self.memory_limit).items():
            self.peaks[name] = max(self.peaks.get(name, 0), memory)
            self.managed[name] = max(self.managed.get(name, 0), managed)
            self.limits[name] = limit
            latest[name] = (memory, limit)
            total += memory
        self.latest = latest
        self.peak_total = max(self.peak_total, total)
        # Each worker's address: a restarted worker comes back under its name at a new address.
        for address, w in self.client.scheduler_info(n_workers=-1)["workers"].items():
            self.processes.setdefault(str(w.get("name", w.get("id"))), set()).add(str(address))

    def _sample(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            try:
                self._sample_once()
            except Exception:  # the scheduler may be closing; sampling is best effort
                return

    def restarts(self, pids_end: dict[str, int]) -> int:
        """Worker processes replaced while the epoch ran (nanny restarts after the 95 % kill, crashes)."""
        seen = sum(max(len(p) - 1, 0) for p in self.processes.values())
        changed = sum(1 for n, pid in self._pids_start.items() if pids_end.get(n) not in (None, pid))
        lost = sum(1 for n in self._pids_start if n not in pids_end) if pids_end else 0
        return max(seen, changed + lost)

    def record(self, pids_end: dict[str, int] | None = None) -> dict[str, Any]:
        """What ran: engine, scheduler origin, workers, per-worker limit and peak memory, restarts, notes."""
        over = sorted(n for n, p in self.peaks.items() if p > self.limits.get(n, self.memory_limit))
        pids_end = self._pids_start if pids_end is None else pids_end
        return {**self.notes, "engine": "dask", "scheduler": self.origin, "workers": self.workers,
                # The whole cluster at its peak: every worker plus the epoch's own process.
                "peak_cluster_memory_bytes": self.peak_total,
                "worker_pids_start": dict(sorted(self._pids_start.items())),
                "worker_pids_end": dict(sorted(pids_end.items())),
                "worker_restarts": self.restarts(pids_end),
                "worker_memory_limit_bytes": self.memory_limit,
                "peak_worker_memory_bytes": dict(sorted(self.peaks.items())),
                # Data Dask held on each worker at its peak (partitions, results): what the data costs a worker.
                "peak_worker_data_bytes": dict(sorted(self.managed.items())),
                "workers_over_limit": over, "seconds": round(time.monotonic() - self._t0, 3)}

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self.ctx.memory.remote = None
        if self._sampler is not None:
            self._sampler.join(timeout=2)
        try:
            self._sample_once()
        except Exception:
            pass
        rec = self.record(self._pids())
        ctx = self.ctx
        ctx.state.update(lambda s: s["epochs"].setdefault(ctx.epoch_id, {}).__setitem__("engine", rec))  # extends {"engine": "dask"}
        out = ctx.paths.context_dir / "cluster"
        out.mkdir(parents=True, exist_ok=True)
        (out / f"epoch{ctx.epoch_id}.json").write_text(json.dumps(rec, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        try:
            # `engine` itself is logged by EpochContext for every epoch; the cluster adds its shape.
            ctx.track.log_params({"dask_workers": self.workers, "dask_scheduler": self.origin})
            if self.peaks:
                ctx.track.log_metrics({"peak_worker_memory_mb": max(self.peaks.values()) / 1024 ** 2})
        except Exception as err:  # tracking must not turn a finished epoch into a failure
            print(f"warning: could not track the cluster record: {err}", flush=True)
        for w in rec["workers_over_limit"]:
            ctx.warn(f"dask worker {w} went over its memory limit ({self.memory_limit} bytes)")
        if rec["worker_restarts"]:
            ctx.warn(f"{rec['worker_restarts']} dask worker process(es) restarted (memory limit or crash)")
        self.client.close()
        if self._local is not None:
            self._local.close()
