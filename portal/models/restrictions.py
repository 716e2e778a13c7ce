from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.extensions import db
from portal.models.cases import _enum


class RestrictionKind(enum.StrEnum):
    CONSUMPTION = "consumption"  # 限制消费令 (XF)
    DISHONEST = "dishonest"  # 失信被执行人名单 (SX)
    EXIT_BAN = "exit_ban"  # 限制出境 (HF-11)


class Restriction(db.Model):
    """A measure binding a debtor in a case, from its start until it is lifted."""

    __tablename__ = "restrictions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), nullable=False, index=True)
    kind: Mapped[RestrictionKind] = mapped_column(_enum(RestrictionKind), nullable=False)
    started_on: Mapped[date] = mapped_column(Date, nullable=False)
    ground: Mapped[int | None] = mapped_column(Integer, nullable=True)  # SX-01 ground 1..6 for listings
    term_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    extension_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lifted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    lift_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)

    case = relationship("Case", back_populates="restrictions")
    party = relationship("Party", lazy="joined")

    @property
    def in_force(self) -> bool:
        return self.lifted_on is None
