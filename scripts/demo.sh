#!/usr/bin/env bash
# The README's main command: compile the built-in example and run all 8 epochs locally.
# ROWS (default 20000) keeps the run to a few minutes on a laptop; OUT picks the output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-20000}
OUT=${OUT:-out/credit-risk}
bash scripts/setup-python.sh
[ -f dist/pipec.js ] || node scripts/build.mjs
node bin/pipec.js compile examples/credit-risk/project.pipeline --out "$OUT" --set "data.rows=$ROWS"
# --yes approves the spec's human review gates for this local demo run (logged in approval_log.json).
node bin/pipec.js run "$OUT" --yes --python "$PWD/.venv/bin/python"
node bin/pipec.js status "$OUT"
