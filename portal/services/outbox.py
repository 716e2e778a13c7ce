"""Delivering outbox events to the court's case system: signed, retried with backoff, never lost.

Events are written in the same transaction as the change they announce (see OutboxEvent). This module
POSTs them to WEBHOOK_URL and marks one delivered only after a 2xx answer. Delivery is at least once: a
crash between the receiver's 2xx and our commit sends the event again, so the receiver must dedupe by the
`X-Portal-Delivery` header (the event id, stable across attempts).

Two workers never post the same event at once. A worker *claims* a small batch in a short transaction
(claim = push next_attempt_at forward by a lease), commits, then posts outside any transaction and records
each result. On PostgreSQL the claim selects with FOR UPDATE SKIP LOCKED, so concurrent workers take
different rows without waiting; on SQLite, where FOR UPDATE does not exist, the claiming UPDATE re-checks
"still due" in its WHERE clause and SQLite runs one writing transaction at a time, so only one worker's
claim matches a row. No database lock is held during HTTP calls (on SQLite that would stall every write of
the portal). A worker that dies mid-batch leaves its claim to expire: the events become due again.

Signature, for the receiver: the request carries
    X-Portal-Timestamp: <unix seconds>
    X-Portal-Signature: sha256=<hex HMAC-SHA256(WEBHOOK_SECRET, "<timestamp>." + raw body bytes)>
Verify by recomputing the HMAC over the raw body exactly as received (before any JSON parsing), comparing
in constant time (`hmac.compare_digest`), and rejecting a timestamp more than 5 minutes from your clock,
so that a captured request cannot be replayed later; then skip the event if its X-Portal-Delivery id was
already processed. `verify_signature()` below is that check, for tests and for receivers written in Python.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from flask import current_app
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import OutboxEvent

log = logging.getLogger(__name__)

SIGNATURE_TOLERANCE_SECONDS = 300
_jitter = random.Random()  # noqa: S311 - spreads retries out; not security


@dataclass(frozen=True)
class DeliveryReport:
    """What one run did. `configured` False: WEBHOOK_URL (or its secret) is not set and nothing was sent."""

    configured: bool
    delivered: tuple[int, ...] = ()
    failed: tuple[int, ...] = ()
    gave_up: tuple[int, ...] = ()  # reached OUTBOX_MAX_ATTEMPTS on this run


def webhook_configured() -> bool:
    return bool(current_app.config.get("WEBHOOK_URL") and current_app.config.get("WEBHOOK_SECRET"))


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify_signature(secret: str, timestamp: str, body: bytes, signature: str, *, now: datetime) -> bool:
    """The receiver's check: a fresh timestamp and a matching HMAC, compared in constant time."""
    try:
        age = abs(now.timestamp() - int(timestamp))
    except ValueError:
        return False
    if age > SIGNATURE_TOLERANCE_SECONDS:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def body_of(event: OutboxEvent) -> bytes:
    """The JSON sent: the event's id and topic around its payload (references and codes only)."""
    document = {
        "id": event.id,
        "topic": event.topic,
        "created_at": event.created_at.isoformat(),
        "payload": event.payload,
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def backoff(attempts: int) -> timedelta:
    """30 s, 60 s, 120 s ... doubling per failed attempt, capped at an hour, plus up to 20% jitter."""
    base = current_app.config["OUTBOX_BACKOFF_SECONDS"]
    cap = current_app.config["OUTBOX_BACKOFF_MAX_SECONDS"]
    seconds = min(base * 2 ** max(attempts - 1, 0), cap)
    return timedelta(seconds=seconds * (1 + _jitter.uniform(0, 0.2)))


def _due(now: datetime, max_attempts: int):
    return (
        OutboxEvent.delivered_at.is_(None),
        OutboxEvent.next_attempt_at <= now,
        OutboxEvent.attempts < max_attempts,
    )


def _claim(session: Session, *, now: datetime, batch: int, lease: timedelta, max_attempts: int) -> list[OutboxEvent]:
    """Take up to `batch` due events for this worker (see the module docstring), oldest first."""
    due = _due(now, max_attempts)
    candidates = session.scalars(
        select(OutboxEvent.id).where(*due).order_by(OutboxEvent.id).limit(batch).with_for_update(skip_locked=True)
    ).all()
    if not candidates:
        session.commit()
        return []
    claimed = session.scalars(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(candidates), *due)
        .values(next_attempt_at=now + lease)
        .returning(OutboxEvent.id)
        .execution_options(synchronize_session=False)
    ).all()
    session.commit()
    if not claimed:
        return []
    return list(session.scalars(select(OutboxEvent).where(OutboxEvent.id.in_(claimed)).order_by(OutboxEvent.id)))


def _post(http, url: str, secret: str, event: OutboxEvent, *, now: datetime, timeout: float) -> str | None:
    """POST one event; None on a 2xx, else a short error code. The response body is never read or kept."""
    body = body_of(event)
    timestamp = str(int(now.timestamp()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "zhongben-portal-outbox/1",
        "X-Portal-Event": event.topic,
        "X-Portal-Delivery": str(event.id),
        "X-Portal-Timestamp": timestamp,
        "X-Portal-Signature": sign(secret, timestamp, body),
    }
    try:
        response = http.post(url, data=body, headers=headers, timeout=timeout, allow_redirects=False)
    except requests.Timeout:
        return "timeout"
    except requests.ConnectionError:
        return "connection_error"
    except requests.RequestException:
        return "request_error"
    try:
        return None if 200 <= response.status_code < 300 else f"http_{response.status_code}"
    finally:
        close = getattr(response, "close", None)
        if close:
            close()


def _receiver_down(error: str) -> bool:
    # The receiver itself is failing (not this one event): stop the run rather than time out on every event.
    return error in ("timeout", "connection_error") or error.startswith("http_5") or error == "http_429"


def deliver_pending(*, now: datetime, session: Session | None = None, http=None) -> DeliveryReport:
    """Deliver due events in id order, in small batches; `http` is a requests.Session-like object.

    Commits on `session` after the claim and after each event: call it with a session of its own (the
    worker's job context does), never in the middle of a request's unit of work.
    """
    if not webhook_configured():
        if current_app.config.get("WEBHOOK_URL"):
            # Unsigned events would be accepted by no careful receiver: refuse rather than send them.
            log.warning("outbox: WEBHOOK_URL is set but WEBHOOK_SECRET is not; events wait")
        else:
            log.debug("outbox: webhook not configured, events wait")
        return DeliveryReport(configured=False)
    cfg = current_app.config
    session = session if session is not None else db.session()
    own_http = http is None
    http = requests.Session() if own_http else http
    batch, max_attempts = cfg["OUTBOX_BATCH_SIZE"], cfg["OUTBOX_MAX_ATTEMPTS"]
    # Long enough for every event of a batch to time out once; a dead worker's claim then expires.
    lease = timedelta(seconds=batch * cfg["WEBHOOK_TIMEOUT"] + 60)
    started = time.monotonic()

    def current() -> datetime:
        # `now` moved on by the whole seconds this run has taken: signatures stay fresh on a long run.
        return now + timedelta(seconds=int(time.monotonic() - started))

    delivered: list[int] = []
    failed: list[int] = []
    gave_up: list[int] = []
    try:
        for _ in range(cfg["OUTBOX_MAX_BATCHES"]):
            events = _claim(session, now=current(), batch=batch, lease=lease, max_attempts=max_attempts)
            stop = False
            for event in events:
                if stop:
                    event.next_attempt_at = current()  # release the claim untried: due again on the next run
                    continue
                at = current()
                error = _post(
                    http, cfg["WEBHOOK_URL"], cfg["WEBHOOK_SECRET"], event, now=at, timeout=cfg["WEBHOOK_TIMEOUT"]
                )
                if error is None:
                    event.delivered_at = at
                    event.last_error = None
                    delivered.append(event.id)
                    log.info("outbox delivered event_id=%s topic=%s attempts=%s", event.id, event.topic, event.attempts)
                else:
                    _record_failure(event, error, now=at, max_attempts=max_attempts)
                    (gave_up if event.attempts >= max_attempts else failed).append(event.id)
                    stop = _receiver_down(error)
                session.commit()  # one commit per event: a crash loses at most the event in flight
            session.commit()  # the released claims
            if stop or len(events) < batch:
                break
    finally:
        if own_http:
            http.close()
    return DeliveryReport(True, tuple(delivered), tuple(failed), tuple(gave_up))


def _record_failure(event: OutboxEvent, error: str, *, now: datetime, max_attempts: int) -> None:
    event.attempts += 1
    event.last_error = error
    event.next_attempt_at = now + backoff(event.attempts)
    if event.attempts >= max_attempts:
        log.error(
            "outbox gave up event_id=%s topic=%s attempts=%s error=%s", event.id, event.topic, event.attempts, error
        )
    else:
        log.warning(
            "outbox delivery failed event_id=%s topic=%s attempts=%s error=%s",
            event.id,
            event.topic,
            event.attempts,
            error,
        )


def failing_events(limit: int = 50) -> list[OutboxEvent]:
    """Events that used up OUTBOX_MAX_ATTEMPTS and are still undelivered: an administrator must look."""
    max_attempts = current_app.config["OUTBOX_MAX_ATTEMPTS"]
    return list(
        db.session.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.delivered_at.is_(None), OutboxEvent.attempts >= max_attempts)
            .order_by(OutboxEvent.id)
            .limit(limit)
        )
    )


def pending_count() -> int:
    return db.session.scalar(select(func.count()).select_from(OutboxEvent).where(OutboxEvent.delivered_at.is_(None)))


def retry(event_ids: list[int], *, now: datetime) -> int:
    """An administrator sends given-up events again (after fixing the receiver): attempts start over."""
    result = db.session.execute(
        update(OutboxEvent)
        .where(OutboxEvent.id.in_(event_ids), OutboxEvent.delivered_at.is_(None))
        .values(attempts=0, next_attempt_at=now, last_error=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    log.info("outbox retry requested count=%s", result.rowcount)
    return result.rowcount


def deliver_soon(*, session: Session | None = None) -> None:
    """Ask for a delivery run right after the current transaction commits (instead of within the minute)."""
    from portal import jobs
    from portal.tasks.outbox import deliver_outbox_now

    jobs.enqueue_after_commit(deliver_outbox_now, session=session)


_SOON = "portal.outbox.deliver_soon"


@event.listens_for(Session, "after_flush")
def _deliver_new_events_soon(session: Session, _flush_context) -> None:
    """A transaction that writes an event asks for one delivery run right after it commits.

    Registered with this module (which the queue blueprint imports in every app, worker included); the sweep
    every minute stays the safety net for a run that was lost.
    """
    if not session.info.get(_SOON) and any(isinstance(obj, OutboxEvent) for obj in session.new):
        session.info[_SOON] = True
        deliver_soon(session=session)


@event.listens_for(Session, "after_transaction_end")
def _reset(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_SOON, None)
