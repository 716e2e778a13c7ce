"""State judicial relief (国家司法救助) screening: rulebook section 5, JZ-01 to JZ-09.

A screening, not a decision: the judicial-relief committee decides, so the best answer is
``likely_eligible``. The cap (JZ-04) is computed only from a published, dated wage figure of the court's
province; without one the result states the formula and leaves the amount to the court.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from types import MappingProxyType
from typing import Any

from relief import rules
from relief.outcomes import Criterion, Decision, Met, Reason, Rule, Status
from relief.screening_facts import (
    FEN,
    CompensationRoute,
    PartyKind,
    RefusalGrounds,
    ReliefCategory,
    ReliefFacts,
    WageFigure,
    WageTable,
    screening_rules,
)

__all__ = ["OUTCOMES", "RULES", "WageFigure", "WageTable", "assess_judicial_relief", "hedge_code", "uncertain_codes"]

P, S, M, D = Status.PRIMARY, Status.SECONDARY, Status.UNCONFIRMED, Status.DESIGN

RULES = (
    Rule("JZ-01", "救助意见 Arts.1–2; 程序规定 Art.1", S),
    Rule("JZ-02", "救助意见 Art.3; 中政委〔2014〕3号", S),
    Rule("JZ-03", "救助意见 items 1–6 (Art.4 M)", S),
    Rule("JZ-03-7", "救助意见 item 7 (Art.4 M)", M),  # organisations: the one [M] item of JZ-03 we apply
    Rule("JZ-04", "中政委〔2014〕3号; 法发〔2016〕16号", S),
    Rule("JZ-05", "程序规定 Art.2; court 申请须知", S),
    Rule("JZ-06", "程序规定 Arts.1–5", S),
    Rule("JZ-07", "中政委〔2014〕3号", S),
    Rule("JZ-08", "山东高院规定 Art.3; court Q&A (SPC article M)", S),
    Rule("JZ-09", "no source located", M),
)
rules.register(*RULES)

NATIONAL = "national"
OUTCOMES = ("not_eligible", "possibly_eligible", "likely_eligible")  # worst first

# JZ-02 item numbers; items 5–7 are [S] in the central policy but their SPC wording is [M].
_ITEMS = {
    ReliefCategory.CRIME_VICTIM_INJURED: 1,
    ReliefCategory.CRIME_VICTIM_LIFE_DANGER: 2,
    ReliefCategory.DECEASED_VICTIM_DEPENDANT: 3,
    ReliefCategory.CRIME_PROPERTY_LOSS: 4,
    ReliefCategory.RETALIATION: 5,
    ReliefCategory.SUPPORT_MAINTENANCE: 6,
    ReliefCategory.PERSONAL_INJURY_TORT: 7,
    ReliefCategory.TRAFFIC_ACCIDENT: 7,
    ReliefCategory.OTHER: 8,
}
_SPC_WORDING_UNCONFIRMED = (5, 6, 7)
_FACTORS = ("actual_harm", "fault", "finances", "minimum_living_costs", "compensation_received")


def _reason(code: str, rule_id: str, **params: Any) -> Reason:
    return Reason(code, rules.rule(rule_id), params)


def hedge_code(rule: Rule) -> str:
    """``jz04.secondary`` / ``jz03.item7.unconfirmed``: what the portal says about an [S] or [M] rule."""
    head, _, item = rule.id.lower().replace("-", "", 1).partition("-")
    slug = f"{head}.item{item}" if item else head
    return f"{slug}.{'secondary' if rule.status is S else 'unconfirmed'}"


def uncertain_codes(used: Iterable[Rule], *extra: str) -> tuple[str, ...]:
    """One hedge code per [S]/[M] rule used, in order of first use, then ``extra`` (item-level hedges)."""
    codes = [hedge_code(rule) for rule in used if rule.status.needs_hedge]
    return tuple(dict.fromkeys([*codes, *extra]))


# --- criteria ------------------------------------------------------------------------------------


def _natural_person(kind: PartyKind | None) -> Criterion:
    if kind is None:
        return Criterion("natural_person", Met.UNKNOWN, (_reason("jz03.applicant.unanswered", "JZ-03-7"),))
    if kind is PartyKind.NATURAL_PERSON:
        return Criterion("natural_person", Met.MET, (_reason("jz01.applicant.natural_person", "JZ-01"),))
    return Criterion("natural_person", Met.NOT_MET, (_reason("jz03.organisation", "JZ-03-7", kind=kind.value),))


def _hardship(facts: ReliefFacts) -> Criterion:
    if facts.in_hardship is None:
        state, code = Met.UNKNOWN, "jz01.hardship.unanswered"
    elif not facts.in_hardship:
        state, code = Met.NOT_MET, "jz01.hardship.none"
    elif facts.hardship_certified:
        state, code = Met.MET, "jz01.hardship.certified"
    else:  # claimed, not yet proven by a committee or employer certificate
        state, code = Met.UNKNOWN, "jz01.hardship.unproven"
    income = facts.household.per_capita_monthly_income
    params = {"per_capita_monthly_income": income} if income is not None else {}
    return Criterion("urgent_hardship", state, (_reason(code, "JZ-01", **params),))


def _category(category: ReliefCategory | None) -> Criterion:
    if category is None:
        return Criterion("covered_category", Met.UNKNOWN, (_reason("jz02.category.unanswered", "JZ-02"),))
    item = _ITEMS[category]
    state = Met.UNKNOWN if category is ReliefCategory.OTHER else Met.MET  # item 8: the court's call
    return Criterion("covered_category", state, (_reason(f"jz02.category.{category.value}", "JZ-02", item=item),))


_ROUTES = {
    None: (Met.UNKNOWN, "unanswered"),
    CompensationRoute.ZHONGBEN: (Met.MET, "zhongben"),
    CompensationRoute.PARTIAL_RECOVERY: (Met.MET, "partial_recovery"),
    CompensationRoute.OFFENDER_DEAD_OR_UNABLE: (Met.MET, "offender_unable"),
    CompensationRoute.FULLY_RECOVERED: (Met.NOT_MET, "fully_recovered"),
    CompensationRoute.ENFORCEMENT_PENDING: (Met.UNKNOWN, "enforcement_pending"),
    CompensationRoute.LITIGATION_AVAILABLE: (Met.NOT_MET, "litigation_first"),
}


def _uncompensated(route: CompensationRoute | None) -> Criterion:
    state, code = _ROUTES[route]
    return Criterion("uncompensated", state, (_reason(f"jz01.uncompensated.{code}", "JZ-01"),))


def _once_per_case(facts: ReliefFacts) -> Criterion:
    found = []
    if facts.relieved_before_for_case:
        found.append(_reason("jz08.once_only.already_relieved", "JZ-08"))
    if facts.relieved_by_other_body:
        found.append(_reason("jz08.once_only.other_body", "JZ-08"))
    if found:
        return Criterion("once_per_case", Met.NOT_MET, tuple(found))
    if facts.relieved_before_for_case is False and facts.relieved_by_other_body is False:
        return Criterion("once_per_case", Met.MET, (_reason("jz01.once_only.first_relief", "JZ-01"),))
    return Criterion("once_per_case", Met.UNKNOWN, (_reason("jz08.once_only.unanswered", "JZ-08"),))


def _refusal(grounds: RefusalGrounds) -> Criterion:
    answers = {name: getattr(grounds, name) for name in RefusalGrounds.__dataclass_fields__}
    present = [_reason(f"jz03.{name}", "JZ-03") for name, answer in answers.items() if answer]
    if present:
        return Criterion("no_refusal_ground", Met.NOT_MET, tuple(present))
    open_ = [_reason(f"jz03.{name}.unanswered", "JZ-03") for name, answer in answers.items() if answer is None]
    if open_:
        return Criterion("no_refusal_ground", Met.UNKNOWN, tuple(open_))
    return Criterion("no_refusal_ground", Met.MET, (_reason("jz03.none", "JZ-03"),))


def _soft(criterion: Criterion) -> bool:
    """A NOT_MET resting only on [M] rules: staff review it, the screening never refuses on it."""
    return all(reason.rule.status is M for reason in criterion.reasons)


def _outcome(criteria: tuple[Criterion, ...]) -> str:
    if any(c.state is Met.NOT_MET and not _soft(c) for c in criteria):
        return "not_eligible"
    if all(c.state is Met.MET for c in criteria):
        return "likely_eligible"
    return "possibly_eligible"


# --- the cap (JZ-04) -----------------------------------------------------------------------------


def _cap(facts: ReliefFacts, as_of: date, wages: WageTable) -> tuple[tuple[Reason, ...], dict[str, Any]]:
    months = screening_rules()["relief"]["cap_months"]["value"]
    province, year = facts.court_province, as_of.year - 1
    owed = [a for a in (facts.amount_awarded, facts.amount_unenforced) if a is not None]
    ceiling = min(owed) if owed else None  # the lower of what was awarded and what is still unenforced
    figure = wages.figure(province, year, as_of=as_of) if province and province != NATIONAL else None
    national = wages.latest(NATIONAL, as_of=as_of)
    values: dict[str, Any] = {
        "cap": None,
        "cap_bound": None,
        "amount_ceiling": ceiling,
        "wage_figure": None,
        "cap_formula": MappingProxyType({"months": months, "province": province, "year": year}),
        "national_wage_reference": national.as_values() if national else None,
        "amount_factors": tuple(f"jz04.factor.{name}" for name in _FACTORS),
    }
    reasons: list[Reason] = []
    if figure is None:
        code = "jz04.cap.no_wage_figure" if province and province != NATIONAL else "jz04.cap.no_court_province"
        reasons.append(_reason(code, "JZ-04", months=months, province=province, year=year))
        if ceiling is not None:
            reasons.append(_reason("jz04.cap.never_above_amount_owed", "JZ-04", amount_owed=ceiling))
    else:
        wage_cap = (figure.monthly * months).quantize(FEN)
        cap = wage_cap if ceiling is None else min(wage_cap, ceiling)
        bound = "amount_owed" if ceiling is not None and ceiling < wage_cap else "wage"
        values.update(cap=cap, cap_bound=bound, wage_figure=figure.as_values())
        reasons.append(
            _reason(
                f"jz04.cap.{bound}_bound",
                "JZ-04",
                months=months,
                province=province,
                year=year,
                monthly_wage=figure.monthly.quantize(FEN),
                wage_cap=wage_cap,
                amount_owed=ceiling,
                cap=cap,
            )
        )
        if ceiling is None:
            reasons.append(_reason("jz04.cap.amount_owed_unknown", "JZ-04"))
    if national is not None:
        reasons.append(
            _reason("jz04.national_reference_only", "JZ-04", year=national.year, annual_yuan=national.annual_yuan)
        )
    reasons += [
        _reason("jz04.cap.court_sets_amount", "JZ-04"),
        _reason("jz04.cap.exceptional_cases_may_exceed", "JZ-04"),
        _reason("jz04.cap.local_lower_caps", "JZ-04"),
    ]
    return tuple(reasons), values


# --- evidence (JZ-05) ----------------------------------------------------------------------------

_HARM = {
    1: ("injury",),
    2: ("injury",),
    3: ("death_certificate",),
    4: ("property_loss",),
    5: ("injury", "property_loss"),
    6: (),
    7: ("injury",),
}


def _evidence(facts: ReliefFacts) -> tuple[str, ...]:
    item = _ITEMS.get(facts.category) if facts.category else None
    harm = _HARM.get(item, ("general",))
    codes = ["jz05.application_form", "jz05.id_document", *(f"jz05.harm.{kind}" for kind in harm)]
    if item in (3, 6):
        codes.append("jz05.relationship")
    codes += ["jz05.hardship_certificate", "jz05.compensation_statement"]
    if facts.route in (CompensationRoute.ZHONGBEN, CompensationRoute.PARTIAL_RECOVERY):
        codes.append("jz05.other.enforcement_record")
    return tuple(codes)


def _review(criteria: tuple[Criterion, ...]) -> tuple[str, ...]:
    """The criteria staff must look at: unknown ones, and refusals resting only on [M] rules."""
    return tuple(c.key for c in criteria if c.state is Met.UNKNOWN or (c.state is Met.NOT_MET and _soft(c)))


def assess_judicial_relief(facts: ReliefFacts, *, as_of: date, wages: WageTable | None = None) -> Decision:
    """Screen for state judicial relief: JZ-01–JZ-09 (救助意见; 程序规定; 中政委〔2014〕3号)."""
    params = screening_rules()
    criteria = (
        _natural_person(facts.applicant_kind),
        _hardship(facts),
        _category(facts.category),
        _uncompensated(facts.route),
        _once_per_case(facts),
        _refusal(facts.refusal),
    )
    cap_reasons, cap_values = _cap(facts, as_of, wages if wages is not None else WageTable.seeded())
    decide, collect = params["relief"]["decision_working_days"], params["relief"]["notify_collect_working_days"]
    jointly = facts.category is ReliefCategory.DECEASED_VICTIM_DEPENDANT
    reasons = (
        *cap_reasons,
        _reason("jz05.written_or_oral", "JZ-05"),
        _reason("jz06.apply_to_case_court", "JZ-06"),
        *((_reason("jz06.relatives_apply_jointly", "JZ-06"),) if jointly else ()),
        _reason("jz07.decision_clock", "JZ-07", working_days=decide["value"], collect_working_days=collect["value"]),
        _reason("jz08.deducted_on_recovery", "JZ-08"),
        _reason("jz09.claim_survives", "JZ-09"),
    )
    item = _ITEMS.get(facts.category) if facts.category else None
    extra = (f"jz02.item{item}.unconfirmed",) if item in _SPC_WORDING_UNCONFIRMED else ()
    used = [reason.rule for reason in (*(r for c in criteria for r in c.reasons), *reasons)]
    return Decision(
        outcome=_outcome(criteria),
        criteria=criteria,
        reasons=reasons,
        values={
            "rules_version": params["rules_version"],
            "review": _review(criteria),
            "evidence": _evidence(facts),
            "uncertain": uncertain_codes(used, *extra),
            "decision_clock": MappingProxyType(
                {
                    "clock": "relief_decision",
                    "working_days": decide["value"],
                    "rule": "JZ-07",
                    "status": decide["status"],
                    "collect_notice_working_days": collect["value"],
                }
            ),
            "household_per_capita_income": facts.household.per_capita_monthly_income,
            **cap_values,
        },
    )
