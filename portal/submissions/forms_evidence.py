from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField

from portal.forms import PortalForm


class EvidenceForm(PortalForm):
    files = MultipleFileField(
        _l("Add files"),
        description=_l(
            "Photos (JPEG or PNG) or PDF documents, at most 10 MB each and 10 in all. Location data is removed from photos."
        ),
    )
