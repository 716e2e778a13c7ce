"""The machine, the versions and the database a run measured, for the report."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from bench.measure.settings import ROOT, sh


def machine(url: str) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    mem_kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))  # fmt: skip
    info = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "commit": sh(f"git -C {ROOT} rev-parse --short HEAD"),
        "wrk": sh("wrk --version 2>&1 | head -1"),
        "gunicorn": sh(f"{ROOT}/.venv/bin/gunicorn --version"),
        "database": "SQLite" if url.startswith("sqlite") else "PostgreSQL",
    }
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.connect() as conn:
            info["postgresql"] = conn.execute(text("SHOW server_version")).scalar()
            info["pg_settings"] = ", ".join(
                f"{name}={conn.execute(text(f'SHOW {name}')).scalar()}"
                for name in ("shared_buffers", "work_mem", "effective_cache_size", "max_connections")
            )
            info["db_size"] = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))")).scalar()
        engine.dispose()
    return info
