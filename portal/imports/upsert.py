"""The idempotent upsert of one validated case record: the court system's data wins, unchanged rows stay.

Why this shape:

- A case is matched by its normalised number; a party by the keyed hash of its identity number
  (persons) or its credit code (organisations), first among the case's own parties, then anywhere (the
  same debtor in several cases is one party); a party with neither is matched only to this case's
  party of the same role, kind and name, so re-importing it does not duplicate it.
- The timeline and the restrictions are replaced as a whole by the record's, but only when they differ
  (compared as sorted value tuples), so re-importing a file writes no row and bumps no ``updated_at``;
  any change to the case, its parties, timeline or restrictions bumps ``updated_at`` once.
- Case parties are added or updated, never removed: citizens' links hang on them. A party the court
  drops stays until staff remove it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from portal.extensions import db
from portal.imports.records import CaseRecord, PartyRecord
from portal.models import Case, CaseEvent, CaseParty, Court, Party, Restriction
from portal.services import identity
from relief.identity import mask_resident_id

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def apply(record: CaseRecord, court: Court, *, now: datetime) -> str:
    """Make the database say what the record says; flushes, never commits."""
    case = db.session.scalar(select(Case).where(Case.number == record.number))
    values = {
        "court_id": court.id,
        "status": record.status,
        "filed_on": record.filed_on,
        "title_ref": record.title_ref,
        "claim_type": record.claim_type,
        "principal": record.principal,
        "performance_deadline": record.performance_deadline,
        "division": record.division,
    }
    created = case is None
    if created:
        case = Case(number=record.number, updated_at=now, **values)
        db.session.add(case)
    changed = _assign(case, values)
    parties, parties_changed = _sync_parties(case, record.parties)
    db.session.flush()
    changed = _sync_events(case, record) | _sync_restrictions(case, record, parties) | parties_changed | changed
    if changed and not created:
        case.updated_at = now
    db.session.flush()
    return CREATED if created else UPDATED if changed else UNCHANGED


def _assign(item: Any, values: dict[str, Any]) -> bool:
    """Set only the attributes that differ, so an unchanged row is never written."""
    changed = False
    for name, value in values.items():
        if getattr(item, name) != value:
            setattr(item, name, value)
            changed = True
    return changed


def _sync_parties(case: Case, records: Iterable[PartyRecord]) -> tuple[list[Party], bool]:
    changed, parties = False, []
    for p in records:
        party = _match_party(case, p)
        if party is None:
            party = Party(kind=p.kind, name=p.name)
            db.session.add(party)
        changed |= _assign(party, _party_values(p))
        link = next((cp for cp in case.parties if cp.party is party and cp.role is p.role), None)
        if link is None:
            # A new party without a code gets one nobody knows: it cannot link until the court issues one.
            code = p.access_code or identity.new_access_code()
            case.parties.append(CaseParty(party=party, role=p.role, access_code_hash=identity.access_code_hash(code)))
            changed = True
        elif p.access_code:
            changed |= _assign(link, {"access_code_hash": identity.access_code_hash(p.access_code)})
        parties.append(party)
    return parties, changed


def _party_values(p: PartyRecord) -> dict[str, Any]:
    values: dict[str, Any] = {"name": p.name}
    if p.id_number:
        values.update(id_hash=identity.id_hash(p.id_number), id_masked=mask_resident_id(p.id_number))
    if p.credit_code:
        values["credit_code"] = p.credit_code
    if p.birth_date:
        values["birth_date"] = p.birth_date
    return values


def _match_party(case: Case, p: PartyRecord) -> Party | None:
    if p.id_number:
        attribute, value = "id_hash", identity.id_hash(p.id_number)
    elif p.credit_code:
        attribute, value = "credit_code", p.credit_code
    else:
        return next(
            (
                cp.party
                for cp in case.parties
                if cp.role is p.role and cp.party.kind is p.kind and cp.party.name == p.name
            ),
            None,
        )
    own = (cp.party for cp in case.parties)
    found = next((party for party in own if party.kind is p.kind and getattr(party, attribute) == value), None)
    if found is None:
        column = getattr(Party, attribute)
        found = db.session.scalar(
            select(Party).where(column == value, Party.kind == p.kind).order_by(Party.id).limit(1)
        )
    return found


def _key(*values: Any) -> tuple[str, ...]:
    return tuple("" if v is None else json.dumps(v, sort_keys=True) if isinstance(v, dict) else str(v) for v in values)


def _sync_events(case: Case, record: CaseRecord) -> bool:
    have = sorted(_key(e.occurred_on, e.kind, e.result, e.amount, e.details or {}) for e in case.events)
    want = sorted(_key(e.on, e.kind, e.result, e.amount, e.details) for e in record.events)
    if have == want:
        return False
    if have:
        db.session.execute(delete(CaseEvent).where(CaseEvent.case_id == case.id))
        db.session.expire(case, ["events"])
    for e in record.events:
        case.events.append(
            CaseEvent(kind=e.kind, occurred_on=e.on, result=e.result, amount=e.amount, details=dict(e.details))
        )
    return True


def _sync_restrictions(case: Case, record: CaseRecord, parties: list[Party]) -> bool:
    def key(kind, party_id, x) -> tuple[str, ...]:
        return _key(kind, party_id, x.started_on, x.ground, x.term_years, x.extension_years, x.lifted_on, x.lift_reason)

    have = sorted(key(x.kind, x.party_id, x) for x in case.restrictions)
    want = sorted(key(x.kind, parties[x.party_index].id, x) for x in record.restrictions)
    if have == want:
        return False
    if have:
        db.session.execute(delete(Restriction).where(Restriction.case_id == case.id))
        db.session.expire(case, ["restrictions"])
    for x in record.restrictions:
        case.restrictions.append(
            Restriction(
                party=parties[x.party_index],
                kind=x.kind,
                started_on=x.started_on,
                ground=x.ground,
                term_years=x.term_years,
                extension_years=x.extension_years,
                lifted_on=x.lifted_on,
                lift_reason=x.lift_reason,
            )
        )
    return True
