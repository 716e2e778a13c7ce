"""POST /api/v1/drafts: the assistant hands a property clue or resumption request over to the web form.

The draft belongs to the chat token's user and opens prefilled at the returned URL; the citizen checks
and submits it there, so nothing reaches the court from the chat alone.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from portal.api import bp, replies, tokens
from portal.api.auth import TokenRefused
from portal.auth import API_TOKEN, access
from portal.clock import today
from portal.errors import NotFound
from portal.models import SubmissionKind
from portal.services import chat_drafts
from portal.services.drafts import NotAllowed

MAX_DETAILS = 4000


def _optional_str(body: dict, key: str, max_length: int, problems: dict, path: str | None = None) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        problems[path or key] = "wrong_type"
        return None
    if len(value) > max_length:
        problems[path or key] = "too_long"
        return None
    return value.strip() or None


def parse(body: Any) -> dict:
    """The request's values, or replies.Invalid naming every field that is wrong."""
    if not isinstance(body, dict):
        raise replies.Invalid({"body": "wrong_type"})
    problems: dict[str, str] = {}
    kind = body.get("kind")
    if kind is None:
        problems["kind"] = "required"
    elif not isinstance(kind, str):
        problems["kind"] = "wrong_type"
    elif kind not in {k.value for k in chat_drafts.CHAT_KINDS}:
        problems["kind"] = "unknown_value"
    case_number = _optional_str(body, "case_number", 60, problems)
    answers = body.get("answers", {})
    if not isinstance(answers, dict):
        problems["answers"] = "wrong_type"
        answers = {}
    clue_type = _optional_str(answers, "clue_type", 40, problems, "answers.clue_type")
    if clue_type is not None and clue_type not in chat_drafts.CLUE_TYPES:
        problems["answers.clue_type"] = "unknown_value"
    details = _optional_str(answers, "details", MAX_DETAILS, problems, "answers.details") or ""
    fields = {}
    for name in chat_drafts.FIELD_NAMES:
        value = _optional_str(answers, name, chat_drafts.FIELD_MAX_LENGTH, problems, f"answers.{name}")
        if value is not None:
            fields[name] = value
    language = answers.get("language")
    if language is not None and language not in ("zh", "en"):
        problems["answers.language"] = "unknown_value"
    if problems:
        raise replies.Invalid(problems)
    return {
        "kind": SubmissionKind(kind),
        "case_number": case_number,
        "clue_type": clue_type,
        "details": details,
        "fields": fields,
    }


@bp.route("/drafts", methods=["POST"])
@access(API_TOKEN)
def create_draft():
    try:
        user = tokens.require_user()
        values = parse(request.get_json(silent=True))
        result = chat_drafts.open_from_chat(user, values.pop("kind"), today=today(), **values)
    except TokenRefused as refused:
        return replies.error(refused.code, 401)
    except replies.Invalid as invalid:
        return replies.error("invalid_request", 400, fields=invalid.fields)
    except NotFound:
        return replies.error("case_not_found", 404)
    except chat_drafts.NoCase:
        return replies.error("no_case", 404)
    except NotAllowed:
        return replies.error("kind_not_allowed", 400)
    return jsonify({"url": result.url, "case_number": result.draft.case.number}), 201


OPENAPI_COMPONENTS = {
    "schemas": {
        "ChatDraftRequest": {
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {"enum": [k.value for k in chat_drafts.CHAT_KINDS]},
                "case_number": {
                    "type": ["string", "null"],
                    "maxLength": 60,
                    "description": "one of the user's linked cases; null: their most recent case that fits",
                },
                "answers": {
                    "type": "object",
                    "properties": {
                        "clue_type": {"enum": [*chat_drafts.CLUE_TYPES, None]},
                        "details": {"type": ["string", "null"], "maxLength": MAX_DETAILS},
                        "language": {"enum": ["zh", "en", None]},
                        **{
                            name: {"type": ["string", "null"], "maxLength": chat_drafts.FIELD_MAX_LENGTH}
                            for name in chat_drafts.FIELD_NAMES
                        },
                    },
                    "description": (
                        "details: the user's words, kept whole in the clue page's free-text field. The other "
                        "string fields are what the assistant recognised in them, by web-form field name; "
                        "those the clue type's page has are prefilled ("
                        + "; ".join(f"{kind}: {', '.join(names)}" for kind, names in chat_drafts.CLUE_FIELDS.items())
                        + "), the others are ignored. Identifiers are normalised as the form does."
                    ),
                },
            },
        },
        "ChatDraft": {
            "type": "object",
            "required": ["url", "case_number"],
            "properties": {
                "url": {"type": "string", "description": "/submissions/drafts/<token>/<page>: the prefilled form"},
                "case_number": {"type": "string"},
            },
        },
    }
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatError"}}},
    }


OPENAPI_PATHS = {
    "/drafts": {
        "post": {
            "summary": "Open a prefilled property-clue or resumption draft for the signed-in citizen",
            "operationId": "createChatDraft",
            "security": [{"chatToken": []}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatDraftRequest"}}},
            },
            "responses": {
                "201": {
                    "description": "The draft (new or the user's open one) and where to continue it",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatDraft"}}},
                },
                "400": _error("invalid_request (with fields) or kind_not_allowed"),
                "401": {"$ref": "#/components/responses/ChatTokenRefused"},
                "404": _error("case_not_found, or no_case when the user has no case that fits"),
            },
        }
    }
}
