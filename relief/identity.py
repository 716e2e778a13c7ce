"""18-digit mainland resident identity numbers (GB 11643): validation and masking, no hashing.

Validation: 18 characters after removing spaces and folding full-width characters; 17 digits then a digit
or X; a real birth date (YYYYMMDD at positions 7-14, year from 1900); the ISO 7064 MOD 11-2 check
character. Errors carry a code only: bad_length, bad_characters, bad_birth_date, bad_check_digit. The
region code is not checked against GB/T 2260 (codes change and old numbers stay valid).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK = "10X98765432"
_SHAPE = re.compile(r"\d{17}[\dX]")


class IdentityNumberError(ValueError):
    """A text that is not a valid resident identity number; ``code`` says which test failed."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def check_character(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def validate_resident_id(text: str) -> str:
    """The normalised number (uppercase X), or IdentityNumberError(code)."""
    value = "".join(unicodedata.normalize("NFKC", text or "").split()).upper()
    if len(value) != 18:
        raise IdentityNumberError("bad_length")
    if not _SHAPE.fullmatch(value) or not value.isascii():
        raise IdentityNumberError("bad_characters")
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise IdentityNumberError("bad_birth_date") from None
    if born.year < 1900:
        raise IdentityNumberError("bad_birth_date")
    if check_character(value[:17]) != value[17]:
        raise IdentityNumberError("bad_check_digit")
    return value


def mask_resident_id(normalised: str) -> str:
    """The first 6 and last 4 characters with 8 asterisks between (440304********123X)."""
    if len(normalised) != 18:
        raise IdentityNumberError("bad_length")
    return f"{normalised[:6]}{'*' * 8}{normalised[-4:]}"
