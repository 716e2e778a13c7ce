"""Chinese enforcement case numbers (案号), parsed and normalised to ``（2023）粤0304执1234号``.

Accepted input: full- or half-width round brackets, 〔〕, [] or 【】 around the year; spaces (including
full-width) anywhere; full-width digits; the trailing 号 optional. The court code is one province
abbreviation followed by 0-4 digits, or 最高法 (the Supreme People's Court), or 兵 (the XPCC courts) with
digits. The kind is the enforcement case-type code (执, 执恢, 执异, 执复, 执保, 执监, 执他, 执协, 执外, 执行).
Errors carry a code only: ``empty``, ``bad_format``, ``bad_year``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
KINDS = ("执恢", "执异", "执复", "执保", "执监", "执他", "执协", "执外", "执行", "执")  # longest first
YEARS = range(1990, 2101)

_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")"})
_PATTERN = re.compile(rf"\((\d{{4}})\)(最高法|[{PROVINCES}兵]\d{{0,4}})({'|'.join(KINDS)})(\d{{1,9}})号?")


class CaseNumberError(ValueError):
    """A text that is not an enforcement case number; ``code`` is empty, bad_format or bad_year."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CaseNumber:
    """One enforcement case number: year, court code (粤0304), kind (执恢) and sequence number."""

    year: int
    court_code: str
    kind: str
    seq: int

    @property
    def canonical(self) -> str:
        """The canonical form, full-width brackets and trailing 号: ``（2023）粤0304执1234号``."""
        return f"（{self.year}）{self.court_code}{self.kind}{self.seq}号"

    def __str__(self) -> str:
        return self.canonical


def parse_case_number(text: str) -> CaseNumber:
    """Parse a case number typed or pasted in any common form; raise CaseNumberError with a code."""
    if text is None:
        raise CaseNumberError("empty")
    # NFKC folds full-width digits, brackets and spaces to ASCII; 〔〕 and 【】 are folded by hand
    folded = "".join(unicodedata.normalize("NFKC", text).translate(_BRACKETS).split())
    if not folded:
        raise CaseNumberError("empty")
    match = _PATTERN.fullmatch(folded)
    if match is None:
        raise CaseNumberError("bad_format")
    year, court, kind, seq = match.groups()
    if int(year) not in YEARS:
        raise CaseNumberError("bad_year")
    if int(seq) == 0:
        raise CaseNumberError("bad_format")
    return CaseNumber(int(year), court, kind, int(seq))
