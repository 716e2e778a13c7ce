"""What a run measures and where, from the environment (see bench/run.py), and the small helpers every part uses."""

# ruff: noqa: T201 - progress of a command-line tool on stdout

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LUA = ROOT / "bench" / "wrk" / "portal.lua"
RESULTS = ROOT / "bench" / "results"
INSTANCE = Path(os.environ.get("PORTAL_INSTANCE", ROOT / "bench" / ".instance"))
PASSWORD = "demo-portal-2026"  # noqa: S105 - the demo seed's published password
DURATION = int(os.environ.get("BENCH_DURATION", "30"))
MIXED_DURATION = int(os.environ.get("BENCH_MIXED_DURATION", "300"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
USERS = int(os.environ.get("BENCH_USERS", "100"))
PORT = int(os.environ.get("BENCH_PORT", "5099"))
RASA_PORT = int(os.environ.get("BENCH_RASA_PORT", "5305"))
ACTIONS_PORT = int(os.environ.get("BENCH_ACTIONS_PORT", "5355"))
WRK_THREADS = 2
WORKERS, THREADS = 4, 4
BASE = f"http://127.0.0.1:{PORT}"
# Flask-Login's "strong" session protection ties a session to its user agent: wrk sends the same one.
ZH = {"Accept-Language": "zh-CN,zh;q=0.9", "User-Agent": "portal-bench/1"}

TARGETS = {
    "case": "p95 < 50 ms at 32 connections and >= 0.5 x the static ceiling's throughput",
    "queue": "p95 < 100 ms",
    "chat": "p95 < 150 ms",
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def sh(command: str) -> str:
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()  # noqa: S602
    except subprocess.TimeoutExpired:
        return ""


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])
