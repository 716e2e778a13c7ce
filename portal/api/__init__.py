"""The JSON API under /api/v1, described by the OpenAPI document it serves."""

from __future__ import annotations

from flask import Blueprint, jsonify

from portal.auth import PUBLIC, access
from portal.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Machine clients authenticate with tokens, not cookies, so CSRF tokens do not apply here.
csrf.exempt(bp)

OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": "Enforcement Relief Portal API", "version": "1"},
    "paths": {},
}


@bp.route("/openapi.json")
@access(PUBLIC)
def openapi():
    return jsonify(OPENAPI)


# Route modules register on ``bp`` above and describe themselves; imported last for that reason.
from portal.api import cases as _cases  # noqa: E402

OPENAPI["paths"].update(_cases.OPENAPI_PATHS)
for _section, _entries in _cases.OPENAPI_COMPONENTS.items():
    OPENAPI.setdefault("components", {}).setdefault(_section, {}).update(_entries)

# The assistant's calls, with the chat token (portal/api/tokens.py).
from portal.api import drafts as _drafts  # noqa: E402
from portal.api import inquiries as _inquiries  # noqa: E402
from portal.api import me as _me  # noqa: E402

for _module in (_me, _drafts, _inquiries):
    OPENAPI["paths"].update(_module.OPENAPI_PATHS)
    for _section, _entries in _module.OPENAPI_COMPONENTS.items():
        OPENAPI.setdefault("components", {}).setdefault(_section, {}).update(_entries)

# Public screenings (no token), for the assistant and anyone else.
from portal.api import screenings as _screenings  # noqa: E402

OPENAPI["paths"].update(_screenings.OPENAPI_PATHS)
for _section, _entries in _screenings.OPENAPI_COMPONENTS.items():
    OPENAPI.setdefault("components", {}).setdefault(_section, {}).update(_entries)
