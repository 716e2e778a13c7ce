"""A court's duties for the day: six-monthly searches due, dishonest listings reaching their term, and open
submissions about to run out of time. The rules stay in relief/; this module only picks the cases.

A court can hold tens of thousands of cases, so SQL narrows first (terminated cases served within the
search period; dishonest listings not lifted; open submissions due soon), events are loaded in batches
(selectinload, yield_per), and only then does relief/ decide. Results are plain frozen dataclasses of
ids, case numbers, dates and codes: the queue views and the daily digest word them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import exists, select
from sqlalchemy.orm import lazyload, selectinload

from portal import mail
from portal.extensions import db
from portal.i18n import LANGUAGES, long_date
from portal.models import (
    Case,
    CaseEvent,
    CaseStatus,
    EventKind,
    Restriction,
    RestrictionKind,
    StaffRole,
    Submission,
    SubmissionStatus,
    User,
    UserKind,
)
from portal.services import case_facts
from relief.listing import dishonest_listing_status
from relief.searches import follow_up_searches

log = logging.getLogger(__name__)

SEARCH_DAYS = 14
LISTING_DAYS = 30
SUBMISSION_DAYS = 2
OPEN = (SubmissionStatus.RECEIVED, SubmissionStatus.IN_REVIEW, SubmissionStatus.AWAITING_INFORMATION)
# ZB-11 runs 5 years from service; a month more covers the last due date rolled off a holiday.
_SEARCH_PERIOD = timedelta(days=5 * 366 + 31)
_BATCH = 500


@dataclass(frozen=True)
class SearchDuty:
    """The earliest ZB-11 search still owed on a terminated case (a late search never makes up a missed one)."""

    case_id: int
    case_number: str
    slot: int
    due_on: date
    overdue: bool
    overdue_slots: int
    provisional: bool


@dataclass(frozen=True)
class ListingDuty:
    """A dishonest listing to act on; `outcome` is relief's code (in_force: its term ends soon)."""

    restriction_id: int
    case_id: int
    case_number: str
    listed_on: date
    outcome: str
    term_ends_on: date | None
    delete_by: date | None
    overdue: bool


@dataclass(frozen=True)
class SubmissionDuty:
    submission_id: int
    reference: str | None
    kind: str
    status: str
    due_on: date
    overdue: bool
    urgent: bool
    case_number: str | None
    assignee_id: int | None


@dataclass(frozen=True)
class Duties:
    court_id: int
    today: date
    searches: tuple[SearchDuty, ...]
    listings: tuple[ListingDuty, ...]
    submissions: tuple[SubmissionDuty, ...]

    @property
    def empty(self) -> bool:
        return not (self.searches or self.listings or self.submissions)


def _case_only():
    # Cases are needed for their events; the rest loads only if something asks (never silently empty).
    return (lazyload(Case.parties), lazyload(Case.restrictions), lazyload(Case.court))


def search_duties(court_id: int, *, today: date, within: int = SEARCH_DAYS) -> list[SearchDuty]:
    served_recently = exists().where(
        CaseEvent.case_id == Case.id,
        CaseEvent.kind == EventKind.TERMINATION_SERVED,
        CaseEvent.occurred_on >= today - _SEARCH_PERIOD,
    )
    query = (
        select(Case)
        .where(Case.court_id == court_id, Case.status == CaseStatus.TERMINATED, served_recently)
        .options(selectinload(Case.events), *_case_only())
        .order_by(Case.id)
        .execution_options(yield_per=_BATCH)
    )
    duties = []
    for case in db.session.scalars(query):
        served = case_facts.termination_served_on(case)
        if served is None:
            continue
        decision = follow_up_searches(served, case_facts.searches_after_termination(case), as_of=today)
        if decision.outcome in ("completed", "period_over"):
            continue
        slot = next(s for s in decision.values["slots"] if s.state != "done")
        if slot.state != "overdue" and (slot.due - today).days > within:
            continue
        duties.append(
            SearchDuty(
                case_id=case.id,
                case_number=case.number,
                slot=slot.number,
                due_on=slot.due,
                overdue=slot.state == "overdue",
                overdue_slots=decision.values["overdue_count"],
                provisional=slot.provisional,
            )
        )
    return sorted(duties, key=lambda d: (d.due_on, d.case_id))


def listing_duties(court_id: int, *, today: date, within: int = LISTING_DAYS) -> list[ListingDuty]:
    query = (
        select(Restriction)
        .join(Case, Restriction.case_id == Case.id)
        .where(
            Case.court_id == court_id,
            Restriction.kind == RestrictionKind.DISHONEST,
            Restriction.lifted_on.is_(None),
        )
        .options(selectinload(Restriction.case).options(selectinload(Case.events), *_case_only()))
        .order_by(Restriction.id)
        .execution_options(yield_per=_BATCH)
    )
    duties = []
    for restriction in db.session.scalars(query):
        try:
            decision = dishonest_listing_status(case_facts.listing_facts(restriction.case, restriction), as_of=today)
        except ValueError:
            # A term beyond the SX-02 maximum is bad imported data: reported, not fatal for the court's list.
            log.warning("listing skipped restriction_id=%s reason=invalid_term", restriction.id)
            continue
        term_ends_on = decision.values["term_ends_on"]
        delete_by = decision.values["delete_by"].due if decision.values["delete_by"] else None
        ends_soon = term_ends_on is not None and (term_ends_on - today).days <= within
        if decision.outcome == "in_force" and not ends_soon:
            continue
        duties.append(
            ListingDuty(
                restriction_id=restriction.id,
                case_id=restriction.case_id,
                case_number=restriction.case.number,
                listed_on=restriction.started_on,
                outcome=decision.outcome,
                term_ends_on=term_ends_on,
                delete_by=delete_by,
                overdue=delete_by is not None and today > delete_by,
            )
        )
    return sorted(duties, key=lambda d: (d.delete_by or d.term_ends_on or today, d.restriction_id))


def submission_duties(court_id: int, *, today: date, within: int = SUBMISSION_DAYS) -> list[SubmissionDuty]:
    rows = db.session.execute(
        select(
            Submission.id,
            Submission.reference,
            Submission.kind,
            Submission.status,
            Submission.due_on,
            Submission.urgent,
            Submission.assignee_id,
            Case.number,
        )
        .outerjoin(Case, Submission.case_id == Case.id)
        .where(
            Submission.court_id == court_id,
            Submission.status.in_(OPEN),
            Submission.due_on.is_not(None),
            Submission.due_on <= today + timedelta(days=within),
        )
        .order_by(Submission.due_on, Submission.id)
    )
    return [
        SubmissionDuty(
            submission_id=row.id,
            reference=row.reference,
            kind=row.kind.value,
            status=row.status.value,
            due_on=row.due_on,
            overdue=row.due_on < today,
            urgent=row.urgent,
            case_number=row.number,
            assignee_id=row.assignee_id,
        )
        for row in rows
    ]


def duties_for_court(court_id: int, *, today: date) -> Duties:
    return Duties(
        court_id=court_id,
        today=today,
        searches=tuple(search_duties(court_id, today=today)),
        listings=tuple(listing_duties(court_id, today=today)),
        submissions=tuple(submission_duties(court_id, today=today)),
    )


# -- the supervisors' daily digest ---------------------------------------------------------------------

DIGEST_LINES = 30  # per section; the full list is in the queue


def render_digest(duties: Duties, supervisor: User) -> tuple[str, str]:
    with force_locale(supervisor.locale if supervisor.locale in LANGUAGES else "zh"):
        subject = _("Court duties for %(date)s", date=long_date(duties.today))
        body = render_template("email/duties_digest.txt", duties=duties, limit=DIGEST_LINES, day=long_date)
    return subject, body


def send_digests(*, today: date) -> int:
    """Email each court's supervisors their court's duties; a court with nothing due gets no email."""
    supervisors = db.session.scalars(
        select(User)
        .where(User.kind == UserKind.STAFF, User.role == StaffRole.SUPERVISOR, User.court_id.is_not(None))
        .order_by(User.court_id, User.id)
    ).all()
    sent = 0
    for court_id, group in groupby(supervisors, key=lambda u: u.court_id):
        duties = duties_for_court(court_id, today=today)
        if duties.empty:
            continue
        for supervisor in group:
            subject, body = render_digest(duties, supervisor)
            try:
                mail.send(supervisor.email, subject, body, ref=f"digest court_id={court_id} user_id={supervisor.id}")
                sent += 1
            except Exception:
                # One failing address must not cost the other courts their digest.
                log.exception("digest not sent court_id=%s user_id=%s", court_id, supervisor.id)
    return sent
