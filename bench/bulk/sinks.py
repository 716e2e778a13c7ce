"""Where the generated rows go: COPY on PostgreSQL (one streaming connection per table), executemany on SQLite."""

# ruff: noqa: S608 - SQL over the generator's own table and column names, never over input

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from bench.bulk import log

# Tables in load order, with the columns each row tuple fills.
COLUMNS = {
    "parties": ("id", "kind", "name", "id_hash", "id_masked", "credit_code", "birth_date"),
    "cases": (
        "id",
        "number",
        "court_id",
        "status",
        "filed_on",
        "title_ref",
        "claim_type",
        "principal",
        "performance_deadline",
        "division",
        "updated_at",
    ),
    "case_parties": ("id", "case_id", "party_id", "role", "access_code_hash"),
    "case_events": ("id", "case_id", "kind", "occurred_on", "result", "amount", "details"),
    "restrictions": (
        "id",
        "case_id",
        "party_id",
        "kind",
        "started_on",
        "ground",
        "term_years",
        "extension_years",
        "lifted_on",
        "lift_reason",
    ),
    "users": (
        "id",
        "email",
        "password_hash",
        "display_name",
        "locale",
        "kind",
        "role",
        "court_id",
        "id_hash",
        "id_masked",
        "created_at",
        "totp_secret",
        "division",
    ),
    "case_links": ("id", "user_id", "case_party_id", "linked_at"),
    "submissions": (
        "id",
        "reference",
        "kind",
        "case_id",
        "court_id",
        "submitter_id",
        "language",
        "status",
        "urgent",
        "received_at",
        "clock",
        "due_on",
        "due_provisional",
        "assignee_id",
        "answers",
        "dedupe_key",
        "idempotency_key",
        "decision_code",
        "decided_at",
        "claimed_at",
        "updated_at",
    ),
    "submission_history": ("id", "submission_id", "at", "actor_id", "action", "from_status", "to_status", "details"),
    "messages": ("id", "submission_id", "author_id", "kind", "body", "created_at"),
}


class Sink:
    """Where rows go: `row(table, values)` in any order across tables, `close()` commits."""

    def row(self, table: str, values: tuple) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class PostgresSink(Sink):
    def __init__(self, url: str):
        import psycopg

        self.url = url.replace("postgresql+psycopg://", "postgresql://")
        self.psycopg = psycopg
        self.admin = psycopg.connect(self.url, autocommit=True)
        self.conns: dict[str, object] = {}
        self.copies: dict[str, object] = {}
        self.contexts: dict[str, object] = {}
        self.dropped: list[str] = []

    def drop_indexes(self) -> None:
        """Plain (non-constraint) indexes of the bulk tables, rebuilt after the load: much faster than row by row."""
        rows = self.admin.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY(%s)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.indexname
            """,
            (list(COLUMNS),),
        ).fetchall()
        for name, definition in rows:
            self.admin.execute(f'DROP INDEX "{name}"')
            self.dropped.append(definition)

    def _copy(self, table: str):
        copy = self.copies.get(table)
        if copy is None:
            conn = self.psycopg.connect(self.url)
            conn.execute("SET session_replication_role = replica")
            conn.execute("SET synchronous_commit = off")
            context = conn.cursor().copy(f"COPY {table} ({', '.join(COLUMNS[table])}) FROM STDIN")
            copy = context.__enter__()
            self.conns[table], self.contexts[table], self.copies[table] = conn, context, copy
        return copy

    def row(self, table: str, values: tuple) -> None:
        self._copy(table).write_row(values)

    def close(self) -> None:
        for table, context in self.contexts.items():
            context.__exit__(None, None, None)
            self.conns[table].commit()
            self.conns[table].close()
        started = time.monotonic()
        self.admin.execute("SET maintenance_work_mem = '512MB'")
        for definition in self.dropped:
            self.admin.execute(definition)
        log(f"rebuilt {len(self.dropped)} indexes in {time.monotonic() - started:.0f} s")
        for table in COLUMNS:
            self.admin.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT coalesce(max(id), 1) FROM {table}))"
            )
        self.admin.execute("VACUUM ANALYZE")
        self.admin.close()


class SqliteSink(Sink):
    BATCH = 20_000

    def __init__(self, engine):
        self.conn = engine.raw_connection()
        self.conn.execute("PRAGMA foreign_keys=OFF")
        self.conn.execute("BEGIN")
        self.buffers: dict[str, list] = {table: [] for table in COLUMNS}

    @staticmethod
    def _value(value):
        if isinstance(value, datetime):
            return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, bool):
            return int(value)
        return value

    def _flush(self, table: str) -> None:
        rows = self.buffers[table]
        if rows:
            columns = COLUMNS[table]
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
            self.conn.executemany(sql, [tuple(self._value(v) for v in row) for row in rows])
            rows.clear()

    def row(self, table: str, values: tuple) -> None:
        buffer = self.buffers[table]
        buffer.append(values)
        if len(buffer) >= self.BATCH:
            self._flush(table)

    def close(self) -> None:
        for table in COLUMNS:
            self._flush(table)
        self.conn.execute("COMMIT")
        self.conn.execute("ANALYZE")
        self.conn.close()
