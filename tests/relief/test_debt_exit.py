"""Debt-exit routing (rulebook sections 6 and 7): one table row per rule id, effective dates, properties."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relief import rules
from relief.debt_exit import RANK, RULES, assess_debt_exit
from relief.judicial_relief import assess_judicial_relief
from relief.outcomes import Met
from relief.screening_facts import (
    BadFaithSigns,
    CaseStage,
    Contributions,
    Debt,
    DebtCause,
    DebtExitFacts,
    EnforcementCase,
    Finances,
    Household,
    PartyKind,
    Petitioner,
    ReliefFacts,
    Residence,
    SpecialZone,
)

AS_OF = date(2026, 11, 22)
CLEAN = BadFaithSigns(hidden_assets=False, transferred_assets=False, fabricated_debts=False)
BROKE = Finances(
    assets_value=Decimal("20000"),
    debts=(
        Debt(Decimal("400000"), DebtCause.BUSINESS_OPERATION, matured=True),
        Debt(Decimal("30000"), DebtCause.LIVING_CONSUMPTION, matured=True),
    ),
    can_pay_due_debts=False,
)
HOUSEHOLD = Household(size=4, dependants=2, monthly_income=Decimal("6000"))


def shenzhen(**changes) -> DebtExitFacts:
    base = DebtExitFacts(
        debtor_kind=PartyKind.NATURAL_PERSON,
        residence=Residence(province="44", special_zone=SpecialZone.SHENZHEN, hukou_province="44"),
        contributions=Contributions(shenzhen_social_insurance=48),
        household=HOUSEHOLD,
        finances=BROKE,
        bad_faith=CLEAN,
    )
    return dataclasses.replace(base, **changes)


def zhejiang(**changes) -> DebtExitFacts:
    base = DebtExitFacts(
        debtor_kind=PartyKind.NATURAL_PERSON,
        residence=Residence(province="33", special_zone=SpecialZone.NONE, hukou_province="33"),
        contributions=Contributions(zhejiang_social_insurance=12, zhejiang_income_tax=40),
        household=HOUSEHOLD,
        finances=BROKE,
        bad_faith=CLEAN,
        cases=(
            EnforcementCase(
                CaseStage.ZHONGBEN, province="33", basic_level_court=True, court_of_domicile_or_property=True
            ),
        ),
    )
    return dataclasses.replace(base, **changes)


def company(**changes) -> DebtExitFacts:
    base = DebtExitFacts(
        debtor_kind=PartyKind.ENTERPRISE_LEGAL_PERSON,
        petitioner=Petitioner.CREDITOR,
        applicant_consents=True,
        finances=Finances(can_pay_due_debts=False, obviously_unable_to_pay=True),
        cases=(EnforcementCase(CaseStage.PENDING, province="11"),),
    )
    return dataclasses.replace(base, **changes)


def codes(decision) -> set[str]:
    return {reason.code for reason in decision.all_reasons}


def listed(decision, key) -> dict[str, dict]:
    return {item["code"]: dict(item) for item in decision.values[key]}


def row(case_id: str, base, outcome: str, code: str, **changes):
    """One table row: a base screening with ``changes``, the outcome and a code the decision must carry."""
    return pytest.param(base(**changes), outcome, code, id=case_id)


SZ_POSSIBLE, ZJ_POSSIBLE, ZP_POSSIBLE = "shenzhen_possible", "zhejiang_possible", "company_referral_possible"
NONE, BLOCKED, CREDITOR = "no_channel", "blocked_bad_faith", Petitioner.CREDITOR
ILLEGAL = dataclasses.replace(BROKE, debts=(Debt(Decimal(1), DebtCause.ILLEGAL_BUSINESS),))
SOLVENT = Finances(can_pay_due_debts=True, assets_insufficient=False)
OUT_OF_ZONE = Residence(province="44", special_zone=SpecialZone.NONE)
ZJ_CASE_ELSEWHERE = EnforcementCase(
    CaseStage.ZHONGBEN, "44", basic_level_court=True, court_of_domicile_or_property=True
)
# One rule per row reads as a table; the formatter would spread each row over six lines.
# fmt: off
ROUTING = [
    row("SZ-01-eligible", shenzhen, SZ_POSSIBLE, "sz01.social_insurance"),
    row("SZ-01-35-months", shenzhen, NONE, "sz01.social_insurance.not_met",
        contributions=Contributions(shenzhen_social_insurance=35)),
    row("SZ-01-months-unanswered-still-refer", shenzhen, SZ_POSSIBLE, "sz01.social_insurance.unanswered",
        contributions=Contributions()),
    row("SZ-01-outside-sez", shenzhen, NONE, "sz01.residence.not_met", residence=OUT_OF_ZONE),
    row("SZ-01-illegal-business", shenzhen, NONE, "sz01.debt_cause.not_met", finances=ILLEGAL),
    row("SZ-01-solvent", shenzhen, NONE, "sz01.insolvency.not_met", finances=SOLVENT),
    row("SZ-01-individual-business", shenzhen, SZ_POSSIBLE, "sz01.natural_person",
        debtor_kind=PartyKind.INDIVIDUAL_BUSINESS),
    row("SZ-02-creditor-500000", shenzhen, SZ_POSSIBLE, "sz02.creditor_claims",
        petitioner=CREDITOR, petitioning_claims=Decimal("500000")),
    row("SZ-02-creditor-below", shenzhen, NONE, "sz02.creditor_claims.not_met",
        petitioner=CREDITOR, petitioning_claims=Decimal("499999.99")),
    row("SZ-08-hidden-assets", shenzhen, BLOCKED, "sz08.bad_faith.hidden_assets",
        bad_faith=BadFaithSigns(hidden_assets=True)),
    row("SZ-08-fabricated-debts", shenzhen, BLOCKED, "sz08.bad_faith.fabricated_debts",
        bad_faith=BadFaithSigns(fabricated_debts=True)),
    row("SZ-08-unanswered", shenzhen, SZ_POSSIBLE, "sz08.good_faith.unanswered", bad_faith=BadFaithSigns()),
    row("SZ-08-creditor-petition-not-blocked", shenzhen, SZ_POSSIBLE, "sz08.discharge_at_risk",
        petitioner=CREDITOR, petitioning_claims=Decimal("600000"), bad_faith=BadFaithSigns(transferred_assets=True)),
    row("ZJ-01-income-tax-36", zhejiang, ZJ_POSSIBLE, "zj01.contributions"),
    row("ZJ-01-hukou-elsewhere", zhejiang, NONE, "zj01.hukou.not_met",
        residence=Residence(province="33", hukou_province="32")),
    row("ZJ-01-short", zhejiang, NONE, "zj01.contributions.not_met",
        contributions=Contributions(zhejiang_social_insurance=20, zhejiang_income_tax=30)),
    row("ZJ-01-individual-business", zhejiang, ZJ_POSSIBLE, "zj01.individual_business_by_analogy",
        debtor_kind=PartyKind.INDIVIDUAL_BUSINESS),
    row("ZJ-02-no-case", zhejiang, NONE, "zj02.court_case.not_met", cases=()),
    row("ZJ-02-case-elsewhere", zhejiang, NONE, "zj02.court_case.not_met", cases=(ZJ_CASE_ELSEWHERE,)),
    row("ZJ-02-court-unconfirmed", zhejiang, ZJ_POSSIBLE, "zj02.court_case.unanswered",
        cases=(EnforcementCase(CaseStage.ZHONGBEN, province="33"),)),
    row("ZJ-04-transferred-assets", zhejiang, BLOCKED, "zj04.bad_faith.transferred_assets",
        bad_faith=BadFaithSigns(transferred_assets=True)),
    row("ZP-01-applicant-consents", company, ZP_POSSIBLE, "zp01.written_consent"),
    row("ZP-01-company-consents", company, ZP_POSSIBLE, "zp01.written_consent",
        applicant_consents=None, company_consents=True),
    row("ZP-01-consent-still-to-give", company, ZP_POSSIBLE, "zp01.written_consent.unanswered",
        applicant_consents=None),
    row("ZP-01-solvent", company, NONE, "zp01.insolvency.not_met", finances=Finances(can_pay_due_debts=True)),
    row("ZP-01-not-enterprise", company, NONE, "zp01.enterprise_legal_person.not_met",
        debtor_kind=PartyKind.OTHER_ORGANISATION),
    row("ZP-04-no-consent", company, NONE, "zp04.no_consent", applicant_consents=False, company_consents=False),
    row("ZJ-info-creditor-of-zhejiang-debtor", zhejiang, "information_only", "sz01.residence.not_met",
        petitioner=CREDITOR),
    pytest.param(DebtExitFacts(), NONE, "sz01.natural_person.unanswered", id="blank-form"),
]
# fmt: on


@pytest.mark.parametrize(("given_facts", "outcome", "code"), ROUTING)
def test_routing(given_facts, outcome, code):
    decision = assess_debt_exit(given_facts, as_of=AS_OF)
    assert decision.outcome == outcome
    assert code in codes(decision)
    assert decision.values["final"] is False


EFFECTIVE = [
    pytest.param(shenzhen(), date(2021, 2, 28), "no_channel", id="SZ-01-before-2021-03-01"),
    pytest.param(shenzhen(), date(2021, 3, 1), "shenzhen_possible", id="SZ-01-in-force-2021-03-01"),
    pytest.param(zhejiang(), date(2020, 12, 1), "no_channel", id="ZJ-01-before-guideline"),
    pytest.param(zhejiang(), date(2020, 12, 2), "zhejiang_possible", id="ZJ-01-guideline-dated"),
    pytest.param(
        DebtExitFacts(
            debtor_kind=PartyKind.NATURAL_PERSON, residence=Residence(province="35", special_zone=SpecialZone.XIAMEN)
        ),
        date(2025, 10, 31),
        "no_channel",
        id="xiamen-before-2025-11-01",
    ),
    pytest.param(
        DebtExitFacts(
            debtor_kind=PartyKind.NATURAL_PERSON, residence=Residence(province="35", special_zone=SpecialZone.XIAMEN)
        ),
        date(2025, 11, 1),
        "information_only",
        id="xiamen-in-force",
    ),
    pytest.param(
        DebtExitFacts(debtor_kind=PartyKind.NATURAL_PERSON, residence=Residence(province="32")),
        AS_OF,
        "information_only",
        id="jiangsu-pilot",
    ),
    pytest.param(
        DebtExitFacts(debtor_kind=PartyKind.NATURAL_PERSON, residence=Residence(province="11")),
        AS_OF,
        "no_channel",
        id="no-pilot-elsewhere",
    ),
]


@pytest.mark.parametrize(("given_facts", "as_of", "outcome"), EFFECTIVE)
def test_effective_dates_and_other_pilots(given_facts, as_of, outcome):
    assert assess_debt_exit(given_facts, as_of=as_of).outcome == outcome


def test_xiamen_before_force_is_told_as_not_yet():
    decision = assess_debt_exit(EFFECTIVE[4].values[0], as_of=date(2025, 10, 31))
    assert listed(decision, "information")["info.xiamen_not_yet_in_force"]["in_force"] is False
    assert decision.values["channels"] == ()


@pytest.mark.parametrize(
    ("as_of", "counselling"),
    [
        pytest.param(date(2022, 4, 30), False, id="SZ-03-before-2022-05"),
        pytest.param(date(2022, 5, 1), True, id="SZ-03-since-2022-05"),
    ],
)
def test_SZ_03_pre_application_counselling(as_of, counselling):
    procedure = listed(assess_debt_exit(shenzhen(), as_of=as_of), "procedure")
    assert ("sz03.pre_application_counselling" in procedure) is counselling


def test_SZ_04_exempt_property_cap_is_shown_only_as_unconfirmed():
    decision = assess_debt_exit(shenzhen(), as_of=AS_OF)
    keep = listed(decision, "keep")
    assert keep["sz04.necessities"]["status"] == "S"
    cap = keep["sz04.total_cap"]
    assert (cap["status"], cap["amount_yuan"], cap["unconfirmed"]) == ("M", Decimal("200000"), True)
    assert "sz04.total_cap" in decision.values["uncertain"]


def test_SZ_05_SZ_06_SZ_07_procedure():
    debts = (*BROKE.debts, Debt(Decimal("5000"), DebtCause.SUPPORT_MAINTENANCE))
    decision = assess_debt_exit(shenzhen(finances=dataclasses.replace(BROKE, debts=debts)), as_of=AS_OF)
    procedure = listed(decision, "procedure")
    assert "sz05.premium_travel" in procedure["sz05.restrictions"]["items"]
    assert procedure["sz06.inspection_period"]["years"] == 3
    assert "sz06.monthly_reporting" in procedure
    assert procedure["sz07.non_dischargeable"] == {
        "code": "sz07.non_dischargeable",
        "rule": "SZ-07",
        "status": "M",
        "present": ("support_maintenance",),
    }
    assert decision.values["referral"]["shenzhen"] == "refer.shenzhen_intermediate_court"


def test_SZ_02_creditor_petition_is_liquidation_only_unconfirmed():
    decision = assess_debt_exit(
        shenzhen(petitioner=Petitioner.CREDITOR, petitioning_claims=Decimal("800000")), as_of=AS_OF
    )
    assert listed(decision, "procedure")["sz02.liquidation_only"]["status"] == "M"
    assert "sz03.pre_application_counselling" not in listed(decision, "procedure")


def test_ZJ_03_ZJ_04_ZJ_05_what_zhejiang_demands():
    decision = assess_debt_exit(zhejiang(), as_of=AS_OF)
    assert listed(decision, "keep") == {
        "zj03.necessities_standard": {"code": "zj03.necessities_standard", "rule": "ZJ-03", "status": "S"}
    }
    assert "zj04.integrity_undertaking" in decision.values["must_prove"]
    assert listed(decision, "procedure")["zj05.voting_rules"]["status"] == "M"
    assert decision.criterion("zhejiang.court_case").reasons[0].params["stage"] == "zhongben"


def test_ZP_02_ZP_03_ZP_05_company_referral():
    decision = assess_debt_exit(company(cases=(EnforcementCase(CaseStage.ZHONGBEN),)), as_of=AS_OF)
    assert decision.values["referral"] == {"company": "refer.intermediate_court_of_debtor_domicile"}
    assert dict(decision.values["decision_clock"]) == {
        "clock": "zzp_acceptance",
        "days": 30,
        "rule": "ZP-03",
        "status": "P",
    }
    procedure = listed(decision, "procedure")
    assert procedure["zp05.refer_at_zhongben"]["status"] == "M"
    assert procedure["zp03.returned_if_not_accepted"]["days"] == 7


def test_ZP_04_no_consent_rests_on_the_primary_text():
    nobody = company(applicant_consents=False, company_consents=False)
    criterion = assess_debt_exit(nobody, as_of=AS_OF).criterion("company.written_consent")
    assert criterion.state is Met.NOT_MET and criterion.rule.id == "ZP-04"


def test_the_same_household_and_finances_feed_both_screenings():
    debt_exit = assess_debt_exit(shenzhen(), as_of=AS_OF)
    relief = assess_judicial_relief(ReliefFacts(household=HOUSEHOLD, finances=BROKE), as_of=AS_OF)
    assert debt_exit.criterion("shenzhen.insolvency").state is Met.MET
    assert relief.values["household_per_capita_income"] == Decimal("1500.00")


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES])
def test_rules_are_registered(rule):
    assert rules.rule(rule.id) == rule


# --- properties ------------------------------------------------------------------------------------

answers = st.one_of(st.none(), st.booleans())
months = st.one_of(st.none(), st.integers(0, 120))
provinces = st.sampled_from([None, "11", "32", "33", "35", "44"])
signs = st.builds(BadFaithSigns, hidden_assets=answers, transferred_assets=answers, fabricated_debts=answers)
debts = st.lists(
    st.builds(
        Debt,
        amount=st.decimals(min_value=0, max_value=10**7, places=2),
        cause=st.one_of(st.none(), st.sampled_from(DebtCause)),
        matured=answers,
    ),
    max_size=3,
)
exit_facts = st.builds(
    DebtExitFacts,
    debtor_kind=st.one_of(st.none(), st.sampled_from(PartyKind)),
    petitioner=st.sampled_from(Petitioner),
    residence=st.builds(
        Residence,
        province=provinces,
        hukou_province=provinces,
        special_zone=st.one_of(st.none(), st.sampled_from(SpecialZone)),
    ),
    contributions=st.builds(
        Contributions, shenzhen_social_insurance=months, zhejiang_social_insurance=months, zhejiang_income_tax=months
    ),
    finances=st.builds(
        Finances,
        assets_value=st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=2)),
        debts=debts.map(tuple),
        can_pay_due_debts=answers,
        assets_insufficient=answers,
        obviously_unable_to_pay=answers,
    ),
    cases=st.lists(
        st.builds(
            EnforcementCase,
            stage=st.sampled_from(CaseStage),
            province=provinces,
            basic_level_court=answers,
            court_of_domicile_or_property=answers,
        ),
        max_size=2,
    ).map(tuple),
    bad_faith=signs,
    petitioning_claims=st.one_of(st.none(), st.decimals(min_value=0, max_value=10**7, places=2)),
    company_consents=answers,
    applicant_consents=answers,
)
dates = st.dates(min_value=date(2019, 1, 1), max_value=date(2030, 12, 31))


@given(exit_facts, st.sampled_from(list(BadFaithSigns.__dataclass_fields__)), dates)
def test_a_bad_faith_sign_never_improves_the_outcome(given_facts, sign, as_of):
    before = assess_debt_exit(given_facts, as_of=as_of).outcome
    worse = dataclasses.replace(given_facts, bad_faith=dataclasses.replace(given_facts.bad_faith, **{sign: True}))
    assert RANK[assess_debt_exit(worse, as_of=as_of).outcome] <= RANK[before]


@given(exit_facts, dates)
def test_every_reason_cites_a_registered_rule_and_nothing_is_final(given_facts, as_of):
    decision = assess_debt_exit(given_facts, as_of=as_of)
    assert decision.outcome in RANK and decision.values["final"] is False
    for reason in decision.all_reasons:
        assert rules.rule(reason.rule_id) == reason.rule
    for item in (*decision.values["keep"], *decision.values["procedure"]):
        assert rules.rule(item["rule"])
    if decision.outcome.endswith("_possible"):
        assert decision.values["channels"] and decision.values["must_prove"]
