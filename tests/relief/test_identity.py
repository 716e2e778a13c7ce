"""18-digit resident identity numbers: validation codes and masking."""

from __future__ import annotations

import pytest

from relief.identity import IdentityNumberError, check_character, mask_resident_id, validate_resident_id


@pytest.mark.parametrize(
    ("text", "normalised"),
    [
        pytest.param("11010519491231002X", "11010519491231002X", id="ID-gb-example-x"),
        pytest.param("11010519491231002x", "11010519491231002X", id="ID-lowercase-x"),
        # 4·7+4·9+0·10+3·5+0·8+4·4+1·2+9·1+9·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 196; 196 mod 11 = 9 → "3"
        pytest.param("440304199001011233", "440304199001011233", id="ID-hand-computed"),
        pytest.param(" 4403 0419 9001 0112 33 ", "440304199001011233", id="ID-spaces"),
        pytest.param("４４０３０４１９９００１０１１２３３", "440304199001011233", id="ID-fullwidth"),
        # born 2000-02-29: weighted sum 204, 204 mod 11 = 6 → "6"
        pytest.param("440304200002291236", "440304200002291236", id="ID-leap-birthday"),
    ],
)
def test_valid_numbers(text, normalised):
    assert validate_resident_id(text) == normalised


@pytest.mark.parametrize(
    ("text", "code"),
    [
        pytest.param("", "bad_length", id="ID-empty"),
        pytest.param("44030419900101123", "bad_length", id="ID-17"),
        pytest.param("4403041990010112333", "bad_length", id="ID-19"),
        pytest.param("44030419900101123Y", "bad_characters", id="ID-letter-check"),
        pytest.param("4403041990X101123X", "bad_characters", id="ID-x-inside"),
        pytest.param("440304199013011233", "bad_birth_date", id="ID-month-13"),
        pytest.param("440304199002301233", "bad_birth_date", id="ID-february-30"),
        pytest.param("440304190102291233", "bad_birth_date", id="ID-1901-not-leap"),
        pytest.param("440304189901011233", "bad_birth_date", id="ID-before-1900"),
        pytest.param("440304199001011234", "bad_check_digit", id="ID-check-digit"),
        pytest.param("110105194912310021", "bad_check_digit", id="ID-x-expected"),
    ],
)
def test_invalid_numbers(text, code):
    with pytest.raises(IdentityNumberError) as error:
        validate_resident_id(text)
    assert error.value.code == code


def test_check_character_matches_the_gb_example():
    assert check_character("11010519491231002") == "X"


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        pytest.param("440304199001011233", "440304********1233", id="ID-mask"),
        pytest.param("11010519491231002X", "110105********002X", id="ID-mask-x"),
    ],
)
def test_mask(number, masked):
    assert mask_resident_id(number) == masked


def test_mask_refuses_a_wrong_length():
    with pytest.raises(IdentityNumberError):
        mask_resident_id("123")
