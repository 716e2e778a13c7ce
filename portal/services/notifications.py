"""Telling people what happened: a notification row in the portal inbox, and an email after the commit.

A notification is stored as a code and a few parameters (references and codes, never names, identity
numbers or amounts) and worded only when shown, so it reads in the recipient's current language.
`notify()` joins the caller's transaction: the row exists only if the change it announces was committed,
and the email job is queued only after that commit (portal.jobs.after_commit).
"""

from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import urlsplit

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, inspect, select
from werkzeug.routing import BuildError

from portal import clock, jobs, mail
from portal.errors import NotFound
from portal.extensions import db
from portal.i18n import LANGUAGES
from portal.models import Notification, Submission, SubmissionKind, SubmissionStatus, User

log = logging.getLogger(__name__)

# One sentence per code: the inbox line and the email subject. Placeholders: reference, case_number.
TEXTS = {
    "submission_received": _l("We have received your submission %(reference)s."),
    "status_in_review": _l("The court has started reviewing your submission %(reference)s."),
    "information_requested": _l("The court needs more information for your submission %(reference)s."),
    "decision_accepted": _l("The court has decided on your submission %(reference)s: accepted."),
    "decision_rejected": _l("The court has decided on your submission %(reference)s: not accepted."),
    "decision_partially_accepted": _l("The court has decided on your submission %(reference)s: partly accepted."),
    "case_resumed": _l("Enforcement of case %(case_number)s has been resumed."),
    # i18n: staff notice; "another case" is a different case of the same court against the same debtor.
    "clue_flag": _l("Property was verified in another case against the debtor of case %(case_number)s."),
}
CODES = frozenset(TEXTS)

# What a notification may carry. Anything else is refused, so no caller can slip personal data in.
PARAM_KEYS = frozenset({"reference", "kind", "status", "code", "case_id", "case_number"})


def notify(
    user_id: int, code: str, *, submission: Submission | None = None, params: dict | None = None
) -> Notification:
    """Add a notification to the caller's transaction (no commit); its email is queued after the commit."""
    if code not in CODES:
        raise ValueError(f"unknown notification code {code!r}")
    extra = dict(params or {})
    unknown = set(extra) - PARAM_KEYS
    if unknown:
        raise ValueError(f"notification params not allowed: {sorted(unknown)}")
    values: dict = {}
    if submission is not None:
        values = {"reference": submission.reference, "kind": submission.kind.value, "status": submission.status.value}
        if submission.case is not None:
            values["case_number"] = submission.case.number
    values.update(extra)
    notification = Notification(user_id=user_id, code=code, params=values, submission=submission)
    db.session.add(notification)
    jobs.after_commit(lambda: _queue_email(notification))
    return notification


def _queue_email(notification: Notification) -> None:
    # After the commit the row is expired and no SQL may run here; its identity (the id) is still known.
    from portal.tasks.notifications import send_notification_email

    identity = inspect(notification).identity
    if identity is not None:
        jobs.dispatch(send_notification_email, (identity[0],))


def describe(notification: Notification) -> str:
    """The one-line text of a notification in the current language (inbox line, email subject)."""
    text = TEXTS.get(notification.code)
    if text is None:
        return str(_l("You have a new notification."))
    params = notification.params or {}
    return str(text) % {"reference": params.get("reference") or "", "case_number": params.get("case_number") or ""}


# -- the inbox -----------------------------------------------------------------------------------------


def unread(user: User) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
            .order_by(Notification.id.desc())
        )
    )


def unread_count(user: User) -> int:
    return db.session.scalar(
        select(func.count()).where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def recent(user: User, limit: int = 20) -> list[Notification]:
    return list(
        db.session.scalars(
            select(Notification).where(Notification.user_id == user.id).order_by(Notification.id.desc()).limit(limit)
        )
    )


def mark_read(user: User, notification_id: int, *, now: datetime | None = None) -> Notification:
    """Mark one of the user's own notifications read (404 for anyone else's); commits."""
    notification = db.session.get(Notification, notification_id)
    if notification is None or notification.user_id != user.id:
        raise NotFound()
    if notification.read_at is None:
        notification.read_at = now or clock.now()
        db.session.commit()
    return notification


# -- the email -----------------------------------------------------------------------------------------


def _kind_label(kind: str | None) -> str:
    from portal.submissions.kinds import kind_spec

    spec = kind_spec(kind) if kind else None
    return str(spec.title) if spec else ""


def _status_label(status: str | None) -> str:
    from portal.submissions.messages import status as status_text

    try:
        return status_text(SubmissionStatus(status))
    except ValueError:
        return ""


def _decision_label(kind: str | None, code: str | None) -> str:
    from portal.queue.decisions import find

    try:
        decision = find(SubmissionKind(kind), code) if kind and code else None
    except ValueError:
        decision = None
    return str(decision.label) if decision else ""


def link_for(notification: Notification, user: User) -> str:
    """Where the email points: the staff item page or the citizen's submission page, else the portal."""
    base = current_app.config["PORTAL_BASE_URL"].rstrip("/")
    parts = urlsplit(base)
    urls = current_app.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme or "https")
    reference = (notification.params or {}).get("reference")
    try:
        if user.is_staff and notification.submission_id:
            return urls.build("queue.item", {"submission_id": notification.submission_id}, force_external=True)
        if not user.is_staff and reference:
            return urls.build("submissions.show", {"reference": reference}, force_external=True)
    except BuildError:
        log.warning("notification link not built notification_id=%s code=%s", notification.id, notification.code)
    return f"{base}/"


def render_email(notification: Notification, user: User) -> tuple[str, str]:
    """Subject and body in the recipient's language (User.locale), whatever language the sender used."""
    locale = user.locale if user.locale in LANGUAGES else "zh"
    params = notification.params or {}
    with force_locale(locale):
        subject = describe(notification)
        body = render_template(
            f"email/{notification.code}.txt",
            summary=subject,
            reference=params.get("reference"),
            case_number=params.get("case_number"),
            kind_label=_kind_label(params.get("kind")),
            status_label=_status_label(params.get("status")),
            decision_label=_decision_label(params.get("kind"), params.get("code")),
            link=link_for(notification, user),
        )
    return subject, body


def email_notification(notification_id: int, *, now: datetime) -> bool:
    """Send a notification's email once; False when there is nothing to send (gone, or already sent)."""
    notification = db.session.get(Notification, notification_id)
    if notification is None:
        # Its transaction rolled back after all (a savepoint), or the user was deleted.
        log.info("notification email skipped notification_id=%s reason=missing", notification_id)
        return False
    if notification.emailed_at is not None:
        return False
    user = db.session.get(User, notification.user_id)
    subject, body = render_email(notification, user)
    mail.send(user.email, subject, body, ref=f"notification_id={notification.id} code={notification.code}")
    notification.emailed_at = now
    db.session.commit()
    return True
