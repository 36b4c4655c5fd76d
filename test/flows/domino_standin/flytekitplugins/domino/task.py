"""Stand-in flytekitplugins.domino.task (see __init__.py for the source and version it mirrors)."""
import hashlib
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import Enum
from typing import Any, Dict, List, Optional, Type

from flytekit.core.base_task import PythonTask, TaskMetadata
from flytekit.core.interface import Interface

#: Shapes Domino's API accepts (what resolveJobDefaults / job start would reject otherwise).
ENVIRONMENT_ID = re.compile(r"^[0-9a-f]{24}$")
HARDWARE_TIER_ID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
GIT_REF_TYPES = ("head", "branches", "tags", "commitId", "ref")

#: Project defaults the stand-in "Domino" fills in for unset fields (use_latest / resolve_job_properties).
PROJECT_DEFAULTS = {
    "CommitId": "0" * 40,
    "HardwareTierId": "small-k8s",
    "EnvironmentId": "650000000000000000000001",
    "VolumeSizeGiB": 10.0,
}

#: Every task created, for the tests.
CREATED: List["DominoJobTask"] = []


@dataclass
class GitRef(object):
    Type: str
    Value: Optional[str] = None

    def to_json(self):
        return {"type": self.Type, "value": self.Value}


class EnvironmentRevisionType(str, Enum):
    SomeRevision = "SomeRevision"
    RestrictedRevision = "RestrictedRevision"


@dataclass
class EnvironmentRevisionSpecification(object):
    EnvironmentRevisionType: EnvironmentRevisionType
    EnvironmentRevisionId: Optional[str] = None

    def __post_init__(self):
        if self.EnvironmentRevisionType == EnvironmentRevisionType.SomeRevision and not self.EnvironmentRevisionId:
            raise ValueError(f"EnvironmentRevisionId must be specified when using type {self.EnvironmentRevisionType}")


# Must inherit from str for json serialization to work (as the real module says).
class ComputeClusterType(str, Enum):
    Dask = "Dask"
    Spark = "Spark"
    Ray = "Ray"
    MPI = "MPI"


@dataclass
class ClusterProperties(object):
    """As the plugin's ClusterProperties, field names included (`WorkerHardareTierId` is the plugin's spelling)."""
    ClusterType: ComputeClusterType
    ComputeEnvironmentId: str
    WorkerHardareTierId: str
    WorkerCount: int
    WorkerStorageGiB: Optional[float] = None
    MaxWorkerCount: Optional[int] = None
    ComputeEnvironmentRevisionSpec: Optional[EnvironmentRevisionSpecification] = None
    MasterHardwareTierId: Optional[str] = None
    ExtraConfigs: Optional[Dict[str, str]] = None

    def is_resolved(self):
        return self.ComputeEnvironmentRevisionSpec and (self.MasterHardwareTierId or self.ClusterType == ComputeClusterType.MPI)

    def _rejected(self) -> Optional[str]:
        """What Domino answers 400 for in computeClusterProperties (ids of the wrong shape, no workers)."""
        if not isinstance(self.ClusterType, ComputeClusterType):
            return f"clusterType {self.ClusterType!r} is not one of Ray, Spark, Dask, MPI"
        if not ENVIRONMENT_ID.match(str(self.ComputeEnvironmentId)):
            return f"computeEnvironmentId {self.ComputeEnvironmentId!r} is not a valid ObjectId"
        for name, tier in (("workerHardwareTierId", self.WorkerHardareTierId), ("masterHardwareTierId", self.MasterHardwareTierId)):
            if tier is not None and not HARDWARE_TIER_ID.match(str(tier)):
                return f"{name} {tier!r} does not exist"
        if not isinstance(self.WorkerCount, int) or self.WorkerCount < 1:
            return f"workerCount {self.WorkerCount!r} must be a positive integer"
        return None


@dataclass
class DatasetSnapshot(object):
    DatasetId: str
    SnapshotVersion: int
    DatasetName: Optional[str] = None


@dataclass
class DominoJobConfig(object):
    Command: str
    Title: Optional[str] = None
    CommitId: Optional[str] = None
    MainRepoGitRef: Optional[GitRef] = None
    HardwareTierId: Optional[str] = None
    EnvironmentId: Optional[str] = None
    EnvironmentRevisionSpec: Optional[EnvironmentRevisionSpecification] = None
    ComputeClusterProperties: Optional[ClusterProperties] = None
    VolumeSizeGiB: Optional[float] = None
    DatasetSnapshots: Optional[List[DatasetSnapshot]] = None
    ExternalVolumeMountIds: Optional[List[str]] = None

    def is_resolved(self) -> bool:
        return not self.unresolved_fields()

    def unresolved_fields(self) -> List[str]:
        names = [("commitId", self.CommitId), ("hardwareTierId", self.HardwareTierId),
                 ("environmentId", self.EnvironmentId), ("environmentRevisionSpec", self.EnvironmentRevisionSpec),
                 ("volumeSizeGiB", self.VolumeSizeGiB)]
        out = [n for n, v in names if not v]
        if self.ComputeClusterProperties and not self.ComputeClusterProperties.is_resolved():
            out.append("computeClusterProperties")
        if self.DatasetSnapshots is None:
            out.append("datasetSnapshots")
        if self.ExternalVolumeMountIds is None:
            out.append("externalVolumeMountIds")
        return out

    def _rejected(self) -> Optional[str]:
        """What Domino's resolveJobDefaults answers 400 for (ids of the wrong shape, an unknown ref type)."""
        if self.EnvironmentId is not None and not ENVIRONMENT_ID.match(str(self.EnvironmentId)):
            return f"environmentId {self.EnvironmentId!r} is not a valid ObjectId"
        if self.HardwareTierId is not None and not HARDWARE_TIER_ID.match(str(self.HardwareTierId)):
            return f"hardwareTierId {self.HardwareTierId!r} does not exist"
        cluster = self.ComputeClusterProperties
        if cluster is not None:
            if not isinstance(cluster, ClusterProperties):
                return f"computeClusterProperties must be ClusterProperties, got {type(cluster).__name__}"
            problem = cluster._rejected()
            if problem:
                return problem
        ref = self.MainRepoGitRef
        if ref is not None:
            if not isinstance(ref, GitRef):
                return f"mainRepoGitRef must be a GitRef, got {type(ref).__name__}"
            if ref.Type not in GIT_REF_TYPES:
                return f"mainRepoGitRef type {ref.Type!r} is not one of {', '.join(GIT_REF_TYPES)}"
            if ref.Type != "head" and not ref.Value:
                return f"mainRepoGitRef of type {ref.Type!r} needs a value"
        return None

    def resolve_job_properties(self) -> None:
        """Fill unset fields from the project defaults, as Domino's resolveJobDefaults does; its errors read as the real client's."""
        problem = self._rejected()
        if problem:
            raise Exception(f"Failed to resolve job properties (StatusCode 400): {problem})")
        for field, value in PROJECT_DEFAULTS.items():
            if getattr(self, field) is None:
                setattr(self, field, value)
        if self.EnvironmentRevisionSpec is None:
            self.EnvironmentRevisionSpec = EnvironmentRevisionSpecification(EnvironmentRevisionType.RestrictedRevision)
        cluster = self.ComputeClusterProperties
        if cluster is not None and cluster.ComputeEnvironmentRevisionSpec is None:
            cluster.ComputeEnvironmentRevisionSpec = EnvironmentRevisionSpecification(EnvironmentRevisionType.RestrictedRevision)
        if cluster is not None and cluster.MasterHardwareTierId is None and cluster.ClusterType != ComputeClusterType.MPI:
            cluster.MasterHardwareTierId = PROJECT_DEFAULTS["HardwareTierId"]
        if self.DatasetSnapshots is None:
            self.DatasetSnapshots = []
        if self.ExternalVolumeMountIds is None:
            self.ExternalVolumeMountIds = []


def resolve_name(kind: str, name: str) -> str:
    """The stand-in's name lookup (the real helper asks Domino): any non-blank name resolves to a stable id."""
    if not name or not name.strip():
        raise Exception(f"Failed to resolve job properties (StatusCode 400): {kind} name is empty)")
    digest = hashlib.sha1(f"{kind}:{name}".encode()).hexdigest()
    return digest[:24] if kind == "environment" else f"tier-{digest[:8]}"


class DominoJobTask(PythonTask):
    """Records its configuration; executing it is refused (a Domino Job cannot run here)."""

    def __init__(
        self,
        name: str,
        domino_job_config: DominoJobConfig,
        use_latest: bool = False,
        inputs: Optional[Dict[str, Type]] = None,
        outputs: Optional[Dict[str, Type]] = None,
        log_level: int = 20,
        *,
        cache: bool = False,
        cache_serialize: bool = False,
        cache_version: str = "",
        cache_ignore_input_vars: tuple = (),
        retries: int = 0,
        timeout: timedelta = timedelta(hours=3),
    ) -> None:
        if not isinstance(domino_job_config, DominoJobConfig):
            raise TypeError("domino_job_config must be a DominoJobConfig")
        declared = dict(vars(domino_job_config))
        if isinstance(declared.get("ComputeClusterProperties"), ClusterProperties):
            declared["ComputeClusterProperties"] = replace(declared["ComputeClusterProperties"])
        self.declared_config = DominoJobConfig(**declared)  # as written, before resolution
        if use_latest:
            domino_job_config.resolve_job_properties()
        if not domino_job_config.is_resolved():
            raise Exception(
                f"The following fields are not defined: {domino_job_config.unresolved_fields()}. Use "
                "DominoJobConfig.resolve_job_properties() to lookup default values for these fields or run with "
                "'use_latest' to implicitly use the latest default values for this task."
            )
        self.domino_job_config = domino_job_config
        self.use_latest = use_latest
        self.helper_call: Optional[dict] = None
        super().__init__(
            name=name,
            task_type="domino_job",
            task_config=domino_job_config,
            interface=Interface(inputs=inputs or {}, outputs=outputs or {}),
            metadata=TaskMetadata(cache=cache, cache_serialize=cache_serialize, cache_version=cache_version,
                                  cache_ignore_input_vars=cache_ignore_input_vars, retries=retries, timeout=timeout),
        )
        CREATED.append(self)

    def execute(self, **kwargs: Any) -> Any:
        raise RuntimeError("the stand-in DominoJobTask cannot execute (a Domino Job does not run here)")
