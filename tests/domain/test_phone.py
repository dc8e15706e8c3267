"""Mainland phone numbers: what a secretary types must be accepted, typos doubted."""

import pytest

from desktop.domain.phone import (
    PhoneDoubt,
    is_valid_phone,
    normalize_phone,
    phone_doubt,
    tidy_phone,
)


@pytest.mark.parametrize(
    "value",
    [
        "13812345678",
        "19912345678",
        "0755-26881234",
        "075526881234",
        "010-62345678",
        "0571-8765432",
        "0755-26881234-801",
        "+8613812345678",
        "+86 138 1234 5678",
        " 138 1234 5678 ",
        "138\u30001234\u30005678",  # ideographic spaces from a Chinese input method
        "(0755)26881234",
        "（0755）26881234",
        "0755－26881234",  # full-width dash
    ],
)
def test_valid_numbers(value: str) -> None:
    assert is_valid_phone(value)


@pytest.mark.parametrize(
    "value",
    [
        "12345678901",  # no mobile prefix starts with 12
        "1381234567",  # one digit short
        "138123456789",  # one digit long
        "23812345678",
        "0755-06881234",  # a local number never starts with 0
        "0755-123456",  # too short
        "755-26881234",  # area code without its 0
        "1381234567a",
        "",
        "+86",
        "电话13812345678",
    ],
)
def test_invalid_numbers(value: str) -> None:
    assert not is_valid_phone(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+86 138 1234 5678", "13812345678"),
        ("  13812345678\t", "13812345678"),
        ("0755 - 26881234", "0755-26881234"),
        ("（0755）26881234", "075526881234"),
        ("0755—26881234", "0755-26881234"),
        ("0755－26881234", "0755-26881234"),
        ("075526881234", "075526881234"),
    ],
)
def test_normalize_drops_blanks_brackets_and_country_code(value: str, expected: str) -> None:
    assert normalize_phone(value) == expected


def test_mobile_typed_in_groups_is_stored_as_digits() -> None:
    assert normalize_phone("138-1234-5678") == "13812345678"
    assert is_valid_phone("138-1234-5678")
    assert normalize_phone("0755-26881234") == "0755-26881234"  # a landline keeps its dash


@pytest.mark.parametrize(
    ("value", "doubt"),
    [
        ("", None),
        ("  ", None),
        ("13812345678", None),
        ("138 1234 5678", None),
        ("0755-26881234", None),
        ("0755-26881234-801", None),
        ("123", PhoneDoubt.MOBILE_LENGTH),
        ("1381234567", PhoneDoubt.MOBILE_LENGTH),  # one digit short
        ("138123456789", PhoneDoubt.MOBILE_LENGTH),  # one digit long
        ("26881234", PhoneDoubt.NO_AREA_CODE),
        ("2688123", PhoneDoubt.NO_AREA_CODE),
        ("12345678901", PhoneDoubt.UNUSUAL),  # 11 digits, but no mobile starts with 12
        ("0755-123456", PhoneDoubt.UNUSUAL),
        ("95598", PhoneDoubt.UNUSUAL),
        ("+852 2123 4567", PhoneDoubt.UNUSUAL),
        ("13812345678（本人）/13987654321（女儿）", PhoneDoubt.UNUSUAL),
        ("张三家", PhoneDoubt.UNUSUAL),
    ],
)
def test_a_number_neither_mobile_nor_landline_is_doubted(value: str, doubt) -> None:
    assert phone_doubt(value) is doubt


def test_tidy_keeps_a_doubtful_number_as_typed() -> None:
    assert tidy_phone(" +86 138 1234 5678 ") == "13812345678"
    assert tidy_phone("（0755）2688 1234") == "075526881234"
    assert tidy_phone(" 26881234（白天） ") == "26881234（白天）"
