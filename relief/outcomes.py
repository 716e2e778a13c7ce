"""Decisions and the reasons behind them, as codes the portal translates.

A reason never carries prose: it names a rule (id, source, status tag) and a stable code, plus the
parameters a message needs (dates, counts, amounts as Decimal).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


class Status(enum.StrEnum):
    """How firmly a rule is known (rulebook section 0.1)."""

    PRIMARY = "P"  # read in the primary text
    SECONDARY = "S"  # quoted by secondary sources
    UNCONFIRMED = "M"  # from memory; show only with a hedge
    DESIGN = "D"  # a product choice, not law

    @property
    def needs_hedge(self) -> bool:
        return self in (Status.SECONDARY, Status.UNCONFIRMED)


@dataclass(frozen=True)
class Rule:
    """One rule of the rulebook: its id (e.g. ``ZB-03``), its short source and its status tag."""

    id: str
    source: str
    status: Status


class Met(enum.StrEnum):
    """The state of one criterion or condition."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # not recorded, or not answered


def _frozen(params: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(params or {}))


@dataclass(frozen=True)
class Reason:
    """Why: a stable code (``zb03.notice_and_report_order.not_met``) tied to the rule that decides it."""

    code: str
    rule: Rule
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", _frozen(self.params))

    @property
    def rule_id(self) -> str:
        return self.rule.id


@dataclass(frozen=True)
class Criterion:
    """One named test inside a decision (a termination condition, an eligibility criterion)."""

    key: str
    state: Met
    reasons: tuple[Reason, ...] = ()

    @property
    def rule(self) -> Rule:
        return self.reasons[0].rule


@dataclass(frozen=True)
class Decision:
    """The answer of a rule function: an outcome code, the criteria it weighed and its reasons."""

    outcome: str
    criteria: tuple[Criterion, ...] = ()
    reasons: tuple[Reason, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", _frozen(self.values))

    def criterion(self, key: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.key == key:
                return criterion
        raise KeyError(key)

    @property
    def all_reasons(self) -> tuple[Reason, ...]:
        """Every reason, the criteria's first, for listing all rule ids and codes a decision used."""
        nested = tuple(reason for criterion in self.criteria for reason in criterion.reasons)
        return nested + self.reasons
