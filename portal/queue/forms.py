from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.forms import PortalForm, strip


class RequestInfoForm(PortalForm):
    question = TextAreaField(
        _l("What do you need from the citizen?"),
        filters=[strip],
        validators=[DataRequired(_l("Write the question for the citizen.")), Length(max=4000)],
    )


class NoteForm(PortalForm):
    note = TextAreaField(
        _l("Internal note (never shown to the citizen)"),
        filters=[strip],
        validators=[DataRequired(_l("Write the note.")), Length(max=4000)],
    )


class DecisionForm(PortalForm):
    code = SelectField(_l("Decision"), validators=[DataRequired(_l("Choose a decision."))])
    text = TextAreaField(
        _l("Explanation for the citizen"),
        filters=[strip],
        validators=[Optional(), Length(max=4000)],
    )


class AssignForm(PortalForm):
    assignee = SelectField(_l("Assign to"), validators=[DataRequired(_l("Choose a colleague."))])
    ids = HiddenField()
