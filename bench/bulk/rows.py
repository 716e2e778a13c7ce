"""The row builders: parties, cases and their timelines, staff and citizens, submissions and their history."""

# ruff: noqa: S311, S608 - seeded (not secret) randomness for reproducible data; SQL over the generator's own table names

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from bench.bulk import log
from bench.bulk.distributions import (
    BANKS,
    DEBTOR_KINDS,
    DIVISIONS,
    KIND_WEIGHTS,
    PLATE_LETTERS,
    STAFF_PER_COURT,
    STATUS_BY_AGE,
    SUBMISSION_SPAN_DAYS,
    weighted,
)
from bench.bulk.sinks import COLUMNS, Sink
from portal.extensions import db
from portal.models import Court, PartyKind, PartyRole, StaffRole, SubmissionKind, User
from portal.seed import names
from portal.seed.demo import ANCHOR, CLAIM_TYPES, CODE_ALPHABET
from portal.seed.timelines import SCENARIOS, TimelineBuilder
from portal.services import identity
from relief.deadlines import deadline_for
from relief.identity import check_character, mask_resident_id

FEN = 100
COURT_OFFSET = timedelta(hours=8)  # Asia/Shanghai has no daylight saving time


class Ids:
    """Next free id per table, starting after what the demo seed wrote."""

    def __init__(self):
        self.next: dict[str, int] = {}
        for table in COLUMNS:
            model_max = db.session.execute(db.text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()
            self.next[table] = model_max + 1

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass(frozen=True)
class CourtRow:
    id: int
    code: str
    name_zh: str
    province_code: str


class BulkGenerator:
    def __init__(self, sink: Sink, seed: int, anchor: date = ANCHOR):
        self.sink = sink
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.timelines = TimelineBuilder(self.rng, anchor)
        self.ids = Ids()
        self.scenarios = weighted(SCENARIOS)
        self.kinds = weighted(KIND_WEIGHTS)
        self.password_hash = db.session.scalar(select(User.password_hash).where(User.email == "applicant@demo.test"))
        # Plain values: the load must not touch the app's session again (on SQLite a reader blocks the writer).
        self.courts = [
            CourtRow(c.id, c.code, c.name_zh, c.province_code)
            for c in db.session.scalars(select(Court).order_by(Court.id))
        ]
        self.anchor_time = datetime(anchor.year, anchor.month, anchor.day, 2, 0, tzinfo=UTC)
        self.deadlines: dict[tuple[str, date], tuple[date, bool]] = {}
        self.users: dict[tuple[int, str], int] = {}  # (case id, role) -> citizen user id
        self.engaged: list[tuple] = []  # cases with a linked citizen: (case id, court id, status, parties)
        self.staff: dict[int, list[int]] = {}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)
        self._load_catalogues()

    def _load_catalogues(self) -> None:
        from portal.queue.decisions import for_kind
        from portal.submissions.kinds import KINDS, clue_dedupe

        self.decision_codes = {kind: [d.code for d in for_kind(kind)] or [None] for kind in SubmissionKind}
        self.clocks = {}
        for kind in SubmissionKind:
            spec = KINDS.get(kind)
            self.clocks[kind] = spec.clock({}) if spec is not None else None
        self.clue_dedupe = clue_dedupe

    def emit(self, table: str, values: tuple) -> None:
        self.sink.row(table, values)
        self.counts[table] += 1

    # -- people -------------------------------------------------------------------------------------------

    def person(self, province: str, filed: date) -> tuple[int, date]:
        rng = self.rng
        birth = date(rng.randint(1958, 1998), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.004:  # a few minors, as in the demo (a debtor under 18 is never listed)
            birth = filed - timedelta(days=rng.randint(12 * 365, 16 * 365))
        first17 = f"{rng.choice(names.REGION_CODES[province])}{birth:%Y%m%d}{rng.randint(0, 999):03d}"
        resident_id = first17 + check_character(first17)
        party_id = self.ids.take("parties")
        name = rng.choice(names.SURNAMES) + rng.choice(names.GIVEN)
        self.emit(
            "parties",
            (party_id, PartyKind.PERSON.name, name, identity.id_hash(resident_id), mask_resident_id(resident_id), None,
             birth),
        )  # fmt: skip
        return party_id, birth

    def company(self, province: str) -> int:
        rng = self.rng
        city, _ = names.COMPANY_PREFIX[province]
        name = city + rng.choice(names.COMPANY_CORE) + rng.choice(names.COMPANY_TRADE) + rng.choice(names.COMPANY_FORM)
        party_id = self.ids.take("parties")
        self.emit("parties", (party_id, PartyKind.ORGANISATION.name, name, None, None, None, None))
        return party_id

    def access_code_hash(self) -> str:
        raw = "".join(self.rng.choice(CODE_ALPHABET) for _ in range(8))
        return identity.access_code_hash(f"{raw[:4]}-{raw[4:]}")

    def load_staff(self) -> None:
        """Each court's staff who can hold items: the demo's handlers and clerks, plus the bulk ones added below."""
        for court in self.courts:
            self.staff[court.id] = list(
                db.session.scalars(
                    select(User.id).where(
                        User.court_id == court.id, User.role.in_([StaffRole.HANDLER, StaffRole.INTAKE_CLERK])
                    )
                )
            )

    def add_staff(self) -> None:
        for court in self.courts:
            for role, count in STAFF_PER_COURT.items():
                for n in range(1, count + 1):
                    user_id = self.ids.take("users")
                    email = f"{role.value.replace('_', '-')}{n:02d}.court{court.id}@bench.court"
                    self.emit(
                        "users",
                        (user_id, email, self.password_hash, f"{court.name_zh}·{role.value}{n:02d}", "zh", "staff",
                         role.value, court.id, None, None, self.anchor_time - timedelta(days=900), None,
                         self.rng.choice(DIVISIONS)),
                    )  # fmt: skip
                    if role in (StaffRole.HANDLER, StaffRole.INTAKE_CLERK):
                        self.staff[court.id].append(user_id)

    # -- cases --------------------------------------------------------------------------------------------

    def cases(self, total: int, engaged_share: float) -> None:
        rng = self.rng
        repeat: dict[int, list[int]] = {court.id: [] for court in self.courts}
        seq = dict.fromkeys((court.id for court in self.courts), 100_000)
        started = time.monotonic()
        for n in range(total):
            court = self.courts[n % len(self.courts)]
            province = court.province_code
            scenario = rng.choice(self.scenarios)
            earliest = date(2019, 3, 1) if scenario != "ongoing" else self.anchor - timedelta(days=500)
            latest = self.anchor - timedelta(days=150 if scenario != "ongoing" else 20)
            filed = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
            applicant = self.person(province, filed)[0] if rng.random() < 0.7 else self.company(province)
            debtors = repeat[court.id]
            minor = False
            if debtors and rng.random() < 0.15:
                debtor, company = rng.choice(debtors)
            elif rng.random() < 0.65:
                debtor, birth = self.person(province, filed)
                company = False
                minor = (filed - birth).days < 18 * 365
                self._remember(debtors, (debtor, company))
            else:
                debtor, company = self.company(province), True
                self._remember(debtors, (debtor, company))
            principal = Decimal(rng.randint(10, 500) * (10_000 if company else 1_000)) + Decimal(rng.choice((0, 0, 50)))
            plan = self.timelines.build(scenario, filed, principal, debtor_minor=minor)
            case_id = self.ids.take("cases")
            seq[court.id] += 1
            self.emit(
                "cases",
                (case_id, f"（{filed.year}）{court.code}执{seq[court.id]}号", court.id, plan.status.value, filed,
                 f"（{filed.year - 1}）{court.code}民初{rng.randint(1000, 39999)}号", rng.choice(CLAIM_TYPES),
                 int(principal * FEN), filed - timedelta(days=rng.randint(15, 120)), rng.choice(DIVISIONS),
                 self.anchor_time),
            )  # fmt: skip
            case_parties = {}
            for party, role in ((applicant, PartyRole.APPLICANT), (debtor, PartyRole.DEBTOR)):
                cp_id = self.ids.take("case_parties")
                case_parties[role.value] = (cp_id, party)
                self.emit("case_parties", (cp_id, case_id, party, role.value, self.access_code_hash()))
            for event in plan.events:
                self.emit(
                    "case_events",
                    (self.ids.take("case_events"), case_id, event.kind.value, event.on, event.result,
                     int(event.amount * FEN) if event.amount is not None else None,
                     json.dumps(event.details, ensure_ascii=False) if event.details else "{}"),
                )  # fmt: skip
            for r in plan.restrictions:
                if r.started_on > self.anchor:
                    continue
                self.emit(
                    "restrictions",
                    (self.ids.take("restrictions"), case_id, debtor, r.kind.value, r.started_on, r.ground,
                     r.term_years, None, r.lifted_on, r.lift_reason),
                )  # fmt: skip
            if rng.random() < engaged_share:
                self.engaged.append((case_id, court.id, plan.status.value, case_parties, filed))
            if (n + 1) % 100_000 == 0:
                rate = (n + 1) / (time.monotonic() - started)
                log(f"{n + 1:,} cases ({rate:,.0f}/s), {self.counts['case_events']:,} events")

    @staticmethod
    def _remember(debtors: list, item) -> None:
        debtors.append(item)
        if len(debtors) > 5000:
            del debtors[: len(debtors) - 5000]

    # -- citizens and submissions -------------------------------------------------------------------------

    def citizen(self, case_id: int, role: str, case_parties: dict, filed: date) -> int:
        key = (case_id, role)
        user_id = self.users.get(key)
        if user_id is None:
            user_id = self.ids.take("users")
            self.users[key] = user_id
            joined = datetime(filed.year, filed.month, filed.day, 3, tzinfo=UTC) + timedelta(
                days=self.rng.randint(5, 90)
            )
            self.emit(
                "users",
                (user_id, f"citizen{user_id}@bench.test", self.password_hash, f"用户{user_id}", "zh", "citizen", None,
                 None, None, None, joined, None, None),
            )  # fmt: skip
            self.emit("case_links", (self.ids.take("case_links"), user_id, case_parties[role][0], joined))
        return user_id

    def due(self, clock: str | None, received_day: date) -> tuple[date | None, bool]:
        if clock is None:
            return None, False
        key = (clock, received_day)
        found = self.deadlines.get(key)
        if found is None:
            deadline = deadline_for(clock, received_day)
            found = self.deadlines[key] = (deadline.due, bool(deadline.provisional))
        return found

    def answers(self, kind: SubmissionKind, submission_id: int) -> tuple[dict, bool]:
        rng = self.rng
        if kind is SubmissionKind.PROPERTY_CLUE:
            urgent = rng.random() < 0.1
            if rng.random() < 0.55:
                answers = {"clue_type": "bank_account", "bank_name": rng.choice(BANKS),
                           "account_number": f"6222{submission_id:012d}{rng.randint(0, 999):03d}"}  # fmt: skip
            else:
                plate = f"粤{rng.choice(PLATE_LETTERS)}{submission_id % 100000:05d}"
                answers = {"clue_type": "vehicle", "plate": plate, "vehicle": "", "seen_at": ""}
            answers["urgent"] = "yes" if urgent else "no"
            if urgent:
                answers["urgent_reason"] = "被执行人正在转移财产"
            return answers, urgent
        return {"details": "（批量测试数据）"}, kind is SubmissionKind.URGENT_TRAVEL

    def submissions(self, total: int) -> None:
        rng = self.rng
        engaged = self.engaged
        if not engaged:
            return
        started = time.monotonic()
        span = SUBMISSION_SPAN_DAYS * 24 * 3600
        statuses = [(limit, weighted(table)) for limit, table in STATUS_BY_AGE]
        for n in range(total):
            case_id, court_id, case_status, case_parties, filed = rng.choice(engaged)
            kind = rng.choice(self.kinds)
            if kind is SubmissionKind.RESUMPTION and case_status != "terminated":
                kind = SubmissionKind.PROPERTY_CLUE
            role = "debtor" if kind in DEBTOR_KINDS else "applicant"
            submitter = self.citizen(case_id, role, case_parties, filed)
            submission_id = self.ids.take("submissions")
            received = self.anchor_time - timedelta(seconds=rng.randint(0, span))
            received = received.replace(hour=rng.randint(0, 12))  # 08:00 to 20:00 in the court's time zone
            age = (self.anchor_time - received).days
            status = rng.choice(next(choices for limit, choices in statuses if limit is None or age <= limit))
            answers, urgent = self.answers(kind, submission_id)
            clock = self.clocks[kind]
            if kind is SubmissionKind.PROPERTY_CLUE and urgent:
                clock = "clue_verify_urgent"
            due_on, provisional = self.due(clock, (received + COURT_OFFSET).date())
            staff = self.staff[court_id]
            assigned = status != "received" or rng.random() < 0.4
            assignee = rng.choice(staff) if assigned else None
            claimed = received + timedelta(hours=rng.randint(1, 30)) if assigned else None
            decided = status in ("decided", "closed")
            decided_at = None
            if decided:
                decided_at = min(
                    received + timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 8)), self.anchor_time
                )
            decision = rng.choice(self.decision_codes[kind]) if decided else None
            updated = decided_at or claimed or received
            dedupe = self.clue_dedupe(answers) if kind is SubmissionKind.PROPERTY_CLUE else None
            self.emit(
                "submissions",
                (submission_id, f"ZB-{(received + COURT_OFFSET).year}-{submission_id:06d}", kind.value, case_id,
                 court_id, submitter, "zh" if rng.random() < 0.93 else "en", status, urgent, received, clock, due_on,
                 provisional, assignee, json.dumps(answers, ensure_ascii=False), dedupe, f"bench{rng.getrandbits(120):030x}",
                 decision, decided_at, claimed, updated),
            )  # fmt: skip
            self.history(submission_id, submitter, assignee, status, received, claimed, decided_at, clock, decision)
            if (n + 1) % 100_000 == 0:
                rate = (n + 1) / (time.monotonic() - started)
                log(f"{n + 1:,} submissions ({rate:,.0f}/s), {len(self.users):,} citizens")

    def history(self, submission_id, submitter, assignee, status, received, claimed, decided_at, clock, decision):
        def entry(at, actor, action, from_status, to_status, details):
            self.emit(
                "submission_history",
                (self.ids.take("submission_history"), submission_id, at, actor, action, from_status, to_status,
                 json.dumps(details)),
            )  # fmt: skip

        entry(received, submitter, "received", None, "received", {"clock": clock})
        if claimed is not None:
            entry(claimed, assignee, "claimed", None, None, {})
        if status == "received":
            return
        entry(claimed, assignee, "review_started", "received", "in_review", {})
        if status == "awaiting_information":
            asked = claimed + timedelta(hours=2)
            entry(asked, assignee, "information_requested", "in_review", "awaiting_information", {})
            self.emit(
                "messages",
                (self.ids.take("messages"), submission_id, assignee, "information_request", "请补充提供相关证明材料。",
                 asked),
            )  # fmt: skip
        if decided_at is not None:
            entry(decided_at, assignee, "decided", "in_review", "decided", {"code": decision})
        if status == "closed":
            entry(min(decided_at + timedelta(days=15), self.anchor_time), assignee, "closed", "decided", "closed", {})
