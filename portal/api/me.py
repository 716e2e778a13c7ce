"""GET /api/v1/me/cases and /me/obligations: a citizen's own cases for the assistant, by chat token.

The figures come from the same services as the case pages (relief/ as of today); labels are in the
caller's Accept-Language. The token decides whose cases these are, never anything said in chat.
"""

from __future__ import annotations

from flask import jsonify, url_for

from portal.api import bp, replies, tokens
from portal.api.auth import TokenRefused
from portal.auth import API_TOKEN, access
from portal.cases import messages
from portal.clock import today
from portal.i18n import current_locale
from portal.models import PartyRole
from portal.services import me as me_service


def _money(value) -> str:
    return f"{value:.2f}"


@bp.route("/me/cases")
@access(API_TOKEN)
def my_cases():
    try:
        user = tokens.require_user()
    except TokenRefused as refused:
        return replies.error(refused.code, 401)
    locale = current_locale()
    cases = []
    for line in me_service.case_lines(user, today=today()):
        case = line.case
        applicant = line.role is PartyRole.APPLICANT
        cases.append(
            {
                "number": case.number,
                "role": line.role.value,
                "status": case.status.value,
                "status_label": messages.case_status(case.status),
                "court": case.court.name(locale),
                "next_search_due": line.next_search_due.isoformat() if line.next_search_due else None,
                "conditions_unmet": list(line.conditions_unmet),
                "url": url_for("cases.show" if applicant else "cases.obligations", case_id=case.id),
            }
        )
    return jsonify({"cases": cases})


@bp.route("/me/obligations")
@access(API_TOKEN)
def my_obligations():
    try:
        user = tokens.require_user()
    except TokenRefused as refused:
        return replies.error(refused.code, 401)
    debtor_cases = [
        {
            "number": line.case.number,
            "outstanding": _money(line.outstanding),
            "interest": _money(line.interest),
            "restrictions": [
                {"kind": r.kind.value, "label": messages.restriction_kind(r.kind), "since": r.since.isoformat()}
                for r in line.restrictions
            ],
            "url": url_for("cases.obligations", case_id=line.case.id),
        }
        for line in me_service.obligation_lines(user, today=today())
    ]
    return jsonify({"debtor_cases": debtor_cases})


_STR = {"type": "string"}
_NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
_AUTH_RESPONSES = {"401": {"$ref": "#/components/responses/ChatTokenRefused"}}

OPENAPI_COMPONENTS = {
    "securitySchemes": {
        "chatToken": {
            "type": "http",
            "scheme": "bearer",
            "description": "short-lived token the portal's chat proxy attaches to each message (metadata.token)",
        }
    },
    "responses": {
        "ChatTokenRefused": {
            "description": "invalid_token (missing, forged, revoked) or token_expired",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChatError"}}},
        }
    },
    "schemas": {
        "ChatError": replies.error_schema(),
        "MyCases": {
            "type": "object",
            "required": ["cases"],
            "properties": {
                "cases": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": [
                            "number",
                            "role",
                            "status",
                            "status_label",
                            "court",
                            "next_search_due",
                            "conditions_unmet",
                            "url",
                        ],
                        "properties": {
                            "number": _STR,
                            "role": {"enum": ["applicant", "debtor"]},
                            "status": {"enum": ["ongoing", "terminated", "resumed", "concluded"]},
                            "status_label": _STR,
                            "court": _STR,
                            "next_search_due": _NULLABLE_DATE,
                            "conditions_unmet": {
                                "type": "array",
                                "items": {
                                    "enum": [
                                        "notice_served",
                                        "restriction_issued",
                                        "investigation_exhausted",
                                        "three_months_elapsed",
                                        "missing_debtor_searched",
                                        "applicant_interview",
                                    ]
                                },
                            },
                            "url": _STR,
                        },
                    },
                }
            },
        },
        "MyObligations": {
            "type": "object",
            "required": ["debtor_cases"],
            "properties": {
                "debtor_cases": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["number", "outstanding", "interest", "restrictions", "url"],
                        "properties": {
                            "number": _STR,
                            "outstanding": {"type": "string", "pattern": r"^\d+\.\d{2}$", "description": "yuan"},
                            "interest": {"type": "string", "pattern": r"^\d+\.\d{2}$", "description": "yuan"},
                            "restrictions": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["kind", "label", "since"],
                                    "properties": {
                                        "kind": {"enum": ["consumption", "dishonest", "exit_ban"]},
                                        "label": _STR,
                                        "since": {"type": "string", "format": "date"},
                                    },
                                },
                            },
                            "url": _STR,
                        },
                    },
                }
            },
        },
    },
}


def _get(summary: str, operation: str, schema: str) -> dict:
    return {
        "get": {
            "summary": summary,
            "operationId": operation,
            "security": [{"chatToken": []}],
            "parameters": [{"name": "Accept-Language", "in": "header", "schema": {"enum": ["zh", "en"]}}],
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
                },
                **_AUTH_RESPONSES,
            },
        }
    }


OPENAPI_PATHS = {
    "/me/cases": _get("The signed-in citizen's linked cases and where they stand", "getMyCases", "MyCases"),
    "/me/obligations": _get(
        "What the signed-in citizen owes as a debtor today, and the restrictions in force",
        "getMyObligations",
        "MyObligations",
    ),
}
