"""POST /api/v1/inquiries: a message for court staff, handed over by the assistant with its transcript.

Anyone may send one; with a chat token the inquiry is the user's, and it is linked to the case named
when the user proved to be its party. It lands in that court's queue (or the default court's) with the
2-working-day clock, and the answer names its reference and the date staff answer by.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from portal.api import bp, replies, tokens
from portal.api.auth import TokenRefused
from portal.auth import API_TOKEN, access
from portal.clock import now
from portal.i18n import current_locale
from portal.services import inquiries

MAX_MESSAGE = 2000
MAX_LINE = 2000
MAX_LINES = 100  # accepted; the last KEEP_LINES are kept
KEEP_LINES = 40


def _transcript(value: Any, problems: dict) -> list[inquiries.Line]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_LINES:
        problems["transcript"] = "wrong_type" if not isinstance(value, list) else "too_long"
        return []
    lines = []
    for index, item in enumerate(value):
        speaker = item.get("from") if isinstance(item, dict) else None
        text = item.get("text") if isinstance(item, dict) else None
        if speaker not in ("user", "bot"):
            problems[f"transcript[{index}].from"] = "unknown_value"
        elif not isinstance(text, str):
            problems[f"transcript[{index}].text"] = "wrong_type"
        elif len(text) > MAX_LINE:
            problems[f"transcript[{index}].text"] = "too_long"
        elif text.strip():
            lines.append(inquiries.Line(speaker, text.strip()))
    return lines[-KEEP_LINES:]


def parse(body: Any) -> dict:
    if not isinstance(body, dict):
        raise replies.Invalid({"body": "wrong_type"})
    problems: dict[str, str] = {}
    message = body.get("message")
    if message is None or (isinstance(message, str) and not message.strip()):
        problems["message"] = "required"
    elif not isinstance(message, str):
        problems["message"] = "wrong_type"
    elif len(message) > MAX_MESSAGE:
        problems["message"] = "too_long"
    transcript = _transcript(body.get("transcript"), problems)
    language = body.get("language")
    if language is not None and language not in ("zh", "en"):
        problems["language"] = "unknown_value"
    case_number = body.get("case_number")
    if case_number is not None and not isinstance(case_number, str):
        problems["case_number"] = "wrong_type"
    elif case_number is not None and len(case_number) > 60:
        problems["case_number"] = "too_long"
    if problems:
        raise replies.Invalid(problems)
    return {
        "message": message.strip(),
        "transcript": transcript,
        "language": language or current_locale(),
        "case_number": (case_number or "").strip() or None,
    }


@bp.route("/inquiries", methods=["POST"])
@access(API_TOKEN)
def create_inquiry():
    try:
        user = tokens.optional_user()
        values = parse(request.get_json(silent=True))
    except TokenRefused as refused:
        return replies.error(refused.code, 401)
    except replies.Invalid as invalid:
        return replies.error("invalid_request", 400, fields=invalid.fields)
    submission = inquiries.create(user, now=now(), **values)
    return jsonify({"reference": submission.reference, "answer_by": submission.due_on.isoformat()}), 201


OPENAPI_COMPONENTS = {
    "schemas": {
        "InquiryRequest": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "message": {"type": "string", "minLength": 1, "maxLength": MAX_MESSAGE},
                "transcript": {
                    "type": "array",
                    "maxItems": MAX_LINES,
                    "description": f"the conversation, oldest first; the last {KEEP_LINES} lines are kept",
                    "items": {
                        "type": "object",
                        "required": ["from", "text"],
                        "properties": {
                            "from": {"enum": ["user", "bot"]},
                            "text": {"type": "string", "maxLength": MAX_LINE},
                        },
                    },
                },
                "language": {"enum": ["zh", "en"]},
                "case_number": {
                    "type": ["string", "null"],
                    "maxLength": 60,
                    "description": "linked only if the token's user is a party of this case",
                },
            },
        },
        "Inquiry": {
            "type": "object",
            "required": ["reference", "answer_by"],
            "properties": {"reference": {"type": "string"}, "answer_by": {"type": "string", "format": "date"}},
        },
    }
}

OPENAPI_PATHS = {
    "/inquiries": {
        "post": {
            "summary": "Send court staff a message (the assistant's hand-over); a chat token is optional",
            "operationId": "createInquiry",
            "security": [{}, {"chatToken": []}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InquiryRequest"}}},
            },
            "responses": {
                "201": {
                    "description": "Filed in the court queue",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Inquiry"}}},
                },
                "400": {
                    "description": "invalid_request, with the fields",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatError"}}},
                },
                "401": {"$ref": "#/components/responses/ChatTokenRefused"},
            },
        }
    }
}
