"""Outbox delivery: swept every minute, and on demand right after a change (services.outbox.deliver_soon)."""

from __future__ import annotations

from portal.jobs import huey, job_context
from portal.tasks import court_crontab


def _deliver() -> None:
    # Imported here: services import portal.jobs, which imports these task modules.
    from portal.models.types import utcnow
    from portal.services.outbox import deliver_pending

    # Retries run on the real clock: FIXED_TODAY pins the legal calendar for demos, not the machine's time.
    with job_context():
        deliver_pending(now=utcnow())


@huey.periodic_task(court_crontab(minute="*"))
def deliver_outbox() -> None:
    """The sweep: catches every event, including those whose on-demand run was lost or failed."""
    _deliver()


@huey.task()
def deliver_outbox_now() -> None:
    _deliver()
