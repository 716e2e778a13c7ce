"""HF-04/HF-05/HF-06/ZB-12: the 2-year limitation for applying for enforcement, and when it does not apply.

Start (CPL 2023 Art.250): the last day of the last instalment, else the last day of the performance period,
else the day the judgment took effect. The period is ``add_years(start, 2)`` (HF-00: start day not counted,
rolled off a rest day). An interruption (application, settlement, demand, consent to perform; 执行程序解释
Art.20) restarts the full period from its own day; one dated after the period had already run out, or before
it began, does not. Suspension in the last 6 months (Art.19) is not modelled and is flagged.
After 终本, resumption is not limited (民诉法解释 Art.517(2); HF-06, ZB-12).
"""

from __future__ import annotations

from datetime import date

from relief import calendar as cal
from relief._common import param, reason
from relief.facts import LimitationFacts
from relief.outcomes import Decision, Reason

__all__ = ["LimitationFacts", "enforcement_limitation"]


def _start(f: LimitationFacts) -> tuple[date, str]:
    if f.last_instalment_on is not None:
        return f.last_instalment_on, "last_instalment"
    if f.performance_deadline is not None:
        return f.performance_deadline, "performance_deadline"
    if f.effective_on is not None:
        return f.effective_on, "effective_date"
    raise ValueError("the limitation needs a performance deadline, last instalment or effective date")


def enforcement_limitation(facts: LimitationFacts, *, as_of: date) -> Decision:
    """HF-04 (2 years, restart on interruption), HF-05 (late filing), HF-06/ZB-12 (none after 终本)."""
    if facts.terminated_on is not None and facts.terminated_on <= as_of:
        reasons = (
            reason("hf06.no_limitation_after_termination", "HF-06", terminated_on=facts.terminated_on),
            reason("zb12.resumption_on_verified_property", "ZB-12"),
        )
        values = {"expires_on": None, "expiry": None, "provisional": False, "runs_from": None, "restarted_on": None}
        return Decision("not_applicable_after_termination", (), reasons, values)
    years = param("limitation.years").value
    start, basis = _start(facts)
    notes: list[Reason] = []
    expiry = cal.with_rule(cal.add_years(start, years), "HF-04")
    restarted_on = None
    for day in facts.interruptions:
        if day > as_of:
            continue
        if day < start or day > expiry.due:
            notes.append(reason("hf04.interruption_ignored", "HF-04", on=day, expires_on=expiry.due))
            continue
        expiry = cal.with_rule(cal.add_years(day, years), "HF-04")
        restarted_on = day
        notes.append(reason("hf04.interrupted", "HF-04", on=day, expires_on=expiry.due))
    outcome = "expired" if as_of > expiry.due else "running"
    reasons = [
        reason(f"hf04.outcome.{outcome}", "HF-04", expires_on=expiry.due, years=years),
        reason(f"hf04.runs_from.{basis}", "HF-04", on=start),
        *notes,
        reason("hf04.suspension_not_assessed", "HF-04"),
    ]
    if outcome == "expired":
        reasons.append(reason("hf05.late_application_accepted_debtor_may_object", "HF-05"))
    values = {
        "expires_on": expiry.due,
        "expiry": expiry,
        "provisional": expiry.provisional,
        "runs_from": start,
        "restarted_on": restarted_on,
    }
    return Decision(outcome, (), tuple(reasons), values)
