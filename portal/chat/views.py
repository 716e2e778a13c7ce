"""POST /chat (the widget's relay to the assistant) and /contact (a message to court staff, no assistant needed).

The conversation id sent to Rasa is a random value kept in the session, never the user id; a signed-in
citizen's identity travels only as the short-lived chat token in the message metadata. Nothing the user
or the bot writes is logged.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from flask import Blueprint, current_app, has_request_context, jsonify, render_template, request, session
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from portal.api import tokens
from portal.auth import PUBLIC, access
from portal.chat import messages, relay
from portal.chat.forms import ContactForm
from portal.clock import now
from portal.extensions import csrf, limiter
from portal.i18n import LANGUAGES, current_locale
from portal.models import UserKind
from portal.services import inquiries

log = logging.getLogger(__name__)

bp = Blueprint("chat", __name__, template_folder="templates")

SENDER_KEY = "chat_sender"


def sender_id() -> str:
    """This browser session's conversation with the assistant: random, and new after signing in or out."""
    if not isinstance(session.get(SENDER_KEY), str):
        session[SENDER_KEY] = secrets.token_urlsafe(18)
    return session[SENDER_KEY]


@bp.app_context_processor
def inject_chat():
    """Who the widget's saved conversation belongs to: a keyed hash, so another account never sees it."""
    who = "guest"
    if not has_request_context():  # emails rendered by the worker have no widget
        return {}
    if current_user.is_authenticated:
        key = current_app.config["SECRET_KEY"].encode()
        who = hmac.new(key, f"chat-who:{current_user.id}".encode(), hashlib.sha256).hexdigest()[:16]
    return {"chat_who": who}


def _chat_limit() -> str:
    return current_app.config["CHAT_RATE_LIMIT"]


def _address_limit() -> str:
    return current_app.config["CHAT_ADDRESS_RATE_LIMIT"]


def _token() -> str | None:
    if current_user.is_authenticated and current_user.kind is UserKind.CITIZEN:
        return tokens.issue(current_user)
    return None


def _problem(code: str, status: int):
    return jsonify({"error": {"code": code, "message": messages.error(code)}}), status


@bp.route("/chat", methods=["POST"])
@access(PUBLIC)
@csrf.exempt  # checked in the view, so a refusal is JSON the widget can show, not an HTML page
@limiter.limit(_chat_limit, key_func=sender_id)
@limiter.limit(_address_limit)
def message():
    try:
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect()  # the widget sends the token in the X-CSRFToken header
    except CSRFError:
        return _problem("csrf", 400)
    body = request.get_json(silent=True)
    text = body.get("message") if isinstance(body, dict) else None
    if not isinstance(text, str) or not text.strip():
        return _problem("empty_message", 400)
    if len(text) > messages.MAX_MESSAGE:
        return _problem("message_too_long", 400)
    language = body.get("language")
    language = language if language in LANGUAGES else current_locale()
    with force_locale(language):
        try:
            replies = relay.relay(
                current_app._get_current_object(),
                sender=sender_id(),
                message=text.strip(),
                language=language,
                token=_token(),
            )
        except relay.AssistantDown as down:
            log.warning("chat: assistant unavailable reason=%s", down.reason)
            return jsonify({"assistant": "down", "messages": [messages.fallback()]})
        answers = [{"parts": r.parts, "buttons": r.buttons, "links": []} for r in replies]
        return jsonify({"assistant": "ok", "messages": answers or [messages.no_answer()]})


@bp.errorhandler(429)
def too_many(error):
    """The widget gets JSON it can show; the contact page gets the portal's own translated 429 page."""
    if request.endpoint == "chat.message":
        return _problem("rate_limited", 429)
    title, body = _("Too many attempts"), _("For your security, please wait a while and try again.")
    return render_template("errors/error.html", status=429, title=title, body=body), 429


@bp.route("/contact", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit("10 per hour", methods=["POST"])
def contact():
    form = ContactForm()
    if form.validate_on_submit():
        user = current_user if current_user.is_authenticated and current_user.kind is UserKind.CITIZEN else None
        submission = inquiries.create(
            user,
            message=form.message.data,
            transcript=[],
            language=current_locale(),
            case_number=form.case_number.data or None,
            now=now(),
        )
        return render_template("chat/contact_sent.html", submission=submission)
    return render_template("chat/contact.html", form=form), 400 if form.errors else 200
