"""The portal's one reading of the clock: court dates are Beijing dates.

relief/ never reads the clock; views and services ask here and pass ``as_of`` on. FIXED_TODAY in the
configuration pins the date for screenshots and demos.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

COURT_TZ = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    fixed = current_app.config.get("FIXED_TODAY")
    if fixed:
        return date.fromisoformat(fixed) if isinstance(fixed, str) else fixed
    return now().astimezone(COURT_TZ).date()
