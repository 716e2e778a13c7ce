"""``flask staff create`` and ``flask staff enrol-totp``: how an administrator gives a court's staff their accounts.

Staff sign in with a password and, outside development, a TOTP code; without an enrolled secret a staff account
cannot sign in at all, so enrolment is part of creating one. Output names the account by email only.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from portal.extensions import db
from portal.models import Court, StaffRole, User, UserKind
from portal.services.accounts import hash_password, new_totp_secret

staff = AppGroup("staff", help="Court staff accounts and their second factor.")

MIN_PASSWORD = 12


def _user(email: str) -> User:
    user = db.session.scalars(select(User).where(User.email == email.strip().lower())).first()
    if user is None or user.kind is not UserKind.STAFF:
        raise click.ClickException(f"no staff account {email}")
    return user


@staff.command("create")
@click.argument("email")
@click.option("--court", "court_code", required=True, help="The court's code, as in its case numbers (粤0304).")
@click.option("--role", type=click.Choice([r.value for r in StaffRole]), required=True)
@click.option("--name", "display_name", required=True, help="The name colleagues see in the queue.")
@click.password_option(help="At least 12 characters; prompted when not given.")
def create(email: str, court_code: str, role: str, display_name: str, password: str) -> None:
    """Create a staff account bound to one court, and print its authenticator enrolment link."""
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"the password needs at least {MIN_PASSWORD} characters")
    court = db.session.scalars(select(Court).where(Court.code == court_code)).first()
    if court is None:
        raise click.ClickException(f"no court with code {court_code}")
    email = email.strip().lower()
    if db.session.scalars(select(User).where(User.email == email)).first() is not None:
        raise click.ClickException(f"an account {email} exists already")
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
    click.echo(f"created {email} ({role}, {court_code})")
    _print_enrolment(user)


@staff.command("enrol-totp")
@click.argument("email")
def enrol_totp(email: str) -> None:
    """Give a staff member a new second-factor secret (the old one stops working) and print its link."""
    _print_enrolment(_user(email))


def _print_enrolment(user: User) -> None:
    uri = new_totp_secret(user)
    click.echo("Scan this in the staff member's authenticator app (shown once; it is a secret):")
    click.echo(uri)
