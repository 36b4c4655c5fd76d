"""STRICT stand-in for Domino's flytekitplugins.domino (not on PyPI), used ONLY by test/flows.

What it mirrors, and from where:
- `task.py`: DominoJobConfig, GitRef, EnvironmentRevisionSpecification, DatasetSnapshot, DominoJobTask,
  ComputeClusterType and ClusterProperties (the class DominoJobConfig.ComputeClusterProperties holds) follow
  `domino/flyte/task.py` of github.com/dominodatalab/python-domino at commit
  d71ab0e0915d31eca3c8d3d5bf61c7e86a99ebfc (2024-03-19, branch noahjax.DOM-52828.remove-project-reference,
  the plugin's public source before it moved to the closed flytekitplugins-domino package): PascalCase
  dataclass fields, `GitRef(Type, Value=None)` serialised as {"type", "value"}, `DominoJobTask(name,
  domino_job_config, use_latest=False, inputs=None, outputs=None, log_level=20, ...)` that resolves unset
  fields through `resolve_job_properties()` when `use_latest` and otherwise raises "The following fields
  are not defined: [...]". Differences, each from Domino's documentation (docs.dominodatalab.com "Define
  Flows", 5.11 to 6.0, and Domino's public example flows): no `ApiKey` field (the documented
  `DominoJobConfig(Command=...)` has none), and DominoJobTask takes flytekit's cache/retries/timeout task
  metadata (`cache=True, cache_version="1.0"` in the documented caching examples).
- `helpers.py`: Input, Output and run_domino_job_task with the keyword names of the documented examples
  (flyte_task_name, command, environment_name, hardware_tier_name, inputs, output_specs,
  use_project_defaults_for_omitted, main_git_repo_ref, dataset_snapshots, cache, cache_version) plus the
  id variants the flow uses for mixed specs (environment_id, hardware_tier_id, volume_size_gib); the
  helper's source is not public, so `python -m pipec_runtime.doctor` checks these on a real workspace.
- `artifact.py`: Artifact(name, type) with DATA/MODEL/REPORT and `.File(name=...)` ("Define Flow Artifacts").
- `copilot.py`: the output upload rules of Domino's fork of Flyte's copilot (github.com/dominodatalab/flyte,
  flytecopilot/data/upload.go at bba8c11d886b12a9733e46ca319c9550adebcf46: `maxPrimitiveSize = 1024`).

Strict: no `**kwargs` that swallow a typo (an unknown keyword raises TypeError as Python does for the real
dataclass), ids are checked where Domino checks them (job property resolution answers 400, reported as
"Failed to resolve job properties (StatusCode 400): ...", the real client's message), and a simple-typed
output over 1,024 bytes fails the upload with copilot's message. It never talks to Domino.
"""
