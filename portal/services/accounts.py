"""Registration and sign-in for citizens (argon2 hashes; the same work whether or not the email exists)."""

from __future__ import annotations

import logging

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _
from sqlalchemy import select

from portal.errors import PortalError
from portal.extensions import db
from portal.models import User, UserKind

log = logging.getLogger(__name__)
_hasher = PasswordHasher()
# Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class EmailTaken(PortalError):
    code = "email_taken"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def register_citizen(*, email: str, password: str, display_name: str, locale: str) -> User:
    email = normalise_email(email)
    if db.session.scalar(select(User.id).where(User.email == email)) is not None:
        raise EmailTaken(_("An account with this email address already exists. Sign in instead."))
    user = User(
        email=email,
        password_hash=hash_password(password),
        display_name=display_name.strip(),
        locale=locale,
        kind=UserKind.CITIZEN,
    )
    db.session.add(user)
    db.session.commit()
    log.info("citizen registered user_id=%s", user.id)
    return user


def authenticate(email: str, password: str) -> User | None:
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        log.info("sign-in failed")
        return None
    if user is None:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
        db.session.commit()
    return user


def totp_ok(user: User, code: str) -> bool:
    """RFC 6238 code check, allowing one step of clock drift either way."""
    if not user.totp_secret:
        return False
    digits = "".join(ch for ch in code if ch.isdigit())
    return len(digits) == 6 and pyotp.TOTP(user.totp_secret).verify(digits, valid_window=1)


def new_totp_secret(user: User) -> str:
    """Enrol a staff member: a new secret, and the URI their authenticator app scans."""
    user.totp_secret = pyotp.random_base32()
    db.session.commit()
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name="Enforcement Relief Portal")


def user_by_id(user_id: int) -> User | None:
    return db.session.get(User, user_id)
