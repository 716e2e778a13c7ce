"""The portal as `make run` starts it — a portal process and a Huey worker on the demo court — for journeys that
need the real background work (emails, webhook deliveries), plus a webhook receiver that records what it gets.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import threading
import time
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


class WebhookReceiver:
    """Answers 2xx and keeps every delivery (headers and the raw body) for the test to check."""

    def __init__(self, port: int):
        self.deliveries: list[tuple[dict, bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.deliveries.append((dict(self.headers), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):  # the test's output stays quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


def _wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=1).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the portal did not start at {url}")


class Stack:
    """`flask db upgrade`, `flask seed-demo`, then the portal and the worker, each in its own process."""

    def __init__(self, folder: Path, port: int, env: dict[str, str]):
        self.folder = folder
        self.url = f"http://127.0.0.1:{port}"
        self.port = port
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "TEST_DATABASE_URL")},
            "PORTAL_ENV": "development",
            "PORTAL_INSTANCE": str(folder),
            "DATABASE_URL": f"sqlite:///{folder}/portal.db",
            "MAIL_BACKEND": "file",
            "MAIL_FILE_DIR": str(folder / "mail"),
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        self.processes: list[subprocess.Popen] = []

    def _flask(self, *args: str) -> None:
        subprocess.run(  # noqa: S603 - fixed argv of the project's own tools
            [str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=self.env, check=True, capture_output=True
        )

    def __enter__(self):
        self._flask("db", "upgrade")
        self._flask("seed-demo", "--if-empty")
        log = (self.folder / "stack.log").open("wb")
        self.processes = [
            subprocess.Popen(  # noqa: S603 - fixed argv of the project's own tools
                [str(BIN / "flask"), "--app", "wsgi", "run", "--port", str(self.port)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            ),
            subprocess.Popen(  # noqa: S603 - fixed argv of the project's own tools
                [str(BIN / "huey_consumer"), "portal.jobs.huey", "--workers", "2", "--delay", "0.1"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            ),
        ]
        _wait_for(f"{self.url}/healthz")
        return self

    def __exit__(self, *exc):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()

    def mails(self) -> list[str]:
        """Each written email as its subject and decoded text."""
        folder = self.folder / "mail"
        found = []
        for path in sorted(folder.glob("*.eml")) if folder.exists() else []:
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            found.append(f"{message['Subject']}\n{message.get_body().get_content()}")
        return found


def eventually(check, seconds: float = 60):
    """The first truthy result of `check()` within the time, for work a background worker finishes."""
    deadline = time.monotonic() + seconds
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.25)
