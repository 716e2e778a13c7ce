"""Enforcement case numbers: parsing, normalising and the error codes."""

from __future__ import annotations

import pytest

from relief.case_number import CaseNumber, CaseNumberError, parse_case_number


@pytest.mark.parametrize(
    ("text", "parsed", "canonical"),
    [
        pytest.param(
            "（2023）粤0304执1234号", (2023, "粤0304", "执", 1234), "（2023）粤0304执1234号", id="CN-canonical"
        ),
        pytest.param(
            "(2024)浙0102执恢56号", (2024, "浙0102", "执恢", 56), "（2024）浙0102执恢56号", id="CN-half-width"
        ),
        pytest.param(
            " ( 2024 ) 浙 0102 执恢 56 号 ", (2024, "浙0102", "执恢", 56), "（2024）浙0102执恢56号", id="CN-spaces"
        ),
        pytest.param(
            "〔2022〕京01执异7号", (2022, "京01", "执异", 7), "（2022）京01执异7号", id="CN-tortoise-brackets"
        ),
        pytest.param("[2022]沪0115执复3号", (2022, "沪0115", "执复", 3), "（2022）沪0115执复3号", id="CN-square"),
        pytest.param("【2022】川执保3", (2022, "川", "执保", 3), "（2022）川执保3号", id="CN-lenticular-no-hao"),
        pytest.param(
            "（２０２１）苏０５执监１２号", (2021, "苏05", "执监", 12), "（2021）苏05执监12号", id="CN-fullwidth"
        ),
        pytest.param(
            "(2021)\u3000鲁02\u3000执他9号", (2021, "鲁02", "执他", 9), "（2021）鲁02执他9号", id="CN-ideographic-sp"
        ),
        pytest.param("(2020)琼执协1号", (2020, "琼", "执协", 1), "（2020）琼执协1号", id="CN-court-no-digits"),
        pytest.param("(2020)新31执外2号", (2020, "新31", "执外", 2), "（2020）新31执外2号", id="CN-zhiwai"),
        pytest.param("(2020)藏0102执行2号", (2020, "藏0102", "执行", 2), "（2020）藏0102执行2号", id="CN-zhixing"),
        pytest.param("(2023)最高法执监88号", (2023, "最高法", "执监", 88), "（2023）最高法执监88号", id="CN-spc"),
        pytest.param("(2019)兵0101执123号", (2019, "兵0101", "执", 123), "（2019）兵0101执123号", id="CN-xpcc"),
        pytest.param("(1990)粤执1号", (1990, "粤", "执", 1), "（1990）粤执1号", id="CN-first-year"),
        pytest.param("(2100)粤执1号", (2100, "粤", "执", 1), "（2100）粤执1号", id="CN-last-year"),
    ],
)
def test_valid_case_numbers(text, parsed, canonical):
    number = parse_case_number(text)
    assert number == CaseNumber(*parsed)
    assert number.canonical == canonical == str(number)
    assert parse_case_number(canonical) == number


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("", "empty", id="CN-empty"),
        pytest.param(" \u3000 ", "empty", id="CN-blank"),
        pytest.param(None, "empty", id="CN-none"),
        pytest.param("(1989)粤0304执1号", "bad_year", id="CN-year-too-early"),
        pytest.param("(2101)粤0304执1号", "bad_year", id="CN-year-too-late"),
        pytest.param("(23)粤0304执1号", "bad_format", id="CN-two-digit-year"),
        pytest.param("(2023)粤03045执1号", "bad_format", id="CN-five-digit-court"),
        pytest.param("(2023)港0304执1号", "bad_format", id="CN-not-a-province"),
        pytest.param("(2023)粤0304民1号", "bad_format", id="CN-not-enforcement"),
        pytest.param("(2023)粤0304执号", "bad_format", id="CN-no-sequence"),
        pytest.param("(2023)粤0304执0号", "bad_format", id="CN-zero-sequence"),
        pytest.param("2023粤0304执1号", "bad_format", id="CN-no-brackets"),
        pytest.param("(2023)粤0304执1号号", "bad_format", id="CN-double-hao"),
        pytest.param("(2023)粤0304执1号 extra", "bad_format", id="CN-trailing-text"),
    ],
)
def test_invalid_case_numbers(text, code):
    with pytest.raises(CaseNumberError) as error:
        parse_case_number(text)
    assert error.value.code == code
