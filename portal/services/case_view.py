"""What a linked party sees of a case: loaded with access checked, decided by relief/ as of today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from portal.errors import NotFound
from portal.extensions import db
from portal.models import Case, CaseLink, CaseParty, CaseStatus, Party, PartyRole, RestrictionKind, User
from portal.services import case_facts
from relief import interest, listing, restrictions, searches, termination
from relief.limitation import enforcement_limitation
from relief.outcomes import Decision


@dataclass(frozen=True)
class LinkedCase:
    case: Case
    roles: frozenset[PartyRole]
    party: Party  # the user's own party record in this case


def my_cases(user: User, *, case_id: int | None = None) -> list[LinkedCase]:
    """The cases this user proved to be a party of, most recently filed first (or only ``case_id``)."""
    query = (
        select(Case, CaseParty)
        .join(CaseParty, CaseParty.case_id == Case.id)
        .join(CaseLink, CaseLink.case_party_id == CaseParty.id)
        .where(CaseLink.user_id == user.id)
        .order_by(Case.filed_on.desc())
    )
    if case_id is not None:
        query = query.where(Case.id == case_id)
    rows = db.session.execute(query).all()
    merged: dict[int, LinkedCase] = {}
    for case, case_party in rows:
        known = merged.get(case.id)
        roles = (known.roles if known else frozenset()) | {case_party.role}
        merged[case.id] = LinkedCase(case=case, roles=roles, party=case_party.party)
    return list(merged.values())


def linked_case(user: User, case_id: int, *, role: PartyRole | None = None) -> LinkedCase:
    """The case if this user proved to be its party (in ``role``, when given); otherwise 404."""
    for item in my_cases(user, case_id=case_id):
        if role is None or role in item.roles:
            return item
    raise NotFound()


@dataclass(frozen=True)
class ApplicantPage:
    case: Case
    termination: Decision
    objection: Decision | None
    searches: Decision | None
    limitation: Decision
    terminated: bool


def applicant_page(item: LinkedCase, *, today: date) -> ApplicantPage:
    case = item.case
    facts = case_facts.termination_facts(case)
    assessed = termination.assess_termination(facts, as_of=today)
    served = case_facts.termination_served_on(case) or facts.termination_ruled_on
    terminated = case.status is CaseStatus.TERMINATED
    follow_up = None
    if terminated and served is not None:
        follow_up = searches.follow_up_searches(served, case_facts.searches_after_termination(case), as_of=today)
    objection = termination.objection_route(facts, as_of=today) if terminated else None
    return ApplicantPage(
        case=case,
        termination=assessed,
        objection=objection,
        searches=follow_up,
        limitation=enforcement_limitation(case_facts.limitation_facts(case), as_of=today),
        terminated=terminated,
    )


@dataclass(frozen=True)
class RestrictionView:
    restriction: object
    lifting: Decision
    listing: Decision | None


@dataclass(frozen=True)
class DebtorPage:
    case: Case
    interest: Decision
    restrictions: tuple[RestrictionView, ...]
    terminated: bool


def debtor_page(item: LinkedCase, *, today: date) -> DebtorPage:
    case = item.case
    owed = interest.late_interest(case.principal, case.performance_deadline, case_facts.payments(case), as_of=today)
    views = []
    for restriction in case.restrictions:
        if restriction.party_id != item.party.id or not restriction.in_force:
            continue
        listing_status = None
        if restriction.kind is RestrictionKind.DISHONEST:
            listing_status = listing.dishonest_listing_status(case_facts.listing_facts(case, restriction), as_of=today)
        lifting = restrictions.lifting_routes(case_facts.restriction_facts(case, restriction), as_of=today)
        views.append(RestrictionView(restriction=restriction, lifting=lifting, listing=listing_status))
    return DebtorPage(
        case=case, interest=owed, restrictions=tuple(views), terminated=case.status is CaseStatus.TERMINATED
    )
