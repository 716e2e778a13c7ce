from __future__ import annotations

import pytest

from portal.extensions import db
from portal.models import User
from tests import factories


def test_register_creates_a_citizen_and_signs_in(client, session):
    response = client.post(
        "/accounts/register",
        data={
            "display_name": "王芳",
            "email": "Wang@Example.com ",
            "password": "a long enough one",
            "confirm": "a long enough one",
        },
    )
    assert response.status_code == 302
    user = db.session.query(User).filter_by(email="wang@example.com").one()
    assert user.password_hash.startswith("$argon2")
    assert client.get("/accounts/").status_code == 200


@pytest.mark.parametrize(
    ("data", "message_zh", "message_en"),
    [
        (
            {"display_name": "", "email": "a@b.test", "password": "x" * 12, "confirm": "x" * 12},
            "请填写您的姓名",
            "Enter your name.",
        ),
        (
            {"display_name": "A", "email": "not-an-email", "password": "x" * 12, "confirm": "x" * 12},
            "邮箱地址",
            "Enter an email address like",
        ),
        (
            {"display_name": "A", "email": "a@b.test", "password": "short", "confirm": "short"},
            "10",
            "Use between 10 and 200 characters.",
        ),
        (
            {"display_name": "A", "email": "a@b.test", "password": "x" * 12, "confirm": "y" * 12},
            "两次",
            "The passwords differ.",
        ),
    ],
    ids=["no-name", "bad-email", "short-password", "passwords-differ"],
)
def test_register_rejects_bad_input_in_both_languages(client, session, data, message_zh, message_en):
    for lang, message in (("zh", message_zh), ("en", message_en)):
        client.get(f"/language/{lang}")
        response = client.post("/accounts/register", data=data)
        assert response.status_code == 400
        assert message in response.get_data(as_text=True)
    assert db.session.query(User).count() == 0


def test_register_refuses_a_taken_email(client, session):
    factories.citizen("taken@example.com")
    response = client.post(
        "/accounts/register",
        data={"display_name": "A", "email": "TAKEN@example.com", "password": "x" * 12, "confirm": "x" * 12},
    )
    assert response.status_code == 400
    assert db.session.query(User).count() == 1


def test_sign_in_with_a_wrong_password_says_so_without_naming_which_part(en_client, session):
    user = factories.citizen("someone@example.com")
    response = en_client.post("/accounts/sign-in", data={"email": user.email, "password": "wrong password"})
    assert response.status_code == 400
    assert "The email address or password is not right." in response.get_data(as_text=True)
    unknown = en_client.post("/accounts/sign-in", data={"email": "nobody@example.com", "password": "wrong password"})
    assert unknown.get_data(as_text=True).count("The email address or password is not right.") == 1


def test_sign_in_does_not_redirect_off_site(client, session):
    user = factories.citizen()
    response = client.post(
        "/accounts/sign-in?next=//evil.example/", data={"email": user.email, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/accounts/"


def test_pages_for_citizens_send_anonymous_users_to_sign_in(client, session):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert "/accounts/sign-in" in response.headers["Location"]


def test_staff_cannot_use_the_citizen_dashboard(client, session):
    factories.sign_in(client, factories.staff())
    assert client.get("/accounts/").status_code == 403


def test_staff_need_a_second_factor_when_required(app, client, session, monkeypatch):
    import pyotp

    monkeypatch.setitem(app.config, "STAFF_TOTP_REQUIRED", True)
    staff = factories.staff()
    staff.totp_secret = pyotp.random_base32()
    db.session.commit()
    response = client.post("/accounts/sign-in", data={"email": staff.email, "password": factories.PASSWORD})
    assert response.headers["Location"].startswith("/accounts/verify-code")
    assert client.get("/court/queue").status_code == 302  # not signed in yet
    assert client.post("/accounts/verify-code", data={"code": "000000"}).status_code == 400
    code = pyotp.TOTP(staff.totp_secret).now()
    assert client.post("/accounts/verify-code", data={"code": code}).status_code == 302
    assert client.get("/court/queue").status_code == 200


def test_a_staff_member_without_an_enrolled_factor_cannot_sign_in_when_required(app, client, session, monkeypatch):
    monkeypatch.setitem(app.config, "STAFF_TOTP_REQUIRED", True)
    staff = factories.staff()
    client.post("/accounts/sign-in", data={"email": staff.email, "password": factories.PASSWORD})
    assert client.post("/accounts/verify-code", data={"code": "123456"}).status_code == 400
