from __future__ import annotations

import pytest
from itsdangerous import URLSafeTimedSerializer

from portal.api import tokens
from portal.extensions import db
from tests import factories
from tests.portal.api.conftest import bearer


def _get(client, token: str):
    return client.get("/api/v1/me/cases", headers={"Authorization": f"Bearer {token}", "Accept-Language": "en"})


def test_a_fresh_token_works(client, applicant):
    assert client.get("/api/v1/me/cases", headers=bearer(applicant[0])).status_code == 200


def test_an_expired_token_is_refused(client, applicant, app, monkeypatch):
    token = tokens.issue(applicant[0])
    monkeypatch.setitem(app.config, "CHAT_TOKEN_MAX_AGE", -1)
    response = _get(client, token)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "token_expired"
    assert "expired" in response.get_json()["error"]["message"]


@pytest.mark.parametrize(
    "forge",
    [
        # signed with another key
        lambda user: tokens.PREFIX + URLSafeTimedSerializer("not-the-key", salt=tokens.SALT).dumps({"u": user.id}),
        # the right key but another salt (e.g. a password-reset or session signature)
        lambda user: tokens.PREFIX + URLSafeTimedSerializer("test-secret", salt="other").dumps({"u": user.id}),
        # a genuine token with its user id swapped
        lambda user: tokens.issue(user).replace(tokens.issue(user).split(".")[0], "eyJ1IjoyfQ"),
        lambda user: "zbp_" + "x" * 43,  # a court token shape
        lambda user: str(user.id),
    ],
    ids=["other-key", "other-salt", "tampered", "court-token", "bare-user-id"],
)
def test_a_forged_token_is_refused(client, applicant, forge):
    response = _get(client, forge(applicant[0]))
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "invalid_token"


def test_a_password_change_revokes_earlier_tokens(client, applicant):
    user = applicant[0]
    token = tokens.issue(user)
    user.password_hash = "$argon2id$changed"
    db.session.flush()
    assert _get(client, token).status_code == 401


def test_a_staff_account_gets_no_chat_access(client, session):
    clerk = factories.staff()
    assert _get(client, tokens.issue(clerk)).status_code == 401
