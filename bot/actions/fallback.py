"""Low-confidence turns: ask to rephrase, and on the second in a row offer a message to staff."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

FALLBACK_INTENT = "nlu_fallback"
OFFER_AFTER = 2


def consecutive_fallbacks(tracker: Tracker) -> int:
    """How many user turns in a row, ending with the latest, fell below the NLU threshold."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK_INTENT:
            break
        count += 1
    return count


class ActionHandleFallback(Action):
    def name(self) -> str:
        return "action_handle_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        count = consecutive_fallbacks(tracker)
        offer = count >= OFFER_AFTER
        dispatcher.utter_message(response="utter_offer_inquiry" if offer else "utter_default")
        return [SlotSet("fallback_count", float(count)), SlotSet("handoff_offered", offer)]


class ActionDeclineHandoff(Action):
    def name(self) -> str:
        return "action_decline_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet("handoff_offered", False), SlotSet("fallback_count", 0.0)]
