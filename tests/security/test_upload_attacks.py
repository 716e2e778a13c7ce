"""Upload attacks through the real evidence form and back out through the downloads.

tests/portal/test_uploads.py proves the upload module file by file; this file attacks the HTTP path around
it: a multipart Content-Type that lies, polyglots and bombs posted as a browser would, SVG and HTML named as
pictures, a request over the size limit, more files than allowed, and hostile file names, which must never
choose where a file is stored nor break the download's headers.
"""

from __future__ import annotations

import io
import re

import pytest
from werkzeug.datastructures import FileStorage

from portal.extensions import db
from portal.models import Attachment
from tests import factories
from tests.portal.test_uploads import _jpeg_with_comment, _pdf, _png, _with_ihdr_size
from tests.security.world import jpeg


def _file(content: bytes, name: str, content_type: str = "application/octet-stream") -> FileStorage:
    return FileStorage(io.BytesIO(content), filename=name, content_type=content_type)


@pytest.fixture()
def applicant(app, world):
    client = app.test_client()
    factories.sign_in(client, world.users["applicant"])
    client.get("/language/en")
    return client


def _post(client, world, *files: FileStorage):
    return client.post(
        f"/submissions/drafts/{world.draft.token}/evidence",
        data={"files": list(files), "upload": "1"},
        content_type="multipart/form-data",
    )


def _stored(world) -> list[Attachment]:
    db.session.expire_all()
    return list(db.session.query(Attachment).filter_by(draft_id=world.draft.id))


@pytest.mark.parametrize(
    ("content", "name", "declared", "message"),
    [
        pytest.param(
            b"<html><script>alert(1)</script></html>", "photo.jpg", "image/jpeg", "is not a JPEG", id="html-said-jpeg"
        ),
        pytest.param(
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "plate.png",
            "image/png",
            "is not a JPEG",
            id="svg-said-png",
        ),
        pytest.param(b"<svg/onload=alert(1)>", "plate.svg", "image/svg+xml", "is not a JPEG", id="svg"),
        pytest.param(b"MZ\x90\x00" + b"\0" * 64, "scan.pdf", "application/pdf", "is not a JPEG", id="exe-said-pdf"),
        pytest.param(
            jpeg() + b"<html><script>alert(1)</script>", "car.jpg", "image/jpeg", "not allowed", id="jpeg-then-html"
        ),
        pytest.param(
            _jpeg_with_comment(b"<script>alert(1)</script>"),
            "car.jpg",
            "image/jpeg",
            "not allowed",
            id="script-in-jpeg",
        ),
        pytest.param(_png() + b"<!DOCTYPE html><p>", "car.png", "image/png", "not allowed", id="html-after-png"),
        pytest.param(
            _pdf(b"3 0 obj\n<< /S /JavaScript /JS (app.alert(1)) >>\nendobj\n"),
            "bank.pdf",
            "application/pdf",
            "not allowed",
            id="pdf-javascript",
        ),
        pytest.param(
            _with_ihdr_size(_png(), 60_000, 60_000), "huge.png", "image/png", "too many pixels", id="png-bomb"
        ),
    ],
)
def test_hostile_files_are_refused_whatever_the_browser_declares(applicant, world, content, name, declared, message):
    response = _post(applicant, world, _file(content, name, declared))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _stored(world) == []


def test_a_real_photo_declared_as_html_is_stored_and_served_as_a_photo(applicant, world):
    response = _post(applicant, world, _file(jpeg(), "car.jpg", "text/html"))
    assert response.status_code == 302
    (item,) = _stored(world)
    assert item.content_type == "image/jpeg"


@pytest.mark.parametrize(
    "name",
    [
        "../../../../etc/passwd.jpg",
        "..\\..\\windows\\win.ini.jpg",
        "/absolute/path.jpg",
        "car\r\nContent-Type: text/html\r\n\r\n<script>.jpg",
        'car";\r\nSet-Cookie: session=x; .jpg',
        "\x00\x1b[31mred\x07.jpg",
        "\u202egpj.exe",
        "车辆照片" * 80 + ".jpg",
    ],
    ids=[
        "unix-traversal",
        "windows-traversal",
        "absolute",
        "header-injection",
        "quote-and-cookie",
        "control",
        "rtl",
        "long",
    ],
)
def test_hostile_names_never_choose_the_path_nor_break_the_download(app, applicant, world, upload_dir, name):
    response = _post(applicant, world, _file(jpeg(), name, "image/jpeg"))
    assert response.status_code == 302
    stored = _stored(world)
    if not stored:
        # A line break inside the multipart header ends the part's name there: no file arrived at all.
        assert "\r\n" in name
        return
    (item,) = stored
    assert re.fullmatch(r"[0-9a-f]{32}\.(jpg|png|pdf)", item.stored_name), item.stored_name
    assert (upload_dir / item.stored_name).is_file()
    assert not any(c in item.original_name for c in "/\\\r\n\x00\x1b\x07\u202e")
    assert len(item.original_name) <= 200
    # The file leaves again as an attachment with the sniffed type, and the name cannot add a header.
    page = applicant.get(f"/submissions/drafts/{world.draft.token}/evidence")
    assert "<script>" not in page.get_data(as_text=True)
    applicant.post(f"/submissions/drafts/{world.draft.token}/check")
    download = applicant.get(f"/submissions/{_reference(world)}/files/{item.id}")
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "image/jpeg"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in download.headers
    assert all("\r" not in v and "\n" not in v for _k, v in download.headers.items())


def _reference(world) -> str:
    from portal.models import Draft, Submission

    db.session.expire_all()
    return db.session.get(Submission, db.session.get(Draft, world.draft.id).submission_id).reference


def test_more_files_than_allowed_are_refused_past_the_limit(applicant, world):
    files = [_file(jpeg(), f"car{i}.jpg", "image/jpeg") for i in range(11)]
    response = _post(applicant, world, *files)
    assert response.status_code == 400
    assert "at most 10 files" in response.get_data(as_text=True)
    assert len(_stored(world)) == 10


def test_a_request_over_the_size_limit_gets_the_translated_413_page(app, applicant, world, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 512 * 1024)
    for lang, text in (("en", "The upload is too large"), ("zh", "上传")):
        applicant.get(f"/language/{lang}")
        response = _post(applicant, world, _file(b"\xff\xd8\xff" + b"\0" * (600 * 1024), "big.jpg", "image/jpeg"))
        assert response.status_code == 413
        assert text in response.get_data(as_text=True)
    assert _stored(world) == []


def test_an_upload_to_someone_elses_draft_is_refused(app, world):
    client = app.test_client()
    factories.sign_in(client, world.users["other_applicant"])
    response = _post(client, world, _file(jpeg(), "car.jpg", "image/jpeg"))
    assert response.status_code == 404
    assert _stored(world) == []
