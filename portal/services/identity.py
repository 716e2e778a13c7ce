"""Keyed hashes for identity numbers and access codes: match without storing the secret itself."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import current_app

# No 0/O or 1/I/L: codes are read off paper notices and typed by hand.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def keyed_hash(value: str, *, purpose: str) -> str:
    key = current_app.config["ID_HASH_KEY"].encode()
    return hmac.new(key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


def id_hash(normalised_id: str) -> str:
    return keyed_hash(normalised_id, purpose="resident-id")


def normalise_access_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def access_code_hash(code: str) -> str:
    return keyed_hash(normalise_access_code(code), purpose="access-code")


def new_access_code() -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)
