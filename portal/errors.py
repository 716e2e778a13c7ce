"""Translated error pages (and JSON errors under /api/): never a stack trace, SQL or exception text."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError

from portal.extensions import db

log = logging.getLogger(__name__)


class PortalError(Exception):
    """An expected failure of a use case: a stable code and a translated message for the user."""

    code = "portal_error"
    status = 400

    def __init__(self, message: str | None = None, **params):
        super().__init__(self.code)
        self.message = message
        self.params = params


class NotFound(PortalError):
    code = "not_found"
    status = 404


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Something in the request was not right"), _("Please go back, check what you entered and try again.")),
        401: (_("Please sign in"), _("You need to sign in to do this.")),
        403: (_("You cannot see this page"), _("Your account does not have access to this page.")),
        404: (_("Page not found"), _("Check the address, or go back to the home page.")),
        405: (_("This action is not possible here"), _("Please go back and use the links on the page.")),
        413: (
            _("The upload is too large"),
            _("Each file may be at most 10 MB, and at most 10 files per submission."),
        ),
        429: (_("Too many attempts"), _("For your security, please wait a while and try again.")),
        500: (
            _("Sorry, something went wrong on our side"),
            _("This was not caused by anything you did. Please try again in a few minutes."),
        ),
    }


def _error_response(status: int):
    title, body = _messages().get(status, _messages()[500])
    if request.path.startswith("/api/"):
        return jsonify({"error": {"code": f"http_{status}", "message": title}}), status
    return render_template("errors/error.html", status=status, title=title, body=body), status


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if isinstance(error, InternalServerError):
            return server_error(error)
        return _error_response(error.code or 500)

    @app.errorhandler(PortalError)
    def portal_error(error: PortalError):
        return _error_response(error.status)

    @app.errorhandler(Exception)
    def server_error(error: Exception):
        db.session.rollback()
        log.exception("unhandled error on %s %s", request.method, request.url_rule)
        return _error_response(500)
