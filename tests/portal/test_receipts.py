"""PDF receipts: text survives extraction in both languages, the font is embedded, metadata holds no time."""

from __future__ import annotations

import dataclasses
import io
import logging
from datetime import date

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from portal.receipts import FONT_PATH, MISSING_GLYPH, Receipt, build_receipt

ZH_LABELS = {
    "answers": "填写内容",
    "attachments": "附件",
    "reference": "回执编号",
    "received": "接收时间",
    "court": "法院",
    "case": "案号",
    "footer": "本回执仅证明法院已收到您提交的材料。",
}
EN_LABELS = {
    "answers": "Your answers",
    "attachments": "Attachments",
    "reference": "Reference",
    "received": "Received",
    "court": "Court",
    "case": "Case number",
    "footer": "This receipt only confirms that the court received your submission.",
}


def _zh(**changes) -> Receipt:
    receipt = Receipt(
        title="财产线索提交回执",
        reference="XS-2025-000123",
        court="广东省深圳市福田区人民法院",
        case_number="（2023）粤0304执1234号",
        kind_label="财产线索",
        received_at="2025年3月4日 14:05",
        deadline_label="法院答复期限",
        deadline="2025年3月18日",
        deadline_note="暂定期限，如遇法定节假日顺延。",
        answers=(
            ("线索类型", "车辆"),
            ("车牌号", "粤B12345"),
            ("线索说明", "被执行人名下位于深圳市福田区的房产一套，" * 12 + "另有车辆一辆。"),
        ),
        attachments=(("行驶证照片.jpg", "1.2 MB"), ("银行流水.pdf", "300 KB")),
        labels=ZH_LABELS,
        issued_on=date(2025, 3, 4),
    )
    return dataclasses.replace(receipt, **changes)


def _en(**changes) -> Receipt:
    receipt = Receipt(
        title="Receipt for your property clue",
        reference="XS-2025-000124",
        court="Shenzhen Futian District People's Court",
        case_number="（2023）粤0304执1234号",
        kind_label="Property clue",
        received_at="4 March 2025, 14:05",
        deadline_label="The court replies by",
        deadline="18 March 2025",
        deadline_note=None,
        answers=(("Plate number", "粤B12345"), ("Where is it parked?", "Basement car park of 福田花园, every night")),
        attachments=(("photo.jpg", "1.2 MB"),),
        labels=EN_LABELS,
        issued_on=date(2025, 3, 4),
    )
    return dataclasses.replace(receipt, **changes)


def _read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_chinese_receipt_text_can_be_extracted():
    data = build_receipt(_zh(), locale="zh")
    assert data.startswith(b"%PDF-")
    _, text = _read(data)
    for expected in (
        "财产线索提交回执",
        "XS-2025-000123",
        "福田区人民法院",
        "粤0304执1234号",
        "2025年3月18日",
        "暂定期限",
    ):
        assert expected in text
    for heading in ("填写内容", "附件", "行驶证照片.jpg", "银行流水.pdf", "1.2 MB"):
        assert heading in text


def test_english_receipt_text_can_be_extracted():
    _, text = _read(build_receipt(_en(), locale="en"))
    for expected in ("Receipt for your property clue", "XS-2025-000124", "18 March 2025", "Your answers", "福田花园"):
        assert expected in text


@pytest.mark.parametrize(("locale", "lang"), [("zh", "zh-CN"), ("en", "en")])
def test_metadata_title_and_language(locale, lang):
    reader, _ = _read(build_receipt(_zh() if locale == "zh" else _en(), locale=locale))
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.metadata.title == ("财产线索提交回执" if locale == "zh" else "Receipt for your property clue")


def test_creation_date_is_the_issue_date_without_a_time():
    reader, _ = _read(build_receipt(_zh(), locale="zh"))
    assert reader.metadata["/CreationDate"] == "D:20250304000000Z"
    assert "/ModDate" not in reader.metadata
    assert "/Producer" not in reader.metadata


def test_without_an_issue_date_no_date_is_given_away():
    reader, _ = _read(build_receipt(_zh(issued_on=None), locale="zh"))
    assert reader.metadata["/CreationDate"] == "D:19700101000000Z"


def test_same_receipt_same_bytes():
    # nothing reads the clock: a receipt can be rebuilt later and compared
    assert build_receipt(_zh(), locale="zh") == build_receipt(_zh(), locale="zh")


def test_font_is_embedded_and_subset():
    data = build_receipt(_zh(), locale="zh")
    assert b"/FontFile2" in data
    assert b"NotoSansSC" in data
    assert len(data) < 1024 * 1024
    assert len(data) < FONT_PATH.stat().st_size / 10, "fpdf2 must embed only the glyphs used"


def test_deadline_is_bold():
    reader, _ = _read(build_receipt(_zh(), locale="zh"))
    assert b"2 Tr" in reader.pages[0].get_contents().get_data()


def test_long_chinese_answer_wraps_and_breaks_pages():
    long_answer = "被执行人在深圳市福田区有房产一套并有车辆一辆" * 200  # no spaces anywhere
    reader, text = _read(build_receipt(_zh(answers=(("线索说明", long_answer),)), locale="zh"))
    assert len(reader.pages) >= 2
    assert "1 / " in reader.pages[0].extract_text()
    assert f"{len(reader.pages)} / {len(reader.pages)}" in reader.pages[-1].extract_text()
    assert text.count("被执行人在深圳市") >= 150, "no text may be lost at the line or page breaks"


def test_long_unbroken_latin_text_wraps():
    reader, _ = _read(build_receipt(_en(attachments=(("a" * 400 + ".pdf", "3 MB"),)), locale="en"))
    assert len(reader.pages) == 1


def test_characters_outside_the_font_become_a_box_and_are_not_logged(caplog):
    caplog.set_level(logging.DEBUG)
    answers = (("申请人姓名", "王喆"), ("备注", "😀𠮷"))
    _, text = _read(build_receipt(_zh(answers=answers), locale="zh"))
    assert f"王{MISSING_GLYPH}" in text
    assert "喆" not in caplog.text
    assert "missing" not in caplog.text


def test_control_characters_do_not_break_the_layout():
    answers = (("Note", "line one\nline two\r\n\tindented\x00\u202eevil\u200b"),)
    _, text = _read(build_receipt(_en(answers=answers), locale="en"))
    assert "line one" in text
    assert "line two" in text


def test_empty_sections_are_left_out():
    _, text = _read(build_receipt(_en(answers=(), attachments=()), locale="en"))
    assert "Your answers" not in text
    assert "Attachments" not in text
    assert "XS-2025-000124" in text


def test_empty_sections_say_none_when_a_label_is_given():
    labels = {**EN_LABELS, "none": "None"}
    _, text = _read(build_receipt(_en(answers=(), attachments=(), labels=labels), locale="en"))
    assert "Your answers" in text
    assert "Attachments" in text
    assert text.count("None") == 2


def test_unknown_locale_is_refused():
    with pytest.raises(ValueError, match="locale"):
        build_receipt(_en(), locale="fr")


def test_missing_labels_are_refused():
    with pytest.raises(ValueError, match="court"):
        _en(labels={k: v for k, v in EN_LABELS.items() if k != "court"})


def test_footer_label_is_optional():
    labels = {k: v for k, v in EN_LABELS.items() if k != "footer"}
    _, text = _read(build_receipt(_en(labels=labels), locale="en"))
    assert "1 / 1" in text


# --- the vendored font ------------------------------------------------------------------------------------------


def test_vendored_font_covers_gb2312_and_stays_small():
    assert 2_000_000 <= FONT_PATH.stat().st_size <= 4_000_000
    with TTFont(FONT_PATH, lazy=True) as font:
        cmap = font.getBestCmap()
    codes = [bytes([high, low]) for high in range(0xB0, 0xF8) for low in range(0xA1, 0xFF)]
    hanzi = "".join(code.decode("gb2312", "ignore") for code in codes)  # 0xD7FA-0xD7FE are unassigned
    assert len(hanzi) == 6763
    assert all(ord(c) in cmap for c in hanzi)
    assert all(ord(c) in cmap for c in "ABCxyz019（）【】：；，。、“”·—…￥℃①")


def test_font_licence_and_provenance_are_shipped():
    folder = FONT_PATH.parent
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text(encoding="utf-8")
    assert "pyftsubset" in (folder / "README.md").read_text(encoding="utf-8")
