"""CSRF: with protection on (TestConfig turns it off), every state-changing request without a token is refused.

Each POST/PUT/PATCH/DELETE route of the URL map is tried as a signed-in citizen and as signed-in staff, with
no token and with a wrong one: both must answer 400 with the translated error page, and change nothing.
Routes that authenticate by a bearer token instead of the session cookie (a browser never sends those on
its own, so a forged cross-site request carries no credential) are listed in ``EXEMPT`` with the reason; a
test proves each of them really ignores the session.
"""

from __future__ import annotations

import re

import pytest

from portal import create_app
from portal.config import TestConfig
from portal.extensions import db
from portal.models import HistoryEntry, Submission
from tests import factories
from tests.security.test_authorization_matrix import fill, route_keys

UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
# route -> (why it needs no CSRF token, whether it refuses a call without a bearer token)
EXEMPT = {
    "PUT /api/v1/cases/<path:number>": ("the court system's case import: court bearer token, no cookie", True),
    "POST /api/v1/drafts": ("the assistant's hand-over: chat bearer token, no cookie", True),
    "POST /api/v1/inquiries": ("anyone, or the user of a chat bearer token; the session cookie is never read", False),
    "POST /api/v1/screenings/judicial-relief": ("public and stateless: nothing stored, no cookie read", False),
    "POST /api/v1/screenings/debt-exit": ("public and stateless: nothing stored, no cookie read", False),
}
BAD_REQUEST_ZH = "提交的内容有误"  # the translated title of the 400 page
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


@pytest.fixture()
def csrf_app(app, session):
    """The test app's database, with CSRF protection on as in production."""

    class Config(TestConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]
        UPLOAD_FOLDER = app.config["UPLOAD_FOLDER"]
        WTF_CSRF_ENABLED = True

    return create_app(Config)


def _token(client, url="/accounts/sign-in") -> str:
    match = TOKEN.search(client.get(url).get_data(as_text=True))
    assert match, f"no csrf_token on {url}"
    return match.group(1)


def _signed_in(csrf_app, user):
    client = csrf_app.test_client()
    if user is not None:
        data = {"email": user.email, "password": factories.PASSWORD, "csrf_token": _token(client)}
        assert client.post("/accounts/sign-in", data=data).status_code == 302
    return client


def _unsafe_routes(app, world):
    rules = {rule.rule: rule for rule in app.url_map.iter_rules()}
    for key in route_keys(app):
        method, path = key.split(" ", 1)
        if method in UNSAFE:
            rule = rules[path]
            yield key, method, fill(rule, world)


def test_exemptions_name_existing_routes(app):
    assert set(EXEMPT) <= set(route_keys(app))


@pytest.mark.parametrize("actor", ["anonymous", "applicant", "staff"])
def test_every_state_changing_route_refuses_a_request_without_a_valid_token(csrf_app, world, actor):
    client = _signed_in(csrf_app, world.users[actor])
    client.get("/language/zh")
    before = (db.session.query(Submission).count(), db.session.query(HistoryEntry).count())
    accepted = []
    checked = 0
    for key, method, url in _unsafe_routes(csrf_app, world):
        if key in EXEMPT:
            continue
        for label, data in (("no token", {}), ("wrong token", {"csrf_token": "forged-token-value"})):
            response = client.open(url, method=method, data=data)
            checked += 1
            if response.status_code != 400:
                accepted.append(f"{key} ({label}): {response.status_code}")
            elif response.is_json:
                # The chat widget checks the token itself and gets JSON it can show.
                assert response.get_json()["error"]["code"] in ("csrf", "http_400"), key
            else:
                assert BAD_REQUEST_ZH in response.get_data(as_text=True), key
    assert checked >= 30
    hint = (
        "protect them, or (bearer-token routes only) add them to EXEMPT in tests/security/test_csrf.py with the reason"
    )
    assert not accepted, (
        f"state-changing routes that took a request without a valid CSRF token ({hint}):\n" + "\n".join(accepted)
    )
    assert (db.session.query(Submission).count(), db.session.query(HistoryEntry).count()) == before


def test_a_valid_token_is_accepted(csrf_app, world):
    """The refusals above come from the missing token, not from something else about the requests."""
    client = _signed_in(csrf_app, world.users["applicant"])
    token = _token(client, "/accounts/link-case")
    response = client.post("/accounts/sign-out", data={"csrf_token": token})
    assert response.status_code == 302


@pytest.mark.parametrize("key", sorted(EXEMPT))
def test_exempt_routes_ignore_the_session_cookie(csrf_app, world, key):
    """A signed-in browser session changes nothing on an exempt route: a forged request gains nothing by it."""
    _reason, needs_bearer = EXEMPT[key]
    method, path = key.split(" ", 1)
    rule = next(r for r in csrf_app.url_map.iter_rules() if r.rule == path)
    url = fill(rule, world)
    anonymous = csrf_app.test_client().open(url, method=method, json={})
    for actor in ("applicant", "admin"):
        signed_in = _signed_in(csrf_app, world.users[actor]).open(url, method=method, json={})
        assert signed_in.status_code == anonymous.status_code, (key, actor)
        assert signed_in.get_json() == anonymous.get_json(), (key, actor)
        if needs_bearer:
            assert signed_in.status_code == 401, (key, actor)
