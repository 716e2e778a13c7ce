from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.forms import PortalForm
from portal.submissions.fields import long_text, optional_text


class ContactForm(PortalForm):
    message = long_text(
        _l("Your question or message"),
        _l("Write your question or message."),
        max_length=2000,
        description=_l("Court staff answer within 2 working days. Do not send identity numbers here."),
    )
    case_number = optional_text(
        _l("Case number (if you have one)"),
        max_length=60,
        description=_l(
            "For example （2023）粤0304执1234号. It is linked only to a case you have added to your account."
        ),
    )
