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
    MAX_CONTENT_LENGTH = 110 * 1024 * 1024  # ten files of 10 MB plus the form
    BABEL_DEFAULT_LOCALE = "zh"
    BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"
    LANGUAGES = ("zh", "en")
    WTF_CSRF_TIME_LIMIT = None  # the session bounds it; a long form must not expire mid-answer
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = ENV == "production"
    REMEMBER_COOKIE_SECURE = ENV == "production"
    REMEMBER_COOKIE_HTTPONLY = True
    RASA_URL = os.environ.get("RASA_URL", "http://127.0.0.1:5005")
    # Case-link attempts: per account and per address (DESIGN.md, Identity).
    LINK_RATE_LIMIT = os.environ.get("LINK_RATE_LIMIT", "10 per hour")
    SIGNIN_RATE_LIMIT = os.environ.get("SIGNIN_RATE_LIMIT", "20 per 15 minutes")


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


def check(config) -> None:
    """Refuse to start production on development secrets."""
    dev_secrets = _DEV_SECRET in (config["SECRET_KEY"], config["ID_HASH_KEY"])
    if config.get("ENV") == "production" and dev_secrets:
        raise RuntimeError("SECRET_KEY and ID_HASH_KEY must be set in production")
