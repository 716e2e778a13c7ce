"""Case flags: property verified on one case is news for every other terminated case against that debtor.

`flag_other_cases` runs inside the caller's transaction (the decision that verified the clue) and does not
commit: the flags and notifications exist only if the decision does.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import or_, select

from portal.extensions import db
from portal.models import (
    Case,
    CaseFlag,
    CaseParty,
    CaseStatus,
    Party,
    PartyKind,
    PartyRole,
    Submission,
    User,
    UserKind,
)
from portal.services import notifications

log = logging.getLogger(__name__)

PROPERTY_VERIFIED_ELSEWHERE = "property_verified_elsewhere"


def _same_debtor(debtors: list[Party]):
    """The same party row, or the same person (identity hash) or organisation (credit code) imported twice."""
    ids = {p.id for p in debtors}
    id_hashes = {p.id_hash for p in debtors if p.kind is PartyKind.PERSON and p.id_hash}
    credit_codes = {p.credit_code for p in debtors if p.kind is PartyKind.ORGANISATION and p.credit_code}
    conditions = [Party.id.in_(ids)]
    if id_hashes:
        conditions.append((Party.kind == PartyKind.PERSON) & Party.id_hash.in_(id_hashes))
    if credit_codes:
        conditions.append((Party.kind == PartyKind.ORGANISATION) & Party.credit_code.in_(credit_codes))
    return or_(*conditions)


def other_cases_of_debtor(case: Case) -> list[Case]:
    """Other terminated cases of the same court whose debtor is this case's debtor."""
    debtors = [cp.party for cp in case.parties_in(PartyRole.DEBTOR)]
    if not debtors:
        return []
    debtor_cases = (
        select(CaseParty.case_id)
        .join(Party, Party.id == CaseParty.party_id)
        .where(CaseParty.role == PartyRole.DEBTOR, _same_debtor(debtors))
    )
    query = (
        select(Case)
        .where(
            Case.court_id == case.court_id,
            Case.id != case.id,
            Case.status == CaseStatus.TERMINATED,
            Case.id.in_(debtor_cases),
        )
        .order_by(Case.id)
    )
    return list(db.session.scalars(query))


def handlers_of(case: Case) -> list[int]:
    """Staff of the case's court assigned to any of its submissions (cases carry no handler of their own)."""
    return list(
        db.session.scalars(
            select(Submission.assignee_id)
            .join(User, User.id == Submission.assignee_id)
            .where(Submission.case_id == case.id, User.kind == UserKind.STAFF, User.court_id == case.court_id)
            .distinct()
            .order_by(Submission.assignee_id)
        )
    )


def flag_other_cases(submission: Submission, *, now: datetime) -> list[CaseFlag]:
    """Flag the debtor's other terminated cases in this court and tell their handlers; no commit here."""
    case = submission.case
    if case is None:
        return []
    others = other_cases_of_debtor(case)
    if not others:
        return []
    already = set(
        db.session.scalars(
            select(CaseFlag.case_id).where(
                CaseFlag.source_submission_id == submission.id,
                CaseFlag.code == PROPERTY_VERIFIED_ELSEWHERE,
                CaseFlag.case_id.in_([c.id for c in others]),
            )
        )
    )
    flags = []
    for other in others:
        if other.id in already:
            continue
        flag = CaseFlag(
            case_id=other.id, code=PROPERTY_VERIFIED_ELSEWHERE, source_submission_id=submission.id, created_at=now
        )
        db.session.add(flag)
        flags.append(flag)
        for user_id in handlers_of(other):
            notifications.notify(
                user_id, "clue_flag", submission=submission, params={"case_id": other.id, "case_number": other.number}
            )
    log.info("cases flagged source_submission_id=%s count=%s", submission.id, len(flags))
    return flags
