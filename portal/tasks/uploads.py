"""Upload hygiene: files a crashed request left without an attachment row are swept every hour."""

from __future__ import annotations

from portal.jobs import huey, job_context
from portal.tasks import court_crontab


@huey.periodic_task(court_crontab(minute="23"))
def sweep_orphan_uploads() -> None:
    from portal.models.types import utcnow
    from portal.services.drafts import sweep_orphan_uploads as sweep

    # The real clock: the grace period is measured against file times on disk, not the legal calendar.
    with job_context():
        sweep(now=utcnow())
