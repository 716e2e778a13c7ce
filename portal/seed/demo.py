"""The demo court: three courts, 300 cases, citizens and staff. Deterministic: the same seed, the same data.

Identity numbers and access codes are generated here and kept only as keyed hashes, like real data; the
few the demo needs to show (the spare case a user can link) are returned to the command to print.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from portal.extensions import db
from portal.models import (
    Case,
    CaseEvent,
    CaseLink,
    CaseParty,
    CaseStatus,
    Court,
    Party,
    PartyKind,
    PartyRole,
    Restriction,
    StaffRole,
    User,
    UserKind,
)
from portal.seed import names
from portal.seed.courts import DEMO_COURTS
from portal.seed.timelines import SCENARIOS, TimelineBuilder
from portal.services import identity
from portal.services.accounts import hash_password
from relief.identity import IdentityNumberError, mask_resident_id, validate_resident_id

ANCHOR = date(2026, 11, 1)  # the demo's "today" when it was generated; real dates run on from here
DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - printed for the demo; never used outside it
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CLAIM_TYPES = (
    "loan",
    "loan",
    "sale_contract",
    "labour",
    "lease",
    "construction",
    "support",
    "tort_injury",
    "traffic_accident",
)


@dataclass
class SpareCase:
    number: str
    id_number: str
    access_code: str


@dataclass
class DemoResult:
    cases: int
    accounts: list[tuple[str, str]]  # (email, what it is)
    spare: SpareCase


class DemoGenerator:
    def __init__(self, seed: int = 20261101, anchor: date = ANCHOR):
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.timelines = TimelineBuilder(self.rng, anchor)
        self.password_hash = hash_password(DEMO_PASSWORD)

    # -- identities -----------------------------------------------------------------------------------

    def resident_id(self, province: str, birth: date) -> str:
        region = self.rng.choice(names.REGION_CODES[province])
        first17 = f"{region}{birth:%Y%m%d}{self.rng.randint(0, 999):03d}"
        for check in "0123456789X":
            try:
                return validate_resident_id(first17 + check)
            except IdentityNumberError:
                continue
        raise AssertionError("no check character fits")  # pragma: no cover

    def access_code(self) -> str:
        raw = "".join(self.rng.choice(CODE_ALPHABET) for _ in range(8))
        return f"{raw[:4]}-{raw[4:]}"

    def person(self, province: str, *, minor: bool = False, name: str | None = None) -> tuple[Party, str]:
        if minor:
            birth = self.anchor - timedelta(days=self.rng.randint(12 * 365, 16 * 365))
        else:
            birth = date(self.rng.randint(1958, 1998), self.rng.randint(1, 12), self.rng.randint(1, 28))
        resident_id = self.resident_id(province, birth)
        given = self.rng.choice(names.GIVEN)
        party = Party(
            kind=PartyKind.PERSON,
            name=name or self.rng.choice(names.SURNAMES) + given,
            id_hash=identity.id_hash(resident_id),
            id_masked=mask_resident_id(resident_id),
            birth_date=birth,
        )
        db.session.add(party)
        return party, resident_id

    def company(self, province: str) -> Party:
        city, _ = names.COMPANY_PREFIX[province]
        name = city + self.rng.choice(names.COMPANY_CORE) + self.rng.choice(names.COMPANY_TRADE)
        party = Party(kind=PartyKind.ORGANISATION, name=name + self.rng.choice(names.COMPANY_FORM))
        db.session.add(party)
        return party

    # -- cases ----------------------------------------------------------------------------------------

    def add_case(
        self,
        court: Court,
        seq: int,
        scenario: str,
        applicant: Party,
        debtor: Party,
        codes: dict[str, str] | None = None,
        force_listing: bool = False,
    ) -> Case:
        rng = self.rng
        earliest = date(2019, 3, 1) if scenario != "ongoing" else self.anchor - timedelta(days=500)
        latest = self.anchor - timedelta(days=150 if scenario != "ongoing" else 20)
        filed = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
        company = debtor.kind is PartyKind.ORGANISATION
        principal = Decimal(rng.randint(10, 500) * (10_000 if company else 1_000)) + Decimal(rng.choice((0, 0, 50)))
        minor = debtor.is_minor_on(filed)
        plan = self.timelines.build(scenario, filed, principal, debtor_minor=minor, force_listing=force_listing)
        case = Case(
            number=f"（{filed.year}）{court.code}执{seq}号",
            court=court,
            status=plan.status,
            filed_on=filed,
            title_ref=f"（{filed.year - 1}）{court.code}民初{rng.randint(1000, 39999)}号",
            claim_type=rng.choice(CLAIM_TYPES),
            principal=principal,
            performance_deadline=filed - timedelta(days=rng.randint(15, 120)),
            division=rng.choice(("执行一庭", "执行二庭", "执行实施局")),
        )
        db.session.add(case)
        codes = codes or {}
        for party, role in ((applicant, PartyRole.APPLICANT), (debtor, PartyRole.DEBTOR)):
            code = codes.get(role.value) or self.access_code()
            case.parties.append(CaseParty(party=party, role=role, access_code_hash=identity.access_code_hash(code)))
        for event in plan.events:
            case.events.append(
                CaseEvent(
                    kind=event.kind,
                    occurred_on=event.on,
                    result=event.result,
                    amount=event.amount,
                    details=event.details,
                )
            )
        for r in plan.restrictions:
            if r.started_on > self.anchor:
                continue
            case.restrictions.append(
                Restriction(
                    party=debtor,
                    kind=r.kind,
                    started_on=r.started_on,
                    ground=r.ground,
                    term_years=r.term_years,
                    lifted_on=r.lifted_on,
                    lift_reason=r.lift_reason,
                )
            )
        return case

    def scenario_list(self) -> list[str]:
        scenarios = [s for s, n in SCENARIOS.items() for _ in range(n)]
        self.rng.shuffle(scenarios)
        return scenarios

    # -- people ---------------------------------------------------------------------------------------

    def citizen(self, email: str, name: str, resident_id: str | None) -> User:
        user = User(
            email=email, password_hash=self.password_hash, display_name=name, locale="zh", kind=UserKind.CITIZEN
        )
        if resident_id:
            user.id_hash = identity.id_hash(resident_id)
            user.id_masked = mask_resident_id(resident_id)
        db.session.add(user)
        return user

    def staff(self, court: Court, slug: str) -> list[tuple[str, str]]:
        made = []
        for role in StaffRole:
            email = f"{role.value.replace('_', '-')}.{slug}@demo.court"
            db.session.add(
                User(
                    email=email,
                    password_hash=self.password_hash,
                    display_name=f"{court.name_zh}·{role.value}",
                    locale="zh",
                    kind=UserKind.STAFF,
                    role=role,
                    court=court,
                )
            )
            made.append((email, f"{role.value} · {court.name_en}"))
        return made

    def generate(self) -> DemoResult:
        courts = []
        for spec in DEMO_COURTS:
            court = Court(**{k: v for k, v in spec.items() if k != "slug"})
            db.session.add(court)
            courts.append((court, spec["slug"]))

        # The demo citizens, in the Futian court (Shenzhen).
        futian, _ = courts[0]
        applicant, applicant_id = self.person("44", name="陈思远")
        debtor, debtor_id = self.person("44", name="刘建国")
        accounts: list[tuple[str, str]] = []
        total = 0
        # Which scenarios the demo citizens take part in (Futian court), filled in as they come up.
        wanted = {
            ("applicant", "compliant"),
            ("applicant", "missing_search"),
            ("applicant", "ongoing"),
            ("debtor", "compliant"),
            ("debtor", "concluded"),
        }
        demo_cases: dict[tuple[str, str], Case] = {}
        minor_done = False
        for court, slug in courts:
            province = court.province_code
            repeat_debtors: list[Party] = []
            for index, scenario in enumerate(self.scenario_list(), start=1):
                seq = 1000 + index * 7
                app_party = self.person(province)[0] if self.rng.random() < 0.7 else self.company(province)
                if repeat_debtors and self.rng.random() < 0.15:
                    debt_party = self.rng.choice(repeat_debtors)  # the same debtor in several cases
                elif not minor_done and scenario == "compliant" and court is futian:
                    debt_party, minor_done = self.person(province, minor=True)[0], True
                else:
                    debt_party = self.person(province)[0] if self.rng.random() < 0.65 else self.company(province)
                    repeat_debtors.append(debt_party)
                role = None
                if court is futian:
                    role = next(
                        (
                            r
                            for r in ("applicant", "debtor")
                            if (r, scenario) in wanted and (r, scenario) not in demo_cases
                        ),
                        None,
                    )
                if role == "applicant":
                    app_party = applicant
                elif role == "debtor":
                    debt_party = debtor
                # The demo debtor is listed, so the correction journey can be shown.
                case = self.add_case(court, seq, scenario, app_party, debt_party, force_listing=role == "debtor")
                if role:
                    demo_cases[(role, scenario)] = case
                total += 1
            accounts += self.staff(court, slug)

        # A case the demo applicant has not linked yet, to try the linking journey with printed details.
        spare_code = self.access_code()
        spare = self.add_case(
            futian, 9001, "missing_consumption_order", applicant, self.person("44")[0], codes={"applicant": spare_code}
        )
        total += 1

        db.session.flush()
        user_a = self.citizen("applicant@demo.test", "陈思远", applicant_id)
        user_d = self.citizen("debtor@demo.test", "刘建国", debtor_id)
        for (role_name, _scenario), case in demo_cases.items():
            role = PartyRole(role_name)
            user = user_a if role is PartyRole.APPLICANT else user_d
            case_party = next(cp for cp in case.parties if cp.role is role)
            db.session.add(CaseLink(user=user, case_party=case_party))
        accounts = [
            ("applicant@demo.test", "applicant (申请执行人)"),
            ("debtor@demo.test", "debtor (被执行人)"),
            *accounts,
        ]
        db.session.commit()
        return DemoResult(
            cases=total,
            accounts=accounts,
            spare=SpareCase(number=spare.number, id_number=applicant_id, access_code=spare_code),
        )


def database_is_empty() -> bool:
    return db.session.query(Court.id).first() is None


def terminated_count() -> int:
    return db.session.query(Case.id).filter(Case.status == CaseStatus.TERMINATED).count()
