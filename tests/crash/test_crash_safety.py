"""Crash safety: the portal under gunicorn on PostgreSQL is killed with SIGKILL while citizens file clues with photos.

Eight citizens, each signed in on their own case, file property clues through the real pages (draft, evidence,
check, file) with CSRF tokens read from the pages. When a third of the clues have been acknowledged, the gunicorn
master and its workers are killed outright, as a power cut or the OOM killer would, and started again; the
citizens retry whatever was not acknowledged. Then:

- every acknowledged clue exists once (the draft token is the idempotency key), with exactly its photos;
- the upload folder holds exactly the files the attachment rows name, after the hourly sweep has run;
- every outbox event reached the court's webhook (which fails every third request), was accepted once, and
  the outbox shows it delivered.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.models import Attachment, OutboxEvent, PartyRole, Submission
from tests import factories
from tests.crash.citizens import Citizen
from tests.crash.harness import FlakyCourtSystem, GunicornStack, crash_database

pytestmark = pytest.mark.postgres

CITIZENS = 8
CLUES = 3
PHOTOS = 2
SECRET = "crash-webhook-secret"
# The parts of the test that wait, each bounded so a hung portal fails the test instead of CI.
FILING_SECONDS = 150
DELIVERY_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed(app) -> list[tuple[str, int]]:
    """One court, eight terminated cases, and their applicants as citizens linked to them."""
    from flask_migrate import upgrade

    from portal.extensions import db

    with app.app_context():
        upgrade()
        citizens = []
        for index in range(CITIZENS):
            user = factories.citizen(f"crash{index}@example.com")
            case = factories.case()
            factories.link(user, case, PartyRole.APPLICANT)
            citizens.append((user.email, case.id))
        db.session.commit()
    return citizens


def _enqueue(folder: Path, task) -> None:
    """Put a task on the stack's own queue (its jobs.db), for the worker to run as if the schedule had fired."""
    from huey import SqliteHuey

    from portal.jobs import huey

    queue = SqliteHuey("portal", filename=str(folder / "jobs.db"))
    queue._registry = huey._registry  # the same task names the worker knows
    queue.enqueue(task.s())


def _leftover_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def _plant_crash_leftovers(uploads: Path) -> set[str]:
    """What a worker killed between writing a photo and committing its row leaves, and one killed mid-write.

    The real kill above may leave such files too, but only when it falls in that window of a few milliseconds;
    these make the outcome certain.
    """
    uploads.mkdir(parents=True, exist_ok=True)
    written = uploads / ("ab" * 16 + ".jpg")
    written.write_bytes(b"\xff\xd8\xff\xe0 a photo whose row never committed")
    partial = uploads / ".upload-killed0.tmp"
    partial.write_bytes(b"\xff\xd8\xff")
    return {written.name, partial.name}


def test_killed_portal_loses_nothing_and_duplicates_nothing():
    from portal import create_app
    from portal.config import TestConfig
    from portal.tasks.outbox import deliver_outbox_now
    from portal.tasks.uploads import sweep_orphan_uploads as sweep_task

    folder = Path(tempfile.mkdtemp(prefix="portal-crash-"))
    uploads = folder / "uploads"
    hook_port = _free_port()
    with crash_database() as url:

        class Config(TestConfig):
            SQLALCHEMY_DATABASE_URI = url

        app = create_app(Config)
        citizens = _seed(app)
        env = {
            "DATABASE_URL": url,
            "UPLOAD_FOLDER": str(uploads),
            "WEBHOOK_URL": f"http://127.0.0.1:{hook_port}/events",
            "WEBHOOK_SECRET": SECRET,
            "OUTBOX_BACKOFF_SECONDS": "1",
            "OUTBOX_BACKOFF_MAX_SECONDS": "2",
            "UPLOAD_ORPHAN_GRACE_SECONDS": "5",
            "SIGNIN_RATE_LIMIT": "1000 per minute",
            "SUBMIT_RATE_LIMIT": "1000 per minute",
            "EVIDENCE_RATE_LIMIT": "1000 per minute",
            "RASA_URL": "http://127.0.0.1:9",
        }
        with (
            FlakyCourtSystem(hook_port, SECRET) as court,
            GunicornStack(folder, _free_port(), env) as stack,
        ):
            deadline = time.monotonic() + FILING_SECONDS
            clients = [
                Citizen(stack.url, email, factories.PASSWORD, case_id, n, CLUES, PHOTOS, deadline)
                for n, (email, case_id) in enumerate(citizens)
            ]
            threads = [threading.Thread(target=c.run, daemon=True) for c in clients]
            for thread in threads:
                thread.start()

            def acknowledged() -> int:
                return sum(len(c.filed) for c in clients)

            while acknowledged() < CITIZENS * CLUES // 3 and any(t.is_alive() for t in threads):
                time.sleep(0.05)
            acknowledged_before_kill = acknowledged()
            stack.kill_portal()
            killed_at = time.monotonic()
            left_by_kill = _leftover_files(uploads) - _attachment_files(app)
            planted = _plant_crash_leftovers(uploads)
            stack.start_portal()

            for thread in threads:
                thread.join(timeout=max(deadline - time.monotonic(), 1))
            errors = [f"citizen {c.number}: {e}" for c in clients for e in c.errors]
            assert not errors, errors
            assert all(not t.is_alive() for t in threads), "a citizen did not finish in time"
            assert acknowledged_before_kill < CITIZENS * CLUES, "the kill came after every clue was filed"
            assert sum(c.retries for c in clients) > 0, "no request was cut off by the kill"

            # The worker runs the hourly sweep now; the grace period (5 s here) has passed for the crash's files.
            time.sleep(max(0.0, killed_at + 6 - time.monotonic()))
            _enqueue(folder, sweep_task)

            with app.app_context():
                from portal.extensions import db

                # Every acknowledged clue exists once, with exactly the photos its citizen uploaded.
                rows = {s.idempotency_key: s for s in db.session.scalars(select(Submission))}
                filed = [f for c in clients for f in c.filed]
                assert len(filed) == CITIZENS * CLUES
                assert len(rows) == len(filed), "a retried filing created a second submission"
                for item in filed:
                    submission = rows[item.token]
                    assert submission.reference == item.reference
                    assert sorted(a.original_name for a in submission.attachments) == sorted(item.files)
                attachment_files = set(db.session.scalars(select(Attachment.stored_name)))
                db.session.rollback()

                # No file without its row, no row without its file (once the sweep has run).
                def folder_matches_rows() -> bool:
                    return _leftover_files(uploads) == attachment_files

                swept = _wait(folder_matches_rows, 30)
                assert attachment_files <= _leftover_files(uploads), "an attachment row points to a missing file"
                assert swept, f"files without a row remain: {sorted(_leftover_files(uploads) - attachment_files)}"
                assert not (planted & _leftover_files(uploads))

                # Every event reaches the court's system and is accepted once; the outbox shows it delivered.
                def all_delivered() -> bool:
                    _enqueue(folder, deliver_outbox_now)  # instead of waiting for the minute's sweep
                    pending = db.session.scalar(
                        select(func.count()).select_from(OutboxEvent).where(OutboxEvent.delivered_at.is_(None))
                    )
                    db.session.rollback()
                    return pending == 0

                assert _wait(all_delivered, DELIVERY_SECONDS, step=1.0), "outbox events still undelivered"
                events = set(db.session.scalars(select(OutboxEvent.id)))
                assert len(events) >= len(filed)
                assert set(court.accepted) == events
                assert all(count == 1 for count in court.accepted.values())
                assert not court.redelivered, f"events sent again after a 2xx: {dict(court.redelivered)}"
                assert court.failed > 0 and court.bad_signatures == 0

        print(  # noqa: T201 - shown with -s
            f"acknowledged before the kill {acknowledged_before_kill}/{len(filed)}; requests cut off and retried "
            f"{sum(c.retries for c in clients)}; files without a row right after the kill {sorted(left_by_kill)}; "
            f"attachments {len(attachment_files)}; webhook requests {court.requests}, answered 500 {court.failed}"
        )


def _attachment_files(app) -> set[str]:
    from portal.extensions import db

    with app.app_context():
        names = set(db.session.scalars(select(Attachment.stored_name)))
        db.session.rollback()
    return names


def _wait(check, seconds: float, step: float = 0.25) -> bool:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(step)
    return True
