from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from portal.api.auth import create_token
from portal.extensions import db
from portal.models import Case, CaseEvent, CaseLink
from tests import factories
from tests.factories import APPLICANT_ID
from tests.portal.imports.conftest import APPLICANT_CODE, NUMBER, record

NOW = datetime(2026, 11, 1, tzinfo=UTC)
PATH = "/api/v1/cases/" + quote("(2024)粤0304执8801号")


def _token(court_id=None, scope="cases:write") -> str:
    return create_token("cms", court_id=court_id, scope=scope, now=NOW)[1]


def _put(client, body, token=None, path=PATH, language="en"):
    headers = {"Accept-Language": language}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return client.put(path, json=body, headers=headers)


def test_a_case_is_created_then_unchanged_then_updated(client, court):
    token = _token()
    first = _put(client, record(), token)
    assert first.status_code == 201
    assert first.get_json() == {"case": NUMBER, "result": "created"}
    again = _put(client, record(), token)
    assert (again.status_code, again.get_json()["result"]) == (200, "unchanged")
    changed = _put(client, record(events=[{"kind": "filed", "on": "2024-03-04"}]), token)
    assert (changed.status_code, changed.get_json()["result"]) == (200, "updated")
    assert db.session.scalar(select(func.count()).select_from(CaseEvent)) == 1


def test_the_number_may_come_from_the_path_alone(client, court):
    body = {k: v for k, v in record().items() if k != "number"}
    response = _put(client, body, _token(), path="/api/v1/cases/" + quote("（2024）粤0304执8801"))
    assert response.status_code == 201
    assert db.session.scalar(select(Case.number)) == NUMBER


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer zbp_not-a-token", "Basic dXNlcjpwYXNz"])
def test_without_a_valid_token_the_answer_is_401(client, court, header):
    headers = {"Authorization": header} if header else {}
    response = client.put(PATH, json=record(), headers={**headers, "Accept-Language": "en"})
    assert response.status_code == 401
    assert response.get_json()["error"] == {"code": "invalid_token", "message": "A valid API token is required."}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert db.session.scalar(select(func.count()).select_from(Case)) == 0


def test_a_revoked_token_is_refused(client, court):
    item, raw = create_token("old", court_id=None, scope="cases:write", now=NOW)
    item.revoked_at = NOW
    assert _put(client, record(), raw).status_code == 401


def test_a_token_without_the_scope_is_forbidden(client, court):
    response = _put(client, record(), _token(scope="queue:read"))
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "insufficient_scope"


def test_a_token_of_another_court_is_forbidden_even_for_a_bad_body(client, court):
    other = factories.court("浙0102", "33")
    token = _token(court_id=other.id)
    assert _put(client, record(), token).get_json()["error"]["code"] == "wrong_court"
    assert _put(client, {"principal": -1}, token).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Case)) == 0
    assert _put(client, record(), _token(court_id=court.id)).status_code == 201


def test_an_invalid_body_is_named_field_by_field(client, court):
    body = record(principal="-1", number="（2024）粤0304执9999号")
    body["parties"][0]["id_number"] = APPLICANT_ID[:-1] + "1"
    response = _put(client, body, _token())
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert (error["code"], error["message"]) == ("invalid_record", "The case record is not valid.")
    assert {(f["field"], f["code"]) for f in error["fields"]} == {
        ("principal", "negative"),
        ("number", "number_mismatch"),
        ("parties[0].id_number", "bad_check_digit"),
    }
    assert "The amount cannot be negative." in [f["message"] for f in error["fields"]]
    assert APPLICANT_ID[:-1] not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Case)) == 0


def test_a_body_that_is_not_json_is_invalid(client, court):
    response = client.put(PATH, data="{", headers={"Authorization": f"Bearer {_token()}"})
    assert response.status_code == 400
    assert [(f["field"], f["code"]) for f in response.get_json()["error"]["fields"]] == [("record", "not_an_object")]


def test_the_imported_access_code_lets_the_citizen_link_the_case(client, court):
    token = _token()
    assert _put(client, record(), token).status_code == 201
    factories.sign_in(client, factories.citizen())
    data = {"case_number": NUMBER, "id_number": APPLICANT_ID, "access_code": "ABCD-EFGH", "confirm_party": "y"}
    assert client.post("/accounts/link-case", data=data).status_code == 400
    data["access_code"] = APPLICANT_CODE.lower()
    assert client.post("/accounts/link-case", data=data).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(CaseLink)) == 1


def test_a_reissued_code_replaces_the_old_one(client, court):
    token = _token()
    _put(client, record(), token)
    body = record()
    body["parties"][0]["access_code"] = "NEW2-CODE"
    assert _put(client, body, token).get_json()["result"] == "updated"
    factories.sign_in(client, factories.citizen())
    data = {"case_number": NUMBER, "id_number": APPLICANT_ID, "access_code": APPLICANT_CODE, "confirm_party": "y"}
    assert client.post("/accounts/link-case", data=data).status_code == 400
    data["access_code"] = "NEW2-CODE"
    assert client.post("/accounts/link-case", data=data).status_code == 302


def test_the_openapi_document_describes_the_endpoint(client):
    document = client.get("/api/v1/openapi.json").get_json()
    operation = document["paths"]["/cases/{number}"]["put"]
    assert set(operation["responses"]) >= {"200", "201", "400", "401", "403"}
    assert "CaseRecord" in document["components"]["schemas"]
