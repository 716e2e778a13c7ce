"""Outbound events: signed, delivered once on a 2xx, retried with growing backoff, never lost, never logged."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest
import requests

from portal.models import OutboxEvent
from portal.services import outbox
from tests.portal.jobs.conftest import NOW, SECRET, FakeReceiver


def event(session, topic="submission.decided", **payload) -> OutboxEvent:
    item = OutboxEvent(
        topic=topic, payload={"reference": "ZB-2025-000001", **payload}, created_at=NOW, next_attempt_at=NOW
    )
    session.add(item)
    session.commit()
    return item


def test_each_event_is_posted_signed_and_the_signature_verifies(session, webhook):
    item = event(session)
    receiver = FakeReceiver(200)
    report = outbox.deliver_pending(now=NOW, session=session, http=receiver)
    assert report.delivered == (item.id,)
    call = receiver.calls[0]
    headers = call.headers
    assert call.url == "https://court.example/hooks/portal" and call.allow_redirects is False
    assert headers["X-Portal-Event"] == "submission.decided"
    assert headers["X-Portal-Delivery"] == str(item.id)
    assert headers["X-Portal-Timestamp"] == str(int(NOW.timestamp()))
    assert headers["X-Portal-Signature"].startswith("sha256=")
    assert json.loads(call.body)["payload"]["reference"] == "ZB-2025-000001"
    ts, signature = headers["X-Portal-Timestamp"], headers["X-Portal-Signature"]
    assert outbox.verify_signature(SECRET, ts, call.body, signature, now=NOW + timedelta(seconds=30))
    assert not outbox.verify_signature(SECRET, ts, call.body + b" ", signature, now=NOW)
    assert not outbox.verify_signature("other-secret", ts, call.body, signature, now=NOW)
    # A captured request replayed later is refused by its timestamp.
    assert not outbox.verify_signature(SECRET, ts, call.body, signature, now=NOW + timedelta(minutes=6))


def test_a_2xx_marks_the_event_delivered_and_it_is_never_sent_again(session, webhook):
    item = event(session)
    receiver = FakeReceiver(204)
    outbox.deliver_pending(now=NOW, session=session, http=receiver)
    second = outbox.deliver_pending(now=NOW + timedelta(hours=2), session=session, http=receiver)
    assert len(receiver.calls) == 1
    assert second.delivered == () and second.failed == ()
    session.refresh(item)
    assert item.delivered_at == NOW and item.attempts == 0 and item.last_error is None


def test_events_go_out_in_id_order(session, webhook):
    items = [event(session, n=n) for n in range(3)]
    receiver = FakeReceiver()
    outbox.deliver_pending(now=NOW, session=session, http=receiver)
    assert [c.headers["X-Portal-Delivery"] for c in receiver.calls] == [str(i.id) for i in items]


def test_a_failing_receiver_is_retried_with_growing_backoff_until_it_answers(session, webhook):
    item = event(session)
    receiver = FakeReceiver(requests.Timeout(), 503, 503, 200)
    at, delays, errors = NOW, [], []
    for _ in range(4):
        before = len(receiver.calls)
        # Not yet due: a run a second before the next attempt sends nothing.
        outbox.deliver_pending(now=at - timedelta(seconds=1), session=session, http=receiver)
        assert len(receiver.calls) == before or at == NOW
        outbox.deliver_pending(now=at, session=session, http=receiver)
        session.refresh(item)
        if item.delivered_at is not None:
            break
        errors.append(item.last_error)
        delays.append((item.next_attempt_at - at).total_seconds())
        at = item.next_attempt_at
    assert errors == ["timeout", "http_503", "http_503"]
    assert 30 <= delays[0] <= 36 and 60 <= delays[1] <= 72 and 120 <= delays[2] <= 144
    assert item.delivered_at is not None and item.attempts == 3
    assert len(receiver.calls) == 4


def test_backoff_is_capped_at_an_hour(app):
    with app.app_context():
        assert outbox.backoff(30) <= timedelta(hours=1, minutes=12)
        assert outbox.backoff(30) >= timedelta(hours=1)


def test_two_runs_never_deliver_the_same_event_twice(session, webhook):
    items = [event(session, n=n) for n in range(3)]
    receiver = FakeReceiver()
    outbox.deliver_pending(now=NOW, session=session, http=receiver)
    outbox.deliver_pending(now=NOW, session=session, http=receiver)
    assert sorted(c.headers["X-Portal-Delivery"] for c in receiver.calls) == sorted(str(i.id) for i in items)


def test_a_claimed_event_is_not_claimed_by_a_second_worker(session, webhook):
    event(session)
    lease = timedelta(minutes=5)
    first = outbox._claim(session, now=NOW, batch=10, lease=lease, max_attempts=12)
    second = outbox._claim(session, now=NOW, batch=10, lease=lease, max_attempts=12)
    assert len(first) == 1 and second == []
    # A worker that died holding the claim: once the lease runs out the event is due again (never lost).
    assert len(outbox._claim(session, now=NOW + lease, batch=10, lease=lease, max_attempts=12)) == 1


def test_a_receiver_that_is_down_stops_the_run_and_leaves_the_rest_due(session, webhook):
    first, second = event(session), event(session)
    receiver = FakeReceiver(requests.ConnectionError())
    report = outbox.deliver_pending(now=NOW, session=session, http=receiver)
    assert report.failed == (first.id,) and len(receiver.calls) == 1
    session.rollback()  # only what the run committed counts
    session.refresh(second)
    assert second.attempts == 0 and second.next_attempt_at <= NOW and second.delivered_at is None


def test_after_max_attempts_the_event_stays_undelivered_and_is_listed_for_administrators(
    app, session, webhook, monkeypatch
):
    monkeypatch.setitem(app.config, "OUTBOX_MAX_ATTEMPTS", 3)
    item = event(session)
    receiver = FakeReceiver(500, 500, 500)  # then 200 once an administrator retries
    at, gave_up = NOW, ()
    for _ in range(3):
        gave_up = outbox.deliver_pending(now=at, session=session, http=receiver).gave_up
        session.refresh(item)
        at = item.next_attempt_at
    assert gave_up == (item.id,)
    assert outbox.failing_events(10) == [item]
    outbox.deliver_pending(now=at + timedelta(days=1), session=session, http=receiver)
    assert len(receiver.calls) == 3 and item.delivered_at is None
    assert outbox.retry([item.id], now=at) == 1
    outbox.deliver_pending(now=at, session=session, http=receiver)
    session.refresh(item)
    assert item.delivered_at is not None and outbox.failing_events(10) == []


def test_neither_the_body_nor_the_response_is_ever_logged(session, webhook, caplog):
    caplog.set_level(logging.DEBUG)
    item = event(session, case_number="（2023）粤0304执MARKER号", status="decided")
    receiver = FakeReceiver(500, 200)
    outbox.deliver_pending(now=NOW, session=session, http=receiver)
    session.refresh(item)
    outbox.deliver_pending(now=item.next_attempt_at, session=session, http=receiver)
    assert "MARKER" not in caplog.text and "ZB-2025-000001" not in caplog.text
    assert "RESPONSE-BODY" not in caplog.text
    assert f"event_id={item.id}" in caplog.text and "error=http_500" in caplog.text
    session.refresh(item)
    assert item.last_error is None and item.delivered_at is not None


@pytest.mark.parametrize("missing", ["WEBHOOK_URL", "WEBHOOK_SECRET"])
def test_without_a_configured_webhook_events_wait(app, session, webhook, monkeypatch, missing):
    monkeypatch.setitem(app.config, missing, None)
    item = event(session)
    receiver = FakeReceiver()
    report = outbox.deliver_pending(now=NOW, session=session, http=receiver)
    assert report.configured is False and receiver.calls == []
    session.refresh(item)
    assert item.delivered_at is None and item.attempts == 0
    assert outbox.pending_count() == 1 and not outbox.webhook_configured()


def test_a_change_that_writes_events_asks_for_one_delivery_run_after_its_commit(session, queued):
    session.add(OutboxEvent(topic="submission.received", payload={"reference": "ZB-2025-000001"}))
    session.flush()
    session.add(OutboxEvent(topic="submission.decided", payload={"reference": "ZB-2025-000001"}))
    session.flush()
    assert queued == []  # nothing before the commit
    session.commit()
    assert queued == [("deliver_outbox_now", ())]
    session.add(OutboxEvent(topic="submission.replied", payload={"reference": "ZB-2025-000001"}))
    session.commit()
    assert queued == [("deliver_outbox_now", ()), ("deliver_outbox_now", ())]  # a new transaction asks again
