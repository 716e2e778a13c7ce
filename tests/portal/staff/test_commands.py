"""An administrator creates a staff account and enrols its second factor; the staff member can then sign in."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pyotp
import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import StaffRole, User
from tests import factories

PASSWORD = "a-long-staff-password"


@pytest.fixture()
def runner(app, session):
    factories.court()
    return app.test_cli_runner()


def _create(runner, email="clerk@court.test", *extra):
    return runner.invoke(
        args=[
            "staff",
            "create",
            email,
            "--court",
            "粤0304",
            "--role",
            "intake_clerk",
            "--name",
            "王书记员",
            "--password",
            PASSWORD,
            *extra,
        ]
    )


def _secret(output: str) -> str:
    uri = re.search(r"otpauth://\S+", output).group(0)
    return parse_qs(urlsplit(uri).query)["secret"][0]


def test_a_created_account_signs_in_with_password_and_code(app, client, runner, monkeypatch):
    result = _create(runner)
    assert result.exit_code == 0, result.output
    user = db.session.scalars(select(User).where(User.email == "clerk@court.test")).one()
    assert user.role is StaffRole.INTAKE_CLERK and user.court.code == "粤0304"
    assert PASSWORD not in result.output
    monkeypatch.setitem(app.config, "STAFF_TOTP_REQUIRED", True)
    response = client.post("/accounts/sign-in", data={"email": "clerk@court.test", "password": PASSWORD})
    assert response.status_code == 302 and "/accounts/verify-code" in response.headers["Location"]
    code = pyotp.TOTP(_secret(result.output)).now()
    response = client.post("/accounts/verify-code", data={"code": code})
    assert response.status_code == 302 and "/court/queue" in response.headers["Location"]


def test_re_enrolment_replaces_the_secret(runner):
    first = _secret(_create(runner).output)
    result = runner.invoke(args=["staff", "enrol-totp", "clerk@court.test"])
    assert result.exit_code == 0
    assert _secret(result.output) != first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "staff",
                "create",
                "x@court.test",
                "--court",
                "粤9999",
                "--role",
                "handler",
                "--name",
                "x",
                "--password",
                PASSWORD,
            ],
            "There is no court",
        ),
        (
            [
                "staff",
                "create",
                "x@court.test",
                "--court",
                "粤0304",
                "--role",
                "handler",
                "--name",
                "x",
                "--password",
                "short",
            ],
            "12 characters",
        ),
        (
            [
                "staff",
                "create",
                "x@court.test",
                "--court",
                "粤0304",
                "--role",
                "judge",
                "--name",
                "x",
                "--password",
                PASSWORD,
            ],
            "judge",
        ),
        (["staff", "enrol-totp", "nobody@court.test"], "There is no staff account"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(runner, args, message):
    before = db.session.scalar(select(db.func.count()).select_from(User))
    result = runner.invoke(args=[*args, "--locale", "en"])
    assert result.exit_code != 0 and message in result.output
    assert db.session.scalar(select(db.func.count()).select_from(User)) == before


def test_a_duplicate_email_is_refused(runner):
    assert _create(runner).exit_code == 0
    result = _create(runner, "clerk@court.test", "--locale", "en")
    assert result.exit_code != 0 and "exists already" in result.output


def test_the_output_is_chinese_by_default_and_english_when_asked(runner):
    result = _create(runner)
    assert "已创建 clerk@court.test" in result.output and "验证器" in result.output
    assert "已存在" in _create(runner).output
    english = runner.invoke(args=["staff", "enrol-totp", "clerk@court.test", "--locale", "en"])
    assert "authenticator app" in english.output
