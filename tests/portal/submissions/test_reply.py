from __future__ import annotations

import io

from portal.extensions import db
from portal.models import Attachment, HistoryEntry, Message, Submission, SubmissionStatus
from tests.portal.submissions.conftest import photo, walk


def _awaiting(client, case_id):
    client.post(
        walk(client, case_id, "property_clue", [{"clue_type": "vehicle"}, {"plate": "粤B12345"}, {"urgent": "no"}])
    )
    submission = db.session.query(Submission).one()
    submission.status = SubmissionStatus.AWAITING_INFORMATION
    submission.messages.append(Message(kind="information_request", body="请提供车辆照片"))
    db.session.commit()  # as the court's own request would be
    return submission


def test_the_citizen_answers_a_request_for_information_with_a_file(client, applicant, fixed_day):
    _user, case = applicant
    submission = _awaiting(client, case.id)
    page = client.get(f"/submissions/{submission.reference}").get_data(as_text=True)
    assert "请提供车辆照片" in page and 'id="reply-form"' in page
    buffer, name = photo()
    response = client.post(
        f"/submissions/{submission.reference}",
        data={"body": "照片见附件", "files": [(buffer, name)]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    db.session.refresh(submission)
    assert submission.status is SubmissionStatus.IN_REVIEW
    assert db.session.query(Attachment).filter_by(submission_id=submission.id).one().message_id is not None
    assert [h.action for h in db.session.query(HistoryEntry).order_by(HistoryEntry.id)] == [
        "received",
        "citizen_replied",
    ]


def test_a_reply_with_a_bad_file_changes_nothing(client, applicant, fixed_day, upload_dir):
    _user, case = applicant
    submission = _awaiting(client, case.id)
    client.get("/language/en")
    response = client.post(
        f"/submissions/{submission.reference}",
        data={"body": "见附件", "files": [(io.BytesIO(b"not an image"), "x.png")]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "is not a JPEG, PNG or PDF file" in response.get_data(as_text=True)
    db.session.refresh(submission)
    assert submission.status is SubmissionStatus.AWAITING_INFORMATION
    assert db.session.query(Message).filter_by(kind="reply").count() == 0


def test_no_reply_when_the_court_has_not_asked(client, applicant, fixed_day):
    _user, case = applicant
    client.post(
        walk(client, case.id, "property_clue", [{"clue_type": "vehicle"}, {"plate": "粤B12345"}, {"urgent": "no"}])
    )
    submission = db.session.query(Submission).one()
    response = client.post(f"/submissions/{submission.reference}", data={"body": "hello"})
    assert response.status_code == 409
    assert db.session.query(Message).count() == 0
