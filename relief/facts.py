"""Inputs of the enforcement rules, as frozen dataclasses the portal derives from its case timeline.

``None`` means "not recorded" and becomes an UNKNOWN criterion, never a guess. Dates are plain dates (the
day an event happened); sequences of dates are stored sorted as tuples. Money is Decimal yuan to the fen.
The screening answers for judicial relief and debt exit live in ``relief/screening_facts.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from relief._common import dates, money


def _sort_dates(instance: object, *names: str) -> None:
    for name in names:
        object.__setattr__(instance, name, dates(getattr(instance, name)))


@dataclass(frozen=True)
class TerminationFacts:
    """ZB-03/04/05/07: what the court recorded before (and after) a 终本 ruling."""

    filing_date: date | None = None
    notice_served_on: date | None = None
    report_order_on: date | None = None
    report_default: bool | None = None  # the debtor reported late, falsely or not at all
    report_default_sanctioned_on: date | None = None
    consumption_order_on: date | None = None
    debtor_is_minor: bool | None = None
    dishonest_ground_found: bool | None = None  # an SX-01 ground for listing existed
    dishonest_listed_on: date | None = None
    online_searches: tuple[date, ...] = ()  # network searches (网络执行查控) on these days
    onsite_investigation_on: date | None = None
    premises_search_on: date | None = None  # 搜查
    audit_or_reward_requested: bool = False  # on the applicant's request (ZB-05 item 5)
    audit_or_reward_handled_on: date | None = None
    clues_unverified: int = 0  # clear, specific clues still unchecked when the court ruled
    applicant_interview_on: date | None = None
    debtor_whereabouts_unknown: bool | None = None
    debtor_searched_for_on: date | None = None
    obstruction: bool | None = None
    obstruction_sanctioned_on: date | None = None
    termination_ruled_on: date | None = None
    termination_served_on: date | None = None

    def __post_init__(self) -> None:
        _sort_dates(self, "online_searches")
        if self.clues_unverified < 0:
            raise ValueError("clues_unverified must not be negative")


@dataclass(frozen=True)
class Payment:
    """HF-14: one payment (or sum the court took) on a day, in yuan."""

    paid_on: date
    amount: Decimal

    def __post_init__(self) -> None:
        amount = money(self.amount)
        if amount <= 0:
            raise ValueError("a payment must be positive")
        object.__setattr__(self, "amount", amount)


@dataclass(frozen=True)
class ListingFacts:
    """SX-01/02/04/07/08: one 失信 listing and the events that end it.

    ``searches_after_termination`` are network searches after 终本 that found nothing enforceable.
    ``applicant_consented_on`` is the day the court granted the applicant's written deletion request.
    """

    ground: int  # SX-01 item 1-6
    listed_on: date
    term_years: int | None = None  # None: the statutory term (grounds 2-6) or no term (ground 1)
    extension_years: int = 0
    debtor_is_minor: bool | None = None
    fully_performed_on: date | None = None
    settlement_performed_on: date | None = None
    applicant_consented_on: date | None = None
    terminated_on: date | None = None  # 终本
    searches_after_termination: tuple[date, ...] = ()
    effective_clue_after_termination: bool = False
    suspended_on: date | None = None  # suspension for retrial or bankruptcy (SX-07 item 5)
    not_enforced_on: date | None = None  # ruling not to enforce (item 6)
    final_termination_on: date | None = None  # 终结执行 (item 7)

    def __post_init__(self) -> None:
        _sort_dates(self, "searches_after_termination")
        if not 1 <= self.ground <= 6:
            raise ValueError("ground must be an SX-01 item, 1 to 6")
        if self.term_years is not None and self.term_years < 1:
            raise ValueError("term_years must be at least 1")
        if self.extension_years < 0:
            raise ValueError("extension_years must not be negative")


RestrictionKind = Literal["consumption", "dishonest", "exit_ban"]


@dataclass(frozen=True)
class RestrictionFacts:
    """XF-06/HF-11/SX-09: one restriction on the debtor and what could lift it."""

    kind: RestrictionKind
    started_on: date
    term_ends_on: date | None = None
    lifted_on: date | None = None
    fully_performed: bool = False
    security_offered: bool = False
    applicant_consented: bool = False
    decision_received_on: date | None = None  # exit ban: the day the debtor received the decision

    def __post_init__(self) -> None:
        if self.kind not in ("consumption", "dishonest", "exit_ban"):
            raise ValueError("unknown restriction kind")


@dataclass(frozen=True)
class LimitationFacts:
    """HF-04: the dates that start and interrupt the 2-year limitation for applying for enforcement."""

    performance_deadline: date | None = None
    last_instalment_on: date | None = None  # the last day of the last instalment
    effective_on: date | None = None  # the judgment took effect (used when it sets no performance period)
    interruptions: tuple[date, ...] = ()  # application, settlement, demand or consent to perform
    terminated_on: date | None = None  # 终本

    def __post_init__(self) -> None:
        _sort_dates(self, "interruptions")
