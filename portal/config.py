"""Configuration from the environment, with safe development defaults.

Only configuration changes between one machine (SQLite, embedded queue) and many (PostgreSQL, Redis).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = Path(os.environ.get("PORTAL_INSTANCE", ROOT / "instance"))

_DEV_SECRET = "dev-only-secret-change-me"  # noqa: S105 - refused outside development, see check()


class Config:
    ENV = os.environ.get("PORTAL_ENV", "development")
    SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
    # Keyed hash of identity numbers; rotating it invalidates every stored hash, so it is separate.
    ID_HASH_KEY = os.environ.get("ID_HASH_KEY", SECRET_KEY)
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", f"sqlite:///{INSTANCE / 'portal.db'}")
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", REDIS_URL or "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_ENABLED = True
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", str(INSTANCE / "uploads"))
    # Upload files with no attachment row (a crash between writing and committing) are swept once this old.
    UPLOAD_ORPHAN_GRACE_SECONDS = int(os.environ.get("UPLOAD_ORPHAN_GRACE_SECONDS", "3600"))
    MAX_CONTENT_LENGTH = 110 * 1024 * 1024  # ten files of 10 MB plus the form
    BABEL_DEFAULT_LOCALE = "zh"
    BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"
    LANGUAGES = ("zh", "en")
    WTF_CSRF_TIME_LIMIT = None  # the session bounds it; a long form must not expire mid-answer
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Secure (https-only) cookies everywhere but on a developer's machine; harden() re-applies this to the
    # environment an app is really built with (a config object or dict may name another ENV than the process).
    SESSION_COOKIE_SECURE = ENV != "development"
    REMEMBER_COOKIE_SECURE = ENV != "development"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    RASA_URL = os.environ.get("RASA_URL", "http://127.0.0.1:5005")
    # Pins "today" (ISO date) for demos and screenshots; refused in production (see check()).
    FIXED_TODAY = os.environ.get("FIXED_TODAY") or None
    # The chat proxy: Rasa must answer within RASA_TIMEOUT seconds, or the user gets the fallback at once.
    RASA_TIMEOUT = float(os.environ.get("RASA_TIMEOUT", "2.5"))
    # Per conversation (browser session), and per address for scripts that start a new session each time.
    CHAT_RATE_LIMIT = os.environ.get("CHAT_RATE_LIMIT", "20 per minute; 300 per day")
    CHAT_ADDRESS_RATE_LIMIT = os.environ.get("CHAT_ADDRESS_RATE_LIMIT", "120 per minute")
    # Lifetime of the token the proxy signs for each message the assistant's actions act on.
    CHAT_TOKEN_MAX_AGE = int(os.environ.get("CHAT_TOKEN_MAX_AGE", "900"))
    # Court code (e.g. 粤0304) whose queue receives inquiries not tied to a case; unset: the first court.
    INQUIRY_DEFAULT_COURT = os.environ.get("INQUIRY_DEFAULT_COURT")
    # Staff sign in with a second factor (TOTP) everywhere but on a developer's machine.
    STAFF_TOTP_REQUIRED = os.environ.get("STAFF_TOTP_REQUIRED", "1" if ENV == "production" else "0") == "1"
    # Case-link attempts: per account and per address (DESIGN.md, Identity).
    LINK_RATE_LIMIT = os.environ.get("LINK_RATE_LIMIT", "10 per hour")
    SIGNIN_RATE_LIMIT = os.environ.get("SIGNIN_RATE_LIMIT", "20 per 15 minutes")
    # Per account: filing submissions, evidence upload requests, replies to the court.
    SUBMIT_RATE_LIMIT = os.environ.get("SUBMIT_RATE_LIMIT", "30 per hour; 100 per day")
    EVIDENCE_RATE_LIMIT = os.environ.get("EVIDENCE_RATE_LIMIT", "120 per hour")
    REPLY_RATE_LIMIT = os.environ.get("REPLY_RATE_LIMIT", "60 per hour")
    # Links in emails point here (no request to take the host from in a background job).
    PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://127.0.0.1:5000")
    # Background jobs: False keeps after-commit hooks from putting work on the queue (tests).
    JOBS_ENQUEUE = True
    # Email: "console" logs one line per message (ids and codes only), "file" writes .eml files, "smtp" sends.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "console")
    MAIL_FROM = os.environ.get("MAIL_FROM", "no-reply@localhost")
    MAIL_FILE_DIR = os.environ.get("MAIL_FILE_DIR", str(INSTANCE / "mail"))
    SMTP_HOST = os.environ.get("SMTP_HOST", "localhost")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
    SMTP_USER = os.environ.get("SMTP_USER")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD")
    SMTP_STARTTLS = os.environ.get("SMTP_STARTTLS", "1") == "1"
    SMTP_SSL = os.environ.get("SMTP_SSL", "0") == "1"  # implicit TLS (port 465) instead of STARTTLS
    SMTP_TIMEOUT = float(os.environ.get("SMTP_TIMEOUT", "10"))
    # Outbound events to the court's case system; unset URL: events wait (nothing is dropped or faked).
    WEBHOOK_URL = os.environ.get("WEBHOOK_URL")
    WEBHOOK_SECRET = os.environ.get("WEBHOOK_SECRET")
    WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", "10"))
    OUTBOX_BATCH_SIZE = int(os.environ.get("OUTBOX_BATCH_SIZE", "10"))
    OUTBOX_MAX_BATCHES = int(os.environ.get("OUTBOX_MAX_BATCHES", "10"))  # per run: a backlog drains over several runs
    OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "12"))
    OUTBOX_BACKOFF_SECONDS = int(os.environ.get("OUTBOX_BACKOFF_SECONDS", "30"))
    OUTBOX_BACKOFF_MAX_SECONDS = int(os.environ.get("OUTBOX_BACKOFF_MAX_SECONDS", "3600"))


class TestConfig(Config):
    ENV = "testing"
    TESTING = True
    SECRET_KEY = "test-secret"  # noqa: S105
    ID_HASH_KEY = "test-id-key"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    # Limits stay on (as in production) but high; a test lowers one to prove it bites.
    RATELIMIT_STORAGE_URI = "memory://"
    LINK_RATE_LIMIT = "1000 per minute"
    SIGNIN_RATE_LIMIT = "1000 per minute"
    SUBMIT_RATE_LIMIT = EVIDENCE_RATE_LIMIT = REPLY_RATE_LIMIT = "1000 per minute"
    CHAT_RATE_LIMIT = "1000 per minute"
    CHAT_ADDRESS_RATE_LIMIT = "1000 per minute"
    RASA_URL = "http://127.0.0.1:9"  # nothing listens: tests that need the assistant start a fake one
    RASA_TIMEOUT = 1.0
    # Tests call services and task functions directly; nothing goes to the real queue or a mail server.
    JOBS_ENQUEUE = False
    MAIL_BACKEND = "console"
    WEBHOOK_URL = None
    WEBHOOK_SECRET = None


def harden(config) -> None:
    """Session and remember cookies are Secure, HttpOnly and SameSite outside development and tests."""
    if config.get("ENV") not in ("development", "testing"):
        for prefix in ("SESSION", "REMEMBER"):
            config[f"{prefix}_COOKIE_SECURE"] = True
            config[f"{prefix}_COOKIE_HTTPONLY"] = True
            if config.get(f"{prefix}_COOKIE_SAMESITE") not in ("Lax", "Strict"):
                config[f"{prefix}_COOKIE_SAMESITE"] = "Lax"


def check(config) -> None:
    """Refuse to start production on development secrets."""
    dev_secrets = _DEV_SECRET in (config["SECRET_KEY"], config["ID_HASH_KEY"])
    if config.get("ENV") == "production" and dev_secrets:
        raise RuntimeError("SECRET_KEY and ID_HASH_KEY must be set in production")
    if config.get("ENV") == "production" and config.get("FIXED_TODAY"):
        raise RuntimeError("FIXED_TODAY pins the legal clocks: it is for demos, never for production")
