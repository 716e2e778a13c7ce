"""Every response carries the security headers; no template needs inline script or style; cookies are safe.

The policy itself lives in portal/security.py (an after_request hook registered by create_app).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal import create_app
from portal.config import TestConfig
from tests import factories
from tests.security.test_authorization_matrix import PARAMS, fill, route_keys

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_CSP = [
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
]
# Referrer policies that send no more than strict-origin-when-cross-origin does.
STRICT_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


def assert_secure_headers(response, where: str) -> None:
    csp = response.headers.get("Content-Security-Policy", "")
    directives = {d.strip() for d in csp.split(";")}
    missing = [d for d in REQUIRED_CSP if d not in directives]
    assert not missing, f"{where}: CSP lacks {missing}: {csp!r}"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, f"{where}: {csp!r}"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", where
    assert response.headers.get("Referrer-Policy") in STRICT_REFERRERS, where


def _get_every_route(app, client, world):
    rules = {rule.rule: rule for rule in app.url_map.iter_rules()}
    for key in route_keys(app):
        method, path = key.split(" ", 1)
        rule = rules[path]
        if method != "GET" or not set(rule.arguments) <= PARAMS.keys():
            continue
        url = fill(rule, world)
        yield url, client.get(url)


@pytest.mark.parametrize("actor", ["anonymous", "applicant", "debtor", "admin"])
def test_every_get_route_carries_the_headers(app, world, clients, actor):
    client = clients(actor)
    seen = 0
    for url, response in _get_every_route(app, client, world):
        assert_secure_headers(response, f"GET {url} as {actor} ({response.status_code})")
        assert "Strict-Transport-Security" not in response.headers  # plain http in tests and development
        seen += 1
    assert seen > 20


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/no/such/page", 404),
        ("POST", "/guides/", 405),
        ("GET", "/api/v1/no-such-thing", 404),
        ("PUT", "/api/v1/cases/x", 401),
    ],
)
def test_error_responses_carry_the_headers(client, method, url, status):
    response = client.open(url, method=method)
    assert response.status_code == status
    assert_secure_headers(response, url)


def test_a_500_page_carries_the_headers(app, client, monkeypatch):
    def boom():
        raise RuntimeError("boom")

    monkeypatch.setitem(app.view_functions, "public.explainers", boom)
    response = client.get("/guides/")
    assert response.status_code == 500
    assert_secure_headers(response, "500 page")


# --- templates: the CSP forbids inline code, so no template may rely on it ------------------------------------

INLINE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event-handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def _templates():
    return sorted((ROOT / "portal").rglob("templates/**/*.html"))


def test_no_template_has_inline_script_or_style():
    found = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not found, "the CSP blocks these; move them to static/js/portal.js or static/css/portal.css:\n" + "\n".join(
        found
    )


def test_the_scan_sees_the_templates():
    assert len(list(_templates())) > 20


# --- production: HSTS and cookies ----------------------------------------------------------------------------


@pytest.fixture()
def production_app(app, session):
    """The same database as the test app, built as production builds it (a config naming ENV only)."""
    return create_app(
        {
            "ENV": "production",
            "TESTING": True,
            "SECRET_KEY": "a-production-secret-for-this-test-only",
            "ID_HASH_KEY": TestConfig.ID_HASH_KEY,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "WTF_CSRF_ENABLED": False,
            "STAFF_TOTP_REQUIRED": False,
            "JOBS_ENQUEUE": False,
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )


def _cookie_attributes(response, name: str) -> list[str]:
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith(f"{name}="):
            return [part.strip().lower() for part in header.split(";")]
    raise AssertionError(f"no {name} cookie in {response.headers.getlist('Set-Cookie')}")


def test_production_sends_hsts(production_app):
    response = production_app.test_client().get("/")
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    assert_secure_headers(response, "production /")


def test_production_cookies_are_secure_httponly_samesite(production_app):
    user = factories.citizen()
    client = production_app.test_client()
    response = client.post("/accounts/sign-in", data={"email": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    attributes = _cookie_attributes(response, production_app.config.get("SESSION_COOKIE_NAME", "session"))
    assert "secure" in attributes
    assert "httponly" in attributes
    assert "samesite=lax" in attributes or "samesite=strict" in attributes
    for prefix in ("SESSION", "REMEMBER"):
        assert production_app.config[f"{prefix}_COOKIE_SECURE"] is True
        assert production_app.config[f"{prefix}_COOKIE_HTTPONLY"] is True
        assert production_app.config[f"{prefix}_COOKIE_SAMESITE"] in ("Lax", "Strict")


@pytest.mark.parametrize("env", ["production", "staging"])
def test_cookies_are_secure_outside_development(env):
    config = {"ENV": env, "SESSION_COOKIE_SECURE": False, "REMEMBER_COOKIE_SECURE": False}
    from portal.config import harden

    harden(config)
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]


def test_development_cookies_work_over_plain_http():
    from portal.config import harden

    config = {"ENV": "development", "SESSION_COOKIE_SECURE": False}
    harden(config)
    assert config["SESSION_COOKIE_SECURE"] is False
