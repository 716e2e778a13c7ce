"""The portal's one reading of the clock: court dates are Beijing dates.

relief/ never reads the clock; views and services ask here and pass ``as_of`` on. FIXED_TODAY in the
configuration pins the date for screenshots and demos.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from flask import current_app

COURT_TZ = ZoneInfo("Asia/Shanghai")


def _fixed_day() -> date | None:
    fixed = current_app.config.get("FIXED_TODAY")
    if not fixed:
        return None
    return date.fromisoformat(fixed) if isinstance(fixed, str) else fixed


def now() -> datetime:
    """The current instant (UTC); with FIXED_TODAY, the same time of day on that Beijing date."""
    real = datetime.now(UTC)
    fixed = _fixed_day()
    if fixed is None:
        return real
    local = real.astimezone(COURT_TZ)
    return datetime.combine(fixed, local.timetz()).astimezone(UTC)


def today() -> date:
    return now().astimezone(COURT_TZ).date()
