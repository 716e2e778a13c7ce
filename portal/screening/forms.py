"""Forms of the screenings: one question per form, and the formal applications a screening leads to.

A question form has exactly one field, named by its answer key. Numbers and amounts are read by our own
validators so that every message is ours, in the user's language.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from wtforms import BooleanField, DateField, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, InputRequired, ValidationError

from portal.forms import PortalForm, strip
from portal.i18n import long_date
from portal.screening import messages
from portal.submissions.fields import YES_NO, long_text, optional_long_text, options

MAX_MONEY = Decimal("1000000000")  # one billion yuan: anything above is a typing slip


def whole_number(message, *, minimum: int, maximum: int, out_of_range):
    def check(form, field):
        text = (field.data or "").replace(",", "").replace("，", "")
        if not text:
            raise ValidationError(message)
        if not text.isascii() or not text.isdigit():
            raise ValidationError(_l("Enter a whole number, using digits only, for example 3."))
        if not minimum <= int(text) <= maximum:
            raise ValidationError(out_of_range)
        field.data = str(int(text))

    return check


def amount(message=None):
    """Yuan to the fen; empty is allowed when ``message`` is None (the person does not know)."""

    def check(form, field):
        text = (field.data or "").replace(",", "").replace("，", "").removesuffix("元").strip()
        if not text:
            if message is not None:
                raise ValidationError(message)
            field.data = ""
            return
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not text.isascii() or not value.is_finite() or value.as_tuple().exponent < -2:
            raise ValidationError(_l("Enter an amount in yuan using digits, for example 12000 or 12000.50."))
        if value < 0 or value > MAX_MONEY:
            raise ValidationError(_l("Enter an amount between 0 and 1,000,000,000 yuan."))
        field.data = str(value.quantize(Decimal("0.01")))

    return check


def yes_no(label, message, description):
    return RadioField(label, choices=options(YES_NO), description=description, validators=[InputRequired(message)])


def radio(label, choices, message, description):
    return RadioField(label, choices=options(choices), description=description, validators=[InputRequired(message)])


def province_field(label, message, description, *, unknown=False):
    choices = [(code, name) for code, name in messages.PROVINCES.items()]
    if unknown:
        choices.append(("unknown", _l("I do not know")))
    return SelectField(
        label,
        choices=options([("", _l("Choose a province")), *choices]),
        description=description,
        validators=[DataRequired(message)],
    )


def count_field(label, message, description, *, minimum=0, maximum=999, out_of_range=None):
    return StringField(
        label,
        description=description,
        filters=[strip],
        validators=[whole_number(message, minimum=minimum, maximum=maximum, out_of_range=out_of_range)],
        render_kw={"inputmode": "numeric", "class": "input input-short"},
    )


def money_field(label, description, message=None):
    return StringField(
        label,
        description=description,
        filters=[strip],
        validators=[amount(message)],
        render_kw={"inputmode": "decimal", "class": "input input-short"},
    )


def question_form(key: str, field) -> type:
    """A form class with one field named ``key``."""
    return type(f"Question_{key}", (PortalForm,), {key: field})


# --- the record a formal application keeps of its screening ------------------------------------------


class _Recorded:
    """Shown read-only: whatever is posted, the value the screening recorded stays."""

    def process_formdata(self, valuelist):
        pass

    def pre_validate(self, form):
        pass

    def shown(self) -> str:
        return str(self.data) if self.data else "—"

    def __call__(self, **kwargs):
        return Markup('<p class="recorded" id="%s">%s</p>') % (self.id, escape(self.shown()))


class RecordedText(_Recorded, StringField):
    pass


class RecordedDate(_Recorded, DateField):
    def shown(self) -> str:
        return long_date(self.data) if self.data else "—"


class RecordedChoice(_Recorded, RadioField):
    def shown(self) -> str:
        labels = {c.value: c.label for c in self.choices}
        return str(labels.get(self.data, "—")) if self.data else "—"


class RecordedList(_Recorded, SelectMultipleField):
    def shown(self) -> str:
        labels = {c.value: c.label for c in self.choices}
        return "、".join(str(labels.get(v, v)) for v in self.data or []) or "—"


class _Later:
    """A label computed when shown, in the language of that request."""

    def __init__(self, make):
        self._make = make

    def __str__(self) -> str:
        return self._make()

    def __html__(self) -> str:
        return str(escape(str(self)))


def _criterion_choices(keys):
    return options(
        (
            f"{key}={state.value}",
            _Later(lambda k=key, s=state: f"{messages.criterion_title(k)}: {messages.met_state(s)}"),
        )
        for key in keys
        for state in messages.MET_STATE
    )


def _item_choices(codes):
    return options((code, _Later(lambda c=code: messages.item_text(c))) for code in codes)


def _record_fields(outcomes: dict, criteria: dict, checklist) -> dict:
    return {
        "screening_outcome": RecordedChoice(_l("Result of your screening"), choices=options(outcomes.items())),
        "criteria_states": RecordedList(_l("The conditions, as screened"), choices=_criterion_choices(criteria)),
        "rules_version": RecordedText(_l("Version of the rules that decided it")),
        "screened_on": RecordedDate(_l("Screened on")),
        "evidence_checklist": RecordedList(_l("Documents to prepare"), choices=_item_choices(checklist)),
    }


_PROVE = [f"prove.{key}" for key in messages.de.CRITERIA]
_MATERIALS = [code for code in messages.de.ITEMS if code.startswith("zj04.")]

ReliefApplicationForm = type(
    "ReliefApplicationForm",
    (PortalForm,),
    {
        **_record_fields(messages.jz.OUTCOMES, messages.jz.CRITERIA, messages.jz.EVIDENCE),
        "situation": long_text(
            _l("Tell the court about your situation"),
            _l("Describe your situation and why you need help now."),
            description=_l(
                "What happened, who in your household depends on you, and why you need help now. Court staff read "
                "this together with your documents."
            ),
            min_length=20,
        ),
        "compensation_received": optional_long_text(
            _l("What compensation or help have you already received?"),
            max_length=2000,
            description=_l("Who paid what, and when. Write “none” if you have received nothing."),
        ),
    },
)


class _Declaration:
    @staticmethod
    def field():
        return BooleanField(
            _l("I declare my property and debts truthfully, and I have not hidden or moved property."),
            validators=[DataRequired(_l("Confirm the declaration to continue."))],
        )


DebtExitReferralForm = type(
    "DebtExitReferralForm",
    (PortalForm,),
    {
        **_record_fields(messages.de.OUTCOMES, messages.de.CRITERIA, [*_PROVE, *_MATERIALS]),
        "situation": long_text(
            _l("Describe your debts and why you cannot pay them"),
            _l("Describe your debts and why you cannot pay them."),
            description=_l(
                "Who you owe, roughly how much, and what changed. Court staff read this with your documents."
            ),
            min_length=20,
        ),
        "integrity": _Declaration.field(),
    },
)
