"""Health of each moving part, reported separately: the database, the job queue, the assistant."""

from __future__ import annotations

import logging

import requests
from flask import current_app
from sqlalchemy import text

from portal.extensions import db

log = logging.getLogger(__name__)


def _database() -> dict:
    try:
        db.session.execute(text("SELECT 1"))
        return {"ok": True}
    except Exception:
        db.session.rollback()
        log.exception("health: database down")
        return {"ok": False}


def _assistant() -> dict:
    url = current_app.config.get("RASA_URL")
    if not url:
        return {"ok": False, "state": "not_configured"}
    # The portal runs without the assistant (the chat widget falls back to guides and the contact form),
    # so this state never fails /healthz itself: "ok" when Rasa answers /status, "down" otherwise.
    try:
        response = requests.get(f"{url.rstrip('/')}/status", timeout=1.0)
    except requests.RequestException:
        return {"ok": False, "state": "down"}
    return {"ok": response.ok, "state": "ok" if response.ok else "down"}


def _queue() -> dict:
    try:
        from portal.jobs import huey

        return {"ok": True, "backend": type(huey.storage).__name__, "pending": huey.pending_count()}
    except Exception:
        log.exception("health: job queue unavailable")
        return {"ok": False}


def check_all() -> dict:
    return {"database": _database(), "queue": _queue(), "assistant": _assistant()}
