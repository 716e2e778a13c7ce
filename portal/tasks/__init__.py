"""Huey task wrappers: thin shells that open a job context, read the clock and call a service.

Every schedule is in court time (Asia/Shanghai); Huey itself hands periodic checks a naive UTC timestamp.
The services hold the logic and are tested directly; these modules only say when and with what retries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from huey import crontab

from portal.clock import COURT_TZ


def court_crontab(**fields) -> Callable[[datetime], bool]:
    """A Huey crontab read on the court's wall clock, whatever the server's timezone."""
    matches = crontab(**fields)

    def validate(timestamp: datetime) -> bool:
        utc = timestamp.replace(tzinfo=UTC) if timestamp.tzinfo is None else timestamp
        return matches(utc.astimezone(COURT_TZ).replace(tzinfo=None))

    return validate


from portal.tasks import duties, notifications, outbox, uploads  # noqa: E402, F401 - registers the tasks on portal.jobs.huey
