"""History is append-only: the ORM refuses to change it, the database refuses every other path, and no code tries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from portal.extensions import db
from portal.models import HistoryEntry, StaffRole
from portal.models.submissions import HistoryIsAppendOnly
from portal.services import queue
from tests import factories
from tests.portal.queue.test_queue import NOW, submission

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture()
def entry(session):
    handler = factories.staff(StaffRole.HANDLER)
    item = submission(factories.case())
    assert queue.claim(handler, item.id, now=NOW)
    return db.session.scalars(db.select(HistoryEntry).where(HistoryEntry.submission_id == item.id)).one()


def test_the_orm_refuses_to_change_or_delete_an_entry(entry):
    entry.action = "rewritten"
    with pytest.raises(HistoryIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_the_orm_refuses_to_delete_an_entry(entry):
    db.session.delete(entry)
    with pytest.raises(HistoryIsAppendOnly):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(
            lambda e: update(HistoryEntry).where(HistoryEntry.id == e.id).values(action="x"), id="core-update"
        ),
        pytest.param(lambda e: delete(HistoryEntry).where(HistoryEntry.id == e.id), id="core-delete"),
        pytest.param(lambda e: text("UPDATE submission_history SET action = 'x' WHERE id = :id"), id="raw-update"),
        pytest.param(lambda e: text("DELETE FROM submission_history WHERE id = :id"), id="raw-delete"),
    ],
)
def test_the_database_refuses_every_other_path(entry, statement):
    with pytest.raises(DBAPIError, match="append-only"), db.session.begin_nested():
        db.session.execute(statement(entry), {"id": entry.id})
    assert db.session.get(HistoryEntry, entry.id).action == "claimed"


def test_no_application_code_updates_or_deletes_history():
    pattern = re.compile(
        r"(update|delete)\(\s*HistoryEntry|submission_history\b.*\b(UPDATE|DELETE)|(UPDATE|DELETE FROM)\s+submission_history",
        re.I,
    )
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "portal").rglob("*.py")
        if "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
