from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import CaseLink, PartyRole
from tests import factories
from tests.factories import APPLICANT_ID, OTHER_ID


@pytest.fixture()
def setup(client, session):
    applicant = factories.person("陈思远", resident_id=APPLICANT_ID)
    case = factories.case(applicant=applicant, number="（2023）粤0304执1234号", codes={"applicant": "K7M2-Q9PX"})
    user = factories.citizen()
    factories.sign_in(client, user)
    return user, case


def _link(client, number="（2023）粤0304执1234号", id_number=APPLICANT_ID, code="K7M2-Q9PX", confirm="y"):
    data = {"case_number": number, "id_number": id_number, "access_code": code}
    if confirm:
        data["confirm_party"] = confirm
    return client.post("/accounts/link-case", data=data)


@pytest.mark.parametrize(
    "number",
    ["（2023）粤0304执1234号", "(2023)粤0304执1234号", " ( 2023 ) 粤 0304 执 1234 号 ", "(2023)粤0304执1234"],
    ids=["full-width", "half-width", "stray-spaces", "no-hao"],
)
def test_linking_accepts_the_case_number_however_it_is_typed(client, setup, number):
    user, case = setup
    response = _link(client, number=number, code="k7m2q9px")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/cases/{case.id}")
    assert db.session.query(CaseLink).filter_by(user_id=user.id).count() == 1
    assert user.id_masked.startswith("110105")
    assert APPLICANT_ID not in user.id_masked


def test_linking_twice_keeps_one_link(client, setup):
    _link(client)
    assert _link(client).status_code == 302
    assert db.session.query(CaseLink).count() == 1


@pytest.mark.parametrize(
    ("override", "field_message_en"),
    [
        ({"number": "2023粤执1234"}, "Enter the case number as printed on your notice"),
        ({"number": ""}, "Enter the case number."),
        ({"id_number": "11010519491231002"}, "A resident identity number has 18 characters."),
        ({"id_number": "110105194912310021"}, "This identity number is not valid"),
        ({"id_number": "110105194913310021"}, "The date of birth in this identity number is not valid."),
        ({"code": ""}, "Enter the access code from your notice."),
        ({"confirm": None}, "Confirm that you are a party to this case."),
    ],
    ids=["bad-number", "no-number", "short-id", "bad-check-digit", "bad-birth-date", "no-code", "not-confirmed"],
)
def test_malformed_input_is_named_field_by_field_and_links_nothing(client, setup, override, field_message_en):
    client.get("/language/en")
    response = _link(client, **override)
    assert response.status_code == 400
    assert field_message_en in response.get_data(as_text=True)
    assert db.session.query(CaseLink).count() == 0


@pytest.mark.parametrize(
    "override",
    [{"code": "WRNG-CODE"}, {"id_number": OTHER_ID}, {"number": "（2023）粤0304执9999号"}],
    ids=["wrong-code", "someone-elses-id", "unknown-case"],
)
def test_a_wrong_combination_never_says_which_part_was_wrong(client, setup, override):
    client.get("/language/en")
    body = _link(client, **override).get_data(as_text=True)
    assert "We could not match these details to a case." in body
    assert db.session.query(CaseLink).count() == 0


def test_one_account_cannot_take_a_second_identity(client, setup):
    _link(client)
    other = factories.person("别人", resident_id=OTHER_ID)
    factories.case(applicant=other, number="（2023）粤0304执2222号", codes={"applicant": "AAAA-BBBB"})
    response = _link(client, number="（2023）粤0304执2222号", id_number=OTHER_ID, code="AAAA-BBBB")
    assert response.status_code == 400
    assert db.session.query(CaseLink).count() == 1


def test_the_debtors_code_does_not_link_the_applicant_side(client, session):
    debtor = factories.person("刘建国", resident_id=APPLICANT_ID)
    factories.case(
        debtor=debtor, number="（2023）粤0304执3333号", codes={"debtor": "DDDD-EEEE", "applicant": "AAAA-AAAA"}
    )
    factories.sign_in(client, factories.citizen())
    response = _link(client, number="（2023）粤0304执3333号", code="DDDD-EEEE")
    assert response.status_code == 302
    link = db.session.query(CaseLink).one()
    assert link.case_party.role is PartyRole.DEBTOR


def test_linking_is_rate_limited_per_account(app, client, setup, monkeypatch):
    from portal.extensions import limiter

    monkeypatch.setitem(app.config, "LINK_RATE_LIMIT", "5 per hour")
    limiter.reset()
    try:
        statuses = [_link(client, code="WRNG-CODE").status_code for _ in range(7)]
    finally:
        limiter.reset()
    assert statuses[:5] == [400] * 5
    assert statuses[5:] == [429, 429]
