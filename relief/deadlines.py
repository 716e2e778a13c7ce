"""The legal clocks of the court queue: how long the court (or a party) has after a receipt or service.

Amounts, units and sources live in ``relief/data/params.toml`` ([clocks]); each clock carries the rule that
sets it, so its status tag ([P]/[S]/[M]/[D]) travels with every deadline. Counting is HF-00
(relief/calendar.py). A clock of 0 days is due the same day and is not rolled off a rest day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from relief import calendar as cal
from relief._common import data_file
from relief.calendar import Deadline, StatutoryCalendar
from relief.outcomes import Rule
from relief.rules import rule

Unit = Literal["days", "working_days", "months"]
_UNITS = ("days", "working_days", "months")


@dataclass(frozen=True)
class Clock:
    """One legal or service-level clock: its amount and unit, the rule that sets it, and its source text."""

    id: str
    amount: int
    unit: Unit
    rule: Rule
    src: str = ""
    basis: Rule | None = None  # the legal rule behind a design clock (urgent_travel: XF-05)


def _load_clocks() -> dict[str, Clock]:
    clocks = {}
    for clock_id, entry in data_file("params.toml")["clocks"].items():
        if entry["unit"] not in _UNITS or int(entry["amount"]) < 0:
            raise ValueError(f"clock {clock_id} has a bad unit or amount")
        basis = rule(entry["basis"]) if "basis" in entry else None
        amount, unit = int(entry["amount"]), entry["unit"]
        clocks[clock_id] = Clock(clock_id, amount, unit, rule(entry["rule"]), entry["src"], basis)
    return clocks


CLOCKS: dict[str, Clock] = _load_clocks()


def deadline_for(clock_id: str, received: date, *, calendar: StatutoryCalendar | None = None) -> Deadline:
    """HF-00 under the clock's rule: HF-02, HF-09, HF-11, HF-16, SX-07, SX-08, BG-03, JZ-07, XS-01, SJ-01, Q-01/02."""
    clock = CLOCKS[clock_id]
    if clock.unit == "days":
        deadline = cal.add_days(received, clock.amount, calendar=calendar)
    elif clock.unit == "working_days":
        deadline = cal.add_working_days(received, clock.amount, calendar=calendar)
    else:
        deadline = cal.add_months(received, clock.amount, calendar=calendar)
    return Deadline(deadline.due, deadline.provisional, clock.rule)
