"""Every kind in the registry can be filed end to end by the party it is for, and only by that party."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portal.extensions import db
from portal.models import Submission, SubmissionKind
from portal.submissions.kinds import KINDS
from tests import factories
from tests.portal.submissions.conftest import walk

APPLICANT_KINDS = {
    "resumption_request": (
        [{"property_found": "他名下新买了一套房，在福田区某小区", "how_found": "朋友告诉我"}],
        "clue_verify",
    ),
    "objection": (
        [
            {
                "target": "termination",
                "conditions": ["investigation_exhausted"],
                "served_on": "2025-09-20",
                "grounds": "法院没有做现场调查就终本了",
            }
        ],
        "objection_ruling",
    ),
    "inaction_complaint": (
        [{"last_action_on": "2024-01-10", "what_happened": "一年多没有任何进展，法官电话也打不通"}],
        "complaint_log",
    ),
    "reward_notice_request": (
        [{"reward": "执行到位金额的10%", "publication": "platform", "undertaking": "y"}],
        "reward_decision",
    ),
}

DEBTOR_KINDS = {
    "property_report": (
        [
            {"report_type": "supplementary", "changed_on": "2025-09-20"},
            {"income": "新工作，每月工资6000元", "truthful": "y"},
        ],
        None,
    ),
    "dishonest_correction": (
        [{"ground": "should_be_deleted", "explanation": "我已于2025年8月全部还清"}],
        "dishonest_correction_review",
    ),
    "restriction_lifting": (
        [{"restriction": "consumption", "basis": "paid_in_full", "explanation": "已全部履行"}],
        None,
    ),
    "urgent_travel": (
        [
            {
                "reason": "illness",
                "travel_on": "2025-09-27",
                "destination": "北京",
                "means": "flight",
                "explanation": "母亲病危",
            }
        ],
        "urgent_travel",
    ),
}


def test_the_registry_covers_every_citizen_kind():
    filed_elsewhere = {SubmissionKind.RELIEF_APPLICATION, SubmissionKind.DEBT_EXIT_REFERRAL}
    assert set(KINDS) | filed_elsewhere == set(SubmissionKind)
    # Inquiries come from the assistant (tests/portal/api/test_inquiries.py), from anyone.
    # Relief applications and debt-exit referrals start from a screening (tests/portal/screening/test_apply.py).
    screened = {"relief_application", "debt_exit_referral"}
    assert {k.value for k in KINDS} == set(APPLICANT_KINDS) | set(DEBTOR_KINDS) | {
        "property_clue",
        "inquiry",
    } | screened


@pytest.mark.parametrize("kind", sorted(APPLICANT_KINDS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_applicant_files_each_kind(client, applicant, fixed_day, kind, lang):
    _user, case = applicant
    pages, clock = APPLICANT_KINDS[kind]
    check = walk(client, case.id, kind, pages, lang=lang)
    assert client.post(check).status_code == 302
    submission = db.session.query(Submission).one()
    assert submission.kind.value == kind and submission.clock == clock
    assert submission.court_id == case.court_id
    assert client.get(f"/submissions/{submission.reference}").status_code == 200


@pytest.mark.parametrize("kind", sorted(DEBTOR_KINDS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_debtor_files_each_kind(client, debtor, fixed_day, kind, lang):
    _user, case = debtor
    pages, clock = DEBTOR_KINDS[kind]
    check = walk(client, case.id, kind, pages, lang=lang)
    assert client.post(check).status_code == 302
    submission = db.session.query(Submission).one()
    assert submission.clock == clock
    if clock is None:
        assert submission.due_on is None


def test_the_correction_request_is_reviewed_within_15_days(client, debtor, fixed_day):
    _user, case = debtor
    client.post(walk(client, case.id, "dishonest_correction", DEBTOR_KINDS["dishonest_correction"][0]))
    assert db.session.query(Submission).one().due_on == date(2025, 10, 10)


@pytest.mark.parametrize("kind", sorted(DEBTOR_KINDS))
def test_an_applicant_cannot_file_debtor_kinds(client, applicant, kind):
    _user, case = applicant
    assert client.get(f"/submissions/new/{kind}/{case.id}").status_code == 404


@pytest.mark.parametrize("kind", ["property_clue", *sorted(APPLICANT_KINDS)])
def test_a_debtor_cannot_file_applicant_kinds(client, debtor, kind):
    _user, case = debtor
    assert client.get(f"/submissions/new/{kind}/{case.id}").status_code == 404


def test_nobody_files_on_a_case_they_are_not_linked_to(client, session, upload_dir):
    case = factories.case()
    factories.sign_in(client, factories.citizen())
    assert client.get(f"/submissions/new/property_clue/{case.id}").status_code == 404


def test_resumption_needs_a_terminated_case(client, session, upload_dir):
    from portal.models import CaseStatus, PartyRole

    user = factories.citizen()
    case = factories.case(status=CaseStatus.ONGOING)
    factories.link(user, case, PartyRole.APPLICANT)
    factories.sign_in(client, user)
    assert client.get(f"/submissions/new/resumption_request/{case.id}").status_code == 400


def test_unknown_kinds_and_steps_are_404(client, applicant):
    _user, case = applicant
    assert client.get(f"/submissions/new/no_such_kind/{case.id}").status_code == 404
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    assert client.get(start.rsplit("/", 1)[0] + "/no_such_step").status_code == 404


def test_someone_elses_draft_is_404(client, applicant):
    _user, case = applicant
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    client.post("/accounts/sign-out")
    factories.sign_in(client, factories.citizen())
    assert client.get(start).status_code == 404


def test_objection_is_prefilled_with_the_unmet_conditions(client, applicant):
    _user, case = applicant
    client.get("/language/en")
    start = client.get(f"/submissions/new/objection/{case.id}").headers["Location"]
    page = client.get(start).get_data(as_text=True)
    # The terminated case in the fixture has no consumption order: condition 2 is ticked for the user.
    assert re.search(r'<input checked[^>]*value="consumption_order_and_listing"', page)
    assert not re.search(r'<input checked[^>]*value="filed_more_than_3_months"', page)


def test_a_draft_resumes_where_it_was_left(client, applicant):
    _user, case = applicant
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    client.post(start, data={"clue_type": "vehicle"})
    again = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    assert again == start
    assert re.search(r'<input checked[^>]*value="vehicle"', client.get(start).get_data(as_text=True))
    assert "/submissions/" in client.get("/submissions/").get_data(as_text=True)


def test_switching_language_on_a_step_keeps_the_answers(client, applicant):
    _user, case = applicant
    client.get("/language/zh")
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    url = client.post(start, data={"clue_type": "vehicle"}).headers["Location"]
    response = client.post(url, data={"plate": "粤B12345", "vehicle": "白色宝马", "_lang": "en"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and '<html lang="en">' in body
    assert 'value="白色宝马"' in body
