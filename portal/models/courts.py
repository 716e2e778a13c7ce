from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class Court(db.Model):
    """A people's court. Names are data in both languages; the code is the one in case numbers (粤0304)."""

    __tablename__ = "courts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True, nullable=False)
    name_zh: Mapped[str] = mapped_column(String(120), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False)
    # GB/T 2260 two-digit province code ("44" Guangdong), used for wage tables and debt-exit routing.
    province_code: Mapped[str] = mapped_column(String(2), nullable=False)

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_zh
