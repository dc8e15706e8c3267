"""A running app: the window, its database and the instance lock, set up in a safe order."""

import argparse
import logging
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLockFile, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.store.database import Database, open_database
from desktop.store.datadir import (
    DataDirError,
    default_data_dir,
    demo_data_dir,
    ensure_writable,
    looks_like_network_drive,
)
from desktop.store.health import DamagedDatabaseError
from desktop.store.schema import DatabaseTooNewError
from desktop.ui.context import AppContext, open_settings
from desktop.ui.events import AppEvents
from desktop.ui.fonts import apply_fonts
from desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_language, translate
from desktop.ui.messages import unexpected_error_text
from desktop.ui.tasks import run_task, wait_for_tasks

log = logging.getLogger(__name__)

EXIT_PROBLEM, EXIT_USAGE = 1, 2


def show_error(text: str) -> None:
    """Said on screen (and on stderr for whoever started us from a terminal)."""
    print(text, file=sys.stderr)
    QMessageBox.critical(None, translate("Startup", "Shuren Xiaoqu"), text)


def install_error_hook() -> None:
    """An error in any slot is logged with its traceback and told in plain Chinese."""

    def hook(kind: type[BaseException], error: BaseException, tb) -> None:
        log.error("unexpected error", exc_info=(kind, error, tb))
        if QApplication.instance() is not None and not issubclass(kind, KeyboardInterrupt):
            QMessageBox.critical(
                None, translate("Startup", "Shuren Xiaoqu"), unexpected_error_text()
            )

    sys.excepthook = hook


class Session:
    def __init__(self, ctx: AppContext, lock: QLockFile, window) -> None:
        self.ctx = ctx
        self.lock = lock
        self.window = window

    def shutdown(self) -> None:
        self.window.sync_scheduler.stop()
        wait_for_tasks()
        self.ctx.db.close()
        self.lock.unlock()


def start_session(args: argparse.Namespace) -> Session | int:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setApplicationName("ShurenXiaoqu")
    app.setApplicationDisplayName(translate("Startup", "Shuren Xiaoqu"))
    app.setStyle("Fusion")
    lang = args.lang or DEFAULT_LANGUAGE
    install_language(app, lang)
    families = apply_fonts(app)

    data_dir = args.data_dir or (demo_data_dir() if args.demo else default_data_dir())
    try:
        ensure_writable(data_dir)
    except DataDirError as exc:
        show_error(
            translate(
                "Startup",
                "Cannot use the data folder {path} ({reason}). Choose a folder you can "
                "write to and start again.",
            ).format(path=exc.path, reason=exc.reason)
        )
        return EXIT_USAGE

    from desktop.app import setup_logging

    setup_logging(data_dir)
    install_error_hook()
    log.info("starting with data dir %s", data_dir)
    lock = QLockFile(str(data_dir / "shuren.lock"))
    lock.setStaleLockTime(0)  # a lock whose process is gone is stale, whatever its age
    if not lock.tryLock(200):
        show_error(
            translate(
                "Startup",
                "Shuren Xiaoqu is already open with this data folder. Switch to the open "
                "window (look in the taskbar).",
            )
        )
        return EXIT_PROBLEM

    try:
        db = open_database(data_dir)
    except DatabaseTooNewError as exc:
        lock.unlock()
        show_error(
            translate(
                "Startup",
                "This data was saved by a newer version of Shuren Xiaoqu (revision "
                "{revision}). Please install the newer version to open it; nothing was "
                "changed.",
            ).format(revision=exc.revision)
        )
        return EXIT_PROBLEM
    except (DamagedDatabaseError, sqlite3.DatabaseError) as exc:
        log.exception("cannot open database")
        restored = _restore_at_start(data_dir, exc)
        if restored is None:
            lock.unlock()
            return EXIT_PROBLEM
        db = restored

    settings = open_settings(data_dir)
    saved_lang = str(settings.value("lang", DEFAULT_LANGUAGE))
    if args.lang is None and saved_lang != lang and saved_lang in LANGUAGES:
        lang = saved_lang
        install_language(app, lang)
    text_scale = str(settings.value("text_scale", "standard"))
    if text_scale != "standard":
        from desktop.ui.fonts import app_font

        app.setFont(app_font(families, text_scale))
    ctx = AppContext(
        db=db,
        events=AppEvents(),
        data_dir=data_dir,
        settings=settings,
        font_families=families,
        lang=lang,
    )
    if args.demo:
        _ensure_demo(db)

    from desktop.ui.main_window import MainWindow

    # Nothing is written to the file until the window's check of it has passed.
    db.hold_writes()

    window = MainWindow(ctx)
    window.show()
    # After the first paint; the first upload itself waits a little longer (START_DELAY).
    QTimer.singleShot(500, window, window.start_sync)
    if looks_like_network_drive(data_dir):
        QMessageBox.warning(
            window,
            translate("Startup", "Shuren Xiaoqu"),
            translate(
                "Startup",
                "The data folder is on a network drive. Records can be damaged there; please "
                "move it to this computer's own disk.",
            ),
        )
    return Session(ctx, lock, window)


def _restore_at_start(data_dir: Path, error: Exception) -> Database | None:
    """The data file cannot be opened: say so, and offer the newest sound backup."""
    from desktop.services import backups
    from desktop.services.backups import Backup, Health
    from desktop.ui.restore import ask_to_restore_after_damage, damaged_text, refused_text, wait_for

    def check() -> tuple[Health, Backup | None]:
        if isinstance(error, DamagedDatabaseError):  # found by the full check of its copy
            health = Health(ok=False, problems=error.problems)
        else:
            health = backups.check_data_file(data_dir)
        return health, backups.newest_sound_backup(data_dir)

    health, best = wait_for(check, translate("Startup", "Checking the data file and the backups…"))
    if health.ok:  # not damage: a locked or unreadable file
        show_error(
            translate(
                "Startup",
                "The data file could not be opened. Close any other program that may be using "
                "it and start again; if it keeps happening, ask the street office for help.",
            )
        )
        return None
    if not ask_to_restore_after_damage(None, best, health, opened=False) or best is None:
        print(damaged_text(best, opened=False), file=sys.stderr)
        return None
    try:
        wait_for(
            lambda: backups.restore_backup(data_dir, best.path),
            translate("Startup", "Restoring the backup…"),
        )
        return open_database(data_dir)
    except Exception as exc:
        log.exception("restore at start-up failed")
        show_error(refused_text(exc))
        return None


def _ensure_demo(db: Database) -> None:
    """Fill an empty demo data dir, showing progress; runs on the task runner."""
    from desktop.domain.roster import PeopleQuery
    from desktop.services.demo import DemoExistsError, make_demo
    from desktop.services.people import count_people

    if count_people(db, PeopleQuery()) or count_people(db, PeopleQuery(), deleted=True):
        return
    dialog = QProgressDialog(translate("Startup", "Creating the demo neighborhood…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()

    def done(_result: object) -> None:
        loop.quit()

    def failed(exc: Exception) -> None:
        if not isinstance(exc, DemoExistsError):
            show_error(translate("Startup", "The demo neighborhood could not be created."))
        loop.quit()

    run_task(lambda: make_demo(db), done, failed)
    loop.exec()
    dialog.close()
