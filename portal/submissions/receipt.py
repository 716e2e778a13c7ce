"""The receipt PDF of a submission, in the language the submitter asks for."""

from __future__ import annotations

import io

from flask_babel import force_locale
from flask_babel import gettext as _

from portal.clock import COURT_TZ, today
from portal.i18n import kilobytes, long_date
from portal.models import Submission
from portal.receipts import Receipt, build_receipt
from portal.submissions import messages, summary
from portal.submissions.kinds import KINDS


def receipt_pdf(submission: Submission, language: str) -> io.BytesIO:
    spec = KINDS[submission.kind]
    with force_locale(language):
        rows = [row for _step, section in summary.sections(submission.kind, submission.answers) for row in section]
        deadline = long_date(submission.due_on) if submission.due_on else messages.no_clock()
        receipt = Receipt(
            title=str(spec.title),
            reference=submission.reference,
            court=submission.court.name(language) if submission.court else "",
            case_number=submission.case.number if submission.case else "",
            kind_label=str(spec.title),
            received_at=long_date(submission.received_at.astimezone(COURT_TZ).date()),
            deadline_label=messages.clock(submission.clock) or _("Time limit"),
            deadline=deadline,
            deadline_note=_("Provisional: the official holiday calendar for that year is not published yet.")
            if submission.due_provisional
            else str(spec.receipt_text),
            answers=tuple(rows),
            issued_on=today(),
            attachments=tuple((a.original_name, kilobytes(a.size)) for a in submission.attachments),
            labels={
                "answers": _("Your answers"),
                "attachments": _("Files"),
                "reference": _("Reference"),
                "received": _("Date received"),
                "court": _("Court"),
                "case": _("Case number"),
                "footer": _("Keep this receipt. Quote the reference when you contact the court."),
                "none": _("None"),
            },
        )
        return io.BytesIO(build_receipt(receipt, locale=language))
