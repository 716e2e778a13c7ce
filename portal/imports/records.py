"""The typed, normalised form of a case record and the reader that fills it, collecting every issue.

Kept apart from ``schema`` (which knows the record's layout) so each stays small; nothing here touches the
database or Flask, so validation can run before anything of a record is applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from portal.models import CaseStatus, EventKind, PartyKind, PartyRole, RestrictionKind
from relief.identifiers import IdentifierError, validate_credit_code
from relief.identity import IdentityNumberError, validate_resident_id

FEN = Decimal("0.01")
MAX_YUAN = Decimal(10) ** 12  # far above any judgment; keeps fen inside a BIGINT
CASE_KEYS = frozenset(
    [
        "number",
        "court",
        "status",
        "filed_on",
        "title_ref",
        "claim_type",
        "principal",
        "performance_deadline",
        "division",
        "parties",
        "events",
        "restrictions",
    ]
)
PARTY_KEYS = frozenset(["role", "kind", "name", "id_number", "credit_code", "birth_date", "access_code"])
EVENT_KEYS = frozenset(["kind", "on", "result", "amount", "details"])
RESTRICTION_KEYS = frozenset(
    ["kind", "started_on", "ground", "term_years", "extension_years", "lifted_on", "lift_reason", "party"]
)
LIST_KEYS = ("parties", "events", "restrictions")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_AMOUNT = re.compile(r"-?\d+(\.\d+)?")
_ACCESS_CODE = re.compile(r"[A-Z0-9]{6,32}")


@dataclass(frozen=True)
class FieldIssue:
    field: str  # path into the record, e.g. parties[0].id_number; "record" for the record as a whole
    code: str


class InvalidRecord(ValueError):
    """A record that cannot be applied; ``issues`` names every problem found."""

    def __init__(self, issues: list[FieldIssue]):
        super().__init__(",".join(f"{i.field}:{i.code}" for i in issues))
        self.issues = issues


@dataclass(frozen=True)
class PartyRecord:
    role: PartyRole
    kind: PartyKind
    name: str = field(repr=False)  # personal data: kept out of reprs, hence out of logs and tracebacks
    id_number: str | None = field(default=None, repr=False)
    credit_code: str | None = None
    birth_date: date | None = field(default=None, repr=False)
    access_code: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class EventRecord:
    kind: EventKind
    on: date
    result: str | None = None
    amount: Decimal | None = None
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RestrictionRecord:
    kind: RestrictionKind
    started_on: date
    party_index: int
    ground: int | None = None
    term_years: int | None = None
    extension_years: int | None = None
    lifted_on: date | None = None
    lift_reason: str | None = None


@dataclass(frozen=True)
class CaseRecord:
    number: str
    court_code: str
    status: CaseStatus
    filed_on: date
    title_ref: str
    claim_type: str
    principal: Decimal
    performance_deadline: date
    division: str | None
    parties: tuple[PartyRecord, ...]
    events: tuple[EventRecord, ...]
    restrictions: tuple[RestrictionRecord, ...]


class BadJson:
    """A CSV cell that should hold JSON but does not; validation reports it as ``bad_json``."""


class Reader:
    """Reads typed values out of one JSON object, collecting issues instead of stopping at the first."""

    def __init__(self, raw: dict, prefix: str, issues: list[FieldIssue], keys: frozenset[str]):
        self.raw, self.prefix, self.issues = raw, prefix, issues
        for key in raw:
            if key not in keys:
                self.fail(str(key), "unknown_field")

    def path(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, code: str) -> None:
        self.issues.append(FieldIssue(self.path(key), code))

    def get(self, key: str, *, required: bool) -> Any:
        value = self.raw.get(key)
        if isinstance(value, str):
            value = value.strip() or None
        if value is None and required:
            self.fail(key, "required")
        return value

    def text(self, key: str, limit: int, *, required: bool = True) -> str | None:
        value = self.get(key, required=required)
        if value is None:
            return None
        if not isinstance(value, str):
            return self.fail(key, "wrong_type")
        if len(value) > limit:
            return self.fail(key, "too_long")
        return value

    def choice(self, key: str, enum: type, *, required: bool = True):
        value = self.get(key, required=required)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            return self.fail(key, "bad_choice")

    def day(self, key: str, *, required: bool = True) -> date | None:
        value = self.get(key, required=required)
        if value is None:
            return None
        try:
            if isinstance(value, str) and _DATE.fullmatch(value):
                return date.fromisoformat(value)
        except ValueError:
            pass
        return self.fail(key, "bad_date")

    def yuan(self, key: str, *, required: bool = True) -> Decimal | None:
        value = self.get(key, required=required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
            return self.fail(key, "not_a_number")
        text = str(value)
        try:
            amount = Decimal(text) if _AMOUNT.fullmatch(text) else None
        except InvalidOperation:
            amount = None
        if amount is None:
            return self.fail(key, "not_a_number")
        if amount < 0:
            return self.fail(key, "negative")
        # Size first: quantizing 4.5e306 to the fen overflows Decimal's precision (InvalidOperation).
        if amount >= MAX_YUAN:
            return self.fail(key, "too_large")
        if amount != amount.quantize(FEN):
            return self.fail(key, "too_precise")
        return amount.quantize(FEN)

    def integer(self, key: str, low: int, high: int) -> int | None:
        value = self.get(key, required=False)
        if value is None:
            return None
        if isinstance(value, str) and value.isascii() and value.isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return self.fail(key, "not_an_integer")
        if not low <= value <= high:
            return self.fail(key, "out_of_range")
        return value

    def items(self, key: str) -> list[dict]:
        """The objects of a list field; a non-object item is reported and skipped."""
        value = self.raw.get(key)
        if isinstance(value, BadJson):
            self.fail(key, "bad_json")
            return []
        if value is None:
            self.fail(key, "required")
            return []
        if not isinstance(value, list):
            self.fail(key, "wrong_type")
            return []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.fail(f"{key}[{index}]", "not_an_object")
        return value

    def resident_id(self, key: str) -> str | None:
        value = self.get(key, required=False)
        if value is None:
            return None
        if not isinstance(value, str):
            return self.fail(key, "wrong_type")
        try:
            return validate_resident_id(value)
        except IdentityNumberError as error:
            return self.fail(key, error.code)  # bad_length, bad_characters, bad_birth_date, bad_check_digit

    def credit_code(self, key: str) -> str | None:
        value = self.get(key, required=False)
        if value is None:
            return None
        if not isinstance(value, str):
            return self.fail(key, "wrong_type")
        try:
            return validate_credit_code(value)
        except IdentifierError as error:
            return self.fail(key, error.code)  # bad_length, bad_characters, bad_check_character

    def access_code(self, key: str) -> str | None:
        value = self.get(key, required=False)
        if value is None:
            return None
        folded = "".join(ch for ch in str(value).upper() if ch.isalnum())
        if not isinstance(value, str) or not _ACCESS_CODE.fullmatch(folded):
            return self.fail(key, "bad_access_code")
        return value


def birth_date_of(resident_id: str) -> date:
    """The birth date a validated resident identity number carries (positions 7-14)."""
    return date(int(resident_id[6:10]), int(resident_id[10:12]), int(resident_id[12:14]))
