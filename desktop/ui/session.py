"""A running app: the window, its database and the instance lock, set up in a safe order."""

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QLockFile, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.store.cipher import session_key
from desktop.store.database import Database, open_database
from desktop.store.datadir import (
    DataDirError,
    db_path,
    default_data_dir,
    demo_data_dir,
    ensure_writable,
    is_demo_folder,
    looks_like_network_drive,
    private_new_files,
)
from desktop.store.errors import (
    EXIT_CODES,
    StorageProblem,
    log_storage_error,
    storage_problem,
)
from desktop.store.health import DamagedDatabaseError
from desktop.store.password import check_password
from desktop.store.schema import DatabaseTooNewError
from desktop.ui.access import readable_palette, show_focus_everywhere
from desktop.ui.context import AppContext, open_settings
from desktop.ui.events import AppEvents
from desktop.ui.fonts import apply_fonts
from desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_language, translate
from desktop.ui.messages import storage_error_text, unexpected_error_text
from desktop.ui.tasks import run_task, wait_for_tasks

if TYPE_CHECKING:  # main_window is imported only when the window opens
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def show_error(text: str) -> None:
    """Said on screen (and on stderr for whoever started us from a terminal)."""
    print(text, file=sys.stderr)
    QMessageBox.critical(None, translate("Startup", "Shuren Xiaoqu"), text)


def install_error_hook() -> None:
    """An error in any slot is logged with its traceback and told in plain Chinese; a disk
    or data-file error (full, read-only, I/O) as such, and logged without its text, which in
    SQLAlchemy's case would carry residents' data."""

    def hook(kind: type[BaseException], error: BaseException, tb) -> None:
        if storage_problem(error) is None:
            log.error("unexpected error", exc_info=(kind, error, tb))
        else:
            log_storage_error(log, "disk or data file error", error, tb)
        if QApplication.instance() is not None and not issubclass(kind, KeyboardInterrupt):
            QMessageBox.critical(
                None, translate("Startup", "Shuren Xiaoqu"), unexpected_error_text(error)
            )

    sys.excepthook = hook


def refuse_start(error: Exception) -> int:
    """A disk or data-file error before the window is up: said, logged, and the exit code
    (1 met while starting, 2 a data folder that cannot be written). Other errors re-raised."""
    problem = storage_problem(error)
    if problem is None:
        raise error
    log_storage_error(log, "cannot start", error)
    show_error(storage_error_text(error) or unexpected_error_text())
    return EXIT_CODES[problem]


class Session:
    def __init__(self, ctx: AppContext, lock: QLockFile, window: "MainWindow") -> None:
        self.ctx = ctx
        self.lock = lock
        self.window = window

    def shutdown(self) -> None:
        self.window.sync_scheduler.stop()
        wait_for_tasks()
        self.ctx.db.close()
        self.lock.unlock()


def start_session(args: argparse.Namespace) -> Session | int:
    """Start the app in a safe order: its look and language, the data folder and the log, the
    instance lock, the first-start question, the data file, its settings, then the window.
    An int is the exit code of a start refused (said on screen already)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    lang = args.lang or DEFAULT_LANGUAGE
    families = _set_up_app(app, lang)

    data_dir = args.data_dir or (demo_data_dir() if args.demo else default_data_dir())
    private_new_files()
    refused = _prepare_data_dir(data_dir)
    if refused is not None:
        return refused
    lock = _take_lock(data_dir)
    if isinstance(lock, int):
        return lock

    # Her language and text size already for the password prompt.
    settings, lang = _apply_settings(app, args, data_dir, lang, families)
    new_data_file = False  # then the first-start guide follows once the window is up
    if not args.demo:
        new_data_file_or_quit = _ask_password(data_dir, args.lang)
        if new_data_file_or_quit is None:
            lock.unlock()  # she gave up, or the demo runs in its own window on its own folder
            return EXIT_OK
        new_data_file = new_data_file_or_quit
    db = _open_data_file(data_dir, bool(args.demo), lock)
    if isinstance(db, int):
        return db
    ctx = AppContext(
        db=db,
        events=AppEvents(),
        data_dir=data_dir,
        settings=settings,
        font_families=families,
        lang=lang,
        demo=bool(args.demo),
    )
    window = _open_window(ctx, new_data_file)
    return Session(ctx, lock, window)


def _ask_password(data_dir: Path, lang: str | None) -> bool | None:
    """The data folder's password (demo folders have none): asked for an encrypted file, set
    on the first start (after its question) and offered for a plain one. True: a new data
    file follows; None: she chose to leave (or the demo)."""
    from desktop.ui import password

    if not db_path(data_dir).exists():
        from desktop.ui import first_start
        from desktop.ui.first_start import FirstStart

        choice = first_start.ask_first_start(data_dir, lang)
        if choice in (FirstStart.QUIT, FirstStart.DEMO):
            return None
        if choice is FirstStart.NEW:
            return True if password.set_up_encryption(data_dir) else None
    if not password.unlock_at_start(data_dir):
        return None
    if session_key() is None and not is_demo_folder(data_dir):
        password.offer_encryption(data_dir)
    return False


def _set_up_app(app: QApplication, lang: str) -> list[str]:
    """Name, style, palette, focus ring, language and fonts; the font families in use."""
    app.setApplicationName("ShurenXiaoqu")
    app.setApplicationDisplayName(translate("Startup", "Shuren Xiaoqu"))
    app.setStyle("Fusion")
    # Fusion's light colours on every machine (the style sheet assumes them), with words on
    # the selection and in empty fields dark enough to read (access.py).
    app.setPalette(readable_palette(app.style().standardPalette()))
    show_focus_everywhere(app)
    install_language(app, lang)
    return apply_fonts(app)


def _prepare_data_dir(data_dir: Path) -> int | None:
    """A data folder that can be written, the log in it and the error hook; else the exit
    code."""
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

    try:
        setup_logging(data_dir)
    except OSError as exc:  # the disk filled up since the check above
        return refuse_start(exc)
    install_error_hook()
    log.info("starting with data dir %s", data_dir)
    return None


def _take_lock(data_dir: Path) -> QLockFile | int:
    """One window per data folder: the lock, or the exit code when another window (or the
    disk) refuses it."""
    lock = QLockFile(str(data_dir / "shuren.lock"))
    lock.setStaleLockTime(0)  # a lock whose process is gone is stale, whatever its age
    if not lock.tryLock(200):
        if lock.error() != QLockFile.LockError.LockFailedError:  # not another window: the disk
            log.error("lock file not written: %s", lock.error())
            show_error(
                translate(
                    "Startup",
                    "Cannot write in the data folder {path}: the disk may be full or "
                    "read-only. Free some disk space or choose a folder you can write to, then "
                    "start again.",
                ).format(path=data_dir)
            )
            return EXIT_USAGE
        show_error(
            translate(
                "Startup",
                "Shuren Xiaoqu is already open with this data folder. Switch to the open "
                "window (look in the taskbar).",
            )
        )
        return EXIT_PROBLEM
    return lock


def _open_data_file(data_dir: Path, demo: bool, lock: QLockFile) -> Database | int:
    """The database (made first for the demo), restored from a backup when damaged; else the
    lock is released and the exit code returned."""
    try:
        if demo:
            _ensure_demo(data_dir)
        return open_database(data_dir)
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
    except DamagedDatabaseError as exc:  # found by the check of a copy before an upgrade
        log.error("data file damaged: %s", "; ".join(exc.problems[:3]))
        restored = _restore_at_start(data_dir, exc)
        if restored is None:
            lock.unlock()
            return EXIT_PROBLEM
        return restored
    except Exception as exc:
        if storage_problem(exc) is not StorageProblem.DAMAGED:
            lock.unlock()
            return refuse_start(exc)
        log_storage_error(log, "cannot open database", exc)
        restored = _restore_at_start(data_dir, exc)
        if restored is None:
            lock.unlock()
            return EXIT_PROBLEM
        return restored


def _apply_settings(
    app: QApplication, args: argparse.Namespace, data_dir: Path, lang: str, families: list[str]
) -> tuple[QSettings, str]:
    """The settings of the data folder: its language (unless one was asked for) and text
    size, applied to the app; (the settings, the language)."""
    settings = open_settings(data_dir)
    saved_lang = str(settings.value("lang", DEFAULT_LANGUAGE))
    if args.lang is None and saved_lang != lang and saved_lang in LANGUAGES:
        lang = saved_lang
        install_language(app, lang)
    text_scale = str(settings.value("text_scale", "standard"))
    if text_scale != "standard":
        from desktop.ui.fonts import app_font

        app.setFont(app_font(families, text_scale))
    return settings, lang


def _open_window(ctx: AppContext, new_data_file: bool) -> "MainWindow":
    """The main window, shown; the first-start guide for a new data file; sync soon after;
    a warning for a data folder on a network drive."""
    from desktop.ui.main_window import MainWindow

    # Nothing is written to the file until the window's check of it has passed.
    ctx.db.hold_writes()

    window = MainWindow(ctx, None if session_key() is None else check_password)
    if ctx.demo or is_demo_folder(ctx.data_dir):
        window.setWindowTitle(translate("Startup", "Shuren Xiaoqu — demo neighborhood"))
    window.show()
    if new_data_file:
        from desktop.ui import first_start

        first_start.open_guide_at_start(window)
    # After the first paint; the first upload itself waits a little longer (START_DELAY).
    QTimer.singleShot(500, window, window.start_sync)
    if looks_like_network_drive(ctx.data_dir):
        QMessageBox.warning(
            window,
            translate("Startup", "Shuren Xiaoqu"),
            translate(
                "Startup",
                "The data folder is on a network drive. Records can be damaged there; please "
                "move it to this computer's own disk.",
            ),
        )
    return window


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
        log_storage_error(log, "restore at start-up failed", exc)
        show_error(refused_text(exc))
        return None


def _ensure_demo(data_dir: Path) -> None:
    """Make the demo neighborhood unless there is one, showing progress; runs on the task
    runner. Built aside and moved into place (create_demo), so a window closed or killed
    meanwhile leaves no half demo behind; a disk error is raised here, after the dialog."""
    from desktop.services.demo import DemoExistsError, create_demo

    dialog = QProgressDialog(translate("Startup", "Creating the demo neighborhood…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    loop = QEventLoop()
    errors: list[Exception] = []

    def done(_result: object) -> None:
        loop.quit()

    def failed(exc: Exception) -> None:
        if storage_problem(exc) is not None or isinstance(exc, DatabaseTooNewError):
            errors.append(exc)  # said by the caller, as when opening the database
        elif not isinstance(exc, DemoExistsError):
            show_error(translate("Startup", "The demo neighborhood could not be created."))
        loop.quit()

    run_task(lambda: create_demo(data_dir), done, failed)
    loop.exec()
    dialog.close()
    if errors:
        raise errors[0]
