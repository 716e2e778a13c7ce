"""POST /api/v1/screenings/judicial-relief and /debt-exit: the screenings as JSON, for the assistant and others.

Public (no token), CSRF-exempt like the whole API, rate-limited per address. The body uses the assistant's
answer keys (bot/README.md, "Screening answer keys"); each is mapped onto the portal's answer vocabulary
and from there onto relief's facts, with a missing or null key meaning "not known". The answer is the
decision: outcome, criteria with reasons, rule ids, sources and status tags, the cap where there is one,
a translated summary, the rules version and the URL of the web screening. Bad input is a 400 naming
each bad field with a message in the caller's language (the "language" field, else Accept-Language, zh).
"""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.api import bp
from portal.auth import PUBLIC, access
from portal.clock import today
from portal.extensions import limiter
from portal.screening import messages
from portal.services import screening as service
from relief.case_number import CaseNumberError, parse_case_number

LANGUAGES = ("zh", "en")
MAX_TEXT = 60
MAX_MONTHS = 960

CLAIM_TYPES = {
    "support": "support_maintenance",
    "personal_injury": "personal_injury_tort",
    "crime_victim": "crime_victim_injured",
    "wages": "other",  # unpaid wages are not a JZ-02 category of their own: the court's call (item 8)
    "other": "other",
}
DEBTOR_TYPES = {"individual": "natural_person", "company": "enterprise_legal_person"}
# The assistant's province codes (bot/actions/parsing.py) -> GB/T 2260; two-digit codes pass as they are.
PROVINCE_NAMES = {
    "beijing": "11",
    "tianjin": "12",
    "hebei": "13",
    "shanxi": "14",
    "liaoning": "21",
    "jilin": "22",
    "heilongjiang": "23",
    "shanghai": "31",
    "jiangsu": "32",
    "zhejiang": "33",
    "anhui": "34",
    "fujian": "35",
    "jiangxi": "36",
    "shandong": "37",
    "henan": "41",
    "hubei": "42",
    "hunan": "43",
    "guangdong": "44",
    "guangxi": "45",
    "hainan": "46",
    "chongqing": "50",
    "sichuan": "51",
    "guizhou": "52",
    "yunnan": "53",
    "shaanxi": "61",
    "gansu": "62",
}
CITY_ZONES = {"shenzhen": "44", "xiamen": "35"}

FIELD_MESSAGES = {
    "not_boolean": _l("Answer with true, false or null."),
    "not_a_choice": _l("Use one of these values: %(values)s."),
    "not_integer": _l("Use a whole number, or null."),
    "out_of_range": _l("Use a whole number from 0 to %(max)d."),
    "not_text": _l("Use text, or null."),
    "too_long": _l("Use at most %(max)d characters."),
    "bad_case_number": _l("This is not an enforcement case number, for example （2023）粤0304执1234号."),
    "not_an_object": _l("Send a JSON object with the answers."),
}


class Invalid(Exception):
    def __init__(self, fields: list[tuple[str, str, dict]]):
        super().__init__("invalid_answers")
        self.fields = fields


class _Reader:
    """Reads one body, collecting every problem instead of stopping at the first."""

    def __init__(self, body: dict):
        self.body, self.problems = body, []

    def bad(self, name: str, code: str, **params) -> None:
        self.problems.append((name, code, params))

    def boolean(self, name: str) -> str | None:
        value = self.body.get(name)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.bad(name, "not_boolean")
            return None
        return "yes" if value else "no"

    def choice(self, name: str, allowed: dict) -> str | None:
        value = self.body.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or value not in allowed:
            self.bad(name, "not_a_choice", values=", ".join(allowed))
            return None
        return allowed[value]

    def text(self, name: str) -> str | None:
        value = self.body.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad(name, "not_text")
            return None
        if len(value) > MAX_TEXT:
            self.bad(name, "too_long", max=MAX_TEXT)
            return None
        return value.strip().lower() or None

    def months(self, name: str) -> int | None:
        value = self.body.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.bad(name, "not_integer")
            return None
        if not 0 <= value <= MAX_MONTHS:
            self.bad(name, "out_of_range", max=MAX_MONTHS)
            return None
        return value

    def done(self, answers: dict) -> dict:
        if self.problems:
            raise Invalid(self.problems)
        return {key: value for key, value in answers.items() if value is not None}


def _reader(body: Any) -> _Reader:
    if not isinstance(body, dict):
        raise Invalid([("body", "not_an_object", {})])
    return _Reader(body)


def relief_answers(body: Any) -> dict:
    """The assistant's relief keys -> answer keys; a key left out or null stays unknown."""
    read = _reader(body)
    person = read.boolean("is_natural_person")
    case_number = read.text("case_number")
    if case_number is not None:
        try:
            parse_case_number(read.body["case_number"])
        except CaseNumberError:
            read.bad("case_number", "bad_case_number")
    return read.done(
        {
            "applicant_kind": {"yes": "natural_person", "no": "organisation"}.get(person or ""),
            "category": read.choice("claim_type", CLAIM_TYPES),
            "in_hardship": read.boolean("hardship"),
            "compensated": read.boolean("compensated"),
            "relieved_before": read.boolean("already_relieved"),
        }
    )


def _province(read: _Reader) -> str | None:
    value = read.text("province")
    if value is None:
        return None
    if value in PROVINCE_NAMES:
        return PROVINCE_NAMES[value]
    if value in messages.PROVINCES:
        return value
    read.bad("province", "not_a_choice", values=", ".join(PROVINCE_NAMES))
    return None


def debt_exit_answers(body: Any) -> dict:
    """The assistant's debt-exit keys -> answer keys (city and province place the person; see _place)."""
    read = _reader(body)
    kind = read.choice("debtor_type", DEBTOR_TYPES)
    city, province = read.text("city"), _province(read)
    lives_there = read.boolean("residence")
    answers = {
        "debtor_kind": kind,
        "social_insurance_months": read.months("social_insurance_months"),
        "hukou": read.boolean("hukou"),
        "has_enforcement_case": read.boolean("has_enforcement_case"),
        "bad_faith": read.boolean("bad_faith"),
    }
    province = province or CITY_ZONES.get(city or "")
    if lives_there == "yes" and province:
        answers["residence_province"] = province
        if province in CITY_ZONES.values() and city:
            zone = "shenzhen" if province == "44" else "xiamen"
            answers[zone] = "yes" if city == zone else "no"
    elif lives_there == "no":
        answers["residence_province"] = service.ELSEWHERE
    return read.done(answers)


PARSERS = {service.RELIEF: relief_answers, service.DEBT_EXIT: debt_exit_answers}


def _language(body: Any) -> str:
    chosen = body.get("language") if isinstance(body, dict) else None
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES, default="zh") or "zh"


def _json(value: Any) -> Any:
    """Decimals as strings of yuan, dates as ISO, mappings and tuples as JSON objects and lists."""
    if hasattr(value, "items"):
        return {key: _json(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_json(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def result_body(slug: str, screened: service.Screening) -> dict:
    decision, values = screened.decision, screened.decision.values
    body = {
        "screening": slug,
        "outcome": decision.outcome,
        "outcome_text": messages.outcome(decision.outcome),
        "summary": messages.summary(slug, decision),
        "url": url_for("screening.start", slug=slug),
        "rules_version": screened.rules_version,
        "as_of": screened.as_of.isoformat(),
        "final": False,
        "criteria": messages.criterion_rows(decision),
        "reasons": [messages.reason_row(reason) for reason in decision.reasons],
        "uncertain": messages.uncertain(decision),
        "review": list(values.get("review", ())),
    }
    if slug == service.RELIEF:
        body["cap"] = {
            "amount": _json(values["cap"]),
            "bound": values["cap_bound"],
            "formula": _json(values["cap_formula"]),
            "wage_figure": _json(values["wage_figure"]),
            "amount_ceiling": _json(values["amount_ceiling"]),
            "court_sets_amount": True,
        }
        body["evidence"] = [{"code": code, "text": messages.item_text(code)} for code in values["evidence"]]
        body["decision_clock"] = _json(values["decision_clock"])
    else:
        body["channels"] = list(values["channels"])
        body["evidence"] = [{"code": code, "text": messages.item_text(code)} for code in values["must_prove"]]
        body["referral"] = [{"code": code, "text": messages.item_text(code)} for code in values["referral"].values()]
        body["decision_clock"] = _json(values["decision_clock"])
    return body


def _invalid(problems) -> tuple:
    fields = [
        {
            "field": name,
            "code": code,
            "message": str(FIELD_MESSAGES[code]) % params if params else str(FIELD_MESSAGES[code]),
        }
        for name, code, params in problems
    ]
    error = {
        "code": "invalid_answers",
        "message": _("Some answers are not valid. Correct them and try again."),
        "fields": fields,
    }
    return jsonify({"error": error}), 400


def _screen(slug: str):
    body = request.get_json(silent=True)
    with force_locale(_language(body)):
        try:
            answers = PARSERS[slug](body)
        except Invalid as invalid:
            return _invalid(invalid.fields)
        screened = service.assess(slug, answers, today=today(), channel="api")
        return jsonify(result_body(slug, screened)), 200


def _rate() -> str:
    return current_app.config.get("SCREENING_API_RATE_LIMIT", "60 per minute")


@bp.route("/screenings/judicial-relief", methods=["POST"])
@access(PUBLIC)
@limiter.limit(_rate)
def screen_judicial_relief():
    return _screen(service.RELIEF)


@bp.route("/screenings/debt-exit", methods=["POST"])
@access(PUBLIC)
@limiter.limit(_rate)
def screen_debt_exit():
    return _screen(service.DEBT_EXIT)


_BOOL = {"type": ["boolean", "null"]}
_LANGUAGE = {"enum": list(LANGUAGES), "description": "language of the texts; else Accept-Language; zh by default"}
_REASON = {
    "type": "object",
    "required": ["code", "text", "rule_id", "source", "status"],
    "properties": {
        "code": {"type": "string"},
        "text": {"type": "string"},
        "rule_id": {"type": "string"},
        "source": {"type": "string"},
        "status": {"enum": ["P", "S", "M", "D"], "description": "S and M are shown with a hedge"},
        "hedge": {"type": "string"},
    },
}

OPENAPI_COMPONENTS = {
    "schemas": {
        "ReliefScreeningAnswers": {
            "type": "object",
            "description": "The assistant's answer keys; a key left out or null is not known.",
            "properties": {
                "is_natural_person": _BOOL,
                "claim_type": {"enum": [*CLAIM_TYPES, None]},
                "hardship": _BOOL,
                "compensated": _BOOL,
                "already_relieved": _BOOL,
                "case_number": {
                    "type": ["string", "null"],
                    "maxLength": MAX_TEXT,
                    "description": "checked as a case number; the public API looks up no case (facts of a case "
                    "are filled in only for a signed-in party on the web)",
                },
                "language": _LANGUAGE,
            },
        },
        "DebtExitScreeningAnswers": {
            "type": "object",
            "description": "The assistant's answer keys; a key left out or null is not known.",
            "properties": {
                "debtor_type": {"enum": [*DEBTOR_TYPES, None]},
                "city": {"type": ["string", "null"], "maxLength": MAX_TEXT, "description": "e.g. shenzhen, xiamen"},
                "province": {
                    "type": ["string", "null"],
                    "description": "a province name in pinyin (guangdong) or a GB/T 2260 code (44)",
                },
                "residence": _BOOL,
                "social_insurance_months": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_MONTHS},
                "hukou": _BOOL,
                "has_enforcement_case": _BOOL,
                "bad_faith": _BOOL,
                "language": _LANGUAGE,
            },
        },
        "ScreeningResult": {
            "type": "object",
            "required": ["outcome", "summary", "url", "criteria", "rules_version"],
            "properties": {
                "screening": {"enum": list(service.SLUGS)},
                "outcome": {"type": "string"},
                "outcome_text": {"type": "string"},
                "summary": {"type": "string", "description": "translated; a screening, never a final decision"},
                "url": {"type": "string", "description": "the web screening, relative to the portal"},
                "rules_version": {"type": "string"},
                "as_of": {"type": "string", "format": "date"},
                "criteria": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["key", "state", "title", "reasons"],
                        "properties": {
                            "key": {"type": "string"},
                            "state": {"enum": ["met", "not_met", "unknown"]},
                            "state_text": {"type": "string"},
                            "title": {"type": "string"},
                            "requirement": {"type": "string"},
                            "reasons": {"type": "array", "items": _REASON},
                        },
                    },
                },
                "reasons": {"type": "array", "items": _REASON},
                "uncertain": {"type": "array", "items": {"type": "string"}},
                "cap": {
                    "type": "object",
                    "description": "judicial relief only (JZ-04): amount is null where no sourced wage figure exists",
                },
                "evidence": {"type": "array", "items": {"type": "object"}},
            },
        },
        "ScreeningInvalid": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message", "fields"],
                    "properties": {
                        "code": {"enum": ["invalid_answers"]},
                        "message": {"type": "string"},
                        "fields": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["field", "code", "message"],
                                "properties": {
                                    "field": {"type": "string"},
                                    "code": {"enum": sorted(FIELD_MESSAGES)},
                                    "message": {"type": "string"},
                                },
                            },
                        },
                    },
                }
            },
        },
    }
}


def _operation(summary: str, operation_id: str, schema: str) -> dict:
    return {
        "post": {
            "summary": summary,
            "operationId": operation_id,
            "security": [{}],
            "parameters": [{"name": "Accept-Language", "in": "header", "schema": {"enum": list(LANGUAGES)}}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
            },
            "responses": {
                "200": {
                    "description": "The screening's decision",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScreeningResult"}}},
                },
                "400": {
                    "description": "invalid_answers, naming each bad field",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScreeningInvalid"}}},
                },
                "429": {"description": "Too many requests from this address"},
            },
        }
    }


OPENAPI_PATHS = {
    "/screenings/judicial-relief": _operation(
        "Screen for state judicial relief (JZ-01–JZ-09)", "screenJudicialRelief", "ReliefScreeningAnswers"
    ),
    "/screenings/debt-exit": _operation(
        "Screen for a debt exit (SZ, ZJ, ZP rules)", "screenDebtExit", "DebtExitScreeningAnswers"
    ),
}
