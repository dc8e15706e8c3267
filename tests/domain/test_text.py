"""clean_text: strip what breaks exports and printing, keep every real character."""

import unicodedata

import pytest

from desktop.domain.text import clean_text

RARE = "䶮𠮷堃喆"


@pytest.mark.parametrize("name", ["䶮", "𠮷", "堃", "喆", "王䶮", "𠮷祥", "李堃喆", RARE])
def test_rare_characters_are_kept_exactly(name: str) -> None:
    cleaned = clean_text(name, single_line=True)
    assert cleaned == name
    assert [ord(c) for c in cleaned] == [ord(c) for c in name]


def test_non_bmp_character_stays_one_code_point() -> None:
    cleaned = clean_text("𠮷")
    assert len(cleaned) == 1
    assert ord(cleaned) == 0x20BB7


@pytest.mark.parametrize(
    "control", ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x0e", "\x1f", "\x7f", "\x85", "\x9f"]
)
def test_control_characters_are_removed(control: str) -> None:
    assert clean_text(f"张{control}伟") == "张伟"


def test_vertical_tab_from_chat_app_is_removed_and_rare_names_kept() -> None:
    pasted = "\x0b王䶮\x0b 2栋\x0c1203 𠮷\x0b"
    assert clean_text(pasted) == "王䶮 2栋1203 𠮷"


def test_tab_and_newline_survive_in_multiline_text() -> None:
    assert clean_text("第一行\n\t第二行") == "第一行\n\t第二行"


def test_carriage_returns_become_newlines() -> None:
    assert clean_text("甲\r\n乙\r丙") == "甲\n乙\n丙"


def test_single_line_collapses_all_blanks() -> None:
    assert clean_text("  张\n  伟\t 华  ", single_line=True) == "张 伟 华"


def test_surrounding_blanks_are_stripped() -> None:
    assert clean_text("  \n喆 \t") == "喆"


@pytest.mark.parametrize("value", [None, "", "   ", "\x0b\x0c"])
def test_empty_results(value: str | None) -> None:
    assert clean_text(value) == ""


def test_nfc_composes_but_never_swaps_cjk_characters() -> None:
    decomposed = "e\u0301"
    assert clean_text(decomposed) == "\u00e9"
    # CJK compatibility ideographs would be replaced by NFC's canonical mapping; plain
    # unified ideographs (the ones names use) must come back unchanged.
    for ch in RARE:
        assert unicodedata.normalize("NFC", ch) == ch
        assert clean_text(ch) == ch
