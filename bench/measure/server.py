"""The portal under gunicorn on a private port, with Redis beside it on PostgreSQL (the many-machine setup)."""

# ruff: noqa: S607 - redis-server found on PATH

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time

import requests

from bench.measure.settings import BASE, INSTANCE, PORT, ROOT, THREADS, WORKERS


class Server:
    def __init__(self, env: dict):
        self.env = env
        self.proc: subprocess.Popen | None = None
        self.redis: subprocess.Popen | None = None

    def start(self) -> None:
        if self.env.get("DATABASE_URL", "").startswith("postgresql") and shutil.which("redis-server"):
            # The many-machine configuration (DESIGN.md): PostgreSQL and Redis for the job queue and rate limits.
            redis_port = int(os.environ.get("BENCH_REDIS_PORT", "6391"))
            self.redis = subprocess.Popen(  # noqa: S603
                ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            self.env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            wait_port(redis_port, 20)
        log_file = open(INSTANCE / "gunicorn.log", "ab")  # noqa: SIM115 - closed with the process
        self.proc = subprocess.Popen(  # noqa: S603
            [str(ROOT / ".venv/bin/gunicorn"), "--workers", str(WORKERS), "--worker-class", "gthread",
             "--threads", str(THREADS), "--bind", f"127.0.0.1:{PORT}", "--backlog", "2048",
             "--log-level", "warning", "--chdir", str(ROOT), "wsgi:app"],
            env=self.env,
            stdout=log_file,
            stderr=log_file,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{BASE}/static/css/portal.css", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not start; see bench/.instance/gunicorn.log")

    def stop(self) -> None:
        for proc in (self.proc, self.redis):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)


def wait_port(port: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.3)
    return False
