#!/usr/bin/env bash
# A fresh benchmark database: drop, create, migrate, seed the demo court, add the bulk on top.
# PostgreSQL: BENCH_PG_DB (default bench) on BENCH_PG (default postgres@127.0.0.1:5432). SQLite: BENCH_SQLITE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${BENCH_CASES:-1000000}
SUBMISSIONS=${BENCH_SUBMISSIONS:-$CASES}
export PORTAL_INSTANCE=${PORTAL_INSTANCE:-$PWD/bench/.instance}
mkdir -p "$PORTAL_INSTANCE" bench/results
if [[ "${BENCH_SQLITE:-0}" == 1 ]]; then
    export DATABASE_URL="sqlite:///$PORTAL_INSTANCE/bench.db"
    rm -f "$PORTAL_INSTANCE/bench.db"
    summary=bench/results/generate-sqlite.json
else
    PGDB=${BENCH_PG_DB:-bench}
    case "$PGDB" in test | test_*) echo "refusing to touch database $PGDB" >&2; exit 2 ;; esac
    PGHOSTPART=${BENCH_PG:-postgres@127.0.0.1:5432}
    PGUSER=${PGHOSTPART%%@*}; PGHP=${PGHOSTPART#*@}; PGH=${PGHP%%:*}; PGP=${PGHP##*:}
    psql -h "$PGH" -p "$PGP" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)"
    psql -h "$PGH" -p "$PGP" -U "$PGUSER" -d postgres -qc "CREATE DATABASE $PGDB"
    export DATABASE_URL="postgresql+psycopg://$PGHOSTPART/$PGDB"
    summary=bench/results/generate-postgresql.json
fi
.venv/bin/flask --app wsgi db upgrade 2>&1 | tail -1
.venv/bin/flask --app wsgi seed-demo | head -1
BENCH_GENERATE_SUMMARY=$summary .venv/bin/python bench/generate.py --cases "$CASES" --submissions "$SUBMISSIONS"
