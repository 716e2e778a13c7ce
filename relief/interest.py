"""HF-14: the doubled part of late-performance interest (加倍部分债务利息), to the fen.

法释〔2014〕8号 (read in the findlaw.cn copy; the rulebook tags it [P]):
- Art.1: doubled-part interest = unpaid money debt fixed by the judgment, excluding ordinary interest,
  × 0.0175 % per day (日万分之一点七五) × the period of delay. ``principal`` must exclude ordinary interest.
- Art.2: it runs from the day the performance period expires (履行期间届满之日起计算). Read with HF-00 (CPL
  Art.85(2); 民诉法解释 Art.125: a period in days starts on the next day), the first day of interest is the
  day after ``performance_deadline``.
- Art.3: it runs up to the day of payment (计算至履行完毕之日), so the payment day itself is counted and the
  payment reduces the base from the next day. Days of delay for a payment = paid_on - performance_deadline;
  a payment on or before the deadline day carries no interest. Without payment, interest runs to ``as_of``
  inclusive.
- Art.4: a payment goes to the principal first, then to the doubled-part interest already accrued; anything
  above both is reported as ``overpaid``.
Each segment's interest is rounded to the fen (ROUND_HALF_UP) and the totals are sums of segments, so the
formula shown per segment adds up. Periods that Art.3(3) excludes (suspension not at the debtor's request)
are not deducted here; days before the first rate in params.toml (2014-08-01, Art.7) get no interest and a
reason. Payments dated after ``as_of`` are ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from relief._common import FEN, Param, money, param_rows, reason
from relief.facts import Payment
from relief.outcomes import Decision, Reason

__all__ = ["InterestSegment", "Payment", "late_interest"]

_ONE_DAY = timedelta(days=1)
_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class InterestSegment:
    """Days ``start``..``end`` (both counted) at one base and rate: interest = base × rate × days."""

    start: date
    end: date
    days: int
    base: Decimal
    interest: Decimal
    rate: Decimal


def _rate_periods(start: date, end: date) -> list[tuple[date, date, Param | None]]:
    """Split the counted days start..end at the rate changes; None where no rate is known."""
    rows = param_rows("late_interest.daily_rate")
    periods, day = [], start
    boundaries = [row.since for row in rows if row.since is not None]
    while day <= end:
        current = None
        for row in rows:
            if row.since is None or row.since <= day:
                current = row
        later = [b for b in boundaries if b > day]
        stop = min([end, *[b - _ONE_DAY for b in later]])
        periods.append((day, stop, current))
        day = stop + _ONE_DAY
    return periods


def _accrue(base: Decimal, after: date, through: date, notes: list[Reason]) -> list[InterestSegment]:
    segments = []
    for start, end, rate in _rate_periods(after + _ONE_DAY, through):
        if rate is None:
            notes.append(reason("hf14.period_before_rate_data", "HF-14", start=start, end=end))
            continue
        days = (end - start).days + 1
        value = Decimal(rate.value)
        interest = (base * value * days).quantize(FEN, rounding=ROUND_HALF_UP)
        segments.append(InterestSegment(start, end, days, base, interest, value))
    return segments


def late_interest(
    principal: Decimal, performance_deadline: date, payments: Sequence[Payment], *, as_of: date
) -> Decision:
    """HF-14 (CPL 2023 Art.264; 法释〔2014〕8号 Arts.1-4): doubled-part interest, principal paid first."""
    outstanding = money(principal)
    if outstanding < 0:
        raise ValueError("principal must not be negative")
    notes: list[Reason] = []
    segments: list[InterestSegment] = []
    accrued = interest_paid = overpaid = _ZERO
    cursor = performance_deadline  # interest is counted for the days after the cursor
    for payment in sorted((p for p in payments if p.paid_on <= as_of), key=lambda p: p.paid_on):
        if outstanding > 0 and payment.paid_on > cursor:
            new = _accrue(outstanding, cursor, payment.paid_on, notes)
            segments += new
            accrued += sum((s.interest for s in new), _ZERO)
            cursor = payment.paid_on
        to_principal = min(payment.amount, outstanding)
        outstanding -= to_principal
        to_interest = min(payment.amount - to_principal, accrued - interest_paid)
        interest_paid += to_interest
        overpaid += payment.amount - to_principal - to_interest
    if outstanding > 0 and as_of > cursor:
        new = _accrue(outstanding, cursor, as_of, notes)
        segments += new
        accrued += sum((s.interest for s in new), _ZERO)
    interest_outstanding = accrued - interest_paid
    if outstanding > 0:
        outcome = "accruing" if as_of > performance_deadline else "not_due"
    else:
        outcome = "interest_outstanding" if interest_outstanding > 0 else "settled"
    rows = param_rows("late_interest.daily_rate")
    rate = Decimal(next((r for r in reversed(rows) if r.since is None or r.since <= as_of), rows[0]).value)
    reasons = (
        reason(f"hf14.outcome.{outcome}", "HF-14", performance_deadline=performance_deadline),
        reason("hf14.base_excludes_ordinary_interest", "HF-14"),
        reason("hf14.principal_paid_first", "HF-14"),
        *notes,
    )
    values = {
        "principal_outstanding": outstanding,
        "interest_accrued": accrued,
        "interest_paid": interest_paid,
        "interest_outstanding": interest_outstanding,
        "total_outstanding": outstanding + interest_outstanding,
        "overpaid": overpaid,
        "daily_rate": rate,
        "days": sum(s.days for s in segments),
        "segments": tuple(segments),
    }
    return Decision(outcome, (), reasons, values)
