"""Relaying one message to Rasa's REST channel, bounded in time, and turning its answer into safe parts.

The bot's texts are plain text with Markdown links (``[label](/path)``). They are split here into text
and link parts, links only to paths of this portal, so the widget can build DOM nodes from them without
ever interpreting the bot's text as HTML.
"""

from __future__ import annotations

import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import requests
from flask import Flask

from portal.extensions import db

log = logging.getLogger(__name__)

WEBHOOK = "/webhooks/rest/webhook"
MAX_TEXT = 4000
MAX_BUTTONS = 8
MAX_MESSAGES = 20
_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\(([^()\s]{1,500})\)")


class AssistantDown(Exception):
    """Rasa did not answer in time, or not with what the REST channel answers; ``reason`` is a code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Reply:
    parts: list[dict]
    buttons: list[dict]


def safe_href(url: str) -> str | None:
    """Only paths of this portal (``/guides/``, ``/submissions/drafts/...``): no scheme, no other host."""
    url = url.strip()
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    return url


def parts_of(text: str) -> list[dict]:
    """``"See [the guide](/guides/)."`` -> text, link, text parts; a link elsewhere stays plain text."""
    parts: list[dict] = []
    cursor = 0
    for match in _LINK.finditer(text):
        href = safe_href(match.group(2))
        if href is None:
            continue
        if match.start() > cursor:
            parts.append({"text": text[cursor : match.start()]})
        parts.append({"text": match.group(1), "href": href})
        cursor = match.end()
    if cursor < len(text):
        parts.append({"text": text[cursor:]})
    return parts


def replies_of(body: object) -> list[Reply]:
    """Rasa's REST answer (a list of messages) as replies; anything else means the assistant is broken."""
    if not isinstance(body, list):
        raise AssistantDown("bad_answer")
    replies = []
    for item in body[:MAX_MESSAGES]:
        if not isinstance(item, dict):
            continue
        text = item.get("text")
        parts = parts_of(text[:MAX_TEXT]) if isinstance(text, str) and text.strip() else []
        buttons = []
        for button in (item.get("buttons") or [])[:MAX_BUTTONS] if isinstance(item.get("buttons"), list) else []:
            if isinstance(button, dict) and isinstance(button.get("title"), str) and button["title"].strip():
                payload = button.get("payload")
                payload = payload if isinstance(payload, str) and payload.strip() else button["title"]
                buttons.append({"title": button["title"][:200], "payload": payload[:500]})
        if parts or buttons:
            replies.append(Reply(parts=parts, buttons=buttons))
    return replies


def _executor(app: Flask) -> ThreadPoolExecutor:
    executor = app.extensions.get("chat_relay")
    if executor is None:
        executor = app.extensions["chat_relay"] = ThreadPoolExecutor(max_workers=8, thread_name_prefix="chat-relay")
    return executor


def _post(url: str, payload: dict, timeout: float) -> object:
    response = requests.post(url, json=payload, timeout=(min(1.0, timeout), timeout))
    if response.status_code != 200:
        raise AssistantDown(f"http_{response.status_code}")
    try:
        return response.json()
    except ValueError:
        raise AssistantDown("not_json") from None


def relay(app: Flask, *, sender: str, message: str, language: str, token: str | None) -> list[Reply]:
    """Rasa's replies to one message, or AssistantDown within the configured timeout, whatever Rasa does.

    requests' timeout bounds each socket operation, not the whole exchange (a server that trickles
    bytes could hold it for longer), so the call also runs on a worker thread with a wall-clock limit.
    """
    base = app.config.get("RASA_URL")
    if not base:
        raise AssistantDown("not_configured")
    timeout = float(app.config.get("RASA_TIMEOUT", 2.5))
    # The actions behind this message write through the portal's API (drafts, inquiries): a read transaction
    # of this request left open while we wait would hold their writes back (SQLite locks the whole file).
    db.session.commit()
    payload = {"sender": sender, "message": message, "metadata": {"language": language, "token": token}}
    started = time.monotonic()
    future = _executor(app).submit(_post, base.rstrip("/") + WEBHOOK, payload, timeout)
    try:
        body = future.result(timeout=timeout + 0.2)
    except FutureTimeout:
        raise AssistantDown("timeout") from None
    except requests.Timeout:
        raise AssistantDown("timeout") from None
    except requests.RequestException:
        raise AssistantDown("unreachable") from None
    replies = replies_of(body)
    # Codes and counts only: what the user wrote and what the bot said never go into a log line.
    log.info("chat relayed replies=%s ms=%d", len(replies), (time.monotonic() - started) * 1000)
    return replies
