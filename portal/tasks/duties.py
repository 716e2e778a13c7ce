"""The supervisors' daily digest of duties, at 07:00 court time, before the working day starts."""

from __future__ import annotations

from portal.jobs import huey, job_context
from portal.tasks import court_crontab


@huey.periodic_task(court_crontab(minute="0", hour="7"))
def send_duty_digests() -> None:
    from portal import clock
    from portal.services.duties import send_digests

    with job_context():
        send_digests(today=clock.today())
