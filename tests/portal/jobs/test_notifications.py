"""Notifications: in the caller's transaction, emailed after the commit, in the recipient's language."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from portal import mail
from portal.errors import NotFound
from portal.models import Notification, PartyRole, SubmissionStatus
from portal.services import notifications
from tests import factories
from tests.portal.jobs.conftest import NOW, submission


def _count(session) -> int:
    return session.scalar(select(func.count()).select_from(Notification))


@pytest.fixture()
def filed(session):
    """An applicant's clue on a terminated case whose parties have identity numbers and names on file."""
    debtor = factories.person("李四", resident_id=factories.DEBTOR_ID)
    applicant = factories.person("王五", resident_id=factories.APPLICANT_ID)
    case = factories.case(applicant=applicant, debtor=debtor)
    user = factories.citizen(resident_id=factories.APPLICANT_ID)
    factories.link(user, case, PartyRole.APPLICANT)
    return user, case, submission(case, user)


def test_the_row_joins_the_callers_transaction_and_the_email_waits_for_the_commit(session, filed, queued):
    user, _case, item = filed
    notification = notifications.notify(user.id, "submission_received", submission=item)
    session.flush()
    assert _count(session) == 1
    assert queued == []  # nothing leaves before the commit
    session.commit()
    assert queued == [("send_notification_email", (notification.id,))]


def test_a_rollback_removes_the_row_and_queues_nothing(session, filed, queued):
    user, _case, item = filed
    session.commit()
    notifications.notify(user.id, "status_in_review", submission=item)
    session.flush()
    session.rollback()
    assert _count(session) == 0
    session.commit()  # a later commit must not pick up the forgotten email
    assert queued == []


def test_unknown_codes_and_parameters_are_refused(filed):
    user, _case, item = filed
    with pytest.raises(ValueError, match="unknown notification code"):
        notifications.notify(user.id, "made_up", submission=item)
    with pytest.raises(ValueError, match="not allowed"):
        notifications.notify(user.id, "submission_received", submission=item, params={"name": "王五"})


@pytest.mark.parametrize(
    ("locale", "status_words", "summary"),
    [
        ("zh", "审查中", None),
        ("en", "Being reviewed", "The court has started reviewing your submission"),
    ],
)
def test_the_email_is_in_the_recipients_language(session, filed, mailbox, locale, status_words, summary):
    user, _case, item = filed
    user.locale = locale
    item.status = SubmissionStatus.IN_REVIEW
    notification = notifications.notify(user.id, "status_in_review", submission=item)
    session.commit()
    assert notifications.email_notification(notification.id, now=NOW) is True
    [message] = mailbox()
    body = message.get_content()
    assert message["To"] == user.email
    assert item.reference in message["Subject"] and item.reference in body
    assert status_words in body
    assert f"http://127.0.0.1:5000/submissions/{item.reference}" in body
    if summary:
        assert summary in message["Subject"]
    session.refresh(notification)
    assert notification.emailed_at == NOW
    # Sent once: a retried job finds emailed_at set.
    assert notifications.email_notification(notification.id, now=NOW) is False
    assert len(mailbox()) == 1


def test_the_email_carries_no_identity_number_name_or_amount(session, filed, mailbox):
    user, case, item = filed
    user.locale = "en"
    item.status = SubmissionStatus.DECIDED
    notification = notifications.notify(user.id, "decision_accepted", submission=item, params={"code": "clue_verified"})
    session.commit()
    notifications.email_notification(notification.id, now=NOW)
    [message] = mailbox()
    text = message["Subject"] + message.get_content()
    assert case.number in text  # the applicant's own case: already theirs to know
    for secret in (factories.DEBTOR_ID, factories.APPLICANT_ID, "李四", "王五", "100000", "100,000"):
        assert secret not in text
    for party in case.parties:
        assert party.party.id_masked not in text


def test_a_missing_notification_is_skipped(session):
    assert notifications.email_notification(999_999, now=NOW) is False


def test_the_console_backend_logs_neither_address_nor_content(app, caplog):
    caplog.set_level(logging.INFO)
    with app.app_context():
        mail.send("someone@example.com", "Subject words", "Body words", ref="notification_id=7 code=case_resumed")
    assert "notification_id=7 code=case_resumed" in caplog.text
    for private in ("someone@example.com", "Subject words", "Body words"):
        assert private not in caplog.text


def test_the_inbox_lists_describes_and_marks_read(session, filed, en_client):
    user, _case, item = filed
    other = factories.citizen()
    first = notifications.notify(user.id, "submission_received", submission=item)
    second = notifications.notify(user.id, "information_requested", submission=item)
    session.commit()
    assert notifications.unread(user) == [second, first]
    assert notifications.unread_count(user) == 2
    assert notifications.recent(user, 1) == [second]
    assert notifications.recent(other, 10) == []
    with pytest.raises(NotFound):
        notifications.mark_read(other, first.id, now=NOW)
    notifications.mark_read(user, first.id, now=NOW)
    assert notifications.unread(user) == [second]
    with en_client.application.test_request_context():
        assert notifications.describe(second) == (
            f"The court needs more information for your submission {item.reference}."
        )


def test_a_handler_is_told_which_of_their_cases_is_flagged_and_never_gets_a_citizen_link(session, mailbox):
    handler = factories.staff()
    handler.locale = "en"
    source, flagged = factories.case(), factories.case()
    clue = submission(source, factories.citizen(), status=SubmissionStatus.DECIDED)
    notification = notifications.notify(
        handler.id, "clue_flag", submission=clue, params={"case_id": flagged.id, "case_number": flagged.number}
    )
    session.commit()
    notifications.email_notification(notification.id, now=NOW)
    [message] = mailbox()
    body = message.get_content()
    assert flagged.number in message["Subject"] and clue.reference in body
    assert "http://127.0.0.1:5000/" in body and "/submissions/" not in body
