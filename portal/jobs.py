"""Background jobs on Huey: SQLite storage under instance/ by default, Redis when REDIS_URL is set.

The worker runs `huey_consumer portal.jobs.huey`; importing this module registers every task (portal.tasks).
Jobs open their own app context (`job_context`). Work caused by a change reaches the queue only after the
change commits (`after_commit`), so a worker never looks for a row that was rolled back or is not yet visible.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import contextmanager

from flask import Flask, current_app, has_app_context
from huey import RedisHuey, SqliteHuey
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal import config
from portal.extensions import db

log = logging.getLogger(__name__)


def _make_huey():
    if os.environ.get("HUEY_IMMEDIATE") == "1":
        return SqliteHuey("portal", filename=":memory:", immediate=True)
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        return RedisHuey("portal", url=redis_url)
    config.INSTANCE.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("portal", filename=str(config.INSTANCE / "jobs.db"))


huey = _make_huey()

_worker_app: Flask | None = None


@contextmanager
def job_context():
    """A fresh app context for one job: its own database session, never the caller's.

    In immediate mode a job runs inside the request that enqueued it, right after that request's commit;
    a new context keeps the job off the request's session, which can no longer emit SQL at that point.
    """
    global _worker_app
    if has_app_context():
        app = current_app._get_current_object()
    else:
        if _worker_app is None:
            from portal import create_app

            _worker_app = create_app()
        app = _worker_app
    with app.app_context():
        yield app


_PENDING = "portal.jobs.after_commit"


def after_commit(callback: Callable[[], None], *, session: Session | None = None) -> None:
    """Run `callback` once the current transaction commits; forget it if the transaction rolls back."""
    target = session if session is not None else db.session()
    target.info.setdefault(_PENDING, []).append(callback)


def enqueue_after_commit(task, *args, session: Session | None = None) -> None:
    """Put `task(*args)` on the queue once the current transaction commits."""
    after_commit(lambda: dispatch(task, args), session=session)


def task_name(task) -> str:
    return task.task_class.__name__


def dispatch(task, args: tuple) -> None:
    """Hand one job to the queue. Never raises: the commit it follows has happened and must not look failed.

    Jobs are written so that a lost enqueue is caught up later (the outbox is also swept every minute).
    """
    if not current_app.config.get("JOBS_ENQUEUE", True):
        log.debug("job not enqueued (JOBS_ENQUEUE off) task=%s", task_name(task))
        return
    try:
        task(*args)
    except Exception:
        log.exception("job enqueue failed task=%s", task_name(task))


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for callback in session.info.pop(_PENDING, []):
        try:
            callback()
        except Exception:
            log.exception("after-commit callback failed")


@event.listens_for(Session, "after_transaction_end")
def _forget_on_rollback(session: Session, transaction) -> None:
    # The outermost transaction ended without after_commit having taken the callbacks: it rolled back.
    if transaction.parent is None:
        session.info.pop(_PENDING, None)


# Registers the tasks on `huey`; last, because the task modules import `huey` from here.
import portal.tasks  # noqa: E402, F401
