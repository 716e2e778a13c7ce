"""Administrators see the events the court's case system keeps refusing, and can send them again."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from portal.extensions import db
from portal.models import OutboxEvent, StaffRole
from tests import factories


@pytest.fixture()
def given_up(app, session):
    event = OutboxEvent(
        topic="submission.decided",
        payload={"reference": "ZB-2026-000001"},
        attempts=app.config["OUTBOX_MAX_ATTEMPTS"],
        next_attempt_at=datetime(2026, 11, 1, tzinfo=UTC),
        last_error="HTTP 503",
    )
    db.session.add(event)
    db.session.flush()
    return event


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_administrator_sees_a_given_up_event_and_sends_it_again(client, given_up, lang):
    client.get(f"/language/{lang}")
    factories.sign_in(client, factories.staff(StaffRole.ADMINISTRATOR))
    page = client.get("/court/outbox").get_data(as_text=True)
    assert f"#{given_up.id}" in page and "HTTP 503" in page
    response = client.post("/court/outbox", data={"ids": [str(given_up.id)]})
    assert response.status_code == 302
    db.session.refresh(given_up)
    assert given_up.attempts == 0 and given_up.last_error is None
    assert 'id="no-failing"' in client.get("/court/outbox").get_data(as_text=True)


@pytest.mark.parametrize("role", [StaffRole.HANDLER, StaffRole.SUPERVISOR, StaffRole.INTAKE_CLERK])
def test_other_staff_cannot_open_it(client, given_up, role):
    factories.sign_in(client, factories.staff(role))
    assert client.get("/court/outbox").status_code == 403
    assert client.post("/court/outbox", data={"ids": [str(given_up.id)]}).status_code == 403


def test_citizens_cannot_open_it(client, session):
    factories.sign_in(client, factories.citizen())
    assert client.get("/court/outbox").status_code == 403
