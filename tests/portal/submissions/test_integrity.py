"""The submission, its files' rows, its history and its outbound event are one transaction; history never changes."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import Attachment, HistoryEntry, OutboxEvent, Submission
from portal.models.submissions import HistoryIsAppendOnly
from portal.services import submissions
from tests.portal.submissions.conftest import photo, walk


def _filed(client, case_id):
    check = walk(
        client,
        case_id,
        "property_clue",
        [{"clue_type": "vehicle"}, {"plate": "粤B12345"}, {"urgent": "no"}],
        files=[photo()],
    )
    client.post(check)
    return db.session.query(Submission).one()


def test_history_entries_cannot_be_changed_or_deleted(client, applicant, fixed_day):
    _user, case = applicant
    entry = _filed(client, case.id).history[0]
    entry.action = "rewritten"
    with pytest.raises(HistoryIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    entry = db.session.query(HistoryEntry).one()
    db.session.delete(entry)
    with pytest.raises(HistoryIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_a_failed_commit_leaves_no_submission_event_or_moved_file(client, applicant, fixed_day, monkeypatch):
    _user, case = applicant
    check = walk(
        client,
        case.id,
        "property_clue",
        [{"clue_type": "vehicle"}, {"plate": "粤B12345"}, {"urgent": "no"}],
        files=[photo()],
    )

    def broken_payload(submission):
        raise IntegrityError("outbox", {}, Exception("simulated failure"))

    monkeypatch.setattr(submissions, "event_payload", broken_payload)
    response = client.post(check)
    assert response.status_code == 500
    assert db.session.query(Submission).count() == 0
    assert db.session.query(OutboxEvent).count() == 0
    # The evidence is still with the draft, ready for the next attempt.
    assert db.session.query(Attachment).one().submission_id is None


def test_the_outbound_event_names_codes_not_the_citizens_words(client, applicant, fixed_day):
    _user, case = applicant
    submission = _filed(client, case.id)
    payload = db.session.query(OutboxEvent).one().payload
    assert payload["reference"] == submission.reference
    assert "粤B12345" not in str(payload)
