"""Domino's job output upload (its fork of Flyte's copilot, flytecopilot/data/upload.go), for the tests.

After a Domino Job exits, copilot reads `/workflow/outputs/<name>` for every output of the task interface:
a blob (FlyteFile) is uploaded as is; a simple type is read as text only up to `maxPrimitiveSize` = 1,024
bytes, else the upload fails with "maximum allowed filesize is [1024], but found [N]" (the job succeeded,
its node fails). Other literal types are refused.
"""
from pathlib import Path

MAX_PRIMITIVE_SIZE = 1024


def upload(outputs_dir, outputs: dict) -> dict:
    """`outputs`: name -> "blob" or "simple". Returns name -> bytes read (simple) or path (blob); raises like copilot."""
    done = {}
    for name, kind in outputs.items():
        path = Path(outputs_dir) / name
        if not path.exists():
            raise RuntimeError(f"Failed to upload [{name}], reason [file not found at {path}]")
        if path.is_dir() and kind == "simple":
            raise RuntimeError(f"expected file for type [simple], found dir at path [{path}]")
        if kind == "simple":
            size = path.stat().st_size
            if size > MAX_PRIMITIVE_SIZE:
                raise RuntimeError(f"maximum allowed filesize is [{MAX_PRIMITIVE_SIZE}], but found [{size}]")
            done[name] = path.read_bytes()
        elif kind == "blob":
            done[name] = str(path)
        else:
            raise RuntimeError(f"currently CoPilot uploader does not support [{kind}], system error")
    return done
