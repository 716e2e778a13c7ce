from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField

from portal.forms import PortalForm
from portal.submissions.fields import long_text


class ReplyForm(PortalForm):
    body = long_text(_l("Your answer to the court"), _l("Write your answer to the court's question."))
    files = MultipleFileField(
        _l("Add files (optional)"),
        description=_l("Photos (JPEG or PNG) or PDF documents, at most 10 MB each."),
    )
