"""One small court world for the security tests: two courts, two cases, every kind of actor, real objects.

Built with the plain factories and the real services (a draft answered page by page, a photo stored on
disk, the draft filed), so each object is the one a citizen or a clerk would really reach.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from PIL import Image

from portal.extensions import db
from portal.models import Attachment, CaseStatus, Draft, EventKind, PartyRole, StaffRole, Submission, User
from portal.services import drafts, submissions
from portal.submissions.kinds import KINDS
from tests import factories

TERMINATED = [
    (EventKind.FILED, date(2023, 3, 1)),
    (EventKind.NOTICE_SERVED, date(2023, 3, 6)),
    (EventKind.REPORT_ORDER, date(2023, 3, 6)),
    (EventKind.ONLINE_SEARCH, date(2023, 3, 15)),
    (EventKind.TERMINATION_RULING, date(2023, 7, 10)),
    (EventKind.TERMINATION_SERVED, date(2023, 7, 14)),
]
NOW = datetime(2025, 9, 25, 2, 0, tzinfo=UTC)

# Personal data of the world: none of it may ever appear in a log record (test_no_pii_in_logs.py).
APPLICANT_NAME, DEBTOR_NAME, OTHER_NAME = "欧阳明轩", "司马建国", "诸葛晓燕"
APPLICANT_PHONE = "13912345678"
ACCESS_CODE = "KQ7M-3XPA"

ACTORS = ("anonymous", "applicant", "other_applicant", "debtor", "staff", "other_staff", "admin")


@dataclass
class World:
    users: dict[str, User | None]
    case: object
    other_case: object
    submission: Submission
    attachment: Attachment
    draft: Draft
    extra: dict = field(default_factory=dict)


def jpeg(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def build() -> World:
    home = factories.court()
    away = factories.court("浙0102", "33")
    applicant_party = factories.person(APPLICANT_NAME, factories.APPLICANT_ID)
    debtor_party = factories.person(DEBTOR_NAME, factories.DEBTOR_ID)
    other_party = factories.person(OTHER_NAME, factories.OTHER_ID)
    codes = {"applicant": ACCESS_CODE, "debtor": ACCESS_CODE}
    case = factories.case(applicant=applicant_party, debtor=debtor_party, events=TERMINATED, codes=codes)
    other_case = factories.case(applicant=other_party, events=TERMINATED, status=CaseStatus.TERMINATED)
    other_case.court = away
    db.session.flush()
    users = {
        "anonymous": None,
        "applicant": factories.citizen(resident_id=factories.APPLICANT_ID),
        "other_applicant": factories.citizen(resident_id=factories.OTHER_ID),
        "debtor": factories.citizen(resident_id=factories.DEBTOR_ID),
        "staff": factories.staff(StaffRole.HANDLER, home),
        "other_staff": factories.staff(StaffRole.HANDLER, away),
        "admin": factories.staff(StaffRole.ADMINISTRATOR, home),
    }
    factories.link(users["applicant"], case, PartyRole.APPLICANT)
    factories.link(users["other_applicant"], other_case, PartyRole.APPLICANT)
    factories.link(users["debtor"], case, PartyRole.DEBTOR)

    spec = KINDS["property_clue"]
    filed = drafts.start(users["applicant"], case.id, spec, today=NOW.date())
    drafts.save_step(filed, spec, {"clue_type": "vehicle", "plate": "粤B12345", "urgent": "no"})
    attachment = drafts.attach(filed, users["applicant"], io.BytesIO(jpeg()), "车辆照片.jpg")
    submission = submissions.submit(filed, spec, users["applicant"], language="zh", now=NOW)
    # A second, open draft: the draft pages are reached through it.
    open_draft = drafts.start(users["applicant"], case.id, spec, today=NOW.date())
    return World(users, case, other_case, submission, attachment, open_draft)
