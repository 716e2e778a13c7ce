"""Evidence uploads through the form: hostile files are refused with a clear message and leave nothing behind."""

from __future__ import annotations

import io

import pytest

from portal.extensions import db
from portal.models import Attachment, Submission
from tests.portal.submissions.conftest import photo, walk


def _evidence_url(client, case_id):
    client.get("/language/en")
    start = client.get(f"/submissions/new/property_clue/{case_id}").headers["Location"]
    url = client.post(start, data={"clue_type": "vehicle"}).headers["Location"]
    url = client.post(url, data={"plate": "粤B12345"}).headers["Location"]
    return client.post(url, data={"urgent": "no"}).headers["Location"]


def _upload(client, url, content: bytes, name: str):
    return client.post(
        url, data={"files": [(io.BytesIO(content), name)], "upload": "1"}, content_type="multipart/form-data"
    )


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"just some text, not a picture", "photo.jpg", "is not a JPEG, PNG or PDF file"),
        (
            b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF",
            "doc.pdf",
            "contains content that is not allowed",
        ),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "broken.jpg", "could not be read"),
        (b"", "empty.png", "is empty"),
    ],
    ids=["text-as-jpeg", "pdf-with-javascript", "truncated-jpeg", "empty"],
)
def test_hostile_files_are_refused_and_nothing_is_stored(client, applicant, upload_dir, content, name, message):
    _user, case = applicant
    url = _evidence_url(client, case.id)
    response = _upload(client, url, content, name)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.query(Attachment).count() == 0
    assert not any(upload_dir.glob("*")) if upload_dir.exists() else True


def test_an_oversized_file_is_refused(client, applicant, upload_dir):
    _user, case = applicant
    url = _evidence_url(client, case.id)
    big = b"\x89PNG\r\n\x1a\n" + b"\x00" * (10 * 1024 * 1024 + 10)
    response = _upload(client, url, big, "huge.png")
    assert response.status_code == 400
    assert "larger than 10 MB" in response.get_data(as_text=True)
    assert db.session.query(Attachment).count() == 0


def test_a_path_traversal_name_is_stored_under_a_random_name(client, applicant, upload_dir):
    _user, case = applicant
    url = _evidence_url(client, case.id)
    buffer, _ = photo()
    assert _upload(client, url, buffer.read(), "../../etc/passwd.jpg").status_code == 302
    attachment = db.session.query(Attachment).one()
    assert "/" not in attachment.original_name and ".." not in attachment.original_name.split("/")
    stored = list(upload_dir.iterdir())
    assert [p.name for p in stored] == [attachment.stored_name]
    assert stored[0].resolve().parent == upload_dir.resolve()


def test_an_eleventh_file_is_refused(client, applicant, upload_dir):
    _user, case = applicant
    url = _evidence_url(client, case.id)
    for i in range(10):
        buffer, _ = photo(f"p{i}.png", fmt="PNG")
        assert _upload(client, url, buffer.read(), f"p{i}.png").status_code == 302
    buffer, _ = photo("p10.png", fmt="PNG")
    response = _upload(client, url, buffer.read(), "p10.png")
    assert response.status_code == 400
    assert "at most 10 files" in response.get_data(as_text=True)
    assert db.session.query(Attachment).count() == 10


def test_removing_a_file_deletes_its_row_and_its_file(client, applicant, upload_dir):
    _user, case = applicant
    url = _evidence_url(client, case.id)
    buffer, _ = photo()
    _upload(client, url, buffer.read(), "car.jpg")
    attachment = db.session.query(Attachment).one()
    client.post(url, data={"remove": str(attachment.id)})
    assert db.session.query(Attachment).count() == 0
    assert list(upload_dir.iterdir()) == []


def test_files_move_with_the_draft_into_the_submission(client, applicant, upload_dir, fixed_day):
    _user, case = applicant
    check = walk(
        client,
        case.id,
        "property_clue",
        [{"clue_type": "vehicle"}, {"plate": "粤B12345"}, {"urgent": "no"}],
        files=[photo()],
    )
    client.post(check)
    submission = db.session.query(Submission).one()
    attachment = db.session.query(Attachment).one()
    assert attachment.submission_id == submission.id
    assert (upload_dir / attachment.stored_name).exists()
