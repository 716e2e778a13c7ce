"""Judicial-relief and debt-exit screenings, asked one question at a time, answered by the portal.

Eligibility is decided by the portal (relief/ in code); the assistant only collects answers,
posts them, and shows the translated summary with a link to the full result.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from .context import chat_token, language, latest_intent, latest_text
from .forms_common import StoppableFormValidation, form_slots_reset, missing
from .parsing import locate, parse_claim_type, parse_debtor_type, parse_months
from .portal import NotSignedIn, PortalClient, PortalUnavailable

RELIEF_SLOTS = ["is_natural_person", "claim_type", "hardship", "compensated", "already_relieved"]
DEBT_EXIT_SLOTS = [
    "debtor_type",
    "city",
    "residence",
    "social_insurance_months",
    "hukou",
    "has_enforcement_case",
    "bad_faith",
]
RELIEF_WEB_URL = "/screening/judicial-relief"
DEBT_EXIT_WEB_URL = "/screening/debt-exit"


class ValidateReliefForm(StoppableFormValidation):
    def name(self) -> str:
        return "validate_relief_form"

    async def validate_is_natural_person(self, value, dispatcher, tracker, domain):
        return self.yes_no("is_natural_person", value, dispatcher, tracker)

    async def validate_claim_type(self, value: Any, dispatcher, tracker: Tracker, domain: DomainDict):
        claim = parse_claim_type(value if isinstance(value, str) else latest_text(tracker))
        if claim is None:
            dispatcher.utter_message(response="utter_invalid_choice")
        return {"claim_type": claim}

    async def validate_hardship(self, value, dispatcher, tracker, domain):
        return self.yes_no("hardship", value, dispatcher, tracker)

    async def validate_compensated(self, value, dispatcher, tracker, domain):
        return self.yes_no("compensated", value, dispatcher, tracker)

    async def validate_already_relieved(self, value, dispatcher, tracker, domain):
        return self.yes_no("already_relieved", value, dispatcher, tracker)


class ValidateDebtExitForm(StoppableFormValidation):
    def name(self) -> str:
        return "validate_debt_exit_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        # the personal questions (residence, social insurance, hukou ...) don't apply to a company
        if tracker.get_slot("debtor_type") == "company":
            return ["debtor_type"]
        return domain_slots

    async def validate_debtor_type(self, value, dispatcher, tracker, domain):
        kind = parse_debtor_type(value if isinstance(value, str) else "", latest_intent(tracker))
        if kind is None:
            dispatcher.utter_message(response="utter_invalid_choice")
        return {"debtor_type": kind}

    async def validate_city(self, value, dispatcher, tracker, domain):
        city, province = locate(value if isinstance(value, str) else latest_text(tracker))
        if city is None:
            dispatcher.utter_message(response="utter_invalid_city")
            return {"city": None}
        return {"city": city, "province": province}

    async def validate_residence(self, value, dispatcher, tracker, domain):
        return self.yes_no("residence", value, dispatcher, tracker)

    async def validate_social_insurance_months(self, value, dispatcher, tracker, domain):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"social_insurance_months": float(value)}
        months = parse_months(value if isinstance(value, str) else latest_text(tracker), latest_intent(tracker))
        if months is None or months < 0 or months > 12 * 80:
            dispatcher.utter_message(response="utter_invalid_months")
            return {"social_insurance_months": None}
        return {"social_insurance_months": months}

    async def validate_hukou(self, value, dispatcher, tracker, domain):
        return self.yes_no("hukou", value, dispatcher, tracker)

    async def validate_has_enforcement_case(self, value, dispatcher, tracker, domain):
        return self.yes_no("has_enforcement_case", value, dispatcher, tracker)

    async def validate_bad_faith(self, value, dispatcher, tracker, domain):
        return self.yes_no("bad_faith", value, dispatcher, tracker)


def relief_answers(tracker: Tracker) -> dict[str, Any]:
    answers = {slot: tracker.get_slot(slot) for slot in RELIEF_SLOTS}
    answers["case_number"] = tracker.get_slot("case_number")
    return answers


def debt_exit_answers(tracker: Tracker) -> dict[str, Any]:
    answers: dict[str, Any] = {slot: tracker.get_slot(slot) for slot in DEBT_EXIT_SLOTS}
    answers["province"] = tracker.get_slot("province")
    months = answers.get("social_insurance_months")
    answers["social_insurance_months"] = round(months) if isinstance(months, (int, float)) else None
    return answers


async def _submit(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    kind: str,
    answers: dict[str, Any],
    web_url: str,
) -> None:
    client = PortalClient.from_env(chat_token(tracker), language(tracker))
    try:
        body = await client.screening(kind, {**answers, "language": language(tracker)})
    except (PortalUnavailable, NotSignedIn):
        dispatcher.utter_message(response="utter_screening_failed", url=web_url)
        return
    summary = body.get("summary")
    if not summary:
        dispatcher.utter_message(response="utter_screening_failed", url=web_url)
        return
    dispatcher.utter_message(response="utter_screening_result", summary=summary, url=body.get("url") or web_url)


class ActionSubmitReliefScreening(Action):
    def name(self) -> str:
        return "action_submit_relief_screening"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        if missing(tracker, RELIEF_SLOTS):
            dispatcher.utter_message(response="utter_form_stopped")
        else:
            await _submit(dispatcher, tracker, "judicial-relief", relief_answers(tracker), RELIEF_WEB_URL)
        return form_slots_reset(RELIEF_SLOTS)


class ActionSubmitDebtExitScreening(Action):
    def name(self) -> str:
        return "action_submit_debt_exit_screening"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        needed = ["debtor_type"] if tracker.get_slot("debtor_type") == "company" else DEBT_EXIT_SLOTS
        if missing(tracker, needed):
            dispatcher.utter_message(response="utter_form_stopped")
        else:
            await _submit(dispatcher, tracker, "debt-exit", debt_exit_answers(tracker), DEBT_EXIT_WEB_URL)
        return form_slots_reset([*DEBT_EXIT_SLOTS, "province"])
