"""Mainland phone numbers: what a secretary types must be accepted, typos refused."""

import pytest

from desktop.domain.phone import is_valid_phone, normalize_phone


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
