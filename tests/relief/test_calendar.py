"""HF-00: counting on the Chinese statutory calendar, with the rulebook's own examples."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relief import calendar as cal
from relief._common import data_file
from relief.calendar import CalendarDataError, Deadline, load_calendar
from relief.rules import rule

Y2027 = {
    "schema_version": 1,
    "years": [
        {
            "year": 2027,
            "notice": "test arrangement",
            "published": date(2026, 11, 12),
            "holidays": [date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)],
            "workdays": [date(2027, 2, 20)],
        }
    ],
}


@pytest.mark.parametrize(
    ("start", "days", "due", "provisional"),
    [
        pytest.param(date(2025, 9, 25), 7, date(2025, 10, 9), False, id="HF-00-clue-7-days-over-national-day"),
        pytest.param(date(2025, 9, 25), 3, date(2025, 9, 28), False, id="HF-00-urgent-3-days-adjusted-sunday"),
        pytest.param(date(2025, 9, 26), 1, date(2025, 9, 28), False, id="HF-00-saturday-rolls-to-adjusted-sunday"),
        pytest.param(date(2025, 10, 17), 1, date(2025, 10, 20), False, id="HF-00-saturday-rolls-past-sunday"),
        pytest.param(date(2025, 9, 29), 10, date(2025, 10, 9), False, id="HF-00-rest-days-inside-not-deducted"),
        pytest.param(date(2025, 10, 10), 1, date(2025, 10, 11), False, id="HF-00-adjusted-saturday-is-due"),
        pytest.param(date(2024, 2, 27), 2, date(2024, 2, 29), False, id="HF-00-leap-day"),
        pytest.param(date(2025, 12, 31), 1, date(2026, 1, 4), False, id="HF-00-new-year-then-adjusted-sunday"),
        pytest.param(date(2026, 12, 1), 7, date(2026, 12, 8), False, id="HF-00-last-known-year"),
        pytest.param(date(2026, 12, 28), 7, date(2027, 1, 4), True, id="HF-00-2027-provisional-weekend-roll"),
        pytest.param(date(2026, 12, 25), 7, date(2027, 1, 1), True, id="HF-00-2027-provisional-weekday"),
        pytest.param(date(2025, 9, 27), 0, date(2025, 9, 27), False, id="HF-00-zero-days-same-day-not-rolled"),
    ],
)
def test_add_days(start, days, due, provisional):
    assert cal.add_days(start, days) == Deadline(due, provisional, rule("HF-00"))


@pytest.mark.parametrize(
    ("start", "months", "due", "provisional"),
    [
        pytest.param(date(2014, 5, 28), 3, date(2014, 8, 28), False, id="HF-00-3-months-corresponding-day"),
        pytest.param(date(2025, 1, 31), 1, date(2025, 2, 28), False, id="HF-00-1-month-to-month-end"),
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), False, id="HF-00-month-end-leap-year"),
        pytest.param(date(2023, 11, 30), 3, date(2024, 2, 29), False, id="HF-00-3-months-leap-february"),
        pytest.param(date(2025, 3, 31), 1, date(2025, 4, 30), False, id="HF-00-30-day-month"),
        pytest.param(date(2025, 7, 1), 3, date(2025, 10, 9), False, id="HF-00-month-period-ends-in-holiday"),
        pytest.param(date(2025, 5, 31), 1, date(2025, 6, 30), False, id="HF-00-month-end-to-monday"),
        pytest.param(date(2023, 1, 5), 3, date(2023, 4, 6), False, id="HF-00-qingming-2023"),
        pytest.param(date(2026, 10, 1), 3, date(2027, 1, 1), True, id="HF-00-months-into-2027-provisional"),
    ],
)
def test_add_months(start, months, due, provisional):
    assert cal.add_months(start, months) == Deadline(due, provisional, rule("HF-00"))


@pytest.mark.parametrize(
    ("start", "years", "due"),
    [
        pytest.param(date(2024, 2, 29), 1, date(2025, 2, 28), id="HF-00-year-from-leap-day"),
        pytest.param(date(2024, 2, 29), 2, date(2026, 2, 28), id="HF-00-leap-day-to-adjusted-saturday"),
        pytest.param(date(2022, 6, 30), 2, date(2024, 7, 1), id="HF-00-year-end-on-sunday-rolls"),
    ],
)
def test_add_years(start, years, due):
    assert cal.add_years(start, years).due == due


@pytest.mark.parametrize(
    ("start", "days", "due", "provisional"),
    [
        pytest.param(date(2025, 9, 25), 3, date(2025, 9, 29), False, id="HF-00-wd-counts-adjusted-sunday"),
        pytest.param(date(2025, 9, 25), 5, date(2025, 10, 9), False, id="HF-00-wd-skips-national-day"),
        pytest.param(date(2025, 9, 26), 2, date(2025, 9, 29), False, id="HF-00-wd-start-not-counted"),
        pytest.param(date(2025, 10, 10), 1, date(2025, 10, 11), False, id="HF-00-wd-adjusted-saturday"),
        pytest.param(date(2025, 9, 25), 0, date(2025, 9, 25), False, id="HF-00-wd-zero"),
        pytest.param(date(2026, 12, 30), 3, date(2027, 1, 4), True, id="HF-00-wd-2027-provisional"),
    ],
)
def test_add_working_days(start, days, due, provisional):
    assert cal.add_working_days(start, days) == Deadline(due, provisional, rule("HF-00"))


@pytest.mark.parametrize(
    ("day", "rest"),
    [
        pytest.param(date(2025, 10, 1), True, id="HF-00-national-day"),
        pytest.param(date(2025, 10, 8), True, id="HF-00-weekday-off-in-lieu"),
        pytest.param(date(2025, 9, 28), False, id="HF-00-adjusted-sunday-works"),
        pytest.param(date(2025, 10, 11), False, id="HF-00-adjusted-saturday-works"),
        pytest.param(date(2025, 9, 27), True, id="HF-00-plain-saturday"),
        pytest.param(date(2025, 9, 26), False, id="HF-00-plain-friday"),
        pytest.param(date(2027, 1, 1), False, id="HF-00-unknown-year-weekday"),
        pytest.param(date(2027, 1, 2), True, id="HF-00-unknown-year-saturday"),
    ],
)
def test_rest_days(day, rest):
    assert cal.is_rest_day(day) is rest
    assert cal.is_working_day(day) is not rest


def test_known_years_are_the_package_years_by_default():
    years = cal.known_years()
    assert min(years) == 2004
    assert max(years) == 2026
    assert 2027 not in years


def test_packaged_holiday_file_has_the_documented_schema():
    data = data_file("holidays.toml")
    assert data["schema_version"] == 1
    for entry in data.get("years", []):
        assert {"year", "notice", "published", "holidays", "workdays"} <= set(entry)


def test_an_injected_year_makes_2027_known_and_final():
    calendar = load_calendar(Y2027)
    assert 2027 in calendar.known_years()
    assert cal.add_days(date(2026, 12, 25), 7, calendar=calendar) == Deadline(date(2027, 1, 4), False, rule("HF-00"))
    assert calendar.is_working_day(date(2027, 2, 20))
    assert calendar.arrangement(2027).notice == "test arrangement"
    # the default calendar is unchanged
    assert cal.add_days(date(2026, 12, 25), 7).provisional


def test_an_injected_year_replaces_the_package_year():
    calendar = load_calendar({"years": [{"year": 2025, "holidays": [], "workdays": []}]})
    assert calendar.is_working_day(date(2025, 10, 2))
    assert calendar.is_rest_day(date(2025, 9, 28))


@pytest.mark.parametrize(
    ("entry", "code"),
    [
        pytest.param({"year": 2027, "holidays": [date(2026, 12, 31)]}, "date_outside_year", id="HF-00-bad-year"),
        pytest.param(
            {"year": 2027, "holidays": [date(2027, 2, 20)], "workdays": [date(2027, 2, 20)]},
            "holiday_and_workday",
            id="HF-00-both",
        ),
        pytest.param({"year": 2027, "workdays": [date(2027, 2, 22)]}, "workday_not_weekend", id="HF-00-weekday-work"),
    ],
)
def test_bad_arrangements_are_refused(entry, code):
    with pytest.raises(CalendarDataError) as error:
        load_calendar({"years": [entry]})
    assert error.value.code == code


def test_unknown_schema_version_is_refused():
    with pytest.raises(CalendarDataError):
        load_calendar({"schema_version": 2, "years": []})


@pytest.mark.parametrize("function", [cal.add_days, cal.add_months, cal.add_working_days])
def test_negative_periods_are_refused(function):
    with pytest.raises(ValueError):
        function(date(2025, 1, 1), -1)


known_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2025, 12, 31))


@given(start=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), days=st.integers(0, 400))
def test_add_days_is_never_short(start, days):
    assert cal.add_days(start, days).due >= start + timedelta(days=days)


@given(start=known_days, days=st.integers(1, 300))
def test_deadlines_in_known_years_never_land_on_a_rest_day(start, days):
    deadline = cal.add_days(start, days)
    if deadline.due.year <= 2026:
        assert cal.is_working_day(deadline.due)
        assert not deadline.provisional


@given(start=known_days, months=st.integers(1, 11))
def test_month_periods_in_known_years_end_on_a_working_day(start, months):
    deadline = cal.add_months(start, months)
    assert cal.is_working_day(deadline.due)
    assert deadline.due > start


@given(start=known_days, days=st.integers(1, 60))
def test_working_day_periods_end_on_a_working_day(start, days):
    deadline = cal.add_working_days(start, days)
    assert cal.is_working_day(deadline.due)
    assert deadline.due >= start + timedelta(days=days)
