"""The citizen's own list of submissions: newest first, a page at a time, nobody else's."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from portal.extensions import db
from portal.models import Draft, Submission, SubmissionKind
from portal.services.drafts import OPEN_DRAFTS_SHOWN
from portal.services.submissions import MY_PAGE_SIZE
from tests import factories


def _file(case, submitter) -> Submission:
    return factories.submission(case, submitter, received_at=datetime(2026, 11, 1, tzinfo=UTC))


def _references(page: str) -> list[str]:
    return re.findall(r">(ZB-\d{4}-\d{6})</a>", page)


@pytest.mark.parametrize(
    ("lang", "older", "newest"), [("zh", "更早的提交", "最新的提交"), ("en", "Older submissions", "Newest")]
)
def test_a_long_list_pages_newest_first(client, applicant, lang, older, newest):
    user, case = applicant
    client.get(f"/language/{lang}")
    filed = [_file(case, user).reference for _ in range(MY_PAGE_SIZE + 5)]
    other = _file(case, factories.citizen()).reference

    first = client.get("/submissions/").get_data(as_text=True)
    assert _references(first) == filed[::-1][:MY_PAGE_SIZE]
    assert other not in first and older in first
    next_url = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")

    second = client.get(next_url).get_data(as_text=True)
    assert _references(second) == filed[::-1][MY_PAGE_SIZE:]
    assert older not in second and newest in second and other not in second


@pytest.mark.parametrize("before", ["abc", "²", "9" * 40, "-1"])
def test_a_mangled_cursor_shows_the_first_page(client, applicant, before):
    user, case = applicant
    reference = _file(case, user).reference
    response = client.get(f"/submissions/?before={before}")
    assert response.status_code == 200 and reference in response.get_data(as_text=True)


def _drafts_offered(client) -> list[str]:
    page = client.get("/submissions/").get_data(as_text=True)
    return re.findall(r'href="(/submissions/new/[^"]+)"', page.split("<h2>", 2)[1])


def test_unsent_drafts_show_once_per_kind_and_case(client, applicant):
    user, case = applicant
    for n in range(30):  # what an account that copies drafts leaves behind
        db.session.add(Draft(token=f"copy-{n}", kind=SubmissionKind.PROPERTY_CLUE, user_id=user.id, case_id=case.id))
    db.session.add(Draft(token="other-kind", kind=SubmissionKind.RESUMPTION, user_id=user.id, case_id=case.id))
    db.session.flush()
    assert sorted(_drafts_offered(client)) == sorted(
        {f"/submissions/new/property_clue/{case.id}", f"/submissions/new/resumption_request/{case.id}"}
    )


def test_at_most_ten_unsent_drafts_show_the_most_recently_touched(client, applicant):
    user, _case = applicant
    cases = [factories.case() for _ in range(OPEN_DRAFTS_SHOWN + 2)]
    for n, other in enumerate(cases):
        touched = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=n)
        db.session.add(
            Draft(
                token=f"d-{n}", kind=SubmissionKind.PROPERTY_CLUE, user_id=user.id, case_id=other.id, updated_at=touched
            )
        )
    db.session.flush()
    newest_first = [f"/submissions/new/property_clue/{c.id}" for c in reversed(cases)]
    assert _drafts_offered(client) == newest_first[:OPEN_DRAFTS_SHOWN]
