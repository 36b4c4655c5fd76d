#!/usr/bin/env bash
# Runs every pytest suite of the repository with the pinned environment (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || { echo "no .venv: run scripts/setup-python.sh first" >&2; exit 2; }
suites=()
for d in runtime/python/tests test/python; do [ -d "$d" ] && suites+=("$d"); done
[ ${#suites[@]} -gt 0 ] || { echo "no python test suites"; exit 0; }
"$PY" -m pytest -q -p no:cacheprovider "${suites[@]}"
