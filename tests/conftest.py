"""Test harness: the real migrations once per session, each test inside a transaction rolled back after it.

SQLite by default (a file per xdist worker); PostgreSQL when TEST_DATABASE_URL is set, with a database of
its own per worker so parallel runs never share rows.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager

import pytest
from flask_sqlalchemy.session import _app_ctx_id
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import scoped_session, sessionmaker

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db


def _database_url(worker: str) -> str:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        folder = tempfile.mkdtemp(prefix="portal-test-")
        return f"sqlite:///{folder}/test-{worker}.db"
    url = make_url(base)
    name = f"{url.database}_{worker}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def app():
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = _database_url(worker)

    app = create_app(Config)
    with app.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield app


@contextmanager
def rolled_back(app):
    """A database session whose every commit is undone at the end (commits become savepoints)."""
    with app.app_context():
        connection = db.engine.connect()
        outer = connection.begin()
        original = db.session
        # A plain Session: Flask-SQLAlchemy's own picks its engine and would ignore this connection.
        factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
        db.session = scoped_session(factory, scopefunc=_app_ctx_id)
        try:
            yield db.session
        finally:
            db.session.remove()
            db.session = original
            outer.rollback()
            connection.close()


@pytest.fixture()
def session(app):
    with rolled_back(app) as session:
        yield session


@pytest.fixture()
def client(app, session):
    with app.test_client() as client:
        yield client


@pytest.fixture()
def zh_client(client):
    client.get("/language/zh")
    return client


@pytest.fixture()
def en_client(client):
    client.get("/language/en")
    return client


@pytest.fixture()
def upload_dir(app, tmp_path, monkeypatch):
    """An upload folder of the test's own."""
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"
