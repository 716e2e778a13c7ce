"""Signed-in sessions through the real sign-in page, their cookies and CSRF tokens, and a clue draft filled in."""

from __future__ import annotations

import re
import secrets

import requests

from bench.measure.settings import BASE, PASSWORD, ZH

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def sign_in(email: str) -> requests.Session:
    session = requests.Session()
    session.headers.update(ZH)
    page = session.get(f"{BASE}/accounts/sign-in", timeout=30)
    token = CSRF.search(page.text).group(1)
    response = session.post(
        f"{BASE}/accounts/sign-in",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        allow_redirects=False,
        timeout=60,
    )
    if response.status_code != 302 or "sign-in" in response.headers.get("Location", ""):
        raise RuntimeError(f"sign-in failed for {email}: {response.status_code}")
    return session


def cookie_header(session: requests.Session) -> str:
    return "; ".join(f"{c.name}={c.value}" for c in session.cookies)


def csrf_of(session: requests.Session, path: str) -> str:
    return CSRF.search(session.get(f"{BASE}{path}", timeout=30).text).group(1)


def fill_clue_draft(session: requests.Session, case_id: int) -> str:
    """One clue through the real pages (start, what, details, urgency, evidence), stopping at the check page."""
    start = session.get(f"{BASE}/submissions/new/property_clue/{case_id}", allow_redirects=False, timeout=30)
    location = start.headers["Location"]
    token = re.search(r"/drafts/([^/]+)/", location).group(1)
    steps = (
        ("clue_type", {"clue_type": "bank_account"}),
        (
            "details",
            {"bank_name": "中国工商银行", "branch": "", "account_number": f"62{secrets.randbelow(10**17):017d}"},
        ),
        ("urgency", {"urgent": "no", "urgent_reason": ""}),
    )
    for name, data in steps:
        url = f"{BASE}/submissions/drafts/{token}/{name}"
        data["csrf_token"] = CSRF.search(session.get(url, timeout=30).text).group(1)
        response = session.post(url, data=data, allow_redirects=False, timeout=30)
        if response.status_code != 302:
            raise RuntimeError(f"clue step {name} answered {response.status_code}")
    url = f"{BASE}/submissions/drafts/{token}/evidence"
    csrf = CSRF.search(session.get(url, timeout=30).text).group(1)
    response = session.post(url, data={"csrf_token": csrf, "continue": "1"}, allow_redirects=False, timeout=30)
    if response.status_code != 302 or not response.headers["Location"].endswith("/check"):
        raise RuntimeError(f"clue evidence page answered {response.status_code}")
    if session.get(f"{BASE}/submissions/drafts/{token}/check", timeout=30).status_code != 200:
        raise RuntimeError("clue check page did not open")
    return token
