"""Bulk data for benchmarks: large courts on top of the demo court, with the demo court's distributions.

Run after `flask db upgrade` and `flask seed-demo` on an empty database (the demo accounts keep working):

    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench \
        .venv/bin/python bench/generate.py --cases 1000000 --submissions 1000000

Deterministic: the same --seed gives the same rows. Cases, parties and timelines come from the demo's own
builders (portal/seed/demo.py, portal/seed/timelines.py); submissions, their users, links and history follow
the court queue's shapes (status by age, due dates from relief.deadlines, assignees among each court's staff).

PostgreSQL: COPY through psycopg 3, one connection per table streaming at once, foreign-key triggers off for
the load (session_replication_role = replica, the data is consistent by construction), plain indexes dropped
before and rebuilt after, sequences moved past the new ids, ANALYZE at the end. SQLite: executemany in one
transaction. Not part of the test suite.

The pieces: bench/bulk/distributions.py (the shapes of the data), bench/bulk/rows.py (the row builders, table by
table), bench/bulk/sinks.py (the COPY and executemany writers).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from bench.bulk import log
from bench.bulk.rows import BulkGenerator
from bench.bulk.sinks import PostgresSink, SqliteSink
from portal import create_app
from portal.extensions import db
from portal.models import Case, Court


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--submissions", type=int, default=50_000)
    parser.add_argument("--engaged-share", type=float, default=0.4, help="share of cases with a linked citizen")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args(argv)

    app = create_app()
    with app.app_context():
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        courts = db.session.scalar(select(func.count(Court.id)))
        existing = db.session.scalar(select(func.count(Case.id)))
        if not courts or existing > 1000:
            log(f"expected the demo seed alone (flask seed-demo) first; found {courts} courts, {existing} cases")
            return 2
        started = time.monotonic()
        postgres = url.startswith("postgresql")
        sink = PostgresSink(url) if postgres else SqliteSink(db.engine)
        generator = BulkGenerator(sink, args.seed)
        generator.load_staff()
        # Nothing of the app's session stays open during the load: on PostgreSQL its read locks would block
        # DROP INDEX, on SQLite a reader blocks the writer.
        db.session.rollback()
        db.session.close()
        if postgres:
            sink.drop_indexes()
        generator.add_staff()
        generator.cases(args.cases, args.engaged_share)
        generator.submissions(args.submissions)
        log("committing" + (" and rebuilding indexes" if postgres else ""))
        sink.close()
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{table} {count:,}" for table, count in generator.counts.items())
        log(f"done in {elapsed:.0f} s: {summary}")
        out = os.environ.get("BENCH_GENERATE_SUMMARY")
        if out:
            Path(out).write_text(
                json.dumps({"seconds": round(elapsed), "rows": generator.counts, "seed": args.seed}, indent=1),
                encoding="utf-8",
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
