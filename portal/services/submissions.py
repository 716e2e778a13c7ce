"""Turning a draft into a submission: one transaction for the row, its files, its history and its event."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.clock import COURT_TZ
from portal.errors import NotFound
from portal.extensions import db
from portal.models import (
    Draft,
    HistoryEntry,
    OutboxEvent,
    Submission,
    SubmissionStatus,
    User,
)
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


def mine(user: User) -> list[Submission]:
    return list(
        db.session.scalars(
            select(Submission).where(Submission.submitter_id == user.id).order_by(Submission.received_at.desc())
        )
    )


def my_submission(user: User, reference: str) -> Submission:
    submission = db.session.scalar(select(Submission).where(Submission.reference == reference))
    if submission is None or submission.submitter_id != user.id:
        raise NotFound()
    return submission


def submission_of(draft: Draft) -> Submission:
    return db.session.get(Submission, draft.submission_id)
