from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from portal.models import CaseStatus, EventKind, PartyRole, RestrictionKind
from tests import factories

COMPLIANT = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.NOTICE_SERVED, date(2023, 3, 6)),
    (EventKind.REPORT_ORDER, date(2023, 3, 6)),
    (EventKind.ONLINE_SEARCH, date(2023, 3, 15)),
    (EventKind.CONSUMPTION_ORDER, date(2023, 3, 25)),
    (EventKind.ONSITE_INVESTIGATION, date(2023, 4, 20)),
    (EventKind.APPLICANT_INTERVIEW, date(2023, 7, 1)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
    (EventKind.ONLINE_SEARCH, date(2024, 1, 10)),
]


@pytest.fixture()
def applicant_case(client, session, app):
    app.config["FIXED_TODAY"] = "2025-03-01"
    user = factories.citizen(resident_id=factories.APPLICANT_ID)
    case = factories.case(events=COMPLIANT)
    factories.link(user, case, PartyRole.APPLICANT)
    factories.sign_in(client, user)
    yield case
    app.config.pop("FIXED_TODAY")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", ["终本", "五项条件", "下次查询"]),
        ("en", ["Did the court meet the five conditions", "The court's searches after closing the case", "Overdue"]),
    ],
)
def test_applicant_sees_status_conditions_and_searches_in_both_languages(client, applicant_case, lang, expected):
    client.get(f"/language/{lang}")
    response = client.get(f"/cases/{applicant_case.id}")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    for text in expected:
        assert text in body
    assert applicant_case.number in body
    # Five conditions and the applicant interview, each with a state.
    assert body.count('id="condition-') == 6


@pytest.mark.parametrize(
    ("consumption_order", "state"),
    [(date(2023, 8, 1), "Not met"), (None, "Not recorded")],
    ids=["ordered-after-ruling", "never-recorded"],
)
def test_a_missing_condition_is_flagged_with_the_objection_route(client, session, app, consumption_order, state):
    app.config["FIXED_TODAY"] = "2025-03-01"
    try:
        user = factories.citizen()
        events = [e for e in COMPLIANT if e[0] is not EventKind.CONSUMPTION_ORDER]
        if consumption_order:
            events.append((EventKind.CONSUMPTION_ORDER, consumption_order))
        case = factories.case(events=events)
        factories.link(user, case, PartyRole.APPLICANT)
        factories.sign_in(client, user)
        client.get("/language/en")
        body = client.get(f"/cases/{case.id}").get_data(as_text=True)
    finally:
        app.config.pop("FIXED_TODAY")
    section = body.split('id="condition-consumption_order_and_listing"')[1].split("</li>")[0]
    assert state in section
    assert 'id="objection"' in body
    assert "You can object in writing" in body


def test_an_unlinked_user_gets_404_not_403(client, session):
    case = factories.case(events=COMPLIANT)
    factories.sign_in(client, factories.citizen())
    assert client.get(f"/cases/{case.id}").status_code == 404
    assert client.get(f"/cases/{case.id}/obligations").status_code == 404


def test_the_applicant_cannot_open_the_debtor_page(client, applicant_case):
    assert client.get(f"/cases/{applicant_case.id}/obligations").status_code == 404


def test_staff_and_anonymous_users_cannot_open_case_pages(client, session):
    case = factories.case(events=COMPLIANT)
    assert client.get(f"/cases/{case.id}").status_code == 302  # to sign in
    factories.sign_in(client, factories.staff())
    assert client.get(f"/cases/{case.id}").status_code == 403


@pytest.fixture()
def debtor_case(client, session, app):
    app.config["FIXED_TODAY"] = "2024-01-15"
    user = factories.citizen(resident_id=factories.DEBTOR_ID)
    events = [*COMPLIANT[:-1], (EventKind.PAYMENT, date(2023, 5, 1), Decimal("20000.00"))]
    case = factories.case(events=events, principal=Decimal("100000.00"), performance_deadline=date(2023, 1, 15))
    factories.restriction(case, RestrictionKind.CONSUMPTION, date(2023, 3, 25))
    factories.restriction(case, RestrictionKind.DISHONEST, date(2023, 4, 1), ground=4, term_years=2)
    factories.link(user, case, PartyRole.DEBTOR)
    factories.sign_in(client, user)
    yield case
    app.config.pop("FIXED_TODAY")


def test_debtor_sees_the_amount_computed_by_relief_to_the_fen(client, debtor_case):
    from relief.interest import Payment, late_interest

    expected = late_interest(
        Decimal("100000.00"),
        date(2023, 1, 15),
        [Payment(date(2023, 5, 1), Decimal("20000.00"))],
        as_of=date(2024, 1, 15),
    ).values["total_outstanding"]
    client.get("/language/en")
    body = client.get(f"/cases/{debtor_case.id}/obligations").get_data(as_text=True)
    assert f"{expected:,.2f}" in body
    assert "Consumption restriction" in body
    assert "Listed as a dishonest debtor" in body


def test_debtor_page_in_chinese(client, debtor_case):
    client.get("/language/zh")
    response = client.get(f"/cases/{debtor_case.id}")  # a debtor is sent to their own page
    assert response.status_code == 302
    body = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "限高" in body or "限制消费" in body
    assert "¥" in body


def test_a_concluded_case_shows_its_status(client, session):
    user = factories.citizen()
    case = factories.case(status=CaseStatus.ONGOING, events=COMPLIANT[:3])
    factories.link(user, case, PartyRole.APPLICANT)
    factories.sign_in(client, user)
    client.get("/language/en")
    body = client.get(f"/cases/{case.id}").get_data(as_text=True)
    assert "Enforcement in progress" in body
    assert 'id="searches"' not in body
