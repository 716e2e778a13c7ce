from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Date, Enum, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.types import Money, UTCDateTime, utcnow


def _enum(cls) -> Enum:
    # Stored as plain strings (no native enum) so adding a value needs no type migration on PostgreSQL.
    return Enum(cls, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class CaseStatus(enum.StrEnum):
    ONGOING = "ongoing"
    TERMINATED = "terminated"  # 终结本次执行程序 (终本)
    RESUMED = "resumed"
    CONCLUDED = "concluded"


class PartyRole(enum.StrEnum):
    APPLICANT = "applicant"
    DEBTOR = "debtor"


class EventKind(enum.StrEnum):
    """What the court did or found, as recorded in the case file (the timeline)."""

    FILED = "filed"
    NOTICE_SERVED = "notice_served"
    REPORT_ORDER = "report_order"
    REPORT_DEFAULT = "report_default"  # the debtor did not report, or reported falsely
    REPORT_SANCTION = "report_sanction"
    CONSUMPTION_ORDER = "consumption_order"
    DISHONEST_GROUND = "dishonest_ground"  # the court found an SX-01 ground
    DISHONEST_LISTING = "dishonest_listing"
    EXIT_BAN = "exit_ban"
    ONLINE_SEARCH = "online_search"
    ONSITE_INVESTIGATION = "onsite_investigation"
    PREMISES_SEARCH = "premises_search"
    AUDIT = "audit"
    REWARD_NOTICE = "reward_notice"
    CLUE_RECEIVED = "clue_received"
    CLUE_VERIFIED = "clue_verified"
    WHEREABOUTS_UNKNOWN = "whereabouts_unknown"
    WHEREABOUTS_SEARCH = "whereabouts_search"
    OBSTRUCTION = "obstruction"
    OBSTRUCTION_SANCTION = "obstruction_sanction"
    APPLICANT_INTERVIEW = "applicant_interview"
    TERMINATION_RULING = "termination_ruling"
    TERMINATION_SERVED = "termination_served"
    RESUMPTION = "resumption"
    PAYMENT = "payment"
    CONCLUDED = "concluded"


class Case(db.Model):
    """An enforcement case as the court's case-management system knows it."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)  # canonical （2023）粤0304执1234号
    court_id: Mapped[int] = mapped_column(ForeignKey("courts.id"), nullable=False, index=True)
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus), nullable=False, index=True)
    filed_on: Mapped[date] = mapped_column(Date, nullable=False)
    # The judgment being enforced: what it awards and by when it had to be paid.
    title_ref: Mapped[str] = mapped_column(String(60), nullable=False)
    claim_type: Mapped[str] = mapped_column(String(32), nullable=False)
    principal: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    performance_deadline: Mapped[date] = mapped_column(Date, nullable=False)
    division: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow)

    court = relationship("Court", lazy="joined")
    parties = relationship("CaseParty", back_populates="case", lazy="selectin", order_by="CaseParty.id")
    events = relationship("CaseEvent", back_populates="case", lazy="selectin", order_by="CaseEvent.occurred_on")
    restrictions = relationship("Restriction", back_populates="case", lazy="selectin", order_by="Restriction.id")

    def parties_in(self, role: PartyRole) -> list[CaseParty]:
        return [cp for cp in self.parties if cp.role is role]


class CaseParty(db.Model):
    """A party's role in a case, with the access code the court printed on that party's notices."""

    __tablename__ = "case_parties"
    __table_args__ = (UniqueConstraint("case_id", "party_id", "role", name="uq_case_parties_case_party_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), nullable=False, index=True)
    role: Mapped[PartyRole] = mapped_column(_enum(PartyRole), nullable=False)
    access_code_hash: Mapped[str] = mapped_column(String(64), nullable=False)

    case = relationship("Case", back_populates="parties")
    party = relationship("Party", lazy="joined")


class CaseEvent(db.Model):
    """One entry of the case timeline."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_day", "case_id", "occurred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind), nullable=False)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False)
    # e.g. "nothing_found" / "found" for searches; ground number for a listing ground.
    result: Mapped[str | None] = mapped_column(String(32), nullable=True)
    amount: Mapped[Decimal | None] = mapped_column(Money(), nullable=True)  # payments only
    details: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)

    case = relationship("Case", back_populates="events")
