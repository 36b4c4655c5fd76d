"""Test double of Domino's flytekitplugins.domino (not on PyPI), used ONLY by test/flows.

It mirrors the documented public API (docs/flows.md lists the sources): DominoJobConfig's PascalCase
fields, DominoJobTask's keyword arguments, GitRef, Artifact/DATA/MODEL/REPORT. DominoJobTask is a real
flytekit PythonTask, so the generated workflow is compiled by real flytekit; it records its arguments so
the tests can compare every node with the IR. It never talks to Domino.
"""
