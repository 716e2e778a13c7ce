"""Helpers for the background-work tests: submissions, a scripted webhook receiver, a file mailbox."""

from __future__ import annotations

import email
from datetime import UTC, date, datetime
from email import policy
from types import SimpleNamespace

import pytest

from portal import jobs
from tests.factories import submission  # noqa: F401 - the jobs tests take it from here

NOW = datetime(2025, 9, 25, 2, 0, tzinfo=UTC)  # 10:00 in Beijing, Thursday 2025-09-25
TODAY = date(2025, 9, 25)
SECRET = "webhook-test-secret"


class FakeReceiver:
    """A requests.Session stand-in: answers with the scripted status codes or raises the scripted errors."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = []

    def post(self, url, *, data, headers, timeout, allow_redirects):
        self.calls.append(SimpleNamespace(url=url, body=data, headers=headers, allow_redirects=allow_redirects))
        outcome = self.outcomes.pop(0) if self.outcomes else 200
        if isinstance(outcome, Exception):
            raise outcome
        return SimpleNamespace(status_code=outcome, text="RESPONSE-BODY-NOT-FOR-LOGS", close=lambda: None)

    def close(self):
        pass


@pytest.fixture()
def webhook(app, monkeypatch):
    monkeypatch.setitem(app.config, "WEBHOOK_URL", "https://court.example/hooks/portal")
    monkeypatch.setitem(app.config, "WEBHOOK_SECRET", SECRET)
    return app.config


@pytest.fixture()
def mailbox(app, tmp_path, monkeypatch):
    """The file mail backend into tmp_path; returns a function reading every message written so far."""
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "file")
    monkeypatch.setitem(app.config, "MAIL_FILE_DIR", str(tmp_path / "mail"))

    def read():
        files = sorted((tmp_path / "mail").glob("*.eml"))
        return [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]

    return read


@pytest.fixture()
def queued(monkeypatch):
    """Jobs handed to the queue after commits, recorded instead of enqueued."""
    calls = []
    monkeypatch.setattr(jobs, "dispatch", lambda task, args: calls.append((jobs.task_name(task), args)))
    return calls
