"""The legal clocks of the court queue, counted from a clue received on Thursday 2025-09-25 (HF-00 example)."""

from __future__ import annotations

from datetime import date

import pytest

from relief import deadlines
from relief.deadlines import CLOCKS, Clock, deadline_for
from relief.outcomes import Status
from relief.rules import RULES, rule

RECEIVED = date(2025, 9, 25)


@pytest.mark.parametrize(
    ("clock_id", "due", "rule_id"),
    [
        pytest.param("clue_verify", date(2025, 10, 9), "HF-02", id="HF-02-clue-7d"),
        pytest.param("clue_verify_urgent", date(2025, 9, 28), "HF-02", id="HF-02-clue-urgent-3d"),
        pytest.param("objection_filing", date(2025, 9, 28), "HF-09", id="HF-09-filing-3d"),
        pytest.param("objection_ruling", date(2025, 10, 10), "HF-09", id="HF-09-ruling-15d"),
        pytest.param("objection_review_apply", date(2025, 10, 9), "HF-09", id="HF-09-review-10d"),
        pytest.param("complaint_log", date(2025, 10, 9), "HF-16", id="HF-16-log-5wd"),
        pytest.param("complaint_conclude", date(2025, 11, 12), "HF-16", id="HF-16-conclude-30wd"),
        pytest.param("dishonest_correction_review", date(2025, 10, 10), "SX-08", id="SX-08-review-15d"),
        pytest.param("dishonest_correction_fix", date(2025, 9, 29), "SX-08", id="SX-08-fix-3wd"),
        pytest.param("dishonest_deletion", date(2025, 9, 29), "SX-07", id="SX-07-delete-3wd"),
        pytest.param("relief_decision", date(2025, 10, 15), "JZ-07", id="JZ-07-decision-10wd"),
        pytest.param("reward_decision", date(2025, 10, 9), "XS-01", id="XS-01-reward-10d"),
        pytest.param("audit_decision", date(2025, 10, 9), "SJ-01", id="SJ-01-audit-10d"),
        pytest.param("property_report_supplement", date(2025, 10, 9), "BG-03", id="BG-03-supplement-10d"),
        pytest.param("exit_ban_review_apply", date(2025, 10, 9), "HF-11", id="HF-11-review-10d"),
        pytest.param("inquiry_answer", date(2025, 9, 28), "Q-01", id="Q-01-inquiry-2wd"),
        pytest.param("urgent_travel", date(2025, 9, 25), "Q-02", id="Q-02-urgent-travel-same-day"),
    ],
)
def test_clock_deadlines(clock_id, due, rule_id):
    deadline = deadline_for(clock_id, RECEIVED)
    assert deadline.due == due
    assert deadline.rule == rule(rule_id)
    assert not deadline.provisional


@pytest.mark.parametrize(
    ("clock_id", "status"),
    [
        pytest.param("clue_verify", Status.PRIMARY, id="HF-02-primary"),
        pytest.param("complaint_log", Status.SECONDARY, id="HF-16-secondary"),
        pytest.param("relief_decision", Status.SECONDARY, id="JZ-07-secondary"),
        pytest.param("reward_decision", Status.PRIMARY, id="XS-01-primary"),
        pytest.param("inquiry_answer", Status.DESIGN, id="Q-01-design"),
        pytest.param("urgent_travel", Status.DESIGN, id="Q-02-design"),
    ],
)
def test_status_tags_travel_with_the_clock(clock_id, status):
    assert CLOCKS[clock_id].rule.status is status


def test_urgent_travel_names_its_legal_basis():
    assert CLOCKS["urgent_travel"].basis == rule("XF-05")


def test_same_day_clock_is_not_rolled_off_a_weekend():
    assert deadline_for("urgent_travel", date(2025, 9, 27)).due == date(2025, 9, 27)


def test_clock_beyond_known_years_is_provisional():
    deadline = deadline_for("clue_verify", date(2026, 12, 28))
    assert deadline.due == date(2027, 1, 4)
    assert deadline.provisional


def test_every_clock_has_a_registered_rule_and_a_valid_amount():
    for clock in CLOCKS.values():
        assert RULES[clock.rule.id] == clock.rule
        assert clock.amount >= 0
        assert clock.unit in ("days", "working_days", "months")
        assert clock.src


def test_month_clocks_use_month_counting(monkeypatch):
    monkeypatch.setitem(deadlines.CLOCKS, "test_months", Clock("test_months", 1, "months", rule("HF-00")))
    assert deadline_for("test_months", date(2025, 1, 31)).due == date(2025, 2, 28)


def test_unknown_clock_is_a_key_error():
    with pytest.raises(KeyError):
        deadline_for("no_such_clock", RECEIVED)
