"""MLflow model logging, registration and aliases (epochs 005-007). MLflow 3: models are logged with
`log_model(name=...)`, signature and input example; registry stages are deprecated, so promotion is
done with aliases (`staging`, `production`) and models are addressed as `models:/<name>@<alias>`.
"""
from __future__ import annotations

import importlib.metadata
from pathlib import Path

from . import config

# Requirements recorded with the model, pinned to the versions that trained it (MLflow would
# otherwise infer them by re-loading the model in a subprocess, which is slow): the required model
# frameworks of pipec's catalogue, then what every model needs to load (data frames, skops).
_FRAMEWORK_PACKAGES = tuple(dict.fromkeys(
    m["pip"] for m in config.CATALOGUE["models"].values() if not m["optional"]))
_MODEL_PACKAGES = (*_FRAMEWORK_PACKAGES, "pandas", "numpy", "scipy", "skops")


def registered_model_name(project: str) -> str:
    """The registry name of a project's model (the seed's `{project}_model`)."""
    return f"{project}_model"


def use_project_tracking(root) -> None:
    """Points MLflow at the project's store the way the runtime does: on Domino the platform's
    pre-configured server (never overridden), locally MLFLOW_TRACKING_URI or `<root>/mlruns.db`."""
    import os

    import mlflow
    from pipec_runtime import on_domino

    if not on_domino() and not os.environ.get("MLFLOW_TRACKING_URI"):
        mlflow.set_tracking_uri(f"sqlite:///{(Path(root) / 'mlruns.db').as_posix()}")


def pinned_requirements() -> list[str]:
    """`package==version` for the installed model packages."""
    out = []
    for pkg in _MODEL_PACKAGES:
        try:
            out.append(f"{pkg}=={importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return out


def log_model(mlflow, model, X_raw_example, package_dir: Path | str) -> str:
    """Logs the raw-input model (scikit-learn flavour, skops serialisation: no pickle) with a signature
    over the RAW input columns and an input example; returns its model URI. The package folder is logged
    as code (with the vendored runtime), so the model loads wherever the registry is reachable. Registering is a separate decision
    (`register`): only a model that passed its gate gets a registry version."""
    from mlflow.models import infer_signature

    from .model_artifact import trusted_types

    import warnings

    example = X_raw_example.head(5)
    # A nullable integer column is a float column to MLflow (NaN); the others are declared non-null by
    # the model's input schema, so MLflow's hint about integer columns does not apply to them.
    nullable_ints = [c["name"] for c in model.input_schema_ if c["type"] == "int" and c.get("nullable")]
    example = example.astype({c: "float64" for c in nullable_ints})
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*Integer columns in Python cannot represent missing values.*")
        signature = infer_signature(example, model.predict(example))
    info = mlflow.sklearn.log_model(
        sk_model=model, name="model", signature=signature, input_example=example,
        serialization_format="skops", skops_trusted_types=trusted_types(model),
        code_paths=code_paths(package_dir), pip_requirements=pinned_requirements())
    return info.model_uri


def code_paths(package_dir: Path | str) -> list[str]:
    """The project package and the vendored runtime it imports (src/pipec_runtime): with both inside
    the artifact, `models:/<name>@<alias>` loads in a process that has neither on its path."""
    package_dir = Path(package_dir)
    runtime = package_dir.parent / "pipec_runtime"
    return [str(package_dir)] + ([str(runtime)] if runtime.is_dir() else [])


def register(mlflow, model_uri: str, name: str, description: str | None = None, tags: dict | None = None) -> dict:
    """Registers a logged model as a new version of `name` with its description and tags (what the
    registry page shows); returns {model_uri, name, version}."""
    from mlflow import MlflowClient

    version = mlflow.register_model(model_uri, name, tags={k: str(v) for k, v in (tags or {}).items()} or None).version
    if description:
        MlflowClient().update_model_version(name, str(version), description=description)
    return {"model_uri": model_uri, "name": name, "version": str(version)}


def spec_hash(root: Path | str) -> str:
    """The hash of the compiled spec (the IR section of `.pipec/manifest.json`), or "unknown"."""
    import json

    manifest = Path(root) / ".pipec" / "manifest.json"
    if not manifest.is_file():
        return "unknown"
    return str(json.loads(manifest.read_text()).get("sections", {}).get("ir", "unknown"))


def epoch_run_ids(epochs: list[str]) -> dict[str, str]:
    """The latest finished MLflow run of each epoch (by the runtime's `pipec.epoch` tag)."""
    from mlflow import MlflowClient

    client = MlflowClient()
    experiments = [e.experiment_id for e in client.search_experiments()]
    out = {}
    for epoch in epochs:
        runs = client.search_runs(experiments, f"tags.`pipec.epoch` = '{epoch}' and attributes.status = 'FINISHED' "
                                               "and tags.`mlflow.parentRunId` IS NULL",
                                  order_by=["attributes.start_time DESC"], max_results=1) if experiments else []
        if runs:
            out[epoch] = runs[0].info.run_id
    return out


def version_annotations(root: Path | str, info: dict, data_fingerprint: str, run_ids: dict[str, str],
                        title: str, pipec_version: str) -> tuple[str, dict[str, str]]:
    """The description and tags of a registered version: what it is, what it scored on the held-out
    test rows, and everything needed to trace it (spec hash, pipec version, data fingerprint, runs)."""
    metrics = {k: v for k, v in info.get("metrics", {}).items() if isinstance(v, (int, float))}
    primary = info.get("primary_metric")
    score = f"; test {primary} {metrics[primary]:.4f}" if primary in metrics else ""
    threshold = f", decision threshold {float(info['threshold']):.3f}" if info.get("threshold") is not None else ""
    description = (f"{title}: {info.get('model')} ({'tuned' if info.get('tuned') else 'baseline'}) trained on "
                   f"{info.get('train_rows')} rows{score}{threshold}. Registered by epoch 005 after its gate passed; "
                   f"generated by pipec {pipec_version}.")
    tags = {"pipec.spec_hash": spec_hash(root), "pipec.version": pipec_version, "pipec.data_fingerprint": data_fingerprint,
            "pipec.model": str(info.get("model")), **{f"test.{k}": f"{v:.6g}" for k, v in sorted(metrics.items())},
            **{f"run_id.{k}": v for k, v in sorted(run_ids.items())}}
    return description, tags


def latest_version(name: str) -> str | None:
    """The highest registered version number of `name`, or None."""
    from mlflow import MlflowClient

    versions = MlflowClient().search_model_versions(f"name = '{name}'")
    return str(max(int(v.version) for v in versions)) if versions else None


def set_alias(name: str, alias: str, version: str) -> None:
    """Points `alias` at `version` (MlflowClient().set_registered_model_alias)."""
    from mlflow import MlflowClient

    MlflowClient().set_registered_model_alias(name, alias, str(version))


def alias_version(name: str, alias: str) -> str | None:
    """The version an alias points to, or None when the alias (or model) does not exist."""
    import mlflow
    from mlflow import MlflowClient

    try:
        return str(MlflowClient().get_model_version_by_alias(name, alias).version)
    except mlflow.exceptions.MlflowException:
        return None


def aliases(name: str) -> dict[str, str]:
    """All aliases of a registered model → version."""
    from mlflow import MlflowClient

    return {k: str(v) for k, v in sorted(MlflowClient().get_registered_model(name).aliases.items())}
