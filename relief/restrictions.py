"""XF-06, HF-11, SX-07/08/09, ZB-09: how a restriction on the debtor can be lifted, and how firmly.

Each route is a reason ``<rule>.lift.<route>`` with params ``strength`` ("shall": the court must lift once
the condition holds; "may": the court decides) and ``available`` (whether the recorded facts meet it now).
Lifting is never automatic: the debtor applies with proof (XF-06 [D]). A 终本 ruling lifts nothing (ZB-09),
and deleting a 失信 listing does not lift the consumption restriction (SX-09).
"""

from __future__ import annotations

from datetime import date

from relief._common import reason
from relief.deadlines import CLOCKS, deadline_for
from relief.facts import RestrictionFacts
from relief.outcomes import Decision, Reason

__all__ = ["RestrictionFacts", "lifting_routes"]


def _consumption(f: RestrictionFacts) -> list[Reason]:
    return [
        reason("xf06.lift.full_performance", "XF-06", strength="shall", available=f.fully_performed),
        reason("xf06.lift.security", "XF-06", strength="may", available=f.security_offered),
        reason("xf06.lift.applicant_consent", "XF-06", strength="may", available=f.applicant_consented),
        reason("xf05.permission.necessary_consumption", "XF-05", strength="may", available=None),
        reason("sx09.listing_deletion_does_not_lift", "SX-09"),
    ]


def _dishonest(f: RestrictionFacts) -> list[Reason]:
    days = CLOCKS["dishonest_deletion"].amount
    return [
        reason("sx07.lift.full_performance", "SX-07", strength="shall", available=f.fully_performed, working_days=days),
        reason("sx07.lift.applicant_request", "SX-07", strength="may", available=f.applicant_consented),
        reason("sx02.lift.early_deletion", "SX-02", strength="may", available=None),
        reason("sx08.lift.correction", "SX-08", strength="shall", available=None),
        reason("sx09.consumption_restriction_survives", "SX-09"),
    ]


def _exit_ban(f: RestrictionFacts, as_of: date) -> list[Reason]:
    received = f.decision_received_on or f.started_on
    review_by = deadline_for("exit_ban_review_apply", received)
    return [
        reason("hf11.lift.full_performance", "HF-11", strength="shall", available=f.fully_performed),
        reason("hf11.lift.security", "HF-11", strength="may", available=f.security_offered),
        reason("hf11.lift.applicant_consent", "HF-11", strength="may", available=f.applicant_consented),
        reason(
            "hf11.review",
            "HF-11",
            apply_by=review_by.due,
            open=as_of <= review_by.due,
            decision_days=CLOCKS["exit_ban_review_decision"].amount,
            counted_from="decision_received" if f.decision_received_on else "started",
        ),
    ]


def lifting_routes(facts: RestrictionFacts, *, as_of: date) -> Decision:
    """XF-06 / HF-11 (shall on full performance, may on security or consent), SX-07/08/09, ZB-09."""
    if facts.kind == "consumption":
        routes = _consumption(facts)
    elif facts.kind == "dishonest":
        routes = _dishonest(facts)
    else:
        routes = _exit_ban(facts, as_of)
    routes.append(reason("zb09.termination_lifts_nothing", "ZB-09"))
    if facts.lifted_on is not None and facts.lifted_on <= as_of:
        outcome = "lifted"
    elif facts.fully_performed:
        outcome = "lift_due"
    elif facts.term_ends_on is not None and as_of > facts.term_ends_on:
        outcome = "term_ended"
    else:
        outcome = "in_force"
    values = {
        "kind": facts.kind,
        "shall_lift": facts.fully_performed and outcome == "lift_due",
        "may_lift": facts.security_offered or facts.applicant_consented,
    }
    return Decision(outcome, (), (reason(f"lift.outcome.{outcome}", _RULE[facts.kind]), *routes), values)


_RULE = {"consumption": "XF-06", "dishonest": "SX-07", "exit_ban": "HF-11"}
