"""Debt-exit routing: Shenzhen personal bankruptcy (SZ-01–SZ-08), Zhejiang debt clearance (ZJ-01–ZJ-05),
other pilots for information, and enforcement-to-bankruptcy referral of companies (ZP-01–ZP-05).

There is no national personal bankruptcy law, so the best answer is always "possibly — refer": the outcome
names a channel, what must still be proved, what the person could keep and what the procedure demands.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from relief import rules
from relief.judicial_relief import uncertain_codes
from relief.outcomes import Criterion, Decision, Met, Reason, Rule, Status
from relief.screening_facts import (
    BadFaithSigns,
    CaseStage,
    DebtCause,
    DebtExitFacts,
    Finances,
    PartyKind,
    Petitioner,
    SpecialZone,
    screening_rules,
)

P, S, M, D = Status.PRIMARY, Status.SECONDARY, Status.UNCONFIRMED, Status.DESIGN

RULES = (
    Rule("SZ-01", "深圳条例 Art.2", S),
    Rule("SZ-02", "深圳条例 (creditor petition)", S),
    Rule("SZ-03", "Shenzhen court practice (zaobao 2024)", S),
    Rule("SZ-04", "深圳条例 (exempt property items 1–2)", S),
    Rule("SZ-05", "深圳条例 (draft list, Xinhua 2020-06-03)", S),
    Rule("SZ-06", "深圳条例; Shenzhen court guidance", S),
    Rule("SZ-07", "深圳条例 (non-dischargeable debts)", M),
    Rule("SZ-08", "深圳条例 (articles M); gzdaily 2021-03-02", S),
    Rule("ZJ-01", "浙江指引 item 6", S),
    Rule("ZJ-02", "浙江指引 items 4–5", S),
    Rule("ZJ-03", "浙江指引 items 1–3", S),
    Rule("ZJ-04", "浙江指引; 64365.com summary", S),
    Rule("ZJ-05", "浙江指引; sgla.com comparison", S),
    Rule("ZP-01", "法发〔2017〕2号 item 2; 民诉法解释 Art.511", S),
    Rule("ZP-02", "法发〔2017〕2号", S),
    Rule("ZP-03", "民诉法解释 Arts.512–513; 法发〔2017〕2号 item 18", S),
    Rule("ZP-04", "民诉法解释 Art.514", P),
    Rule("ZP-05", "终本规定 (see ZB-15)", M),
)
rules.register(*RULES)

# For "never improves" comparisons: blocked and no channel are equally closed doors.
RANK = {
    "blocked_bad_faith": 0,
    "no_channel": 0,
    "information_only": 1,
    "shenzhen_possible": 2,
    "zhejiang_possible": 2,
    "company_referral_possible": 2,
}
PERSONAL = (PartyKind.NATURAL_PERSON, PartyKind.INDIVIDUAL_BUSINESS)
_COVERED_CAUSES = (DebtCause.BUSINESS_OPERATION, DebtCause.LIVING_CONSUMPTION)
_EXCLUDED_CAUSES = (DebtCause.ILLEGAL_BUSINESS, DebtCause.EXCESSIVE_CONSUMPTION)
_NON_DISCHARGEABLE = (DebtCause.SUPPORT_MAINTENANCE, DebtCause.TORT_DAMAGES, DebtCause.TAX)
_SZ_GATES = ("shenzhen.natural_person", "shenzhen.residence")


def _reason(code: str, rule_id: str, **params: Any) -> Reason:
    return Reason(code, rules.rule(rule_id), params)


def _any(*answers: bool | None) -> bool | None:
    if any(answer is True for answer in answers):
        return True
    return False if all(answer is False for answer in answers) else None


def _all(*answers: bool | None) -> bool | None:
    if any(answer is False for answer in answers):
        return False
    return True if all(answer is True for answer in answers) else None


def _not(answer: bool | None) -> bool | None:
    return None if answer is None else not answer


def _is(value: Any, expected: Any) -> bool | None:
    return None if value is None else value == expected


def _ge(value: Any, minimum: Any) -> bool | None:
    return None if value is None else value >= minimum


def _tri(key: str, answer: bool | None, code: str, rule_id: str, **params: Any) -> Criterion:
    """A yes/no criterion: ``code`` when met, ``code.not_met``, or ``code.unanswered``."""
    if answer is None:
        return Criterion(key, Met.UNKNOWN, (_reason(f"{code}.unanswered", rule_id, **params),))
    state, suffix = (Met.MET, "") if answer else (Met.NOT_MET, ".not_met")
    return Criterion(key, state, (_reason(f"{code}{suffix}", rule_id, **params),))


def _in_force(key: str, as_of: date, since: date, code: str, rule_id: str) -> Criterion:
    return _tri(key, as_of >= since, code, rule_id, in_force=since)


def _personal(kind: PartyKind | None) -> bool | None:
    """A natural person; an individual business (个体工商户) is its owner, a natural person, here."""
    return None if kind is None else kind in PERSONAL


def _insolvent_sz(fin: Finances) -> bool | None:
    """SZ-01: lost the ability to pay debts, or assets insufficient to pay all debts."""
    return _any(_not(fin.can_pay_due_debts), fin.insufficient_assets)


def _insolvent(fin: Finances) -> bool | None:
    """ZJ-01, ZP-01 (企业破产法 Art.2): cannot pay due debts, and assets insufficient or obviously unable."""
    return _all(_not(fin.can_pay_due_debts), _any(fin.insufficient_assets, fin.obviously_unable_to_pay))


def _good_faith(key: str, signs: BadFaithSigns, rule_id: str) -> Criterion:
    """SZ-08 / ZJ-04: each sign present is a blocking reason of its own."""
    prefix = rule_id.lower().replace("-", "")
    answers = {name: getattr(signs, name) for name in BadFaithSigns.__dataclass_fields__}
    present = tuple(_reason(f"{prefix}.bad_faith.{name}", rule_id) for name, yes in answers.items() if yes)
    if present:
        return Criterion(key, Met.NOT_MET, present)
    return _tri(key, _not(_any(*answers.values())), f"{prefix}.good_faith", rule_id)


def _debt_cause(fin: Finances) -> Criterion:
    """SZ-01: debts from business operation or living consumption; illegal or excessive ones are not covered."""
    causes = {debt.cause for debt in fin.debts}
    covered, excluded = causes & set(_COVERED_CAUSES), causes & set(_EXCLUDED_CAUSES)
    if covered and not excluded:
        state, code = Met.MET, "sz01.debt_cause"
    elif covered:
        state, code = Met.UNKNOWN, "sz01.debt_cause.some_not_covered"
    elif excluded and causes <= set(_EXCLUDED_CAUSES):
        state, code = Met.NOT_MET, "sz01.debt_cause.not_met"
    else:
        state, code = Met.UNKNOWN, "sz01.debt_cause.unanswered"
    return Criterion("shenzhen.debt_cause", state, (_reason(code, "SZ-01"),))


@dataclass(frozen=True)
class _Channel:
    name: str  # shenzhen, zhejiang, company
    criteria: tuple[Criterion, ...]
    gates: tuple[str, ...]  # who and where: must be MET before the channel is offered at all
    bad_faith_key: str | None = None

    def _state(self, key: str) -> Met:
        return next(c.state for c in self.criteria if c.key == key)

    @property
    def _failing(self) -> set[str]:
        return {c.key for c in self.criteria if c.state is Met.NOT_MET}

    @property
    def _gated(self) -> bool:
        return all(self._state(key) is Met.MET for key in self.gates)

    @property
    def open(self) -> bool:
        return self._gated and not self._failing

    @property
    def blocked(self) -> bool:
        """It would be open but for signs of bad faith."""
        return self._gated and bool(self._failing) and self._failing == {self.bad_faith_key}


def _shenzhen(facts: DebtExitFacts, as_of: date, sz: Mapping[str, Any]) -> _Channel:
    creditor = facts.petitioner is Petitioner.CREDITOR
    zone, months = facts.residence.special_zone, facts.contributions.shenzhen_social_insurance
    required = sz["social_insurance_consecutive_months"]["value"]
    counted = {"months": months, "required": required}
    criteria = [
        _in_force("shenzhen.in_force", as_of, sz["in_force"]["value"], "sz01.in_force", "SZ-01"),
        _tri("shenzhen.natural_person", _personal(facts.debtor_kind), "sz01.natural_person", "SZ-01"),
        _tri("shenzhen.residence", _is(zone, SpecialZone.SHENZHEN), "sz01.residence", "SZ-01"),
        _tri("shenzhen.social_insurance", _ge(months, required), "sz01.social_insurance", "SZ-01", **counted),
        _debt_cause(facts.finances),
        _tri("shenzhen.insolvency", _insolvent_sz(facts.finances), "sz01.insolvency", "SZ-01"),
    ]
    if creditor:  # a petition needs matured claims above the threshold; it does not vouch for the debtor
        minimum, claims = Decimal(sz["creditor_petition_min_yuan"]["value"]), facts.petitioning_claims
        threshold = {"claims": claims, "min_yuan": minimum}
        criteria.append(
            _tri("shenzhen.creditor_claims", _ge(claims, minimum), "sz02.creditor_claims", "SZ-02", **threshold)
        )
        return _Channel("shenzhen", tuple(criteria), _SZ_GATES)
    criteria.append(_good_faith("shenzhen.good_faith", facts.bad_faith, "SZ-08"))
    return _Channel("shenzhen", tuple(criteria), _SZ_GATES, "shenzhen.good_faith")


def _zhejiang(facts: DebtExitFacts, as_of: date, zj: Mapping[str, Any]) -> _Channel:
    home, where, paid = zj["province"]["value"], facts.residence, facts.contributions
    required = zj["si_or_iit_consecutive_months"]["value"]
    months = [m for m in (paid.zhejiang_social_insurance, paid.zhejiang_income_tax) if m is not None]
    met = _any(*(m >= required for m in months), *(None for _ in range(2 - len(months))))
    counted = {"months": max(months, default=None), "required": required}
    criteria = (
        _in_force("zhejiang.in_force", as_of, zj["guideline_dated"]["value"], "zj01.guideline", "ZJ-01"),
        _tri("zhejiang.natural_person", _personal(facts.debtor_kind), "zj01.natural_person", "ZJ-01"),
        _tri("zhejiang.hukou", _is(where.hukou_province, home), "zj01.hukou", "ZJ-01"),
        _tri("zhejiang.residence", _is(where.province, home), "zj01.residence", "ZJ-01"),
        _tri("zhejiang.contributions", met, "zj01.contributions", "ZJ-01", **counted),
        _tri("zhejiang.insolvency", _insolvent(facts.finances), "zj01.insolvency", "ZJ-01"),
        _court_case(facts, home),
        _good_faith("zhejiang.good_faith", facts.bad_faith, "ZJ-04"),
    )
    return _Channel("zhejiang", criteria, ("zhejiang.natural_person", "zhejiang.residence"), "zhejiang.good_faith")


def _court_case(facts: DebtExitFacts, home: str) -> Criterion:
    """ZJ-02: a basic court of the debtor's domicile, residence or main property with a live or 终本 case."""
    live = [c for c in facts.cases if c.stage is not CaseStage.CONCLUDED and c.province in (home, None)]
    answers = [
        _all(c.province == home if c.province else None, c.basic_level_court, c.court_of_domicile_or_property)
        for c in live
    ]
    found = _any(*answers) if answers else False
    stage = next((c.stage.value for c, ok in zip(live, answers, strict=True) if ok), None)
    return _tri("zhejiang.court_case", found, "zj02.court_case", "ZJ-02", stage=stage)


def _company(facts: DebtExitFacts) -> _Channel:
    kind = facts.debtor_kind
    enterprise = None if kind is None else kind is PartyKind.ENTERPRISE_LEGAL_PERSON
    consent = _any(facts.company_consents, facts.applicant_consents)
    if consent is False:  # nobody consents: no referral, distribution in order of seizure
        consent_criterion = Criterion("company.written_consent", Met.NOT_MET, (_reason("zp04.no_consent", "ZP-04"),))
    else:
        consent_criterion = _tri("company.written_consent", consent, "zp01.written_consent", "ZP-01")
    return _Channel(
        "company",
        (
            _tri("company.enterprise_legal_person", enterprise, "zp01.enterprise_legal_person", "ZP-01"),
            consent_criterion,
            _tri("company.insolvency", _insolvent(facts.finances), "zp01.insolvency", "ZP-01"),
        ),
        ("company.enterprise_legal_person",),
    )


def _information(facts: DebtExitFacts, as_of: date, params: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    """Pilots this screening does not assess (section 6.3, [S] with [M] detail), and who else may apply."""
    where, found = facts.residence, []
    if where.province == params["jiangsu"]["province"]["value"]:
        minimum = Decimal(params["jiangsu"]["creditor_petition_min_yuan"]["value"])
        found.append(_info("info.jiangsu_pilot", "M", in_force=True, creditor_petition_min_yuan=minimum))
    if where.special_zone is SpecialZone.XIAMEN:
        since = params["xiamen"]["in_force"]["value"]
        code = "info.xiamen_regulation" if as_of >= since else "info.xiamen_not_yet_in_force"
        found.append(_info(code, "M", in_force=as_of >= since, in_force_on=since))
    zhejiang = params["zhejiang"]
    if facts.petitioner is Petitioner.CREDITOR and where.province == zhejiang["province"]["value"]:
        found.append(_info("info.zhejiang_debtor_applies", "S", in_force=as_of >= zhejiang["guideline_dated"]["value"]))
    return tuple(found)


def _info(code: str, detail_status: str, *, in_force: bool, **params: Any) -> Mapping[str, Any]:
    return MappingProxyType(
        {"code": code, "status": "S", "detail_status": detail_status, "in_force": in_force, **params}
    )


def _entries(*rows: Mapping[str, Any], **extra: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    """Listed items of screening_rules.toml, frozen: each names a registered rule and its own status tag;
    ``extra`` adds run-time params to the item with that code."""
    items = []
    for row in rows:
        rules.rule(row["rule"])  # a KeyError names a rule nobody registered
        Status(row["status"])  # a ValueError names a tag outside P/S/M/D
        item = {key: _frozen(key, value) for key, value in row.items()}
        items.append(MappingProxyType({**item, **extra.get(row["code"], {})}))
    return tuple(items)


def _frozen(key: str, value: Any) -> Any:
    if key.endswith("_yuan"):
        return Decimal(value)
    return tuple(value) if isinstance(value, list) else value


def _keep(channel: str, params: Mapping[str, Any]) -> tuple[Mapping[str, Any], ...]:
    """SZ-04 exempt property (items 3–7 and the value limits [M]); Zhejiang's necessities standard (ZJ-03)."""
    return _entries(*params[channel].get("keep", ()))


def _procedure(channel: str, facts: DebtExitFacts, as_of: date, params: Mapping[str, Any]) -> tuple[Any, ...]:
    """What the channel demands: SZ-02/03/05/06/07/08, ZJ-02/04/05, ZP-02/03/04/05."""
    section = params[channel]
    if channel == "shenzhen":
        since = section["counselling_required_since"]["value"]
        counselling = facts.petitioner is Petitioner.DEBTOR and as_of.isoformat()[:7] >= since
        creditor = facts.petitioner is Petitioner.CREDITOR
        owed = tuple(c.value for c in _NON_DISCHARGEABLE if any(d.cause is c for d in facts.finances.debts))
        return _entries(
            *((section["counselling"],) if counselling else ()),
            *((section["liquidation_only"],) if creditor else ()),
            *section["procedure"],
            section["non_dischargeable"],
            **{section["non_dischargeable"]["code"]: {"present": owed}},
        )
    if channel == "zhejiang":
        return _entries(*section["procedure"])
    zhongben = any(c.stage is CaseStage.ZHONGBEN for c in facts.cases)
    days = {"days": section["acceptance_decision_days"]["value"]}
    return _entries(
        *section["procedure"], *((section["zhongben_link"],) if zhongben else ()), **{"zp03.acceptance_decision": days}
    )


def _must_prove(channel: _Channel, materials: list[str]) -> tuple[str, ...]:
    """Every answer the channel rests on is self-declared until proved; Zhejiang also lists its file."""
    keys = tuple(f"prove.{c.key}" for c in channel.criteria if not c.key.endswith(".in_force"))
    return keys + tuple(materials)


def _outcome(channels: list[_Channel], information: tuple[Mapping[str, Any], ...]) -> str:
    open_ = [c for c in channels if c.open]
    if open_:
        return "company_referral_possible" if open_[0].name == "company" else f"{open_[0].name}_possible"
    if any(c.blocked for c in channels):
        return "blocked_bad_faith"
    return "information_only" if any(item["in_force"] for item in information) else "no_channel"


def assess_debt_exit(facts: DebtExitFacts, *, as_of: date) -> Decision:
    """Route to a debt exit: SZ-01–SZ-08 (深圳条例), ZJ-01–ZJ-05 (浙江指引), ZP-01–ZP-05 (法发〔2017〕2号)."""
    params = screening_rules()
    kind = facts.debtor_kind
    channels: list[_Channel] = []
    if kind is None or kind in PERSONAL:
        channels.append(_shenzhen(facts, as_of, params["shenzhen"]))
        if facts.petitioner is Petitioner.DEBTOR:
            channels.append(_zhejiang(facts, as_of, params["zhejiang"]))
    if kind is None or kind not in PERSONAL:
        channels.append(_company(facts))
    information = _information(facts, as_of, params) if kind is None or kind in PERSONAL else ()
    outcome = _outcome(channels, information)
    routes = [c for c in channels if c.open] or [c for c in channels if c.blocked]
    reasons: list[Reason] = []
    if kind is PartyKind.INDIVIDUAL_BUSINESS and any(c.name == "zhejiang" for c in routes):
        reasons.append(_reason("zj01.individual_business_by_analogy", "ZJ-01"))
    if facts.petitioner is Petitioner.CREDITOR and _any(*vars(facts.bad_faith).values()):
        reasons.append(_reason("sz08.discharge_at_risk", "SZ-08"))
    keep = tuple(item for c in routes for item in _keep(c.name, params))
    procedure = tuple(item for c in routes for item in _procedure(c.name, facts, as_of, params))
    criteria = tuple(criterion for c in channels for criterion in c.criteria)
    listed = keep + procedure
    used = [r.rule for r in (*(r for c in criteria for r in c.reasons), *reasons)]
    used += [rules.rule(item["rule"]) for item in listed]
    # items weaker than their rule ([M] inside an [S] rule), and pilots whose detail is [M]
    weaker = [i["code"] for i in listed if i["status"] == M.value and rules.rule(i["rule"]).status is not M]
    weaker += [i["code"] for i in information if i["detail_status"] == M.value]
    open_names = [c.name for c in channels if c.open]
    accept = params["company"]["acceptance_decision_days"]
    return Decision(
        outcome=outcome,
        criteria=criteria,
        reasons=tuple(reasons),
        values={
            "rules_version": params["rules_version"],
            "final": False,
            "channels": tuple(open_names) + tuple(item["code"] for item in information if item["in_force"]),
            "blocked": tuple(c.name for c in channels if c.blocked),
            "referral": MappingProxyType({name: params["referral"][name] for name in open_names}),
            "must_prove": tuple(code for c in routes for code in _must_prove(c, params[c.name].get("materials", []))),
            "keep": keep,
            "procedure": procedure,
            "information": information,
            "decision_clock": MappingProxyType(
                {
                    "clock": "zzp_acceptance",
                    "days": accept["value"],
                    "rule": "ZP-03",
                    "status": accept["status"],
                }
            )
            if "company" in open_names
            else None,
            "uncertain": uncertain_codes(used, *weaker),
        },
    )
