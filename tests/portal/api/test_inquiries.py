from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Court, HistoryEntry, OutboxEvent, StaffRole, Submission, SubmissionKind
from tests import factories
from tests.portal.api.conftest import bearer

TRANSCRIPT = [
    {"from": "user", "text": "转人工"},
    {"from": "bot", "text": "好的，请写下您想对工作人员说的话。"},
]


def _inquiry(**extra) -> dict:
    return {
        "transcript": TRANSCRIPT,
        "language": "zh",
        "case_number": None,
        "message": "法院什么时候再查财产？",
        **extra,
    }


def test_an_inquiry_lands_in_the_queue_of_the_users_case_court(client, applicant, monkeypatch):
    user, terminated, _ongoing = applicant
    body = _inquiry(case_number=terminated.number)
    response = client.post("/api/v1/inquiries", json=body, headers=bearer(user))
    assert response.status_code == 201
    answer = response.get_json()
    submission = db.session.query(Submission).one()
    assert answer == {"reference": submission.reference, "answer_by": "2025-03-05"}  # Monday + 2 working days
    assert submission.kind is SubmissionKind.INQUIRY and submission.clock == "inquiry_answer"
    assert submission.case_id == terminated.id and submission.court_id == terminated.court_id
    assert submission.submitter_id == user.id and submission.language == "zh"
    assert submission.answers["message"] == "法院什么时候再查财产？"
    assert "转人工" in submission.answers["conversation"]
    assert db.session.query(HistoryEntry).filter_by(submission_id=submission.id).count() == 1
    assert db.session.query(OutboxEvent).filter_by(topic="submission.received").count() == 1
    # The court's intake clerk sees it in the queue, with the message and the conversation.
    clerk = factories.staff(StaffRole.INTAKE_CLERK, terminated.court)
    factories.sign_in(client, clerk)
    client.get("/language/zh")
    queue = client.get("/court/queue?kind=inquiry").get_data(as_text=True)
    assert submission.reference in queue
    item = client.get(f"/court/items/{submission.id}").get_data(as_text=True)
    assert "法院什么时候再查财产？" in item and "转人工" in item


def test_anyone_may_send_one_without_a_case_link(client, applicant, stranger_case):
    _user, other_case = stranger_case
    # Not signed in, naming somebody's case: the case is not linked, the default court gets it.
    response = client.post("/api/v1/inquiries", json=_inquiry(case_number=other_case.number, language="en"))
    assert response.status_code == 201
    submission = db.session.query(Submission).one()
    assert submission.case_id is None and submission.submitter_id is None
    assert submission.court_id == db.session.query(Court).order_by(Court.id).first().id
    assert submission.language == "en" and "Citizen: 转人工" in submission.answers["conversation"]


def test_a_signed_in_user_naming_a_case_not_theirs_gets_no_link(client, applicant, stranger_case):
    user, *_ = applicant
    client.post("/api/v1/inquiries", json=_inquiry(case_number=stranger_case[1].number), headers=bearer(user))
    assert db.session.query(Submission).one().case_id is None


def test_the_default_court_is_configurable(client, session, fixed_day, app, monkeypatch):
    factories.court()
    other = factories.court(code="浙0106", province="33")
    monkeypatch.setitem(app.config, "INQUIRY_DEFAULT_COURT", "浙0106")
    client.post("/api/v1/inquiries", json=_inquiry())
    assert db.session.query(Submission).one().court_id == other.id


def test_a_bad_token_is_refused_even_though_a_token_is_optional(client, applicant):
    response = client.post("/api/v1/inquiries", json=_inquiry(), headers={"Authorization": "Bearer zbc_forged"})
    assert response.status_code == 401
    assert db.session.query(Submission).count() == 0


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"transcript": []}, ["message"]),
        ({"message": "   "}, ["message"]),
        ({"message": "x" * 2001}, ["message"]),
        (
            {"message": "hi", "transcript": [{"from": "judge", "text": "x"}, {"from": "user", "text": 3}]},
            ["transcript[0].from", "transcript[1].text"],
        ),
        ({"message": "hi", "transcript": "all of it"}, ["transcript"]),
        ({"message": "hi", "language": "fr", "case_number": 12}, ["language", "case_number"]),
    ],
    ids=["no-message", "blank-message", "long-message", "bad-lines", "transcript-not-list", "language-and-case"],
)
def test_bad_input_is_a_400_naming_the_fields_and_changes_nothing(client, applicant, body, fields):
    response = client.post("/api/v1/inquiries", json=body, headers={"Accept-Language": "en"})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_request"
    assert sorted(f["field"] for f in error["fields"]) == sorted(fields)
    assert db.session.query(Submission).count() == 0


def test_openapi_describes_the_assistants_endpoints(client, session):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path in ("/me/cases", "/me/obligations", "/drafts", "/inquiries"):
        assert path in spec["paths"]
    assert "chatToken" in spec["components"]["securitySchemes"]
    assert spec["paths"]["/inquiries"]["post"]["responses"]["201"]
