"""What the secretary sees on a small screen and at 大 / 特大: the text size applies at once,
every heading, key cell and navigation entry is whole, the facts that matter are in sight
without scrolling sideways, and the window, its columns and its details pane fit the screen
and are remembered. Measured as the screen shows it: ``QFontMetrics.horizontalAdvance`` of
the text against the width Qt gives it."""

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop.services.demo import make_demo
from desktop.ui.fonts import BASE_POINT_SIZE, TEXT_SCALES, app_font
from desktop.ui.main_window import MainWindow

SCREENS = {"1366×768": (1366, 768), "1024×768": (1024, 768)}

# Free text that may be cut with … (the whole text is in the tooltip): titles, places,
# descriptions, notes, names of committees. Every other cell is a key cell and must be whole.
MAY_ELIDE = {
    "标题",
    "会议名称",
    "地点",
    "资源名称",
    "数量 / 可用时间",
    "提供方",
    "项目名称",
    "反映的问题",
    "身份",
    "名称",
    "公约名称",
    "巡查路线",
    "参加人员",
    "发现的问题",
    "活动内容",
    "内容",
    "协议内容",
    "服务内容",
    "备注",
    "暖蜂驿站",
    "业委会",
}


@pytest.fixture
def demo(ctx):
    make_demo(ctx.db, scale=40, seed=3)
    return ctx


@pytest.fixture
def restore_text_size(font_families):
    """The application font is shared by the whole run: put 标准 back afterwards."""
    yield
    app = QApplication.instance()
    app.setFont(app_font(font_families, "standard"))
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())


def settle(qtbot) -> None:
    qtbot.wait(30)


def open_window(ctx, qtbot, size: tuple[int, int]) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.show()
    window.resize(*size)
    settle(qtbot)
    return window


def choose_text_size(window: MainWindow, qtbot, scale: str) -> None:
    """As the secretary does it: 设置 → 文字大小, one click, no restart."""
    page = window.settings_page
    window.go_to(page)
    settle(qtbot)
    button = next(b for b in page.text_group.buttons() if b.property("scale") == scale)
    button.click()
    settle(qtbot)


def tabs_in(page: QWidget):
    """The page, then each tab of every tab widget in it, shown in turn."""
    yield
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if not tabs.isVisible():
                continue
            tabs.setCurrentIndex(index)
            yield


def views_in(page: QWidget) -> list[QTableView | QTreeView]:
    return [
        v for v in page.findChildren(QAbstractItemView) if isinstance(v, QTableView | QTreeView)
    ]


def header_of(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def cell_margin(view: QAbstractItemView) -> int:
    """The room an item view keeps around a cell's text (the style's focus margin, each side)."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)


def cut_in(view: QTableView | QTreeView, where: str) -> list[str]:
    """Headings, and key cells of the first rows, whose text is wider than their column."""
    header = header_of(view)
    model = view.model()
    metrics = QFontMetrics(header.font())
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    found = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = header.sectionSize(column)
        if metrics.horizontalAdvance(title) + margin > width:
            found.append(f"{where}: heading {title!r} in {width}px")
        if title in MAY_ELIDE:
            continue
        for row in range(min(model.rowCount(), 40)):
            index = model.index(row, column)
            text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
            font = model.data(index, Qt.ItemDataRole.FontRole) or view.font()
            indent = view.indentation() if isinstance(view, QTreeView) and column == 0 else 0
            need = QFontMetrics(font).horizontalAdvance(text) + cell_margin(view) + indent
            if text and need > width:
                found.append(f"{where}: {title!r} cell {text!r} needs {need}px, has {width}px")
                break
    return found


def navigation_cut(window: MainWindow) -> list[str]:
    """Entries whose label is cut, or that lie outside the visible part of the list."""
    nav = window.navigation
    found = []
    room = nav.viewport().rect()
    metrics = QFontMetrics(nav.font())
    # What the style needs for the widest entry (label, icon, padding) against what it has.
    if nav.sizeHintForColumn(0) > room.width():
        found.append(f"navigation: needs {nav.sizeHintForColumn(0)}px, has {room.width()}px")
    for row in range(nav.count()):
        item = nav.item(row)
        rect = nav.visualItemRect(item)
        if not room.contains(rect):
            found.append(f"navigation: {item.text()!r} out of sight at {rect}")
        if metrics.horizontalAdvance(item.text()) + nav.iconSize().width() > rect.width():
            found.append(f"navigation: {item.text()!r} cut in {rect.width()}px")
    return found


def test_a_new_text_size_applies_at_once_to_open_pages_and_dialogs(demo, qtbot, restore_text_size):
    window = open_window(demo, qtbot, SCREENS["1366×768"])
    needs = window.needs
    window.go_to(needs)
    settle(qtbot)
    from desktop.ui.dialogs.need import NeedDialog  # a form left open meanwhile

    dialog = NeedDialog(demo, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)

    choose_text_size(window, qtbot, "extra_large")

    wanted = BASE_POINT_SIZE * TEXT_SCALES["extra_large"]
    for widget in (needs.view, needs.search, window.navigation, window.backup_label, dialog):
        assert widget.font().pointSizeF() == wanted, type(widget).__name__
    assert all(label.font().pointSizeF() == wanted for label in dialog.findChildren(QLabel))
    assert "特大" in window.settings_page.text_note.text()
    # The columns made room at once: the dates are whole at the new size.
    window.go_to(needs)
    settle(qtbot)
    assert cut_in(needs.view, "需求清单") == []


@pytest.mark.parametrize("scale", ["standard", "large", "extra_large"])
def test_every_page_shows_whole_headings_key_cells_and_navigation(
    demo, qtbot, restore_text_size, scale
):
    window = open_window(demo, qtbot, SCREENS["1366×768"])
    if scale != "standard":
        choose_text_size(window, qtbot, scale)
    problems: list[str] = []
    for screen, size in SCREENS.items():
        window.resize(*size)
        settle(qtbot)
        problems += [f"{screen} {p}" for p in navigation_cut(window)]
        for row, name in enumerate(spec.name for spec in window.page_specs):
            window.navigation.setCurrentRow(row)
            settle(qtbot)
            page = window.page(name)
            for _ in tabs_in(page):
                settle(qtbot)
                for view in views_in(page):
                    if view.isVisible():
                        problems += cut_in(view, f"{screen} {name}")
    assert not problems, "\n".join(problems)


def in_sight(view: QTableView, title: str) -> bool:
    header = view.horizontalHeader()
    model = view.model()
    column = next(
        c for c in range(header.count()) if model.headerData(c, Qt.Orientation.Horizontal) == title
    )
    left = header.sectionViewportPosition(column)
    return (
        not header.isSectionHidden(column)
        and left >= 0
        and left + header.sectionSize(column) <= view.viewport().width()
    )


@pytest.mark.parametrize(
    ("screen", "scale"),
    [("1366×768", "standard"), ("1366×768", "extra_large"), ("1024×768", "standard")],
)
def test_the_facts_that_matter_are_in_sight_without_scrolling_sideways(
    demo, qtbot, restore_text_size, screen, scale
):
    window = open_window(demo, qtbot, SCREENS[screen])
    if scale != "standard":
        choose_text_size(window, qtbot, scale)
    window.go_to(window.needs)
    settle(qtbot)
    for title in ("状态", "标题", "办结期限"):
        assert in_sight(window.needs.view, title), title
    window.go_to(window.meetings)
    settle(qtbot)
    for title in ("日期", "会议名称", "纪要", "议题"):
        assert in_sight(window.meetings.view, title), title
    window.go_to(window.committee)
    settle(qtbot)
    terms = window.committee.terms.table
    assert in_sight(terms, "党员")
    assert cut_in(terms, "业委会") == []


def test_needs_put_status_title_and_deadline_first(demo, qtbot):
    window = open_window(demo, qtbot, SCREENS["1366×768"])
    view = window.needs.view
    header = view.horizontalHeader()
    shown = [
        view.model().headerData(header.logicalIndex(v), Qt.Orientation.Horizontal)
        for v in range(header.count())
    ]
    assert shown[:3] == ["状态", "标题", "办结期限"]
    assert shown.index("登记日期") > shown.index("办结期限")


def test_hidden_and_moved_columns_are_remembered_in_the_data_folder(demo, qtbot):
    from desktop.ui.pages.needs import NeedsPage

    page = NeedsPage(demo)
    qtbot.addWidget(page)
    header = page.view.horizontalHeader()
    model = page.model
    menu = page.columns.menu()
    building = next(a for a in menu.actions() if a.text() == "楼栋")
    building.trigger()  # unticked: hidden
    assert header.isSectionHidden(model.BUILDING)
    header.moveSection(header.visualIndex(model.REGISTERED), 0)
    demo.settings.sync()
    ini = (demo.data_dir / "settings.ini").read_text(encoding="utf-8")
    assert "needs" in ini

    again = NeedsPage(demo)
    qtbot.addWidget(again)
    header = again.view.horizontalHeader()
    assert header.isSectionHidden(model.BUILDING)
    assert header.logicalIndex(0) == model.REGISTERED

    reset = next(a for a in again.columns.menu().actions() if a.text() == "恢复默认的列")
    reset.trigger()
    assert not header.isSectionHidden(model.BUILDING)
    assert header.logicalIndex(0) == model.STATUS


def test_the_last_shown_column_cannot_be_hidden(demo, qtbot):
    from desktop.ui.pages.needs import NeedsPage

    page = NeedsPage(demo)
    qtbot.addWidget(page)
    for action in page.columns.menu().actions():
        if action.isCheckable() and action.text() != "标题":
            action.trigger()
    last = next(a for a in page.columns.menu().actions() if a.text() == "标题")
    assert last.isChecked() and not last.isEnabled()


def test_the_details_pane_says_what_to_do_folds_away_and_keeps_its_size(demo, qtbot):
    from desktop.ui.pages.needs import NeedsPage

    page = NeedsPage(demo)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    settle(qtbot)
    assert page.details.toPlainText().strip() == "选择一条记录查看详情"
    page.view.selectRow(0)
    assert page.details.toPlainText().strip() != "选择一条记录查看详情"

    page.splitter.setSizes([800, 380])
    page.splitter.splitterMoved.emit(800, 1)
    page.details_toggle.click()  # folded
    assert not page.details.isVisible()

    again = NeedsPage(demo)
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    settle(qtbot)
    assert not again.details.isVisible() and not again.details_toggle.isChecked()
    again.details_toggle.click()
    settle(qtbot)
    assert abs(again.splitter.sizes()[1] - 380) <= 2


def test_the_window_opens_within_the_screen_and_keeps_its_place(ctx, qtbot):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot)
    area = window.screen().availableGeometry()
    assert area.contains(window.geometry())
    # This test screen is small (under 1280×800): the window is maximized.
    assert window.windowState() & Qt.WindowState.WindowMaximized

    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(QRect(area.x() + 20, area.y() + 30, 600, 500))
    settle(qtbot)
    kept = window.geometry()
    window.close()
    assert isinstance(ctx.settings.value("window/geometry"), QByteArray)

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    settle(qtbot)
    assert again.geometry() == kept
    assert not again.windowState() & Qt.WindowState.WindowMaximized


def test_at_extra_large_every_page_still_fits_a_1024_by_768_screen(demo, qtbot, restore_text_size):
    """A page taller or wider than the window scrolls: it never makes the window bigger than
    the screen, nor squeezes its wrapped text (the 同步 page at 特大)."""
    window = open_window(demo, qtbot, SCREENS["1024×768"])
    choose_text_size(window, qtbot, "extra_large")
    for row, name in enumerate(spec.name for spec in window.page_specs):
        window.navigation.setCurrentRow(row)
        settle(qtbot)
        minimum = window.minimumSizeHint()
        assert minimum.width() <= 1024 and minimum.height() <= 768, name
    window.go_to(window.sync_page)
    window.resize(1024, 768)
    settle(qtbot)
    assert window.width() <= 1024 and window.height() <= 768
    for label in window.sync_page.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_the_print_preview_fits_the_screen(qtbot):
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desktop.ui.print_preview import PrintPreview

    stream = io.BytesIO()
    canvas = Canvas(stream, pagesize=A4)
    canvas.drawString(72, 720, "minutes")
    canvas.save()
    preview = PrintPreview("纪要", stream.getvalue())
    qtbot.addWidget(preview)
    preview.show()
    settle(qtbot)
    area = preview.screen().availableGeometry()
    assert preview.height() <= area.height() and preview.width() <= area.width()
    assert area.contains(preview.geometry())


@pytest.mark.parametrize(("screen", "scale"), [("1024×768", "extra_large"), ("1366×768", "large")])
def test_no_page_scrolls_sideways_and_partner_units_read_whole(
    demo, qtbot, restore_text_size, screen, scale
):
    """The page itself never needs a sideways scroll (the 统计 choices wrap, the 共建单位 list
    goes above the quarters), and each partner unit's name is whole in its list."""
    window = open_window(demo, qtbot, SCREENS[screen])
    choose_text_size(window, qtbot, scale)
    window.resize(*SCREENS[screen])
    wide: list[str] = []
    for row, name in enumerate(spec.name for spec in window.page_specs):
        window.navigation.setCurrentRow(row)
        page = window.page(name)
        for _ in tabs_in(page):
            settle(qtbot)
            for area in page.findChildren(QScrollArea, "pageScroll"):
                if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
                    wide.append(f"{name}: {area.horizontalScrollBar().maximum()}px too wide")
    assert wide == []
    window.go_to(window.partners)
    settle(qtbot)
    units = window.partners.units
    metrics = QFontMetrics(units.font())
    for row in range(units.count()):
        rect = units.visualItemRect(units.item(row))
        text = units.item(row).text()
        assert metrics.horizontalAdvance(text) <= rect.width(), text
        assert units.viewport().rect().contains(rect), text
