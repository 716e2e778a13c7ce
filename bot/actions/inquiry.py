"""Leaving a message for court staff: an inquiry in the court queue, with the transcript attached."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .context import chat_token, language, latest_text, transcript
from .drafts import DRAFT_SLOTS
from .forms_common import StoppableFormValidation, form_slots_reset
from .parsing import CASE_NUMBER_RE
from .portal import NotSignedIn, PortalClient, PortalUnavailable
from .screenings import DEBT_EXIT_SLOTS, RELIEF_SLOTS

MIN_MESSAGE_CHARS = 2


class ValidateInquiryForm(StoppableFormValidation):
    def name(self) -> str:
        return "validate_inquiry_form"

    async def validate_inquiry_message(self, value: Any, dispatcher, tracker: Tracker, domain: DomainDict):
        text = (value if isinstance(value, str) else latest_text(tracker)).strip()
        if len(text) < MIN_MESSAGE_CHARS or text.startswith("/"):
            dispatcher.utter_message(response="utter_ask_inquiry_message")
            return {"inquiry_message": None}
        return {"inquiry_message": text}


class ActionSubmitInquiry(Action):
    def name(self) -> str:
        return "action_submit_inquiry"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        # an inquiry may follow an interrupted form: clear everything that form collected
        reset = [
            *form_slots_reset(["inquiry_message", *DRAFT_SLOTS, *RELIEF_SLOTS, *DEBT_EXIT_SLOTS, "province"]),
            SlotSet("handoff_offered", False),
            SlotSet("fallback_count", 0.0),
        ]
        message = tracker.get_slot("inquiry_message")
        if not message:
            dispatcher.utter_message(response="utter_inquiry_cancelled")
            return reset
        case_number = tracker.get_slot("case_number")
        if not case_number:
            match = CASE_NUMBER_RE.search(message)
            case_number = match.group(0) if match else None
        payload = {
            "transcript": transcript(tracker),
            "language": language(tracker),
            "case_number": case_number,
            "message": message,
        }
        client = PortalClient.from_env(chat_token(tracker), language(tracker))
        try:
            body = await client.create_inquiry(payload)
        except NotSignedIn:
            dispatcher.utter_message(response="utter_sign_in_needed")
            return reset
        except PortalUnavailable:
            dispatcher.utter_message(response="utter_portal_unavailable")
            return reset
        if not body.get("reference"):
            dispatcher.utter_message(response="utter_portal_unavailable")
            return reset
        dispatcher.utter_message(
            response="utter_inquiry_sent", reference=body["reference"], answer_by=body.get("answer_by") or ""
        )
        return reset
