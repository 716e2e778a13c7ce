"""Languages: Chinese first, English second; the switch keeps the user on the same page with their answers.

Locale order: an explicit switch on this request, the session, the signed-in user's preference, the
browser's Accept-Language, then Chinese.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from urllib.parse import urlsplit

from babel import dates as babel_dates
from flask import Flask, g, redirect, request, session
from flask_babel import (
    format_currency,
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    get_locale,
    refresh,
)
from flask_babel import gettext as _
from flask_login import current_user

from portal import config as config_module
from portal.extensions import babel, db

LANGUAGES = ("zh", "en")
HTML_LANG = {"zh": "zh-CN", "en": "en"}
SWITCH_FIELD = "_lang"


def select_locale() -> str:
    switched = g.get("switch_locale")
    if switched:
        return switched
    chosen = session.get("locale")
    if chosen in LANGUAGES:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
        return current_user.locale
    return request.accept_languages.best_match(LANGUAGES, default="zh") or "zh"


def current_locale() -> str:
    return str(get_locale() or "zh").split("_")[0]


def _remember(locale: str) -> None:
    session["locale"] = locale
    g.switch_locale = locale
    if current_user and current_user.is_authenticated and current_user.locale != locale:
        # The preference also decides the language of the user's notifications.
        current_user.locale = locale
        db.session.commit()


def _detect_form_switch() -> None:
    """A language button inside a form posts the answers along, so the page re-renders them translated."""
    # Locale choices belong to one request, even where an application context outlives it (tests, jobs).
    g.pop("switch_locale", None)
    g.pop("language_switch", None)
    refresh()
    if request.method == "POST" and request.form.get(SWITCH_FIELD) in LANGUAGES:
        _remember(request.form[SWITCH_FIELD])
        g.language_switch = True


def is_language_switch() -> bool:
    return bool(g.get("language_switch"))


def safe_next(target: str | None, fallback: str = "/") -> str:
    """Only same-site paths: never redirect a user elsewhere from a language link."""
    if not target:
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if "\\" in target or not target.isprintable():
        # Browsers read "/\\evil.example" as "//evil.example", another site; and drop tabs and line breaks.
        return fallback
    return target


def switch_view(code: str):
    if code in LANGUAGES:
        _remember(code)
    return redirect(safe_next(request.args.get("next")))


def money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return format_currency(Decimal(value), "CNY")


def long_date(value: date | None) -> str:
    if value is None:
        return ""
    if type(value) is date:  # a datetime goes through the court's timezone first, so only plain dates are cached
        return _long_date(value, current_locale())
    return format_date(value, format="long")


@lru_cache(maxsize=8192)
def _long_date(value: date, locale: str) -> str:
    # A case page shows some fifty dates; Babel's formatting was a tenth of its rendering time.
    return babel_dates.format_date(value, format="long", locale=locale)


def date_time(value: datetime | None) -> str:
    """A moment in the user's language, on the court's clock (Babel's timezone setting)."""
    if value is None:
        return ""
    return format_datetime(value, format="medium")


def number(value) -> str:
    return format_decimal(value)


def kilobytes(size: int) -> str:
    return _("%(kb)s KB", kb=format_decimal(max(1, round(size / 1024))))


def rate(value) -> str:
    """A small daily rate as a percentage with its significant digits (0.000175 -> 0.0175%)."""
    return format_percent(Decimal(value), format="#,##0.####%")


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(config_module.ROOT / "translations"))
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(_detect_form_switch)
    app.add_url_rule("/language/<code>", "language", switch_view)
    app.view_functions["language"]._access_policy = "public"  # type: ignore[attr-defined]
    app.jinja_env.filters.update(
        money=money, long_date=long_date, datetime=date_time, number=number, rate=rate, kilobytes=kilobytes
    )
    app.jinja_env.add_extension("jinja2.ext.do")

    @app.context_processor
    def inject_locale():
        locale = current_locale()
        return {
            "locale": locale,
            "html_lang": HTML_LANG.get(locale, "zh-CN"),
            "other_locales": [code for code in LANGUAGES if code != locale],
        }
