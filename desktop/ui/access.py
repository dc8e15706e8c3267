"""The keyboard and assistive-technology layer: names a screen reader reads, the 记录 menu with
the current page's actions and their shortcuts, Ctrl+F to the page's search box, and a palette
whose words stay readable (contrast at least 4.5:1, WCAG AA).

Shortcuts (shown in the menu and in the buttons' tooltips): 新建 Ctrl+N · 编辑 F2 (or Enter on
the selected row) · 删除 Delete · 查找 Ctrl+F · 保存 Ctrl+S · 取消 Esc."""

import re
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAccessible, QAction, QColor, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QWidget,
)
from shiboken6 import isValid

from desktop.ui.i18n import translate
from desktop.ui.widgets import SearchBox

# Words on the selection highlight and placeholders in empty fields: Fusion's own (white on
# #308cc6, 50% black on white) measure 3.7:1 and 4.0:1. These measure 6.7:1 and 5.4:1.
HIGHLIGHT = "#1f5f99"
PLACEHOLDER = "#6a6a6a"
# The ring around whatever has the keyboard: 5.8:1 on the window's grey, 6.7:1 on white.
FOCUS_RING = "#1f5f99"
RING_WIDTH = 2
RING_GAP = 2  # between the control's edge and the ring
_COUNT = re.compile(r"\s*[（(][^）)]*[）)]\s*$")  # “2026年活动（6）”: the count changes


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: its name, its text or its label's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def shortcut_tip(action: QAction) -> str:
    """“新建（Ctrl+N）”: an action's tooltip with its shortcut, as the menu shows it."""
    text = action.text().replace("&", "")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return translate("Access", "{action} ({keys})").format(action=text, keys=keys) if keys else text


def name_controls(widget: QWidget, label: str) -> None:
    """Name the controls of a form row a screen reader could not name: after the row's label,
    and, when the row holds several (楼栋 / 单元 / 房号), each after its hint too."""
    controls = [
        w
        for w in [widget, *widget.findChildren(QWidget)]
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
    ]
    for control in controls:
        if not label or accessible_name(control):
            continue
        hint = control.placeholderText() if hasattr(control, "placeholderText") else ""
        control.setAccessibleName(f"{label}：{hint}" if hint and len(controls) > 1 else label)


def name_unnamed(root: QWidget, fallback: str) -> None:
    """Name what a screen reader could not name inside ``root``: a field of a form row that is a
    layout (the label names only a widget) after the row's label; each list, table and details
    pane after what it sits in — its tab, its group box, else ``fallback`` (the page's or the
    dialog's title). A screen reader then says “需求清单 表格” rather than “表格”."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = caption.widget() if caption is not None else None
            if isinstance(label, QLabel) and field is not None and field.layout() is not None:
                _name_layout(field.layout(), label)
    for view in root.findChildren(QAbstractScrollArea):
        if view.accessibleName() or not view.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        context = _context(view, root) or fallback
        if isinstance(view, QTextBrowser):
            details = translate("Access", "{context}: details")
            view.setAccessibleName(details.format(context=context))
        elif isinstance(view, QAbstractItemView):
            view.setAccessibleName(context)
        else:
            view.setAccessibleName(translate("Access", "{context}: scroll").format(context=context))


def _name_layout(layout: QLayout, label: QLabel) -> None:
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    controls = [w for w in widgets if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    if controls and label.buddy() is None:
        label.setBuddy(controls[0])
    for control in controls:
        if not accessible_name(control):
            control.setAccessibleName(label.text().replace("&", ""))


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab from each widget to the next.

    Never walk Qt's focus chain from Python to learn an order: PySide makes each widget
    ``nextInFocusChain()`` / ``previousInFocusChain()`` returns a Python child of the widget
    asked, so deleting one widget later (a page's stand-in) kills the Python side of the
    next, and a re-layout that still uses it crashes. Say the order instead."""
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)


def _context(widget: QWidget, root: QWidget) -> str:
    child, parent = widget, widget.parentWidget()
    while parent is not None and child is not root:
        if isinstance(parent, QGroupBox) and parent.title():
            return parent.title().replace("&", "")
        tabs = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(tabs, QTabWidget):
            index = tabs.indexOf(child)
            if index >= 0:
                return _COUNT.sub("", tabs.tabText(index).replace("&", ""))
        child, parent = parent, parent.parentWidget()
    return ""


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with a darker selection highlight and darker placeholder text."""
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(HIGHLIGHT))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER))
    return palette


def contrast_ratio(text: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio of words in ``text`` on ``background``, 1 to 21. A translucent
    text colour (Fusion's placeholder is 50% black) counts as drawn over the background."""
    alpha, under = text.alphaF(), background.getRgbF()[:3]
    drawn = [t * alpha + b * (1 - alpha) for t, b in zip(text.getRgbF()[:3], under, strict=True)]
    light, dark = sorted((_luminance(*drawn), _luminance(*under)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(red: float, green: float, blue: float) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


class RecordMenu(QObject):
    """记录(&R): the current page's toolbar actions (新建 · 编辑 · 删除 · 导入 …) with their
    shortcuts, and 查找 (Ctrl+F), which puts the cursor in the page's search box.

    The page's own actions are shown (filled in as the menu opens, taken out once it closed),
    so their enabled state and shortcut are the page's; they work as window shortcuts because
    a hidden page's actions are not active."""

    def __init__(self, window: QMainWindow, pages: QStackedWidget) -> None:
        super().__init__(window)
        self.window, self.pages = window, pages
        self.menu = QMenu(translate("Access", "&Records"), window)
        bar = window.menuBar()
        last = bar.actions()[-1] if bar.actions() else None  # 帮助 stays last
        bar.insertMenu(last, self.menu) if last is not None else bar.addMenu(self.menu)
        self.find_action = QAction(translate("Access", "Find"), window)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(self.find)
        window.addAction(self.find_action)
        self.nothing = QAction(translate("Access", "(nothing to do on this page)"), self)
        self.nothing.setEnabled(False)
        self.menu.aboutToShow.connect(self._fill)
        self.menu.aboutToHide.connect(lambda: QTimer.singleShot(0, self._empty))

    def page_actions(self) -> list[QAction]:
        """The actions of the toolbars the current page shows, in their order."""
        page = self.pages.currentWidget()
        found: list[QAction] = []
        if page is None:
            return found
        for toolbar in page.findChildren(QToolBar):
            if toolbar.isVisibleTo(self.window):
                found += [a for a in toolbar.actions() if a.isVisible() and not a.isSeparator()]
        return found

    def search_box(self) -> SearchBox | None:
        page = self.pages.currentWidget()
        boxes = page.findChildren(SearchBox) if page is not None else []
        return next((b for b in boxes if b.isVisibleTo(self.window)), None)

    def find(self) -> None:
        box = self.search_box()
        if box is not None:
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()

    def _fill(self) -> None:
        self.menu.clear()
        actions = self.page_actions()
        self.menu.addActions(actions or [self.nothing])
        self.menu.addSeparator()
        self.find_action.setEnabled(self.search_box() is not None)
        self.menu.addAction(self.find_action)

    def _empty(self) -> None:
        """The page's actions leave the menu: a menu in the menu bar keeps them active even
        after their page is hidden."""
        if not self.menu.isVisible():
            self.menu.clear()


class FocusRing(QWidget):
    """A blue ring around the control that has the keyboard, whatever the control: Fusion
    shows focus on a text field but hardly on a button, a check box, a drop-down or a details
    pane, and not at all before the first Tab. One per window, drawn above the controls and
    clipped to what of the control is in view; mouse clicks go through it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self._watched: list[QWidget] = []
        self.hide()

    def follow(self, widget: QWidget | None) -> None:
        for watched in self._watched:
            if isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        self.target = widget
        current = widget
        while current is not None and current is not self.parentWidget():
            current.installEventFilter(self)  # it or a scrolled parent moves: follow it
            self._watched.append(current)
            current = current.parentWidget()
        self.place()

    def place(self) -> None:
        target = self.target
        window = self.parentWidget()
        if target is None or window is None or not isValid(target) or not target.isVisible():
            self.hide()
            return
        margin = RING_GAP + RING_WIDTH
        ring = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
        ring = ring.adjusted(-margin, -margin, margin, margin)
        visible = ring
        parent = target.parentWidget()
        while parent is not None and parent is not window:  # a scroll area shows part of it
            shown = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
            visible = visible.intersected(shown.adjusted(-margin, -margin, margin, margin))
            parent = parent.parentWidget()
        if visible.isEmpty():
            self.hide()
            return
        self.setGeometry(visible)
        self._ring = ring.translated(-visible.topLeft())
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
        ):
            QTimer.singleShot(0, self, self.place)  # once the layout has settled
        return False

    def paintEvent(self, _event: QEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(FOCUS_RING), RING_WIDTH))
        half = RING_WIDTH // 2
        painter.drawRoundedRect(self._ring.adjusted(half, half, -half, -half), 4, 4)


def show_focus_everywhere(app: QApplication) -> None:
    """Every window gets a focus ring that follows the keyboard (see ``FocusRing``)."""
    if app.property("focusRings"):
        return  # once per application (a session can start more than once in tests)
    app.setProperty("focusRings", True)

    def moved(_old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window().windowType() == Qt.WindowType.Popup:
            return  # a drop-down or calendar shows its own choice
        window = new.window()
        ring = window.findChild(FocusRing, "focusRing", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(window)
        ring.follow(new)

    app.focusChanged.connect(moved)
