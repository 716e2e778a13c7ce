"""``flask staff create`` and ``flask staff enrol-totp``: how an administrator gives a court's staff their accounts.

Staff sign in with a password and, outside development, a TOTP code; without an enrolled secret a staff account
cannot sign in at all, so enrolment is part of creating one. Output names the account by email only, in the
language of ``--locale`` (Chinese by default, as the imports CLI).
"""

from __future__ import annotations

import functools

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from portal.extensions import db
from portal.imports.commands import locale_option
from portal.models import Court, StaffRole, User, UserKind
from portal.services.accounts import hash_password, new_totp_secret

staff = AppGroup("staff", help="Court staff accounts and their second factor.")

MIN_PASSWORD = 12


def in_locale(command):
    """The command's messages in the language of its --locale option."""

    @locale_option
    @functools.wraps(command)
    def wrapper(*args, locale: str, **kwargs):
        with force_locale(locale):
            return command(*args, **kwargs)

    return wrapper


def _user(email: str) -> User:
    user = db.session.scalars(select(User).where(User.email == email.strip().lower())).first()
    if user is None or user.kind is not UserKind.STAFF:
        raise click.ClickException(_("There is no staff account %(email)s.", email=email))
    return user


@staff.command("create")
@click.argument("email")
@click.option("--court", "court_code", required=True, help="The court's code, as in its case numbers (粤0304).")
@click.option("--role", type=click.Choice([r.value for r in StaffRole]), required=True)
@click.option("--name", "display_name", required=True, help="The name colleagues see in the queue.")
@click.password_option(help="At least 12 characters; prompted when not given.")
@in_locale
def create(email: str, court_code: str, role: str, display_name: str, password: str) -> None:
    """Create a staff account bound to one court, and print its authenticator enrolment link."""
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(_("The password needs at least %(n)d characters.", n=MIN_PASSWORD))
    court = db.session.scalars(select(Court).where(Court.code == court_code)).first()
    if court is None:
        raise click.ClickException(_("There is no court with the code %(code)s.", code=court_code))
    email = email.strip().lower()
    if db.session.scalars(select(User).where(User.email == email)).first() is not None:
        raise click.ClickException(_("An account %(email)s exists already.", email=email))
    user = User(
        email=email,
        password_hash=hash_password(password),
        display_name=display_name,
        locale="zh",
        kind=UserKind.STAFF,
        role=StaffRole(role),
        court=court,
    )
    db.session.add(user)
    db.session.commit()
    click.echo(_("Created %(email)s (%(role)s, %(court)s).", email=email, role=role, court=court_code))
    _print_enrolment(user)


@staff.command("enrol-totp")
@click.argument("email")
@in_locale
def enrol_totp(email: str) -> None:
    """Give a staff member a new second-factor secret (the old one stops working) and print its link."""
    _print_enrolment(_user(email))


def _print_enrolment(user: User) -> None:
    uri = new_totp_secret(user)
    click.echo(_("Scan this in the staff member's authenticator app (shown once; it is a secret):"))
    click.echo(uri)
