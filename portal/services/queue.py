"""The court queue: one list per court, filtered and sorted by legal due date, paged by keyset, claimed safely.

Staff only ever see their own court: every query here starts from the staff member's court_id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import joinedload, lazyload

from portal.database import begin_write
from portal.errors import NotFound
from portal.extensions import db
from portal.models import Case, HistoryEntry, Submission, SubmissionKind, SubmissionStatus, User

OPEN = (SubmissionStatus.RECEIVED, SubmissionStatus.IN_REVIEW, SubmissionStatus.AWAITING_INFORMATION)
PAGE_SIZE = 50
# Items without a legal clock sort after every dated one.
NO_DUE = date(9999, 12, 31)


@dataclass(frozen=True)
class QueueFilters:
    kind: SubmissionKind | None = None
    status: SubmissionStatus | None = None
    open_only: bool = True
    assignee: str | None = None  # "me", "none" or a user id
    urgent: bool = False
    overdue: bool = False
    due_within: int | None = None
    division: str | None = None
    q: str | None = None  # a reference or a case number


@dataclass(frozen=True)
class QueuePage:
    items: list[Submission]
    next_cursor: str | None
    counts: dict[str, int] = field(default_factory=dict)


def _due_key():
    return func.coalesce(Submission.due_on, NO_DUE)


def _filtered(staff: User, filters: QueueFilters, today: date):
    query = select(Submission).where(Submission.court_id == staff.court_id)
    if filters.status is not None:
        query = query.where(Submission.status == filters.status)
    elif filters.open_only:
        query = query.where(Submission.status.in_(OPEN))
    if filters.kind is not None:
        query = query.where(Submission.kind == filters.kind)
    if filters.assignee == "me":
        query = query.where(Submission.assignee_id == staff.id)
    elif filters.assignee == "none":
        query = query.where(Submission.assignee_id.is_(None))
    elif filters.assignee and filters.assignee.isascii() and filters.assignee.isdigit() and len(filters.assignee) <= 9:
        # ASCII digits only ("²".isdigit() is true) and within the database's integer.
        query = query.where(Submission.assignee_id == int(filters.assignee))
    if filters.urgent:
        query = query.where(Submission.urgent.is_(True))
    if filters.overdue:
        query = query.where(Submission.due_on < today)
    if filters.due_within is not None:
        query = query.where(Submission.due_on <= today + timedelta(days=filters.due_within))
    if filters.division:
        query = query.join(Case, Case.id == Submission.case_id).where(Case.division == filters.division)
    if filters.q:
        text = filters.q.strip()
        case_ids = select(Case.id).where(Case.number == _normalised_number(text))
        query = query.where(or_(Submission.reference == text.upper(), Submission.case_id.in_(case_ids)))
    return query


def _normalised_number(text: str) -> str:
    from relief.case_number import CaseNumberError, parse_case_number

    try:
        return parse_case_number(text).canonical
    except CaseNumberError:
        return text


def encode_cursor(item: Submission) -> str:
    return f"{(item.due_on or NO_DUE).isoformat()}_{item.id}"


def decode_cursor(cursor: str | None) -> tuple[date, int] | None:
    if not cursor:
        return None
    try:
        day, ident = cursor.split("_", 1)
        return date.fromisoformat(day), int(ident)
    except ValueError:
        return None


def page(staff: User, filters: QueueFilters, *, today: date, cursor: str | None = None) -> QueuePage:
    """One page of the queue, due date first; the cursor keeps paging fast however deep the list is."""
    query = _filtered(staff, filters, today)
    after = decode_cursor(cursor)
    if after is not None:
        due, ident = after
        query = query.where(or_(_due_key() > due, and_(_due_key() == due, Submission.id > ident)))
    # The list shows each item's own columns and its case number: not every case's parties, events and
    # restrictions, nor every item's files, thread and history (the models load those eagerly for the item page).
    query = query.options(
        joinedload(Submission.case).lazyload("*"),
        lazyload(Submission.attachments),
        lazyload(Submission.messages),
        lazyload(Submission.history),
    )
    rows = list(db.session.scalars(query.order_by(_due_key(), Submission.id).limit(PAGE_SIZE + 1)))
    more = len(rows) > PAGE_SIZE
    items = rows[:PAGE_SIZE]
    return QueuePage(items=items, next_cursor=encode_cursor(items[-1]) if more else None)


def counts(staff: User) -> dict[str, int]:
    """How many items of the court wait in each open status.

    Open statuses only: counting a court's whole history (every decided item, 333,000 at 1,000,000 submissions)
    on each view cost 126 ms; the open ones are an index-only range of (court_id, status, ...). The dashboard
    counts what was decided.
    """
    rows = db.session.execute(
        select(Submission.status, func.count())
        .where(Submission.court_id == staff.court_id, Submission.status.in_(OPEN))
        .group_by(Submission.status)
    ).all()
    return {status.value: number for status, number in rows}


def item(staff: User, submission_id: int) -> Submission:
    submission = db.session.get(Submission, submission_id)
    if submission is None or submission.court_id != staff.court_id:
        raise NotFound()
    return submission


def _take(submission_id: int, staff: User, now: datetime) -> bool:
    """Compare-and-set: exactly one of two simultaneous claims changes the row (any database)."""
    result = db.session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.assignee_id.is_(None), Submission.court_id == staff.court_id)
        .values(assignee_id=staff.id, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _history(submission_id: int, staff: User, action: str, **details) -> None:
    db.session.add(HistoryEntry(submission_id=submission_id, actor_id=staff.id, action=action, details=details))


def claim(staff: User, submission_id: int, *, now: datetime) -> bool:
    begin_write()
    item(staff, submission_id)
    won = _take(submission_id, staff, now)
    if won:
        _history(submission_id, staff, "claimed")
    db.session.commit()
    return won


def claim_next(staff: User, *, now: datetime) -> Submission | None:
    """The earliest-due unassigned open item of the court, claimed for this staff member, or None."""
    begin_write()
    candidates = (
        select(Submission.id)
        .where(Submission.court_id == staff.court_id, Submission.assignee_id.is_(None))
        .where(Submission.status.in_(OPEN))
        .order_by(_due_key(), Submission.id)
        .limit(20)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        # Others' in-flight claims are skipped rather than waited on.
        candidates = candidates.with_for_update(skip_locked=True)
    for submission_id in list(db.session.scalars(candidates)):
        if _take(submission_id, staff, now):
            _history(submission_id, staff, "claimed")
            db.session.commit()
            return db.session.get(Submission, submission_id)
    db.session.commit()
    return None


def assign(staff: User, submission_ids: list[int], assignee_id: int) -> int:
    """Assign (or reassign) items of this court to a staff member of this court; returns how many changed."""
    assignee = db.session.get(User, assignee_id)
    if assignee is None or assignee.court_id != staff.court_id or not assignee.is_staff:
        raise NotFound()
    changed = 0
    for submission in db.session.scalars(
        select(Submission).where(Submission.id.in_(submission_ids), Submission.court_id == staff.court_id)
    ):
        if submission.assignee_id != assignee_id:
            previous = submission.assignee_id
            submission.assignee_id = assignee_id
            _history(submission.id, staff, "assigned", to=assignee_id, previous=previous)
            changed += 1
    db.session.commit()
    return changed


def colleagues(staff: User) -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.court_id == staff.court_id, User.kind == staff.kind).order_by(User.id)
        )
    )


def related(submission: Submission) -> dict[str, list[Submission]]:
    """Earlier submissions on the same case, on the same debtor in this court, and with the same identifier."""
    same_case = (
        list(
            db.session.scalars(
                select(Submission)
                .where(Submission.case_id == submission.case_id, Submission.id != submission.id)
                .order_by(Submission.received_at.desc())
                .limit(20)
            )
        )
        if submission.case_id
        else []
    )
    duplicates = [s for s in same_case if submission.dedupe_key and s.dedupe_key == submission.dedupe_key]
    same_debtor: list[Submission] = []
    if submission.case is not None:
        debtor_ids = [cp.party_id for cp in submission.case.parties if cp.role.value == "debtor"]
        from portal.models import CaseParty

        other_cases = select(CaseParty.case_id).where(
            CaseParty.party_id.in_(debtor_ids), CaseParty.case_id != submission.case_id
        )
        same_debtor = list(
            db.session.scalars(
                select(Submission)
                .where(Submission.court_id == submission.court_id, Submission.case_id.in_(other_cases))
                .order_by(Submission.received_at.desc())
                .limit(20)
            )
        )
    return {"same_case": same_case, "same_debtor": same_debtor, "duplicates": duplicates}
