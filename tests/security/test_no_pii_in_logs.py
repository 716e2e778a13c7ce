"""No personal data in logs: every record written while citizens and staff go through the main journeys is
searched for the identity numbers, names, phone numbers and email addresses of the people involved.

Records are captured at DEBUG from the root logger (stricter than production's INFO), with their arguments
and any exception text, while the test client drives: register, a failed and a good case link, the case
pages, a property clue with a photo and a phone number in it, staff claiming, asking for information,
the citizen replying, staff deciding, and the notification emails (console backend) going out.
"""

from __future__ import annotations

import io
import logging

import pytest

from portal.extensions import db
from portal.models import Notification, PartyRole
from portal.queue import decisions as catalogue
from portal.services.notifications import email_notification
from tests import factories
from tests.security import world as w

NEW_NAME = "上官婉清"
NEW_EMAIL = "shangguan.wanqing@example.com"
NEW_PHONE = "18688886666"
REPLY_PHONE = "13700001111"


def resident_id(first17: str) -> str:
    """A valid 18-character resident identity number (GB 11643 check character)."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(c) * k for c, k in zip(first17, weights, strict=True)) % 11]


NEW_ID = resident_id("44030519850612342")


def _pii(world) -> dict[str, str]:
    found = {
        "applicant id": factories.APPLICANT_ID,
        "debtor id": factories.DEBTOR_ID,
        "other id": factories.OTHER_ID,
        "new citizen id": NEW_ID,
        "new citizen id (lower-case x)": NEW_ID.lower(),
        "new citizen birth date": NEW_ID[6:14],
        "applicant name": w.APPLICANT_NAME,
        "debtor name": w.DEBTOR_NAME,
        "other name": w.OTHER_NAME,
        "new citizen name": NEW_NAME,
        "phone in a clue": NEW_PHONE,
        "phone in a reply": REPLY_PHONE,
        "applicant phone": w.APPLICANT_PHONE,
        "new citizen email": NEW_EMAIL,
        "access code": w.ACCESS_CODE,
        "password": factories.PASSWORD,
    }
    for actor, user in world.users.items():
        if user is not None:
            found[f"{actor} email"] = user.email
    return found


def _journeys(app, client, world) -> None:
    client.get("/language/zh")
    # A new citizen registers and links a case of their own (one wrong access code first).
    new_party = factories.person(NEW_NAME, NEW_ID)
    new_case = factories.case(applicant=new_party, events=w.TERMINATED, codes={"applicant": "MN4P-7RTW"})
    response = client.post(
        "/accounts/register",
        data={
            "display_name": NEW_NAME,
            "email": NEW_EMAIL,
            "password": "a long pass phrase",
            "confirm": "a long pass phrase",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    link = {"case_number": new_case.number, "id_number": NEW_ID, "access_code": "WRNG-CODE", "confirm_party": "y"}
    assert client.post("/accounts/link-case", data=link).status_code == 400
    response = client.post("/accounts/link-case", data={**link, "access_code": "MN4P-7RTW"})
    assert response.status_code == 302
    for url in ("/accounts/", f"/cases/{new_case.id}", "/submissions/"):
        assert client.get(url).status_code == 200
    client.post("/accounts/sign-out")

    # The applicant of the world files a clue with a photo and a phone number in it.
    factories.sign_in(client, world.users["applicant"])
    client.get(f"/cases/{world.case.id}")
    url = client.get(f"/submissions/new/property_clue/{world.case.id}").headers["Location"]
    url = client.post(url, data={"clue_type": "other"}).headers["Location"]
    details = f"{w.DEBTOR_NAME}把车停在他母亲家楼下，邻居电话 {NEW_PHONE}，身份证 {factories.DEBTOR_ID}"
    url = client.post(url, data={"description": details}).headers["Location"]
    url = client.post(url, data={"urgent": "yes", "urgent_reason": f"{w.DEBTOR_NAME}说下周卖车"}).headers["Location"]
    assert url.endswith("/evidence"), url
    photo = (io.BytesIO(w.jpeg()), f"{w.DEBTOR_NAME}的车 {NEW_PHONE}.jpg")
    response = client.post(url, data={"files": [photo], "continue": "1"}, content_type="multipart/form-data")
    assert response.status_code == 302
    response = client.post(response.headers["Location"])
    assert response.status_code == 302
    reference = response.headers["Location"].split("/")[-2]
    client.get(f"/submissions/{reference}")
    client.get(f"/submissions/{reference}/receipt.pdf")
    client.post("/accounts/sign-out")

    # Staff take it, ask for more, the citizen answers, staff decide.
    from portal.models import Submission

    submission = db.session.query(Submission).filter_by(reference=reference).one()
    factories.sign_in(client, world.users["staff"])
    client.get("/court/queue")
    client.get(f"/court/queue?q={w.DEBTOR_NAME}")
    client.get(f"/court/items/{submission.id}")
    client.post(f"/court/items/{submission.id}/claim")
    client.post(f"/court/items/{submission.id}/review")
    question = f"请{w.APPLICANT_NAME}提供车牌号，或拨打 {w.APPLICANT_PHONE} 联系我们"
    client.post(f"/court/items/{submission.id}/request-information", data={"question": question})
    client.post(f"/court/items/{submission.id}/note", data={"note": f"{w.DEBTOR_NAME} {factories.DEBTOR_ID}"})
    client.post("/accounts/sign-out")
    factories.sign_in(client, world.users["applicant"])
    client.post(f"/submissions/{reference}", data={"body": f"车牌 粤B12345，我的电话 {REPLY_PHONE}"})
    client.post("/accounts/sign-out")
    factories.sign_in(client, world.users["staff"])
    code = catalogue.for_kind(submission.kind)[0].code
    response = client.post(
        f"/court/items/{submission.id}/decide", data={"code": code, "text": f"已核实{w.DEBTOR_NAME}名下车辆"}
    )
    assert response.status_code == 302
    client.get("/court/queue.csv")
    client.post("/accounts/sign-out")
    for notification in db.session.query(Notification).all():
        email_notification(notification.id, now=w.NOW)
    # The debtor reads their page; a stranger tries the applicant's submission.
    factories.sign_in(client, world.users["debtor"])
    client.get(f"/cases/{world.case.id}/obligations")
    client.get(f"/submissions/{reference}")
    assert db.session.query(Notification).count() > 0


def _text(record: logging.LogRecord) -> str:
    parts = [record.getMessage(), record.name, str(record.args)]
    if record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    if record.exc_text:
        parts.append(record.exc_text)
    return "\n".join(parts)


def test_the_main_journeys_log_no_personal_data(app, client, world, caplog, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "console")
    caplog.set_level(logging.DEBUG)
    _journeys(app, client, world)
    records = caplog.records
    assert len(records) >= 5, "the journeys should leave some log records (submission received, mail ...)"
    leaks = []
    for record in records:
        text = _text(record)
        for what, value in _pii(world).items():
            if value and value in text:
                leaks.append(f"{what} in {record.name}:{record.lineno}: {record.getMessage()[:200]!r}")
        for name in (w.APPLICANT_NAME, w.DEBTOR_NAME, NEW_NAME):
            # A font subsetter lists the glyphs a PDF uses ("uni53F8"): every character of a name there spells it.
            if all(f"uni{ord(c):04X}" in text for c in name):
                leaks.append(f"the glyphs of {name} in {record.name}:{record.lineno}")
    assert not leaks, "personal data in log records:\n" + "\n".join(leaks)


@pytest.mark.parametrize("value", [factories.APPLICANT_ID, w.APPLICANT_NAME, w.APPLICANT_PHONE])
def test_the_check_itself_catches_a_leak(value, caplog, world):
    """The search above would see a leak: a record carrying the value as an argument is found."""
    caplog.set_level(logging.DEBUG)
    logging.getLogger("portal.test").info("looked up %s", value)
    assert any(value in _text(r) for r in caplog.records)
    assert value in _pii(world).values()


def test_the_citizen_links_under_the_journey(world):
    # The world's applicant is the party the journeys file for (a guard against a silently empty journey).
    assert world.case.parties_in(PartyRole.APPLICANT)[0].party.name == w.APPLICANT_NAME
