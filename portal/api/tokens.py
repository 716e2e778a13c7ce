"""The chat token: what lets the assistant's actions act for the signed-in user whose chat they serve.

The portal's chat proxy signs a fresh token for every message it relays (itsdangerous, salted, with a
timestamp), so a token copied out of the assistant's tracker store stops working after
CHAT_TOKEN_MAX_AGE seconds. It names the user and a fingerprint of their password hash: a password
change (or reset) revokes every token issued before it. The actions send it back as
``Authorization: Bearer``; nothing typed in chat ever identifies anybody.
"""

from __future__ import annotations

import hashlib
import logging

from flask import current_app, request
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from portal.api.auth import TokenRefused
from portal.extensions import db
from portal.models import User, UserKind

log = logging.getLogger(__name__)

SALT = "portal.chat-token.v1"
# A recognisable prefix, like the court tokens' zbp_, so a leaked token is easy to spot.
PREFIX = "zbc_"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def issue(user: User) -> str:
    """A signed token for this citizen, valid for CHAT_TOKEN_MAX_AGE seconds."""
    return PREFIX + _serializer().dumps({"u": user.id, "f": _fingerprint(user)})


def user_for(raw: str) -> User:
    """The citizen a token names if it is genuine, unexpired and not revoked; TokenRefused(401) otherwise."""
    if not raw.startswith(PREFIX):
        raise TokenRefused(401, "invalid_token")
    try:
        data = _serializer().loads(raw[len(PREFIX) :], max_age=current_app.config["CHAT_TOKEN_MAX_AGE"])
    except SignatureExpired:
        log.info("chat token refused code=token_expired")
        raise TokenRefused(401, "token_expired") from None
    except BadSignature:
        log.info("chat token refused code=invalid_token")
        raise TokenRefused(401, "invalid_token") from None
    user_id = data.get("u") if isinstance(data, dict) else None
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or user.kind is not UserKind.CITIZEN or data.get("f") != _fingerprint(user):
        log.info("chat token refused code=invalid_token user_id=%s", user_id)
        raise TokenRefused(401, "invalid_token")
    return user


def bearer() -> str | None:
    """The bearer token of this request, or None when it sends none."""
    scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
    raw = raw.strip()
    return raw if scheme.lower() == "bearer" and raw else None


def require_user() -> User:
    raw = bearer()
    if raw is None:
        raise TokenRefused(401, "invalid_token")
    return user_for(raw)


def optional_user() -> User | None:
    """The token's user, None without a token; a token that is sent but bad is still refused."""
    raw = bearer()
    return None if raw is None else user_for(raw)
