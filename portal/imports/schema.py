"""The case record the court's case-management system sends, and its validation.

Why strict: the court system is the source of truth and an import replaces a case's timeline and
restrictions, so a typo must be refused rather than guessed at. Validation is pure (no database): it
returns a normalised ``CaseRecord`` or raises ``InvalidRecord`` listing every problem at once, each as a
field path (``parties[0].id_number``, 0-based indexes) and a stable code; ``portal.imports.messages`` words
the codes. Whether the court exists is checked by the upsert service, still before anything is applied.

One record (a JSON object; unknown keys are refused as ``unknown_field``)::

    number                case number in any common form, normalised to （2023）粤0304执1234号
    court                 optional court code; defaults to, and must equal, the code in the number
    status                ongoing | terminated | resumed | concluded
    filed_on              YYYY-MM-DD
    title_ref             the judgment enforced, e.g. （2022）粤0304民初100号 (at most 60 characters)
    claim_type            e.g. loan, labour (at most 32 characters)
    principal             yuan, a JSON number or a string ("12500.50"); >= 0, at most 2 decimals
    performance_deadline  YYYY-MM-DD
    division              optional (at most 40 characters)
    parties               list, at least one applicant and one debtor, of:
        role              applicant | debtor
        kind              person | organisation
        name              at most 200 characters
        id_number         persons: 18-character resident identity number (GB 11643); kept only as a
                          keyed hash and a mask. Optional, but without it a person cannot link the case
        credit_code       organisations: unified social credit code (GB 32100), optional
        birth_date        optional YYYY-MM-DD; for persons defaults to the date in the identity number
        access_code       optional; when given its keyed hash replaces the stored one (a reissue). A new
                          party without one gets a random code nobody knows until the court issues one
    events                list (may be empty; the key is required) of:
        kind              an EventKind value (filed, notice_served, online_search, payment, ...)
        on                YYYY-MM-DD
        result            optional, e.g. nothing_found | found | 1 (at most 32 characters)
        amount            yuan, payments only and required for them
        details           optional JSON object
    restrictions          list (may be empty; the key is required) of:
        kind              consumption | dishonest | exit_ban
        started_on        YYYY-MM-DD
        ground            optional integer 1-6 (SX-01 listing ground)
        term_years, extension_years   optional integers 0-99
        lifted_on         optional YYYY-MM-DD, not before started_on
        lift_reason       optional (at most 32 characters)
        party             "debtor" (the default), or the 0-based index of a debtor in ``parties``

JSON files hold an array of records (or ``{"cases": [...]}``); a record's line is its index + 1.
CSV files (UTF-8, optional BOM) have a header row and one row per case, columns named as the keys
above; ``parties``, ``events`` and ``restrictions`` cells hold the JSON arrays, an empty events or
restrictions cell means none, other empty cells mean "not given". A row's line is its physical line in
the file (the header is line 1).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from portal.imports.records import (
    CASE_KEYS,
    EVENT_KEYS,
    LIST_KEYS,
    PARTY_KEYS,
    RESTRICTION_KEYS,
    BadJson,
    CaseRecord,
    EventRecord,
    FieldIssue,
    InvalidRecord,
    PartyRecord,
    Reader,
    RestrictionRecord,
    birth_date_of,
)
from portal.models import CaseStatus, EventKind, PartyKind, PartyRole, RestrictionKind
from relief.case_number import CaseNumber, CaseNumberError, parse_case_number

__all__ = ["CaseRecord", "FieldIssue", "InvalidRecord", "from_csv_row", "validate"]


def validate(
    raw: Any, *, url_number: str | None = None, court_exists: Callable[[str], bool] | None = None
) -> CaseRecord:
    """The normalised record, or InvalidRecord with every issue found.

    ``url_number`` is the number from an API path (the body's, if any, must match it); ``court_exists``
    is asked about the court code, so an unknown court is reported with the record's other problems.
    """
    if not isinstance(raw, dict):
        raise InvalidRecord([FieldIssue("record", "not_an_object")])
    issues: list[FieldIssue] = []
    r = Reader(raw, "", issues, CASE_KEYS)
    number = _case_number(r, url_number)
    court = r.text("court", 16, required=False)
    if number and court and court != number.court_code:
        r.fail("court", "court_mismatch")
    elif number and court_exists is not None and not court_exists(number.court_code):
        r.fail("court", "unknown_court")
    values = {
        "status": r.choice("status", CaseStatus),
        "filed_on": r.day("filed_on"),
        "title_ref": r.text("title_ref", 60),
        "claim_type": r.text("claim_type", 32),
        "principal": r.yuan("principal"),
        "performance_deadline": r.day("performance_deadline"),
        "division": r.text("division", 40, required=False),
    }
    parties = _parties(r)
    events = _events(r)
    restrictions = _restrictions(r, parties)
    if issues:
        raise InvalidRecord(issues)
    return CaseRecord(
        number=number.canonical,
        court_code=number.court_code,
        parties=tuple(parties),
        events=tuple(events),
        restrictions=tuple(restrictions),
        **values,
    )


def _case_number(r: Reader, url_number: str | None) -> CaseNumber | None:
    given = r.get("number", required=url_number is None)
    parsed = None
    for text in (url_number, given):
        if text is None:
            continue
        if not isinstance(text, str):
            return r.fail("number", "wrong_type")
        try:
            number = parse_case_number(text)
        except CaseNumberError as error:
            return r.fail("number", "bad_case_year" if error.code == "bad_year" else "bad_case_number")
        if parsed is not None and number != parsed:
            return r.fail("number", "number_mismatch")
        parsed = number
    return parsed


def _parties(r: Reader) -> list[PartyRecord | None]:
    """Every party, None where one is invalid (so indexes still line up for restrictions)."""
    found: list[PartyRecord | None] = []
    seen: set[tuple] = set()
    for index, item in enumerate(r.items("parties")):
        if not isinstance(item, dict):
            found.append(None)
            continue
        p = Reader(item, f"parties[{index}].", r.issues, PARTY_KEYS)
        before = len(r.issues)
        role, kind = p.choice("role", PartyRole), p.choice("kind", PartyKind)
        name = p.text("name", 200)
        id_number = p.resident_id("id_number")
        code = p.credit_code("credit_code")
        if kind is PartyKind.PERSON and code:
            p.fail("credit_code", "not_allowed")
        if kind is PartyKind.ORGANISATION and id_number:
            p.fail("id_number", "not_allowed")
        birth = p.day("birth_date", required=False)
        if birth is None and id_number:
            birth = birth_date_of(id_number)
        key = (role, id_number or code or name)
        if key in seen:
            r.issues.append(FieldIssue(f"parties[{index}]", "duplicate_party"))
        seen.add(key)
        access = p.access_code("access_code")
        valid = len(r.issues) == before
        found.append(PartyRecord(role, kind, name, id_number, code, birth, access) if valid else None)
    # Case pages assume both sides exist; only checked when every party was readable, to avoid noise.
    if isinstance(r.raw.get("parties"), list) and None not in found:
        roles = {p.role for p in found}
        if PartyRole.APPLICANT not in roles:
            r.fail("parties", "no_applicant")
        if PartyRole.DEBTOR not in roles:
            r.fail("parties", "no_debtor")
    return found


def _events(r: Reader) -> list[EventRecord]:
    found = []
    for index, item in enumerate(r.items("events")):
        if not isinstance(item, dict):
            continue
        e = Reader(item, f"events[{index}].", r.issues, EVENT_KEYS)
        kind, on = e.choice("kind", EventKind), e.day("on")
        result = e.text("result", 32, required=False)
        amount = e.yuan("amount", required=kind is EventKind.PAYMENT)
        if amount is not None and kind is not None and kind is not EventKind.PAYMENT:
            e.fail("amount", "not_allowed")
        details = item.get("details") or {}
        if not isinstance(details, dict):
            e.fail("details", "wrong_type")
            details = {}
        # Through JSON once, so the stored value compares equal to what the database gives back.
        found.append(EventRecord(kind, on, result, amount, json.loads(json.dumps(details, default=float))))
    return found


def _restrictions(r: Reader, parties: list[PartyRecord | None]) -> list[RestrictionRecord]:
    found = []
    for index, item in enumerate(r.items("restrictions")):
        if not isinstance(item, dict):
            continue
        x = Reader(item, f"restrictions[{index}].", r.issues, RESTRICTION_KEYS)
        kind, started = x.choice("kind", RestrictionKind), x.day("started_on")
        lifted = x.day("lifted_on", required=False)
        if started and lifted and lifted < started:
            x.fail("lifted_on", "before_start")
        found.append(
            RestrictionRecord(
                kind=kind,
                started_on=started,
                party_index=_debtor_index(x, parties),
                ground=x.integer("ground", 1, 6),
                term_years=x.integer("term_years", 0, 99),
                extension_years=x.integer("extension_years", 0, 99),
                lifted_on=lifted,
                lift_reason=x.text("lift_reason", 32, required=False),
            )
        )
    return found


def _debtor_index(x: Reader, parties: list[PartyRecord | None]) -> int:
    """The index of the debtor a restriction binds: a role names the only debtor, an index names one."""
    ref = x.raw.get("party", PartyRole.DEBTOR.value)
    debtors = [i for i, p in enumerate(parties) if p is not None and p.role is PartyRole.DEBTOR]
    if ref == PartyRole.APPLICANT.value:
        x.fail("party", "not_a_debtor")
        return -1
    if ref == PartyRole.DEBTOR.value:
        if len(debtors) > 1:
            x.fail("party", "ambiguous_party")
        return debtors[0] if debtors else -1
    if isinstance(ref, str) and ref.isascii() and ref.isdigit():
        ref = int(ref)
    if isinstance(ref, bool) or not isinstance(ref, int) or not 0 <= ref < len(parties):
        x.fail("party", "bad_party_ref")
        return -1
    if parties[ref] is not None and parties[ref].role is not PartyRole.DEBTOR:
        x.fail("party", "not_a_debtor")
    return ref


def from_csv_row(header: list[str], row: list[str]) -> dict:
    """One CSV row as a raw record: empty cells left out, list columns decoded from JSON."""
    raw: dict[str, Any] = {}
    for index, cell in enumerate(row):
        key = header[index].strip() if index < len(header) else f"column {index + 1}"
        cell = cell.strip()
        if key in LIST_KEYS:
            if not cell:
                raw[key] = None if key == "parties" else []
                continue
            try:
                raw[key] = json.loads(cell, parse_float=Decimal)
            except ValueError:
                raw[key] = BadJson()
        elif cell:
            raw[key] = cell
    return raw
