"""A fake Rasa on a free local port: it answers the REST channel as told and records what it was sent."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal.extensions import limiter


class FakeRasa:
    def __init__(self):
        self.received: list[dict] = []
        self.answer: object = [{"recipient_id": "x", "text": "好的"}]
        self.status = 200
        self.delay = 0.0
        self.raw: bytes | None = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output quiet
                pass

            def do_GET(self):
                self._send(200 if self.path == "/status" else 404, b'{"version": "3.6.21"}')

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                fake.received.append({"path": self.path, "body": json.loads(self.rfile.read(length) or b"null")})
                time.sleep(fake.delay)
                body = fake.raw if fake.raw is not None else json.dumps(fake.answer).encode()
                self._send(fake.status, body)

            def _send(self, status, body):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the portal gave up waiting, as it should

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def rasa(app, monkeypatch):
    fake = FakeRasa()
    monkeypatch.setitem(app.config, "RASA_URL", fake.url)
    yield fake
    fake.close()


@pytest.fixture(autouse=True)
def _fresh_limits(app):
    with app.app_context():
        limiter.reset()
    yield
