"""Outgoing email, one `send()` for every backend (MAIL_BACKEND): console, file or smtp.

`console` is the development default and logs one line with the caller's reference (a notification id and
code), never the address, subject or body: logs are kept longer and read by more people than mailboxes.
`file` writes each message as an .eml file under MAIL_FILE_DIR (instance/mail/ by default) for tests and
demos. `smtp` sends with smtplib (STARTTLS or implicit TLS, optional login).
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import uuid
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from flask import current_app

from portal.models.types import utcnow

log = logging.getLogger(__name__)

BACKENDS = ("console", "file", "smtp")


class MailNotSent(RuntimeError):
    """The backend could not hand the message on; the caller's job retries."""


def build(to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text UTF-8 message (Chinese subjects are encoded per RFC 2047 by the email package)."""
    message = EmailMessage()
    sender = current_app.config["MAIL_FROM"]
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    message.set_content(body, charset="utf-8")
    return message


def send(to: str, subject: str, body: str, *, ref: str = "-") -> None:
    """Send one message; `ref` (ids and codes only) is what the log line says about it."""
    backend = current_app.config.get("MAIL_BACKEND", "console")
    if backend not in BACKENDS:
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")
    message = build(to, subject, body)
    if backend == "console":
        log.info("mail (console backend, not sent) %s", ref)
    elif backend == "file":
        path = _write(message)
        log.info("mail written %s file=%s", ref, path.name)
    else:
        _smtp(message)
        log.info("mail sent %s", ref)


def _write(message: EmailMessage) -> Path:
    folder = Path(current_app.config["MAIL_FILE_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}.eml"
    path.write_bytes(message.as_bytes())
    return path


def _smtp(message: EmailMessage) -> None:
    cfg = current_app.config
    context = ssl.create_default_context()
    try:
        if cfg["SMTP_SSL"]:
            client = smtplib.SMTP_SSL(cfg["SMTP_HOST"], cfg["SMTP_PORT"], timeout=cfg["SMTP_TIMEOUT"], context=context)
        else:
            client = smtplib.SMTP(cfg["SMTP_HOST"], cfg["SMTP_PORT"], timeout=cfg["SMTP_TIMEOUT"])
        with client:
            if cfg["SMTP_STARTTLS"] and not cfg["SMTP_SSL"]:
                client.starttls(context=context)
            if cfg["SMTP_USER"]:
                client.login(cfg["SMTP_USER"], cfg["SMTP_PASSWORD"] or "")
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        # The exception text can quote the address; only its type goes into the log and the retry.
        raise MailNotSent(type(error).__name__) from None
