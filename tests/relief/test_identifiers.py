"""Clue identifiers: plates, credit codes, bank accounts, property certificates and their dedupe keys."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relief.identifiers import (
    CREDIT_CODE_CHARS,
    PROVINCES,
    IdentifierError,
    credit_code_check_character,
    dedupe_key,
    luhn_ok,
    normalise_bank_account,
    normalise_plate,
    normalise_property_certificate,
    validate_credit_code,
)


def _code_of(function, text):
    with pytest.raises(IdentifierError) as error:
        function(text)
    return error.value.code


# --- vehicle plates (GA 36-2018) ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        pytest.param("粤B12345", "粤B12345", id="PLATE-ordinary"),
        pytest.param("粤B·12345", "粤B12345", id="PLATE-middle-dot"),
        pytest.param("粤B・12345", "粤B12345", id="PLATE-katakana-dot"),
        pytest.param(" 粤 b 1 2 3 4 5 ", "粤B12345", id="PLATE-spaces-lowercase"),
        pytest.param("粤B-12345", "粤B12345", id="PLATE-hyphen"),
        pytest.param("粤Ｂ１２３４５", "粤B12345", id="PLATE-fullwidth"),
        pytest.param("粤\u3000B12345", "粤B12345", id="PLATE-ideographic-space"),
        pytest.param("京A8U3K7", "京A8U3K7", id="PLATE-letters-in-serial"),
        pytest.param("粤BD12345", "粤BD12345", id="PLATE-nev-small-battery"),
        pytest.param("粤BF12345", "粤BF12345", id="PLATE-nev-small-hybrid"),
        pytest.param("粤B·DA1234", "粤BDA1234", id="PLATE-nev-small-letter-second"),
        pytest.param("沪AA12345", "沪AA12345", id="PLATE-nev-small-2022-series"),
        pytest.param("沪AK12345", "沪AK12345", id="PLATE-nev-small-2022-series-k"),
        pytest.param("粤B12345D", "粤B12345D", id="PLATE-nev-large-battery"),
        pytest.param("粤B12345F", "粤B12345F", id="PLATE-nev-large-hybrid"),
        pytest.param("粤B1234挂", "粤B1234挂", id="PLATE-trailer"),
        pytest.param("沪A·123A学", "沪A123A学", id="PLATE-learner"),
        pytest.param("京A1234警", "京A1234警", id="PLATE-police"),
        pytest.param("粤Z·1234港", "粤Z1234港", id="PLATE-hong-kong"),
        pytest.param("粤Z ab12 澳", "粤ZAB12澳", id="PLATE-macao"),
    ],
)
def test_plates_accepted(text, canonical):
    assert normalise_plate(text) == canonical


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("", "empty", id="PLATE-empty"),
        pytest.param(" · ", "empty", id="PLATE-only-separators"),
        pytest.param(None, "empty", id="PLATE-none"),
        pytest.param("B12345", "bad_province", id="PLATE-no-province"),
        pytest.param("港B12345", "bad_province", id="PLATE-not-a-province"),
        pytest.param("WJ粤12345", "bad_province", id="PLATE-armed-police-not-supported"),
        pytest.param("粤I12345", "bad_format", id="PLATE-authority-I"),
        pytest.param("粤O12345", "bad_format", id="PLATE-authority-O"),
        pytest.param("粤1A2345", "bad_format", id="PLATE-authority-digit"),
        pytest.param("粤B1234O", "bad_format", id="PLATE-serial-O"),
        pytest.param("粤B12I45", "bad_format", id="PLATE-serial-I"),
        pytest.param("粤B1234", "bad_format", id="PLATE-too-short"),
        pytest.param("粤B1234567", "bad_format", id="PLATE-too-long"),
        pytest.param("粤BZ12345", "bad_format", id="PLATE-nev-small-bad-first"),
        pytest.param("粤BD1234A", "bad_format", id="PLATE-nev-small-letter-tail"),
        pytest.param("粤B1234AD", "bad_format", id="PLATE-nev-large-letter"),
        pytest.param("粤B12345挂", "bad_format", id="PLATE-trailer-5-serial"),
        pytest.param("粤B1234港", "bad_format", id="PLATE-hong-kong-not-Z"),
        pytest.param("沪Z1234港", "bad_format", id="PLATE-hong-kong-not-guangdong"),
        pytest.param("粤B1234使", "bad_format", id="PLATE-unknown-suffix"),
        pytest.param("粤B12345\n<script>", "bad_format", id="PLATE-junk"),
    ],
)
def test_plates_rejected(text, code):
    assert _code_of(normalise_plate, text) == code


_PLATE_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


@given(
    province=st.sampled_from(PROVINCES),
    authority=st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ"),
    serial=st.text(alphabet=_PLATE_ALNUM, min_size=5, max_size=5),
    separator=st.sampled_from(["", " ", "·", "-", "\u3000"]),
)
def test_ordinary_plates_round_trip(province, authority, serial, separator):
    canonical = f"{province}{authority}{serial}"
    typed = f"{province}{authority.lower()}{separator}{serial.lower()}"
    assert normalise_plate(typed) == canonical
    assert normalise_plate(canonical) == canonical


# --- unified social credit codes (GB 32100-2015) --------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("91350100M000100Y43", id="USCC-gb-32100-example"),
        pytest.param("914403001922038216", id="USCC-huawei-technologies"),
        pytest.param("9144030071526726XG", id="USCC-tencent-shenzhen"),
        pytest.param("91100000100003962T", id="USCC-icbc"),
        pytest.param("91110108551385082Q", id="USCC-xiaomi"),
    ],
)
def test_public_credit_codes_are_valid(code):
    assert validate_credit_code(code) == code
    assert credit_code_check_character(code[:17]) == code[17]


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        pytest.param("91350100m000100y43", "91350100M000100Y43", id="USCC-lowercase"),
        pytest.param(" 9135 0100 M000 100Y 43 ", "91350100M000100Y43", id="USCC-spaces"),
        pytest.param("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43", id="USCC-fullwidth"),
    ],
)
def test_credit_codes_normalised(text, normalised):
    assert validate_credit_code(text) == normalised


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("", "empty", id="USCC-empty"),
        pytest.param(None, "empty", id="USCC-none"),
        pytest.param("91350100M000100Y4", "bad_length", id="USCC-17"),
        pytest.param("91350100M000100Y433", "bad_length", id="USCC-19"),
        pytest.param("91350100M000100I43", "bad_characters", id="USCC-letter-I"),
        pytest.param("91350100M0O0100Y43", "bad_characters", id="USCC-letter-O"),
        pytest.param("91350100M000100S43", "bad_characters", id="USCC-letter-S"),
        pytest.param("91350100M000100V43", "bad_characters", id="USCC-letter-V"),
        pytest.param("91350100M000100Y4Z", "bad_characters", id="USCC-letter-Z"),
        pytest.param("9135A100M000100Y43", "bad_characters", id="USCC-region-not-digits"),
        pytest.param("91350100M000100Y4?", "bad_characters", id="USCC-punctuation"),
        pytest.param("91350100M000100Y44", "bad_check_character", id="USCC-check-off-by-one"),
        pytest.param("91350100M000100Y34", "bad_check_character", id="USCC-transposed"),
    ],
)
def test_credit_codes_rejected(text, code):
    assert _code_of(validate_credit_code, text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("9135010", "bad_length", id="USCC-check-short"),
        pytest.param("91350100M000100I4", "bad_characters", id="USCC-check-bad-char"),
    ],
)
def test_check_character_rejects_bad_input(text, code):
    assert _code_of(credit_code_check_character, text) == code


_CREDIT_BODY = st.tuples(
    st.text(alphabet=CREDIT_CODE_CHARS, min_size=2, max_size=2),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=CREDIT_CODE_CHARS, min_size=9, max_size=9),
).map("".join)


@given(first17=_CREDIT_BODY)
def test_credit_code_round_trip(first17):
    code = first17 + credit_code_check_character(first17)
    assert validate_credit_code(code) == code
    assert validate_credit_code(code.lower()) == code


@given(first17=_CREDIT_BODY, position=st.integers(0, 17), replacement=st.sampled_from(CREDIT_CODE_CHARS))
def test_any_single_substitution_is_caught(first17, position, replacement):
    code = first17 + credit_code_check_character(first17)
    changed = code[:position] + replacement + code[position + 1 :]
    if changed == code:
        return
    # the weights are powers of 3, all non-zero mod 31, so one changed character always moves the check
    with pytest.raises(IdentifierError) as error:
        validate_credit_code(changed)
    assert error.value.code in {"bad_check_character", "bad_characters"}


# --- bank accounts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        pytest.param("6222 0212 3456 7890 128", "6222021234567890128", id="ACCT-card-spaces"),
        pytest.param("4403-0101-0400-12345", "44030101040012345", id="ACCT-corporate-dashes"),
        pytest.param("６２２２０２１２３４５６７８９０", "6222021234567890", id="ACCT-fullwidth"),
        pytest.param("12345678", "12345678", id="ACCT-8-digits"),
        pytest.param("1" * 30, "1" * 30, id="ACCT-30-digits"),
    ],
)
def test_bank_accounts_accepted(text, normalised):
    assert normalise_bank_account(text) == normalised


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("", "empty", id="ACCT-empty"),
        pytest.param(" - ", "empty", id="ACCT-only-separators"),
        pytest.param("6222O21234567890", "bad_characters", id="ACCT-letter-O"),
        pytest.param("6222.0212.3456", "bad_characters", id="ACCT-dots"),
        pytest.param("٦٢٢٢٠٢١٢٣٤٥٦", "bad_characters", id="ACCT-arabic-indic-digits"),
        pytest.param("1234567", "bad_length", id="ACCT-7-digits"),
        pytest.param("1" * 31, "bad_length", id="ACCT-31-digits"),
    ],
)
def test_bank_accounts_rejected(text, code):
    assert _code_of(normalise_bank_account, text) == code


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        pytest.param("4111111111111111", True, id="LUHN-visa-test-card"),
        pytest.param("79927398713", True, id="LUHN-wikipedia-example"),
        pytest.param("79927398710", False, id="LUHN-wrong-check"),
        pytest.param("", False, id="LUHN-empty"),
        pytest.param("4111 1111", False, id="LUHN-not-digits"),
    ],
)
def test_luhn(digits, ok):
    assert luhn_ok(digits) is ok


def test_luhn_failure_does_not_reject_an_account():
    assert not luhn_ok("44030101040012345")
    assert normalise_bank_account("44030101040012345") == "44030101040012345"


# --- real-estate certificates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        pytest.param("粤（2019）深圳市不动产权第0123456号", "粤（2019）深圳市不动产权第0123456号", id="CERT-canonical"),
        pytest.param(
            "粤(2019)深圳市不动产权第0123456号", "粤（2019）深圳市不动产权第0123456号", id="CERT-ascii-brackets"
        ),
        pytest.param(
            " 粤 〔2019〕 深圳市 不动产权 第 ０１２３４５６ 号", "粤（2019）深圳市不动产权第0123456号", id="CERT-messy"
        ),
        pytest.param("粤（2019）深圳市不动产权第0123456", "粤（2019）深圳市不动产权第0123456号", id="CERT-no-hao"),
        pytest.param("京（2020）朝阳区不动产证明第0012345号", "京（2020）朝阳区不动产证明第0012345号", id="CERT-proof"),
        pytest.param("深房地字第3000123456号", "深房地字第3000123456号", id="CERT-old-shenzhen"),
        pytest.param("沪房地浦字[2005]第012345号", "沪房地浦字（2005）第012345号", id="CERT-old-shanghai"),
        pytest.param("x京房权证海字第123456号", "X京房权证海字第123456号", id="CERT-letter-prefix"),
        pytest.param("4403 0123 4567", "440301234567", id="CERT-digits-only"),
    ],
)
def test_certificates_accepted(text, normalised):
    assert normalise_property_certificate(text) == normalised


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("", "empty", id="CERT-empty"),
        pytest.param("   ", "empty", id="CERT-blank"),
        pytest.param("12345", "bad_format", id="CERT-5-digits"),
        pytest.param("深房地字第12345号", "bad_format", id="CERT-short-serial"),
        pytest.param("深圳市福田区某某花园3栋", "bad_format", id="CERT-address-not-number"),
        pytest.param("深房地字第<b>123456</b>号", "bad_format", id="CERT-markup"),
        pytest.param("第" + "1" * 90 + "号", "bad_format", id="CERT-too-long"),
    ],
)
def test_certificates_rejected(text, code):
    assert _code_of(normalise_property_certificate, text) == code


def test_certificate_spellings_share_one_form():
    spellings = [
        "粤（2019）深圳市不动产权第0123456号",
        "粤(2019)深圳市不动产权第0123456号",
        "粤【2019】深圳市不动产权第0123456",
        "粤（２０１９）深圳市不动产权 第 0123456 号",
    ]
    assert len({normalise_property_certificate(s) for s in spellings}) == 1


# --- dedupe keys ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "key"),
    [
        pytest.param("plate", "粤b·12345", "plate:粤B12345", id="KEY-plate"),
        pytest.param("credit_code", "91350100m000100y43", "credit_code:91350100M000100Y43", id="KEY-credit-code"),
        pytest.param("bank_account", "6222 0212 3456 7890", "bank_account:6222021234567890", id="KEY-account"),
        pytest.param(
            "property_certificate",
            "深房地字第 3000123456",
            "property_certificate:深房地字第3000123456号",
            id="KEY-certificate",
        ),
    ],
)
def test_dedupe_keys(kind, text, key):
    assert dedupe_key(kind, text) == key


@pytest.mark.parametrize(
    ("kind", "text", "key"),
    [
        pytest.param("account", "6222-0212-3456", "account:622202123456", id="KEY-account-short"),
        pytest.param(
            "certificate", "深房地字第3000123456", "certificate:深房地字第3000123456号", id="KEY-certificate-short"
        ),
    ],
)
def test_dedupe_key_short_kind_names(kind, text, key):
    assert dedupe_key(kind, text) == key


def test_dedupe_key_matches_differently_typed_plates():
    assert dedupe_key("plate", "粤Ｂ·１２３４５") == dedupe_key("plate", "粤 b 12345")


def test_dedupe_key_passes_errors_on():
    assert _code_of(lambda text: dedupe_key("plate", text), "粤B1234") == "bad_format"


def test_dedupe_key_unknown_kind():
    assert _code_of(lambda text: dedupe_key("address", text), "深圳") == "unknown_kind"


def test_errors_are_codes_not_prose():
    error = IdentifierError("bad_format")
    assert str(error) == "bad_format"
    assert isinstance(error, ValueError)
