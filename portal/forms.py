"""The base form: a language switch posts the answers back without validating or saving them."""

from __future__ import annotations

from flask_wtf import FlaskForm

from portal.i18n import is_language_switch


def row_id(value: str | None) -> int | None:
    """A row id typed into a form or a query string, or None: ASCII digits only ("²".isdigit() is true too),
    and short enough for the database's integer (an overlong one would fail in PostgreSQL, not here)."""
    if value and value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    return None


def strip(value):
    """Field filter: people paste answers with stray spaces around them."""
    return value.strip() if isinstance(value, str) else value


class PortalForm(FlaskForm):
    class Meta:
        # Error messages from WTForms' own validators come translated through Flask-Babel.
        locales = None

    def is_submitted(self) -> bool:
        return super().is_submitted() and not is_language_switch()

    @property
    def error_summary(self) -> list[tuple[str, str]]:
        """(field id, first message) pairs for the GOV.UK-style error summary that links to each field."""
        return [(name, errors[0]) for name, errors in self.errors.items() if errors and name != "csrf_token"]
