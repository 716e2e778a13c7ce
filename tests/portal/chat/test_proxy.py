from __future__ import annotations

import logging
import re
import time

import pytest

from portal.api import tokens
from tests import factories

SECRET_TEXT = "我的身份证号是11010519491231002X，欠款356000元"


def _send(client, message="终本是什么意思", **extra):
    return client.post("/chat", json={"message": message, **extra})


def test_a_message_is_relayed_with_language_and_a_token_for_the_signed_in_citizen(client, session, rasa):
    user = factories.citizen()
    factories.sign_in(client, user)
    rasa.answer = [
        {"recipient_id": "x", "text": "终本是终结本次执行程序。详见[指南](/guides/termination)。"},
        {
            "recipient_id": "x",
            "text": "还想了解什么？",
            "buttons": [{"title": "案件进展", "payload": "/ask_case_status"}],
        },
    ]
    response = _send(client, language="zh")
    assert response.status_code == 200
    body = response.get_json()
    assert body["assistant"] == "ok"
    first, second = body["messages"]
    assert first["parts"] == [
        {"text": "终本是终结本次执行程序。详见"},
        {"text": "指南", "href": "/guides/termination"},
        {"text": "。"},
    ]
    assert second["buttons"] == [{"title": "案件进展", "payload": "/ask_case_status"}]
    [call] = rasa.received
    assert call["path"] == "/webhooks/rest/webhook"
    sent = call["body"]
    assert sent["message"] == "终本是什么意思" and sent["metadata"]["language"] == "zh"
    assert tokens.user_for(sent["metadata"]["token"]).id == user.id
    assert sent["sender"] != str(user.id) and str(user.id) != sent["sender"].strip("0")
    assert len(sent["sender"]) >= 20


def test_the_sender_is_a_random_id_kept_for_the_session(app, session, rasa):
    with app.test_client() as one, app.test_client() as other:
        _send(one)
        _send(one)
        _send(other)
    senders = [call["body"]["sender"] for call in rasa.received]
    assert senders[0] == senders[1] != senders[2]
    assert all(call["body"]["metadata"]["token"] is None for call in rasa.received)  # not signed in


def test_the_language_defaults_to_the_users_locale(en_client, rasa):
    _send(en_client)
    assert rasa.received[0]["body"]["metadata"]["language"] == "en"


def test_staff_get_no_chat_token(client, session, rasa):
    factories.sign_in(client, factories.staff())
    _send(client)
    assert rasa.received[0]["body"]["metadata"]["token"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[x](https://evil.example/)", [{"text": "[x](https://evil.example/)"}]),
        ("[x](javascript:alert(1))", [{"text": "[x](javascript:alert(1))"}]),
        ("[x](//evil.example/)", [{"text": "[x](//evil.example/)"}]),
        ("<img src=x onerror=alert(1)>", [{"text": "<img src=x onerror=alert(1)>"}]),
        ("[登录](/accounts/sign-in)", [{"text": "登录", "href": "/accounts/sign-in"}]),
    ],
    ids=["other-site", "javascript", "protocol-relative", "html-stays-text", "portal-path"],
)
def test_only_links_to_portal_paths_become_links(client, session, rasa, text, expected):
    rasa.answer = [{"recipient_id": "x", "text": text}]
    assert _send(client).get_json()["messages"][0]["parts"] == expected


FALLBACK = {
    "zh": ("智能助手", "指南", "/contact"),
    "en": ("assistant is not available", "guides", "/contact"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rasa_down_gives_the_fallback_at_once_in_the_users_language(client, session, lang):
    client.get(f"/language/{lang}")
    started = time.monotonic()
    response = _send(client)  # TestConfig points RASA_URL at a closed port
    assert time.monotonic() - started < 3
    assert response.status_code == 200
    body = response.get_json()
    assert body["assistant"] == "down"
    [fallback] = body["messages"]
    text = fallback["parts"][0]["text"]
    words, guides, contact = FALLBACK[lang]
    assert words in text
    assert [link["href"] for link in fallback["links"]] == ["/guides/", contact]
    assert guides in fallback["links"][0]["text"].lower() or guides in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_slow_rasa_gives_the_fallback_within_3_seconds(client, session, rasa, app, monkeypatch, lang):
    monkeypatch.setitem(app.config, "RASA_TIMEOUT", 2.5)  # the production default
    rasa.delay = 6
    started = time.monotonic()
    body = _send(client, language=lang).get_json()
    assert time.monotonic() - started < 3
    assert body["assistant"] == "down"
    assert FALLBACK[lang][0] in body["messages"][0]["parts"][0]["text"]


@pytest.mark.parametrize(
    ("status", "raw"),
    [(500, b'{"error": "boom"}'), (200, b"<html>not json</html>"), (200, b'{"not": "a list"}')],
    ids=["server-error", "not-json", "not-a-list"],
)
def test_a_broken_answer_gives_the_fallback(client, session, rasa, status, raw):
    rasa.status, rasa.raw = status, raw
    body = _send(client).get_json()
    assert body["assistant"] == "down" and body["messages"][0]["links"]


def test_an_empty_answer_says_so_with_the_ways_on(en_client, rasa):
    rasa.answer = []
    body = _send(en_client).get_json()
    assert body["assistant"] == "ok"
    assert "no answer" in body["messages"][0]["parts"][0]["text"]


@pytest.mark.parametrize(
    ("payload", "code"),
    [({"message": "  "}, "empty_message"), ({"message": "x" * 1001}, "message_too_long"), ({}, "empty_message")],
)
def test_bad_input_is_a_translated_400(zh_client, rasa, payload, code):
    response = zh_client.post("/chat", json=payload)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code and re.search(r"[\u4e00-\u9fff]", error["message"])
    assert rasa.received == []


def test_csrf_is_required(app, client, session, rasa, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    client.get("/language/en")
    refused = _send(client)
    assert refused.status_code == 400
    assert refused.get_json()["error"]["code"] == "csrf"
    assert rasa.received == []
    page = client.get("/").get_data(as_text=True)
    token = re.search(r'data-csrf="([^"]+)"', page).group(1)
    accepted = client.post("/chat", json={"message": "hi"}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200 and len(rasa.received) == 1


def test_the_rate_limit_answers_json_in_the_users_language(app, zh_client, rasa, monkeypatch):
    monkeypatch.setitem(app.config, "CHAT_RATE_LIMIT", "2 per minute")
    assert [_send(zh_client).status_code for _ in range(2)] == [200, 200]
    refused = _send(zh_client)
    assert refused.status_code == 429
    error = refused.get_json()["error"]
    assert error["code"] == "rate_limited" and re.search(r"[\u4e00-\u9fff]", error["message"])
    assert len(rasa.received) == 2
    # The limit is per conversation: another browser session may still talk.
    with app.test_client() as other:
        assert _send(other).status_code == 200


def test_an_address_opening_session_after_session_is_limited_too(app, session, rasa, monkeypatch):
    monkeypatch.setitem(app.config, "CHAT_ADDRESS_RATE_LIMIT", "3 per minute")
    statuses = []
    for _ in range(4):
        with app.test_client() as fresh:
            statuses.append(_send(fresh).status_code)
    assert statuses == [200, 200, 200, 429]


@pytest.mark.parametrize("up", [True, False], ids=["assistant-up", "assistant-down"])
def test_no_message_text_is_logged(client, session, rasa, caplog, up, app, monkeypatch):
    if not up:
        monkeypatch.setitem(app.config, "RASA_URL", "http://127.0.0.1:9")
    rasa.answer = [{"recipient_id": "x", "text": "您说的是：" + SECRET_TEXT}]
    caplog.set_level(logging.DEBUG)
    _send(client, message=SECRET_TEXT)
    assert caplog.records, "the relay logs its outcome"
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert "11010519491231002X" not in logged and "356000" not in logged and "身份证" not in logged


def test_healthz_reports_the_assistant_without_failing(client, session, rasa, app, monkeypatch):
    assert client.get("/healthz").get_json()["assistant"] == {"ok": True, "state": "ok"}
    monkeypatch.setitem(app.config, "RASA_URL", "http://127.0.0.1:9")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["assistant"] == {"ok": False, "state": "down"}
