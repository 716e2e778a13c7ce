"""Screenings: answers (from the web questionnaire or the API) become relief facts, relief decides.

Nothing here decides eligibility. Answers are plain strings keyed by one vocabulary shared by both
screenings ("household_size", "debts_total", ...), so a person who answered one questionnaire is not
asked the same thing by the other. What the portal knows from a signed-in user's linked case (its status,
amount owed, court and province) is filled in as ``known`` answers and never asked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from portal.extensions import db
from portal.models import CaseStatus, Draft, PartyRole, SubmissionKind, User
from portal.services import case_facts, drafts
from portal.services.case_view import LinkedCase, my_cases
from portal.submissions.kinds import KINDS
from relief.debt_exit import assess_debt_exit
from relief.judicial_relief import assess_judicial_relief
from relief.outcomes import Decision
from relief.screening_facts import (
    BadFaithSigns,
    CaseStage,
    CompensationRoute,
    Contributions,
    Debt,
    DebtCause,
    DebtExitFacts,
    EnforcementCase,
    Finances,
    Household,
    PartyKind,
    RefusalGrounds,
    ReliefCategory,
    ReliefFacts,
    Residence,
    SpecialZone,
)

log = logging.getLogger(__name__)

RELIEF, DEBT_EXIT = "judicial-relief", "debt-exit"
SLUGS = (RELIEF, DEBT_EXIT)
KIND_OF = {RELIEF: SubmissionKind.RELIEF_APPLICATION, DEBT_EXIT: SubmissionKind.DEBT_EXIT_REFERRAL}
# Who may turn a screening into a formal application on a case: the applicant asks for relief, the debtor
# asks to be referred to a debt exit.
FILER = {RELIEF: PartyRole.APPLICANT, DEBT_EXIT: PartyRole.DEBTOR}
# Outcomes that lead on to a formal application; the others explain why not and what to do instead.
APPLICABLE = {
    RELIEF: ("likely_eligible", "possibly_eligible"),
    DEBT_EXIT: ("shenzhen_possible", "zhejiang_possible", "company_referral_possible"),
}

ZHEJIANG, GUANGDONG, FUJIAN = "33", "44", "35"
ELSEWHERE = "00"  # "not in that province": a value no province code equals

# The claim type a court records -> the JZ-02 category it plainly is; other claim types are asked.
CLAIM_CATEGORY = {
    "support": ReliefCategory.SUPPORT_MAINTENANCE.value,
    "tort_injury": ReliefCategory.PERSONAL_INJURY_TORT.value,
    "traffic_accident": ReliefCategory.TRAFFIC_ACCIDENT.value,
}


# --- what the portal knows from a linked case -----------------------------------------------------


def _route(item: LinkedCase) -> str:
    case = item.case
    if case.status is CaseStatus.TERMINATED:
        paid = case_facts.payments(case)
        return (CompensationRoute.PARTIAL_RECOVERY if paid else CompensationRoute.ZHONGBEN).value
    if case.status is CaseStatus.CONCLUDED:
        return CompensationRoute.FULLY_RECOVERED.value
    return CompensationRoute.ENFORCEMENT_PENDING.value


def _stage(status: CaseStatus) -> str:
    return {
        CaseStatus.TERMINATED: CaseStage.ZHONGBEN,
        CaseStatus.CONCLUDED: CaseStage.CONCLUDED,
    }.get(status, CaseStage.PENDING).value


def basic_level_court(code: str) -> bool:
    """粤0304 is a district (basic-level) court, 粤03 an intermediate one: four digits not ending in 00."""
    digits = code[1:]
    return len(digits) == 4 and digits.isdigit() and not digits.endswith("00")


def amount_owed(item: LinkedCase) -> Decimal:
    """The principal not yet paid, per the court's record (interest left out: the cap compares the award)."""
    paid = sum((p.amount for p in case_facts.payments(item.case)), Decimal("0"))
    return max(item.case.principal - paid, Decimal("0")).quantize(Decimal("0.01"))


def known_answers(item: LinkedCase | None, slug: str) -> dict[str, str]:
    """The answers a linked case gives: never asked again in the questionnaire."""
    if item is None:
        return {}
    case = item.case
    if slug == RELIEF:
        known = {
            "route": _route(item),
            "court_province": case.court.province_code,
            "amount_owed": str(amount_owed(item)),
            "amount_awarded": str(case.principal),
        }
        if case.claim_type in CLAIM_CATEGORY:
            known["category"] = CLAIM_CATEGORY[case.claim_type]
        return known
    return {
        "has_enforcement_case": "yes" if case.status is not CaseStatus.CONCLUDED else "no",
        "case_stage": _stage(case.status),
        "case_province": case.court.province_code,
        "case_basic_court": "yes" if basic_level_court(case.court.code) else "no",
    }


def screenable_cases(user: User | None, slug: str) -> list[LinkedCase]:
    """The user's linked cases in the role that can apply after this screening."""
    if user is None or not user.is_authenticated or user.is_staff:
        return []
    return [item for item in my_cases(user) if FILER[slug] in item.roles]


def linked_for(user: User | None, slug: str, case_id: int | None) -> LinkedCase | None:
    if case_id is None:
        return None
    return next((item for item in screenable_cases(user, slug) if item.case.id == case_id), None)


# --- answers -> facts ----------------------------------------------------------------------------


def _yes(answers: dict, key: str) -> bool | None:
    return {"yes": True, "no": False}.get(answers.get(key))


def _not(value: bool | None) -> bool | None:
    return None if value is None else not value


def _int(answers: dict, key: str) -> int | None:
    value = answers.get(key)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _money(answers: dict, key: str) -> Decimal | None:
    value = answers.get(key)
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def _enum(cls, answers: dict, key: str):
    try:
        return cls(answers[key]) if answers.get(key) else None
    except ValueError:
        return None


def household(answers: dict) -> Household:
    return Household(size=_int(answers, "household_size"), monthly_income=_money(answers, "household_income"))


def finances(answers: dict) -> Finances:
    total = _money(answers, "debts_total")
    cause = _enum(DebtCause, answers, "debt_cause")
    return Finances(
        assets_value=_money(answers, "assets_value"),
        debts=(Debt(amount=total, cause=cause),) if total else (),
        can_pay_due_debts=_yes(answers, "can_pay"),
    )


APPLICANT_KINDS = {"natural_person": PartyKind.NATURAL_PERSON, "organisation": PartyKind.OTHER_ORGANISATION}


def relief_facts(answers: dict) -> ReliefFacts:
    compensated = _yes(answers, "compensated")
    cooperates = _yes(answers, "cooperate")
    relieved = _yes(answers, "relieved_before")
    province = answers.get("court_province")
    category = _enum(ReliefCategory, answers, "category")
    fault = _yes(answers, "fault")
    if fault is None and category is ReliefCategory.SUPPORT_MAINTENANCE:
        fault = False  # JZ-03 item 1 is fault for an incident; a support claim has none, so it is not asked
    return ReliefFacts(
        applicant_kind=APPLICANT_KINDS.get(answers.get("applicant_kind")),
        category=category,
        route=_enum(CompensationRoute, answers, "route"),
        in_hardship=_yes(answers, "in_hardship"),
        hardship_certified=_yes(answers, "hardship_certified"),
        relieved_before_for_case=relieved,
        # One question covers the court and the other bodies; "yes" is told as relief already given.
        relieved_by_other_body=False if relieved is False else None,
        refusal=RefusalGrounds(
            fault=fault,
            refused_cooperation=_not(cooperates),
            false_evidence=False if cooperates else None,
            waived_compensation=_yes(answers, "waived"),
            hardship_unrelated=_not(_yes(answers, "hardship_related")),
            already_compensated=compensated,
            social_assistance=False if compensated is False else None,
        ),
        court_province=province if province and province != "unknown" else None,
        amount_awarded=_money(answers, "amount_awarded"),
        amount_unenforced=_money(answers, "amount_owed"),
        household=household(answers),
        finances=finances(answers),
    )


def _zone(answers: dict) -> SpecialZone | None:
    if _yes(answers, "shenzhen"):
        return SpecialZone.SHENZHEN
    if _yes(answers, "xiamen"):
        return SpecialZone.XIAMEN
    province = answers.get("residence_province")
    if province is None:
        return None
    # Neither special zone lies outside Guangdong or Fujian; inside them the person was asked.
    if province not in (GUANGDONG, FUJIAN) or answers.get("shenzhen") == "no" or answers.get("xiamen") == "no":
        return SpecialZone.NONE
    return None


def debt_exit_facts(answers: dict) -> DebtExitFacts:
    province, zone = answers.get("residence_province"), _zone(answers)
    hukou = _yes(answers, "hukou")
    months = _int(answers, "social_insurance_months")
    cases: tuple[EnforcementCase, ...] = ()
    if _yes(answers, "has_enforcement_case"):
        cases = (
            EnforcementCase(
                stage=_enum(CaseStage, answers, "case_stage") or CaseStage.PENDING,
                province=answers.get("case_province") or province,
                basic_level_court=_yes(answers, "case_basic_court"),
                court_of_domicile_or_property=_yes(answers, "case_local"),
            ),
        )
    bad_faith = _yes(answers, "bad_faith")
    return DebtExitFacts(
        debtor_kind=_enum(PartyKind, answers, "debtor_kind"),
        residence=Residence(
            province=province,
            special_zone=zone,
            hukou_province=(province if hukou else ELSEWHERE) if hukou is not None else None,
        ),
        contributions=Contributions(
            shenzhen_social_insurance=months if zone is SpecialZone.SHENZHEN else None,
            zhejiang_social_insurance=months if province == ZHEJIANG else None,
        ),
        household=household(answers),
        finances=finances(answers),
        cases=cases,
        # One question covers all three signs: "yes" is told once, "no" answers each.
        bad_faith=BadFaithSigns(
            hidden_assets=bad_faith,
            transferred_assets=False if bad_faith is False else None,
            fabricated_debts=False if bad_faith is False else None,
        ),
        company_consents=_yes(answers, "company_consent"),
    )


# --- deciding and recording -------------------------------------------------------------------------


@dataclass(frozen=True)
class Screening:
    slug: str
    answers: dict  # what the person answered and what the case filled in, together
    decision: Decision
    as_of: date

    @property
    def rules_version(self) -> str:
        return self.decision.values["rules_version"]

    @property
    def applicable(self) -> bool:
        return self.decision.outcome in APPLICABLE[self.slug]


def assess(slug: str, answers: dict, *, today: date, channel: str = "web") -> Screening:
    """Run the screening named by ``slug`` on these answers as of ``today``, and record which rules decided it."""
    if slug == RELIEF:
        decision = assess_judicial_relief(relief_facts(answers), as_of=today)
    else:
        decision = assess_debt_exit(debt_exit_facts(answers), as_of=today)
    # Codes only: the outcome and the rules version, never an answer (answers are personal data).
    log.info(
        "screening decided kind=%s channel=%s outcome=%s rules_version=%s",
        slug,
        channel,
        decision.outcome,
        decision.values["rules_version"],
    )
    return Screening(slug=slug, answers=dict(answers), decision=decision, as_of=today)


class NotApplicable(drafts.NotAllowed):
    """This result does not lead to a formal application (e.g. no debt-exit channel is open)."""

    code = "screening_not_applicable"


def record(screening: Screening) -> dict:
    """What a formal application keeps of its screening: the outcome, the rules version and the day."""
    values = screening.decision.values
    evidence = list(values.get("evidence", ())) or list(values.get("must_prove", ()))
    return {
        "screening_outcome": screening.decision.outcome,
        "rules_version": screening.rules_version,
        "screened_on": screening.as_of.isoformat(),
        "criteria_states": [f"{c.key}={c.state.value}" for c in screening.decision.criteria],
        "evidence_checklist": evidence,
    }


def apply(user: User, screening: Screening, case_id: int, *, today: date) -> Draft:
    """Open (or resume) the formal application on the user's own case, carrying the screening's record.

    The case must be linked to the user in the filing role (drafts.start answers 404 otherwise).
    """
    if not screening.applicable:
        raise NotApplicable()
    draft = drafts.start(user, case_id, KINDS[KIND_OF[screening.slug]], today=today)
    answers = dict(draft.answers)
    answers.update(record(screening))
    draft.answers = answers
    db.session.commit()
    log.info(
        "screening turned into application draft_id=%s kind=%s rules_version=%s",
        draft.id,
        screening.slug,
        screening.rules_version,
    )
    return draft
