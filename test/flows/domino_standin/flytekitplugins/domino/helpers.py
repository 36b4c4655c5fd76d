"""Stand-in flytekitplugins.domino.helpers (see __init__.py): Input, Output, run_domino_job_task."""
from dataclasses import dataclass
from typing import Any, List, Optional, Type

from .task import DatasetSnapshot, DominoJobConfig, DominoJobTask, GitRef, resolve_name


@dataclass
class Input(object):
    name: str
    type: Type
    value: Any


@dataclass
class Output(object):
    name: str
    type: Type


def run_domino_job_task(
    flyte_task_name: str,
    command: str,
    *,
    environment_name: Optional[str] = None,
    environment_id: Optional[str] = None,
    hardware_tier_name: Optional[str] = None,
    hardware_tier_id: Optional[str] = None,
    inputs: Optional[List[Input]] = None,
    output_specs: Optional[List[Output]] = None,
    use_project_defaults_for_omitted: bool = False,
    main_git_repo_ref: Optional[GitRef] = None,
    dataset_snapshots: Optional[List[DatasetSnapshot]] = None,
    volume_size_gib: Optional[float] = None,
    cache: bool = False,
    cache_version: str = "",
):
    """Builds the DominoJobTask (names resolved to ids first, as Domino does at registration) and calls it."""
    if environment_name is not None and environment_id is not None:
        raise ValueError("give environment_name or environment_id, not both")
    if hardware_tier_name is not None and hardware_tier_id is not None:
        raise ValueError("give hardware_tier_name or hardware_tier_id, not both")
    config = DominoJobConfig(
        Command=command,
        MainRepoGitRef=main_git_repo_ref,
        EnvironmentId=environment_id if environment_name is None else resolve_name("environment", environment_name),
        HardwareTierId=hardware_tier_id if hardware_tier_name is None else resolve_name("hardware tier", hardware_tier_name),
        VolumeSizeGiB=volume_size_gib,
        DatasetSnapshots=dataset_snapshots,
    )
    task = DominoJobTask(
        flyte_task_name,
        config,
        use_latest=use_project_defaults_for_omitted,
        inputs={i.name: i.type for i in inputs or []},
        outputs={o.name: o.type for o in output_specs or []},
        cache=cache,
        cache_version=cache_version,
    )
    task.helper_call = {
        "environment_name": environment_name, "environment_id": environment_id,
        "hardware_tier_name": hardware_tier_name, "hardware_tier_id": hardware_tier_id,
        "use_project_defaults_for_omitted": use_project_defaults_for_omitted,
    }
    return task(**{i.name: i.value for i in inputs or []})
