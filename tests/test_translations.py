"""The Chinese catalogue is complete and its placeholders match; the English one exists for plurals."""

from __future__ import annotations

import pathlib
import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{\{\s*(\w+)\s*\}\}")


def _catalog(locale: str):
    with open(ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=locale)


def _placeholders(text: str) -> set[str]:
    return {m.group(1) or m.group(2) or m.group(0) for m in PLACEHOLDER.finditer(text)}


def _messages(catalog):
    for message in catalog:
        if not message.id:
            continue
        yield message


def test_chinese_catalogue_has_no_empty_or_fuzzy_entry():
    catalog = _catalog("zh")
    empty, fuzzy = [], []
    for message in _messages(catalog):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            empty.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert empty == [], f"untranslated: {empty[:10]} (+{max(len(empty) - 10, 0)})"
    assert fuzzy == []


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_placeholders_match_between_msgid_and_msgstr(locale):
    mismatched = []
    for message in _messages(_catalog(locale)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_placeholders(i) for i in ids))
        for string in strings:
            if string and _placeholders(string) - wanted:
                mismatched.append(message.id)
            if string and len(ids) == 1 and _placeholders(string) != wanted:
                mismatched.append(message.id)
    assert mismatched == []


def _extracted_ids() -> set:
    """Extract the source strings now, as `make translations-extract` would, so a stale .pot cannot hide one."""
    method_map = [("portal/**.py", "python"), ("portal/**/templates/**.html", "jinja2")]
    keywords = dict(DEFAULT_KEYWORDS, _l=None, _n=(1, 2), lazy_gettext=None, _p=((1, "c"), 2))
    found = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=keywords, options_map={"**.html": {"extensions": "jinja2.ext.do"}}
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_catalogue_covers_every_string_in_the_code():
    zh = _catalog("zh")
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in zh if m.id}
    missing = sorted(_extracted_ids() - known)
    assert missing == [], f"run `make translations` and translate: {missing[:10]}"


@pytest.mark.parametrize("locale", ["zh", "en"])
def test_catalogue_passes_babels_own_checks(locale):
    """The checks `pybabel compile` runs (python-format placeholders and plural forms)."""
    problems = [(message.id, [str(e) for e in errors]) for message, errors in _catalog(locale).check()]
    assert problems == []
