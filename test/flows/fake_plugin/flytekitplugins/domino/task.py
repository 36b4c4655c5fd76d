"""Fake flytekitplugins.domino.task (see __init__.py)."""
from dataclasses import dataclass, fields
from datetime import timedelta
from typing import Any, Dict, List, Optional, Type

from flytekit.core.base_task import PythonTask, TaskMetadata
from flytekit.core.interface import Interface


@dataclass
class GitRef:
    Type: str
    Value: Optional[str] = None


@dataclass
class DominoJobConfig:
    Command: str
    Title: Optional[str] = None
    CommitId: Optional[str] = None
    MainRepoGitRef: Optional[GitRef] = None
    HardwareTierId: Optional[str] = None
    EnvironmentId: Optional[str] = None
    EnvironmentRevisionSpec: Optional[Any] = None
    ComputeClusterProperties: Optional[Any] = None
    VolumeSizeGiB: Optional[float] = None
    DatasetSnapshots: Optional[List[Any]] = None
    ExternalVolumeMountIds: Optional[List[str]] = None


class DominoJobTask(PythonTask):
    """Records its configuration; executing it is refused (a Domino Job cannot run here)."""

    def __init__(self, name: str, domino_job_config: DominoJobConfig, use_latest: bool = False,
                 inputs: Optional[Dict[str, Type]] = None, outputs: Optional[Dict[str, Type]] = None,
                 log_level: int = 20, cache: bool = False, cache_serialize: bool = False,
                 cache_version: str = "", cache_ignore_input_vars: tuple = (), retries: int = 0,
                 timeout: timedelta = timedelta(hours=3), **kwargs: Any) -> None:
        if not isinstance(domino_job_config, DominoJobConfig):
            raise TypeError("domino_job_config must be a DominoJobConfig")
        self.domino_job_config = domino_job_config
        self.use_latest = use_latest
        super().__init__(
            name=name,
            task_type="domino_job",
            task_config=domino_job_config,
            interface=Interface(inputs=inputs or {}, outputs=outputs or {}),
            metadata=TaskMetadata(cache=cache, cache_serialize=cache_serialize, cache_version=cache_version,
                                  cache_ignore_input_vars=cache_ignore_input_vars, retries=retries,
                                  timeout=timeout),
            **kwargs,
        )

    def execute(self, **kwargs: Any) -> Any:
        raise RuntimeError("fake DominoJobTask cannot execute")


def config_fields() -> List[str]:
    """Field names of DominoJobConfig (tests check the generated module only uses these)."""
    return [f.name for f in fields(DominoJobConfig)]
