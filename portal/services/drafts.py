"""Drafts: answers saved page by page, resumable later and in either language, with their evidence files."""

from __future__ import annotations

import logging
import secrets
from datetime import date, datetime
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import lazyload

from portal import uploads
from portal.errors import NotFound, PortalError
from portal.extensions import db
from portal.models import Attachment, Draft, PartyRole, User
from portal.services import case_facts
from portal.services.case_view import linked_case
from portal.submissions.fields import field_names
from portal.submissions.kinds import KindSpec, steps_for
from relief.termination import assess_termination

log = logging.getLogger(__name__)


class NotAllowed(PortalError):
    """The case is not in a state where this kind can be filed (e.g. resumption of a case not closed)."""

    code = "kind_not_allowed"
    status = 400


def upload_folder() -> Path:
    return Path(current_app.config["UPLOAD_FOLDER"])


def start(user: User, case_id: int, spec: KindSpec, *, today: date) -> Draft:
    """Resume this user's open draft of this kind on this case, or open a new one, prefilled from the case."""
    item = linked_case(user, case_id, role=spec.filer)
    if spec.case_statuses is not None and item.case.status not in spec.case_statuses:
        raise NotAllowed()
    existing = db.session.scalar(
        select(Draft)
        .where(Draft.user_id == user.id, Draft.case_id == case_id, Draft.kind == spec.kind)
        .where(Draft.submission_id.is_(None))
        .order_by(Draft.id.desc())
    )
    if existing is not None:
        return existing
    context = {"today": today}
    if spec.filer is PartyRole.APPLICANT:
        context["termination_criteria"] = assess_termination(
            case_facts.termination_facts(item.case), as_of=today
        ).criteria
    draft = Draft(
        token=secrets.token_urlsafe(24),
        user_id=user.id,
        kind=spec.kind,
        case_id=case_id,
        answers=spec.prefill(item.case, context),
    )
    db.session.add(draft)
    db.session.commit()
    return draft


def load(user: User, token: str) -> Draft:
    draft = db.session.scalar(select(Draft).where(Draft.token == token))
    if draft is None or draft.user_id != user.id:
        raise NotFound()
    return draft


OPEN_DRAFTS_SHOWN = 10


def open_drafts(user: User) -> list[Draft]:
    """The user's unsent drafts to pick up again: for each kind and case the one ``start`` resumes (its latest),
    the ten most recently touched. A bounded read, however many drafts an account leaves behind.
    """
    resumed = (
        select(func.max(Draft.id))
        .where(Draft.user_id == user.id, Draft.submission_id.is_(None))
        .group_by(Draft.kind, Draft.case_id)
    )
    return list(
        db.session.scalars(
            select(Draft)
            .where(Draft.id.in_(resumed))
            .options(lazyload(Draft.attachments))
            .order_by(Draft.updated_at.desc(), Draft.id.desc())
            .limit(OPEN_DRAFTS_SHOWN)
        )
    )


def save_step(draft: Draft, spec: KindSpec, data: dict) -> None:
    answers = dict(draft.answers)
    answers.update(data)
    # Answers to pages that no longer apply (the user changed an earlier choice) are dropped.
    names = {name for step in steps_for(spec, answers) for name in field_names(step.form(answers))}
    draft.answers = {k: v for k, v in answers.items() if k in names}
    db.session.commit()


def attach(draft: Draft, user: User, stream, filename: str) -> Attachment:
    """Store one evidence file and its row together; a failure leaves neither behind."""
    if len(draft.attachments) >= uploads.MAX_FILES:
        raise uploads.UploadRejected("too_many_files")
    stored = uploads.store(stream, filename, folder=upload_folder())
    attachment = Attachment(
        draft_id=draft.id,
        uploaded_by_id=user.id,
        stored_name=stored.stored_name,
        original_name=stored.original_name,
        content_type=stored.content_type,
        size=stored.size,
        sha256=stored.sha256,
    )
    try:
        db.session.add(attachment)
        db.session.commit()
    except Exception:
        db.session.rollback()
        uploads.delete_stored(upload_folder(), stored.stored_name)
        raise
    log.info("attachment stored draft_id=%s attachment_id=%s", draft.id, attachment.id)
    return attachment


def detach(draft: Draft, attachment_id: int) -> None:
    attachment = next((a for a in draft.attachments if a.id == attachment_id), None)
    if attachment is None:
        raise NotFound()
    stored_name = attachment.stored_name
    db.session.delete(attachment)
    db.session.commit()
    uploads.delete_stored(upload_folder(), stored_name)


def sweep_orphan_uploads(*, now: datetime) -> int:
    """Delete upload files no attachment row points to, once older than UPLOAD_ORPHAN_GRACE_SECONDS.

    A file is written before its row commits, so a process killed in between (or between a removal's commit
    and its unlink) leaves a file nobody points to. The folder is listed before the rows are read: a row that
    commits meanwhile is then seen and its file kept; the grace period covers requests still in flight.
    """
    folder = upload_folder()
    cutoff = now.timestamp() - current_app.config["UPLOAD_ORPHAN_GRACE_SECONDS"]
    candidates = uploads.leftovers(folder, older_than=cutoff)
    kept: set[str] = set()
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        kept.update(db.session.scalars(select(Attachment.stored_name).where(Attachment.stored_name.in_(chunk))))
    db.session.rollback()  # a read only: end it before touching the disk
    removed = sum(uploads.delete_leftover(folder, name) for name in candidates if name not in kept)
    if removed:
        log.warning("upload sweep removed orphan files count=%s", removed)
    return removed
