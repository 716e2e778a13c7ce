"""Background jobs on Huey: SQLite storage under instance/ by default, Redis when REDIS_URL is set.

The worker runs `huey_consumer portal.jobs.huey`. Jobs open their own app context.
"""

from __future__ import annotations

import os

from huey import RedisHuey, SqliteHuey

from portal import config


def _make_huey():
    if os.environ.get("HUEY_IMMEDIATE") == "1":
        return SqliteHuey("portal", filename=":memory:", immediate=True)
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        return RedisHuey("portal", url=redis_url)
    config.INSTANCE.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("portal", filename=str(config.INSTANCE / "jobs.db"))


huey = _make_huey()
