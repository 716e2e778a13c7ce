"""Plain factory functions: each makes one row with sensible defaults and returns it (flushed)."""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import text

from portal.extensions import db
from portal.models import (
    Case,
    CaseEvent,
    CaseLink,
    CaseParty,
    CaseStatus,
    Court,
    EventKind,
    Party,
    PartyKind,
    PartyRole,
    Restriction,
    RestrictionKind,
    StaffRole,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    User,
    UserKind,
)
from portal.services import identity
from portal.services.accounts import hash_password
from relief.identity import mask_resident_id

PASSWORD = "correct horse battery"
# Valid 18-character resident identity numbers (ISO 7064 MOD 11-2 check characters).
APPLICANT_ID = "11010519491231002X"
DEBTOR_ID = "440304198001010017"
OTHER_ID = "330102199003071230"

_seq = itertools.count(1)
_password_hash = None


def court(code: str = "粤0304", province: str = "44") -> Court:
    existing = db.session.query(Court).filter_by(code=code).one_or_none()
    if existing:
        return existing
    item = Court(
        code=code, name_zh="深圳市福田区人民法院", name_en="Futian District People's Court", province_code=province
    )
    db.session.add(item)
    db.session.flush()
    return item


def person(name: str = "张三", resident_id: str | None = None, birth: date | None = None) -> Party:
    party = Party(kind=PartyKind.PERSON, name=name, birth_date=birth or date(1980, 1, 1))
    if resident_id:
        party.id_hash = identity.id_hash(resident_id)
        party.id_masked = mask_resident_id(resident_id)
    db.session.add(party)
    db.session.flush()
    return party


def company(name: str = "深圳市华瑞贸易有限公司") -> Party:
    party = Party(kind=PartyKind.ORGANISATION, name=name)
    db.session.add(party)
    db.session.flush()
    return party


def case(
    *,
    applicant: Party | None = None,
    debtor: Party | None = None,
    status: CaseStatus = CaseStatus.TERMINATED,
    filed_on: date = date(2023, 3, 1),
    principal: Decimal = Decimal("100000.00"),
    performance_deadline: date = date(2023, 1, 15),
    events: list[tuple[EventKind, date]] | None = None,
    codes: dict[str, str] | None = None,
    number: str | None = None,
) -> Case:
    the_court = court()
    item = Case(
        number=number or f"（2023）粤0304执{next(_seq)}号",
        court=the_court,
        status=status,
        filed_on=filed_on,
        title_ref="（2022）粤0304民初100号",
        claim_type="loan",
        principal=principal,
        performance_deadline=performance_deadline,
    )
    db.session.add(item)
    codes = codes or {}
    for party, role in (
        (applicant or person("申请人"), PartyRole.APPLICANT),
        (debtor or person("被执行人"), PartyRole.DEBTOR),
    ):
        code = codes.get(role.value, "ABCD-EFGH")
        item.parties.append(CaseParty(party=party, role=role, access_code_hash=identity.access_code_hash(code)))
    for kind, day, *rest in events or []:
        item.events.append(CaseEvent(kind=kind, occurred_on=day, amount=rest[0] if rest else None, details={}))
    db.session.flush()
    return item


def restriction(case_: Case, kind: RestrictionKind, started_on: date, **fields) -> Restriction:
    debtor = case_.parties_in(PartyRole.DEBTOR)[0].party
    item = Restriction(case=case_, party=debtor, kind=kind, started_on=started_on, **fields)
    db.session.add(item)
    db.session.flush()
    return item


def _hash() -> str:
    global _password_hash
    if _password_hash is None:
        _password_hash = hash_password(PASSWORD)
    return _password_hash


def citizen(email: str | None = None, *, resident_id: str | None = None) -> User:
    user = User(
        email=email or f"citizen{next(_seq)}@example.com",
        password_hash=_hash(),
        display_name="测试用户",
        locale="zh",
        kind=UserKind.CITIZEN,
    )
    if resident_id:
        user.id_hash = identity.id_hash(resident_id)
        user.id_masked = mask_resident_id(resident_id)
    db.session.add(user)
    db.session.flush()
    return user


def staff(role: StaffRole = StaffRole.HANDLER, court_: Court | None = None) -> User:
    user = User(
        email=f"staff{next(_seq)}@court.test",
        password_hash=_hash(),
        display_name="法院工作人员",
        locale="zh",
        kind=UserKind.STAFF,
        role=role,
        court=court_ or court(),
    )
    db.session.add(user)
    db.session.flush()
    return user


def link(user: User, case_: Case, role: PartyRole) -> CaseLink:
    case_party = next(cp for cp in case_.parties if cp.role is role)
    item = CaseLink(user=user, case_party=case_party)
    db.session.add(item)
    db.session.flush()
    return item


def sign_in(client, user: User) -> None:
    response = client.post("/accounts/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code


@contextmanager
def history_guard_lifted():
    """Test teardown only: let the current transaction delete history rows the database otherwise refuses to touch."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("ALTER TABLE submission_history DISABLE TRIGGER submission_history_append_only"))
        yield
        db.session.execute(text("ALTER TABLE submission_history ENABLE TRIGGER submission_history_append_only"))
        return
    db.session.execute(text("DROP TRIGGER submission_history_no_delete"))
    yield
    db.session.execute(
        text(
            "CREATE TRIGGER submission_history_no_delete BEFORE DELETE ON submission_history "
            "BEGIN SELECT RAISE(ABORT, 'submission_history is append-only'); END"
        )
    )


SUBMITTED_AT = datetime(2025, 9, 25, 2, 0, tzinfo=UTC)  # 10:00 in Beijing, Thursday 2025-09-25


def submission(
    case: Case,
    submitter: User | None,
    *,
    kind: SubmissionKind = SubmissionKind.PROPERTY_CLUE,
    status: SubmissionStatus = SubmissionStatus.RECEIVED,
    due_on: date | None = None,
    assignee: User | None = None,
    received_at: datetime = SUBMITTED_AT,
    answers: dict | None = None,
) -> Submission:
    """A filed submission of ``case`` (its court's queue), with a reference, straight into the database."""
    number = next(_seq)
    item = Submission(
        kind=kind,
        case_id=case.id,
        court_id=case.court_id,
        submitter_id=submitter.id if submitter else None,
        assignee_id=assignee.id if assignee else None,
        language="zh",
        status=status,
        received_at=received_at,
        due_on=due_on,
        answers=answers or {},
        idempotency_key=f"factory-{number}-{id(case)}",
    )
    db.session.add(item)
    db.session.flush()
    item.reference = f"ZB-2025-{item.id:06d}"
    db.session.flush()
    return item
