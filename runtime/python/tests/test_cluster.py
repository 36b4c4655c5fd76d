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
