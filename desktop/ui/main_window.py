"""The main window: navigation on the left, the page in the centre, status at the bottom."""

import logging
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.domain.audit import AuditEvent, Outcome
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Meeting
from desktop.paths import icons_dir
from desktop.services import audit, backups, drafts, neighborhood
from desktop.services.backups import Health
from desktop.ui.access import RecordMenu, name_unnamed
from desktop.ui.columns import em
from desktop.ui.context import AppContext
from desktop.ui.dialogs.about import show_about
from desktop.ui.i18n import translate
from desktop.ui.lock import IdleLock
from desktop.ui.pages import registry
from desktop.ui.pages.registry import PageSpec
from desktop.ui.pages.settings import backup_status_text
from desktop.ui.restore import PROGRESS_DELAY_MS, ask_to_restore_after_damage, restore_in_window
from desktop.ui.sync_scheduler import SyncScheduler, SyncState, status_bar_text
from desktop.ui.tasks import run_task

log = logging.getLogger(__name__)


# A screen smaller than this gets the window maximized; a bigger one a window of this size.
ROOMY_SCREEN = QSize(1280, 800)
GEOMETRY_KEY = "window/geometry"


def icon(name: str) -> QIcon:
    return QIcon(str(icons_dir() / f"{name}.svg"))


class Navigation(QListWidget):
    """The pages on the left: as wide as the longest label at the text size in force, and
    every entry in sight — the spacing tightens, then the icons shrink, and only when even
    that is not enough does the list scroll."""

    # (vertical padding, icon size), in lines of text: roomiest first.
    STEPS = ((0.45, 1.3), (0.3, 1.3), (0.2, 1.1), (0.1, 1.0), (0.05, 0.8))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self._applied: tuple[int, int, int] | None = None

    def fit(self) -> None:
        line = self.fontMetrics().height()
        unit = em(self.font())
        room = self.height() - 2 * self.frameWidth()
        for padding, icon_lines in self.STEPS:
            self._apply(round(padding * line), round(icon_lines * line), unit)
            if self.rows_height() <= room:
                break
        scroll = self.rows_height() > room
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) if scroll else 0
        self.setFixedWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + bar)

    def rows_height(self) -> int:
        return sum(self.sizeHintForRow(row) for row in range(self.count()))

    def _apply(self, padding: int, icon_size: int, unit: int) -> None:
        if self._applied == (padding, icon_size, unit):
            return
        self._applied = (padding, icon_size, unit)
        self.setIconSize(QSize(icon_size, icon_size))
        side = max(4, unit * 3 // 4)
        margin = max(2, unit // 3)
        self.setStyleSheet(
            "QListWidget#navigation { background: #f4f1ec; border: none; }"
            f"QListWidget#navigation::item {{ padding: {padding}px {side}px; "
            f"margin: 2px {margin}px; border-radius: 6px; color: #222; }}"
            "QListWidget#navigation::item:selected { background: #c0392b; color: white; }"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._applied = None
            QTimer.singleShot(0, self, self.fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self.fit()


class ElidedLabel(QLabel):
    """A status bar label that gives way on a narrow window: cut with …, whole in the tooltip
    (``text()`` stays whole)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 6 * em(self.font())), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        self.setToolTip(self.text() if shown != self.text() else "")
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )


def scroll_when_too_small(page: QWidget) -> None:
    """A page taller or wider than the window (the 同步 page at 特大 on a small screen)
    scrolls instead of squeezing its parts; a page that fits looks as before. A page made
    of tabs gets this for each tab."""
    if isinstance(page, QTabWidget):
        for index in range(page.count()):
            scroll_when_too_small(page.widget(index))
        return
    layout = page.layout()
    if layout is None:
        return
    inner = QWidget()
    inner.setObjectName("pageContent")
    inner.setLayout(layout)  # takes the page's layout, and with it the widgets it holds
    area = QScrollArea()
    area.setObjectName("pageScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # The area is a frame, not a stop: Tab goes from the navigation straight to the page's fields.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(inner)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    # Moving the widgets put them in Tab order as laid out; a page that sets its own order
    # sets it again once it joins the window (``MainWindow._order_tabs``).


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, check_password: Callable[[str], bool] | None = None
    ) -> None:
        """``check_password``: whether a password opens this data file; None (a data file
        with no password, e.g. the demo) and the window never locks."""
        super().__init__()
        self.ctx = ctx
        self.idle_lock: IdleLock | None = None
        # None while the start-up check runs; then whether the data file passed it. The daily
        # backup, the drafts' offer and sync wait for it (a damaged file is never copied).
        self.data_file_ok: bool | None = None
        self._sync_wanted = False
        self.setWindowTitle(translate("MainWindow", "Shuren Xiaoqu"))
        self.setWindowIcon(icon("app"))
        self.setStyleSheet((Path(__file__).parent / "style.qss").read_text(encoding="utf-8"))

        self.navigation = Navigation()
        self.navigation.setAccessibleName(translate("MainWindow", "Navigation"))
        self.pages = QStackedWidget()
        # Only pages that exist are listed: no placeholders. A page is built the first time it
        # is shown (or asked for), so start-up pays for the home page only.
        self.page_specs: tuple[PageSpec, ...] = registry.PAGES
        self._handles = {spec.handle: spec.name for spec in self.page_specs}
        self._opens = {kind.value: spec.name for spec in self.page_specs for kind in spec.opens}
        self._built: dict[str, QWidget] = {}
        # Built now but idle until start_sync(): a window in a test syncs nothing.
        self.sync_scheduler = SyncScheduler(ctx.data_dir, ctx.events, parent=self)
        for spec in self.page_specs:
            QListWidgetItem(icon(spec.icon), spec.label(), self.navigation)
            self.pages.addWidget(QWidget())  # stands in until the page is first shown
        self.navigation.fit()
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(0)

        self.damage_banner = self._damage_banner()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.damage_banner)
        right.addWidget(self.pages, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)

        self.neighborhood_label = ElidedLabel()
        self.backup_label = ElidedLabel()
        self.statusBar().addPermanentWidget(self.neighborhood_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        # Looks like the other labels; a click (or Enter) opens the 同步 page.
        self.sync_label = QToolButton(autoRaise=True)
        self.sync_label.setObjectName("syncStatus")
        self.sync_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.sync_label.clicked.connect(lambda: self.go_to(self.sync_page))
        self.statusBar().addPermanentWidget(self.sync_label)
        self._order_tabs(self.pages.currentWidget())
        self.sync_scheduler.changed.connect(self._show_sync)
        self._show_sync(self.sync_scheduler.state)
        if check_password is not None:
            self.idle_lock = IdleLock(self, ctx.settings, ctx.events, check_password)
        self._build_menu()
        self.record_menu = RecordMenu(self, self.pages)
        ctx.events.data_changed.connect(self._data_changed)
        ctx.events.record_requested.connect(self.open_record)
        ctx.events.data_file_checked.connect(self._data_file_checked)
        ctx.events.phone_revealed.connect(self._phone_revealed)
        self._audit_protection(ctx)
        self._show_neighborhood()
        self.place_on_screen()
        self.check_data_file()

    def place_on_screen(self) -> None:
        """Where the secretary left the window; the first time, a window that fits the
        screen's free area, maximized on a small screen (1024×768, 1366×768)."""
        saved = self.ctx.settings.value(GEOMETRY_KEY)
        area = self.available_area()
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            # Made on a bigger screen: never larger than this one's free area.
            if self.width() > area.width() or self.height() > area.height():
                self.setGeometry(area)
                self.setWindowState(Qt.WindowState.WindowMaximized)
            return
        if area.width() < ROOMY_SCREEN.width() or area.height() < ROOMY_SCREEN.height():
            self.setGeometry(area)  # also the size if the system will not maximize
            self.setWindowState(Qt.WindowState.WindowMaximized)
            return
        size = self.sizeHint()
        self.resize(size)
        self.move(area.center() - QRect(0, 0, size.width(), size.height()).center())

    def available_area(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        quit_action = QAction(
            translate("MainWindow", "Quit"), self, shortcut=QKeySequence.StandardKey.Quit
        )
        quit_action.triggered.connect(self.close)
        if self.idle_lock is not None:
            # Only a data file with a password can be locked: unlocking needs one.
            self.lock_action = QAction(
                translate("MainWindow", "Lock"), self, shortcut=QKeySequence("Ctrl+L")
            )
            self.lock_action.triggered.connect(self.idle_lock.lock)
            file_menu.addAction(self.lock_action)
            file_menu.addSeparator()
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        # F1: the guide opens at the section of the page on screen.
        guide = QAction(
            translate("MainWindow", "User guide"),
            self,
            shortcut=QKeySequence.StandardKey.HelpContents,
        )
        guide.triggered.connect(self.show_help)
        help_menu.addAction(guide)
        help_menu.addAction(
            translate("MainWindow", "First-start guide…"),
            lambda: import_module("desktop.ui.first_start").open_guide(self),
        )
        help_menu.addSeparator()
        about = QAction(translate("MainWindow", "About Shuren Xiaoqu"), self)
        about.triggered.connect(lambda: show_about(self, self.ctx))
        help_menu.addAction(about)

    def show_help(self) -> None:
        """使用说明, at the section of the page on screen (F1)."""
        from desktop.ui.help_viewer import show_help  # loaded on first use

        spec = self._spec_at(self.navigation.currentRow())
        show_help(self, spec.name if spec else None, self.ctx.font_families)

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built on first use."""
        if name not in self._built:
            index = [spec.name for spec in self.page_specs].index(name)
            spec = self.page_specs[index]
            module, cls = spec.build.split(":")
            extra = [getattr(self, attribute) for attribute in spec.window_args]
            page = getattr(import_module(f"desktop.ui.pages.{module}"), cls)(self.ctx, *extra)
            stand_in = self.pages.widget(index)
            scroll_when_too_small(page)
            self.pages.insertWidget(index, page)
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
            name_unnamed(page, self.navigation.item(index).text())
            if hasattr(self, "sync_label"):
                self._order_tabs(page)
            self._built[name] = page
        return self._built[name]

    def _order_tabs(self, page: QWidget) -> None:
        """Tab: navigation, the page, then the status bar. A page with its own order
        (``order_tabs``, which returns its last stop) sets it again: wrapping the page for
        scrolling reset it. A page built later joins the window's Tab order after the status
        bar, so the status bar's label moves behind the page's last control. (Qt's focus
        chain is not walked: see ``chain_tab_order``.)"""
        order_tabs = getattr(page, "order_tabs", None)
        if order_tabs is not None:
            last: QWidget | None = order_tabs()
        else:  # the controls in the order they were made, as Qt's own Tab order has them
            stops = [
                w
                for w in page.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is self
            ]
            last = stops[-1] if stops else None
        if last is not None:
            QWidget.setTabOrder(last, self.sync_label)

    def _spec_at(self, row: int) -> PageSpec | None:
        return self.page_specs[row] if 0 <= row < len(self.page_specs) else None

    def _show_row(self, row: int) -> None:
        spec = self._spec_at(row)
        if spec is not None:
            self.pages.setCurrentWidget(self.page(spec.name))

    def __getattr__(self, attribute: str) -> QWidget:
        """``window.needs``, ``window.sync_page``…: the page of that handle (``PageSpec``),
        built on first use."""
        name = self.__dict__.get("_handles", {}).get(attribute)
        if name is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {attribute!r}")
        return self.page(name)

    def go_to(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(page))

    def open_record(self, kind: str, record_id: int) -> None:
        """Follow a link from a details pane: show the record's page and open the record."""
        name = self._opens.get(kind)
        if name is not None:
            page = self.page(name)
            self.go_to(page)
            page.open_record(record_id)

    def offer_drafts(self) -> None:
        """Work a crash interrupted: offer the autosaved drafts back."""
        pending = drafts.pending_drafts(self.ctx.db)
        if not pending:
            return
        names = "、".join(
            f"“{d.record.title if isinstance(d.record, Meeting) else d.record.resident}”"
            for d in pending[:5]
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("MainWindow", "Unsaved work"),
            translate(
                "MainWindow",
                "{count} form(s) were not saved when the app last closed: {names}. "
                "Open them again?",
            ).format(count=len(pending), names=names),
            parent=self,
        )
        restore = box.addButton(
            translate("MainWindow", "Open them"), QMessageBox.ButtonRole.YesRole
        )
        discard = box.addButton(
            translate("MainWindow", "Delete the drafts"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("MainWindow", "Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is restore:
            for d in pending:
                if isinstance(d.record, Meeting):
                    self.go_to(self.meetings)
                    self.meetings.edit_meeting(d.record, draft_id=d.id)
                else:
                    self.go_to(self.visits)
                    self.visits.edit_visit(d.record, draft_id=d.id)
        elif box.clickedButton() is discard:
            for d in pending:
                drafts.discard_draft(self.ctx.db, d.id)

    def _data_changed(self, kind: str) -> None:
        if kind == RecordKind.NEIGHBORHOOD.value:
            self._show_neighborhood()

    def _show_neighborhood(self) -> None:
        hood = neighborhood.get_neighborhood(self.ctx.db)
        self.neighborhood_label.setText(
            f"{hood.street} · {hood.community} · {hood.name}"
            if hood.name
            else translate("MainWindow", "Neighborhood not set: Help → First-start guide")
        )

    def start_sync(self) -> None:
        """Called once the window is on screen, so start-up never waits for the network; the
        scheduler starts once the data file has passed its check."""
        if not self.isVisible():
            return  # closed before the delay ran out: its background load would outlive it
        self._sync_wanted = True
        if self.data_file_ok:
            self.sync_scheduler.start()

    # -- the data file's check ------------------------------------------------------------
    def _damage_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("damageBanner")
        banner.setStyleSheet(
            "#damageBanner { background: #fbdada; border-bottom: 1px solid #a31515; }"
            "#damageBanner QLabel { color: #a31515; }"
        )
        row = QHBoxLayout(banner)
        text = QLabel(
            translate(
                "MainWindow",
                "The data file is damaged: records can be viewed but not changed. Nothing was "
                "backed up or uploaded from it. Restore a sound backup to go on working.",
            ),
            wordWrap=True,
        )
        row.addWidget(text, 1)
        self.restore_button = QPushButton(translate("MainWindow", "Restore from a backup…"))
        self.restore_button.clicked.connect(lambda: self.offer_restore())
        row.addWidget(self.restore_button)
        banner.hide()
        return banner

    def check_data_file(self) -> None:
        """PRAGMA quick_check on the task runner: the window is up at once and can be read;
        the store holds writes until the check passes (session.py). A check still running
        after half a second shows a modal note, so a save is not refused by surprise."""
        self.backup_label.setText(translate("MainWindow", "Checking the data file…"))
        dialog = QProgressDialog(
            translate(
                "MainWindow",
                "Checking the data file… (a few seconds when there are many records)",
            ),
            "",
            0,
            0,
            self,
        )
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setValue(0)  # starts the clock

        def finished(health: Health) -> None:
            if isValid(dialog):
                dialog.reset()
                dialog.deleteLater()
            if isValid(self):
                self.ctx.events.data_file_checked.emit(health)

        def failed(exc: Exception) -> None:
            # A check that could not run proves nothing: treat the file as unchecked-damaged.
            finished(Health(ok=False, problems=(type(exc).__name__,)))

        run_task(lambda: backups.check_data_file(self.ctx.data_dir), finished, failed)

    def _audit_protection(self, ctx: AppContext) -> None:
        """Unlocking (and failing to) and the retention of phones and rooms go into the audit
        log: counts only."""
        data_dir = ctx.data_dir
        events = ctx.events
        events.unlocked.connect(lambda: audit.record(data_dir, AuditEvent.UNLOCK))
        events.unlock_failed.connect(
            lambda n: audit.record(data_dir, AuditEvent.UNLOCK_FAILED, Outcome.FAILED, count=n)
        )
        events.retention_changed.connect(
            lambda years: audit.record(data_dir, AuditEvent.RETENTION, mode="years", count=years)
        )
        events.retention_applied.connect(
            lambda n: audit.record(data_dir, AuditEvent.RETENTION, mode="cleared", count=n)
        )

    def _phone_revealed(self, kind: str, record_id: int) -> None:
        """A masked phone shown in full: the audit log notes whose record (never the number).
        One small write to the log's own file, so on the GUI thread."""
        audit.record(self.ctx.data_dir, AuditEvent.PHONE_REVEAL, kind=kind, ids=[record_id])

    def _data_file_checked(self, health: Health) -> None:
        first = self.data_file_ok is None
        self.data_file_ok = health.ok
        self.damage_banner.setVisible(not health.ok)
        self.sync_scheduler.set_damaged(not health.ok)
        if not health.ok:
            self.ctx.db.hold_writes()
            self.backup_label.setText(
                translate("MainWindow", "Data file damaged: no backup made from it")
            )
            self.backup_label.setStyleSheet("color: #a31515;")
            if first:
                QTimer.singleShot(0, lambda: self.offer_restore(health))
            return
        self.ctx.db.allow_writes()
        if first:  # the session starts once its data file passed the check
            audit.record(self.ctx.data_dir, AuditEvent.START)
        self.backup_label.setStyleSheet("")
        self._daily_backup()
        if first:
            QTimer.singleShot(0, self.offer_drafts)
        if self._sync_wanted:
            self.sync_scheduler.start()

    def offer_restore(self, health: Health | None = None) -> None:
        """The damage told in plain words, with the newest sound backup offered (finding it
        may check old backups: on the task runner)."""

        def found(best: backups.Backup | None) -> None:
            if not isValid(self) or not self.isVisible():
                return  # closed meanwhile
            report = health or backups.damage_report(self.ctx.data_dir) or Health(ok=False)
            if ask_to_restore_after_damage(self, best, report, opened=True) and best:
                restore_in_window(self, self.ctx, best, lambda _ok: None)

        run_task(lambda: backups.newest_sound_backup(self.ctx.data_dir), found)

    def _show_sync(self, state: SyncState) -> None:
        if state.damaged and self.data_file_ok:
            # The sync found what the start-up check did not (its snapshot failed the check).
            self._data_file_checked(backups.damage_report(self.ctx.data_dir) or Health(ok=False))
        self.sync_label.setText(status_bar_text(state))
        self.sync_label.setVisible(state.loaded)
        failed = bool(state.error or state.shrunk) and not state.running
        self.sync_label.setStyleSheet("color: #a31515;" if failed else "")
        tip = translate("MainWindow", "Click to open the Sync page")
        self.sync_label.setToolTip(f"{state.error}\n\n{tip}" if failed and state.error else tip)

    def _daily_backup(self) -> None:
        self.backup_label.setText(backup_status_text(self.ctx))

        def done(_path: object) -> None:
            if isValid(self):
                self.backup_label.setText(backup_status_text(self.ctx))

        def failed(exc: Exception) -> None:
            if not isValid(self):
                return
            if isinstance(exc, backups.DamagedDatabaseError):
                # Damage only the full check of the copy found: the copy was discarded.
                self._data_file_checked(Health(ok=False, problems=exc.problems))
                return
            self.backup_label.setText(
                translate("MainWindow", "Backup failed: check the free disk space")
            )

        run_task(lambda: backups.back_up_if_due(self.ctx.db, self.ctx.data_dir), done, failed)

    def closeEvent(self, event: QCloseEvent) -> None:
        log.info("window closed")
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.sync_scheduler.stop()  # a running upload is cancelled, not waited for
        if self.idle_lock is not None:
            self.idle_lock.stop()
        super().closeEvent(event)

    def sizeHint(self) -> QSize:
        area = self.available_area()
        return QSize(min(1280, area.width()), min(860, area.height()))
