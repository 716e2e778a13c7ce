# Sourced by bench/setup_db.sh and bench/run.sh: which database the benchmark uses.
# PostgreSQL (default): database BENCH_PG_DB (default bench) at BENCH_PG (default postgres@127.0.0.1:5432).
# SQLite: BENCH_SQLITE=1, a file under bench/.instance.
export PORTAL_INSTANCE=${PORTAL_INSTANCE:-$PWD/bench/.instance}
mkdir -p "$PORTAL_INSTANCE" bench/results
if [[ "${BENCH_SQLITE:-0}" == 1 ]]; then
    export DATABASE_URL="sqlite:///$PORTAL_INSTANCE/bench.db"
    BENCH_CASES=${BENCH_CASES:-50000}
else
    PGDB=${BENCH_PG_DB:-bench}
    case "$PGDB" in test | test_*) echo "bench: refusing to touch database $PGDB" >&2; exit 2 ;; esac
    PGHOSTPART=${BENCH_PG:-postgres@127.0.0.1:5432}
    export DATABASE_URL="postgresql+psycopg://$PGHOSTPART/$PGDB"
    BENCH_CASES=${BENCH_CASES:-1000000}
fi
