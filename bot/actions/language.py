"""Which language to answer in: zh or en.

1. At session start, `action_session_start` takes `metadata.language` from the portal (the page's
   locale), if present.
2. After every user message, `action_detect_language` runs as the custom slot mapping of the
   `language` slot (Rasa's action_extract_slots calls it before any policy predicts, so the reply
   in the same turn already uses the new value). It follows the script the user writes in when
   that is clear, keeps the current language for short or ambiguous messages ("ok", "36", button
   payloads), and obeys an explicit `switch_language` request.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from .context import SESSION_METADATA_SLOT, latest_intent, latest_text, metadata_language, normalise_language

_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]{2,}")
_WANTS_ZH_RE = re.compile(r"中文|汉语|普通话|chinese|mandarin|简体", re.IGNORECASE)
_WANTS_EN_RE = re.compile(r"英文|英语|english", re.IGNORECASE)


def script_language(text: str) -> str | None:
    """zh or en when the script of the message is clear, None when it is not.

    Chinese words (about two characters each) are counted against Latin words: "我的case终本了怎么办"
    is Chinese, "what does 终本 mean" is English. A single Latin word ("ok", "yes") decides nothing.
    """
    text = text or ""
    if text.startswith("/"):
        return None  # a button payload
    han = (len(_HAN_RE.findall(text)) + 1) // 2
    latin = len(_LATIN_WORD_RE.findall(text))
    if han > latin:
        return "zh"
    if latin > han and latin >= 2:
        return "en"
    return None


def requested_language(text: str, current: str | None) -> str:
    """The language a switch_language message asks for; toggles when it does not say."""
    wants_zh = bool(_WANTS_ZH_RE.search(text or ""))
    wants_en = bool(_WANTS_EN_RE.search(text or ""))
    if wants_en and not wants_zh:
        return "en"
    if wants_zh and not wants_en:
        return "zh"
    if wants_zh and wants_en:
        # "switch from Chinese to English" / "从英文换成中文": the last one named wins
        last_zh = max(m.start() for m in _WANTS_ZH_RE.finditer(text))
        last_en = max(m.start() for m in _WANTS_EN_RE.finditer(text))
        return "zh" if last_zh > last_en else "en"
    return "en" if current == "zh" else "zh"


def choose_language(text: str, intent: str, current: str | None, from_metadata: str | None) -> str:
    if intent == "switch_language":
        return requested_language(text, current)
    return script_language(text) or current or from_metadata or "zh"


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        metadata = tracker.get_slot(SESSION_METADATA_SLOT) or {}
        events: list[EventType] = [SessionStarted()]
        lang = normalise_language(metadata.get("language")) if isinstance(metadata, dict) else None
        if lang:
            events.append(SlotSet("language", lang))
        events.append(ActionExecuted("action_listen"))
        return events


class ActionDetectLanguage(Action):
    def name(self) -> str:
        return "action_detect_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        current = normalise_language(tracker.get_slot("language"))
        chosen = choose_language(latest_text(tracker), latest_intent(tracker), current, metadata_language(tracker))
        return [] if chosen == current else [SlotSet("language", chosen)]
