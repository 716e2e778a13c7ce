"""HF-00: counting periods on the Chinese statutory calendar (CPL 2023 Art.85; 民诉法解释 Art.125).

The start day is not counted. A period in days or months that ends on a rest day (a weekend or statutory
holiday) ends on the next working day; rest days inside the period are not deducted. An adjusted working day
(调休上班日) is a working day. Periods in working days count working days only.

Holiday data: the chinesecalendar package (2004-2026) plus ``relief/data/holidays.toml``, which takes
precedence for the years it lists. Outside the known years only weekends are rest days and the result is
``provisional``: a deadline is provisional when the rest-day status of a day it depended on (the last day,
the days it rolled over, or, for working days, every day counted) could not be known.
"""

from __future__ import annotations

import calendar as _gregorian
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from chinese_calendar import constants as _package

from relief._common import data_file
from relief.outcomes import Rule
from relief.rules import rule

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    """The last day of a period, whether it rests on unknown holiday data, and the rule that sets it."""

    due: date
    provisional: bool
    rule: Rule


class CalendarDataError(ValueError):
    """A holiday arrangement that cannot be right; ``code`` says why, ``year`` where."""

    def __init__(self, code: str, year: int | None = None) -> None:
        super().__init__(code, year)
        self.code = code
        self.year = year


@dataclass(frozen=True)
class YearArrangement:
    """One year's State Council arrangement: days off and adjusted working days, with the notice cited."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    notice: str = ""
    source: str = ""
    published: date | None = None


def _arrangement(entry: Mapping[str, Any]) -> YearArrangement:
    year = int(entry["year"])
    holidays = frozenset(entry.get("holidays", ()))
    workdays = frozenset(entry.get("workdays", ()))
    for day in holidays | workdays:
        if not isinstance(day, date) or day.year != year:
            raise CalendarDataError("date_outside_year", year)
    if holidays & workdays:
        raise CalendarDataError("holiday_and_workday", year)
    if any(day.weekday() < 5 for day in workdays):
        raise CalendarDataError("workday_not_weekend", year)
    return YearArrangement(
        year, holidays, workdays, entry.get("notice", ""), entry.get("source", ""), entry.get("published")
    )


def _package_years() -> dict[int, YearArrangement]:
    years = range(min(_package.holidays).year, max(_package.holidays).year + 1)
    return {
        year: YearArrangement(
            year,
            frozenset(day for day in _package.holidays if day.year == year),
            frozenset(day for day in _package.workdays if day.year == year),
            source="chinesecalendar 1.11.0",
        )
        for year in years
    }


class StatutoryCalendar:
    """Rest days and HF-00 counting over a fixed set of known years."""

    def __init__(self, years: Mapping[int, YearArrangement]) -> None:
        self._years = dict(years)

    def known_years(self) -> frozenset[int]:
        """The years whose holiday arrangement is known."""
        return frozenset(self._years)

    def arrangement(self, year: int) -> YearArrangement | None:
        """The arrangement used for a year, or None outside the known years."""
        return self._years.get(year)

    def is_known(self, day: date) -> bool:
        """Whether the rest-day status of this day is known (its year is)."""
        return day.year in self._years

    def is_rest_day(self, day: date) -> bool:
        """HF-00: a weekend or statutory holiday, unless it is an adjusted working day."""
        arrangement = self._years.get(day.year)
        if arrangement is not None:
            if day in arrangement.workdays:
                return False
            if day in arrangement.holidays:
                return True
        return day.weekday() >= 5

    def is_working_day(self, day: date) -> bool:
        """HF-00: not a rest day."""
        return not self.is_rest_day(day)

    def _roll(self, last: date, provisional: bool) -> Deadline:
        provisional = provisional or not self.is_known(last)
        while self.is_rest_day(last):
            last += _ONE_DAY
            provisional = provisional or not self.is_known(last)
        return Deadline(last, provisional, rule("HF-00"))

    def add_days(self, start: date, days: int) -> Deadline:
        """HF-00: ``days`` days after ``start``, rolled off a rest day; 0 days is the same day, not rolled."""
        _check_count(days)
        if days == 0:
            return Deadline(start, False, rule("HF-00"))
        return self._roll(start + timedelta(days=days), False)

    def add_months(self, start: date, months: int) -> Deadline:
        """HF-00: the corresponding day ``months`` later (or that month's last day), rolled off a rest day."""
        _check_count(months)
        if months == 0:
            return Deadline(start, False, rule("HF-00"))
        index = start.year * 12 + start.month - 1 + months
        year, month = divmod(index, 12)
        month += 1
        day = min(start.day, _gregorian.monthrange(year, month)[1])
        return self._roll(date(year, month, day), False)

    def add_years(self, start: date, years: int) -> Deadline:
        """HF-00: ``years`` years later as 12-month periods (29 February maps to 28 February)."""
        return self.add_months(start, 12 * years)

    def add_working_days(self, start: date, days: int) -> Deadline:
        """HF-00: the ``days``-th working day after ``start``, counting working days only."""
        _check_count(days)
        day, counted, provisional = start, 0, False
        while counted < days:
            day += _ONE_DAY
            provisional = provisional or not self.is_known(day)
            if self.is_working_day(day):
                counted += 1
        return Deadline(day, provisional, rule("HF-00"))


def _check_count(count: int) -> None:
    if count < 0:
        raise ValueError("a period cannot be negative")


def _entries(source: Mapping[str, Any] | None) -> Iterable[Mapping[str, Any]]:
    if not source:
        return ()
    version = source.get("schema_version", 1)
    if version != 1:
        raise CalendarDataError("unknown_schema_version")
    return source.get("years", ())


def load_calendar(extra: Mapping[str, Any] | None = None) -> StatutoryCalendar:
    """HF-00: the package years, overridden by holidays.toml, overridden by ``extra`` (same schema as the file)."""
    years = _package_years()
    for source in (data_file("holidays.toml"), extra):
        for entry in _entries(source):
            arrangement = _arrangement(entry)
            years[arrangement.year] = arrangement
    return StatutoryCalendar(years)


@cache
def default_calendar() -> StatutoryCalendar:
    """HF-00: the calendar of the package and the packaged holidays.toml, built once."""
    return load_calendar()


def _cal(calendar: StatutoryCalendar | None) -> StatutoryCalendar:
    return calendar if calendar is not None else default_calendar()


def known_years(*, calendar: StatutoryCalendar | None = None) -> frozenset[int]:
    """HF-00: the years whose holiday arrangement is known."""
    return _cal(calendar).known_years()


def is_rest_day(day: date, *, calendar: StatutoryCalendar | None = None) -> bool:
    """HF-00: a weekend or statutory holiday that is not an adjusted working day."""
    return _cal(calendar).is_rest_day(day)


def is_working_day(day: date, *, calendar: StatutoryCalendar | None = None) -> bool:
    """HF-00: not a rest day."""
    return _cal(calendar).is_working_day(day)


def add_days(start: date, days: int, *, calendar: StatutoryCalendar | None = None) -> Deadline:
    """HF-00: a period in days from ``start`` (not counted), rolled off a rest day."""
    return _cal(calendar).add_days(start, days)


def add_months(start: date, months: int, *, calendar: StatutoryCalendar | None = None) -> Deadline:
    """HF-00: a period in months from ``start``, corresponding day or month end, rolled off a rest day."""
    return _cal(calendar).add_months(start, months)


def add_years(start: date, years: int, *, calendar: StatutoryCalendar | None = None) -> Deadline:
    """HF-00: a period in years from ``start``, rolled off a rest day."""
    return _cal(calendar).add_years(start, years)


def add_working_days(start: date, days: int, *, calendar: StatutoryCalendar | None = None) -> Deadline:
    """HF-00: a period in working days from ``start`` (not counted)."""
    return _cal(calendar).add_working_days(start, days)


def with_rule(deadline: Deadline, rule_id: str) -> Deadline:
    """The same deadline, attributed to the rule that sets the period (HF-00 stays the counting method)."""
    return replace(deadline, rule=rule(rule_id))
