"""XF-06, HF-11, SX-07/08/09, ZB-09: lifting routes and their strength."""

from __future__ import annotations

from datetime import date

import pytest

from relief.restrictions import RestrictionFacts, lifting_routes

AS_OF = date(2025, 9, 25)


def routes(decision):
    return {r.code: r.params for r in decision.reasons}


@pytest.mark.parametrize(
    ("kind", "code", "strength"),
    [
        pytest.param("consumption", "xf06.lift.full_performance", "shall", id="XF-06-paid-shall"),
        pytest.param("consumption", "xf06.lift.security", "may", id="XF-06-security-may"),
        pytest.param("consumption", "xf06.lift.applicant_consent", "may", id="XF-06-consent-may"),
        pytest.param("consumption", "xf05.permission.necessary_consumption", "may", id="XF-05-permission"),
        pytest.param("exit_ban", "hf11.lift.full_performance", "shall", id="HF-11-paid-shall"),
        pytest.param("exit_ban", "hf11.lift.security", "may", id="HF-11-security-may"),
        pytest.param("exit_ban", "hf11.lift.applicant_consent", "may", id="HF-11-consent-may"),
        pytest.param("dishonest", "sx07.lift.full_performance", "shall", id="SX-07-paid-shall"),
        pytest.param("dishonest", "sx07.lift.applicant_request", "may", id="SX-07-applicant-may"),
        pytest.param("dishonest", "sx08.lift.correction", "shall", id="SX-08-correction"),
    ],
)
def test_route_strength(kind, code, strength):
    decision = lifting_routes(RestrictionFacts(kind=kind, started_on=date(2024, 1, 1)), as_of=AS_OF)
    assert routes(decision)[code]["strength"] == strength


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        pytest.param("consumption", "zb09.termination_lifts_nothing", id="ZB-09-consumption"),
        pytest.param("dishonest", "zb09.termination_lifts_nothing", id="ZB-09-dishonest"),
        pytest.param("exit_ban", "zb09.termination_lifts_nothing", id="ZB-09-exit-ban"),
        pytest.param("dishonest", "sx09.consumption_restriction_survives", id="SX-09-dishonest"),
        pytest.param("consumption", "sx09.listing_deletion_does_not_lift", id="SX-09-consumption"),
    ],
)
def test_what_does_not_lift(kind, code):
    decision = lifting_routes(RestrictionFacts(kind=kind, started_on=date(2024, 1, 1)), as_of=AS_OF)
    assert code in routes(decision)


@pytest.mark.parametrize(
    ("facts", "outcome"),
    [
        pytest.param(RestrictionFacts("consumption", date(2024, 1, 1)), "in_force", id="XF-06-in-force"),
        pytest.param(
            RestrictionFacts("consumption", date(2024, 1, 1), fully_performed=True), "lift_due", id="XF-06-due"
        ),
        pytest.param(
            RestrictionFacts("consumption", date(2024, 1, 1), lifted_on=date(2025, 1, 1), fully_performed=True),
            "lifted",
            id="XF-06-lifted",
        ),
        pytest.param(
            RestrictionFacts("consumption", date(2024, 1, 1), lifted_on=date(2025, 12, 1)),
            "in_force",
            id="XF-06-future",
        ),
        pytest.param(
            RestrictionFacts("dishonest", date(2023, 1, 1), term_ends_on=date(2025, 1, 3)),
            "term_ended",
            id="SX-02-ended",
        ),
        pytest.param(RestrictionFacts("exit_ban", date(2025, 1, 1), security_offered=True), "in_force", id="HF-11-may"),
    ],
)
def test_outcomes(facts, outcome):
    assert lifting_routes(facts, as_of=AS_OF).outcome == outcome


def test_availability_follows_the_facts():
    facts = RestrictionFacts("consumption", date(2024, 1, 1), security_offered=True)
    decision = lifting_routes(facts, as_of=AS_OF)
    assert routes(decision)["xf06.lift.security"]["available"] is True
    assert routes(decision)["xf06.lift.full_performance"]["available"] is False
    assert decision.values["may_lift"] is True
    assert decision.values["shall_lift"] is False


def test_exit_ban_review_is_10_days_from_receipt():
    facts = RestrictionFacts("exit_ban", date(2025, 9, 20), decision_received_on=date(2025, 9, 25))
    review = routes(lifting_routes(facts, as_of=date(2025, 10, 9)))["hf11.review"]
    assert review["apply_by"] == date(2025, 10, 9)  # day 10 is 10-05, in the National Day holiday
    assert review["open"] is True
    assert review["decision_days"] == 15
    assert review["counted_from"] == "decision_received"
    review = routes(lifting_routes(facts, as_of=date(2025, 10, 10)))["hf11.review"]
    assert review["open"] is False


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        RestrictionFacts("travel", date(2024, 1, 1))
