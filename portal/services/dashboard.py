"""How the court is doing: open work, timeliness, speed of decisions, and the quality of its terminations."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal.clock import COURT_TZ
from portal.extensions import db
from portal.models import Case, CaseStatus, Submission, SubmissionStatus, User
from portal.services import case_facts
from relief import searches, termination


@dataclass(frozen=True)
class KindStats:
    kind: str
    open: int
    decided: int
    on_time: int
    median_days: float | None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.decided if self.decided else None


@dataclass(frozen=True)
class Dashboard:
    by_status: dict[str, int]
    by_kind: list[KindStats]
    terminated_cases: int
    terminations_compliant: int
    searches_overdue_cases: int

    @property
    def pass_rate(self) -> float | None:
        return self.terminations_compliant / self.terminated_cases if self.terminated_cases else None


def build(staff: User, *, today: date) -> Dashboard:
    court_id = staff.court_id
    by_status = {
        s.value: n
        for s, n in db.session.execute(
            select(Submission.status, func.count()).where(Submission.court_id == court_id).group_by(Submission.status)
        ).all()
    }
    rows = db.session.execute(
        select(
            Submission.kind, Submission.status, Submission.received_at, Submission.decided_at, Submission.due_on
        ).where(Submission.court_id == court_id)
    ).all()
    stats: dict[str, dict] = {}
    for kind, status, received, decided, due in rows:
        entry = stats.setdefault(kind.value, {"open": 0, "decided": 0, "on_time": 0, "days": []})
        if status in (SubmissionStatus.DECIDED, SubmissionStatus.CLOSED) and decided is not None:
            entry["decided"] += 1
            decided_day = decided.astimezone(COURT_TZ).date()
            entry["days"].append((decided_day - received.astimezone(COURT_TZ).date()).days)
            if due is None or decided_day <= due:
                entry["on_time"] += 1
        else:
            entry["open"] += 1
    by_kind = [
        KindStats(kind, e["open"], e["decided"], e["on_time"], statistics.median(e["days"]) if e["days"] else None)
        for kind, e in sorted(stats.items())
    ]
    total, compliant, overdue = _terminations(court_id, today)
    return Dashboard(by_status, by_kind, total, compliant, overdue)


def _terminations(court_id: int, today: date) -> tuple[int, int, int]:
    """The "termination pass rate" indicator and the cases whose follow-up searches are overdue (ZB-03, ZB-11)."""
    cases = db.session.scalars(
        select(Case)
        .where(Case.court_id == court_id, Case.status == CaseStatus.TERMINATED)
        .options(selectinload(Case.events), selectinload(Case.parties))
    )
    total = compliant = overdue = 0
    for case in cases:
        total += 1
        facts = case_facts.termination_facts(case)
        if termination.assess_termination(facts, as_of=today).outcome == "compliant":
            compliant += 1
        served = facts.termination_served_on or facts.termination_ruled_on
        if served is not None:
            follow = searches.follow_up_searches(served, case_facts.searches_after_termination(case), as_of=today)
            if follow.values.get("overdue_count"):
                overdue += 1
    return total, compliant, overdue
