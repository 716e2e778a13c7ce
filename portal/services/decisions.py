"""What staff do to an item: ask for information, note, decide. Each is one transaction with its history,
its notification to the citizen and its outbound event; a resumption or a verified clue changes the case."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

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
from portal.queue.decisions import DecisionCode, find
from portal.services import notifications
from portal.services.submissions import event_payload
from relief.calendar import Deadline
from relief.deadlines import deadline_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CitizenDecision:
    """What the citizen is told of a decision: the standard text, its basis, and the route if they disagree."""

    decision: DecisionCode
    decided_on: date
    route_due: Deadline | None


def for_citizen(submission: Submission) -> CitizenDecision | None:
    if submission.decision_code is None or submission.decided_at is None:
        return None
    decision = find(submission.kind, submission.decision_code)
    if decision is None:
        return None
    decided_on = submission.decided_at.astimezone(COURT_TZ).date()
    route_due = deadline_for(decision.clock, decided_on) if decision.clock and decision.outcome != "accepted" else None
    return CitizenDecision(decision=decision, decided_on=decided_on, route_due=route_due)


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
        Message(
            submission_id=submission.id, author_id=staff.id, kind="information_request", body=question, created_at=now
        )
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


# Verified property on a terminated case: the court shall resume (ZB-12 on request, ZB-11 of its own motion).
_RESUMING = {(SubmissionKind.RESUMPTION, "resumed"), (SubmissionKind.PROPERTY_CLUE, "clue_verified_resumed")}


def _apply_to_case(submission: Submission, code: str, now: datetime) -> None:
    case = submission.case
    if case is None:
        return
    day = now.astimezone(COURT_TZ).date()
    resumes = (submission.kind, code) in _RESUMING
    if resumes and case.status is CaseStatus.TERMINATED:
        case.status = CaseStatus.RESUMED
        case.events.append(
            CaseEvent(kind=EventKind.RESUMPTION, occurred_on=day, details={"submission": submission.reference})
        )
        if submission.submitter_id:
            notifications.notify(submission.submitter_id, "case_resumed", submission=submission)
    if resumes or (submission.kind, code) == (SubmissionKind.PROPERTY_CLUE, "clue_verified"):
        case.events.append(
            CaseEvent(
                kind=EventKind.CLUE_VERIFIED,
                occurred_on=day,
                result="found",
                details={"submission": submission.reference},
            )
        )
        from portal.services.flags import flag_other_cases

        flag_other_cases(submission, now=now)
