"""Answers move between forms (Python values) and drafts (JSON), and are shown back as label/value pairs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from flask_babel import gettext as _
from wtforms import BooleanField, DateField, DecimalField, RadioField, SelectMultipleField

from portal.i18n import long_date, money
from portal.submissions.fields import choice_labels, field_names


def to_json(form) -> dict:
    """The form's answers, JSON-safe: dates as ISO strings, amounts as strings."""
    out = {}
    for name in field_names(type(form)):
        value = getattr(form, name).data
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        out[name] = value
    return out


def to_form(form_class: type, answers: dict) -> dict:
    """Stored answers back into the Python values the form's fields expect."""
    data = {}
    for name in field_names(form_class):
        if name not in answers:
            continue
        value = answers[name]
        kind = getattr(form_class, name).field_class
        if value and issubclass(kind, DateField) and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                value = None
        elif value and issubclass(kind, DecimalField):
            try:
                value = Decimal(str(value))
            except InvalidOperation:
                value = None
        data[name] = value
    return data


def display(form, answers: dict) -> list[tuple[str, str]]:
    """(label, value) pairs in the user's language, for the check page, the detail page and the receipt."""
    rows = []
    for name in field_names(type(form)):
        field = getattr(form, name)
        value = answers.get(name)
        if value in (None, "", [], False) and not isinstance(field, BooleanField):
            continue
        rows.append((str(field.label.text), _shown(field, value)))
    return rows


def _shown(field, value) -> str:
    if isinstance(field, BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, SelectMultipleField):
        labels = choice_labels(field)
        return "、".join(str(labels.get(v, v)) for v in value or [])
    if isinstance(field, RadioField):
        return str(choice_labels(field).get(value, value))
    if isinstance(field, DateField) and value:
        return long_date(date.fromisoformat(value))
    if isinstance(field, DecimalField) and value:
        return money(Decimal(value))
    return str(value)
