"""The court queue: court scoping, filters, keyset paging, claims, information requests and decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portal.extensions import db
from portal.models import (
    CaseStatus,
    EventKind,
    HistoryEntry,
    Notification,
    OutboxEvent,
    StaffRole,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from portal.services import queue
from tests import factories

NOW = datetime(2025, 9, 25, 2, 0, tzinfo=UTC)


def submission(
    case, *, kind=SubmissionKind.PROPERTY_CLUE, due=date(2025, 10, 9), status=SubmissionStatus.RECEIVED, submitter=None
):
    """A vehicle clue (or ``kind``) in the case's court queue, received at NOW."""
    return factories.submission(
        case, submitter, kind=kind, status=status, due_on=due, received_at=NOW,
        answers={"clue_type": "vehicle", "plate": "粤B12345"},
    )  # fmt: skip


@pytest.fixture()
def court_setup(session):
    other_court = factories.court("浙0102", "33")
    handler = factories.staff(StaffRole.HANDLER)
    colleague = factories.staff(StaffRole.HANDLER)
    supervisor = factories.staff(StaffRole.SUPERVISOR)
    outsider = factories.staff(StaffRole.HANDLER, other_court)
    case = factories.case()
    return handler, colleague, supervisor, outsider, case


def test_staff_see_only_their_own_court(client, court_setup):
    handler, _colleague, _supervisor, outsider, case = court_setup
    item = submission(case)
    factories.sign_in(client, outsider)
    assert item.reference not in client.get("/court/queue").get_data(as_text=True)
    assert client.get(f"/court/items/{item.id}").status_code == 404
    client.post("/accounts/sign-out")
    factories.sign_in(client, handler)
    assert item.reference in client.get("/court/queue").get_data(as_text=True)
    assert client.get(f"/court/items/{item.id}").status_code == 200


def test_citizens_cannot_open_the_queue(client, session):
    factories.sign_in(client, factories.citizen())
    assert client.get("/court/queue").status_code == 403


def test_the_queue_is_sorted_by_due_date_and_pages_by_keyset(court_setup):
    handler, *_rest, case = court_setup
    items = [submission(case, due=date(2025, 10, 1) + timedelta(days=i % 7)) for i in range(queue.PAGE_SIZE + 7)]
    first = queue.page(handler, queue.QueueFilters(), today=date(2025, 9, 25))
    assert len(first.items) == queue.PAGE_SIZE and first.next_cursor
    second = queue.page(handler, queue.QueueFilters(), today=date(2025, 9, 25), cursor=first.next_cursor)
    seen = [s.id for s in first.items + second.items]
    assert sorted(seen) == sorted(s.id for s in items) and len(set(seen)) == len(items)
    dues = [s.due_on for s in first.items + second.items]
    assert dues == sorted(dues)


def test_filters(court_setup):
    handler, *_rest, case = court_setup
    overdue = submission(case, due=date(2025, 9, 20))
    soon = submission(case, due=date(2025, 9, 26))
    later = submission(case, due=date(2025, 12, 1))
    today = date(2025, 9, 25)
    assert [s.id for s in queue.page(handler, queue.QueueFilters(overdue=True), today=today).items] == [overdue.id]
    within = queue.page(handler, queue.QueueFilters(due_within=2), today=today).items
    assert {s.id for s in within} == {overdue.id, soon.id}
    assert queue.page(handler, queue.QueueFilters(q=later.reference.lower()), today=today).items == [later]
    assert (
        len(
            queue.page(
                handler, queue.QueueFilters(q=case.number.replace("（", "(").replace("）", ")")), today=today
            ).items
        )
        == 3
    )


def test_only_one_of_two_claims_wins(court_setup):
    handler, colleague, *_rest, case = court_setup
    item = submission(case)
    assert queue.claim(handler, item.id, now=NOW) is True
    assert queue.claim(colleague, item.id, now=NOW) is False
    db.session.refresh(item)
    assert item.assignee_id == handler.id


def test_claim_next_takes_the_earliest_unassigned(court_setup):
    handler, colleague, *_rest, case = court_setup
    late = submission(case, due=date(2025, 12, 1))
    early = submission(case, due=date(2025, 10, 1))
    assert queue.claim_next(handler, now=NOW).id == early.id
    assert queue.claim_next(colleague, now=NOW).id == late.id
    assert queue.claim_next(colleague, now=NOW) is None


def test_information_request_reply_and_decision_round_trip(client, court_setup, upload_dir_for_queue):
    handler, *_rest, case = court_setup
    citizen = factories.citizen()
    item = submission(case, submitter=citizen)
    factories.sign_in(client, handler)
    client.post(f"/court/items/{item.id}/request-information", data={"question": "请提供照片"})
    db.session.refresh(item)
    assert item.status is SubmissionStatus.AWAITING_INFORMATION
    assert db.session.query(Notification).filter_by(user_id=citizen.id, code="information_requested").count() == 1
    client.post(f"/court/items/{item.id}/decide", data={"code": "clue_verified", "text": "已核实"})
    db.session.refresh(item)
    assert item.status is SubmissionStatus.DECIDED and item.decision_code == "clue_verified"
    assert [h.action for h in db.session.query(HistoryEntry).order_by(HistoryEntry.id)][-2:] == [
        "information_requested",
        "decided",
    ]
    assert db.session.query(OutboxEvent).filter_by(topic="submission.decided").count() == 1
    assert any(e.kind is EventKind.CLUE_VERIFIED for e in case.events)


def test_accepting_a_resumption_resumes_the_case(client, court_setup, upload_dir_for_queue):
    handler, *_rest, case = court_setup
    item = submission(case, kind=SubmissionKind.RESUMPTION)
    factories.sign_in(client, handler)
    client.post(f"/court/items/{item.id}/decide", data={"code": "resumed"})
    db.session.refresh(case)
    assert case.status is CaseStatus.RESUMED
    assert any(e.kind is EventKind.RESUMPTION for e in case.events)


def test_a_decision_cannot_be_taken_twice_or_with_an_unknown_code(client, court_setup, upload_dir_for_queue):
    handler, *_rest, case = court_setup
    item = submission(case)
    factories.sign_in(client, handler)
    assert client.post(f"/court/items/{item.id}/decide", data={"code": "no_such_code"}).status_code == 302
    db.session.refresh(item)
    assert item.status is SubmissionStatus.RECEIVED
    client.post(f"/court/items/{item.id}/decide", data={"code": "clue_not_specific"})
    assert client.post(f"/court/items/{item.id}/decide", data={"code": "clue_verified"}).status_code == 409


def test_bulk_assignment_is_for_supervisors(client, court_setup):
    handler, colleague, supervisor, *_rest, case = court_setup
    items = [submission(case) for _ in range(3)]
    factories.sign_in(client, handler)
    assert (
        client.post(
            "/court/queue/assign", data={"ids": [str(i.id) for i in items], "assignee": str(colleague.id)}
        ).status_code
        == 403
    )
    client.post("/accounts/sign-out")
    factories.sign_in(client, supervisor)
    client.post("/court/queue/assign", data={"ids": [str(i.id) for i in items], "assignee": str(colleague.id)})
    assert {i.assignee_id for i in db.session.query(Submission)} == {colleague.id}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_queue_and_item_pages_render_in_both_languages(client, court_setup, lang):
    handler, *_rest, case = court_setup
    item = submission(case)
    client.get(f"/language/{lang}")
    factories.sign_in(client, handler)
    assert client.get("/court/queue?kind=property_clue&status=received&urgent=1&due_within=30").status_code == 200
    assert client.get(f"/court/items/{item.id}").status_code == 200


def test_the_supervisor_dashboard_moves_when_an_item_is_decided(client, court_setup, upload_dir_for_queue):
    handler, _colleague, supervisor, *_rest, case = court_setup
    item = submission(case)
    factories.sign_in(client, supervisor)
    before = client.get("/court/dashboard").get_data(as_text=True)
    assert client.get("/court/queue.csv").get_data(as_text=True).count(item.reference) == 1
    client.post(f"/court/items/{item.id}/decide", data={"code": "clue_not_specific"})
    after = client.get("/court/dashboard").get_data(as_text=True)
    assert before != after
    client.post("/accounts/sign-out")
    factories.sign_in(client, handler)
    assert client.get("/court/dashboard").status_code == 403


def test_a_verified_clue_on_a_terminated_case_resumes_it_and_on_an_ongoing_case_changes_no_status(
    client, court_setup, upload_dir_for_queue
):
    handler, *_rest, case = court_setup
    assert case.status is CaseStatus.TERMINATED
    factories.sign_in(client, handler)
    client.post(f"/court/items/{submission(case).id}/decide", data={"code": "clue_verified_resumed"})
    db.session.refresh(case)
    assert case.status is CaseStatus.RESUMED
    assert {EventKind.RESUMPTION, EventKind.CLUE_VERIFIED} <= {e.kind for e in case.events}
    ongoing = factories.case(status=CaseStatus.ONGOING)
    client.post(f"/court/items/{submission(ongoing).id}/decide", data={"code": "clue_verified_resumed"})
    db.session.refresh(ongoing)
    assert ongoing.status is CaseStatus.ONGOING


@pytest.mark.parametrize(
    ("lang", "label", "last_day"),
    [("zh", "异议被驳回", "2025年10月9日"), ("en", "Objection dismissed", "October 9, 2025")],
)
def test_the_citizen_sees_a_refusal_with_its_basis_and_the_last_day_to_ask_for_review(
    app, client, court_setup, upload_dir_for_queue, monkeypatch, lang, label, last_day
):
    monkeypatch.setitem(app.config, "FIXED_TODAY", "2025-09-25")
    handler, *_rest, case = court_setup
    citizen = factories.citizen()
    item = submission(case, kind=SubmissionKind.OBJECTION, submitter=citizen, due=date(2025, 12, 1))
    factories.sign_in(client, handler)
    client.post(f"/court/items/{item.id}/decide", data={"code": "objection_dismissed", "text": "理由不成立"})
    client.post("/accounts/sign-out")
    client.get(f"/language/{lang}")
    factories.sign_in(client, citizen)
    page = client.get(f"/submissions/{item.reference}").get_data(as_text=True)
    # Decided Thursday 2025-09-25: ten days run to 2025-10-05, inside the National Day holiday, so to 10-09.
    panel = page.split('id="decision"', 1)[1].split("</div>", 1)[0]
    assert label in panel and "HF-09" in panel
    assert last_day in panel.split('id="decision-route"', 1)[1]


def test_counts_are_the_open_items_of_the_staff_members_court(court_setup):
    handler, _colleague, _supervisor, outsider, case = court_setup
    for status in (SubmissionStatus.RECEIVED, SubmissionStatus.RECEIVED, SubmissionStatus.IN_REVIEW):
        submission(case, status=status)
    submission(case, status=SubmissionStatus.DECIDED)  # decided: the dashboard's, not the queue's
    assert queue.counts(handler) == {"received": 2, "in_review": 1}
    assert queue.counts(outsider) == {}


def test_the_queue_page_shows_the_open_counts(client, court_setup):
    handler, *_rest, case = court_setup
    submission(case, status=SubmissionStatus.AWAITING_INFORMATION)
    factories.sign_in(client, handler)
    page = client.get("/court/queue").get_data(as_text=True)
    counts = page.split('<ul class="counts"', 1)[1].split("</ul>", 1)[0]
    assert counts.count("<li>") == len(queue.OPEN)
    assert "<strong>1</strong>" in counts
