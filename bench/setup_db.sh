#!/usr/bin/env bash
# A fresh benchmark database: drop and create it, migrate, seed the demo court, add the bulk on top.
# BENCH_CASES (default 1,000,000 on PostgreSQL, 50,000 on SQLite), BENCH_SUBMISSIONS (default = cases).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/env.sh
SUBMISSIONS=${BENCH_SUBMISSIONS:-$BENCH_CASES}
if [[ "${BENCH_SQLITE:-0}" == 1 ]]; then
    rm -f "$PORTAL_INSTANCE/bench.db" "$PORTAL_INSTANCE/bench.db-wal" "$PORTAL_INSTANCE/bench.db-shm"  # WAL files with it
    summary=bench/results/generate-sqlite.json
else
    PGUSER=${PGHOSTPART%%@*}; PGHP=${PGHOSTPART#*@}; PGH=${PGHP%%:*}; PGP=${PGHP##*:}
    psql -h "$PGH" -p "$PGP" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)"
    psql -h "$PGH" -p "$PGP" -U "$PGUSER" -d postgres -qc "CREATE DATABASE $PGDB"
    summary=bench/results/generate-postgresql.json
fi
.venv/bin/flask --app wsgi db upgrade 2>&1 | tail -1
# sed, not head: head leaves after one line and seed-demo's next line then fails (broken pipe, pipefail).
.venv/bin/flask --app wsgi seed-demo | sed -n 1p
BENCH_GENERATE_SUMMARY=$summary .venv/bin/python bench/generate.py --cases "$BENCH_CASES" --submissions "$SUBMISSIONS"
