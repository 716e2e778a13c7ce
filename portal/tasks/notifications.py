"""Notification emails: one job per notification, retried when the mail server fails."""

from __future__ import annotations

from portal.jobs import huey, job_context


@huey.task(retries=3, retry_delay=60)
def send_notification_email(notification_id: int) -> None:
    """Render in the recipient's language and send; an exception makes Huey retry (3 times, a minute apart)."""
    from portal import clock
    from portal.services.notifications import email_notification

    with job_context():
        email_notification(notification_id, now=clock.now())
