"""Inquiries: a message for court staff (mostly handed over by the assistant), filed in one transaction.

The case is linked only when the token's user proved to be its party; the inquiry then goes to that
case's court, otherwise to the default court (INQUIRY_DEFAULT_COURT, else the first court). The legal
clock is ``inquiry_answer`` (Q-01, 2 working days [D]).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from portal import database
from portal.clock import COURT_TZ
from portal.extensions import db
from portal.models import Court, HistoryEntry, OutboxEvent, Submission, SubmissionKind, SubmissionStatus, User
from portal.services import case_view
from portal.services.chat_drafts import canonical_number
from portal.services.submissions import event_payload, reference_for
from portal.submissions.kinds import KINDS
from relief.deadlines import deadline_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Line:
    speaker: str  # "user" | "bot"
    text: str


def _linked_case(user: User | None, case_number: str | None):
    if user is None or not case_number:
        return None
    wanted = canonical_number(case_number)
    return next((i.case for i in case_view.my_cases(user) if i.case.number == wanted), None)


def default_court() -> Court | None:
    code = current_app.config.get("INQUIRY_DEFAULT_COURT")
    if code:
        court = db.session.scalar(select(Court).where(Court.code == code))
        if court is not None:
            return court
        log.warning("inquiry default court not found code=%s; using the first court", code)
    return db.session.scalar(select(Court).order_by(Court.id).limit(1))


def conversation_text(lines: list[Line], language: str) -> str:
    """The transcript as staff read it, speakers named in the language of the inquiry."""
    with force_locale(language):
        names = {"user": _("Citizen"), "bot": _("Assistant")}
        return "\n".join(f"{names[line.speaker]}: {line.text}" for line in lines)


def create(
    user: User | None,
    *,
    message: str,
    transcript: list[Line],
    language: str,
    case_number: str | None,
    now: datetime,
) -> Submission:
    spec = KINDS[SubmissionKind.INQUIRY]
    database.begin_write()
    case = _linked_case(user, case_number)
    court = case.court if case is not None else default_court()
    clock = spec.clock({})
    deadline = deadline_for(clock, now.astimezone(COURT_TZ).date())
    answers = {"message": message}
    if transcript:
        answers["conversation"] = conversation_text(transcript, language)
    submission = Submission(
        kind=spec.kind,
        case_id=case.id if case is not None else None,
        court_id=court.id if court is not None else None,
        submitter_id=user.id if user is not None else None,
        language=language,
        status=SubmissionStatus.RECEIVED,
        urgent=False,
        received_at=now,
        clock=clock,
        due_on=deadline.due,
        due_provisional=deadline.provisional,
        answers=answers,
        idempotency_key="inquiry-" + secrets.token_urlsafe(24),
    )
    db.session.add(submission)
    db.session.flush()
    submission.reference = reference_for(submission)
    db.session.add(
        HistoryEntry(
            submission_id=submission.id,
            actor_id=submission.submitter_id,
            action="received",
            to_status=SubmissionStatus.RECEIVED.value,
            details={"clock": clock, "channel": "assistant"},
        )
    )
    db.session.add(OutboxEvent(topic="submission.received", payload=event_payload(submission)))
    db.session.commit()
    log.info(
        "inquiry received id=%s court_id=%s case_linked=%s signed_in=%s",
        submission.id,
        submission.court_id,
        case is not None,
        user is not None,
    )
    return submission
