from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.cases import _enum
from portal.models.types import UTCDateTime, utcnow


class UserKind(enum.StrEnum):
    CITIZEN = "citizen"
    STAFF = "staff"


class StaffRole(enum.StrEnum):
    INTAKE_CLERK = "intake_clerk"
    HANDLER = "handler"
    RELIEF_OFFICER = "relief_officer"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    password_hash: Mapped[str] = mapped_column(String(200), nullable=False)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False)
    locale: Mapped[str] = mapped_column(String(5), nullable=False, default="zh")
    kind: Mapped[UserKind] = mapped_column(_enum(UserKind), nullable=False)
    role: Mapped[StaffRole | None] = mapped_column(_enum(StaffRole), nullable=True)
    court_id: Mapped[int | None] = mapped_column(ForeignKey("courts.id"), nullable=True, index=True)
    # The identity a citizen proved when first linking a case; every later link must match it.
    id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    id_masked: Mapped[str | None] = mapped_column(String(32), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    # Staff second factor (RFC 6238 TOTP); required to sign in outside development.
    totp_secret: Mapped[str | None] = mapped_column(String(64), nullable=True)
    division: Mapped[str | None] = mapped_column(String(40), nullable=True)

    court = relationship("Court")
    # Loaded on demand: the user is loaded on every request, their links only where a page needs them.
    links = relationship("CaseLink", back_populates="user")

    @property
    def is_staff(self) -> bool:
        return self.kind is UserKind.STAFF


class CaseLink(db.Model):
    """Proof that a user is a given party of a case (case number + identity number + access code)."""

    __tablename__ = "case_links"
    __table_args__ = (UniqueConstraint("user_id", "case_party_id", name="uq_case_links_user_case_party"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    case_party_id: Mapped[int] = mapped_column(ForeignKey("case_parties.id"), nullable=False, index=True)
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)

    user = relationship("User", back_populates="links")
    case_party = relationship("CaseParty", lazy="joined")
