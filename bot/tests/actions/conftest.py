"""Fixtures for action tests: saved trackers, the real domain, a fake portal (responses library)."""

from __future__ import annotations

import asyncio
import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import responses as responses_lib
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

BOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BOT))  # so `import actions` works from the repo root too

PORTAL = "http://portal.test/api/v1"
TRACKERS = Path(__file__).parent / "trackers"


@pytest.fixture(autouse=True)
def portal_env(monkeypatch):
    monkeypatch.setenv("PORTAL_API_URL", PORTAL)
    monkeypatch.setenv("PORTAL_API_TIMEOUT", "2")


@pytest.fixture
def portal():
    with responses_lib.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    merged: dict[str, Any] = {"responses": {}, "slots": {}, "forms": {}}
    for path in sorted((BOT / "domain").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        merged["responses"].update(doc.get("responses") or {})
        merged["slots"].update(doc.get("slots") or {})
        merged["forms"].update(doc.get("forms") or {})
    return merged


def load_tracker(name: str, **slot_overrides: Any) -> Tracker:
    state = json.loads((TRACKERS / f"{name}.json").read_text(encoding="utf-8"))
    slots = {**state["slots"], **slot_overrides}
    return Tracker(
        state["sender_id"],
        slots,
        state["latest_message"],
        state["events"],
        state["paused"],
        state["followup_action"],
        state["active_loop"],
        state["latest_action_name"],
    )


def with_latest(tracker: Tracker, text: str, intent: str, metadata: dict[str, Any] | None = None) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [],
        "metadata": metadata if metadata is not None else tracker.latest_message.get("metadata", {}),
    }
    events = [
        *copy.deepcopy(tracker.events),
        {"event": "user", "text": text, "parse_data": {"intent": latest["intent"]}},
    ]
    return Tracker(tracker.sender_id, tracker.slots, latest, events, False, None, tracker.active_loop, "action_listen")


def run(action, tracker: Tracker, domain: dict[str, Any]):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain))
    return dispatcher.messages, events


def response_names(messages: list[dict[str, Any]]) -> list[str]:
    return [m.get("response") for m in messages]


def slot_events(events) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
