"""The Huey wrappers: registered under stable names, on court-time schedules, with retries; no consumer runs."""

from __future__ import annotations

from datetime import datetime

import pytest

from portal import jobs
from portal.jobs import huey
from portal.services import notifications
from portal.tasks.duties import send_duty_digests
from portal.tasks.notifications import send_notification_email
from portal.tasks.outbox import deliver_outbox, deliver_outbox_now
from tests import factories
from tests.portal.jobs.conftest import submission


def test_every_task_is_registered_on_the_portals_huey():
    registered = set(huey._registry._registry)
    assert {
        "portal.tasks.outbox.deliver_outbox",
        "portal.tasks.outbox.deliver_outbox_now",
        "portal.tasks.notifications.send_notification_email",
        "portal.tasks.duties.send_duty_digests",
    } <= registered
    periodic = {type(task).__name__ for task in huey._registry.periodic_tasks}
    assert {"deliver_outbox", "send_duty_digests"} <= periodic
    assert "deliver_outbox_now" not in periodic


def test_schedules_are_read_on_the_court_clock():
    digest = send_duty_digests.task_class()
    # Huey hands periodic checks naive UTC: 23:00 UTC is 07:00 the next morning in Beijing.
    assert digest.validate_datetime(datetime(2025, 9, 24, 23, 0))
    assert not digest.validate_datetime(datetime(2025, 9, 25, 7, 0))
    sweep = deliver_outbox.task_class()
    assert all(sweep.validate_datetime(datetime(2025, 9, 25, h, m)) for h, m in ((0, 0), (13, 37)))


def test_the_email_task_retries_three_times_a_minute_apart():
    assert (send_notification_email.retries, send_notification_email.retry_delay) == (3, 60)
    assert deliver_outbox_now.retries == 0  # the minute sweep is its retry


def test_the_email_task_runs_the_service_in_a_job_context(session, mailbox):
    user = factories.citizen()
    item = submission(factories.case(), user)
    notification = notifications.notify(user.id, "submission_received", submission=item)
    session.commit()
    send_notification_email.call_local(notification.id)
    assert len(mailbox()) == 1
    session.expire_all()
    assert notification.emailed_at is not None


class Probe:
    """Stands in for a task: records enqueues instead of writing to the real queue."""

    task_class = type("probe", (), {})

    def __init__(self, error: Exception | None = None):
        self.calls = []
        self.error = error

    def __call__(self, *args):
        if self.error:
            raise self.error
        self.calls.append(args)


@pytest.mark.parametrize(("enabled", "expected"), [(False, []), (True, [(1,)])])
def test_jobs_are_enqueued_only_when_switched_on(app, monkeypatch, enabled, expected):
    monkeypatch.setitem(app.config, "JOBS_ENQUEUE", enabled)
    probe = Probe()
    with app.app_context():
        jobs.dispatch(probe, (1,))
    assert probe.calls == expected


def test_a_failing_enqueue_never_fails_the_commit_it_follows(app, monkeypatch, caplog):
    monkeypatch.setitem(app.config, "JOBS_ENQUEUE", True)
    with app.app_context():
        jobs.dispatch(Probe(ConnectionError("redis down")), (1,))
    assert "job enqueue failed task=probe" in caplog.text
