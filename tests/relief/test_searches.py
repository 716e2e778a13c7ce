"""ZB-11: ten 6-monthly follow-up searches after a 终本 ruling is served (here on Monday 2024-01-15)."""

from __future__ import annotations

from datetime import date

import pytest

from relief.searches import follow_up_searches

SERVED = date(2024, 1, 15)
DUE = [
    date(2024, 7, 15),
    date(2025, 1, 15),
    date(2025, 7, 15),
    date(2026, 1, 15),
    date(2026, 7, 15),
    date(2027, 1, 15),
    date(2027, 7, 15),
    date(2028, 1, 17),  # 2028-01-15 is a Saturday
    date(2028, 7, 17),  # 2028-07-15 is a Saturday
    date(2029, 1, 15),
]


def test_slots_are_every_six_months_for_five_years():
    decision = follow_up_searches(SERVED, [], as_of=date(2024, 3, 1))
    slots = decision.values["slots"]
    assert [s.due for s in slots] == DUE
    assert [s.number for s in slots] == list(range(1, 11))
    assert [s.provisional for s in slots] == [False] * 5 + [True] * 5
    assert decision.values["ends_on"] == date(2029, 1, 15)
    assert slots[1].window_starts_on == date(2024, 7, 16)


@pytest.mark.parametrize(
    ("searches", "as_of", "outcome", "states", "next_due", "done", "overdue"),
    [
        pytest.param([], date(2024, 3, 1), "in_progress", ["upcoming"] * 2, DUE[0], 0, 0, id="ZB-11-fresh"),
        pytest.param([], date(2024, 6, 20), "in_progress", ["due_soon", "upcoming"], DUE[0], 0, 0, id="ZB-11-soon"),
        pytest.param([], date(2024, 7, 15), "in_progress", ["due_soon", "upcoming"], DUE[0], 0, 0, id="ZB-11-on-due"),
        pytest.param([], date(2024, 7, 16), "overdue", ["overdue", "upcoming"], DUE[1], 0, 1, id="ZB-11-overdue"),
        pytest.param(
            [date(2024, 7, 1), date(2024, 12, 1)],
            date(2025, 2, 1),
            "in_progress",
            ["done", "done", "upcoming"],
            DUE[2],
            2,
            0,
            id="ZB-11-two-done",
        ),
        pytest.param(
            [date(2024, 7, 15)],
            date(2024, 7, 20),
            "in_progress",
            ["done", "upcoming"],
            DUE[1],
            1,
            0,
            id="ZB-11-due-day",
        ),
        pytest.param(
            [date(2024, 8, 1)],
            date(2024, 9, 1),
            "overdue",
            ["overdue", "done"],
            DUE[2],
            1,
            1,
            id="ZB-11-late-search-fills-next-slot",
        ),
        pytest.param(
            [date(2024, 3, 1), date(2024, 5, 1)],
            date(2024, 6, 1),
            "in_progress",
            ["done", "upcoming"],
            DUE[1],
            1,
            0,
            id="ZB-11-second-search-in-window-extra",
        ),
        pytest.param(
            [date(2024, 3, 1)], date(2024, 2, 1), "in_progress", ["upcoming"], DUE[0], 0, 0, id="ZB-11-future-ignored"
        ),
    ],
)
def test_follow_up_searches(searches, as_of, outcome, states, next_due, done, overdue):
    decision = follow_up_searches(SERVED, searches, as_of=as_of)
    slots = decision.values["slots"]
    assert decision.outcome == outcome
    assert [s.state for s in slots[: len(states)]] == states
    assert decision.values["next_due"] == next_due
    assert decision.values["done_count"] == done
    assert decision.values["overdue_count"] == overdue


def test_extra_and_outside_searches_are_reported():
    decision = follow_up_searches(
        SERVED, [date(2024, 1, 10), date(2024, 3, 1), date(2024, 5, 1)], as_of=date(2024, 6, 1)
    )
    codes = [r.code for r in decision.reasons]
    assert "zb11.search_outside_slots" in codes
    assert "zb11.extra_search_in_window" in codes
    assert decision.values["slots"][0].done_on == date(2024, 3, 1)


def test_one_search_per_window_completes():
    searches = [due.replace(day=1) for due in DUE]
    decision = follow_up_searches(SERVED, searches, as_of=date(2029, 6, 1))
    assert decision.outcome == "completed"
    assert decision.values["done_count"] == 10
    assert decision.values["next_due"] is None


def test_period_over_with_gaps():
    decision = follow_up_searches(SERVED, [date(2024, 7, 1)], as_of=date(2029, 1, 16))
    assert decision.outcome == "period_over"
    assert decision.values["overdue_count"] == 9
    assert decision.values["next_due"] is None


def test_month_end_service_uses_month_end_slots():
    decision = follow_up_searches(date(2024, 8, 31), [], as_of=date(2024, 9, 1))
    slots = decision.values["slots"]
    assert slots[0].due == date(2025, 2, 28)
    assert slots[1].due == date(2025, 9, 1)  # 2025-08-31 is a Sunday


def test_overdue_slots_are_reasons_with_rule():
    decision = follow_up_searches(SERVED, [], as_of=date(2025, 2, 1))
    overdue = [r for r in decision.reasons if r.code == "zb11.slot_overdue"]
    assert [r.params["number"] for r in overdue] == [1, 2]
    assert all(r.rule_id == "ZB-11" for r in overdue)
