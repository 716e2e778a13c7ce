"""Engine tuning per backend: SQLite gets real transactions (savepoints work), enforced foreign keys, WAL, and
write transactions that take the write lock up front."""

from __future__ import annotations

from flask import Flask, has_request_context, request
from sqlalchemy import event

from portal.extensions import db


def _sqlite_connect(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; SQLAlchemy emits BEGIN instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    # Write-ahead logging: pages keep reading while a filing writes (the rollback journal makes them wait).
    # The mode is stored in the file; ":memory:" answers "memory" and stays as it is.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _sqlite_begin(connection) -> None:
    # A transaction that reads and then writes must take the write lock up front on SQLite: two deferred ones that
    # both read and then both write deadlock, and SQLite answers one "database is locked" without waiting (in WAL
    # mode: a write after another connection's commit). Every transaction of a POST may write, so it waits its turn
    # (busy_timeout) at BEGIN; page views stay deferred and read beside the writer.
    immediate = connection.get_execution_options().get(WRITE_INTENT, False) or (
        has_request_context() and request.method not in SAFE_METHODS
    )
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_INTENT = "portal_write_intent"


def begin_write() -> None:
    """End the request's read transaction and start one that will write (BEGIN IMMEDIATE on SQLite).

    PostgreSQL needs nothing of this (row locks); the option is ignored there.
    """
    db.session.commit()
    db.session.connection(execution_options={WRITE_INTENT: True})


def init_app(app: Flask) -> None:
    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
