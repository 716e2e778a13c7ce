"""The inquiry: a question for court staff, sent from the assistant (with the conversation) or from the web."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.forms import PortalForm
from portal.submissions.fields import long_text, optional_long_text


class InquiryForm(PortalForm):
    message = long_text(
        _l("Your question or message"),
        _l("Write your question or message."),
        max_length=2000,
        description=_l("Court staff answer within 2 working days. Do not send identity numbers here."),
    )


class ConversationForm(PortalForm):
    # Filled by the portal from the assistant's transcript; shown to staff, not edited by the citizen.
    conversation = optional_long_text(_l("The conversation with the assistant"), max_length=40000)
