"""Answers shown back (check your answers): each question's label and the answer in the user's language."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField

from portal.i18n import money
from portal.screening import messages
from portal.screening.questions import named
from portal.submissions.fields import choice_labels

MONEY_KEYS = ("household_income", "amount_owed", "amount_awarded", "debts_total", "assets_value")

# What a linked case fills in, by answer key, for the "from the court's record" rows.
KNOWN_LABELS = {
    "route": _l("How far the case has got"),
    "category": _l("What the case is about"),
    "court_province": _l("Province of the court"),
    "amount_owed": _l("Still owed under the judgment"),
    "amount_awarded": _l("Awarded by the judgment"),
    "has_enforcement_case": _l("Enforcement case against you"),
    "case_stage": _l("Stage of the case"),
    "case_province": _l("Province of the court"),
    "case_basic_court": _l("Basic-level court"),
}
STAGES = {
    "zhongben": _l("Closed for now (终本)"),
    "pending": _l("Enforcement in progress"),
    "concluded": _l("Concluded"),
}


def _value(field, key: str, value) -> str:
    if value in (None, ""):
        return str(_l("Not known"))
    if key in MONEY_KEYS:
        try:
            return money(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    if field is not None and isinstance(field, RadioField | SelectField):
        return str(choice_labels(field).get(value, value))
    return str(value)


def rows(questions, answers: dict) -> list[dict]:
    out = []
    for question in questions:
        field = getattr(question.form(formdata=None), question.key)
        out.append(
            {
                "key": question.key,
                "label": str(field.label.text),
                "value": _value(field, question.key, answers.get(question.key)),
            }
        )
    return out


def known_rows(slug: str, known: dict) -> list[dict]:
    out = []
    for key, value in known.items():
        question = named(slug, key)
        field = getattr(question.form(formdata=None), key) if question else None
        if key in ("court_province", "case_province"):
            text = messages.province(value)
        elif key == "case_stage":
            text = str(STAGES.get(value, value))
        elif key in ("has_enforcement_case", "case_basic_court"):
            text = str(_l("Yes") if value == "yes" else _l("No"))
        else:
            text = _value(field, key, value)
        out.append({"key": key, "label": str(KNOWN_LABELS.get(key, key)), "value": text})
    return out
