"""Engine tuning per backend: SQLite gets real transactions (savepoints work) and enforced foreign keys."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import event

from portal.extensions import db


def _sqlite_connect(dbapi_connection, _record) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; SQLAlchemy emits BEGIN instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(connection) -> None:
    # A transaction that reads and then writes must take the write lock up front on SQLite: two deferred ones that
    # both read and then both write deadlock, and SQLite answers one "database is locked" without waiting.
    immediate = connection.get_execution_options().get(WRITE_INTENT, False)
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
