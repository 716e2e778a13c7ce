"""What the assistant may tell a signed-in citizen about their own cases, decided by relief/ as of today.

Only the cases the user proved to be a party of (case_view.my_cases); nothing typed in chat selects a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from portal.models import Case, CaseStatus, PartyRole, User
from portal.services import case_view
from relief.outcomes import Met

# Termination criterion keys (relief.termination) -> the condition codes of the assistant's contract.
CONDITION_CODES = {
    "notice_and_report_order": "notice_served",
    "consumption_order_and_listing": "restriction_issued",
    "investigation_exhausted": "investigation_exhausted",
    "filed_more_than_3_months": "three_months_elapsed",
    "missing_debtor_and_obstruction": "missing_debtor_searched",
    "applicant_interview": "applicant_interview",
}


@dataclass(frozen=True)
class CaseLine:
    case: Case
    role: PartyRole
    next_search_due: date | None
    conditions_unmet: tuple[str, ...]


@dataclass(frozen=True)
class RestrictionLine:
    kind: object
    since: date


@dataclass(frozen=True)
class ObligationLine:
    case: Case
    outstanding: Decimal
    interest: Decimal
    restrictions: tuple[RestrictionLine, ...]


def case_lines(user: User, *, today: date) -> list[CaseLine]:
    """One line per linked case and role: as applicant with the termination check and the next search."""
    lines = []
    for item in case_view.my_cases(user):
        if PartyRole.APPLICANT in item.roles:
            page = case_view.applicant_page(item, today=today)
            unmet: tuple[str, ...] = ()
            if item.case.status is CaseStatus.TERMINATED:
                unmet = tuple(
                    CONDITION_CODES.get(c.key, c.key) for c in page.termination.criteria if c.state is not Met.MET
                )
            due = page.searches.values.get("next_due") if page.searches is not None else None
            lines.append(CaseLine(item.case, PartyRole.APPLICANT, due, unmet))
        if PartyRole.DEBTOR in item.roles:
            lines.append(CaseLine(item.case, PartyRole.DEBTOR, None, ()))
    return lines


def obligation_lines(user: User, *, today: date) -> list[ObligationLine]:
    """Each case where the user is the debtor: what is owed today with late interest, restrictions in force."""
    lines = []
    for item in case_view.my_cases(user):
        if PartyRole.DEBTOR not in item.roles:
            continue
        page = case_view.debtor_page(item, today=today)
        values = page.interest.values
        restrictions = tuple(RestrictionLine(v.restriction.kind, v.restriction.started_on) for v in page.restrictions)
        lines.append(
            ObligationLine(item.case, values["total_outstanding"], values["interest_outstanding"], restrictions)
        )
    return lines
