"""Masking for the notice board: names keep the surname, phones keep the last four digits."""

import pytest

from desktop.domain.masking import building_only, mask_name, mask_phone


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三明", "张*明"),
        ("欧阳振华", "欧阳*华"),
        ("李明", "李*"),
        ("欧阳华", "欧阳*"),  # a compound surname and a one-character given name
        ("欧阳", "欧*"),  # two characters are a surname and a given name
        ("司马相如", "司马*如"),
        ("张三明亮", "张*亮"),
        ("李", "李"),
        ("𠮷", "𠮷"),
        ("", ""),
        (" 张三明 ", "张*明"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("𠮷祥", "𠮷*"),
        ("𠮷祥云", "𠮷*云"),
        ("王䶮", "王*"),
        ("李𠮷", "李*"),
        ("欧阳𠮷䶮", "欧阳*䶮"),
    ],
)
def test_mask_name_keeps_a_rare_character_whole(name: str, masked: str) -> None:
    """𠮷 is one character (outside the BMP): never cut in half, never counted twice."""
    assert mask_name(name) == masked
    assert "\ufffd" not in masked
    masked.encode("utf-8")  # no lone surrogate


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812341234", "138****1234"),
        ("0755-26881234", "0755-****1234"),
        ("010-12345678", "010-****5678"),
        ("0755-2688123", "0755-***8123"),  # a seven-digit number
        ("075526881234", "075*****1234"),  # a landline typed without the dash
        (" 13812341234 ", "138****1234"),
        # Typed as people type them (visits do not normalize): masked all the same.
        ("138 1234 1234", "138****1234"),
        ("138-1234-1234", "138****1234"),
        ("+86 138 1234 1234", "138****1234"),
        ("0755-26881234-801", "0755-****1234-801"),  # the extension says nothing of the number
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize("text", ["", "12345", "110", "无", "不详", "0755-123", "见备注"])
def test_mask_phone_leaves_short_or_other_text_unchanged(text: str) -> None:
    assert mask_phone(text) == text


@pytest.mark.parametrize(
    "phone", ["13812341234", "0755-26881234", "138 1234 1234", "0755-26881234-801"]
)
def test_masked_phone_shows_no_middle_digits(phone: str) -> None:
    masked = mask_phone(phone)
    assert "*" in masked
    assert "2688" not in masked
    assert "1234" in masked  # the last four stay, so the resident recognizes the number
    assert masked.count("1234") == 1


def test_building_only() -> None:
    assert building_only("3栋", "2单元", "1203") == "3栋"
    assert building_only("") == ""
