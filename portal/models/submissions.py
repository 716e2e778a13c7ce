"""Everything a citizen sends the court: one submission in one queue, with its files, thread and history."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.cases import _enum
from portal.models.types import UTCDateTime, utcnow


class SubmissionKind(enum.StrEnum):
    PROPERTY_CLUE = "property_clue"
    RESUMPTION = "resumption_request"
    OBJECTION = "objection"
    COMPLAINT = "inaction_complaint"
    REWARD_NOTICE = "reward_notice_request"
    PROPERTY_REPORT = "property_report"
    DISHONEST_CORRECTION = "dishonest_correction"
    RESTRICTION_LIFTING = "restriction_lifting"
    URGENT_TRAVEL = "urgent_travel"
    RELIEF_APPLICATION = "relief_application"
    DEBT_EXIT_REFERRAL = "debt_exit_referral"
    INQUIRY = "inquiry"


class SubmissionStatus(enum.StrEnum):
    RECEIVED = "received"
    IN_REVIEW = "in_review"
    AWAITING_INFORMATION = "awaiting_information"
    DECIDED = "decided"
    CLOSED = "closed"


class Submission(db.Model):
    __tablename__ = "submissions"
    __table_args__ = (
        # The queue: a court's open items by due date, and its filters.
        Index("ix_submissions_court_status_due", "court_id", "status", "due_on", "id"),
        Index("ix_submissions_court_kind_due", "court_id", "kind", "due_on", "id"),
        Index("ix_submissions_case_dedupe", "case_id", "dedupe_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(20), unique=True, nullable=True)
    kind: Mapped[SubmissionKind] = mapped_column(_enum(SubmissionKind), nullable=False)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True, index=True)
    court_id: Mapped[int | None] = mapped_column(ForeignKey("courts.id"), nullable=True)
    submitter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    language: Mapped[str] = mapped_column(String(5), nullable=False)
    status: Mapped[SubmissionStatus] = mapped_column(_enum(SubmissionStatus), nullable=False)
    urgent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    clock: Mapped[str | None] = mapped_column(String(40), nullable=True)  # relief.deadlines clock id
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_provisional: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True, index=True)
    answers: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(120), nullable=True)
    # The draft token it came from: submitting the same draft twice finds this row instead of a second one.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    decision_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    case = relationship("Case", lazy="joined")
    court = relationship("Court", lazy="joined")
    submitter = relationship("User", foreign_keys=[submitter_id])
    attachments = relationship("Attachment", back_populates="submission", lazy="selectin", order_by="Attachment.id")
    messages = relationship("Message", back_populates="submission", lazy="selectin", order_by="Message.id")
    history = relationship("HistoryEntry", back_populates="submission", lazy="selectin", order_by="HistoryEntry.id")


class Draft(db.Model):
    """Answers saved page by page; resumable, language-independent, and the key that makes submitting idempotent."""

    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=True, index=True)
    kind: Mapped[SubmissionKind] = mapped_column(_enum(SubmissionKind), nullable=False)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), nullable=True)
    answers: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    case = relationship("Case")
    attachments = relationship("Attachment", back_populates="draft", lazy="selectin", order_by="Attachment.id")


class Attachment(db.Model):
    """A stored evidence file: its row and its file exist together or not at all."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"), nullable=True, index=True)
    draft_id: Mapped[int | None] = mapped_column(
        ForeignKey("drafts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), nullable=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    original_name: Mapped[str] = mapped_column(String(200), nullable=False)
    content_type: Mapped[str] = mapped_column(String(40), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    submission = relationship("Submission", back_populates="attachments")
    draft = relationship("Draft", back_populates="attachments")


class Message(db.Model):
    """The thread between the court and the submitter; internal notes never reach the citizen."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), nullable=False, index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # message, information_request, reply, note
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    submission = relationship("Submission", back_populates="messages")
    author = relationship("User")


class HistoryEntry(db.Model):
    """Append-only: who did what when. No code path updates or deletes a row (a test proves it)."""

    __tablename__ = "submission_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(30), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(30), nullable=True)
    details: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)

    submission = relationship("Submission", back_populates="history")


class OutboxEvent(db.Model):
    """An event for the court's case system, written in the same transaction as the change it announces."""

    __tablename__ = "outbox_events"
    __table_args__ = (Index("ix_outbox_pending", "delivered_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(60), nullable=False)
    payload: Mapped[dict] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)


class HistoryIsAppendOnly(RuntimeError):
    """Raised when code tries to change or delete a history entry."""


@event.listens_for(HistoryEntry, "before_update")
@event.listens_for(HistoryEntry, "before_delete")
def _refuse_history_change(mapper, connection, target) -> None:
    raise HistoryIsAppendOnly(f"history entry {target.id} is append-only")
