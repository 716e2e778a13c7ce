"""JSON answers of the citizen-facing API (chat token calls): stable codes, messages in the caller's language."""

from __future__ import annotations

from flask import Response, jsonify
from flask_babel import lazy_gettext as _l

ERRORS = {
    "invalid_token": _l("Please sign in to the portal again to continue."),
    "token_expired": _l("Your chat session has expired. Please reload the page and try again."),
    "invalid_request": _l("Some of what was sent is missing or not valid."),
    "case_not_found": _l("None of your linked cases has this number."),
    "no_case": _l("Link your case to your account first, then try again."),
    "kind_not_allowed": _l("This request is not possible for this case."),
}

FIELDS = {
    "required": _l("This is required."),
    "wrong_type": _l("This has the wrong type."),
    "too_long": _l("This is too long."),
    "unknown_value": _l("This value is not one of those allowed."),
}


def error(code: str, status: int, *, fields: dict[str, str] | None = None) -> tuple[Response, int]:
    """``{"error": {"code", "message", "fields"?}}``; ``fields`` maps a field path to a FIELDS code."""
    body: dict = {"code": code, "message": str(ERRORS[code])}
    if fields:
        body["fields"] = [{"field": name, "code": why, "message": str(FIELDS[why])} for name, why in fields.items()]
    response = jsonify({"error": body})
    if status == 401:
        response.headers["WWW-Authenticate"] = f'Bearer realm="portal", error="{code}"'
    return response, status


class Invalid(Exception):
    """Bad input: the fields that are wrong and why (FIELDS codes)."""

    def __init__(self, fields: dict[str, str]):
        super().__init__("invalid_request")
        self.fields = fields


def error_schema() -> dict:
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"enum": sorted(ERRORS)},
                    "message": {"type": "string"},
                    "fields": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["field", "code", "message"],
                            "properties": {
                                "field": {"type": "string"},
                                "code": {"enum": sorted(FIELDS)},
                                "message": {"type": "string"},
                            },
                        },
                    },
                },
            }
        },
    }
