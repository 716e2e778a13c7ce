"""Property clues and resumption requests: note the key facts, then hand over a prefilled web form.

Nothing reaches the court from the chat: the portal stores a draft and the user checks and
submits it on the web form behind the returned link.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .clue_fields import clue_fields
from .context import chat_token, language, latest_intent, latest_text
from .forms_common import StoppableFormValidation, form_slots_reset, missing
from .parsing import CASE_NUMBER_RE, PLATE_RE, is_specific_clue, parse_clue_type
from .portal import NotSignedIn, PortalClient, PortalUnavailable

DRAFT_SLOTS = ["clue_type", "clue_details"]
STARTING_INTENTS = ("submit_clue", "request_resumption")
MIN_DETAIL_CHARS_ZH = 4
MIN_DETAIL_WORDS_EN = 2


class _ClueValidation(StoppableFormValidation):
    async def validate_clue_type(self, value: Any, dispatcher, tracker: Tracker, domain: DomainDict):
        clue_type = parse_clue_type(value if isinstance(value, str) else "") or parse_clue_type(latest_text(tracker))
        if clue_type is None:
            dispatcher.utter_message(response="utter_invalid_choice")
            return {"clue_type": None}
        slots: dict[str, Any] = {"clue_type": clue_type}
        # the message that started the hand-over may already hold the details ("他有辆宝马，车牌粤B12345")
        text = latest_text(tracker)
        if (
            tracker.get_slot("requested_slot") is None
            and latest_intent(tracker) in STARTING_INTENTS
            and is_specific_clue(text)
        ):
            slots["clue_details"] = text
        return slots

    async def validate_clue_details(self, value: Any, dispatcher, tracker: Tracker, domain: DomainDict):
        text = (value if isinstance(value, str) else latest_text(tracker)).strip()
        too_short = len(text.split()) < MIN_DETAIL_WORDS_EN if text.isascii() else len(text) < MIN_DETAIL_CHARS_ZH
        if too_short:
            dispatcher.utter_message(response="utter_invalid_clue_details")
            return {"clue_details": None}
        return {"clue_details": text}


class ValidateClueForm(_ClueValidation):
    def name(self) -> str:
        return "validate_clue_form"


class ValidateResumptionForm(_ClueValidation):
    def name(self) -> str:
        return "validate_resumption_form"


def first_match(pattern, *texts: str | None) -> str | None:
    for text in texts:
        if text:
            match = pattern.search(text)
            if match:
                return match.group(0)
    return None


def draft_payload(kind: str, tracker: Tracker) -> dict[str, Any]:
    """The draft request: the whole message as details, plus the form fields recognised in it."""
    details = tracker.get_slot("clue_details") or ""
    clue_type = tracker.get_slot("clue_type")
    case_number = tracker.get_slot("case_number") or first_match(CASE_NUMBER_RE, details)
    answers: dict[str, Any] = {"clue_type": clue_type, "details": details, "language": language(tracker)}
    if kind == "property_clue":
        answers.update(clue_fields(clue_type, details))
        plate = tracker.get_slot("plate") or first_match(PLATE_RE, details)  # an extracted entity comes first
        if clue_type == "vehicle" and plate:
            answers["plate"] = plate.upper()
    return {"kind": kind, "case_number": case_number, "answers": answers}


class _SubmitDraft(Action, ABC):
    kind = ""
    ready_response = "utter_draft_ready"

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        reset = [*form_slots_reset(DRAFT_SLOTS), SlotSet("plate", None)]
        if missing(tracker, DRAFT_SLOTS):
            dispatcher.utter_message(response="utter_form_stopped")
            return reset
        payload = draft_payload(self.kind, tracker)
        client = PortalClient.from_env(chat_token(tracker), language(tracker))
        try:
            body = await client.create_draft(payload)
        except NotSignedIn:
            dispatcher.utter_message(response="utter_sign_in_needed")
            return reset
        except PortalUnavailable:
            dispatcher.utter_message(response="utter_draft_failed", details=payload["answers"]["details"])
            return reset
        url = body.get("url")
        case_number = body.get("case_number")
        if not isinstance(url, str) or not url:
            dispatcher.utter_message(response="utter_draft_failed", details=payload["answers"]["details"])
        elif isinstance(case_number, str) and case_number.strip():
            dispatcher.utter_message(response=self.ready_response, url=url, case_number=case_number.strip())
        else:
            # the portal did not choose a case for the draft: the citizen picks it on the form
            dispatcher.utter_message(response="utter_draft_ready_pick_case", url=url)
        return reset


class ActionSubmitClueDraft(_SubmitDraft):
    kind = "property_clue"

    def name(self) -> str:
        return "action_submit_clue_draft"


class ActionSubmitResumptionDraft(_SubmitDraft):
    kind = "resumption_request"
    ready_response = "utter_resumption_draft_ready"

    def name(self) -> str:
        return "action_submit_resumption_draft"
