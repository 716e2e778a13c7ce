"""The sweep of upload files a crash left behind: only our own names, only without a row, only once old enough."""

from __future__ import annotations

import io
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from portal.jobs import huey
from portal.models import Draft, PartyRole, SubmissionKind
from portal.services import drafts
from tests import factories

OLD = time.time() - 7200


def _aged(path: Path, when: float = OLD) -> Path:
    os.utime(path, (when, when))
    return path


def _photo() -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "JPEG")
    out.seek(0)
    return out


def test_the_sweep_removes_old_files_without_rows_and_keeps_the_rest(app, session, tmp_path):
    original = app.config["UPLOAD_FOLDER"]
    app.config["UPLOAD_FOLDER"] = str(tmp_path)
    try:
        user = factories.citizen()
        case = factories.case()
        factories.link(user, case, PartyRole.APPLICANT)
        draft = Draft(token="sweep-test-token", user_id=user.id, kind=SubmissionKind.PROPERTY_CLUE, case_id=case.id)
        session.add(draft)
        session.commit()
        kept = _aged(tmp_path / drafts.attach(draft, user, _photo(), "car.jpg").stored_name)
        orphan = tmp_path / ("0f" * 16 + ".png")  # written, then the process died before its row committed
        orphan.write_bytes(b"\x89PNG")
        _aged(orphan)
        half_written = tmp_path / ".upload-x1y2.tmp"
        half_written.write_bytes(b"\x89PNG")
        _aged(half_written)
        recent = tmp_path / ("1e" * 16 + ".pdf")  # maybe a request between writing and committing right now
        recent.write_bytes(b"%PDF-")
        stranger = tmp_path / "notes.txt"  # not ours: never touched
        stranger.write_text("x")
        _aged(stranger)

        assert drafts.sweep_orphan_uploads(now=datetime.now(UTC)) == 2

        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept.name, recent.name, stranger.name])
    finally:
        app.config["UPLOAD_FOLDER"] = original


def test_the_sweep_runs_every_hour_on_the_worker():
    assert "portal.tasks.uploads.sweep_orphan_uploads" in huey._registry._registry
    periodic = {type(task).__name__ for task in huey._registry.periodic_tasks}
    assert "sweep_orphan_uploads" in periodic
