"""CPU per request from /proc: the portal's gunicorn workers and the database's backends, sampled around a run."""

from __future__ import annotations

import os
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
    return found


class CpuMeter:
    """CPU seconds the portal's workers and the database's backends spent: a cost per request that, unlike
    latency, hardly depends on how many other programs share the cores."""

    def __init__(self, server_pid: int | None, url: str):
        self.server_pid = server_pid
        self.url = url.replace("postgresql+psycopg://", "postgresql://") if url.startswith("postgresql") else None

    def _db_pids(self) -> list[int]:
        if self.url is None:
            return []
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            rows = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).fetchall()
        return [row[0] for row in rows]

    def snapshot(self) -> dict:
        workers = _children(self.server_pid) if self.server_pid else []
        return {"portal": {pid: _cpu(pid) for pid in workers}, "db": {pid: _cpu(pid) for pid in self._db_pids()}}

    @staticmethod
    def spent(before: dict, after: dict) -> dict:
        return {
            side: sum(max(0.0, cpu - before[side].get(pid, 0.0)) for pid, cpu in after[side].items())
            for side in ("portal", "db")
        }
