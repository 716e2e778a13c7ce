from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from portal.models import EventKind, PartyRole, RestrictionKind
from tests import factories

TERMINATED = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.NOTICE_SERVED, date(2023, 3, 6)),
    (EventKind.REPORT_ORDER, date(2023, 3, 6)),
    (EventKind.ONLINE_SEARCH, date(2023, 3, 15)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
]


# upload_dir, fixed_day and signed_in_party: tests/portal/conftest.py


@pytest.fixture()
def applicant(signed_in_party):
    return signed_in_party(PartyRole.APPLICANT, factories.APPLICANT_ID, TERMINATED)


@pytest.fixture()
def debtor(signed_in_party):
    """A signed-in debtor under a consumption restriction and a dishonest-debtor listing."""
    restrictions = [
        (RestrictionKind.CONSUMPTION, date(2023, 3, 25), {}),
        (RestrictionKind.DISHONEST, date(2023, 4, 1), {"ground": 1}),
    ]
    return signed_in_party(PartyRole.DEBTOR, factories.DEBTOR_ID, TERMINATED, restrictions=restrictions)


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
