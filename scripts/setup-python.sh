#!/usr/bin/env bash
# Creates .venv with the pinned Python environment (python/requirements.txt). Idempotent: a marker
# holding the requirements' hash skips the install when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PIPEC_PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
marker=.venv/.requirements.sha256
want=$(cat python/requirements.txt python/constraints.txt | sha256sum | cut -d' ' -f1)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then
  echo "python env: up to date (.venv)"
  exit 0
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r python/requirements.txt -c python/constraints.txt
.venv/bin/python -m ipykernel install --sys-prefix --name python3 >/dev/null
echo "$want" > "$marker"
echo "python env: installed (.venv)"
