"""ZB-03: the five cumulative conditions of a 终本 ruling, checked against the recorded timeline.

Each condition is a criterion: MET when the timeline shows every required step before the ruling, NOT_MET
when it shows a step missing (a step dated after the ruling, an unverified clue, a ruling too early), and
UNKNOWN when a step or fact was not recorded. Steps after the ruling do not count toward it. Without a
ruling the same checks run against ``as_of`` (a pre-closure check) and the outcome is ``not_terminated``.
The ZB-07 applicant interview is reported as a sixth criterion but does not decide the outcome.
Each criterion's first reason is its summary ``zb03.<key>.<state>``; details follow.
"""

from __future__ import annotations

from datetime import date, timedelta

from relief import calendar as cal
from relief._common import combine, param, reason
from relief.deadlines import CLOCKS, deadline_for
from relief.facts import TerminationFacts
from relief.outcomes import Criterion, Decision, Met, Reason

FIVE = (
    "notice_and_report_order",
    "consumption_order_and_listing",
    "investigation_exhausted",
    "filed_more_than_3_months",
    "missing_debtor_and_obstruction",
)

Check = tuple[Met, Reason]


def _step(key: str, step: str, on: date | None, cutoff: date, rule_id: str) -> Check:
    """A required step: not recorded, recorded too late, or done in time."""
    if on is None:
        return Met.UNKNOWN, reason(f"zb03.{key}.{step}_not_recorded", rule_id)
    if on > cutoff:
        return Met.NOT_MET, reason(f"zb03.{key}.{step}_after_ruling", rule_id, on=on, cutoff=cutoff)
    return Met.MET, reason(f"zb03.{key}.{step}_done", rule_id, on=on)


def _if_flag(key: str, flag: str, value: bool | None, then: Check, rule_id: str, when_false: str) -> Check:
    """A step required only when a recorded fact calls for it."""
    if value is None:
        return Met.UNKNOWN, reason(f"zb03.{key}.{flag}_not_recorded", rule_id)
    if value:
        return then
    return Met.MET, reason(f"zb03.{key}.{when_false}", rule_id)


def _criterion(key: str, checks: list[Check], rule_id: str = "ZB-03", prefix: str = "zb03") -> Criterion:
    state = combine(state for state, _ in checks)
    summary = reason(f"{prefix}.{key}.{state.value}", rule_id)
    return Criterion(key, state, (summary, *(r for _, r in checks)))


def _notice_and_report_order(f: TerminationFacts, cutoff: date) -> Criterion:
    key = "notice_and_report_order"
    sanction = _step(key, "report_default_sanctioned", f.report_default_sanctioned_on, cutoff, "ZB-04")
    return _criterion(
        key,
        [
            _step(key, "notice", f.notice_served_on, cutoff, "ZB-03"),
            _step(key, "report_order", f.report_order_on, cutoff, "ZB-04"),
            _if_flag(key, "report_default", f.report_default, sanction, "ZB-04", "no_report_default"),
        ],
    )


def _listing(f: TerminationFacts, cutoff: date, key: str) -> Check:
    if f.debtor_is_minor:
        return Met.MET, reason(f"zb03.{key}.minor_not_listable", "SX-04")
    if f.dishonest_listed_on is not None and f.dishonest_listed_on <= cutoff:
        return Met.MET, reason(f"zb03.{key}.listing_done", "SX-01", on=f.dishonest_listed_on)
    if f.dishonest_ground_found is None:
        return Met.UNKNOWN, reason(f"zb03.{key}.dishonest_ground_not_recorded", "SX-01")
    if not f.dishonest_ground_found:
        return Met.MET, reason(f"zb03.{key}.no_dishonest_ground", "SX-01")
    if f.debtor_is_minor is None:
        return Met.UNKNOWN, reason(f"zb03.{key}.minor_not_recorded", "SX-04")
    return _step(key, "listing", f.dishonest_listed_on, cutoff, "SX-01")


def _consumption_order_and_listing(f: TerminationFacts, cutoff: date) -> Criterion:
    key = "consumption_order_and_listing"
    return _criterion(
        key, [_step(key, "consumption_order", f.consumption_order_on, cutoff, "XF-01"), _listing(f, cutoff, key)]
    )


def _online_search(f: TerminationFacts, cutoff: date, key: str) -> Check:
    if not f.online_searches:
        return Met.UNKNOWN, reason(f"zb03.{key}.online_search_not_recorded", "ZB-05")
    before = [day for day in f.online_searches if day <= cutoff]
    if not before:
        return Met.NOT_MET, reason(f"zb03.{key}.no_online_search_before_ruling", "ZB-05", cutoff=cutoff)
    return Met.MET, reason(f"zb03.{key}.online_search_done", "ZB-05", on=before[-1], count=len(before))


def _investigation_exhausted(f: TerminationFacts, cutoff: date) -> Criterion:
    key = "investigation_exhausted"
    checks = [
        _online_search(f, cutoff, key),
        _step(key, "onsite_investigation", f.onsite_investigation_on, cutoff, "ZB-05"),
    ]
    if f.clues_unverified:
        checks.append((Met.NOT_MET, reason(f"zb03.{key}.clues_unverified", "ZB-05", count=f.clues_unverified)))
    if f.audit_or_reward_requested:
        checks.append(_step(key, "audit_or_reward_handled", f.audit_or_reward_handled_on, cutoff, "ZB-05"))
    if f.premises_search_on is not None and f.premises_search_on <= cutoff:
        # 搜查 is needed only when property is hidden, which the timeline cannot tell: shown, never required
        checks.append((Met.MET, reason(f"zb03.{key}.premises_search_done", "ZB-05", on=f.premises_search_on)))
    return _criterion(key, checks)


def _filed_more_than_3_months(f: TerminationFacts, cutoff: date) -> tuple[Criterion, dict]:
    key = "filed_more_than_3_months"
    months = param("zhongben.min_months_since_filing").value
    if f.filing_date is None:
        return _criterion(key, [(Met.UNKNOWN, reason(f"zb03.{key}.filing_date_not_recorded", "ZB-03"))]), {}
    # HF-00: the period ends on the corresponding day, rolled off a rest day; the ruling must come after it
    period = cal.add_months(f.filing_date, months)
    earliest = period.due + timedelta(days=1)
    params = {"filed_on": f.filing_date, "period_ends_on": period.due, "months": months}
    if cutoff > period.due:
        check = (Met.MET, reason(f"zb03.{key}.period_passed", "ZB-03", **params))
    else:
        check = (Met.NOT_MET, reason(f"zb03.{key}.too_early", "ZB-03", **params, cutoff=cutoff))
    values = {"earliest_termination_on": earliest, "filing_period_provisional": period.provisional}
    return _criterion(key, [check]), values


def _missing_debtor_and_obstruction(f: TerminationFacts, cutoff: date) -> Criterion:
    key = "missing_debtor_and_obstruction"
    searched = _step(key, "debtor_searched_for", f.debtor_searched_for_on, cutoff, "ZB-03")
    sanctioned = _step(key, "obstruction_sanctioned", f.obstruction_sanctioned_on, cutoff, "ZB-03")
    return _criterion(
        key,
        [
            _if_flag(key, "whereabouts_unknown", f.debtor_whereabouts_unknown, searched, "ZB-03", "whereabouts_known"),
            _if_flag(key, "obstruction", f.obstruction, sanctioned, "ZB-03", "no_obstruction"),
        ],
    )


def _applicant_interview(f: TerminationFacts, cutoff: date) -> Criterion:
    key = "applicant_interview"
    check = _step(key, "interview", f.applicant_interview_on, cutoff, "ZB-07")
    state, detail = check
    detail = reason(detail.code.replace("zb03.", "zb07.", 1), "ZB-07", **detail.params)
    return _criterion(key, [(state, detail)], rule_id="ZB-07", prefix="zb07")


def _ruled_on(f: TerminationFacts, as_of: date) -> date | None:
    if f.termination_ruled_on is not None and f.termination_ruled_on <= as_of:
        return f.termination_ruled_on
    return None


def assess_termination(facts: TerminationFacts, *, as_of: date) -> Decision:
    """ZB-03 (five conditions), ZB-04 (report order), ZB-05 (investigation), ZB-07 (interview, reported)."""
    ruled_on = _ruled_on(facts, as_of)
    cutoff = ruled_on or as_of
    filed, filing_values = _filed_more_than_3_months(facts, cutoff)
    criteria = (
        _notice_and_report_order(facts, cutoff),
        _consumption_order_and_listing(facts, cutoff),
        _investigation_exhausted(facts, cutoff),
        filed,
        _missing_debtor_and_obstruction(facts, cutoff),
        _applicant_interview(facts, cutoff),
    )
    five = combine(c.state for c in criteria if c.key in FIVE)
    if ruled_on is None:
        outcome = "not_terminated"
    else:
        outcome = {Met.MET: "compliant", Met.NOT_MET: "non_compliant", Met.UNKNOWN: "incomplete"}[five]
    values = {
        "ruled_on": ruled_on,
        "served_on": facts.termination_served_on,
        "cutoff": cutoff,
        "conditions_state": five,
        **filing_values,
    }
    return Decision(outcome, criteria, (reason(f"zb03.outcome.{outcome}", "ZB-03"),), values)


def objection_route(facts: TerminationFacts, *, as_of: date) -> Decision:
    """ZB-10/HF-09: an objection filed on ``as_of``: no time bar after 终本; filing 3 d, ruling 15 d, review 10 d."""
    ruled_on = _ruled_on(facts, as_of)
    reasons = [
        reason("hf09.objection.written", "HF-09"),
        reason("hf09.objection.no_suspension", "HF-09"),
        reason("hf09.objection.review_within_days_of_service", "HF-09", days=_review_days()),
    ]
    if ruled_on is None:
        outcome = "before_termination"
        reasons.insert(0, reason("hf09.objection.before_procedure_ends", "HF-09"))
        grounds: tuple[str, ...] = ()
    else:
        outcome = "termination_measure"
        # 执行异议复议规定 Art.6: the exception for termination measures; the [M] 60 days is never applied
        reasons.insert(0, reason("zb10.objection.no_fixed_time_limit", "ZB-10", ruled_on=ruled_on))
        assessed = assess_termination(facts, as_of=as_of)
        grounds = tuple(c.key for c in assessed.criteria if c.key in FIVE and c.state is Met.NOT_MET)
        reasons.append(reason("zb10.objection.grounds", "ZB-10", conditions=grounds))
    values = {
        "filed_on": as_of,
        "filing_due": deadline_for("objection_filing", as_of),
        "ruling_due": deadline_for("objection_ruling", as_of),
        "review_apply_days": _review_days(),
        "grounds": grounds,
    }
    return Decision(outcome, (), tuple(reasons), values)


def _review_days() -> int:
    return CLOCKS["objection_review_apply"].amount
