"""What the actions read from the tracker: the chat token, the language, the transcript."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

LANGUAGES = ("zh", "en")
SESSION_METADATA_SLOT = "session_started_metadata"


def _metadata_of(message: dict[str, Any] | None) -> dict[str, Any]:
    metadata = (message or {}).get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def chat_token(tracker: Tracker) -> str | None:
    """The short-lived token the portal attaches to each message; never an identity typed in chat.

    It is read from the latest message first and from the session-start metadata otherwise, and it
    is deliberately not copied into a slot, so it does not outlive the portal's own expiry.
    """
    for source in (_metadata_of(tracker.latest_message), tracker.get_slot(SESSION_METADATA_SLOT) or {}):
        token = source.get("token") if isinstance(source, dict) else None
        if isinstance(token, str) and token.strip():
            return token.strip()
    return None


def normalise_language(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip().lower().replace("_", "-")
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    return None


def metadata_language(tracker: Tracker) -> str | None:
    for source in (_metadata_of(tracker.latest_message), tracker.get_slot(SESSION_METADATA_SLOT) or {}):
        if isinstance(source, dict):
            lang = normalise_language(source.get("language"))
            if lang:
                return lang
    return None


def language(tracker: Tracker) -> str:
    return normalise_language(tracker.get_slot("language")) or metadata_language(tracker) or "zh"


def latest_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def latest_intent(tracker: Tracker) -> str:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""


def transcript(tracker: Tracker, limit: int = 40) -> list[dict[str, str]]:
    """The conversation so far as [{"from": "user"|"bot", "text": ...}], newest last."""
    lines: list[dict[str, str]] = []
    for event in tracker.events:
        kind = event.get("event")
        text = event.get("text")
        if not text:
            continue
        if kind == "user":
            lines.append({"from": "user", "text": text})
        elif kind == "bot":
            lines.append({"from": "bot", "text": text})
    return lines[-limit:]
