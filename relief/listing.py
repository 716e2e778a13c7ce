"""SX-01/02/04/07/08: whether a 失信 listing is in force, due for deletion, expired, or should not exist.

Term (SX-02): grounds 2-6 run for the term the decision states (2 years unless ``term_years`` says otherwise)
plus any extension (1-3 years, at most 5 in all), counted by HF-00 ``add_years`` from ``listed_on``. Ground 1
has no fixed term and lasts until a deletion ground arises. Deletion grounds (SX-07 items 1-7) lead to
deletion within 3 working days of the day the ground arose. Item 4 (two searches after 终本 with nothing
found and no effective clue) arises on the day of the second such search.

The proviso "有纳入期限的，不适用前款规定" (失信规定 Art.10) is read as the rulebook reads it: a fixed-term
listing ends at expiry (deleted within 3 working days after it); a deletion ground found during the term is
reported and the court *may* delete early (Art.2(2)), but it does not make deletion due. Flagged for legal
review in the rulebook (SX-07 [D]).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from relief import calendar as cal
from relief._common import param, reason
from relief.calendar import Deadline
from relief.facts import ListingFacts
from relief.outcomes import Decision, Reason

__all__ = ["DeletionGround", "ListingFacts", "dishonest_listing_status"]


@dataclass(frozen=True)
class DeletionGround:
    """One SX-07 deletion ground found: its item number (1-7), its code and the day it arose."""

    item: int
    code: str
    arose_on: date


_OUTCOME_RULE = {"in_force": "SX-02", "deletion_due": "SX-07", "expired": "SX-07", "should_not_be_listed": "SX-04"}


def _item4(f: ListingFacts, as_of: date) -> date | None:
    if f.terminated_on is None or f.terminated_on > as_of or f.effective_clue_after_termination:
        return None
    needed = param("shixin.deletion_zhongben_min_searches").value
    after = [day for day in f.searches_after_termination if f.terminated_on < day <= as_of]
    return after[needed - 1] if len(after) >= needed else None


def _grounds(f: ListingFacts, as_of: date) -> list[DeletionGround]:
    candidates = [
        (1, "performed", f.fully_performed_on),
        (2, "settlement_performed", f.settlement_performed_on),
        (3, "applicant_request_granted", f.applicant_consented_on),
        (4, "searches_without_property", _item4(f, as_of)),
        (5, "suspended_retrial_or_bankruptcy", f.suspended_on),
        (6, "not_enforced", f.not_enforced_on),
        (7, "final_termination", f.final_termination_on),
    ]
    return [
        DeletionGround(item, f"sx07.item{item}.{name}", on)
        for item, name, on in candidates
        if on is not None and on <= as_of
    ]


def _term_years(f: ListingFacts, notes: list[Reason]) -> int | None:
    if f.ground == 1:
        if f.term_years is not None or f.extension_years:
            notes.append(reason("sx02.ground_1_term_ignored", "SX-02", term_years=f.term_years))
        return None
    years = f.term_years if f.term_years is not None else param("shixin.term_years_grounds_2_6").value
    if f.extension_years > param("shixin.extension_years_max").value:
        raise ValueError("extension_years above the SX-02 maximum")
    if years + f.extension_years > param("shixin.term_years_max").value:
        raise ValueError("listing term above the SX-02 maximum")
    return years + f.extension_years


def _delete_by(arose_on: date) -> Deadline:
    days = param("shixin.deletion_working_days").value
    return cal.with_rule(cal.add_working_days(arose_on, days), "SX-07")


def dishonest_listing_status(facts: ListingFacts, *, as_of: date) -> Decision:
    """SX-01/02 (term), SX-04 (minors), SX-07 (deletion in 3 working days), SX-08 (correction route)."""
    notes: list[Reason] = []
    years = _term_years(facts, notes)
    term_end = cal.with_rule(cal.add_years(facts.listed_on, years), "SX-02") if years else None
    grounds = _grounds(facts, as_of)
    delete_by: Deadline | None = None
    correction_ground: str | None = None
    if facts.debtor_is_minor:
        outcome = "should_not_be_listed"
        notes.append(reason("sx04.minor_never_listed", "SX-04"))
        correction_ground = "should_not_have_been_listed"
    elif term_end is not None and as_of > term_end.due:
        outcome = "expired"
        delete_by = _delete_by(term_end.due)
        notes.append(reason("sx07.term_expired", "SX-07", term_ends_on=term_end.due, delete_by=delete_by.due))
    elif term_end is None and grounds:
        outcome = "deletion_due"
        delete_by = _delete_by(min(g.arose_on for g in grounds))
    else:
        outcome = "in_force"
    if term_end is not None and outcome != "should_not_be_listed":
        if any(g.item == 4 for g in grounds):
            notes.append(reason("sx07.item4_not_for_fixed_term", "SX-07"))
            grounds = [g for g in grounds if g.item != 4]
        if outcome == "in_force" and grounds:
            notes.append(reason("sx02.early_deletion_possible", "SX-02", strength="may"))
            notes.append(reason("sx07.fixed_term_proviso", "SX-07"))
    if delete_by is not None and as_of > delete_by.due:
        correction_ground = "should_have_been_deleted"
    if correction_ground is not None:
        notes.append(reason("sx08.correction_route", "SX-08", ground=correction_ground))
    reasons = (
        reason(f"sx.listing.{outcome}", _OUTCOME_RULE[outcome], ground=facts.ground, listed_on=facts.listed_on),
        reason("sx02.term", "SX-02", term_ends_on=term_end.due) if term_end else reason("sx02.no_fixed_term", "SX-02"),
        *(reason(g.code, "SX-07", item=g.item, arose_on=g.arose_on) for g in grounds),
        *notes,
    )
    values = {
        "term_ends_on": term_end.due if term_end else None,
        "term_years": years,
        "provisional": bool(term_end and term_end.provisional) or bool(delete_by and delete_by.provisional),
        "deletion_grounds": tuple(grounds),
        "delete_by": delete_by,
        "correction_route": correction_ground is not None,
        "correction_ground": correction_ground,
    }
    return Decision(outcome, (), reasons, values)
