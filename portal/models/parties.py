from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import Date, Enum, String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class PartyKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class Party(db.Model):
    """A person or organisation that is a party to enforcement cases.

    Identity numbers are never stored: only a keyed hash for matching and a masked form for display.
    """

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PartyKind] = mapped_column(Enum(PartyKind, native_enum=False, length=16), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    id_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    id_masked: Mapped[str | None] = mapped_column(String(32), nullable=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), nullable=True, index=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    def is_minor_on(self, day: date) -> bool:
        if self.kind is not PartyKind.PERSON or self.birth_date is None:
            return False
        years = day.year - self.birth_date.year - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))
        return years < 18
