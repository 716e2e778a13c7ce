"""Who may call what: every view declares an access policy, and a test fails on a view without one.

Policies: ``public``, ``citizen`` (a signed-in citizen), ``staff`` (signed-in staff, optionally of some
roles), ``api_token`` (machine clients; checked by the API itself). Case-level access (only linked
parties) is decided in the services, which answer 404 so nobody learns that a case exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from flask import Flask, abort, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.extensions import db, login_manager
from portal.models import StaffRole, User, UserKind

PUBLIC, CITIZEN, STAFF, API_TOKEN = "public", "citizen", "staff", "api_token"


def access(policy: str, *, roles: Iterable[StaffRole] | None = None) -> Callable:
    """Declare and enforce the access policy of a view."""
    allowed_roles = frozenset(roles or ())

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            if policy in (CITIZEN, STAFF):
                if not current_user.is_authenticated:
                    return login_manager.unauthorized()
                wanted = UserKind.CITIZEN if policy == CITIZEN else UserKind.STAFF
                if current_user.kind is not wanted:
                    abort(403)
                if allowed_roles and current_user.role not in allowed_roles:
                    abort(403)
            return view(*args, **kwargs)

        wrapper._access_policy = policy  # type: ignore[attr-defined]
        wrapper._access_roles = allowed_roles  # type: ignore[attr-defined]
        return wrapper

    return decorate


def _load_user(user_id: str) -> User | None:
    if not user_id.isdigit():
        return None
    return db.session.get(User, int(user_id))


def _unauthorized():
    if request.path.startswith("/api/"):
        abort(401)
    return redirect(url_for("accounts.sign_in", next=request.full_path if request.query_string else request.path))


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_unauthorized)
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.session_protection = "strong"
