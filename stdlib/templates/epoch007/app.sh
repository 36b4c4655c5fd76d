#!/usr/bin/env bash
# Starts the Streamlit app the way Domino Apps expect (port 8888 on all interfaces).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export PYTHONPATH="$ROOT/src${PYTHONPATH:+:$PYTHONPATH}"
export PIPEC_PROJECT_ROOT="$ROOT"
cd "$HERE"
exec streamlit run app.py --server.port=8888 --server.address=0.0.0.0
