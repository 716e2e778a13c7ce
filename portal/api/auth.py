"""Machine clients of the API: bearer tokens checked against stored hashes, with a scope and a court.

Why plain SHA-256 rather than the keyed hash of ``portal.services.identity``: a token is 256 random bits,
so its hash can be neither reversed nor guessed without a key, and rotating ``ID_HASH_KEY`` (which
re-keys identity hashes) must not silently lock the court system out. The token is looked up by its
hash (a unique index), so no comparison of secrets happens in Python. Refusals are logged by code only.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime

from flask import Response, jsonify, request
from sqlalchemy import select

from portal.errors import PortalError
from portal.extensions import db
from portal.imports.messages import token_message
from portal.models import ApiToken

log = logging.getLogger(__name__)

CASES_WRITE = "cases:write"
# A recognisable prefix lets secret scanners spot a leaked token.
TOKEN_PREFIX = "zbp_"  # noqa: S105 - a public prefix, not a secret


class TokenRefused(PortalError):
    """401 (no valid token) or 403 (valid token, not allowed); ``code`` is the RFC 6750 error."""

    def __init__(self, status: int, code: str):
        super().__init__()
        self.status, self.code = status, code


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(name: str, *, court_id: int | None, scope: str, now: datetime) -> tuple[ApiToken, str]:
    """A new token row (flushed, not committed) and the token itself, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    item = ApiToken(name=name, token_hash=hash_token(raw), court_id=court_id, scope=scope, created_at=now)
    db.session.add(item)
    db.session.flush()
    log.info("api token created id=%s court_id=%s scope=%s", item.id, court_id, scope)
    return item, raw


def revoke_token(token_id: int, *, now: datetime) -> bool:
    item = db.session.get(ApiToken, token_id)
    if item is None or item.revoked_at is not None:
        return False
    item.revoked_at = now
    log.info("api token revoked id=%s", token_id)
    return True


def require_token(scope: str) -> ApiToken:
    """The request's token if it is valid and carries ``scope``; TokenRefused otherwise."""
    scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
    raw = raw.strip()
    if scheme.lower() != "bearer" or not raw:
        raise TokenRefused(401, "invalid_token")
    item = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(raw)))
    if item is None or item.revoked_at is not None:
        log.info("api token refused code=invalid_token id=%s", item.id if item else "-")
        raise TokenRefused(401, "invalid_token")
    if scope not in item.scope.split():
        log.info("api token refused code=insufficient_scope id=%s", item.id)
        raise TokenRefused(403, "insufficient_scope")
    return item


def refusal(code: str, status: int) -> tuple[Response, int]:
    """The JSON error of a refused call, with the RFC 6750 challenge on a 401."""
    response = jsonify({"error": {"code": code, "message": token_message(code)}})
    if status == 401:
        response.headers["WWW-Authenticate"] = f'Bearer realm="portal", error="{code}"'
    return response, status
