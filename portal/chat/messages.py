"""What the chat proxy itself says (the assistant's own texts live in bot/domain), in the user's language."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

MAX_MESSAGE = 1000


def _ways_on() -> list[dict]:
    return [
        {"text": _("Read the guides"), "href": url_for("public.explainers")},
        {"text": _("Send court staff a message"), "href": url_for("chat.contact")},
    ]


def fallback() -> dict:
    """The immediate answer when the assistant is down or slow: the guides and the way to reach staff."""
    text = _(
        "Sorry, the assistant is not available at the moment. You can read the guides, or send court staff a "
        "message: they answer within 2 working days."
    )
    return {"parts": [{"text": text}], "buttons": [], "links": _ways_on()}


def no_answer() -> dict:
    text = _("Sorry, I have no answer to that. Please try other words, or send court staff a message.")
    return {"parts": [{"text": text}], "buttons": [], "links": _ways_on()}


ERRORS = {
    "empty_message": lambda: _("Please write a message."),
    "message_too_long": lambda: _("Please keep your message under %(max)s characters.", max=MAX_MESSAGE),
    "csrf": lambda: _("Your session has expired. Please reload the page and try again."),
    "rate_limited": lambda: _("You are sending messages too quickly. Please wait a minute and try again."),
}


def error(code: str) -> str:
    return ERRORS[code]()
