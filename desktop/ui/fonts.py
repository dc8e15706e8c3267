"""The bundled CJK fonts: registered at start so Chinese shows on a machine with none.

WenQuanYi Micro Hei (sans, clear on screen) comes first; LXGW WenKai follows for the rare
name characters Micro Hei lacks (䶮, 𠮷). README.md, "Fonts", records the choice.
"""

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import fonts_dir

log = logging.getLogger(__name__)

FONT_FILES = ("wqy-microhei.ttc", "LXGWWenKai-Regular.ttf")
BASE_POINT_SIZE = 10.5
TEXT_SCALES = {"standard": 1.0, "large": 1.25, "extra_large": 1.5}


class FontMissingError(RuntimeError):
    pass


def register_bundled_fonts() -> list[str]:
    """Register the shipped fonts; returns their families in fallback order."""
    families: list[str] = []
    for name in FONT_FILES:
        path = fonts_dir() / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise FontMissingError(str(path))
        # A .ttc holds a proportional and a mono face; the first family is the one we want.
        found = [f for f in QFontDatabase.applicationFontFamilies(font_id) if "Mono" not in f]
        families.append(found[0])
    return families


def app_font(families: list[str], text_scale: str = "standard") -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(BASE_POINT_SIZE * TEXT_SCALES.get(text_scale, 1.0))
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def set_text_scale(app: QApplication, families: list[str], text_scale: str) -> None:
    """Apply 标准 / 大 / 特大 at once to every open window and dialog.

    A widget under a style sheet keeps the font it was polished with when only the
    application font changes (Qt propagates it no further), so each style sheet in use is
    set again: its widgets are polished anew with the new font. Pages and tables then
    re-measure themselves on their FontChange event.
    """
    app.setFont(app_font(families, text_scale))
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


def apply_fonts(app: QApplication, text_scale: str = "standard") -> list[str]:
    families = register_bundled_fonts()
    app.setFont(app_font(families, text_scale))
    log.info("application font families: %s", families)
    return families
