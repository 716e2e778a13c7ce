"""Small shared pieces of the enforcement rules: the dated parameters file, reasons, money and criteria.

``relief/data/params.toml`` is read once (importlib.resources, cached) and never again at call time.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from importlib import resources
from typing import Any

from relief.outcomes import Met, Reason, Status
from relief.rules import rule

FEN = Decimal("0.01")


@dataclass(frozen=True)
class Param:
    """One dated, cited parameter: its value, status tag, short source and (if known) the day it took effect."""

    value: Any
    status: Status
    src: str
    since: date | None = None


@cache
def data_file(name: str) -> dict[str, Any]:
    """A TOML file of ``relief/data``, parsed once."""
    text = resources.files("relief").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _to_param(entry: dict[str, Any]) -> Param:
    return Param(entry["value"], Status(entry["status"]), entry["src"], entry.get("since"))


def param(path: str) -> Param:
    """The parameter at a dotted path of params.toml (``"shixin.deletion_working_days"``)."""
    node: Any = data_file("params.toml")
    for part in path.split("."):
        node = node[part]
    return _to_param(node)


def param_rows(path: str) -> tuple[Param, ...]:
    """A dated table of params.toml (a list of entries), sorted by ``since``."""
    node: Any = data_file("params.toml")
    for part in path.split("."):
        node = node[part]
    return tuple(sorted((_to_param(entry) for entry in node), key=lambda p: p.since or date.min))


def reason(code: str, rule_id: str, **params: Any) -> Reason:
    """A reason tied to a registered rule; a KeyError names a rule nobody registered."""
    return Reason(code, rule(rule_id), params)


def money(value: Decimal | int | str) -> Decimal:
    """Decimal yuan to the fen (ROUND_HALF_UP); a float or a non-finite amount is refused."""
    if isinstance(value, float | bool):
        raise TypeError("money must be Decimal, int or str, never float")
    amount = Decimal(value)
    if not amount.is_finite():
        raise ValueError("money must be finite")
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def combine(states: Iterable[Met]) -> Met:
    """All met is met; any not met is not met; otherwise unknown (something was not recorded)."""
    states = tuple(states)
    if Met.NOT_MET in states:
        return Met.NOT_MET
    if Met.UNKNOWN in states:
        return Met.UNKNOWN
    return Met.MET


def dates(values: Iterable[date] | None) -> tuple[date, ...]:
    """A sorted tuple of dates, for fact fields given as any iterable."""
    result = tuple(sorted(values or ()))
    for value in result:
        if not isinstance(value, date):
            raise TypeError("expected dates")
    return result
