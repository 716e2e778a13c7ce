"""Identifiers a citizen types into a property clue, normalised so that the same clue always compares equal.

Vehicle plates (GA 36-2018), unified social credit codes (GB 32100-2015), bank account numbers and real-estate
certificate numbers. Each normaliser folds full-width characters (NFKC) and separators, returns one canonical
string, and raises ``IdentifierError(code)``; the portal turns codes into translated messages.

Codes: ``empty``, ``bad_province``, ``bad_format`` (plates, certificates), ``bad_length``, ``bad_characters``,
``bad_check_character`` (credit codes, accounts), ``unknown_kind`` (dedupe_key).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

# GA 36-2018: the issuing-authority letter and every serial letter exclude I and O (they read as 1 and 0).
_LETTER = "A-HJ-NP-Z"
_ALNUM = f"{_LETTER}0-9"
# Small new-energy serials start with D (battery) or F (other); the 2022 extension of the series added
# A, B, C, E (battery) and G, H, J, K (other), so A-K without I is accepted.
_NEV_SMALL_FIRST = "A-HJK"
_PLATE_BODY = re.compile(
    rf"""
    [{_LETTER}]                                       # issuing authority
    (?:
        [{_ALNUM}]{{5}}                               # ordinary plate, 5-character serial
      | [{_NEV_SMALL_FIRST}][{_ALNUM}][0-9]{{4}}      # small new-energy plate
      | [0-9]{{5}}[DF]                                # large new-energy plate
      | [{_ALNUM}]{{4}}[挂学警]                        # trailer, learner (coach car), police
    )
    """,
    re.VERBOSE,
)
# Guangdong cross-border vehicles from Hong Kong and Macao are always 粤Z with 4 characters and 港/澳.
_CROSS_BORDER = re.compile(rf"粤Z[{_ALNUM}]{{4}}[港澳]")
_PLATE_SEPARATORS = re.compile(r"[\s·•・‧∙.\-‐‑–—_]+")

CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, S, V, Z
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, ... 28
_CREDIT_SHAPE = re.compile(rf"[{CREDIT_CODE_CHARS}]{{2}}[0-9]{{6}}[{CREDIT_CODE_CHARS}]{{10}}")

_ACCOUNT_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
ACCOUNT_LENGTHS = range(8, 31)

_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "（", "]": "）", "〔": "（", "〕": "）", "【": "（", "】": "）"})
_CERTIFICATE = re.compile(r"(?P<prefix>[\u4e00-\u9fffA-Z0-9（）]*)第(?P<serial>[A-Z0-9\-]*)号?")
_CERTIFICATE_MAX = 80
_MIN_SERIAL_DIGITS = 6


class IdentifierError(ValueError):
    """A text that is not a valid identifier of its kind; ``code`` says which test failed."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _fold(text: str | None) -> str:
    """NFKC-fold full-width letters, digits and spaces so that typed and pasted forms agree."""
    return unicodedata.normalize("NFKC", text or "").strip()


def normalise_plate(text: str) -> str:
    """Canonical plate without separators, letters upper-case: ``粤B12345``, ``粤BD12345``, ``粤B1234挂``."""
    value = _PLATE_SEPARATORS.sub("", _fold(text)).upper()
    if not value:
        raise IdentifierError("empty")
    if value[0] not in PROVINCES:
        raise IdentifierError("bad_province")
    if not (_PLATE_BODY.fullmatch(value, 1) or _CROSS_BORDER.fullmatch(value)):
        raise IdentifierError("bad_format")
    return value


def credit_code_check_character(first17: str) -> str:
    """GB 32100-2015 check character: 31 minus the weighted sum mod 31, as a code character."""
    value = first17.upper()
    if len(value) != 17:
        raise IdentifierError("bad_length")
    if any(c not in CREDIT_CODE_CHARS for c in value):
        raise IdentifierError("bad_characters")
    total = sum(CREDIT_CODE_CHARS.index(c) * w for c, w in zip(value, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARS[-total % 31]


def validate_credit_code(text: str) -> str:
    """The 18-character unified social credit code, upper-case; the region code must be 6 digits."""
    value = "".join(_fold(text).split()).replace("-", "").upper()
    if not value:
        raise IdentifierError("empty")
    if len(value) != 18:
        raise IdentifierError("bad_length")
    if not _CREDIT_SHAPE.fullmatch(value):
        raise IdentifierError("bad_characters")
    if credit_code_check_character(value[:17]) != value[17]:
        raise IdentifierError("bad_check_character")
    return value


def luhn_ok(digits: str) -> bool:
    """Whether the digits pass the Luhn check; information only, since corporate accounts often fail it."""
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def normalise_bank_account(text: str) -> str:
    """Digits only, 8 to 30 of them, after removing spaces and dashes; no Luhn requirement."""
    value = _ACCOUNT_SEPARATORS.sub("", _fold(text))
    if not value:
        raise IdentifierError("empty")
    if not (value.isascii() and value.isdigit()):
        raise IdentifierError("bad_characters")
    if len(value) not in ACCOUNT_LENGTHS:
        raise IdentifierError("bad_length")
    return value


def normalise_property_certificate(text: str) -> str:
    """``粤（2019）深圳市不动产权第0123456号`` style: full-width brackets, no spaces, trailing 号; or digits only."""
    value = "".join(_fold(text).split()).translate(_BRACKETS).upper()
    if not value:
        raise IdentifierError("empty")
    if len(value) > _CERTIFICATE_MAX:
        raise IdentifierError("bad_format")
    if value.isascii() and value.isdigit():
        if len(value) < _MIN_SERIAL_DIGITS:
            raise IdentifierError("bad_format")
        return value
    match = _CERTIFICATE.fullmatch(value)
    if match is None or sum(c.isdigit() for c in match["serial"]) < _MIN_SERIAL_DIGITS:
        raise IdentifierError("bad_format")
    return f"{match['prefix']}第{match['serial']}号"


NORMALISERS: dict[str, Callable[[str], str]] = {
    "plate": normalise_plate,
    "credit_code": validate_credit_code,
    "bank_account": normalise_bank_account,
    "account": normalise_bank_account,  # the short spelling the clue forms use; keys keep the spelling given
    "property_certificate": normalise_property_certificate,
    "certificate": normalise_property_certificate,
}


def dedupe_key(kind: str, value: str) -> str:
    """``kind:canonical`` (``plate:粤B12345``) so a clue given twice, typed differently, is recognised."""
    normalise = NORMALISERS.get(kind)
    if normalise is None:
        raise IdentifierError("unknown_kind")
    return f"{kind}:{normalise(value)}"
