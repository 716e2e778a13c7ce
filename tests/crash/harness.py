"""The pieces of the crash test: a PostgreSQL database of its own, the portal under gunicorn that can be killed
outright, the Huey worker (both through tests/e2e/stack.py), and a court system whose webhook fails now and then.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import threading
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from portal.services.outbox import verify_signature
from tests.e2e.stack import BIN, ROOT, Stack, _wait_for

DEFAULT_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


@contextmanager
def crash_database():
    """A fresh database crash_<random> on the server of TEST_DATABASE_URL (else 127.0.0.1:5432), dropped after.

    Never TEST_DATABASE_URL's own database: the rest of the suite derives its databases from that name.
    """
    server = make_url(os.environ.get("TEST_DATABASE_URL") or DEFAULT_SERVER)
    name = f"crash_{secrets.token_hex(4)}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as error:
        admin.dispose()
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is needed for the crash test and is not reachable at {server.host}: {error}")
        pytest.skip(f"PostgreSQL not reachable at {server.host}:{server.port or 5432}; skipped outside CI")
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class FlakyCourtSystem:
    """The court's webhook: answers 500 to every third request; dedupes by X-Portal-Delivery, as a receiver must.

    `accepted` counts the first 2xx per event id (the event processed); `redelivered` an id answered 2xx again.
    """

    def __init__(self, port: int, secret: str):
        self.secret = secret
        self.lock = threading.Lock()
        self.requests = 0
        self.failed = 0
        self.accepted: Counter[int] = Counter()
        self.redelivered: Counter[int] = Counter()
        self.bad_signatures = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                self.send_response(receiver.receive(dict(self.headers), body))
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def receive(self, headers: dict, body: bytes) -> int:
        signed = verify_signature(
            self.secret, headers["X-Portal-Timestamp"], body, headers["X-Portal-Signature"], now=datetime.now(UTC)
        )
        event_id = int(headers["X-Portal-Delivery"])
        with self.lock:
            self.requests += 1
            if not signed:
                self.bad_signatures += 1
                return 401
            if self.requests % 3 == 0:
                self.failed += 1
                return 500
            if json.loads(body)["id"] != event_id:
                return 400
            if event_id in self.accepted:
                self.redelivered[event_id] += 1
            else:
                self.accepted[event_id] += 1
            return 204

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


class GunicornStack(Stack):
    """The Huey worker as tests/e2e/stack.py starts it, and the portal under gunicorn, killable with SIGKILL.

    The test migrates and seeds the database itself (not the demo court: its 300 cases take half a minute).
    """

    def __enter__(self):
        self.log = (self.folder / "stack.log").open("ab")
        self.worker = subprocess.Popen(  # noqa: S603 - fixed argv of the project's own tools
            [str(BIN / "huey_consumer"), "portal.jobs.huey", "--workers", "2", "--delay", "0.1"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.processes = [self.worker]
        self.start_portal()
        return self

    def start_portal(self) -> None:
        # A session of its own: the master and its workers form one process group, killed together.
        self.portal = subprocess.Popen(  # noqa: S603 - fixed argv of the project's own tools
            [
                str(BIN / "gunicorn"),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "3",
                "--worker-class",
                "gthread",
                "--threads",
                "3",
                "--preload",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(self.portal)
        _wait_for(f"{self.url}/healthz", seconds=90)

    def kill_portal(self) -> None:
        """SIGKILL to the gunicorn master and every worker at once: no handler, no clean-up, no final commit."""
        os.killpg(self.portal.pid, signal.SIGKILL)
        self.portal.wait(timeout=10)
        self.processes.remove(self.portal)
