"""pipec_runtime.cluster: where the scheduler comes from (Domino's service variables, DASK_SCHEDULER_ADDRESS,
else a LocalCluster) and that a context without a Dask cluster is refused. The LocalCluster itself runs
in the end-to-end test (test/dask/dask-run.test.ts)."""
import pytest

from pipec_runtime import cluster


def test_domino_service_variables_win(monkeypatch):
    monkeypatch.setenv("DASK_SCHEDULER_SERVICE_HOST", "dask-scheduler-abc")
    monkeypatch.setenv("DASK_SCHEDULER_SERVICE_PORT", "8786")
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://elsewhere:1")
    assert cluster.scheduler_address() == ("tcp://dask-scheduler-abc:8786", "domino")


def test_dask_address_then_local(monkeypatch):
    monkeypatch.delenv("DASK_SCHEDULER_SERVICE_HOST", raising=False)
    monkeypatch.delenv("DASK_SCHEDULER_SERVICE_PORT", raising=False)
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://10.0.0.5:8786")
    assert cluster.scheduler_address() == ("tcp://10.0.0.5:8786", "address")
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
    assert cluster.scheduler_address() == (None, "local")
    # Only a host, no port: not Domino's pair, so not used.
    monkeypatch.setenv("DASK_SCHEDULER_SERVICE_HOST", "h")
    assert cluster.scheduler_address() == (None, "local")


def test_an_epoch_without_a_cluster_is_refused():
    class Ctx:
        epoch_id = "003"
        epoch = {"id": "003"}

    with pytest.raises(ValueError, match="epoch 003 declares no Dask cluster"):
        cluster.DaskCluster(Ctx())


def _bare(pids_start, processes):
    """A DaskCluster with sampled state only (no scheduler): what record() and restarts() read."""
    c = object.__new__(cluster.DaskCluster)
    c.workers, c.memory_limit, c.origin, c.notes = 2, 512 * 1024 ** 2, "local", {"data_memory_bytes": 10}
    c.peaks, c.managed, c.limits, c.peak_total, c._t0 = {"0": 5, "1": 6}, {}, {}, 20, 0.0
    c._pids_start, c.processes = pids_start, processes
    return c


def test_restarts_show_as_new_processes_or_changed_pids():
    steady = _bare({"0": 11, "1": 12}, {"0": {"tcp://a:1"}, "1": {"tcp://a:2"}})
    assert steady.restarts({"0": 11, "1": 12}) == 0
    rec = steady.record({"0": 11, "1": 12})
    assert rec["worker_restarts"] == 0 and rec["data_memory_bytes"] == 10 and rec["peak_cluster_memory_bytes"] == 20
    # The nanny restarted worker 1: a second address seen while sampling, and/or a new pid at the end.
    restarted = _bare({"0": 11, "1": 12}, {"0": {"tcp://a:1"}, "1": {"tcp://a:2", "tcp://a:3"}})
    assert restarted.restarts({"0": 11, "1": 12}) == 1
    assert steady.restarts({"0": 11, "1": 99}) == 1
    assert steady.restarts({"0": 11}) == 1  # a worker gone by the end
