from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from portal.forms import PortalForm, strip


class RegisterForm(PortalForm):
    display_name = StringField(
        _l("Your name"),
        filters=[strip],
        validators=[DataRequired(_l("Enter your name.")), Length(max=100, message=_l("Use at most 100 characters."))],
    )
    email = EmailField(
        _l("Email address"),
        filters=[strip],
        validators=[
            DataRequired(_l("Enter your email address.")),
            Email(_l("Enter an email address like name@example.com."), check_deliverability=False),
            Length(max=254),
        ],
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least 10 characters. A short sentence is easy to remember and hard to guess."),
        validators=[
            DataRequired(_l("Enter a password.")),
            Length(min=10, max=200, message=_l("Use between 10 and 200 characters.")),
        ],
    )
    confirm = PasswordField(
        _l("Password again"),
        validators=[DataRequired(_l("Enter the password again.")), EqualTo("password", _l("The passwords differ."))],
    )


class SignInForm(PortalForm):
    email = EmailField(_l("Email address"), filters=[strip], validators=[DataRequired(_l("Enter your email address."))])
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password."))])


class LinkCaseForm(PortalForm):
    case_number = StringField(
        _l("Case number"),
        description=_l("As printed on the court's notice, for example （2023）粤0304执1234号."),
        validators=[Length(max=60, message=_l("Use at most 60 characters."))],
    )
    id_number = StringField(
        _l("Your resident identity number"),
        description=_l("Your own 18-character number. We keep only a protected fingerprint of it, never the number."),
        validators=[Length(max=40, message=_l("Use at most 40 characters."))],
    )
    access_code = StringField(
        _l("Case access code"),
        description=_l("The 8-character code on the notice the court sent you, for example K7M2-Q9PX."),
        validators=[
            DataRequired(_l("Enter the access code from your notice.")),
            Length(max=20, message=_l("Use at most 20 characters.")),
        ],
    )
    confirm_party = BooleanField(
        _l("I am a party to this case, and these are my own details."),
        validators=[DataRequired(_l("Confirm that you are a party to this case."))],
    )


class TotpForm(PortalForm):
    code = StringField(
        _l("Code from your authenticator app"),
        filters=[strip],
        validators=[DataRequired(_l("Enter the 6-digit code.")), Length(max=10)],
    )
