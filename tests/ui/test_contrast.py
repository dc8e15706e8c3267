"""Words stay readable: every colour the app writes text in reaches a contrast of at least 4.5:1
(WCAG AA) against the background it is drawn on, or, where that is not fixed, against every
light background the app uses. The colours are read from the style sheets, the HTML and the
colour tables themselves, so a new colour is checked the day it is added."""

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

import desktop.ui
from desktop.ui.access import contrast_ratio, readable_palette
from desktop.ui.partner_labels import STATE_COLOURS
from desktop.ui.status import Tone

AA = 4.5
UI = Path(desktop.ui.__file__).parent
COLOUR = r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\bwhite\b|\bblack\b"
TEXT = re.compile(rf"(?<![-\w])color\s*:\s*({COLOUR})")
BACKGROUND = re.compile(rf"background(?:-color)?\s*:\s*({COLOUR})")
PICKED = re.compile(r"colou?r\s*=\s*(.+)")  # colour = "#1e6b2e" if … else "#a31515"
LABEL = re.compile(rf"LabelColor\(QColor\(\"({COLOUR})\"\)\)")


def sources() -> dict[str, str]:
    files = [UI / "style.qss", *sorted(UI.rglob("*.py"))]
    return {str(f.relative_to(UI)): f.read_text(encoding="utf-8") for f in files}


def rule_of(text: str, at: int) -> str:
    """The style rule ``{…}`` (or the string) around position ``at``."""
    start = max(text.rfind("{", 0, at), text.rfind("\n", 0, at))
    end = min(x for x in (text.find("}", at), text.find("\n", at), len(text)) if x >= 0)
    return text[start:end]


@pytest.fixture(scope="module")
def palette(qapp: QApplication) -> QPalette:
    """The palette the app runs with (session.py): Fusion's, made readable."""
    return readable_palette(QStyleFactory.create("Fusion").standardPalette())


@pytest.fixture(scope="module")
def backgrounds(palette: QPalette) -> dict[str, QColor]:
    """Every light background words can sit on."""
    found = {
        f"palette {role.name}": palette.color(QPalette.ColorGroup.Active, role)
        for role in (
            QPalette.ColorRole.Window,
            QPalette.ColorRole.Base,
            QPalette.ColorRole.AlternateBase,
            QPalette.ColorRole.Button,
        )
    }
    for name, text in sources().items():
        for match in BACKGROUND.finditer(text):
            found[f"{name}: background {match.group(1)}"] = QColor(match.group(1))
    for tone in Tone:
        found[f"status {tone.name}"] = tone.background
    for state, (_fg, bg) in STATE_COLOURS.items():
        found[f"quota {state.name}"] = QColor(bg)
    return {k: c for k, c in found.items() if c.lightnessF() > 0.6}


def too_faint(colour: QColor, where: str, against: dict[str, QColor]) -> list[str]:
    return [
        f"{where} on {name}: {contrast_ratio(colour, bg):.2f}:1"
        for name, bg in against.items()
        if contrast_ratio(colour, bg) < AA
    ]


def test_style_sheet_and_html_text_colours(backgrounds) -> None:
    faint, seen = [], 0
    for name, text in sources().items():
        for match in TEXT.finditer(text):
            seen += 1
            colour, where = QColor(match.group(1)), f"{name}: color {match.group(1)}"
            own = BACKGROUND.search(rule_of(text, match.start()))
            against = {"its own background": QColor(own.group(1))} if own else backgrounds
            faint += too_faint(colour, where, against)
        for line in text.splitlines():
            for pick in PICKED.finditer(line):
                for value in re.findall(COLOUR, pick.group(1)):
                    seen += 1
                    faint += too_faint(QColor(value), f"{name}: colour {value}", backgrounds)
    assert seen > 20  # the scan found the app's colours
    assert faint == [], "\n".join(faint)


def test_status_and_quota_colours_on_their_label_and_on_a_plain_row(palette) -> None:
    rows = {
        "a row": palette.color(QPalette.ColorRole.Base),
        "an alternate row": palette.color(QPalette.ColorRole.AlternateBase),
    }
    faint = []
    for tone in Tone:  # 已逾期 in red: on its label, and alone in the 办结期限 column
        faint += too_faint(tone.foreground, f"status {tone.name}", {"its label": tone.background})
        faint += too_faint(tone.foreground, f"status {tone.name}", rows)
    for state, (fg, bg) in STATE_COLOURS.items():
        faint += too_faint(QColor(fg), f"quota {state.name}", {"its label": QColor(bg), **rows})
    assert faint == [], "\n".join(faint)


def test_the_palette_words(palette, backgrounds) -> None:
    role = QPalette.ColorRole
    faint = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        colour = lambda r, g=group: palette.color(g, r)  # noqa: E731
        for text in (role.Text, role.WindowText, role.ButtonText):
            faint += too_faint(colour(text), f"{group.name} {text.name}", backgrounds)
        pairs = [
            (role.HighlightedText, role.Highlight),  # the selected row
            (role.PlaceholderText, role.Base),  # “例如：13812345678” in an empty field
            (role.ToolTipText, role.ToolTipBase),
            (role.Link, role.Base),
        ]
        for text, back in pairs:
            faint += too_faint(colour(text), f"{group.name} {text.name}", {back.name: colour(back)})
    assert faint == [], "\n".join(faint)


def test_chart_labels(backgrounds) -> None:
    labels = [m.group(1) for text in sources().values() for m in LABEL.finditer(text)]
    assert labels
    assert [f for c in labels for f in too_faint(QColor(c), f"chart label {c}", backgrounds)] == []


def test_the_ratio_is_wcag_s() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#308cc6"), QColor("#ffffff")) == pytest.approx(3.69, abs=0.01)
