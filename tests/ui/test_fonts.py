"""Chinese shows on a machine with no Chinese font: the bundled fonts carry every character.

tests/conftest.py points fontconfig at a folder with Latin fonts only, as on a bare PC.
"""

import xml.etree.ElementTree as ET

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont

from desktop.paths import translations_dir
from desktop.ui.fonts import FONT_FILES

RARE_NAME_CHARACTERS = "䶮𠮷堃喆"


def ui_strings() -> list[str]:
    root = ET.parse(translations_dir() / "shuren_zh_CN.ts").getroot()
    return [m.findtext("translation") or "" for m in root.iter("message")]


def raw_fonts(families: list[str]) -> list[QRawFont]:
    return [QRawFont.fromFont(QFont(family)) for family in families]


def test_the_machine_under_test_has_no_chinese_font(font_families):
    # Ours: the bundled families, and the mono face that shares Micro Hei's collection file.
    system = [
        f for f in QFontDatabase.families() if not any(f.startswith(ours) for ours in font_families)
    ]
    assert system, "fontconfig offers no font at all"

    for family in system:
        raw = QRawFont.fromFont(QFont(family))
        assert not raw.supportsCharacter(ord("中")), f"{family} covers Chinese: test is void"


def test_application_font_is_the_bundled_one(qapp, font_families):
    assert len(font_families) == len(FONT_FILES)
    assert QFontInfo(qapp.font()).family() == font_families[0]
    assert qapp.font().families() == font_families


def test_every_character_of_the_chinese_ui_is_covered(font_families):
    fonts = raw_fonts(font_families)
    first = fonts[0]
    assert first.isValid()
    text = "".join(ui_strings())
    assert len(text) > 1000  # the whole translation, not an empty file
    missing = sorted(
        {
            ch
            for ch in text
            if not ch.isspace() and not any(f.supportsCharacter(ord(ch)) for f in fonts)
        }
    )
    assert missing == []
    # The UI font itself (not the fallback) draws all of the interface.
    not_in_first = sorted(
        {ch for ch in text if not ch.isspace() and not first.supportsCharacter(ord(ch))}
    )
    assert not_in_first == []


def test_rare_name_characters_are_covered_by_the_chain(font_families):
    fonts = raw_fonts(font_families)
    for ch in RARE_NAME_CHARACTERS:
        assert any(f.supportsCharacter(ord(ch)) for f in fonts), ch
    # and the chain is needed: the first face alone lacks 䶮 and 𠮷
    assert not fonts[0].supportsCharacter(ord("𠮷"))
