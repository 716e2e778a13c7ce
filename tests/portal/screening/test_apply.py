"""From a result to a formal application: known case facts, access to one's own case only, the court queue."""

from __future__ import annotations

from datetime import date

import pytest

from portal.extensions import db
from portal.models import HistoryEntry, OutboxEvent, StaffRole, Submission, SubmissionKind
from portal.services import queue
from tests import factories
from tests.portal.screening.conftest import ELIGIBLE, INELIGIBLE, SHENZHEN, page, screen
from tests.portal.submissions.conftest import photo

CASE_FACTS = ("route", "court_province", "amount_owed", "category")


def test_a_linked_case_fills_in_what_the_court_knows(client, applicant):
    _user, case = applicant
    asked = screen(client, "judicial-relief", ELIGIBLE, case_id=case.id)
    assert not set(asked) & set(CASE_FACTS)
    check = page(client, "/screening/judicial-relief/check")
    assert f"From the court's record of case {case.number}" in check
    assert "CN¥100,000.00" in check  # still owed: the principal, nothing paid
    result = page(client, "/screening/judicial-relief/result")
    assert 'data-outcome="likely_eligible"' in result
    assert "Relief is never more than what you are owed: CN¥100,000.00." in result


def test_the_case_page_links_to_the_screening_with_the_case_chosen(client, applicant):
    _user, case = applicant
    client.get("/language/en")
    body = page(client, f"/cases/{case.id}")
    assert f'href="/screening/judicial-relief?case_id={case.id}"' in body
    start = page(client, f"/screening/judicial-relief?case_id={case.id}")
    assert f'value="{case.id}" checked' in start


def test_a_debtor_case_fills_in_the_enforcement_case(client, debtor):
    _user, case = debtor
    asked = screen(
        client,
        "debt-exit",
        {**SHENZHEN, "residence_province": "33", "hukou": "yes", "case_local": "yes"},
        case_id=case.id,
    )
    assert "has_enforcement_case" not in asked and "case_local" in asked


def _apply(client, slug, case_id):
    response = client.post(f"/screening/{slug}/apply", data={"case_id": str(case_id)})
    assert response.status_code == 302, response.status_code
    return response.headers["Location"]


def test_an_application_reaches_the_queue_with_its_files_and_due_date(client, applicant, fixed_day):
    _user, case = applicant
    screen(client, "judicial-relief", ELIGIBLE, case_id=case.id)
    step = _apply(client, "judicial-relief", case.id)
    assert step.endswith("/relief")
    body = page(client, step)
    assert 'name="screening_outcome"' not in body  # recorded fields are read-only text, not inputs
    assert "2026-11-01" in body and "On your answers, you are likely to qualify" in body
    situation = "我一个人抚养两个孩子，被执行人一直不付抚养费，我们已经交不起房租了。"
    response = client.post(
        step,
        data={
            "situation": situation,
            "compensation_received": "没有",
            "screening_outcome": "not_eligible",
            "rules_version": "forged",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    evidence = response.headers["Location"]
    assert evidence.endswith("/evidence")
    assert "the certificate of hardship" in page(client, evidence)
    response = client.post(
        evidence, data={"continue": "1", "files": [photo("certificate.jpg")]}, content_type="multipart/form-data"
    )
    assert response.status_code == 302
    check = response.headers["Location"]
    text = page(client, check)
    assert "certificate.jpg" in text and "Version of the rules that decided it" in text
    assert client.post(check).status_code == 302
    submission = db.session.query(Submission).one()
    assert submission.kind is SubmissionKind.RELIEF_APPLICATION
    assert submission.clock == "relief_decision"
    # JZ-07: 10 working days from Thursday 2025-09-25, across the National Day holiday (HF-00).
    assert submission.due_on == date(2025, 10, 15)
    assert [a.original_name for a in submission.attachments] == ["certificate.jpg"]
    # The screening's record cannot be changed by posting over it.
    assert submission.answers["screening_outcome"] == "likely_eligible"
    assert submission.answers["rules_version"] == "2026-11-01"
    assert submission.answers["screened_on"] == "2025-09-25"
    assert "urgent_hardship=met" in submission.answers["criteria_states"]
    assert "jz05.hardship_certificate" in submission.answers["evidence_checklist"]
    assert db.session.query(HistoryEntry).filter_by(submission_id=submission.id).count() == 1
    assert db.session.query(OutboxEvent).filter_by(topic="submission.received").count() == 1
    officer = factories.staff(StaffRole.RELIEF_OFFICER, case.court)
    listed = queue.page(officer, queue.QueueFilters(kind=SubmissionKind.RELIEF_APPLICATION), today=fixed_day)
    assert [item.id for item in listed.items] == [submission.id]


def test_a_debt_exit_referral_has_no_court_clock(client, debtor, fixed_day):
    _user, case = debtor
    screen(client, "debt-exit", SHENZHEN, case_id=case.id)
    step = _apply(client, "debt-exit", case.id)
    response = client.post(
        step, data={"situation": "经营失败欠下供应商货款，已经无力偿还，收入只够基本生活。", "integrity": "y"}
    )
    assert response.status_code == 302
    response = client.post(response.headers["Location"], data={"continue": "1"}, content_type="multipart/form-data")
    client.post(response.headers["Location"])
    submission = db.session.query(Submission).one()
    assert submission.kind is SubmissionKind.DEBT_EXIT_REFERRAL
    assert submission.clock is None and submission.due_on is None
    assert submission.answers["screening_outcome"] == "shenzhen_possible"
    assert submission.answers["integrity"] is True


def test_the_declaration_is_required(client, debtor):
    _user, case = debtor
    screen(client, "debt-exit", SHENZHEN, case_id=case.id)
    step = _apply(client, "debt-exit", case.id)
    response = client.post(step, data={"situation": "经营失败欠下供应商货款，已经无力偿还，收入只够基本生活。"})
    assert response.status_code == 400
    assert "Confirm the declaration to continue." in response.get_data(as_text=True)


# --- access control -------------------------------------------------------------------------------


def test_a_citizen_can_apply_only_on_their_own_case(client, applicant):
    _user, _case = applicant
    stranger_case = factories.case()
    screen(client, "judicial-relief", ELIGIBLE)
    assert client.post("/screening/judicial-relief/apply", data={"case_id": str(stranger_case.id)}).status_code == 404
    assert client.post("/screening/judicial-relief/apply", data={"case_id": "x"}).status_code == 404
    assert client.post("/screening/judicial-relief", data={"case_id": str(stranger_case.id)}).status_code == 404
    assert db.session.query(Submission).count() == 0


def test_the_applicant_of_a_case_cannot_ask_for_its_debtor_referral(client, applicant):
    _user, case = applicant
    screen(client, "debt-exit", SHENZHEN)
    assert client.post("/screening/debt-exit/apply", data={"case_id": str(case.id)}).status_code == 404


def test_an_ineligible_result_offers_no_application(client, applicant):
    _user, case = applicant
    screen(client, "judicial-relief", INELIGIBLE, case_id=case.id)
    assert 'id="apply-form"' not in page(client, "/screening/judicial-relief/result")
    assert client.post("/screening/judicial-relief/apply", data={"case_id": str(case.id)}).status_code == 400
    assert db.session.query(Submission).count() == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_anyone_can_screen_but_applying_needs_an_account(client, session, lang):
    screen(client, "judicial-relief", ELIGIBLE, lang=lang)
    result = page(client, "/screening/judicial-relief/result")
    assert "/accounts/sign-in?next=/screening/judicial-relief/result" in result
    response = client.post("/screening/judicial-relief/apply", data={"case_id": "1"})
    assert response.status_code == 302 and "/accounts/sign-in" in response.headers["Location"]


def test_staff_cannot_apply(client, session):
    staff = factories.staff(StaffRole.HANDLER)
    factories.sign_in(client, staff)
    assert client.post("/screening/judicial-relief/apply", data={"case_id": "1"}).status_code in (302, 403)
