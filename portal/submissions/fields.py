"""Form pieces shared by every kind: translated messages, identifier validators, JSON-safe answers."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import DateField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.fields.core import UnboundField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from portal.forms import strip
from relief import identifiers

IDENTIFIER_MESSAGES = {
    "plate": {
        "fallback": _l("Enter the plate as it appears on the vehicle, for example 粤B12345 or 粤BD12345."),
        "bad_province": _l("A plate starts with a province abbreviation, for example 粤B12345."),
        "bad_format": _l("Enter the plate as it appears on the vehicle, for example 粤B12345 or 粤BD12345."),
    },
    "credit_code": {
        "fallback": _l("Enter the 18-character unified social credit code."),
        "bad_length": _l("A unified social credit code has 18 characters."),
        "bad_characters": _l("A unified social credit code uses digits and capital letters except I, O, S, V and Z."),
        "bad_check_character": _l("This code is not valid: check each character, especially the last one."),
    },
    "bank_account": {
        "fallback": _l("Enter the account number."),
        "bad_characters": _l("An account number has digits only."),
        "bad_length": _l("An account number has between 8 and 30 digits."),
    },
    "certificate": {
        "fallback": _l("Enter the certificate number as printed on the certificate."),
        "bad_format": _l("Enter the certificate number as printed, for example 粤（2019）深圳市不动产权第0123456号."),
    },
}


def identifier(kind: str, normalise, *, missing=None):
    """A validator that normalises an identifier in place, or explains in the user's language what is wrong."""

    def check(form, field):
        if not field.data:
            if missing is not None:
                raise ValidationError(missing)
            return
        try:
            field.data = normalise(field.data)
        except identifiers.IdentifierError as error:
            message = IDENTIFIER_MESSAGES[kind].get(error.code, IDENTIFIER_MESSAGES[kind]["fallback"])
            raise ValidationError(message) from None

    return check


def identifier_field(label, kind: str, normalise, *, missing=None, description=None):
    """A text field holding an identifier (plate, account, code): required when ``missing`` names the error."""
    return StringField(
        label, description=description, filters=[strip], validators=[identifier(kind, normalise, missing=missing)]
    )


def required(message):
    return [InputRequired(message)]


def text(label, message, *, max_length=200, description=None):
    return StringField(
        label,
        description=description,
        filters=[strip],
        validators=[DataRequired(message), Length(max=max_length, message=_l("Use at most %(max)d characters."))],
    )


def optional_text(label, *, max_length=200, description=None):
    return StringField(
        label,
        description=description,
        filters=[strip],
        validators=[Optional(), Length(max=max_length, message=_l("Use at most %(max)d characters."))],
    )


def long_text(label, message, *, max_length=4000, min_length=0, description=None):
    validators = [DataRequired(message), Length(max=max_length, message=_l("Use at most %(max)d characters."))]
    if min_length:
        validators.append(Length(min=min_length, message=_l("Please give more detail (at least %(min)d characters).")))
    return TextAreaField(label, description=description, filters=[strip], validators=validators)


def optional_long_text(label, *, max_length=4000, description=None):
    return TextAreaField(
        label,
        description=description,
        filters=[strip],
        validators=[Optional(), Length(max=max_length, message=_l("Use at most %(max)d characters."))],
    )


def day(label, message, *, description=None, required_: bool = True):
    return DateField(
        label,
        description=description or _l("For example 2025-03-27."),
        validators=[DataRequired(message)] if required_ else [Optional()],
        render_kw={"placeholder": "2025-03-27"},
    )


def options(pairs) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


def choice_labels(field) -> dict:
    """value -> label of a choice field, whatever form its choices take."""
    labels = {}
    for item in field.choices or []:
        value, label = (item.value, item.label) if isinstance(item, SelectChoice) else (item[0], item[1])
        labels[value] = label
    return labels


def choice(label, choices, message, *, description=None):
    return RadioField(label, choices=options(choices), description=description, validators=[InputRequired(message)])


def not_in_future(today: date):
    def check(form, field):
        if field.data and field.data > today:
            raise ValidationError(_l("The date cannot be in the future."))

    return check


YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]


def field_names(form_class: type) -> list[str]:
    """The answer fields a form class declares, in declaration order (without the CSRF token)."""
    fields = [(name, value) for name, value in vars_of(form_class) if isinstance(value, UnboundField)]
    return [name for name, value in sorted(fields, key=lambda item: item[1].creation_counter)]


def vars_of(cls: type):
    for klass in reversed(cls.__mro__):
        yield from vars(klass).items()
