"""Turning a draft into a submission: one transaction for the row, its files, its history and its event."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, lazyload

from portal import uploads
from portal.clock import COURT_TZ
from portal.errors import NotFound, PortalError
from portal.extensions import db
from portal.models import (
    Attachment,
    Draft,
    HistoryEntry,
    Message,
    OutboxEvent,
    Submission,
    SubmissionStatus,
    User,
)
from portal.services import drafts
from portal.submissions.kinds import KindSpec
from relief.deadlines import deadline_for

log = logging.getLogger(__name__)


def reference_for(submission: Submission) -> str:
    return f"ZB-{submission.received_at.astimezone(COURT_TZ).year}-{submission.id:06d}"


def duplicate_of(draft: Draft, spec: KindSpec) -> Submission | None:
    """An earlier submission on the same case naming the same account, plate, certificate or credit code."""
    key = spec.dedupe(draft.answers)
    if key is None or draft.case_id is None:
        return None
    return db.session.scalar(
        select(Submission)
        .where(Submission.case_id == draft.case_id, Submission.dedupe_key == key)
        .order_by(Submission.id)
    )


def submit(draft: Draft, spec: KindSpec, user: User, *, language: str, now: datetime) -> Submission:
    """File the draft once: a repeated call (double click, refresh, retry) returns the same submission."""
    if draft.submission_id is not None:
        return db.session.get(Submission, draft.submission_id)
    case = draft.case
    clock = spec.clock(draft.answers)
    deadline = deadline_for(clock, now.astimezone(COURT_TZ).date()) if clock else None
    submission = Submission(
        kind=spec.kind,
        case_id=draft.case_id,
        court_id=case.court_id if case else None,
        submitter_id=user.id,
        language=language,
        status=SubmissionStatus.RECEIVED,
        urgent=spec.urgent(draft.answers),
        received_at=now,
        clock=clock,
        due_on=deadline.due if deadline else None,
        due_provisional=bool(deadline and deadline.provisional),
        answers=dict(draft.answers),
        dedupe_key=spec.dedupe(draft.answers),
        idempotency_key=draft.token,
    )
    try:
        db.session.add(submission)
        db.session.flush()
        submission.reference = reference_for(submission)
        for attachment in draft.attachments:
            attachment.submission_id = submission.id
        draft.submission_id = submission.id
        db.session.add(
            HistoryEntry(
                submission_id=submission.id,
                actor_id=user.id,
                action="received",
                to_status=SubmissionStatus.RECEIVED.value,
                details={"clock": clock},
            )
        )
        db.session.add(OutboxEvent(topic="submission.received", payload=event_payload(submission)))
        db.session.commit()
    except IntegrityError:
        # A concurrent submit of the same draft won the race: show the submission it created.
        db.session.rollback()
        existing = db.session.scalar(select(Submission).where(Submission.idempotency_key == draft.token))
        if existing is None:
            raise
        return existing
    log.info("submission received id=%s kind=%s court_id=%s", submission.id, submission.kind, submission.court_id)
    return submission


def event_payload(submission: Submission) -> dict:
    """What the court's case system learns: references and codes, never the citizen's free text."""
    return {
        "reference": submission.reference,
        "kind": submission.kind.value,
        "case_number": submission.case.number if submission.case else None,
        "court": submission.court.code if submission.court else None,
        "status": submission.status.value,
        "received_at": submission.received_at.isoformat(),
        "due_on": submission.due_on.isoformat() if submission.due_on else None,
        "urgent": submission.urgent,
    }


MY_PAGE_SIZE = 25


def mine(user: User, *, before: int | None = None) -> tuple[list[Submission], int | None]:
    """The user's submissions, newest first, a page at a time: (page, the id to continue before, or None).

    Keyset-paged by id (ids grow with time): an account that files often (a lawyer, a company's clerk) keeps
    a page as fast as anyone's. The list shows each item and its case only, not its files and history.
    """
    query = (
        select(Submission)
        .where(Submission.submitter_id == user.id)
        .options(
            joinedload(Submission.case).lazyload("*"),
            lazyload(Submission.attachments),
            lazyload(Submission.messages),
            lazyload(Submission.history),
        )
        .order_by(Submission.id.desc())
        .limit(MY_PAGE_SIZE + 1)
    )
    if before is not None:
        query = query.where(Submission.id < before)
    rows = list(db.session.scalars(query))
    page = rows[:MY_PAGE_SIZE]
    return page, (page[-1].id if len(rows) > MY_PAGE_SIZE else None)


def my_submission(user: User, reference: str) -> Submission:
    submission = db.session.scalar(select(Submission).where(Submission.reference == reference))
    if submission is None or submission.submitter_id != user.id:
        raise NotFound()
    return submission


def submission_of(draft: Draft) -> Submission:
    return db.session.get(Submission, draft.submission_id)


class NotAwaitingInformation(PortalError):
    code = "not_awaiting_information"
    status = 409


def reply(submission: Submission, user: User, body: str, files: list, *, now: datetime) -> Message:
    """The citizen answers the court's request for information: the item goes back to review in one transaction."""
    if submission.status is not SubmissionStatus.AWAITING_INFORMATION:
        raise NotAwaitingInformation()
    folder = drafts.upload_folder()
    if len(submission.attachments) + len(files) > uploads.MAX_FILES:
        raise uploads.UploadRejected("too_many_files")
    stored = []
    try:
        for stream, filename in files:
            stored.append(uploads.store(stream, filename, folder=folder))
        message = Message(submission_id=submission.id, author_id=user.id, kind="reply", body=body, created_at=now)
        db.session.add(message)
        db.session.flush()
        for item in stored:
            db.session.add(
                Attachment(
                    submission_id=submission.id,
                    message_id=message.id,
                    uploaded_by_id=user.id,
                    stored_name=item.stored_name,
                    original_name=item.original_name,
                    content_type=item.content_type,
                    size=item.size,
                    sha256=item.sha256,
                )
            )
        previous = submission.status
        submission.status = SubmissionStatus.IN_REVIEW
        db.session.add(
            HistoryEntry(
                submission_id=submission.id,
                actor_id=user.id,
                action="citizen_replied",
                from_status=previous.value,
                to_status=submission.status.value,
                details={"files": len(stored)},
            )
        )
        db.session.add(OutboxEvent(topic="submission.replied", payload=event_payload(submission)))
        db.session.commit()
    except Exception:
        db.session.rollback()
        for item in stored:
            uploads.delete_stored(folder, item.stored_name)
        raise
    log.info("citizen replied submission_id=%s files=%s", submission.id, len(stored))
    return message
