"""PDF receipts for submissions: one A4 document the citizen keeps as proof of what the court received and when.

The caller passes every string already translated (``Receipt``); this module only lays them out. The font is
the vendored Noto Sans SC subset (GB 2312), so Chinese renders without any system font; fpdf2 embeds only the
glyphs used. Characters the font lacks (rare name characters, emoji) are drawn as □ rather than handed to
fpdf2, which would log them. The only date in the metadata is ``issued_on``, at midnight UTC.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue, TextMode

FONT_PATH = Path(__file__).resolve().parent.parent / "static" / "fonts" / "NotoSansSC-Regular-subset.ttf"
FAMILY = "notosanssc"
LANGUAGES = {"zh": "zh-CN", "en": "en"}
REQUIRED_LABELS = frozenset({"reference", "court", "case", "received", "answers", "attachments"})
# optional labels: "footer" (a line above the page number), "none" (shown in an empty section, else it is left out)
MISSING_GLYPH = "□"
NO_DATE = date(1970, 1, 1)  # fpdf2 always writes a creation date; this one says nothing

_MARGIN = 18.0
_LINE = 6.0
_SMALL_LINE = 4.5
_MUTED = (90, 90, 90)
_RULE = (200, 200, 200)
_BOLD_STROKE = 0.2  # stroke width (mm) that makes the one regular weight look bold


@dataclass(frozen=True)
class Receipt:
    """Everything the receipt shows, already translated and formatted by the caller."""

    title: str
    reference: str
    court: str
    case_number: str
    kind_label: str
    received_at: str
    deadline_label: str
    deadline: str
    deadline_note: str | None
    answers: tuple[tuple[str, str], ...]
    attachments: tuple[tuple[str, str], ...]
    labels: Mapping[str, str]
    issued_on: date | None = None

    def __post_init__(self) -> None:
        missing = REQUIRED_LABELS - set(self.labels)
        if missing:
            raise ValueError(f"receipt labels missing: {sorted(missing)}")


class _ReceiptPDF(FPDF):
    """FPDF with the receipt's footer: an optional line of text and the page number."""

    footer_text = ""

    def footer(self) -> None:
        self.set_y(-_MARGIN + 4)
        self.set_draw_color(*_RULE)
        self.line(self.l_margin, self.y - 1.5, self.w - self.r_margin, self.y - 1.5)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*_MUTED)
        number_width = 20.0
        if self.footer_text:
            self.multi_cell(w=self.epw - number_width, h=3.5, text=self.footer_text, new_x="RIGHT", new_y="TOP")
        self.set_x(self.w - self.r_margin - number_width)
        self.cell(w=number_width, h=3.5, text=f"{self.page_no()} / {self.str_alias_nb_pages}", align=Align.R)
        self.set_text_color(0)


def build_receipt(receipt: Receipt, *, locale: str) -> bytes:
    """The receipt as PDF bytes: title, key facts box, answers table, attachments, numbered footer."""
    if locale not in LANGUAGES:
        raise ValueError(f"unsupported receipt locale: {locale}")
    pdf = _new_document(receipt, locale)
    _title(pdf, receipt)
    _facts_box(pdf, receipt)
    none = receipt.labels.get("none")
    label_width, size_width = pdf.epw * 0.32, 28.0
    if receipt.answers or none:
        _heading(pdf, receipt.labels["answers"])
        for label, value in receipt.answers or (("", none),):
            _row(pdf, [(label, label_width, Align.L, True), (value, pdf.epw - label_width, Align.L, False)])
            _rule(pdf)
    if receipt.attachments or none:
        _heading(pdf, receipt.labels["attachments"])
        for name, size in receipt.attachments or ((none, ""),):
            _row(pdf, [(name, pdf.epw - size_width, Align.L, False), (size, size_width, Align.R, True)])
            _rule(pdf)
    return bytes(pdf.output())


def _new_document(receipt: Receipt, locale: str) -> _ReceiptPDF:
    """An A4 document with the font, metadata (title, language, a date without a time) and margins set."""
    pdf = _ReceiptPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FAMILY, "", str(FONT_PATH))
    pdf.footer_text = _printable(receipt.labels.get("footer", ""))
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN + 4)
    pdf.set_title(_printable(receipt.title))
    pdf.set_lang(LANGUAGES[locale])
    pdf.set_creation_date(datetime.combine(receipt.issued_on or NO_DATE, time(0), tzinfo=UTC))
    pdf.add_page()
    return pdf


def _title(pdf: FPDF, receipt: Receipt) -> None:
    """The title in large type and the kind of submission under it."""
    pdf.set_font(FAMILY, size=18)
    with _bold(pdf):
        pdf.multi_cell(w=0, h=9, text=_printable(receipt.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=11)
    pdf.set_text_color(*_MUTED)
    pdf.multi_cell(w=0, h=_LINE, text=_printable(receipt.kind_label), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(4)


def _facts_box(pdf: FPDF, receipt: Receipt) -> None:
    """Reference, court, case number, received time and deadline (bold), framed."""
    labels = receipt.labels
    top, page = pdf.y, pdf.page
    pdf.set_y(top + 2.5)
    label_width = pdf.epw * 0.32
    pdf.set_font(FAMILY, size=10.5)
    for label, value in (
        (labels["reference"], receipt.reference),
        (labels["court"], receipt.court),
        (labels["case"], receipt.case_number),
        (labels["received"], receipt.received_at),
    ):
        _row(pdf, [(label, label_width, Align.L, True), (value, pdf.epw - label_width, Align.L, False)])
    with _bold(pdf):
        _row(pdf, [(receipt.deadline_label, label_width, Align.L, False), (receipt.deadline, 0, Align.L, False)])
    if receipt.deadline_note:
        pdf.set_font(FAMILY, size=9)
        _row(pdf, [("", label_width, Align.L, True), (receipt.deadline_note, 0, Align.L, True)], line=_SMALL_LINE)
    pdf.set_y(pdf.y + 2.5)
    if pdf.page == page:  # a frame split over two pages would only confuse
        pdf.set_draw_color(0)
        pdf.set_line_width(0.3)
        pdf.rect(pdf.l_margin - 2, top, pdf.epw + 4, pdf.y - top)
    pdf.ln(6)


def _heading(pdf: FPDF, text: str) -> None:
    """A section heading, kept on the same page as at least its first rows."""
    pdf.ln(3)
    if pdf.will_page_break(_LINE * 4):
        pdf.add_page()
    pdf.set_font(FAMILY, size=13)
    with _bold(pdf):
        pdf.multi_cell(w=0, h=8, text=_printable(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10.5)
    _rule(pdf, colour=(0, 0, 0))


def _row(
    pdf: FPDF,
    cells: Sequence[tuple[str, float, Align, bool]],
    *,
    line: float = _LINE,
) -> None:
    """Side-by-side columns of (text, width, align, muted), wrapped and broken across pages line by line."""
    widths = [width or pdf.epw - sum(w for _, w, _, _ in cells) for _, width, _, _ in cells]
    wrapped = [
        pdf.multi_cell(w=width, h=line, text=_printable(text), dry_run=True, output=MethodReturnValue.LINES) or [""]
        for (text, _, _, _), width in zip(cells, widths, strict=True)
    ]
    for index in range(max(len(lines) for lines in wrapped)):
        if pdf.will_page_break(line):
            pdf.add_page()
        x = pdf.l_margin
        for (_, _, align, muted), width, lines in zip(cells, widths, wrapped, strict=True):
            pdf.set_xy(x, pdf.y)
            pdf.set_text_color(*(_MUTED if muted else (0, 0, 0)))
            pdf.cell(w=width, h=line, text=lines[index] if index < len(lines) else "", align=align)
            x += width
        pdf.set_text_color(0)
        pdf.ln(line)


def _rule(pdf: FPDF, *, colour: tuple[int, int, int] = _RULE) -> None:
    """A thin line across the text width, with a little air below."""
    pdf.set_draw_color(*colour)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, pdf.y + 0.8, pdf.w - pdf.r_margin, pdf.y + 0.8)
    pdf.set_draw_color(0)
    pdf.ln(2)


def _bold(pdf: FPDF) -> AbstractContextManager[None]:
    """Emulated bold (glyphs filled and stroked, inside q/Q so it ends): the vendored font has one weight."""
    width = _BOLD_STROKE * pdf.font_size_pt / 11
    return pdf.local_context(text_mode=TextMode.FILL_STROKE, line_width=width, draw_color=(0, 0, 0))


@cache
def _glyphs() -> frozenset[int]:
    """Code points the vendored font can draw (read once)."""
    with TTFont(FONT_PATH, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _printable(text: str) -> str:
    """Text the font can draw: controls become spaces (newlines stay), unknown characters become □."""
    glyphs = _glyphs()
    out = []
    for char in unicodedata.normalize("NFC", text or ""):
        if char == "\n":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(" ")
        elif ord(char) in glyphs:
            out.append(char)
        else:
            out.append(MISSING_GLYPH)
    return "".join(out)
