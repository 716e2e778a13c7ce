from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import Draft, Submission
from portal.services import chat_drafts
from portal.submissions.fields import field_names
from portal.submissions.forms_applicant import CLUE_DETAIL_FORMS
from tests import factories
from tests.portal.api.conftest import bearer

CLUE = {
    "kind": "property_clue",
    "case_number": None,
    "answers": {"clue_type": "vehicle", "details": "他有辆宝马，车牌粤B12345", "plate": "粤b12345", "language": "zh"},
}


def test_a_clue_draft_opens_the_prefilled_web_form(client, applicant):
    user, _terminated, ongoing = applicant
    response = client.post("/api/v1/drafts", json=CLUE, headers=bearer(user))
    assert response.status_code == 201
    url = response.get_json()["url"]
    draft = db.session.query(Draft).one()
    assert url == f"/submissions/drafts/{draft.token}/details"
    assert response.get_json() == {"url": url, "case_number": ongoing.number}  # the case, and nothing more of it
    assert draft.user_id == user.id and draft.case_id == ongoing.id  # the most recent case, shown on the form
    assert draft.answers["clue_type"] == "vehicle" and draft.answers["plate"] == "粤B12345"
    assert db.session.query(Submission).count() == 0  # nothing is filed from the chat
    # The same draft continues on the web, for the signed-in user, with the plate filled in.
    factories.sign_in(client, user)
    page = client.get(url)
    assert page.status_code == 200
    assert 'value="粤B12345"' in page.get_data(as_text=True)


def test_the_named_case_is_used_and_a_second_call_resumes_the_same_draft(client, applicant):
    user, terminated, _ongoing = applicant
    body = {**CLUE, "case_number": "(2023)粤0304执1001号"}  # half-width brackets, normalised
    first = client.post("/api/v1/drafts", json=body, headers=bearer(user)).get_json()
    second = client.post("/api/v1/drafts", json=body, headers=bearer(user)).get_json()
    assert first == second
    assert first["case_number"] == terminated.number == "（2023）粤0304执1001号"
    assert db.session.query(Draft).one().case_id == terminated.id
    # the same draft told about another kind of clue keeps nothing of the first one's page
    other = {**body, "answers": {"clue_type": "real_estate", "details": "南山区某小区3栋"}}
    client.post("/api/v1/drafts", json=other, headers=bearer(user))
    answers = db.session.query(Draft).one().answers
    assert answers["clue_type"] == "real_estate" and answers["address"] == "南山区某小区3栋"
    assert "plate" not in answers


def test_what_the_chat_recognised_opens_prefilled_on_the_bank_page(client, applicant):
    user, _terminated, _ongoing = applicant
    details = "他在工商银行深圳科技园支行有个账户，卡号6222 0212 3456 7890 123"
    answers = {
        "clue_type": "bank_account",
        "details": details,
        "bank_name": "工商银行",
        "branch": "深圳科技园支行",
        "account_number": "6222 0212 3456 7890 123",
        "plate": "粤B12345",  # not a field of the bank page: ignored
        "language": "zh",
    }
    body = {"kind": "property_clue", "answers": answers}
    url = client.post("/api/v1/drafts", json=body, headers=bearer(user)).get_json()["url"]
    draft = db.session.query(Draft).one()
    assert {k: draft.answers.get(k) for k in ("bank_name", "branch", "account_number", "plate")} == {
        "bank_name": "工商银行",
        "branch": "深圳科技园支行",
        "account_number": "6222021234567890123",  # normalised as the form does
        "plate": None,
    }
    factories.sign_in(client, user)
    page = client.get(url).get_data(as_text=True)
    for value in ("工商银行", "深圳科技园支行", "6222021234567890123"):
        assert f'value="{value}"' in page


def test_recognised_fields_and_the_whole_text_fill_the_equity_and_transfer_pages(client, applicant):
    user, _terminated, _ongoing = applicant
    equity = {
        "clue_type": "equity",
        "details": "他是深圳市腾飞科技有限公司的股东，占30%",
        "company_name": "深圳市腾飞科技有限公司",
        "share": "30%",
        "credit_code": "91440300MA5F0ABC1X",  # not a valid code: kept as given, for the form to question
    }
    url = client.post("/api/v1/drafts", json={"kind": "property_clue", "answers": equity}, headers=bearer(user))
    draft = db.session.query(Draft).one()
    assert draft.answers["company_name"] == "深圳市腾飞科技有限公司" and draft.answers["share"] == "30%"
    assert draft.answers["credit_code"] == "91440300MA5F0ABC1X"
    factories.sign_in(client, user)
    page = client.get(url.get_json()["url"]).get_data(as_text=True)
    assert 'value="深圳市腾飞科技有限公司"' in page and 'value="30%"' in page
    db.session.delete(draft)
    db.session.flush()

    transfer = {
        "clue_type": "transfer",
        "details": "他把房子过户给了他老婆",
        "recipient": "他老婆",
        "relationship": "老婆",
    }
    client.post("/api/v1/drafts", json={"kind": "property_clue", "answers": transfer}, headers=bearer(user))
    answers = db.session.query(Draft).one().answers
    assert answers["recipient"] == "他老婆" and answers["relationship"] == "老婆"
    assert answers["asset"] == "他把房子过户给了他老婆"  # the whole text stays in the free-text field


def test_a_resumption_request_goes_to_the_terminated_case(client, applicant):
    user, terminated, _ongoing = applicant
    body = {"kind": "resumption_request", "answers": {"details": "他在南山区有一套房子", "language": "zh"}}
    response = client.post("/api/v1/drafts", json=body, headers=bearer(user))
    assert response.status_code == 201
    draft = db.session.query(Draft).one()
    assert draft.case_id == terminated.id and draft.answers["property_found"] == "他在南山区有一套房子"
    assert response.get_json()["url"] == f"/submissions/drafts/{draft.token}/property"


def test_resumption_of_a_case_still_ongoing_is_refused(client, applicant):
    user, _terminated, ongoing = applicant
    body = {"kind": "resumption_request", "case_number": ongoing.number, "answers": {"details": "一套房子"}}
    response = client.post("/api/v1/drafts", json=body, headers={**bearer(user), "Accept-Language": "en"})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "kind_not_allowed"


def test_another_users_case_cannot_be_named(client, applicant, stranger_case):
    user, *_ = applicant
    body = {**CLUE, "case_number": stranger_case[1].number}
    response = client.post("/api/v1/drafts", json=body, headers={**bearer(user), "Accept-Language": "en"})
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "case_not_found"
    assert db.session.query(Draft).count() == 0


def test_a_user_without_cases_is_told_to_link_one(client, session, fixed_day):
    user = factories.citizen()
    response = client.post("/api/v1/drafts", json=CLUE, headers={**bearer(user), "Accept-Language": "zh"})
    assert response.status_code == 404
    error = response.get_json()["error"]
    assert error["code"] == "no_case" and "关联" in error["message"]


def test_without_a_token_no_draft_is_made(client, applicant):
    response = client.post("/api/v1/drafts", json=CLUE)
    assert response.status_code == 401
    assert db.session.query(Draft).count() == 0


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, ["kind"]),
        ({"kind": "objection"}, ["kind"]),
        ({"kind": "property_clue", "answers": {"clue_type": "yacht"}}, ["answers.clue_type"]),
        (
            {"kind": "property_clue", "answers": {"details": "x" * 4001, "plate": 12}},
            ["answers.details", "answers.plate"],
        ),
        ({"kind": "property_clue", "answers": "vehicle"}, ["answers"]),
        (
            {"kind": "property_clue", "answers": {"bank_name": ["工行"], "account_number": "1" * 301}},
            ["answers.bank_name", "answers.account_number"],
        ),
        (
            {"kind": "property_clue", "case_number": ["a"], "answers": {"language": "fr"}},
            ["case_number", "answers.language"],
        ),
        ([1, 2], ["body"]),
    ],
    ids=[
        "empty",
        "wrong-kind",
        "unknown-clue-type",
        "too-long-and-wrong-type",
        "answers-not-object",
        "recognised-fields",
        "case-and-language",
        "not-an-object",
    ],
)
def test_bad_input_is_a_400_naming_the_fields(client, applicant, body, fields):
    response = client.post("/api/v1/drafts", json=body, headers={**bearer(applicant[0]), "Accept-Language": "en"})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_request" and error["message"]
    assert sorted(f["field"] for f in error["fields"]) == sorted(fields)
    assert all(f["message"] for f in error["fields"])
    assert db.session.query(Draft).count() == 0


def test_a_body_that_is_not_json_is_a_400(client, applicant):
    response = client.post("/api/v1/drafts", data="kind=property_clue", headers=bearer(applicant[0]))
    assert response.status_code == 400


def test_every_field_the_chat_may_fill_is_on_its_clue_page():
    for clue_type, names in chat_drafts.CLUE_FIELDS.items():
        form = CLUE_DETAIL_FORMS[clue_type]
        assert set(names) <= set(field_names(form)), clue_type
        assert chat_drafts.DETAILS_FIELD.get(clue_type) not in names  # the whole text has its own field


def test_openapi_describes_the_recognised_fields_and_the_case_in_the_answer(client, session):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    answers = schemas["ChatDraftRequest"]["properties"]["answers"]["properties"]
    assert {"bank_name", "account_number", "plate", "company_name", "employer_name", "recipient"} <= set(answers)
    assert schemas["ChatDraft"]["required"] == ["url", "case_number"]
