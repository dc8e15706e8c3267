"""使用说明: the guide opens from 帮助 and with F1 at the page's section, names only what the
Chinese window shows, has every picture it names (taken by build/help_shots.py), and prints
through the print preview in the bundled fonts."""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from io import BytesIO
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QFont, QImage, QRawFont
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from desktop.domain.labels import WORDS
from desktop.domain.ledger import LEDGERS
from desktop.paths import resources_dir, translations_dir
from desktop.ui.help_viewer import HelpWindow, read_guide, write_guide_pdf

ROOT = Path(__file__).resolve().parents[2]
SHOTS_SCRIPT = ROOT / "build" / "help_shots.py"
QUOTED = re.compile(r"“([^”]+)”")
# Qt's own dialogs (message boxes, file dialogs) in Chinese, and words the guide quotes that
# are the reform's terms rather than something on screen.
QT_BUTTONS = {"是", "否", "确定", "取消", "打开", "保存"}
TERMS = {"三个一"}


def screen_names() -> set[str]:
    """Every name the Chinese interface can show, in the forms the guide may quote it: as
    is, without its accelerator, ellipsis or trailing colon, without a count in brackets,
    and the part before a bracketed explanation (自动同步（每 30 分钟一次…）)."""
    root = ET.parse(translations_dir() / "shuren_zh_CN.ts").getroot()
    names: set[str] = set()
    for message in root.iter("message"):
        text = message.findtext("translation") or ""
        for line in text.splitlines():
            plain = plain_name(line)
            names.add(plain)
            names.add(plain_name(re.sub(r"[（(]?\{[^}]*\}[）)]?", "", line)))
            names.add(plain_name(line.split("（")[0]))
    for ledger in LEDGERS.values():
        names.update(column.header for column in ledger.columns)
    names.update(WORDS.values())  # the enums' words, shown as the domain holds them
    names.discard("")
    return names


def plain_name(text: str) -> str:
    text = re.sub(r"\(&\w\)", "", text).replace("&", "")
    return text.strip().rstrip("…．.。：:？?—").strip()


def test_the_guide_names_only_what_the_window_shows():
    guide = read_guide()
    quoted = QUOTED.findall(guide.text)
    assert len(quoted) > 200  # the steps name the buttons they press
    # The guide's own sections, as it refers to them (见第九节“备份与恢复”).
    sections = {re.sub(r"^[一二三四五六七八九十]+、", "", h.text) for h in guide.headings}
    known = screen_names() | QT_BUTTONS | TERMS | sections
    unknown = sorted({q for q in quoted if plain_name(q) not in known})
    assert unknown == []


def test_the_name_check_is_not_a_blank_cheque():
    known = screen_names()
    assert {"新建", "登记为需求", "另存为 PDF", "从街道办恢复", "本周需回访", "自动同步"} <= known
    assert "登记新需求" not in known and "保存草稿" not in known


def test_every_picture_the_guide_names_is_there_and_no_other():
    guide = read_guide()
    assert len(guide.images) >= 20
    named = {(guide.folder / name).resolve() for name in guide.images}
    missing = sorted(str(p) for p in named if QImage(str(p)).isNull())
    assert missing == []
    shipped = {p.resolve() for p in (resources_dir() / "help").glob("*.png")}
    assert shipped == named  # a picture no step shows any more is stale


def test_every_page_of_the_window_has_a_section(ctx, qtbot):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    guide = read_guide()
    headings = [h.text for h in guide.headings]
    assert len(headings) == len(set(headings))  # each is an anchor
    assert set(guide.pages) == {spec.name for spec in window.page_specs}
    assert set(guide.pages.values()) <= set(headings)


def test_f1_on_each_page_opens_its_section(ctx, qtbot):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    guide = read_guide()
    for name in (spec.name for spec in window.page_specs):
        window.go_to(window.page(name))
        window.windowHandle().requestActivate()  # the guide took the focus last time
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_F1)
        help_window = window.findChild(HelpWindow)
        assert help_window is not None and help_window.isVisible(), name
        qtbot.waitExposed(help_window)
        expected = guide.pages[name]
        assert shows_at_top(help_window, expected), (name, help_window.heading_at_top())
        assert help_window.contents.currentItem().text(0) == expected
    assert len(window.findChildren(HelpWindow)) == 1  # one guide window, brought forward


def shows_at_top(help_window: HelpWindow, heading: str) -> bool:
    """The heading is at the top of the text, or as near as the end of the guide allows."""
    qtbot_wait = QApplication.processEvents
    qtbot_wait()
    if help_window.heading_at_top() == heading:
        return True
    bar = help_window.browser.verticalScrollBar()
    block = help_window.browser.document().begin()
    while block.isValid() and block.text() != heading:
        block = block.next()
    layout = help_window.browser.document().documentLayout()
    top = layout.blockBoundingRect(block).top() - bar.value()
    return bar.value() == bar.maximum() and 0 <= top < help_window.browser.viewport().height()


def test_the_menu_has_the_guide_with_f1(ctx, qtbot):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    guide = menu.actions()[0]
    assert guide.text() == "使用说明"
    assert guide.shortcut().toString() == "F1"
    window.go_to(window.needs)
    guide.trigger()
    help_window = window.findChild(HelpWindow)
    assert help_window.isVisible()
    assert help_window.windowTitle() == "熟人小区使用说明"


def test_the_guide_follows_the_text_size(ctx, qtbot):
    from desktop.ui.fonts import app_font

    window = HelpWindow(ctx.font_families)
    qtbot.addWidget(window)
    standard = window.browser.document().defaultFont().pointSizeF()
    QApplication.setFont(app_font(ctx.font_families, "extra_large"))
    try:
        window.show_page("settings")
        assert window.browser.document().defaultFont().pointSizeF() == pytest.approx(standard * 1.5)
    finally:
        QApplication.setFont(app_font(ctx.font_families))


def image_widths(window: HelpWindow) -> dict[str, float]:
    widths: dict[str, float] = {}
    block = window.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            image = it.fragment().charFormat().toImageFormat()
            if image.isValid():
                widths[Path(image.name()).name] = image.width()
            it += 1
        block = block.next()
    return widths


def test_pictures_fit_the_window_and_keep_their_size_when_they_can(ctx, qtbot):
    window = HelpWindow(ctx.font_families)
    qtbot.addWidget(window)
    window.resize(1500, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("needs")
    assert (
        image_widths(window)["need-new.png"]
        == QImage(str(resources_dir() / "help" / "need-new.png")).width()
    )
    window.resize(760, 600)
    viewport = window.browser.viewport()
    qtbot.waitUntil(lambda: max(image_widths(window).values()) <= viewport.width(), timeout=3000)
    assert window.heading_at_top() == "一、登记居民需求，跟进到解决"  # still where she was


def pdf_document(data: bytes) -> QPdfDocument:
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    assert document.status() == QPdfDocument.Status.Ready
    return document


def test_the_printed_guide_is_a_pdf_in_the_bundled_fonts_with_its_pictures(font_families):
    out = BytesIO()
    assert write_guide_pdf(out, font_families) == []
    data = out.getvalue()
    assert data.startswith(b"%PDF")
    guide = read_guide()
    sections = [h for h in guide.headings if h.level == 2]
    document = pdf_document(data)
    assert document.pageCount() > len(sections)  # each section starts a page
    first = document.getAllText(0).text()
    assert "使用说明" in first and "一、登记居民需求，跟进到解决" in first
    # Only the bundled faces, embedded: Chinese prints on a PC with no Chinese font.
    fonts = set(re.findall(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([\w-]+)", data))
    assert fonts and all(f.startswith((b"WenQuanYi", b"LXGW")) for f in fonts), fonts
    assert b"/FontFile2" in data
    # Every picture, at its own size: a picture that was not found prints as a small icon.
    widths = [int(w) for w in re.findall(rb"/Subtype\s*/Image\s*/Width\s+(\d+)", data)]
    assert len([w for w in widths if w >= 150]) >= len(guide.images), widths


def test_print_goes_through_the_print_preview(ctx, qtbot, monkeypatch):
    from desktop.ui import print_preview

    shown: list[print_preview.PrintPreview] = []
    monkeypatch.setattr(print_preview.PrintPreview, "exec", lambda p: shown.append(p) or 0)
    window = HelpWindow(ctx.font_families)
    qtbot.addWidget(window)
    window.print_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown[0].page_count() > 10
    assert shown[0].windowTitle() == "打印预览 — 熟人小区使用说明"


def test_every_character_of_the_guide_is_in_the_bundled_fonts(font_families):
    fonts = [QRawFont.fromFont(QFont(family)) for family in font_families]
    text = read_guide().text
    missing = sorted(
        {c for c in text if not c.isspace() and not any(f.supportsCharacter(ord(c)) for f in fonts)}
    )
    assert missing == []


def test_the_pictures_script_takes_every_picture_the_guide_names(tmp_path):
    """The script starts the real window on a small demo and saves each picture; it is what
    keeps the pictures true to the window (run it after changing what they show)."""
    out = tmp_path / "help"
    done = subprocess.run(
        [sys.executable, str(SHOTS_SCRIPT), "--out", str(out), "--scale", "5"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    taken = {p.name for p in out.glob("*.png")}
    assert taken == {Path(name).name for name in read_guide().images}
    for name in taken:
        image = QImage(str(out / name))
        assert image.width() >= 150 and image.height() >= 50, name
