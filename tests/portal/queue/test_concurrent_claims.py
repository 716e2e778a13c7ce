"""Two staff members claim at the same moment over two real database connections: exactly one wins.

Runs on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set (row locks with SKIP LOCKED there).
Outside the rolled-back test transaction on purpose, so it cleans up what it commits.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

from sqlalchemy import delete

from portal.extensions import db
from portal.models import (
    Case,
    CaseParty,
    Court,
    HistoryEntry,
    Party,
    StaffRole,
    Submission,
    User,
    UserKind,
)
from portal.services import queue
from tests import factories
from tests.factories import history_guard_lifted

NOW = datetime(2025, 9, 25, 2, 0, tzinfo=UTC)


def _setup(app):
    with app.app_context():
        court = Court(code="闽0203", name_zh="厦门市思明区人民法院", name_en="Siming Court", province_code="35")
        db.session.add(court)
        db.session.flush()
        staff = [
            User(
                email=f"claim{i}@court.test",
                password_hash="x",
                display_name="s",
                kind=UserKind.STAFF,
                role=StaffRole.HANDLER,
                court_id=court.id,
            )
            for i in range(2)
        ]
        db.session.add_all(staff)
        case = Case(
            number="（2024）闽0203执1号",
            court_id=court.id,
            status="terminated",
            filed_on=date(2024, 1, 1),
            title_ref="x",
            claim_type="loan",
            principal=1,
            performance_deadline=date(2023, 12, 1),
        )
        db.session.add(case)
        db.session.flush()
        item = factories.submission(case, None, received_at=NOW, due_on=date(2025, 10, 9))
        db.session.commit()
        return court.id, [s.id for s in staff], case.id, item.id


def _cleanup(app, court_id, staff_ids, case_id, item_id):
    with app.app_context():
        # Test teardown only: the database refuses to delete history, so the guard is lifted for this one statement.
        with history_guard_lifted():
            db.session.execute(delete(HistoryEntry).where(HistoryEntry.submission_id == item_id))
        db.session.execute(delete(Submission).where(Submission.id == item_id))
        db.session.execute(delete(CaseParty).where(CaseParty.case_id == case_id))
        db.session.execute(delete(Case).where(Case.id == case_id))
        db.session.execute(delete(User).where(User.id.in_(staff_ids)))
        db.session.execute(delete(Court).where(Court.id == court_id))
        db.session.execute(delete(Party).where(Party.id.is_(None)))
        db.session.commit()


def test_exactly_one_of_two_simultaneous_claims_wins(app):
    court_id, staff_ids, case_id, item_id = _setup(app)
    barrier = threading.Barrier(2)
    results: dict[int, int | None] = {}
    errors: list[BaseException] = []

    def claim(staff_id: int) -> None:
        try:
            with app.app_context():
                staff = db.session.get(User, staff_id)
                barrier.wait(timeout=10)
                taken = queue.claim_next(staff, now=NOW)
                results[staff_id] = taken.id if taken else None
                db.session.remove()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=claim, args=(sid,)) for sid in staff_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    try:
        assert errors == []
        assert sorted(results.values(), key=lambda v: v is None) == [item_id, None]
        with app.app_context():
            winner = db.session.get(Submission, item_id).assignee_id
            assert winner in staff_ids and results[winner] == item_id
            db.session.remove()
    finally:
        _cleanup(app, court_id, staff_ids, case_id, item_id)
