"""ZB-11: the court's network property searches every 6 months for 5 years after a 终本 ruling is served.

Slots: slot k (1..10) is due ``add_months(served_on, 6k)`` (HF-00: corresponding day, rolled off a rest
day). Matching rule: the windows are contiguous and do not overlap; slot k's window runs from the day after
slot k-1's due date (for slot 1, the day after service) up to and including slot k's due date. A search
counts for the slot whose window holds it, if that slot is still open (the earliest search in a window
wins); a second search in the same window, a search before service and a search after the last due date
count for no slot. So a late search fills the next slot and leaves the missed one overdue: the rule asks
for one search in every 6-month period, and a missed period stays missed.
Searches dated after ``as_of`` are ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from relief import calendar as cal
from relief._common import param, reason
from relief.outcomes import Decision, Reason

SlotState = Literal["done", "overdue", "due_soon", "upcoming"]


@dataclass(frozen=True)
class SearchSlot:
    """One 6-month search the court owes: its number, due date, and whether and when it was done."""

    number: int
    due: date
    provisional: bool
    done_on: date | None
    state: SlotState
    window_starts_on: date


def _state(due: date, done_on: date | None, as_of: date, soon_days: int) -> SlotState:
    if done_on is not None:
        return "done"
    if as_of > due:
        return "overdue"
    if (due - as_of).days <= soon_days:
        return "due_soon"
    return "upcoming"


def follow_up_searches(served_on: date, searches: Sequence[date], *, as_of: date) -> Decision:
    """ZB-11: ten 6-monthly search slots after service of the 终本 ruling, matched to the searches recorded."""
    interval = param("zhongben.auto_search_interval_months").value
    years = param("zhongben.auto_search_duration_years").value
    soon_days = param("zhongben.search_due_soon_days").value
    count = years * 12 // interval
    deadlines = [cal.add_months(served_on, interval * number) for number in range(1, count + 1)]
    starts = [served_on + timedelta(days=1)] + [d.due + timedelta(days=1) for d in deadlines[:-1]]
    done: dict[int, date] = {}
    reasons: list[Reason] = []
    for day in sorted(s for s in searches if s <= as_of):
        number = next((i + 1 for i, d in enumerate(deadlines) if starts[i] <= day <= d.due), None)
        if number is None:
            reasons.append(reason("zb11.search_outside_slots", "ZB-11", on=day))
        elif number in done:
            reasons.append(reason("zb11.extra_search_in_window", "ZB-11", on=day, number=number))
        else:
            done[number] = day
    slots = tuple(
        SearchSlot(n, d.due, d.provisional, done.get(n), _state(d.due, done.get(n), as_of, soon_days), starts[n - 1])
        for n, d in enumerate(deadlines, start=1)
    )
    overdue = [slot for slot in slots if slot.state == "overdue"]
    reasons.extend(reason("zb11.slot_overdue", "ZB-11", number=s.number, due=s.due) for s in overdue)
    upcoming = next((slot for slot in slots if slot.state in ("due_soon", "upcoming")), None)
    if upcoming is not None:
        reasons.append(reason("zb11.next_search_due", "ZB-11", number=upcoming.number, due=upcoming.due))
    ends_on = slots[-1].due
    if len(done) == len(slots):
        outcome = "completed"
    elif as_of > ends_on:
        outcome = "period_over"
    elif overdue:
        outcome = "overdue"
    else:
        outcome = "in_progress"
    reasons.insert(0, reason(f"zb11.outcome.{outcome}", "ZB-11", served_on=served_on, ends_on=ends_on))
    values = {
        "slots": slots,
        "next_due": upcoming.due if upcoming else None,
        "ends_on": ends_on,
        "overdue_count": len(overdue),
        "done_count": len(done),
        "provisional": any(slot.provisional for slot in slots if slot.state != "done"),
    }
    return Decision(outcome, (), tuple(reasons), values)
