"""Timelines for demo cases: one builder per scenario, each a plausible sequence of court steps.

A scenario either meets all five termination conditions (ZB-03) or breaks exactly one, so the demo shows
every kind of gap somewhere. Dates never pass the anchor day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from portal.models import CaseStatus, EventKind, RestrictionKind

# Scenario -> how many of every 100 cases of a court get it.
SCENARIOS = {
    "compliant": 40,
    "missing_notice": 3,
    "missing_consumption_order": 3,
    "missing_listing": 3,
    "missing_search": 3,
    "unverified_clue": 2,
    "too_early": 3,
    "missing_whereabouts_search": 2,
    "unsanctioned_obstruction": 2,
    "ongoing": 17,
    "resumed": 9,
    "concluded": 13,
}
assert sum(SCENARIOS.values()) == 100  # noqa: S101 - a guard on the table above

TERMINATING = {s for s in SCENARIOS if s not in ("ongoing", "resumed", "concluded")}

# A "missing" step is either absent from the file (the condition shows as not recorded) or done only after
# the termination ruling (the condition shows as not met); the builder alternates between the two.
LATE_STEP = {
    "missing_notice": (EventKind.NOTICE_SERVED, EventKind.REPORT_ORDER),
    "missing_consumption_order": (EventKind.CONSUMPTION_ORDER,),
    "missing_listing": (EventKind.DISHONEST_LISTING,),
    "missing_search": (EventKind.ONLINE_SEARCH,),
    "missing_whereabouts_search": (EventKind.WHEREABOUTS_SEARCH,),
    "unsanctioned_obstruction": (EventKind.OBSTRUCTION_SANCTION,),
}


@dataclass
class Event:
    kind: EventKind
    on: date
    result: str | None = None
    amount: Decimal | None = None
    details: dict = field(default_factory=dict)


@dataclass
class PlannedRestriction:
    kind: RestrictionKind
    started_on: date
    ground: int | None = None
    term_years: int | None = None
    lifted_on: date | None = None
    lift_reason: str | None = None


@dataclass
class Plan:
    status: CaseStatus
    events: list[Event]
    restrictions: list[PlannedRestriction]


def _months(months: int) -> timedelta:
    return timedelta(days=round(months * 30.4))


class TimelineBuilder:
    def __init__(self, rng: random.Random, anchor: date):
        self.rng = rng
        self.anchor = anchor
        self.missing_seen: dict[str, int] = {}

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    def build(
        self, scenario: str, filed: date, principal: Decimal, *, debtor_minor: bool, force_listing: bool = False
    ) -> Plan:
        rng = self.rng
        events: list[Event] = [Event(EventKind.FILED, filed)]
        restrictions: list[PlannedRestriction] = []
        add = events.append
        notice = filed + self.days(3, 10)
        if scenario != "missing_notice":
            add(Event(EventKind.NOTICE_SERVED, notice))
            add(Event(EventKind.REPORT_ORDER, notice))
        online = notice + self.days(2, 15)
        if scenario != "missing_search":
            add(Event(EventKind.ONLINE_SEARCH, online, "nothing_found"))
        order_day = notice + self.days(12, 30)
        if scenario != "missing_consumption_order":
            add(Event(EventKind.CONSUMPTION_ORDER, order_day))
            restrictions.append(PlannedRestriction(RestrictionKind.CONSUMPTION, order_day))
        ground_found = not debtor_minor and (scenario == "missing_listing" or force_listing or rng.random() < 0.45)
        if ground_found:
            ground = rng.choice((1, 1, 4, 5))
            add(Event(EventKind.DISHONEST_GROUND, order_day, str(ground)))
            if scenario != "missing_listing":
                listed = order_day + self.days(1, 20)
                add(Event(EventKind.DISHONEST_LISTING, listed, str(ground)))
                term = None if ground == 1 else 2
                restrictions.append(PlannedRestriction(RestrictionKind.DISHONEST, listed, ground, term))
        if rng.random() < 0.12 and not debtor_minor:
            ban = order_day + self.days(5, 40)
            add(Event(EventKind.EXIT_BAN, ban))
            restrictions.append(PlannedRestriction(RestrictionKind.EXIT_BAN, ban))
        if rng.random() < 0.5:
            add(Event(EventKind.ONSITE_INVESTIGATION, online + self.days(10, 40), "nothing_found"))
        if rng.random() < 0.3 or scenario == "unverified_clue":
            clue = online + self.days(5, 30)
            add(Event(EventKind.CLUE_RECEIVED, clue))
            if scenario != "unverified_clue":
                add(Event(EventKind.CLUE_VERIFIED, clue + self.days(1, 6), "nothing_found"))
        if scenario == "missing_whereabouts_search" or (scenario == "compliant" and rng.random() < 0.1):
            add(Event(EventKind.WHEREABOUTS_UNKNOWN, notice + self.days(1, 5)))
            if scenario == "compliant":
                add(Event(EventKind.WHEREABOUTS_SEARCH, notice + self.days(6, 30)))
        if scenario == "unsanctioned_obstruction" or (scenario == "compliant" and rng.random() < 0.08):
            add(Event(EventKind.OBSTRUCTION, online + self.days(5, 20)))
            if scenario == "compliant":
                add(Event(EventKind.OBSTRUCTION_SANCTION, online + self.days(21, 40), "fine"))

        status = CaseStatus.ONGOING
        if scenario in TERMINATING or scenario == "resumed":
            status = self._terminate(events, restrictions, scenario, filed, principal)
        elif scenario == "concluded":
            status = self._conclude(events, restrictions, filed, principal)
        else:
            self._part_pay(events, filed, principal)
        events.sort(key=lambda e: e.on)
        return Plan(status, [e for e in events if e.on <= self.anchor], restrictions)

    def _terminate(self, events, restrictions, scenario, filed, principal) -> CaseStatus:
        rng, add = self.rng, events.append
        if scenario == "too_early":
            ruled = filed + self.days(60, 85)
        else:
            ruled = max(filed + self.days(100, 320), max(e.on for e in events) + self.days(5, 20))
        ruled = min(ruled, self.anchor - timedelta(days=20))
        self._part_pay(events, filed, principal, until=ruled)
        if scenario != "resumed" or rng.random() < 0.8:
            add(Event(EventKind.APPLICANT_INTERVIEW, ruled - self.days(3, 12)))
        add(Event(EventKind.TERMINATION_RULING, ruled))
        self._late_step(events, scenario, ruled)
        served = ruled + self.days(2, 10)
        add(Event(EventKind.TERMINATION_SERVED, served))
        # Follow-up searches every six months (ZB-11); some courts fall behind on the recent ones.
        diligent = rng.random() < 0.55
        for n in range(1, 11):
            due = served + _months(6 * n)
            if due > self.anchor:
                break
            if diligent or rng.random() < 0.6:
                add(Event(EventKind.ONLINE_SEARCH, due - self.days(0, 40), "nothing_found"))
        if scenario == "resumed":
            found = served + self.days(60, 400)
            found = min(found, self.anchor - timedelta(days=10))
            add(Event(EventKind.CLUE_RECEIVED, found))
            add(Event(EventKind.CLUE_VERIFIED, found + self.days(1, 6), "found"))
            add(Event(EventKind.RESUMPTION, found + self.days(7, 15)))
            return CaseStatus.RESUMED
        return CaseStatus.TERMINATED

    def _late_step(self, events, scenario, ruled) -> None:
        late_kinds = LATE_STEP.get(scenario)
        if not late_kinds:
            return
        seen = self.missing_seen[scenario] = self.missing_seen.get(scenario, 0) + 1
        if seen % 2:
            day = ruled + self.days(3, 30)
            for kind in late_kinds:
                events.append(Event(kind, day, "nothing_found" if kind is EventKind.ONLINE_SEARCH else None))

    def _conclude(self, events, restrictions, filed, principal) -> CaseStatus:
        last = max(e.on for e in events)
        paid = min(last + self.days(20, 200), self.anchor - timedelta(days=5))
        events.append(Event(EventKind.PAYMENT, paid, amount=principal))
        events.append(Event(EventKind.CONCLUDED, paid + self.days(1, 10)))
        for restriction in restrictions:
            restriction.lifted_on = paid + self.days(1, 3)
            restriction.lift_reason = "paid"
        return CaseStatus.CONCLUDED

    def _part_pay(self, events, filed, principal, until: date | None = None) -> None:
        if self.rng.random() >= 0.35:
            return
        end = until or self.anchor
        for _ in range(self.rng.randint(1, 3)):
            on = filed + self.days(30, max(31, (end - filed).days))
            share = Decimal(self.rng.randint(2, 12)) / 100
            events.append(Event(EventKind.PAYMENT, min(on, end), amount=(principal * share).quantize(Decimal("1"))))
