"""SX-01/02/04/07/08: 失信 listing term, deletion grounds and the correction route."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from relief.listing import ListingFacts, dishonest_listing_status

FIXED = ListingFacts(ground=4, listed_on=date(2023, 3, 1), debtor_is_minor=False)  # 2-year term
OPEN = ListingFacts(ground=1, listed_on=date(2023, 3, 1), debtor_is_minor=False)  # no fixed term
ZHONGBEN = {"terminated_on": date(2023, 6, 1), "searches_after_termination": (date(2023, 12, 1), date(2024, 6, 1))}


def codes(decision):
    return [r.code for r in decision.reasons]


@pytest.mark.parametrize(
    ("facts", "as_of", "outcome", "term_ends_on", "delete_by", "correction"),
    [
        # 2025-03-01 is a Saturday: the term ends Monday 03-03
        pytest.param(FIXED, date(2024, 6, 1), "in_force", date(2025, 3, 3), None, False, id="SX-02-term-2-years"),
        pytest.param(FIXED, date(2025, 3, 3), "in_force", date(2025, 3, 3), None, False, id="SX-02-last-day-in-force"),
        pytest.param(
            FIXED, date(2025, 3, 4), "expired", date(2025, 3, 3), date(2025, 3, 6), False, id="SX-07-expired-delete-3wd"
        ),
        pytest.param(
            FIXED, date(2025, 3, 7), "expired", date(2025, 3, 3), date(2025, 3, 6), True, id="SX-08-not-deleted-in-time"
        ),
        pytest.param(
            replace(FIXED, extension_years=1),
            date(2025, 6, 1),
            "in_force",
            date(2026, 3, 2),
            None,
            False,
            id="SX-02-extension",
        ),
        # leap day + 2 years = 2026-02-28, an adjusted working Saturday: not rolled
        pytest.param(
            ListingFacts(ground=2, listed_on=date(2024, 2, 29)),
            date(2025, 1, 1),
            "in_force",
            date(2026, 2, 28),
            None,
            False,
            id="SX-02-leap-day-term",
        ),
        pytest.param(OPEN, date(2030, 1, 1), "in_force", None, None, False, id="SX-02-ground-1-no-term"),
        pytest.param(
            replace(OPEN, fully_performed_on=date(2025, 9, 25)),
            date(2025, 9, 26),
            "deletion_due",
            None,
            date(2025, 9, 29),
            False,
            id="SX-07-1-performed",
        ),
        pytest.param(
            replace(OPEN, fully_performed_on=date(2025, 9, 25)),
            date(2025, 9, 30),
            "deletion_due",
            None,
            date(2025, 9, 29),
            True,
            id="SX-08-deletion-overdue",
        ),
        pytest.param(
            replace(OPEN, **ZHONGBEN),
            date(2024, 6, 1),
            "deletion_due",
            None,
            date(2024, 6, 5),
            False,
            id="SX-07-4-two-searches-after-zhongben",
        ),
        pytest.param(
            replace(OPEN, **ZHONGBEN, effective_clue_after_termination=True),
            date(2024, 6, 1),
            "in_force",
            None,
            None,
            False,
            id="SX-07-4-effective-clue-blocks",
        ),
        pytest.param(
            replace(OPEN, **ZHONGBEN), date(2024, 5, 31), "in_force", None, None, False, id="SX-07-4-one-search-only"
        ),
        pytest.param(
            replace(
                OPEN, terminated_on=date(2023, 6, 1), searches_after_termination=(date(2023, 5, 1), date(2023, 12, 1))
            ),
            date(2024, 6, 1),
            "in_force",
            None,
            None,
            False,
            id="SX-07-4-search-before-zhongben-not-counted",
        ),
        pytest.param(
            replace(FIXED, debtor_is_minor=True),
            date(2024, 1, 1),
            "should_not_be_listed",
            date(2025, 3, 3),
            None,
            True,
            id="SX-04-minor",
        ),
    ],
)
def test_listing_status(facts, as_of, outcome, term_ends_on, delete_by, correction):
    decision = dishonest_listing_status(facts, as_of=as_of)
    assert decision.outcome == outcome
    assert decision.values["term_ends_on"] == term_ends_on
    assert (decision.values["delete_by"].due if decision.values["delete_by"] else None) == delete_by
    assert decision.values["correction_route"] is correction


@pytest.mark.parametrize(
    ("changes", "item", "code"),
    [
        pytest.param({"fully_performed_on": date(2024, 1, 5)}, 1, "sx07.item1.performed", id="SX-07-1"),
        pytest.param({"settlement_performed_on": date(2024, 1, 5)}, 2, "sx07.item2.settlement_performed", id="SX-07-2"),
        pytest.param(
            {"applicant_consented_on": date(2024, 1, 5)}, 3, "sx07.item3.applicant_request_granted", id="SX-07-3"
        ),
        pytest.param(ZHONGBEN, 4, "sx07.item4.searches_without_property", id="SX-07-4"),
        pytest.param({"suspended_on": date(2024, 1, 5)}, 5, "sx07.item5.suspended_retrial_or_bankruptcy", id="SX-07-5"),
        pytest.param({"not_enforced_on": date(2024, 1, 5)}, 6, "sx07.item6.not_enforced", id="SX-07-6"),
        pytest.param({"final_termination_on": date(2024, 1, 5)}, 7, "sx07.item7.final_termination", id="SX-07-7"),
    ],
)
def test_each_deletion_ground(changes, item, code):
    decision = dishonest_listing_status(replace(OPEN, **changes), as_of=date(2024, 7, 1))
    assert decision.outcome == "deletion_due"
    (ground,) = decision.values["deletion_grounds"]
    assert (ground.item, ground.code) == (item, code)
    assert code in codes(decision)


def test_earliest_ground_sets_the_deletion_deadline():
    facts = replace(OPEN, final_termination_on=date(2025, 10, 20), fully_performed_on=date(2025, 9, 25))
    decision = dishonest_listing_status(facts, as_of=date(2025, 11, 1))
    assert [g.item for g in decision.values["deletion_grounds"]] == [1, 7]
    assert decision.values["delete_by"].due == date(2025, 9, 29)
    assert decision.values["delete_by"].rule.id == "SX-07"


def test_fixed_term_listing_with_a_ground_may_be_deleted_early():
    decision = dishonest_listing_status(replace(FIXED, fully_performed_on=date(2024, 1, 5)), as_of=date(2024, 2, 1))
    assert decision.outcome == "in_force"
    early = next(r for r in decision.reasons if r.code == "sx02.early_deletion_possible")
    assert early.params["strength"] == "may"
    assert "sx07.fixed_term_proviso" in codes(decision)


def test_item_4_does_not_apply_to_a_fixed_term():
    decision = dishonest_listing_status(replace(FIXED, **ZHONGBEN), as_of=date(2024, 7, 1))
    assert decision.outcome == "in_force"
    assert "sx07.item4_not_for_fixed_term" in codes(decision)
    assert decision.values["deletion_grounds"] == ()


def test_minor_routes_to_correction():
    decision = dishonest_listing_status(replace(OPEN, debtor_is_minor=True), as_of=date(2024, 1, 1))
    assert "sx04.minor_never_listed" in codes(decision)
    correction = next(r for r in decision.reasons if r.code == "sx08.correction_route")
    assert correction.params["ground"] == "should_not_have_been_listed"
    assert decision.reasons[0].rule_id == "SX-04"


def test_ground_1_ignores_a_term():
    decision = dishonest_listing_status(replace(OPEN, term_years=2), as_of=date(2030, 1, 1))
    assert decision.outcome == "in_force"
    assert "sx02.ground_1_term_ignored" in codes(decision)


def test_term_beyond_known_years_is_provisional():
    decision = dishonest_listing_status(ListingFacts(ground=3, listed_on=date(2025, 6, 3)), as_of=date(2025, 7, 1))
    assert decision.values["term_ends_on"] == date(2027, 6, 3)
    assert decision.values["provisional"]


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"ground": 7}, id="SX-01-no-ground-7"),
        pytest.param({"ground": 0}, id="SX-01-no-ground-0"),
        pytest.param({"ground": 2, "extension_years": 4}, id="SX-02-extension-above-3"),
        pytest.param({"ground": 2, "term_years": 3, "extension_years": 3}, id="SX-02-total-above-5"),
        pytest.param({"ground": 2, "extension_years": -1}, id="SX-02-negative-extension"),
    ],
)
def test_impossible_listings_are_refused(kwargs):
    with pytest.raises(ValueError):
        dishonest_listing_status(ListingFacts(listed_on=date(2023, 1, 1), **kwargs), as_of=date(2024, 1, 1))
