"""Stand-in flytekitplugins.domino.artifact (see __init__.py): Artifact, DATA, MODEL, REPORT."""
from typing import Annotated

from flytekit.types.file import FlyteFile

DATA = "DATA"
MODEL = "MODEL"
REPORT = "REPORT"

#: Every declared artifact, for the tests.
DECLARED = []


class Artifact:
    def __init__(self, name: str, type: str) -> None:
        if type not in (DATA, MODEL, REPORT):
            raise ValueError(f"unknown artifact type {type!r}")
        self.name = name
        self.type = type
        DECLARED.append(self)

    def File(self, name: str):
        """An output type that is a FlyteFile belonging to this artifact."""
        return Annotated[FlyteFile, {"artifact": self.name, "type": self.type, "file": name}]
