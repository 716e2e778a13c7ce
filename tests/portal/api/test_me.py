from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from portal.models import PartyRole
from portal.services import case_view
from relief.interest import late_interest
from tests import factories
from tests.portal.api.conftest import bearer


def test_my_cases_have_the_contract_shape_and_the_case_pages_facts(client, applicant, stranger_case):
    user, terminated, ongoing = applicant
    response = client.get("/api/v1/me/cases", headers={**bearer(user), "Accept-Language": "en"})
    assert response.status_code == 200
    cases = response.get_json()["cases"]
    assert [c["number"] for c in cases] == [ongoing.number, terminated.number]  # most recently filed first
    assert stranger_case[1].number not in {c["number"] for c in cases}
    closed = cases[1]
    assert set(closed) == {
        "number",
        "role",
        "status",
        "status_label",
        "court",
        "next_search_due",
        "conditions_unmet",
        "url",
    }
    assert closed["role"] == "applicant" and closed["status"] == "terminated"
    assert closed["status_label"] == "Terminated for now (终本)"
    assert closed["court"] == "Futian District People's Court"
    assert closed["conditions_unmet"] == ["restriction_issued"]
    assert closed["url"] == f"/cases/{terminated.id}"
    # The same next search as the case page computes (served 2023-07-14: slot 4 is due 2025-07-14).
    page = case_view.applicant_page(case_view.linked_case(user, terminated.id), today=date(2025, 3, 3))
    assert closed["next_search_due"] == page.searches.values["next_due"].isoformat() == "2025-07-14"
    assert cases[0]["status"] == "ongoing" and cases[0]["next_search_due"] is None
    assert cases[0]["conditions_unmet"] == []


def test_labels_follow_accept_language(client, applicant):
    user, *_ = applicant
    cases = client.get("/api/v1/me/cases", headers={**bearer(user), "Accept-Language": "zh"}).get_json()["cases"]
    assert "终本" in cases[1]["status_label"]
    assert cases[1]["court"] == "深圳市福田区人民法院"


def test_obligations_are_computed_by_the_interest_rule(client, debtor, applicant):
    user, case = debtor
    body = client.get("/api/v1/me/obligations", headers={**bearer(user), "Accept-Language": "en"}).get_json()
    [line] = body["debtor_cases"]
    owed = late_interest(
        Decimal("50000.00"),
        date(2024, 1, 15),
        case_view.case_facts.payments(case),
        as_of=date(2025, 3, 3),
    ).values
    assert line["number"] == case.number
    assert line["outstanding"] == f"{owed['total_outstanding']:.2f}"
    assert line["interest"] == f"{owed['interest_outstanding']:.2f}"
    assert Decimal(line["outstanding"]) > Decimal("40000.00") and Decimal(line["interest"]) > 0
    assert line["restrictions"] == [
        {"kind": "consumption", "label": line["restrictions"][0]["label"], "since": "2024-03-01"}
    ]
    assert line["restrictions"][0]["label"]
    assert line["url"] == f"/cases/{case.id}/obligations"
    # An applicant owes nothing.
    applicant_user = applicant[0]
    assert client.get("/api/v1/me/obligations", headers=bearer(applicant_user)).get_json() == {"debtor_cases": []}


def test_a_debtor_sees_their_case_with_the_debtor_role(client, debtor):
    user, case = debtor
    [line] = client.get("/api/v1/me/cases", headers=bearer(user)).get_json()["cases"]
    assert line["role"] == "debtor" and line["url"] == f"/cases/{case.id}/obligations"


@pytest.mark.parametrize("path", ["/api/v1/me/cases", "/api/v1/me/obligations"])
def test_without_a_token_nothing_is_shown(client, applicant, path):
    user, *_ = applicant
    factories.sign_in(client, user)  # a browser session is not a chat token
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 401
    error = response.get_json()["error"]
    assert error["code"] == "invalid_token" and error["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_another_users_case_is_never_visible(client, applicant, stranger_case):
    other_user, other_case = stranger_case
    numbers = [c["number"] for c in client.get("/api/v1/me/cases", headers=bearer(other_user)).get_json()["cases"]]
    assert numbers == [other_case.number]
    mine = [c["number"] for c in client.get("/api/v1/me/cases", headers=bearer(applicant[0])).get_json()["cases"]]
    assert other_case.number not in mine


def test_roles_are_separate_lines_for_a_user_on_both_sides(client, session, fixed_day):
    user = factories.citizen(resident_id=factories.APPLICANT_ID)
    case = factories.case()
    factories.link(user, case, PartyRole.APPLICANT)
    factories.link(user, case, PartyRole.DEBTOR)
    roles = [c["role"] for c in client.get("/api/v1/me/cases", headers=bearer(user)).get_json()["cases"]]
    assert roles == ["applicant", "debtor"]
