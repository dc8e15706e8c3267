"""The pictures of the 使用说明 (docs/guide.md), taken from the app itself.

    python build/help_shots.py [--out resources/help] [--scale 30]

Starts the real window offscreen on a fresh demo neighborhood, with only the bundled fonts
(as on an office PC with no Chinese font), goes through the pages and dialogs the guide
shows, and saves each as a PNG grabbed from the widget. Run it after changing anything the
guide shows; tests/ui/test_help.py runs it too and checks every picture the guide names.
Never imported by the app.
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LATIN_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")
WINDOW_SIZE = (1024, 700)  # the common office screen is 1366×768 or 1024×768
MARK_COLOUR = "#d0021b"
TIMEOUT_S = 30
SERVER = "https://street.example.cn:8765"
BRANCH_ID = "0123456789ab"
TOKEN = BRANCH_ID + "." + "s" * 43  # the shape of a token; only dots show on screen


def _environment(tmp: Path) -> None:
    """Offscreen, and (on Linux) a fontconfig without Chinese fonts: the pictures show what
    the bundled fonts draw, the same on every machine. Set before Qt is imported."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = "1"
    dirs = [d for d in LATIN_FONT_DIRS if Path(d).is_dir()]
    if dirs and "FONTCONFIG_FILE" not in os.environ:
        conf = tmp / "fonts.conf"
        conf.write_text(
            '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
            + "".join(f"<dir>{d}</dir>" for d in dirs)
            + f"<cachedir>{tmp / 'fontcache'}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        os.environ["FONTCONFIG_FILE"] = str(conf)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def _quiet(_mode, _context, message: str) -> None:
    """Qt's messages, less the offscreen platform's notes on what it cannot do."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="使用说明的配图：从软件本身截取。")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "help")
    parser.add_argument("--scale", type=int, default=30, help="演示数据每张清单的条数")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="shuren-help-") as tmp:
        _environment(Path(tmp))
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        qInstallMessageHandler(_quiet)
        app = QApplication([sys.argv[0]])
        shots = Shots(app, Path(tmp), args.out, args.scale)
        try:
            shots.take_all()
        finally:
            shots.close()
    print(f"已保存 {len(shots.saved)} 张配图到 {args.out}")
    return 0


class Shots:
    def __init__(self, app, tmp: Path, out: Path, scale: int) -> None:
        from desktop.services.demo import create_demo
        from desktop.ui.session import Session, start_session

        self.app = app
        self.tmp = tmp
        self.out = out
        self.saved: list[str] = []
        out.mkdir(parents=True, exist_ok=True)
        self.data_dir = tmp / "data"
        self.data_dir.mkdir()
        create_demo(self.data_dir, scale=scale, seed=1)
        session = start_session(
            argparse.Namespace(data_dir=self.data_dir, demo=False, lang="zh_CN")
        )
        if not isinstance(session, Session):
            raise SystemExit(f"软件没有启动（退出码 {session}）")
        self.session = session
        self.window = session.window
        self.ctx = session.ctx
        self.window.resize(*WINDOW_SIZE)
        self.wait(lambda: self.window.data_file_ok is not None)

    def close(self) -> None:
        self.session.window.close()
        self.session.shutdown()

    # -- helpers --------------------------------------------------------------------------
    def settle(self, seconds: float = 0.03) -> None:
        """Let layouts and background loads finish (and what they report be shown)."""
        from desktop.ui.tasks import pending_tasks, wait_for_tasks

        end = time.monotonic() + seconds
        while True:
            self.app.processEvents()
            wait_for_tasks()
            if time.monotonic() >= end and not pending_tasks():
                break
            time.sleep(0.005)
        self.app.processEvents()

    def wait(self, condition: Callable[[], bool], timeout: float = TIMEOUT_S) -> None:
        from desktop.ui.tasks import wait_for_tasks

        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise SystemExit("等待超时：界面没有出现预期的内容")
            self.app.processEvents()
            time.sleep(0.01)
        wait_for_tasks()
        self.settle()

    def save(self, name: str, image) -> None:
        """As a 256-colour PNG: a quarter of the size, the same to the eye for a screen."""
        from PIL import Image

        path = self.out / f"{name}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"无法保存 {path}")
        with Image.open(path) as shot:
            small = shot.convert("RGB").quantize(
                colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
            )
        small.save(path, optimize=True)
        self.saved.append(path.name)

    def page(self, name: str):
        page = self.window.page(name)
        self.window.go_to(page)
        self.settle()
        return page

    def grab(self, widget=None, marks=(), menu=None, rows=None):
        """The window (or a widget), with red frames around the widgets named in the steps
        and an open menu drawn where it pops up; ``rows`` (top, bottom) keeps only that band.
        A dialog gets a plain title bar (the system draws the real one), so that the guide
        can name it."""
        from PySide6.QtCore import QPoint, QRect
        from PySide6.QtGui import QColor, QPainter, QPen

        widget = widget or self.window
        self.settle()
        image = widget.grab().toImage()
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if menu is not None:
            painter.drawPixmap(widget.mapFromGlobal(menu.pos()), menu.grab())
        painter.setPen(QPen(QColor(MARK_COLOUR), 3))
        for marked in marks:
            top_left = marked.mapTo(widget, QPoint(0, 0))
            painter.drawRoundedRect(QRect(top_left, marked.size()).adjusted(-2, -2, 2, 2), 4, 4)
        painter.end()
        if rows is not None:
            image = image.copy(0, rows[0], image.width(), rows[1] - rows[0])
        if widget.isWindow() and widget is not self.window:
            image = self.titled(image, widget.windowTitle())
        return image

    def titled(self, content, title: str):
        from PySide6.QtCore import QRect, Qt
        from PySide6.QtGui import QColor, QFont, QImage, QPainter

        bar = 30
        image = QImage(content.width() + 2, content.height() + bar + 1, content.format())
        image.fill(QColor("#8a8a8a"))
        painter = QPainter(image)
        painter.fillRect(QRect(1, 1, content.width(), bar - 1), QColor("#e4e4e4"))
        font = QFont(self.app.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222"))
        painter.drawText(
            QRect(12, 1, content.width() - 24, bar - 1),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            title,
        )
        painter.drawImage(1, bar, content)
        painter.end()
        return image

    def button(self, toolbar, action):
        return toolbar.widgetForAction(action)

    def modal(self, trigger: Callable[[], object], act: Callable | None = None, kind=None):
        """Run ``trigger``, which opens a modal dialog (and may wait in its exec()); grab the
        dialog once it shows, after ``act(dialog)``, then close it without saving."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog

        result: dict[str, object] = {}
        end = time.monotonic() + TIMEOUT_S

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            wanted = (
                isinstance(dialog, kind or QDialog)
                and not isinstance(dialog, QProgressDialog)
                and dialog.isVisible()
            )
            if not wanted:
                if time.monotonic() > end:
                    result["error"] = "没有出现预期的对话框"
                    return
                QTimer.singleShot(5, poll)
                return
            try:
                self.settle()
                if act is not None:
                    act(dialog)
                    self.settle()
                result["image"] = self.grab(dialog)
            except Exception as exc:  # said after the dialog is closed, never left open
                result["error"] = exc
            dialog.done(0)

        QTimer.singleShot(0, poll)
        trigger()
        self.wait(lambda: bool(result))
        if "error" in result:
            error = result["error"]
            raise error if isinstance(error, Exception) else SystemExit(str(error))
        return result["image"]

    def select_row(self, page, matches: Callable[[object], bool]) -> None:
        model = page.model
        while model.canFetchMore():
            model.fetchMore()
        for row in range(model.rowCount()):
            if matches(model.row_at(row)):
                page.view.selectRow(row)
                page.view.scrollTo(model.index(row, 0))
                self.settle()
                return
        raise SystemExit(f"演示数据里没有合适的记录（{type(page).__name__}）")

    # -- the pictures ---------------------------------------------------------------------
    def take_all(self) -> None:
        for shot in (
            self.home,
            self.needs,
            self.visits,
            self.meetings,
            self.compacts,
            self.partners,
            self.ledger,
            self.statistics,
            self.sync,
            self.restore,
            self.text_size,
        ):
            shot()

    def home(self) -> None:
        self.page("home")
        self.save("window", self.grab(marks=[self.window.navigation]))

    def needs(self) -> None:
        from desktop.domain.needs import NeedStatus

        page = self.page("needs")
        self.select_row(page, lambda r: r.status is NeedStatus.IN_PROGRESS)
        self.save(
            "needs-page",
            self.grab(marks=[self.button(page.toolbar, page.new_action), page.details]),
        )
        self.save("need-new", self.modal(page.new_action.trigger))
        self.select_row(page, lambda r: r.status is NeedStatus.RESOLVED)
        self.save("need-resolved", self.modal(page.edit_action.trigger))

    def visits(self) -> None:
        page = self.page("visits")
        self.select_row(page, lambda r: r.need_id is None)
        self.save(
            "visits-page",
            self.grab(
                marks=[
                    self.button(page.toolbar, page.new_action),
                    self.button(page.toolbar, page.need_action),
                ]
            ),
        )
        self.save("visit-new", self.modal(page.new_action.trigger))

    def meetings(self) -> None:
        from PySide6.QtWidgets import QListWidget, QTabWidget

        from desktop.domain.meetings import MeetingKind

        page = self.page("meetings")
        self.select_row(
            page, lambda r: not r.final and r.kind is MeetingKind.DELIBERATION and r.topics >= 2
        )

        def topics(dialog) -> None:
            dialog.findChild(QTabWidget).setCurrentIndex(1)
            dialog.findChild(QListWidget).setCurrentRow(0)

        self.save("meeting-participants", self.modal(page.edit_action.trigger))
        self.save("meeting-topics", self.modal(page.edit_action.trigger, topics))
        self.save(
            "meetings-finalize",
            self.grab(marks=[self.button(page.toolbar, page.finalize_action)]),
        )
        self.select_row(page, lambda r: r.final and r.kind is MeetingKind.DELIBERATION)
        button = self.button(page.toolbar, page.print_action)
        page.print_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        self.settle()
        self.save("meetings-print", self.grab(marks=[button], menu=page.print_menu))
        page.print_menu.hide()
        self.save(
            "minutes-preview",
            self.modal(lambda: page.print_selected("archive"), lambda d: d.resize(760, 640)),
        )

    def compacts(self) -> None:
        from desktop.domain.compacts import CompactState

        page = self.page("compacts")
        self.save("compact-new", self.modal(page.new_action.trigger))
        self.select_row(page, lambda r: r.state is CompactState.DRAFT)
        self.save("compact-editor", self.modal(page.edit_action.trigger))
        self.save("compact-adopt", self.modal(page.adopt_action.trigger))
        self.select_row(page, lambda r: r.state is CompactState.ADOPTED)
        button = self.button(page.toolbar, page.print_action)
        page.print_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        self.settle()
        self.save("compacts-print", self.grab(marks=[button], menu=page.print_menu))
        page.print_menu.hide()

    def partners(self) -> None:
        page = self.page("partners")
        page.units.setCurrentRow(0)
        self.settle()
        self.save(
            "partners-page",
            self.grab(marks=[self.button(page.toolbar, page.new_activity_action)]),
        )
        self.save("partner-activity", self.modal(page.new_activity_action.trigger))

    def ledger(self) -> None:
        from desktop.domain.ledger import LedgerKind
        from desktop.services.ledger import export_ledger

        page = self.page("needs")
        ledger = page.ledger
        bottom = page.search.mapTo(page, page.search.rect().bottomLeft()).y() + 6
        self.save(
            "ledger-buttons",
            self.grab(
                page,
                marks=[
                    self.button(page.toolbar, ledger.import_action),
                    self.button(page.toolbar, ledger.export_action),
                ],
                rows=(0, bottom),
            ),
        )
        workbook = self.tmp / "需求清单.xlsx"
        export_ledger(self.ctx.db, LedgerKind.NEEDS, workbook)
        self.save("ledger-import", self.modal(lambda: ledger.import_from(workbook)))

    def statistics(self) -> None:
        page = self.page("statistics")
        self.wait(lambda: page.status.text() != "正在统计…")
        self.save("statistics", self.grab(marks=[page.export_button]))

    def sync(self) -> None:
        from desktop.sync import client, config, status
        from desktop.sync.errors import Diverged

        page = self.page("sync")
        page.server_edit.setText(SERVER)
        page.token_edit.setText(TOKEN)
        self.save(
            "sync-setup", self.grab(marks=[page.save_button, page.test_button, page.sync_button])
        )

        # Another PC moved the street office's copy on: the sync says so, as it would after
        # 立即同步 (only the network is left out), and the page offers the three choices.
        def diverged(data_dir: Path, **_kwargs):
            """What the engine does when it finds the street office's copy moved on."""
            error = Diverged(13)
            found = status.load_status(data_dir)
            status.save_status(
                data_dir,
                replace(
                    found,
                    diverged=status.Divergence(BRANCH_ID, 13),
                    last_error=error.message,
                ),
            )
            raise error

        scheduler = self.window.sync_scheduler
        real, client.sync_once = client.sync_once, diverged
        try:
            config.save_config(self.data_dir, config.SyncConfig(server=SERVER))
            config.save_token(self.data_dir, TOKEN)
            scheduler.settings_changed()
            self.wait(lambda: scheduler.state.configured)
            page.sync_button.click()
            self.wait(lambda: page.diverged_box.isVisible() and not scheduler.state.running)
        finally:
            client.sync_once = real
        self.save("sync-diverged", self.grab(marks=[page.diverged_box]))

    def restore(self) -> None:
        from desktop.ui.first_start import ask_first_start

        page = self.page("settings")
        box = page.restore_button.parentWidget()
        self.wait(lambda: page.backup_table.rowCount() > 0)
        page.backup_table.selectRow(0)
        self.save(
            "settings-restore",
            self.grab(box, marks=[page.restore_button, page.street_restore_button]),
        )
        self.save("street-restore", self.modal(page.street_restore_button.click))
        empty = self.tmp / "empty"
        empty.mkdir()
        self.save("first-start", self.modal(lambda: ask_first_start(empty)))

    def text_size(self) -> None:
        page = self.page("settings")
        buttons = page.text_group.buttons()
        largest = buttons[-1]
        self.save("text-size", self.grab(largest.parentWidget(), marks=[largest]))
        largest.click()
        self.settle(0.3)
        self.page("needs")
        self.save("text-extra-large", self.grab())
        buttons[0].click()
        self.settle(0.3)


if __name__ == "__main__":
    sys.exit(main())
