from __future__ import annotations

from datetime import date

import pytest

from portal.extensions import db
from portal.models import Attachment, HistoryEntry, OutboxEvent, Submission
from tests.portal.submissions.conftest import photo, walk

VEHICLE = [{"clue_type": "vehicle"}, {"plate": "粤b·123 45", "vehicle": "白色宝马"}]


def test_urgent_vehicle_clue_with_a_photo_gets_a_3_day_deadline(client, applicant, fixed_day):
    _user, case = applicant
    check = walk(
        client,
        case.id,
        "property_clue",
        [*VEHICLE, {"urgent": "yes", "urgent_reason": "他要把车卖了"}],
        files=[photo()],
    )
    assert "粤B12345" in client.get(check).get_data(as_text=True)
    response = client.post(check)
    assert response.status_code == 302
    submission = db.session.query(Submission).one()
    assert submission.reference == f"ZB-2025-{submission.id:06d}"
    assert submission.urgent and submission.clock == "clue_verify_urgent"
    # 3 days from Thursday 2025-09-25 end on Sunday 09-28, an adjusted working day in 2025 (HF-00).
    assert submission.due_on == date(2025, 9, 28)
    assert submission.dedupe_key == "plate:粤B12345"
    assert len(submission.attachments) == 1
    assert db.session.query(HistoryEntry).filter_by(submission_id=submission.id).count() == 1
    assert db.session.query(OutboxEvent).count() == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert submission.reference in page
    assert "September 28, 2025" in page


def test_an_ordinary_clue_waits_out_the_national_day_holiday(client, applicant, fixed_day):
    _user, case = applicant
    check = walk(client, case.id, "property_clue", [*VEHICLE, {"urgent": "no"}])
    client.post(check)
    assert db.session.query(Submission).one().due_on == date(2025, 10, 9)


def test_the_same_plate_again_is_recognised_and_not_filed_twice(client, applicant, fixed_day):
    _user, case = applicant
    client.post(walk(client, case.id, "property_clue", [*VEHICLE, {"urgent": "no"}]))
    first = db.session.query(Submission).one()
    check = walk(client, case.id, "property_clue", [{"clue_type": "vehicle"}, {"plate": "粤B12345"}, {"urgent": "no"}])
    page = client.get(check).get_data(as_text=True)
    assert "The court already has this clue" in page
    assert first.reference in page
    assert client.post(check).status_code == 409
    assert db.session.query(Submission).count() == 1


def test_sending_twice_files_once(client, applicant, fixed_day):
    _user, case = applicant
    check = walk(client, case.id, "property_clue", [*VEHICLE, {"urgent": "no"}])
    first = client.post(check)
    second = client.post(check)
    assert first.headers["Location"] == second.headers["Location"]
    assert db.session.query(Submission).count() == 1


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"plate": "XY12345"}, "A plate starts with a province abbreviation"),
        ({"plate": ""}, "Enter the number plate."),
        ({"plate": "粤B1"}, "Enter the plate as it appears on the vehicle"),
    ],
    ids=["bad-province", "empty", "too-short"],
)
def test_a_bad_plate_is_explained_and_nothing_is_saved(client, applicant, details, message):
    _user, case = applicant
    client.get("/language/en")
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    details_url = client.post(start, data={"clue_type": "vehicle"}).headers["Location"]
    response = client.post(details_url, data=details)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.query(Submission).count() == 0


@pytest.mark.parametrize(
    ("clue", "details", "key"),
    [
        (
            "bank_account",
            {"bank_name": "工商银行", "account_number": "6222 0202 0000 1234 567"},
            "account:6222020200001234567",
        ),
        ("equity", {"company_name": "某公司", "credit_code": "91350100M000100Y43"}, "credit_code:91350100M000100Y43"),
    ],
)
def test_identifiers_are_normalised_for_duplicate_detection(client, applicant, clue, details, key):
    _user, case = applicant
    client.post(walk(client, case.id, "property_clue", [{"clue_type": clue}, details, {"urgent": "no"}]))
    assert db.session.query(Submission).one().dedupe_key == key


def test_a_bad_credit_code_check_character_is_caught(client, applicant):
    _user, case = applicant
    client.get("/language/en")
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    url = client.post(start, data={"clue_type": "equity"}).headers["Location"]
    response = client.post(url, data={"company_name": "某公司", "credit_code": "91350100M000100Y44"})
    assert response.status_code == 400
    assert "check each character" in response.get_data(as_text=True)


def test_urgency_needs_a_reason(client, applicant):
    _user, case = applicant
    client.get("/language/en")
    start = client.get(f"/submissions/new/property_clue/{case.id}").headers["Location"]
    url = client.post(start, data={"clue_type": "vehicle"}).headers["Location"]
    url = client.post(url, data={"plate": "粤B12345"}).headers["Location"]
    response = client.post(url, data={"urgent": "yes"})
    assert response.status_code == 400
    assert "Explain why the matter is urgent." in response.get_data(as_text=True)


def test_receipts_in_both_languages_are_real_pdfs(app, client, applicant, fixed_day):
    import io

    from flask_babel import force_locale
    from flask_babel import gettext as _
    from pypdf import PdfReader

    _user, case = applicant
    client.post(
        walk(
            client, case.id, "property_clue", [*VEHICLE, {"urgent": "yes", "urgent_reason": "要卖车"}], files=[photo()]
        )
    )
    reference = db.session.query(Submission).one().reference
    for lang in ("zh", "en"):
        with app.test_request_context(), force_locale(lang):
            label = _("Reference")
        pdf = client.get(f"/submissions/{reference}/receipt.pdf?lang={lang}")
        assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
        assert reference in text and "粤B12345" in text
        assert label in text
        assert (label != "Reference") == (lang == "zh")


def test_files_are_served_only_to_their_submitter(client, applicant, fixed_day):
    from tests import factories

    _user, case = applicant
    client.post(walk(client, case.id, "property_clue", [*VEHICLE, {"urgent": "no"}], files=[photo()]))
    submission = db.session.query(Submission).one()
    attachment = db.session.query(Attachment).one()
    url = f"/submissions/{submission.reference}/files/{attachment.id}"
    assert client.get(url).status_code == 200
    client.post("/accounts/sign-out")
    factories.sign_in(client, factories.citizen())
    assert client.get(url).status_code == 404
    assert client.get(f"/submissions/{submission.reference}").status_code == 404
    assert client.get(f"/submissions/{submission.reference}/receipt.pdf").status_code == 404
