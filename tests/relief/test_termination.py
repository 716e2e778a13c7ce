"""ZB-03 five conditions (+ZB-04, ZB-05, ZB-07) and the ZB-10/HF-09 objection route."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from relief.facts import TerminationFacts
from relief.outcomes import Met
from relief.termination import FIVE, assess_termination, objection_route

AS_OF = date(2024, 1, 2)
RULED = date(2023, 4, 10)

COMPLIANT = TerminationFacts(
    filing_date=date(2023, 1, 5),
    notice_served_on=date(2023, 1, 10),
    report_order_on=date(2023, 1, 10),
    report_default=True,
    report_default_sanctioned_on=date(2023, 3, 1),
    consumption_order_on=date(2023, 1, 20),
    debtor_is_minor=False,
    dishonest_ground_found=True,
    dishonest_listed_on=date(2023, 2, 1),
    online_searches=(date(2023, 1, 12), date(2023, 3, 20)),
    onsite_investigation_on=date(2023, 2, 10),
    applicant_interview_on=date(2023, 4, 1),
    debtor_whereabouts_unknown=False,
    obstruction=False,
    termination_ruled_on=RULED,
    termination_served_on=date(2023, 4, 12),
)


def codes(criterion):
    return [r.code for r in criterion.reasons]


def test_all_recorded_and_in_time_is_compliant():
    decision = assess_termination(COMPLIANT, as_of=AS_OF)
    assert decision.outcome == "compliant"
    assert [c.key for c in decision.criteria] == [*FIVE, "applicant_interview"]
    assert all(c.state is Met.MET for c in decision.criteria)
    assert decision.values["ruled_on"] == RULED
    # filed 2023-01-05: three months end 2023-04-05 (Qingming), rolled to 04-06
    assert decision.values["earliest_termination_on"] == date(2023, 4, 7)


@pytest.mark.parametrize(
    ("changes", "key", "state", "code", "outcome"),
    [
        pytest.param(
            {"notice_served_on": None},
            "notice_and_report_order",
            Met.UNKNOWN,
            "zb03.notice_and_report_order.notice_not_recorded",
            "incomplete",
            id="ZB-03-1-notice-not-recorded",
        ),
        pytest.param(
            {"notice_served_on": date(2023, 5, 1)},
            "notice_and_report_order",
            Met.NOT_MET,
            "zb03.notice_and_report_order.notice_after_ruling",
            "non_compliant",
            id="ZB-03-1-notice-after-ruling",
        ),
        pytest.param(
            {"report_order_on": None},
            "notice_and_report_order",
            Met.UNKNOWN,
            "zb03.notice_and_report_order.report_order_not_recorded",
            "incomplete",
            id="ZB-04-1-report-order-not-recorded",
        ),
        pytest.param(
            {"report_default_sanctioned_on": None},
            "notice_and_report_order",
            Met.UNKNOWN,
            "zb03.notice_and_report_order.report_default_sanctioned_not_recorded",
            "incomplete",
            id="ZB-04-3-sanction-not-recorded",
        ),
        pytest.param(
            {"report_default_sanctioned_on": date(2023, 6, 1)},
            "notice_and_report_order",
            Met.NOT_MET,
            "zb03.notice_and_report_order.report_default_sanctioned_after_ruling",
            "non_compliant",
            id="ZB-04-3-sanction-after-ruling",
        ),
        pytest.param(
            {"report_default": None},
            "notice_and_report_order",
            Met.UNKNOWN,
            "zb03.notice_and_report_order.report_default_not_recorded",
            "incomplete",
            id="ZB-04-default-not-recorded",
        ),
        pytest.param(
            {"report_default": False, "report_default_sanctioned_on": None},
            "notice_and_report_order",
            Met.MET,
            "zb03.notice_and_report_order.no_report_default",
            "compliant",
            id="ZB-04-no-default-no-sanction-needed",
        ),
        pytest.param(
            {"consumption_order_on": None},
            "consumption_order_and_listing",
            Met.UNKNOWN,
            "zb03.consumption_order_and_listing.consumption_order_not_recorded",
            "incomplete",
            id="ZB-03-2-consumption-order-not-recorded",
        ),
        pytest.param(
            {"dishonest_listed_on": None},
            "consumption_order_and_listing",
            Met.UNKNOWN,
            "zb03.consumption_order_and_listing.listing_not_recorded",
            "incomplete",
            id="ZB-03-2-listing-not-recorded",
        ),
        pytest.param(
            {"dishonest_listed_on": date(2023, 4, 11)},
            "consumption_order_and_listing",
            Met.NOT_MET,
            "zb03.consumption_order_and_listing.listing_after_ruling",
            "non_compliant",
            id="ZB-03-2-listing-after-ruling",
        ),
        pytest.param(
            {"debtor_is_minor": True, "dishonest_listed_on": None},
            "consumption_order_and_listing",
            Met.MET,
            "zb03.consumption_order_and_listing.minor_not_listable",
            "compliant",
            id="SX-04-minor-needs-only-consumption-order",
        ),
        pytest.param(
            {"debtor_is_minor": None, "dishonest_listed_on": None},
            "consumption_order_and_listing",
            Met.UNKNOWN,
            "zb03.consumption_order_and_listing.minor_not_recorded",
            "incomplete",
            id="SX-04-minor-not-recorded",
        ),
        pytest.param(
            {"dishonest_ground_found": False, "dishonest_listed_on": None},
            "consumption_order_and_listing",
            Met.MET,
            "zb03.consumption_order_and_listing.no_dishonest_ground",
            "compliant",
            id="ZB-03-2-no-ground-no-listing-needed",
        ),
        pytest.param(
            {"dishonest_ground_found": None, "dishonest_listed_on": None},
            "consumption_order_and_listing",
            Met.UNKNOWN,
            "zb03.consumption_order_and_listing.dishonest_ground_not_recorded",
            "incomplete",
            id="ZB-03-2-ground-not-recorded",
        ),
        pytest.param(
            {"online_searches": ()},
            "investigation_exhausted",
            Met.UNKNOWN,
            "zb03.investigation_exhausted.online_search_not_recorded",
            "incomplete",
            id="ZB-05-2-online-search-not-recorded",
        ),
        pytest.param(
            {"online_searches": (date(2023, 5, 1),)},
            "investigation_exhausted",
            Met.NOT_MET,
            "zb03.investigation_exhausted.no_online_search_before_ruling",
            "non_compliant",
            id="ZB-05-2-online-search-only-after-ruling",
        ),
        pytest.param(
            {"clues_unverified": 2},
            "investigation_exhausted",
            Met.NOT_MET,
            "zb03.investigation_exhausted.clues_unverified",
            "non_compliant",
            id="ZB-05-1-clues-unverified",
        ),
        pytest.param(
            {"onsite_investigation_on": None},
            "investigation_exhausted",
            Met.UNKNOWN,
            "zb03.investigation_exhausted.onsite_investigation_not_recorded",
            "incomplete",
            id="ZB-05-3-onsite-not-recorded",
        ),
        pytest.param(
            {"audit_or_reward_requested": True},
            "investigation_exhausted",
            Met.UNKNOWN,
            "zb03.investigation_exhausted.audit_or_reward_handled_not_recorded",
            "incomplete",
            id="ZB-05-5-audit-request-not-handled",
        ),
        pytest.param(
            {"audit_or_reward_requested": True, "audit_or_reward_handled_on": date(2023, 3, 1)},
            "investigation_exhausted",
            Met.MET,
            "zb03.investigation_exhausted.audit_or_reward_handled_done",
            "compliant",
            id="ZB-05-5-audit-request-handled",
        ),
        pytest.param(
            {"premises_search_on": date(2023, 3, 3)},
            "investigation_exhausted",
            Met.MET,
            "zb03.investigation_exhausted.premises_search_done",
            "compliant",
            id="ZB-05-4-premises-search-shown",
        ),
        pytest.param(
            {"termination_ruled_on": date(2023, 4, 6)},
            "filed_more_than_3_months",
            Met.NOT_MET,
            "zb03.filed_more_than_3_months.too_early",
            "non_compliant",
            id="ZB-03-4-not-met-on-rolled-last-day",
        ),
        pytest.param(
            {"termination_ruled_on": date(2023, 4, 7)},
            "filed_more_than_3_months",
            Met.MET,
            "zb03.filed_more_than_3_months.period_passed",
            "compliant",
            id="ZB-03-4-met-day-after",
        ),
        pytest.param(
            {"filing_date": None},
            "filed_more_than_3_months",
            Met.UNKNOWN,
            "zb03.filed_more_than_3_months.filing_date_not_recorded",
            "incomplete",
            id="ZB-03-4-filing-not-recorded",
        ),
        pytest.param(
            {"debtor_whereabouts_unknown": True},
            "missing_debtor_and_obstruction",
            Met.UNKNOWN,
            "zb03.missing_debtor_and_obstruction.debtor_searched_for_not_recorded",
            "incomplete",
            id="ZB-03-5-missing-debtor-not-searched",
        ),
        pytest.param(
            {"debtor_whereabouts_unknown": True, "debtor_searched_for_on": date(2023, 3, 1)},
            "missing_debtor_and_obstruction",
            Met.MET,
            "zb03.missing_debtor_and_obstruction.debtor_searched_for_done",
            "compliant",
            id="ZB-03-5-missing-debtor-searched",
        ),
        pytest.param(
            {"obstruction": True, "obstruction_sanctioned_on": date(2023, 5, 1)},
            "missing_debtor_and_obstruction",
            Met.NOT_MET,
            "zb03.missing_debtor_and_obstruction.obstruction_sanctioned_after_ruling",
            "non_compliant",
            id="ZB-03-5-obstruction-sanctioned-late",
        ),
        pytest.param(
            {"obstruction": None},
            "missing_debtor_and_obstruction",
            Met.UNKNOWN,
            "zb03.missing_debtor_and_obstruction.obstruction_not_recorded",
            "incomplete",
            id="ZB-03-5-obstruction-not-recorded",
        ),
        pytest.param(
            {"applicant_interview_on": None},
            "applicant_interview",
            Met.UNKNOWN,
            "zb07.applicant_interview.interview_not_recorded",
            "compliant",
            id="ZB-07-interview-reported-not-decisive",
        ),
        pytest.param(
            {"applicant_interview_on": date(2023, 4, 20)},
            "applicant_interview",
            Met.NOT_MET,
            "zb07.applicant_interview.interview_after_ruling",
            "compliant",
            id="ZB-07-interview-after-ruling",
        ),
    ],
)
def test_conditions(changes, key, state, code, outcome):
    decision = assess_termination(replace(COMPLIANT, **changes), as_of=AS_OF)
    criterion = decision.criterion(key)
    assert criterion.state is state
    assert code in codes(criterion)
    assert codes(criterion)[0] == f"{code.split('.')[0]}.{key}.{state.value}"
    assert decision.outcome == outcome


def test_filed_more_than_3_months_uses_month_counting():
    facts = replace(COMPLIANT, filing_date=date(2024, 5, 28), termination_ruled_on=date(2024, 8, 28))
    decision = assess_termination(facts, as_of=date(2024, 9, 1))
    reason = decision.criterion("filed_more_than_3_months").reasons[1]
    assert reason.code == "zb03.filed_more_than_3_months.too_early"
    assert reason.params["period_ends_on"] == date(2024, 8, 28)
    facts = replace(facts, termination_ruled_on=date(2024, 8, 29))
    assert assess_termination(facts, as_of=date(2024, 9, 1)).criterion("filed_more_than_3_months").state is Met.MET


def test_not_met_wins_over_unknown():
    facts = replace(COMPLIANT, notice_served_on=None, clues_unverified=1)
    assert assess_termination(facts, as_of=AS_OF).outcome == "non_compliant"


def test_without_a_ruling_the_checks_run_against_as_of():
    facts = replace(COMPLIANT, termination_ruled_on=None, termination_served_on=None)
    decision = assess_termination(facts, as_of=date(2023, 3, 15))
    assert decision.outcome == "not_terminated"
    assert decision.criterion("filed_more_than_3_months").state is Met.NOT_MET
    assert decision.values["earliest_termination_on"] == date(2023, 4, 7)
    # the 04-01 interview has not happened yet on 03-15
    assert decision.criterion("applicant_interview").state is Met.NOT_MET


def test_a_ruling_dated_after_as_of_is_not_yet_a_ruling():
    assert assess_termination(COMPLIANT, as_of=date(2023, 4, 9)).outcome == "not_terminated"


def test_objection_after_termination_has_no_time_bar_and_gets_the_clocks():
    facts = replace(COMPLIANT, clues_unverified=1)
    decision = objection_route(facts, as_of=date(2025, 9, 25))
    assert decision.outcome == "termination_measure"
    assert decision.reasons[0].code == "zb10.objection.no_fixed_time_limit"
    assert decision.reasons[0].rule_id == "ZB-10"
    assert decision.values["filing_due"].due == date(2025, 9, 28)
    assert decision.values["ruling_due"].due == date(2025, 10, 10)
    assert decision.values["review_apply_days"] == 10
    assert decision.values["grounds"] == ("investigation_exhausted",)
    # the [M] "60 days" is never invented
    assert all(60 not in r.params.values() for r in decision.reasons)


def test_objection_before_termination_is_an_ordinary_act_objection():
    decision = objection_route(replace(COMPLIANT, termination_ruled_on=None), as_of=date(2023, 3, 1))
    assert decision.outcome == "before_termination"
    assert decision.reasons[0].code == "hf09.objection.before_procedure_ends"
    assert decision.values["grounds"] == ()


def test_online_searches_are_stored_sorted():
    facts = TerminationFacts(online_searches=[date(2023, 3, 1), date(2023, 1, 1)])
    assert facts.online_searches == (date(2023, 1, 1), date(2023, 3, 1))


def test_negative_clue_count_is_refused():
    with pytest.raises(ValueError):
        TerminationFacts(clues_unverified=-1)
