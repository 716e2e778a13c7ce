"""Rate limits bite: past its limit each guarded action answers 429 with the translated page, in both languages.

Each test lowers one limit (TestConfig keeps them on but high), works from an address of its own so no
other test shares its counters, and empties the limiter's storage afterwards.
"""

from __future__ import annotations

import itertools

import pytest

from portal.extensions import limiter
from tests import factories

TOO_MANY = {"zh": ("尝试次数过多", "请稍等一会儿再试"), "en": ("Too many attempts", "please wait a while")}
_addresses = (f"198.51.100.{n}" for n in itertools.count(10))


@pytest.fixture()
def lowered(app, monkeypatch):
    def lower(name: str, value: str = "3 per minute"):
        monkeypatch.setitem(app.config, name, value)

    yield lower
    limiter.reset()


@pytest.fixture()
def fresh_client(app, session):
    def make(lang: str = "zh"):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = next(_addresses)
        client.get(f"/language/{lang}")
        return client

    return make


def assert_too_many(response, lang: str) -> None:
    assert response.status_code == 429, response.status_code
    body = response.get_data(as_text=True)
    for text in TOO_MANY[lang]:
        assert text in body
    assert "Traceback" not in body


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sign_in(lowered, fresh_client, lang):
    lowered("SIGNIN_RATE_LIMIT")
    client = fresh_client(lang)
    user = factories.citizen()
    for _ in range(3):
        assert client.post("/accounts/sign-in", data={"email": user.email, "password": "wrong"}).status_code == 400
    response = client.post("/accounts/sign-in", data={"email": user.email, "password": factories.PASSWORD})
    assert_too_many(response, lang)  # even the right password waits: guessing must not pay


def test_sign_in_limit_follows_the_address(lowered, fresh_client):
    lowered("SIGNIN_RATE_LIMIT")
    user = factories.citizen()
    first = fresh_client()
    for _ in range(4):
        first.post("/accounts/sign-in", data={"email": user.email, "password": "wrong"})
    other = fresh_client()
    response = other.post("/accounts/sign-in", data={"email": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302


def test_successful_sign_ins_do_not_count(lowered, fresh_client):
    lowered("SIGNIN_RATE_LIMIT")
    user = factories.citizen()
    client = fresh_client()
    for _ in range(5):
        response = client.post("/accounts/sign-in", data={"email": user.email, "password": factories.PASSWORD})
        assert response.status_code == 302


def _wrong_link(world) -> dict:
    """The case-linking form with the right case and identity number but a wrong access code."""
    return {
        "case_number": world.case.number,
        "id_number": factories.APPLICANT_ID,
        "access_code": "ZZZZ-ZZZZ",
        "confirm_party": "y",
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_case_linking(lowered, fresh_client, world, lang):
    lowered("LINK_RATE_LIMIT")
    client = fresh_client(lang)
    user = factories.citizen()
    factories.sign_in(client, user)
    wrong = _wrong_link(world)
    for _ in range(3):
        assert client.post("/accounts/link-case", data=wrong).status_code == 400
    right = {**wrong, "access_code": "KQ7M-3XPA"}
    assert_too_many(client.post("/accounts/link-case", data=right), lang)


def test_case_linking_limit_follows_the_account_across_addresses(lowered, fresh_client, world):
    lowered("LINK_RATE_LIMIT")
    user = factories.citizen()
    wrong = _wrong_link(world)
    for _ in range(3):
        client = fresh_client()  # a new address each time: the per-account limit still counts
        factories.sign_in(client, user)
        client.post("/accounts/link-case", data=wrong)
    client = fresh_client()
    factories.sign_in(client, user)
    assert client.post("/accounts/link-case", data=wrong).status_code == 429


def _signed_in_applicant(fresh_client, world, lang):
    client = fresh_client(lang)
    factories.sign_in(client, world.users["applicant"])
    client.get(f"/language/{lang}")
    return client


# What the applicant posts three times under the limit (and what each answers), then once more for the 429.
APPLICANT_POSTS = {
    "filing": ("SUBMIT_RATE_LIMIT", "/submissions/drafts/{draft}/check", None, (302, 409)),
    "evidence": ("EVIDENCE_RATE_LIMIT", "/submissions/drafts/{draft}/evidence", {}, (302,)),
    "reply": ("REPLY_RATE_LIMIT", "/submissions/{reference}", {}, (400,)),
}


@pytest.mark.parametrize(
    ("post", "lang"),
    [("filing", "zh"), ("filing", "en"), ("evidence", "en"), ("reply", "zh")],
    ids=["filing-zh", "filing-en", "evidence-en", "reply-zh"],
)
def test_applicant_posts(lowered, fresh_client, world, post, lang):
    """Filing a draft, adding evidence and replying to the court: each has a limit of its own."""
    limit, path, data, answers = APPLICANT_POSTS[post]
    lowered(limit)
    client = _signed_in_applicant(fresh_client, world, lang)
    url = path.format(draft=world.draft.token, reference=world.submission.reference)
    for _ in range(3):
        assert client.post(url, data=data).status_code in answers
    assert_too_many(client.post(url, data=data), lang)


def test_filing_limit_is_per_account(lowered, fresh_client, world):
    lowered("SUBMIT_RATE_LIMIT")
    client = _signed_in_applicant(fresh_client, world, "en")
    for _ in range(4):
        client.post(f"/submissions/drafts/{world.draft.token}/check")
    debtor = fresh_client()
    factories.sign_in(debtor, world.users["debtor"])
    assert debtor.post(f"/submissions/drafts/{world.draft.token}/check").status_code == 404  # not 429


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chat(app, lowered, fresh_client, lang):
    """The widget gets JSON it can show: the code, and the message in the language of the chat."""
    lowered("CHAT_RATE_LIMIT")
    client = fresh_client(lang)
    statuses = [client.post("/chat", json={"message": "你好", "language": lang}).status_code for _ in range(3)]
    assert 429 not in statuses and 500 not in statuses, statuses
    response = client.post("/chat", json={"message": "你好", "language": lang})
    assert response.status_code == 429
    error = response.get_json()["error"]
    assert error["code"] == "rate_limited"
    has_chinese = any("\u4e00" <= c <= "\u9fff" for c in error["message"])
    assert has_chinese == (lang == "zh"), error["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_contact_form(lowered, fresh_client, lang):
    """The contact form (an inquiry to the court): ten an hour from one address, then the translated page."""
    client = fresh_client(lang)
    statuses = [client.post("/contact", data={}).status_code for _ in range(10)]
    assert 429 not in statuses and 500 not in statuses, statuses
    assert_too_many(client.post("/contact", data={}), lang)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "memory://"), ({"REDIS_URL": "redis://cache:6379/2"}, "redis://cache:6379/2")],
    ids=["memory-by-default", "redis-when-set"],
)
def test_limit_storage_follows_redis_url(env, expected):
    """Many machines share their counters through Redis; one machine keeps them in memory."""
    import os
    import subprocess
    import sys

    clean = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "RATELIMIT_STORAGE_URI")}
    code = "from portal.config import Config; print(Config.RATELIMIT_STORAGE_URI)"
    # The interpreter running the tests, a fixed snippet: no untrusted input reaches the command.
    out = subprocess.run([sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True, check=True)  # noqa: S603
    assert out.stdout.strip() == expected
