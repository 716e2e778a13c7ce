"""Words for submission statuses, clocks and upload problems, in the user's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.models import SubmissionStatus

STATUS = {
    SubmissionStatus.RECEIVED: _l("Received"),
    SubmissionStatus.IN_REVIEW: _l("Being reviewed"),
    SubmissionStatus.AWAITING_INFORMATION: _l("The court needs more information from you"),
    SubmissionStatus.DECIDED: _l("Decided"),
    SubmissionStatus.CLOSED: _l("Closed"),
}

# What the deadline on a confirmation means, by relief.deadlines clock id.
CLOCK = {
    "clue_verify": _l("The court must check the clue by"),
    "clue_verify_urgent": _l("The court must check this urgent clue by"),
    "objection_ruling": _l("The court must rule on your objection by"),
    "complaint_log": _l("The court must log your complaint by"),
    "dishonest_correction_review": _l("The court must review your request by"),
    "reward_decision": _l("The court must decide by"),
    "urgent_travel": _l("The court handles urgent travel requests on"),
    "relief_decision": _l("The court must decide on your application by"),
    "inquiry_answer": _l("Court staff will answer by"),
}

UPLOAD = {
    "empty": _l("%(name)s is empty."),
    "too_large": _l("%(name)s is larger than 10 MB."),
    "bad_type": _l("%(name)s is not a JPEG, PNG or PDF file."),
    "corrupt": _l("%(name)s could not be read. It may be damaged."),
    "polyglot": _l("%(name)s contains content that is not allowed (for example scripts)."),
    "too_many_pixels": _l("%(name)s has too many pixels. Send a smaller photo."),
    "too_many_files": _l("You can add at most 10 files. %(name)s was not added."),
    "encrypted": _l("%(name)s is protected by a password. Send a copy without a password."),
}


def status(value: SubmissionStatus) -> str:
    return str(STATUS[value])


def clock(clock_id: str | None) -> str:
    return str(CLOCK.get(clock_id, "")) if clock_id else ""


def upload_message(code: str, *, name: str) -> str:
    return str(UPLOAD.get(code, UPLOAD["corrupt"])) % {"name": name}


def no_clock() -> str:
    return _("There is no fixed time limit for the court; it must act promptly.")


MESSAGE_KIND = {
    "information_request": _l("Question from the court"),
    "reply": _l("Answer from the citizen"),
    "decision": _l("Decision"),
    "note": _l("Internal note"),
    "message": _l("Message"),
}

HISTORY_ACTION = {
    "received": _l("Received"),
    "claimed": _l("Taken by a staff member"),
    "assigned": _l("Assigned"),
    "review_started": _l("Review started"),
    "information_requested": _l("More information requested"),
    "citizen_replied": _l("The citizen answered"),
    "note_added": _l("Internal note added"),
    "decided": _l("Decided"),
}


def message_kind(kind: str) -> str:
    return str(MESSAGE_KIND.get(kind, MESSAGE_KIND["message"]))


def history_action(action: str) -> str:
    return str(HISTORY_ACTION.get(action, action))


def status_code(value: str) -> str:
    try:
        return status(SubmissionStatus(value))
    except ValueError:
        return value
