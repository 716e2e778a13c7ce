from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from portal.models import CaseStatus, EventKind, PartyRole, RestrictionKind
from tests import factories

TERMINATED = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.NOTICE_SERVED, date(2023, 3, 6)),
    (EventKind.REPORT_ORDER, date(2023, 3, 6)),
    (EventKind.ONLINE_SEARCH, date(2023, 3, 15)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
]


@pytest.fixture()
def upload_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


@pytest.fixture()
def fixed_day(app, monkeypatch):
    # Thursday 2025-09-25: a 7-day clock ends inside the National Day holiday (HF-00's own example).
    monkeypatch.setitem(app.config, "FIXED_TODAY", "2025-09-25")
    return date(2025, 9, 25)


@pytest.fixture()
def applicant(client, session, upload_dir):
    user = factories.citizen(resident_id=factories.APPLICANT_ID)
    case = factories.case(status=CaseStatus.TERMINATED, events=TERMINATED)
    factories.link(user, case, PartyRole.APPLICANT)
    factories.sign_in(client, user)
    return user, case


@pytest.fixture()
def debtor(client, session, upload_dir):
    user = factories.citizen(resident_id=factories.DEBTOR_ID)
    case = factories.case(status=CaseStatus.TERMINATED, events=TERMINATED)
    factories.restriction(case, RestrictionKind.CONSUMPTION, date(2023, 3, 25))
    factories.restriction(case, RestrictionKind.DISHONEST, date(2023, 4, 1), ground=1)
    factories.link(user, case, PartyRole.DEBTOR)
    factories.sign_in(client, user)
    return user, case


def photo(name: str = "car.jpg", *, size=(64, 48), fmt="JPEG") -> tuple[io.BytesIO, str]:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    buffer.seek(0)
    return buffer, name


def walk(client, case_id: int, kind: str, pages: list[dict], files=None, lang="en"):
    """Start a draft, answer each page in order, add files, and return the check page's URL."""
    client.get(f"/language/{lang}")
    response = client.get(f"/submissions/new/{kind}/{case_id}")
    assert response.status_code == 302, response.status_code
    url = response.headers["Location"]
    for data in pages:
        response = client.post(url, data=data)
        assert response.status_code == 302, (url, response.status_code, response.get_data(as_text=True)[-3000:])
        url = response.headers["Location"]
    if url.endswith("/evidence"):
        data = {"continue": "1"}
        if files:
            data["files"] = files
        response = client.post(url, data=data, content_type="multipart/form-data")
        assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
        url = response.headers["Location"]
    assert url.endswith("/check"), url
    return url
