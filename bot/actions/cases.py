"""Signed-in look-ups: the user's own cases and, for debtors, what they owe and which restrictions bind them.

The portal decides who the user is from the chat token and returns already-translated labels;
the assistant only arranges them into messages.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from .context import chat_token, language
from .portal import NotSignedIn, PortalClient, PortalUnavailable

# condition codes the portal may list in conditions_unmet (rulebook ZB-03); others fall back to a generic name
CONDITION_RESPONSES = {
    "notice_served": "utter_condition_notice_served",
    "restriction_issued": "utter_condition_restriction_issued",
    "investigation_exhausted": "utter_condition_investigation_exhausted",
    "three_months_elapsed": "utter_condition_three_months_elapsed",
    "missing_debtor_searched": "utter_condition_missing_debtor_searched",
}
MAX_ITEMS = 10


def render_response(domain: dict[str, Any], name: str, lang: str) -> str:
    """The text of a short domain response in the given language (used to build one list message)."""
    variations = (domain.get("responses") or {}).get(name) or []
    default = ""
    for variation in variations:
        conditions = variation.get("condition") or []
        if not conditions:
            default = default or variation.get("text", "")
            continue
        if all(c.get("name") == "language" and c.get("value") == lang for c in conditions):
            return variation.get("text", "")
    return default


def condition_names(codes: list[str], domain: dict[str, Any], lang: str) -> str:
    names = []
    for code in codes:
        response = CONDITION_RESPONSES.get(code, "utter_condition_other")
        name = render_response(domain, response, lang) or code
        if name not in names:
            names.append(name)
    return ("; " if lang == "en" else "；").join(names)


async def signed_in_items(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    ask: Callable[[PortalClient], Awaitable[dict[str, Any]]],
    key: str,
    none_response: str,
) -> list[dict[str, Any]]:
    """The signed-in user's items under `key` of one portal look-up, or [] once the user was told why there are none
    (not signed in, the portal unavailable, or nothing to list)."""
    client = PortalClient.from_env(chat_token(tracker), language(tracker))
    try:
        body = await ask(client)
    except NotSignedIn:
        dispatcher.utter_message(response="utter_sign_in_needed")
        return []
    except PortalUnavailable:
        dispatcher.utter_message(response="utter_portal_unavailable")
        return []
    items = [item for item in body.get(key) or [] if isinstance(item, dict)]
    if not items:
        dispatcher.utter_message(response=none_response)
    return items


class ActionCaseStatus(Action):
    def name(self) -> str:
        return "action_case_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        lang = language(tracker)
        cases = await signed_in_items(dispatcher, tracker, lambda client: client.my_cases(), "cases", "utter_no_cases")
        if not cases:
            return []
        dispatcher.utter_message(response="utter_case_status_intro")
        for case in cases[:MAX_ITEMS]:
            line = "utter_case_line_debtor" if case.get("role") == "debtor" else "utter_case_line_applicant"
            dispatcher.utter_message(
                response=line,
                number=case.get("number") or "",
                court=case.get("court") or "",
                status_label=case.get("status_label") or case.get("status") or "",
                url=case.get("url") or "/cases",
            )
            if case.get("next_search_due"):
                dispatcher.utter_message(response="utter_case_next_search", date=case["next_search_due"])
            unmet = [c for c in case.get("conditions_unmet") or [] if isinstance(c, str)]
            if unmet:
                dispatcher.utter_message(
                    response="utter_case_conditions_unmet", conditions=condition_names(unmet, domain, lang)
                )
        dispatcher.utter_message(response="utter_case_status_footer")
        return []


class ActionObligations(Action):
    def name(self) -> str:
        return "action_obligations"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        debtor_cases = await signed_in_items(
            dispatcher, tracker, lambda client: client.my_obligations(), "debtor_cases", "utter_no_obligations"
        )
        if not debtor_cases:
            return []
        for case in debtor_cases[:MAX_ITEMS]:
            dispatcher.utter_message(
                response="utter_obligation_line",
                number=case.get("number") or "",
                outstanding=case.get("outstanding") or "0",
                interest=case.get("interest") or "0",
                url=case.get("url") or "/cases",
            )
            restrictions = [r for r in case.get("restrictions") or [] if isinstance(r, dict)]
            if not restrictions:
                dispatcher.utter_message(response="utter_no_restrictions")
            for restriction in restrictions:
                dispatcher.utter_message(
                    response="utter_restriction_line",
                    label=restriction.get("label") or restriction.get("kind") or "",
                    since=restriction.get("since") or "",
                )
        dispatcher.utter_message(response="utter_obligations_footer")
        return []
