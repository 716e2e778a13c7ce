#!/usr/bin/env bash
# Measure the generated database (bench/setup_db.sh) and write docs/benchmarks.md; see bench/run.py.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/env.sh
exec .venv/bin/python bench/run.py
