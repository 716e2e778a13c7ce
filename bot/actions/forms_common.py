"""Shared behaviour of the form validation actions: stop on request, re-ask on unclear answers."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from .context import latest_intent, latest_text
from .parsing import is_cancel, parse_yes_no

REQUESTED_SLOT = "requested_slot"


class StoppableFormValidation(FormValidationAction, ABC):
    """Saying "stop"/"不测了" ends the form; the submit action then reports that nothing was sent."""

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        if requested and is_cancel(latest_text(tracker)):
            return [SlotSet(requested, None), SlotSet(REQUESTED_SLOT, None)]
        return await super().run(dispatcher, tracker, domain)

    @staticmethod
    def yes_no(slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        if isinstance(value, bool):
            return {slot: value}
        answer = parse_yes_no(value if isinstance(value, str) else latest_text(tracker), latest_intent(tracker))
        if answer is None:
            dispatcher.utter_message(response="utter_invalid_yes_no")
        return {slot: answer}


def form_slots_reset(slots: list[str]) -> list[EventType]:
    return [SlotSet(slot, None) for slot in slots]


def missing(tracker: Tracker, slots: list[str]) -> str | None:
    return next((slot for slot in slots if tracker.get_slot(slot) is None), None)
