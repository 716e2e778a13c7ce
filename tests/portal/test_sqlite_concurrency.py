# ruff: noqa: S608 - the only name put into SQL is the TABLE constant below
"""SQLite, the one-machine default: concurrent requests that read and then write all succeed, and pages read
while a write is in progress (portal/database.py: WAL, BEGIN IMMEDIATE for unsafe methods).

Two real connections in two threads, outside the rolled-back test transaction, on a scratch table.
"""

from __future__ import annotations

import contextlib
import threading

import pytest
from sqlalchemy import text

from portal.extensions import db

pytestmark = pytest.mark.usefixtures("sqlite_only")

TABLE = "concurrency_probe"


@pytest.fixture()
def sqlite_only(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's locking only; PostgreSQL has row locks")
        with db.engine.begin() as connection:
            connection.execute(text(f"CREATE TABLE IF NOT EXISTS {TABLE} (n INTEGER)"))
            connection.execute(text(f"DELETE FROM {TABLE}"))
    yield
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(f"DROP TABLE {TABLE}"))


def _read_then_write(app, method: str, barrier: threading.Barrier, errors: list) -> None:
    with app.test_request_context("/probe", method=method):
        try:
            with db.engine.connect() as connection, connection.begin():
                connection.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar()
                # Deferred BEGINs: both have read before either writes. Immediate ones: the other thread waits
                # at BEGIN until this one commits, and the barrier breaks.
                with contextlib.suppress(threading.BrokenBarrierError):
                    barrier.wait(timeout=1)
                connection.execute(text(f"INSERT INTO {TABLE} (n) VALUES (1)"))
        except Exception as error:  # the test reports whatever the database said
            errors.append(repr(error))


def _run(app, method: str) -> list:
    barrier, errors = threading.Barrier(2), []
    threads = [threading.Thread(target=_read_then_write, args=(app, method, barrier, errors)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def test_two_posts_that_read_then_write_both_succeed(app):
    assert _run(app, "POST") == []
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar() == 2


def test_the_database_runs_in_wal_mode(app):
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_page_reads_while_a_filing_holds_the_write_lock(app):
    with app.app_context(), app.test_request_context("/file", method="POST"), db.engine.connect() as writer:
        transaction = writer.begin()  # BEGIN IMMEDIATE: the write lock is held from here
        writer.execute(text(f"INSERT INTO {TABLE} (n) VALUES (7)"))
        seen = []

        def page_view():
            with app.test_request_context("/cases/1", method="GET"), db.engine.connect() as reader:
                seen.append(reader.execute(text(f"SELECT count(*) FROM {TABLE}")).scalar())

        thread = threading.Thread(target=page_view)
        thread.start()
        thread.join(3)  # well under the 5 s busy timeout: the reader never waited for the lock
        transaction.commit()
    assert seen == [0]  # it read the last committed state, beside the writer
