"""Turn a case's recorded timeline into the facts relief/ decides on. No decisions here, only mapping."""

from __future__ import annotations

from datetime import date

from portal.models import Case, EventKind, PartyKind, PartyRole, Restriction
from relief.facts import TerminationFacts
from relief.interest import Payment
from relief.limitation import LimitationFacts
from relief.listing import ListingFacts
from relief.restrictions import RestrictionFacts


def _first(case: Case, kind: EventKind, *, before: date | None = None) -> date | None:
    days = [e.occurred_on for e in case.events if e.kind is kind and (before is None or e.occurred_on <= before)]
    return min(days) if days else None


def _all(case: Case, kind: EventKind) -> tuple[date, ...]:
    return tuple(sorted(e.occurred_on for e in case.events if e.kind is kind))


def _has(case: Case, kind: EventKind) -> bool:
    # The imported timeline is the court's record: a finding it does not contain was not made.
    return any(e.kind is kind for e in case.events)


def termination_ruled_on(case: Case) -> date | None:
    """The latest termination ruling (a resumed case may have been terminated again)."""
    rulings = _all(case, EventKind.TERMINATION_RULING)
    return rulings[-1] if rulings else None


def termination_served_on(case: Case) -> date | None:
    ruled = termination_ruled_on(case)
    served = [d for d in _all(case, EventKind.TERMINATION_SERVED) if ruled and d >= ruled]
    return served[0] if served else None


def debtors_are_minors(case: Case, on: date) -> bool:
    debtors = [cp.party for cp in case.parties_in(PartyRole.DEBTOR)]
    return bool(debtors) and all(p.kind is PartyKind.PERSON and p.is_minor_on(on) for p in debtors)


def termination_facts(case: Case) -> TerminationFacts:
    ruled = termination_ruled_on(case)
    clues = len(_all(case, EventKind.CLUE_RECEIVED))
    verified = len(_all(case, EventKind.CLUE_VERIFIED))
    audit_or_reward = _first(case, EventKind.AUDIT) or _first(case, EventKind.REWARD_NOTICE)
    return TerminationFacts(
        filing_date=case.filed_on,
        notice_served_on=_first(case, EventKind.NOTICE_SERVED),
        report_order_on=_first(case, EventKind.REPORT_ORDER),
        report_default=_has(case, EventKind.REPORT_DEFAULT),
        report_default_sanctioned_on=_first(case, EventKind.REPORT_SANCTION),
        consumption_order_on=_first(case, EventKind.CONSUMPTION_ORDER),
        debtor_is_minor=debtors_are_minors(case, ruled or case.filed_on),
        dishonest_ground_found=_has(case, EventKind.DISHONEST_GROUND),
        dishonest_listed_on=_first(case, EventKind.DISHONEST_LISTING),
        online_searches=_all(case, EventKind.ONLINE_SEARCH),
        onsite_investigation_on=_first(case, EventKind.ONSITE_INVESTIGATION),
        premises_search_on=_first(case, EventKind.PREMISES_SEARCH),
        audit_or_reward_requested=audit_or_reward is not None,
        audit_or_reward_handled_on=audit_or_reward,
        clues_unverified=max(clues - verified, 0),
        applicant_interview_on=_first(case, EventKind.APPLICANT_INTERVIEW),
        debtor_whereabouts_unknown=_has(case, EventKind.WHEREABOUTS_UNKNOWN),
        debtor_searched_for_on=_first(case, EventKind.WHEREABOUTS_SEARCH),
        obstruction=_has(case, EventKind.OBSTRUCTION),
        obstruction_sanctioned_on=_first(case, EventKind.OBSTRUCTION_SANCTION),
        termination_ruled_on=ruled,
        termination_served_on=termination_served_on(case),
    )


def searches_after_termination(case: Case) -> tuple[date, ...]:
    ruled = termination_ruled_on(case)
    if ruled is None:
        return ()
    return tuple(d for d in _all(case, EventKind.ONLINE_SEARCH) if d > ruled)


def payments(case: Case) -> tuple[Payment, ...]:
    return tuple(
        Payment(paid_on=e.occurred_on, amount=e.amount)
        for e in sorted(case.events, key=lambda e: e.occurred_on)
        if e.kind is EventKind.PAYMENT and e.amount is not None
    )


def limitation_facts(case: Case) -> LimitationFacts:
    return LimitationFacts(
        performance_deadline=case.performance_deadline,
        last_instalment_on=None,
        effective_on=None,
        interruptions=(case.filed_on,),
        terminated_on=termination_ruled_on(case),
    )


def fully_performed_on(case: Case) -> date | None:
    return _first(case, EventKind.CONCLUDED) if case.status.value == "concluded" else None


def listing_facts(case: Case, restriction: Restriction) -> ListingFacts:
    return ListingFacts(
        ground=restriction.ground or 1,
        listed_on=restriction.started_on,
        term_years=restriction.term_years,
        extension_years=restriction.extension_years or 0,
        debtor_is_minor=restriction.party.is_minor_on(restriction.started_on),
        fully_performed_on=fully_performed_on(case),
        terminated_on=termination_ruled_on(case),
        searches_after_termination=searches_after_termination(case),
        effective_clue_after_termination=any(
            e.kind is EventKind.CLUE_VERIFIED and e.occurred_on > (termination_ruled_on(case) or date.max)
            for e in case.events
        ),
    )


def restriction_facts(case: Case, restriction: Restriction) -> RestrictionFacts:
    return RestrictionFacts(
        kind=restriction.kind.value,
        started_on=restriction.started_on,
        term_ends_on=None,
        lifted_on=restriction.lifted_on,
        fully_performed=fully_performed_on(case) is not None,
    )
