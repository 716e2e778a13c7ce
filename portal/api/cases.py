"""PUT /api/v1/cases/<number>: the court system creates or updates one case, idempotently.

The number in the path may be URL-encoded and in any common form; it is normalised, and a number in the
body must be the same case. Errors are JSON with a stable code and a message in the caller's
Accept-Language; a record is applied whole or not at all.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from flask import jsonify, request

from portal import clock
from portal.api import bp
from portal.api.auth import CASES_WRITE, TokenRefused, refusal, require_token
from portal.auth import API_TOKEN, access
from portal.imports import messages, service
from portal.imports.schema import InvalidRecord


@bp.route("/cases/<path:number>", methods=["PUT"])
@access(API_TOKEN)
def put_case(number: str):
    try:
        token = require_token(CASES_WRITE)
        canonical, result = service.put_case(
            _body(), url_number=number, court_id=token.court_id, now=clock.now(), token_id=token.id
        )
    except TokenRefused as refused:
        return refusal(refused.code, refused.status)
    except service.WrongCourt:
        return refusal("wrong_court", 403)
    except InvalidRecord as invalid:
        fields = [{"field": i.field, "code": i.code, "message": messages.field_message(i.code)} for i in invalid.issues]
        error = {"code": "invalid_record", "message": messages.invalid_record(), "fields": fields}
        return jsonify({"error": error}), 400
    except service.Conflict:
        return jsonify({"error": {"code": "conflict", "message": messages.field_message("conflict")}}), 409
    return jsonify({"case": canonical, "result": result}), 201 if result == service.CREATED else 200


def _body() -> Any:
    """The JSON body with exact decimals (amounts are money), or None when it is not JSON."""
    try:
        return json.loads(request.get_data(as_text=True), parse_float=Decimal)
    except ValueError:
        return None


def _error_schema(extra: dict | None = None) -> dict:
    return {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}, **(extra or {})},
            }
        },
    }


_DATE = {"type": "string", "format": "date"}
_YUAN = {"type": ["string", "number"], "pattern": r"^\d+(\.\d{1,2})?$", "minimum": 0, "description": "yuan"}
_TEXT = {"type": "string"}

OPENAPI_COMPONENTS = {
    "securitySchemes": {"courtToken": {"type": "http", "scheme": "bearer", "description": "scope cases:write"}},
    "schemas": {
        "CaseRecord": {
            "type": "object",
            "description": "See portal/imports/schema.py. Timeline and restrictions replace the stored ones.",
            "additionalProperties": False,
            "required": [
                "status",
                "filed_on",
                "title_ref",
                "claim_type",
                "principal",
                "performance_deadline",
                "parties",
                "events",
                "restrictions",
            ],
            "properties": {
                "number": {**_TEXT, "description": "optional; must be the case in the path"},
                "court": {**_TEXT, "description": "optional; must equal the court code in the number"},
                "status": {"enum": ["ongoing", "terminated", "resumed", "concluded"]},
                "filed_on": _DATE,
                "title_ref": {**_TEXT, "maxLength": 60},
                "claim_type": {**_TEXT, "maxLength": 32},
                "principal": _YUAN,
                "performance_deadline": _DATE,
                "division": {**_TEXT, "maxLength": 40},
                "parties": {"type": "array", "minItems": 2, "items": {"$ref": "#/components/schemas/CaseRecordParty"}},
                "events": {"type": "array", "items": {"$ref": "#/components/schemas/CaseRecordEvent"}},
                "restrictions": {"type": "array", "items": {"$ref": "#/components/schemas/CaseRecordRestriction"}},
            },
        },
        "CaseRecordParty": {
            "type": "object",
            "additionalProperties": False,
            "required": ["role", "kind", "name"],
            "properties": {
                "role": {"enum": ["applicant", "debtor"]},
                "kind": {"enum": ["person", "organisation"]},
                "name": {**_TEXT, "maxLength": 200},
                "id_number": {**_TEXT, "description": "persons: 18-character resident id; stored hashed"},
                "credit_code": {**_TEXT, "description": "organisations: unified social credit code"},
                "birth_date": _DATE,
                "access_code": {**_TEXT, "description": "replaces the party's access code when given"},
            },
        },
        "CaseRecordEvent": {
            "type": "object",
            "additionalProperties": False,
            "required": ["kind", "on"],
            "properties": {
                "kind": {"type": "string", "description": "an event kind, e.g. filed, online_search, payment"},
                "on": _DATE,
                "result": {**_TEXT, "maxLength": 32},
                "amount": {**_YUAN, "description": "payments only, required for them"},
                "details": {"type": "object"},
            },
        },
        "CaseRecordRestriction": {
            "type": "object",
            "additionalProperties": False,
            "required": ["kind", "started_on"],
            "properties": {
                "kind": {"enum": ["consumption", "dishonest", "exit_ban"]},
                "started_on": _DATE,
                "ground": {"type": "integer", "minimum": 1, "maximum": 6},
                "term_years": {"type": "integer", "minimum": 0, "maximum": 99},
                "extension_years": {"type": "integer", "minimum": 0, "maximum": 99},
                "lifted_on": _DATE,
                "lift_reason": {**_TEXT, "maxLength": 32},
                "party": {"type": ["string", "integer"], "description": '"debtor" (default) or a party index'},
            },
        },
        "CaseImportResult": {
            "type": "object",
            "required": ["case", "result"],
            "properties": {"case": _TEXT, "result": {"enum": ["created", "updated", "unchanged"]}},
        },
        "Error": _error_schema(),
        "InvalidRecordError": _error_schema(
            {
                "fields": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["field", "code", "message"],
                        "properties": {"field": _TEXT, "code": _TEXT, "message": _TEXT},
                    },
                }
            }
        ),
    },
}


def _response(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


OPENAPI_PATHS = {
    "/cases/{number}": {
        "put": {
            "summary": "Create or update one case from the court's case-management system",
            "operationId": "putCase",
            "security": [{"courtToken": []}],
            "parameters": [
                {
                    "name": "number",
                    "in": "path",
                    "required": True,
                    "description": "URL-encoded case number, e.g. %EF%BC%882023%EF%BC%89... for （2023）粤0304执1234号",
                    "schema": {"type": "string"},
                },
                {"name": "Accept-Language", "in": "header", "schema": {"enum": ["zh", "en"]}},
            ],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseRecord"}}},
            },
            "responses": {
                "201": _response("Created", "CaseImportResult"),
                "200": _response("Updated, or unchanged (the same data again)", "CaseImportResult"),
                "400": _response("invalid_record, with the problems field by field", "InvalidRecordError"),
                "401": _response("invalid_token: missing, unknown or revoked token", "Error"),
                "403": _response("insufficient_scope, or wrong_court for a token bound to another court", "Error"),
                "409": _response("conflict: a concurrent change; send the record again", "Error"),
            },
        }
    }
}
