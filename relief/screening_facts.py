"""Answers to the relief and debt-exit screenings, as frozen dataclasses shared by both.

``None`` always means "not answered" and becomes an UNKNOWN criterion, never a guess. Money is Decimal
yuan to the fen; a float is refused. Places are GB/T 2260 two-digit province codes ("44" Guangdong,
"33" Zhejiang), the same codes courts carry in the portal. ``Household`` and ``Finances`` are asked once
and fed to both ``assess_judicial_relief`` and ``assess_debt_exit``.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

FEN = Decimal("0.01")


def money(value: Decimal | int | str | None) -> Decimal | None:
    """Decimal yuan to the fen; rejects floats and negative amounts (a screening answer, not a balance)."""
    if value is None:
        return None
    if isinstance(value, float | bool):
        raise TypeError("money must be Decimal, int or str, never float")
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        raise ValueError("money must be a finite amount of at least zero")
    return amount.quantize(FEN)


def _count(value: int | None) -> int | None:
    if value is not None and value < 0:
        raise ValueError("a count must not be negative")
    return value


@cache
def screening_rules() -> dict[str, Any]:
    """The dated, cited parameters of both screenings (relief/data/screening_rules.toml), read once."""
    text = resources.files("relief").joinpath("data/screening_rules.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# --- shared by both screenings -------------------------------------------------------------------


class PartyKind(enum.StrEnum):
    NATURAL_PERSON = "natural_person"
    INDIVIDUAL_BUSINESS = "individual_business"  # 个体工商户
    ENTERPRISE_LEGAL_PERSON = "enterprise_legal_person"  # 企业法人
    OTHER_ORGANISATION = "other_organisation"


class DebtCause(enum.StrEnum):
    """What a debt arose from, as the person describes it (SZ-01 cause test; SZ-07 hints)."""

    BUSINESS_OPERATION = "business_operation"  # 生产经营
    LIVING_CONSUMPTION = "living_consumption"  # 生活消费
    ILLEGAL_BUSINESS = "illegal_business"
    EXCESSIVE_CONSUMPTION = "excessive_consumption"
    SUPPORT_MAINTENANCE = "support_maintenance"  # 扶养费、抚养费、赡养费 owed by the person
    TORT_DAMAGES = "tort_damages"
    TAX = "tax"
    OTHER = "other"


@dataclass(frozen=True)
class Debt:
    amount: Decimal
    cause: DebtCause | None = None
    matured: bool | None = None  # 已到期

    def __post_init__(self) -> None:
        if self.amount is None:
            raise ValueError("a debt needs an amount")
        object.__setattr__(self, "amount", money(self.amount))


@dataclass(frozen=True)
class Household:
    """What a hardship certificate states (JZ-05 item 5): size, ability to work, employment, income."""

    size: int | None = None
    dependants: int | None = None
    able_to_work: int | None = None
    employed: int | None = None
    monthly_income: Decimal | None = None  # whole household, yuan

    def __post_init__(self) -> None:
        for name in ("size", "dependants", "able_to_work", "employed"):
            object.__setattr__(self, name, _count(getattr(self, name)))
        object.__setattr__(self, "monthly_income", money(self.monthly_income))

    @property
    def per_capita_monthly_income(self) -> Decimal | None:
        if self.monthly_income is None or not self.size:
            return None
        return (self.monthly_income / self.size).quantize(FEN)


@dataclass(frozen=True)
class Finances:
    """The person's own assets and debts; explicit answers win over what the figures imply."""

    assets_value: Decimal | None = None
    debts: tuple[Debt, ...] = ()
    can_pay_due_debts: bool | None = None
    assets_insufficient: bool | None = None
    obviously_unable_to_pay: bool | None = None  # 明显缺乏清偿能力

    def __post_init__(self) -> None:
        object.__setattr__(self, "assets_value", money(self.assets_value))
        object.__setattr__(self, "debts", tuple(self.debts))

    @property
    def total_debts(self) -> Decimal:
        return sum((debt.amount for debt in self.debts), Decimal("0.00"))

    @property
    def insufficient_assets(self) -> bool | None:
        """The answer if given; else derived from the figures when both are known."""
        if self.assets_insufficient is not None:
            return self.assets_insufficient
        if self.assets_value is None or not self.debts:
            return None
        return self.assets_value < self.total_debts


# --- judicial relief (section 5) ------------------------------------------------------------------


class ReliefCategory(enum.StrEnum):
    """JZ-02 items 1–8; a traffic accident is item 7 like any other personal-injury tort."""

    CRIME_VICTIM_INJURED = "crime_victim_injured"  # 1
    CRIME_VICTIM_LIFE_DANGER = "crime_victim_life_danger"  # 2
    DECEASED_VICTIM_DEPENDANT = "deceased_victim_dependant"  # 3
    CRIME_PROPERTY_LOSS = "crime_property_loss"  # 4
    RETALIATION = "retaliation"  # 5
    SUPPORT_MAINTENANCE = "support_maintenance"  # 6
    PERSONAL_INJURY_TORT = "personal_injury_tort"  # 7
    TRAFFIC_ACCIDENT = "traffic_accident"  # 7
    OTHER = "other"  # 8: only the court can say


class CompensationRoute(enum.StrEnum):
    """How far litigation and enforcement got for the applicant's claim (JZ-01)."""

    ZHONGBEN = "zhongben"  # enforcement terminated for now (终本)
    PARTIAL_RECOVERY = "partial_recovery"
    OFFENDER_DEAD_OR_UNABLE = "offender_dead_or_unable"  # JZ-02 items 1, 3, 4
    FULLY_RECOVERED = "fully_recovered"
    ENFORCEMENT_PENDING = "enforcement_pending"
    LITIGATION_AVAILABLE = "litigation_available"  # not yet sued: that route comes first


@dataclass(frozen=True)
class RefusalGrounds:
    """JZ-03 items 1–6; True means the ground applies, None that it was not asked or answered."""

    fault: bool | None = None  # 1 major fault for the incident
    refused_cooperation: bool | None = None  # 2
    false_evidence: bool | None = None  # 3 lied or forged evidence
    waived_compensation: bool | None = None  # 4 waived or refused compensation
    hardship_unrelated: bool | None = None  # 5 hardship not caused by the case
    already_compensated: bool | None = None  # 6 reasonably compensated
    social_assistance: bool | None = None  # 6 helped through social assistance

    @classmethod
    def none(cls) -> RefusalGrounds:
        """Every ground answered "no"."""
        return cls(**{name: False for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class ReliefFacts:
    applicant_kind: PartyKind | None = None
    category: ReliefCategory | None = None
    route: CompensationRoute | None = None
    in_hardship: bool | None = None  # the applicant says the household is in urgent hardship
    hardship_certified: bool | None = None  # a committee or employer certificate is in hand (JZ-05 item 5)
    relieved_before_for_case: bool | None = None  # JZ-08: court relief already given for this case
    relieved_by_other_body: bool | None = None  # JZ-08: police or procuratorate relief for it
    refusal: RefusalGrounds = field(default_factory=RefusalGrounds)
    court_province: str | None = None  # GB/T 2260 code of the court handling the case
    amount_awarded: Decimal | None = None  # compensation awarded (or the court should award)
    amount_unenforced: Decimal | None = None  # adjudicated but unenforced
    household: Household = field(default_factory=Household)
    finances: Finances = field(default_factory=Finances)

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount_awarded", money(self.amount_awarded))
        object.__setattr__(self, "amount_unenforced", money(self.amount_unenforced))


# --- debt exit (sections 6 and 7) -----------------------------------------------------------------


class Petitioner(enum.StrEnum):
    DEBTOR = "debtor"  # the person screens their own way out
    CREDITOR = "creditor"  # an applicant screens the debtor (SZ-02 petition, ZP-01 consent)


class SpecialZone(enum.StrEnum):
    SHENZHEN = "shenzhen"  # 深圳经济特区
    XIAMEN = "xiamen"  # 厦门经济特区
    NONE = "none"


@dataclass(frozen=True)
class Residence:
    province: str | None = None  # where the debtor lives (domicile or habitual residence)
    special_zone: SpecialZone | None = None
    hukou_province: str | None = None


@dataclass(frozen=True)
class Contributions:
    """Consecutive months paid up to the application (or to when the cause of insolvency arose)."""

    shenzhen_social_insurance: int | None = None
    zhejiang_social_insurance: int | None = None
    zhejiang_income_tax: int | None = None

    def __post_init__(self) -> None:
        for name in self.__dataclass_fields__:
            object.__setattr__(self, name, _count(getattr(self, name)))


class CaseStage(enum.StrEnum):
    PENDING = "pending"
    ZHONGBEN = "zhongben"
    CONCLUDED = "concluded"


@dataclass(frozen=True)
class EnforcementCase:
    """An enforcement case against the debtor (ZJ-02 court test; ZP-05 终本 link)."""

    stage: CaseStage
    province: str | None = None
    basic_level_court: bool | None = None
    court_of_domicile_or_property: bool | None = None  # the debtor lives there or has main property there


@dataclass(frozen=True)
class BadFaithSigns:
    """SZ-08 / ZJ-04: True when the sign is present."""

    hidden_assets: bool | None = None
    transferred_assets: bool | None = None
    fabricated_debts: bool | None = None


@dataclass(frozen=True)
class DebtExitFacts:
    debtor_kind: PartyKind | None = None
    petitioner: Petitioner = Petitioner.DEBTOR
    residence: Residence = field(default_factory=Residence)
    contributions: Contributions = field(default_factory=Contributions)
    household: Household = field(default_factory=Household)
    finances: Finances = field(default_factory=Finances)  # the debtor's
    cases: tuple[EnforcementCase, ...] = ()
    bad_faith: BadFaithSigns = field(default_factory=BadFaithSigns)
    petitioning_claims: Decimal | None = None  # matured claims the petitioning creditors hold together
    company_consents: bool | None = None  # ZP-01: written consent of the debtor company
    applicant_consents: bool | None = None  # ZP-01: written consent of any one applicant

    def __post_init__(self) -> None:
        object.__setattr__(self, "cases", tuple(self.cases))
        object.__setattr__(self, "petitioning_claims", money(self.petitioning_claims))


# --- published wage figures (JZ-04 cap base) ----------------------------------------------------------


@dataclass(frozen=True)
class WageFigure:
    """One published average wage: region is a GB/T 2260 province code, or "national" (information only)."""

    region: str
    year: int
    measure: str
    source: str
    published: str  # "YYYY-MM" or "YYYY-MM-DD"
    annual_yuan: Decimal | None = None
    monthly_yuan: Decimal | None = None

    def __post_init__(self) -> None:
        if (self.annual_yuan is None) == (self.monthly_yuan is None):
            raise ValueError("a wage figure gives exactly one of annual_yuan and monthly_yuan")
        object.__setattr__(self, "annual_yuan", money(self.annual_yuan))
        object.__setattr__(self, "monthly_yuan", money(self.monthly_yuan))
        _usable_from(self.published)  # a malformed date fails when the row is entered, not at lookup

    @property
    def monthly(self) -> Decimal:
        """The monthly average, unrounded (rounding happens once, on the cap)."""
        return self.monthly_yuan if self.monthly_yuan is not None else self.annual_yuan / 12

    @property
    def usable_from(self) -> date:
        return _usable_from(self.published)

    def as_values(self) -> Mapping[str, Any]:
        return MappingProxyType(
            {
                "region": self.region,
                "year": self.year,
                "annual_yuan": self.annual_yuan,
                "monthly_yuan": self.monthly_yuan,
                "measure": self.measure,
                "source": self.source,
                "published": self.published,
            }
        )


def _usable_from(published: str) -> date:
    """The first day a figure was surely public: the day given, or the month after a month-only date."""
    parts = [int(part) for part in published.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) != 2 or not 1 <= parts[1] <= 12:
        raise ValueError("published must be YYYY-MM or YYYY-MM-DD")
    year, month = parts
    return date(year + month // 12, month % 12 + 1, 1)


class WageTable:
    """Published wage figures by region and year; one figure per region and year, or it is ambiguous."""

    def __init__(self, figures: Iterable[WageFigure] = ()) -> None:
        self._figures: dict[tuple[str, int], WageFigure] = {}
        for figure in figures:
            key = (figure.region, figure.year)
            if key in self._figures:
                raise ValueError(f"two wage figures for {figure.region} {figure.year}")
            self._figures[key] = figure

    @classmethod
    def seeded(cls, extra: Iterable[WageFigure] = ()) -> WageTable:
        """The cited figures of relief/data/relief_wages.toml plus the administrator's ``extra`` rows."""
        return cls((*_seed_figures(), *extra))

    def figure(self, region: str, year: int, *, as_of: date) -> WageFigure | None:
        figure = self._figures.get((region, year))
        return figure if figure is not None and figure.usable_from <= as_of else None

    def latest(self, region: str, *, as_of: date) -> WageFigure | None:
        published = [f for (r, _), f in self._figures.items() if r == region and f.usable_from <= as_of]
        return max(published, key=lambda f: f.year, default=None)


@cache
def _seed_figures() -> tuple[WageFigure, ...]:
    text = resources.files("relief").joinpath("data/relief_wages.toml").read_text(encoding="utf-8")
    return tuple(WageFigure(**row) for row in tomllib.loads(text)["figure"])
