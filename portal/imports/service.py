"""The two ways case records arrive — a file through the CLI, one record through the API — and their commit.

Files: every record is validated first; then each good record is applied in its own savepoint and the
whole file is committed once, so readers never see half a file and a record that fails while being
applied (a unique-number race) is rolled back alone and reported as ``conflict``. ``all_or_nothing``
applies nothing when any record is rejected; ``dry_run`` applies everything, reports, then rolls back
(so the report says exactly what a real run would do).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.errors import PortalError
from portal.extensions import db
from portal.imports.schema import CaseRecord, FieldIssue, InvalidRecord, validate
from portal.imports.upsert import CREATED, UNCHANGED, UPDATED, apply
from portal.models import Court
from relief.case_number import CaseNumberError, parse_case_number

__all__ = ["CREATED", "UNCHANGED", "UPDATED", "Conflict", "Report", "WrongCourt", "import_records", "put_case"]

log = logging.getLogger(__name__)


class WrongCourt(PortalError):
    code = "wrong_court"
    status = 403


class Conflict(PortalError):
    code = "conflict"
    status = 409


@dataclass
class Rejection:
    line: int
    number: str | None  # canonical, or None when the record's number could not be read
    issues: list[FieldIssue]


@dataclass
class Report:
    applied: list[tuple[int, str, str]] = field(default_factory=list)  # (line, number, result)
    rejected: list[Rejection] = field(default_factory=list)
    saved: bool = False

    def count(self, result: str) -> int:
        return sum(1 for _line, _number, r in self.applied if r == result)


class Courts:
    """Courts by code, each looked up once per import."""

    def __init__(self) -> None:
        self._by_code: dict[str, Court | None] = {}

    def get(self, code: str) -> Court | None:
        if code not in self._by_code:
            self._by_code[code] = db.session.scalar(select(Court).where(Court.code == code))
        return self._by_code[code]

    def exists(self, code: str) -> bool:
        return self.get(code) is not None


# -- files ----------------------------------------------------------------------------------------------


def import_records(
    items: Iterable[tuple[int, Any]], *, now: datetime, dry_run: bool = False, all_or_nothing: bool = False
) -> Report:
    """Validate every (line, raw record), apply the good ones, commit once (or roll back on a dry run)."""
    courts, report = Courts(), Report()
    good: list[tuple[int, CaseRecord]] = []
    seen: set[str] = set()
    for line, raw in items:
        try:
            record = validate(raw, court_exists=courts.exists)
        except InvalidRecord as invalid:
            _reject(report, line, _number_of(raw), invalid.issues)
            continue
        if record.number in seen:
            _reject(report, line, record.number, [FieldIssue("number", "duplicate_number")])
            continue
        seen.add(record.number)
        good.append((line, record))
    if all_or_nothing and report.rejected:
        log.warning(
            "case import refused: %s of %s records rejected", len(report.rejected), len(report.rejected) + len(good)
        )
        return report
    for line, record in good:
        try:
            with db.session.begin_nested():
                result = apply(record, courts.get(record.court_code), now=now)
        except IntegrityError:
            _reject(report, line, record.number, [FieldIssue("record", "conflict")])
            if all_or_nothing:
                db.session.rollback()
                report.applied.clear()
                return report
            continue
        report.applied.append((line, record.number, result))
        log.info("case import line=%s case=%s result=%s", line, record.number, result)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
        report.saved = True
    log.info(
        "case import done created=%s updated=%s unchanged=%s rejected=%s saved=%s",
        report.count(CREATED),
        report.count(UPDATED),
        report.count(UNCHANGED),
        len(report.rejected),
        report.saved,
    )
    return report


def _reject(report: Report, line: int, number: str | None, issues: list[FieldIssue]) -> None:
    report.rejected.append(Rejection(line, number, issues))
    # Field paths and codes only: the values may be names and identity numbers.
    log.info(
        "case import rejected line=%s case=%s issues=%s",
        line,
        number or "-",
        ",".join(f"{i.field}:{i.code}" for i in issues),
    )


def _number_of(raw: Any) -> str | None:
    text = raw.get("number") if isinstance(raw, dict) else None
    try:
        return parse_case_number(text).canonical if isinstance(text, str) else None
    except CaseNumberError:
        return None


# -- the API ----------------------------------------------------------------------------------------------


def put_case(
    raw: Any, *, url_number: str, court_id: int | None, now: datetime, token_id: int | None = None
) -> tuple[str, str]:
    """One record from the API: (canonical number, result), committed; ``court_id`` bounds the caller."""
    courts = Courts()
    if court_id is not None:
        # Decided from the address alone, so a caller learns nothing about another court's cases.
        try:
            court = courts.get(parse_case_number(url_number).court_code)
        except CaseNumberError:
            pass  # the record's validation names what is wrong with the number
        else:
            if court is None or court.id != court_id:
                raise WrongCourt()
    record = validate(raw, url_number=url_number, court_exists=courts.exists)
    try:
        with db.session.begin_nested():
            result = apply(record, courts.get(record.court_code), now=now)
    except IntegrityError:
        db.session.rollback()
        log.warning("case import conflict case=%s", record.number)
        raise Conflict() from None
    db.session.commit()
    log.info("case import via api token_id=%s case=%s result=%s", token_id, record.number, result)
    return record.number, result
