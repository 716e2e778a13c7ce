"""HF-04/HF-05/HF-06/ZB-12: the 2-year limitation for applying for enforcement."""

from __future__ import annotations

from datetime import date

import pytest

from relief.limitation import LimitationFacts, enforcement_limitation

DEADLINE = LimitationFacts(performance_deadline=date(2022, 6, 30))  # + 2 years = Sunday 2024-06-30 → 07-01


@pytest.mark.parametrize(
    ("facts", "as_of", "outcome", "expires_on"),
    [
        pytest.param(DEADLINE, date(2024, 7, 1), "running", date(2024, 7, 1), id="HF-04-last-day-rolled-off-sunday"),
        pytest.param(DEADLINE, date(2024, 7, 2), "expired", date(2024, 7, 1), id="HF-04-expired"),
        pytest.param(
            LimitationFacts(performance_deadline=date(2022, 6, 30), last_instalment_on=date(2023, 3, 31)),
            date(2025, 3, 31),
            "running",
            date(2025, 3, 31),
            id="HF-04-last-instalment",
        ),
        pytest.param(
            LimitationFacts(effective_on=date(2021, 5, 10)),
            date(2023, 5, 11),
            "expired",
            date(2023, 5, 10),
            id="HF-04-no-period-runs-from-effect",
        ),
        # restart on 2024-01-10: 2026-01-10 is a Saturday → Monday 01-12
        pytest.param(
            LimitationFacts(performance_deadline=date(2022, 6, 30), interruptions=(date(2024, 1, 10),)),
            date(2025, 1, 1),
            "running",
            date(2026, 1, 12),
            id="HF-04-interruption-restarts",
        ),
        pytest.param(
            LimitationFacts(performance_deadline=date(2022, 6, 30), interruptions=(date(2024, 8, 1),)),
            date(2024, 9, 1),
            "expired",
            date(2024, 7, 1),
            id="HF-04-interruption-after-expiry-ignored",
        ),
        pytest.param(
            LimitationFacts(performance_deadline=date(2022, 6, 30), interruptions=(date(2024, 6, 1),)),
            date(2024, 5, 1),
            "running",
            date(2024, 7, 1),
            id="HF-04-future-interruption-ignored",
        ),
        # 2023-01-01 → 2025-01-01 (New Year) → 01-02; then 2024-12-31 → 2026-12-31
        pytest.param(
            LimitationFacts(
                performance_deadline=date(2022, 6, 30), interruptions=(date(2024, 12, 31), date(2023, 1, 1))
            ),
            date(2025, 6, 1),
            "running",
            date(2026, 12, 31),
            id="HF-04-successive-interruptions",
        ),
        pytest.param(
            LimitationFacts(performance_deadline=date(2022, 6, 30), interruptions=(date(2024, 7, 1),)),
            date(2024, 9, 1),
            "running",
            date(2026, 7, 1),
            id="HF-04-interruption-on-last-day",
        ),
    ],
)
def test_limitation(facts, as_of, outcome, expires_on):
    decision = enforcement_limitation(facts, as_of=as_of)
    assert decision.outcome == outcome
    assert decision.values["expires_on"] == expires_on
    assert decision.values["expiry"].rule.id == "HF-04"


def test_expired_application_is_still_accepted():
    codes = [r.code for r in enforcement_limitation(DEADLINE, as_of=date(2024, 7, 2)).reasons]
    assert "hf05.late_application_accepted_debtor_may_object" in codes
    assert "hf04.suspension_not_assessed" in codes


def test_after_termination_resumption_is_not_limited():
    facts = LimitationFacts(performance_deadline=date(2010, 1, 1), terminated_on=date(2011, 5, 1))
    decision = enforcement_limitation(facts, as_of=date(2025, 1, 1))
    assert decision.outcome == "not_applicable_after_termination"
    assert decision.values["expires_on"] is None
    assert [r.rule_id for r in decision.reasons] == ["HF-06", "ZB-12"]


def test_termination_after_as_of_does_not_count_yet():
    facts = LimitationFacts(performance_deadline=date(2022, 6, 30), terminated_on=date(2024, 1, 1))
    assert enforcement_limitation(facts, as_of=date(2023, 1, 1)).outcome == "running"


def test_expiry_beyond_known_years_is_provisional():
    decision = enforcement_limitation(LimitationFacts(performance_deadline=date(2025, 6, 30)), as_of=date(2025, 7, 1))
    assert decision.values["expires_on"] == date(2027, 6, 30)
    assert decision.values["provisional"]


def test_a_start_date_is_required():
    with pytest.raises(ValueError):
        enforcement_limitation(LimitationFacts(), as_of=date(2025, 1, 1))
