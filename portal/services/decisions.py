"""What staff do to an item: ask for information, note, decide. Each is one transaction with its history,
its notification to the citizen and its outbound event; a resumption or a verified clue changes the case."""

from __future__ import annotations

import logging
from datetime import datetime

from portal.clock import COURT_TZ
from portal.errors import PortalError
from portal.extensions import db
from portal.models import (
    CaseEvent,
    CaseStatus,
    EventKind,
    HistoryEntry,
    Message,
    OutboxEvent,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    User,
)
from portal.queue.decisions import find
from portal.services import notifications
from portal.services.submissions import event_payload

log = logging.getLogger(__name__)


class AlreadyDecided(PortalError):
    code = "already_decided"
    status = 409


class UnknownDecision(PortalError):
    code = "unknown_decision"
    status = 400


def _open(submission: Submission) -> None:
    if submission.status in (SubmissionStatus.DECIDED, SubmissionStatus.CLOSED):
        raise AlreadyDecided()


def _move(submission: Submission, staff: User, action: str, to: SubmissionStatus, **details) -> None:
    previous = submission.status
    submission.status = to
    db.session.add(
        HistoryEntry(
            submission_id=submission.id,
            actor_id=staff.id,
            action=action,
            from_status=previous.value,
            to_status=to.value,
            details=details,
        )
    )


def start_review(submission: Submission, staff: User) -> None:
    if submission.status is SubmissionStatus.RECEIVED:
        _move(submission, staff, "review_started", SubmissionStatus.IN_REVIEW)
        if submission.submitter_id:
            notifications.notify(submission.submitter_id, "status_in_review", submission=submission)
        db.session.commit()


def request_information(submission: Submission, staff: User, question: str, *, now: datetime) -> None:
    _open(submission)
    db.session.add(
        Message(submission_id=submission.id, author_id=staff.id, kind="information_request", body=question, created_at=now)
    )
    _move(submission, staff, "information_requested", SubmissionStatus.AWAITING_INFORMATION)
    if submission.submitter_id:
        notifications.notify(submission.submitter_id, "information_requested", submission=submission)
    db.session.add(OutboxEvent(topic="submission.information_requested", payload=event_payload(submission)))
    db.session.commit()
    log.info("information requested submission_id=%s", submission.id)


def add_note(submission: Submission, staff: User, text: str, *, now: datetime) -> None:
    db.session.add(Message(submission_id=submission.id, author_id=staff.id, kind="note", body=text, created_at=now))
    db.session.add(HistoryEntry(submission_id=submission.id, actor_id=staff.id, action="note_added", details={}))
    db.session.commit()


def decide(submission: Submission, staff: User, code: str, text: str, *, now: datetime) -> None:
    """Record a standard decision; accepted resumptions resume the case, verified clues mark its timeline."""
    _open(submission)
    decision = find(submission.kind, code)
    if decision is None:
        raise UnknownDecision()
    submission.decision_code = code
    submission.decided_at = now
    if text:
        db.session.add(
            Message(submission_id=submission.id, author_id=staff.id, kind="decision", body=text, created_at=now)
        )
    _move(submission, staff, "decided", SubmissionStatus.DECIDED, code=code, outcome=decision.outcome)
    _apply_to_case(submission, decision.code, now)
    if submission.submitter_id:
        notifications.notify(
            submission.submitter_id, f"decision_{decision.outcome}", submission=submission, params={"code": code}
        )
    db.session.add(OutboxEvent(topic="submission.decided", payload={**event_payload(submission), "decision": code}))
    db.session.commit()
    log.info("decided submission_id=%s code=%s", submission.id, code)


def _apply_to_case(submission: Submission, code: str, now: datetime) -> None:
    case = submission.case
    if case is None:
        return
    day = now.astimezone(COURT_TZ).date()
    if submission.kind is SubmissionKind.RESUMPTION and code == "resumed":
        case.status = CaseStatus.RESUMED
        case.events.append(CaseEvent(kind=EventKind.RESUMPTION, occurred_on=day, details={"submission": submission.reference}))
        if submission.submitter_id:
            notifications.notify(submission.submitter_id, "case_resumed", submission=submission)
    if submission.kind in (SubmissionKind.PROPERTY_CLUE, SubmissionKind.RESUMPTION) and code in ("clue_verified", "resumed"):
        case.events.append(
            CaseEvent(kind=EventKind.CLUE_VERIFIED, occurred_on=day, result="found", details={"submission": submission.reference})
        )
        from portal.services.flags import flag_other_cases

        flag_other_cases(submission, now=now)
