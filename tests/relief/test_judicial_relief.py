"""State judicial relief screening (rulebook section 5): one table row per rule id and item, plus properties."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relief import rules
from relief.judicial_relief import OUTCOMES, RULES, WageFigure, WageTable, assess_judicial_relief, hedge_code
from relief.outcomes import Met, Status
from relief.screening_facts import (
    CompensationRoute,
    Finances,
    Household,
    PartyKind,
    RefusalGrounds,
    ReliefCategory,
    ReliefFacts,
)

AS_OF = date(2026, 11, 22)


def facts(**changes) -> ReliefFacts:
    """A support claimant whose case ended in 终本, hardship certified, no refusal ground: likely eligible."""
    base = ReliefFacts(
        applicant_kind=PartyKind.NATURAL_PERSON,
        category=ReliefCategory.SUPPORT_MAINTENANCE,
        route=CompensationRoute.ZHONGBEN,
        in_hardship=True,
        hardship_certified=True,
        relieved_before_for_case=False,
        relieved_by_other_body=False,
        refusal=RefusalGrounds.none(),
        court_province="44",
        amount_awarded=Decimal("60000"),
        household=Household(size=3, able_to_work=1, employed=0, monthly_income=Decimal("1500")),
    )
    return dataclasses.replace(base, **changes)


def guangdong(annual: str = "120000", year: int = 2025, published: str = "2026-05") -> WageFigure:
    """A made-up figure for tests only: the seed file holds no province figure."""
    return WageFigure(
        region="44", year=year, annual_yuan=Decimal(annual), measure="test", source="test", published=published
    )


def refused(**grounds) -> RefusalGrounds:
    return dataclasses.replace(RefusalGrounds.none(), **grounds)


def codes(decision) -> list[str]:
    return [reason.code for reason in decision.all_reasons]


def rank(outcome: str) -> int:
    return OUTCOMES.index(outcome)


def row(case_id: str, outcome: str, code: str, **changes):
    """One table row: the base facts with ``changes``, the outcome and a code the decision must carry."""
    return pytest.param(facts(**changes), outcome, code, id=case_id)


LIKELY, POSSIBLY, NOT = "likely_eligible", "possibly_eligible", "not_eligible"
ORG = PartyKind.ENTERPRISE_LEGAL_PERSON
Route, Category = CompensationRoute, ReliefCategory
# One rule per row reads as a table; the formatter would spread each row over six lines.
# fmt: off
ELIGIBILITY = [
    row("JZ-01-hardship-certified", LIKELY, "jz01.hardship.certified"),
    row("JZ-01-hardship-unproven", POSSIBLY, "jz01.hardship.unproven", hardship_certified=None),
    row("JZ-01-no-hardship", NOT, "jz01.hardship.none", in_hardship=False),
    row("JZ-01-hardship-unanswered", POSSIBLY, "jz01.hardship.unanswered", in_hardship=None),
    row("JZ-01-partial-recovery", LIKELY, "jz01.uncompensated.partial_recovery", route=Route.PARTIAL_RECOVERY),
    row("JZ-01-fully-recovered", NOT, "jz01.uncompensated.fully_recovered", route=Route.FULLY_RECOVERED),
    row("JZ-01-litigation-first", NOT, "jz01.uncompensated.litigation_first", route=Route.LITIGATION_AVAILABLE),
    row("JZ-01-enforcement-pending", POSSIBLY, "jz01.uncompensated.enforcement_pending",
        route=Route.ENFORCEMENT_PENDING),
    row("JZ-02-1-injured", LIKELY, "jz02.category.crime_victim_injured",
        category=Category.CRIME_VICTIM_INJURED, route=Route.OFFENDER_DEAD_OR_UNABLE),
    row("JZ-02-2-life-danger", LIKELY, "jz02.category.crime_victim_life_danger",
        category=Category.CRIME_VICTIM_LIFE_DANGER),
    row("JZ-02-3-dependants", LIKELY, "jz02.category.deceased_victim_dependant",
        category=Category.DECEASED_VICTIM_DEPENDANT),
    row("JZ-02-4-property-loss", LIKELY, "jz02.category.crime_property_loss", category=Category.CRIME_PROPERTY_LOSS),
    row("JZ-02-5-retaliation", LIKELY, "jz02.category.retaliation", category=Category.RETALIATION),
    row("JZ-02-6-support", LIKELY, "jz02.category.support_maintenance"),
    row("JZ-02-7-tort", LIKELY, "jz02.category.personal_injury_tort", category=Category.PERSONAL_INJURY_TORT),
    row("JZ-02-7-traffic", LIKELY, "jz02.category.traffic_accident", category=Category.TRAFFIC_ACCIDENT),
    row("JZ-02-8-other", POSSIBLY, "jz02.category.other", category=Category.OTHER),
    row("JZ-02-unanswered", POSSIBLY, "jz02.category.unanswered", category=None),
    row("JZ-03-1-fault", NOT, "jz03.fault", refusal=refused(fault=True)),
    row("JZ-03-2-refused-cooperation", NOT, "jz03.refused_cooperation", refusal=refused(refused_cooperation=True)),
    row("JZ-03-3-false-evidence", NOT, "jz03.false_evidence", refusal=refused(false_evidence=True)),
    row("JZ-03-4-waived", NOT, "jz03.waived_compensation", refusal=refused(waived_compensation=True)),
    row("JZ-03-5-unrelated", NOT, "jz03.hardship_unrelated", refusal=refused(hardship_unrelated=True)),
    row("JZ-03-6-compensated", NOT, "jz03.already_compensated", refusal=refused(already_compensated=True)),
    row("JZ-03-6-social-assistance", NOT, "jz03.social_assistance", refusal=refused(social_assistance=True)),
    row("JZ-03-7-organisation-M-only", POSSIBLY, "jz03.organisation", applicant_kind=ORG),
    row("JZ-03-7-organisation-plus-S-ground", NOT, "jz03.organisation", applicant_kind=ORG,
        refusal=refused(fault=True)),
    row("JZ-03-unanswered", POSSIBLY, "jz03.waived_compensation.unanswered", refusal=RefusalGrounds(fault=False)),
    row("JZ-08-once-only", NOT, "jz08.once_only.already_relieved", relieved_before_for_case=True),
    row("JZ-08-police-or-procuratorate", NOT, "jz08.once_only.other_body", relieved_by_other_body=True),
    row("JZ-08-unanswered", POSSIBLY, "jz08.once_only.unanswered", relieved_before_for_case=None),
]
# fmt: on


@pytest.mark.parametrize(("given_facts", "outcome", "code"), ELIGIBILITY)
def test_eligibility(given_facts, outcome, code):
    decision = assess_judicial_relief(given_facts, as_of=AS_OF)
    assert decision.outcome == outcome
    assert code in codes(decision)


def test_organisation_rests_on_an_unconfirmed_rule_and_goes_to_review():
    decision = assess_judicial_relief(facts(applicant_kind=PartyKind.OTHER_ORGANISATION), as_of=AS_OF)
    criterion = decision.criterion("natural_person")
    assert criterion.state is Met.NOT_MET
    assert criterion.rule.status is Status.UNCONFIRMED
    assert decision.values["review"] == ("natural_person",)
    assert "jz03.item7.unconfirmed" in decision.values["uncertain"]


@pytest.mark.parametrize(
    ("category", "extra"),
    [
        pytest.param(ReliefCategory.RETALIATION, "jz02.item5.unconfirmed", id="JZ-02-5-spc-wording"),
        pytest.param(ReliefCategory.SUPPORT_MAINTENANCE, "jz02.item6.unconfirmed", id="JZ-02-6-spc-wording"),
        pytest.param(ReliefCategory.TRAFFIC_ACCIDENT, "jz02.item7.unconfirmed", id="JZ-02-7-spc-wording"),
    ],
)
def test_items_with_unconfirmed_spc_wording_are_flagged(category, extra):
    uncertain = assess_judicial_relief(facts(category=category), as_of=AS_OF).values["uncertain"]
    assert extra in uncertain
    assert "jz04.secondary" in uncertain and "jz09.unconfirmed" in uncertain


CAPS = [
    pytest.param(facts(), None, None, "jz04.cap.no_wage_figure", id="JZ-04-no-wage-figure"),
    pytest.param(facts(court_province=None), None, None, "jz04.cap.no_court_province", id="JZ-04-no-province"),
    pytest.param(
        facts(court_province="national"),
        None,
        None,
        "jz04.cap.no_court_province",
        id="JZ-04-national-is-not-a-province",
    ),
    pytest.param(
        facts(amount_awarded=Decimal("500000")),
        Decimal("360000.00"),
        "wage",
        "jz04.cap.wage_bound",
        id="JZ-04-wage-bound",
    ),
    pytest.param(facts(), Decimal("60000.00"), "amount_owed", "jz04.cap.amount_owed_bound", id="JZ-04-owed-bound"),
    pytest.param(
        facts(amount_awarded=Decimal("500000"), amount_unenforced=Decimal("45000.50")),
        Decimal("45000.50"),
        "amount_owed",
        "jz04.cap.amount_owed_bound",
        id="JZ-04-unenforced-bound",
    ),
    pytest.param(
        facts(amount_awarded=None),
        Decimal("360000.00"),
        "wage",
        "jz04.cap.amount_owed_unknown",
        id="JZ-04-amount-unknown",
    ),
]


@pytest.mark.parametrize(("given_facts", "cap", "bound", "code"), CAPS)
def test_cap(given_facts, cap, bound, code):
    wages = WageTable.seeded([guangdong()]) if cap is not None else None
    decision = assess_judicial_relief(given_facts, as_of=AS_OF, wages=wages)
    assert decision.values["cap"] == cap
    assert decision.values["cap_bound"] == bound
    assert code in codes(decision)
    assert {"jz04.cap.local_lower_caps", "jz04.cap.court_sets_amount"} <= set(codes(decision))
    assert decision.values["cap_formula"]["months"] == 36


def test_no_figure_states_the_formula_and_never_a_number():
    decision = assess_judicial_relief(facts(), as_of=AS_OF)
    reason = next(r for r in decision.reasons if r.code == "jz04.cap.no_wage_figure")
    assert dict(reason.params) == {"months": 36, "province": "44", "year": 2025}
    assert decision.values["cap"] is None
    assert decision.values["national_wage_reference"]["annual_yuan"] == Decimal("120698.00")


@pytest.mark.parametrize(
    ("as_of", "cap"),
    [
        pytest.param(date(2026, 5, 31), None, id="JZ-04-not-yet-published"),
        pytest.param(date(2026, 6, 1), Decimal("60000.00"), id="JZ-04-published"),
        pytest.param(date(2027, 6, 1), None, id="JZ-04-previous-year-only"),
    ],
)
def test_cap_uses_only_the_previous_year_figure_once_published(as_of, cap):
    decision = assess_judicial_relief(facts(), as_of=as_of, wages=WageTable([guangdong()]))
    assert decision.values["cap"] == cap


def test_monthly_figure_is_quantised_to_the_fen():
    figure = WageFigure(
        region="44", year=2025, monthly_yuan=Decimal("8333.33"), measure="t", source="t", published="2026-03-15"
    )
    decision = assess_judicial_relief(facts(amount_awarded=None), as_of=AS_OF, wages=WageTable([figure]))
    assert decision.values["cap"] == Decimal("299999.88")


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"annual_yuan": 120000.0}, id="float"),
        pytest.param({"annual_yuan": Decimal(1), "monthly_yuan": Decimal(1)}, id="both"),
        pytest.param({"annual_yuan": Decimal(1), "published": "2026"}, id="bad-date"),
    ],
)
def test_wage_figure_rejects(bad):
    row = {"region": "44", "year": 2025, "measure": "t", "source": "t", "published": "2026-05", **bad}
    with pytest.raises((TypeError, ValueError)):
        WageFigure(**row)


def test_one_figure_per_region_and_year():
    with pytest.raises(ValueError):
        WageTable([guangdong(), guangdong("130000")])


EVIDENCE = [
    pytest.param(ReliefCategory.SUPPORT_MAINTENANCE, {"jz05.relationship"}, {"jz05.harm.injury"}, id="JZ-05-support"),
    pytest.param(ReliefCategory.TRAFFIC_ACCIDENT, {"jz05.harm.injury"}, {"jz05.relationship"}, id="JZ-05-injury"),
    pytest.param(
        ReliefCategory.DECEASED_VICTIM_DEPENDANT,
        {"jz05.harm.death_certificate", "jz05.relationship"},
        set(),
        id="JZ-05-death",
    ),
    pytest.param(ReliefCategory.CRIME_PROPERTY_LOSS, {"jz05.harm.property_loss"}, set(), id="JZ-05-property"),
    pytest.param(None, {"jz05.harm.general"}, set(), id="JZ-05-unknown-category"),
]


@pytest.mark.parametrize(("category", "present", "absent"), EVIDENCE)
def test_evidence(category, present, absent):
    evidence = assess_judicial_relief(facts(category=category), as_of=AS_OF).values["evidence"]
    always = {"jz05.application_form", "jz05.id_document", "jz05.hardship_certificate", "jz05.compensation_statement"}
    assert always | present <= set(evidence)
    assert not absent & set(evidence)


def test_JZ_06_relatives_of_a_deceased_victim_apply_jointly():
    decision = assess_judicial_relief(facts(category=ReliefCategory.DECEASED_VICTIM_DEPENDANT), as_of=AS_OF)
    assert {"jz06.apply_to_case_court", "jz06.relatives_apply_jointly"} <= set(codes(decision))


def test_JZ_07_decision_clock():
    clock = assess_judicial_relief(facts(), as_of=AS_OF).values["decision_clock"]
    assert (clock["clock"], clock["working_days"], clock["status"]) == ("relief_decision", 10, "S")


def test_JZ_09_claim_survives_with_a_hedge():
    decision = assess_judicial_relief(facts(), as_of=AS_OF)
    reason = next(r for r in decision.reasons if r.code == "jz09.claim_survives")
    assert reason.rule.status is Status.UNCONFIRMED
    assert "jz08.deducted_on_recovery" in codes(decision)


def test_shared_household_feeds_the_certificate_figures():
    decision = assess_judicial_relief(facts(), as_of=AS_OF)
    assert decision.values["household_per_capita_income"] == Decimal("500.00")
    assert decision.values["rules_version"] == "2026-11-01"


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES])
def test_rules_are_registered(rule):
    assert rules.rule(rule.id) is rule or rules.rule(rule.id) == rule


def test_hedge_codes():
    assert hedge_code(rules.rule("JZ-03-7")) == "jz03.item7.unconfirmed"
    assert hedge_code(rules.rule("JZ-04")) == "jz04.secondary"


# --- properties ------------------------------------------------------------------------------------

answers = st.one_of(st.none(), st.booleans())
amounts = st.one_of(st.none(), st.decimals(min_value=0, max_value=10_000_000, places=2))
refusals = st.builds(RefusalGrounds, **{name: answers for name in RefusalGrounds.__dataclass_fields__})
relief_facts = st.builds(
    ReliefFacts,
    applicant_kind=st.one_of(st.none(), st.sampled_from(PartyKind)),
    category=st.one_of(st.none(), st.sampled_from(ReliefCategory)),
    route=st.one_of(st.none(), st.sampled_from(CompensationRoute)),
    in_hardship=answers,
    hardship_certified=answers,
    relieved_before_for_case=answers,
    relieved_by_other_body=answers,
    refusal=refusals,
    court_province=st.sampled_from([None, "44", "33", "national"]),
    amount_awarded=amounts,
    amount_unenforced=amounts,
    household=st.builds(Household, size=st.one_of(st.none(), st.integers(0, 12)), monthly_income=amounts),
    finances=st.just(Finances()),
)
figures = st.builds(
    WageFigure,
    region=st.just("44"),
    year=st.just(2025),
    measure=st.just("t"),
    source=st.just("t"),
    published=st.just("2026-01"),
    annual_yuan=st.decimals(min_value=1, max_value=1_000_000, places=2),
)


@given(relief_facts, figures)
def test_cap_never_exceeds_the_amount_owed(given_facts, figure):
    values = assess_judicial_relief(given_facts, as_of=AS_OF, wages=WageTable([figure])).values
    owed = [a for a in (given_facts.amount_awarded, given_facts.amount_unenforced) if a is not None]
    if values["cap"] is not None and owed:
        assert values["cap"] <= min(owed)
    if values["cap"] is not None:
        assert values["cap"] == values["cap"].quantize(Decimal("0.01"))


@given(relief_facts, st.sampled_from(list(RefusalGrounds.__dataclass_fields__)))
def test_a_refusal_ground_never_improves_the_outcome(given_facts, ground):
    before = assess_judicial_relief(given_facts, as_of=AS_OF).outcome
    worse = dataclasses.replace(given_facts, refusal=dataclasses.replace(given_facts.refusal, **{ground: True}))
    after = assess_judicial_relief(worse, as_of=AS_OF).outcome
    assert rank(after) <= rank(before)
    assert after == "not_eligible"


@given(relief_facts)
def test_every_reason_cites_a_registered_rule(given_facts):
    decision = assess_judicial_relief(given_facts, as_of=AS_OF)
    assert decision.outcome in OUTCOMES
    for reason in decision.all_reasons:
        assert rules.rule(reason.rule_id) == reason.rule
        assert reason.code == reason.code.lower() and " " not in reason.code
    for criterion in decision.criteria:
        assert criterion.reasons
