"""HF-14: doubled-part late-performance interest, with figures computed by hand (rate 0.000175 per day)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relief.interest import InterestSegment, Payment, late_interest

D = Decimal
RATE = D("0.000175")


def pay(day: date, amount: str) -> Payment:
    return Payment(day, D(amount))


@pytest.mark.parametrize(
    ("principal", "deadline", "payments", "as_of", "expected"),
    [
        # 100000 × 0.000175 × 30 = 525.00 (days 01-11..02-09)
        pytest.param(
            "100000",
            date(2024, 1, 10),
            [],
            date(2024, 2, 9),
            {"interest_accrued": "525.00", "principal_outstanding": "100000.00", "days": 30, "outcome": "accruing"},
            id="HF-14-no-payment",
        ),
        # 100000 × r × 10 (01-11..01-20, payment day counted) = 175.00; 60000 × r × 20 (01-21..02-09) = 210.00
        pytest.param(
            "100000",
            date(2024, 1, 10),
            [pay(date(2024, 1, 20), "40000")],
            date(2024, 2, 9),
            {"interest_accrued": "385.00", "principal_outstanding": "60000.00", "total_outstanding": "60385.00"},
            id="HF-14-partial-payment-reduces-base-next-day",
        ),
        pytest.param(
            "5000",
            date(2024, 6, 30),
            [pay(date(2024, 6, 30), "5000")],
            date(2024, 12, 31),
            {"interest_accrued": "0.00", "days": 0, "outcome": "settled"},
            id="HF-14-paid-on-deadline-day",
        ),
        # 5000 × r × 1 = 0.875 → 0.88 (ROUND_HALF_UP); the payment went to principal
        pytest.param(
            "5000",
            date(2024, 6, 30),
            [pay(date(2024, 7, 1), "5000")],
            date(2024, 12, 31),
            {"interest_outstanding": "0.88", "total_outstanding": "0.88", "outcome": "interest_outstanding"},
            id="HF-14-paid-day-after-deadline",
        ),
        # 10000 × r × 30 = 52.50; 12000 pays 10000 principal, 52.50 interest, 1947.50 over
        pytest.param(
            "10000",
            date(2024, 3, 1),
            [pay(date(2024, 3, 31), "12000")],
            date(2024, 6, 1),
            {"interest_paid": "52.50", "overpaid": "1947.50", "total_outstanding": "0.00", "outcome": "settled"},
            id="HF-14-payment-exceeds-principal",
        ),
        # 6000 × r × 10 = 10.50 after a 4000 payment before the deadline
        pytest.param(
            "10000",
            date(2024, 3, 1),
            [pay(date(2024, 2, 1), "4000")],
            date(2024, 3, 11),
            {"interest_accrued": "10.50", "principal_outstanding": "6000.00"},
            id="HF-14-payment-before-deadline",
        ),
        pytest.param(
            "10000",
            date(2024, 3, 1),
            [],
            date(2024, 3, 1),
            {"interest_accrued": "0.00", "outcome": "not_due"},
            id="HF-14-not-yet-due",
        ),
        # 20000 × r × 2 (02-29 and 03-01) = 7.00
        pytest.param(
            "20000", date(2024, 2, 28), [], date(2024, 3, 1), {"interest_accrued": "7.00", "days": 2}, id="HF-14-leap"
        ),
        # 333.33 × r × 7 = 0.40832... → 0.41
        pytest.param(
            "333.33", date(2025, 1, 1), [], date(2025, 1, 8), {"interest_accrued": "0.41"}, id="HF-14-rounds-to-fen"
        ),
        # 10000 × r × 10 = 17.50, then a later 17.50 pays the interest
        pytest.param(
            "10000",
            date(2024, 1, 1),
            [pay(date(2024, 1, 11), "10000"), pay(date(2024, 2, 1), "17.50")],
            date(2024, 3, 1),
            {"interest_paid": "17.50", "interest_outstanding": "0.00", "outcome": "settled"},
            id="HF-14-principal-first-then-interest",
        ),
        # two payments on one day: 10 days on 10000 = 17.50, then 4000 × r × 10 = 7.00
        pytest.param(
            "10000",
            date(2024, 1, 1),
            [pay(date(2024, 1, 11), "3000"), pay(date(2024, 1, 11), "3000")],
            date(2024, 1, 21),
            {"interest_accrued": "24.50", "principal_outstanding": "4000.00", "days": 20},
            id="HF-14-two-payments-same-day",
        ),
        pytest.param(
            "10000",
            date(2024, 1, 1),
            [pay(date(2024, 1, 31), "10000")],
            date(2024, 1, 11),
            {"interest_accrued": "17.50", "principal_outstanding": "10000.00"},
            id="HF-14-future-payment-ignored",
        ),
        # days before 2014-08-01 are not computed: 10000 × r × 10 (08-01..08-10) = 17.50
        pytest.param(
            "10000",
            date(2014, 7, 20),
            [],
            date(2014, 8, 10),
            {"interest_accrued": "17.50", "days": 10},
            id="HF-14-2014",
        ),
    ],
)
def test_late_interest(principal, deadline, payments, as_of, expected):
    decision = late_interest(D(principal), deadline, payments, as_of=as_of)
    for key, value in expected.items():
        if key == "outcome":
            assert decision.outcome == value
        elif key == "days":
            assert decision.values["days"] == value
        else:
            assert decision.values[key] == D(value), key


def test_segments_show_the_formula():
    decision = late_interest(D("100000"), date(2024, 1, 10), [pay(date(2024, 1, 20), "40000")], as_of=date(2024, 2, 9))
    assert decision.values["segments"] == (
        InterestSegment(date(2024, 1, 11), date(2024, 1, 20), 10, D("100000.00"), D("175.00"), RATE),
        InterestSegment(date(2024, 1, 21), date(2024, 2, 9), 20, D("60000.00"), D("210.00"), RATE),
    )
    assert decision.values["daily_rate"] == RATE
    assert [r.code for r in decision.reasons][:3] == [
        "hf14.outcome.accruing",
        "hf14.base_excludes_ordinary_interest",
        "hf14.principal_paid_first",
    ]


def test_period_before_the_2014_rate_is_flagged():
    decision = late_interest(D("10000"), date(2014, 7, 20), [], as_of=date(2014, 8, 10))
    flagged = [r for r in decision.reasons if r.code == "hf14.period_before_rate_data"]
    assert flagged[0].params == {"start": date(2014, 7, 21), "end": date(2014, 7, 31)}


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: Payment(date(2024, 1, 1), 1.5), id="HF-14-float-payment"),
        pytest.param(lambda: late_interest(1000.0, date(2024, 1, 1), [], as_of=date(2024, 2, 1)), id="HF-14-float"),
    ],
)
def test_floats_are_refused(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: Payment(date(2024, 1, 1), D("0")), id="HF-14-zero-payment"),
        pytest.param(lambda: late_interest(D("-1"), date(2024, 1, 1), [], as_of=date(2024, 2, 1)), id="HF-14-negative"),
    ],
)
def test_bad_amounts_are_refused(call):
    with pytest.raises(ValueError):
        call()


def test_payment_amount_is_quantised_to_the_fen():
    assert Payment(date(2024, 1, 1), D("10.005")).amount == D("10.01")


amounts = st.decimals(min_value=D("0.01"), max_value=D("10000000"), places=2, allow_nan=False, allow_infinity=False)


@given(
    principal=amounts,
    deadline=st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 1, 1)),
    payments=st.lists(st.tuples(st.integers(-30, 2000), amounts), max_size=6),
    horizon=st.integers(-30, 3000),
)
def test_interest_invariants(principal, deadline, payments, horizon):
    paid = [Payment(deadline + timedelta(days=offset), amount) for offset, amount in payments]
    as_of = deadline + timedelta(days=horizon)
    values = late_interest(principal, deadline, paid, as_of=as_of).values
    for key in ("interest_accrued", "interest_paid", "interest_outstanding", "principal_outstanding", "overpaid"):
        assert values[key] >= 0
    assert values["interest_accrued"] == sum((s.interest for s in values["segments"]), D("0"))
    assert values["interest_paid"] + values["interest_outstanding"] == values["interest_accrued"]
    received = sum((p.amount for p in paid if p.paid_on <= as_of), D("0"))
    applied = principal - values["principal_outstanding"] + values["interest_paid"] + values["overpaid"]
    assert applied == received
