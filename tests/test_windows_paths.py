"""The Windows-only paths of the code, checked here with the platform patched where possible.

Each test below names what it stands in for (the platform's answer) and what stays unchecked
without Windows: NTFS itself, Windows' MAX_PATH handling, Qt's own Windows lock file and
printer code run only there.
"""

import errno
import fcntl
import importlib.util
import io
import multiprocessing
import ntpath
import os
import socket
import stat
import sys
import types
from pathlib import Path, PureWindowsPath

import platformdirs
import platformdirs.windows
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from reportlab.pdfgen import canvas

import desktop.services.demo.folder as demo_folder
import desktop.shared_files as shared
import desktop.store.datadir as datadir
import desktop.sync.lock
import desktop.sync.receiver.cli as receiver_cli
from desktop.cli.common import Refused
from desktop.cli.sync import window_closed
from desktop.documents import write_minutes
from desktop.services.demo.folder import _move_into_place
from desktop.services.ledger.export import export_ledger
from desktop.store.database import open_database
from desktop.store.datadir import db_path, keep_private, looks_like_network_drive
from desktop.sync.errors import SyncBusy
from desktop.sync.receiver import private
from desktop.ui import session
from desktop.ui.print_preview import PrintPreview
from tests.documents.conftest import HOOD, sample_meeting

ROOT = Path(__file__).resolve().parents[1]
WINDOWS_USER = r"C:\Users\王书记"


class ModuleAs(types.ModuleType):
    """A stand-in for ``os`` or ``sys`` inside one module of ours: the real module, with a few
    attributes answered as on Windows. Patching ``os.name`` itself would turn every
    ``pathlib.Path`` of the test run into a WindowsPath, which cannot exist here."""

    def __init__(self, real: types.ModuleType, **answers) -> None:
        super().__init__(real.__name__)
        self.__dict__.update(answers)
        self._real = real

    def __getattr__(self, name: str):
        return getattr(self._real, name)


def as_windows(monkeypatch, *modules: types.ModuleType, **answers) -> None:
    for module in modules:
        monkeypatch.setattr(module, "os", ModuleAs(os, name="nt", **answers))


# --- The data folder: %LOCALAPPDATA%\ShurenXiaoqu --------------------------------------------


@pytest.fixture
def on_windows_folders(monkeypatch):
    """platformdirs as on Windows: its Windows class, Windows path rules, and the known folders
    read from the environment (on Windows the shell answers; it gives the same folders)."""
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(
        platformdirs.windows, "os", types.SimpleNamespace(path=ntpath, environ=os.environ)
    )
    resolve = platformdirs.windows.get_win_folder_from_env_vars
    monkeypatch.setattr(platformdirs.windows, "_RESOLVE_WIN_FOLDER", resolve)
    monkeypatch.setattr(datadir, "Path", PureWindowsPath)
    for name in [n for n in os.environ if n.startswith("WIN_PD_OVERRIDE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("LOCALAPPDATA", WINDOWS_USER + r"\AppData\Local")
    monkeypatch.setenv("APPDATA", WINDOWS_USER + r"\AppData\Roaming")


def test_the_data_folder_is_the_local_not_the_roaming_app_data(on_windows_folders):
    """A large SQLite file does not belong in a roaming profile, copied at every log-on."""
    local = PureWindowsPath(WINDOWS_USER, "AppData", "Local")
    assert datadir.default_data_dir() == local / "ShurenXiaoqu"
    assert datadir.demo_data_dir() == local / "ShurenXiaoqu-demo"


def test_the_installer_keeps_the_folder_the_app_writes_to(on_windows_folders):
    """The uninstaller's "data stays in …" names the app's own data folder, and the program
    folder it empties is another one."""
    defines = dict(
        line.split(None, 2)[1:]
        for line in (ROOT / "build/windows/shuren.nsi").read_text("utf-8-sig").splitlines()
        if line.startswith("!define ") and len(line.split(None, 2)) == 3
    )

    def expand(text: str) -> PureWindowsPath:
        text = text.strip('"').replace("${APP_ID}", defines["APP_ID"].strip('"'))
        return PureWindowsPath(text.replace("$LOCALAPPDATA", os.environ["LOCALAPPDATA"]))

    assert expand(defines["DATA_DIR"]) == datadir.default_data_dir()
    install = (ROOT / "build/windows/shuren.nsi").read_text("utf-8-sig").split("InstallDir ")[1]
    program_folder = expand(install.splitlines()[0])
    assert program_folder == PureWindowsPath(os.environ["LOCALAPPDATA"], "Programs", "ShurenXiaoqu")
    assert datadir.default_data_dir() not in (program_folder, *program_folder.parents)


class _WindowsPath(PureWindowsPath):
    def resolve(self) -> "_WindowsPath":  # as on Windows: an absolute path resolves to itself
        return self


@pytest.mark.parametrize(
    ("path", "drive_type", "remote"),
    [
        (r"Z:\熟人小区", 4, True),
        (r"C:\Users\王书记\熟人小区", 3, False),
        (r"\\街道\共享\熟人小区", 3, True),
    ],
)
def test_a_mapped_network_drive_is_told_by_its_drive_type(monkeypatch, path, drive_type, remote):
    """GetDriveTypeW wants the drive's root ("Z:\\"); DRIVE_REMOTE is 4, a local disk 3."""
    asked: list[str] = []

    def get_drive_type(root: str) -> int:
        asked.append(root)
        return drive_type

    kernel32 = types.SimpleNamespace(GetDriveTypeW=get_drive_type)
    import ctypes

    monkeypatch.setattr(ctypes, "windll", types.SimpleNamespace(kernel32=kernel32), raising=False)
    as_windows(monkeypatch, datadir)
    assert looks_like_network_drive(_WindowsPath(path)) is remote
    assert asked in ([], [path[:3]])  # a UNC path needs no question
    assert asked or path.startswith("\\\\")


# --- No POSIX modes on Windows ----------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_on_windows_the_umask_and_the_modes_are_left_alone(tmp_path, monkeypatch):
    """chmod on Windows sets only the read-only flag: the per-user folder's ACLs keep others out,
    so the start-up narrowing, the tightening of an old data folder and the sharing of a saved
    document are all skipped."""
    folder = tmp_path / "数据"
    folder.mkdir(mode=0o755)
    (folder / "shuren.sqlite3").write_bytes(b"")
    os.chmod(folder / "shuren.sqlite3", 0o644)
    monkeypatch.setattr(shared, "_user_umask", None)
    as_windows(monkeypatch, datadir, shared)
    before = os.umask(0o022)
    datadir.private_new_files()
    keep_private(folder)
    saved = tmp_path / "纪要.pdf"
    shared.write_shared(b"%PDF-1.4 whole", saved)
    assert os.umask(before) == 0o022  # not narrowed to 077
    assert (mode(folder), mode(folder / "shuren.sqlite3")) == (0o755, 0o644)
    assert saved.read_bytes() == b"%PDF-1.4 whole"  # written whole, no chmod tried


def test_the_receivers_private_files_skip_chmod_on_windows(tmp_path, monkeypatch):
    monkeypatch.setattr(private, "POSIX", False)
    (tmp_path / "branches" / "一支部").mkdir(parents=True, mode=0o755)
    old = tmp_path / "branches" / "一支部" / "copy.sqlite3"
    old.write_bytes(b"x")
    os.chmod(old, 0o644)
    private.tighten(tmp_path)
    made = private.private_file(tmp_path / "street.sqlite3")
    assert made.exists()
    assert (mode(old), mode(old.parent)) == (0o644, 0o755)


def test_a_demo_is_moved_into_place_where_a_folder_cannot_be_opened(tmp_path, monkeypatch):
    """Windows refuses os.open on a folder (PermissionError), so the folder is synced only on
    POSIX; on Windows the rename alone puts the demo in place."""
    data_dir, scratch = tmp_path / "熟人小区", tmp_path / "熟人小区" / ".demo-x"
    scratch.mkdir(parents=True)
    open_database(scratch).close()
    real_open = os.open

    def windows_open(path, flags, *args, **kwargs):
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    as_windows(monkeypatch, demo_folder, open=windows_open)
    _move_into_place(scratch, data_dir)
    assert db_path(data_dir).is_file()


def test_on_windows_a_server_does_not_share_its_port(monkeypatch):
    """SO_REUSEADDR on Windows lets a second server bind the same port: left off there."""
    monkeypatch.setattr(receiver_cli, "sys", ModuleAs(sys, platform="win32"))
    sock = receiver_cli._bind("127.0.0.1", 0)
    try:
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) == 0
    finally:
        sock.close()
    monkeypatch.setattr(receiver_cli, "sys", ModuleAs(sys, platform="linux"))
    sock = receiver_cli._bind("127.0.0.1", 0)
    try:
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0
    finally:
        sock.close()


# --- The sync lock through msvcrt ----------------------------------------------------------


def fake_msvcrt() -> types.ModuleType:
    """msvcrt's locking as Windows does it: ``locking(fd, mode, n)`` takes the n bytes from the
    file's current position; LK_NBLCK fails at once with OSError while another process holds
    them, and unlocking bytes that are not locked fails too. POSIX record locks stand in."""
    module = types.ModuleType("msvcrt")
    module.LK_UNLCK, module.LK_LOCK, module.LK_NBLCK = 0, 1, 2
    held: set[tuple[int, int]] = set()

    def locking(fd: int, mode: int, nbytes: int) -> None:
        start = os.lseek(fd, 0, os.SEEK_CUR)
        if mode == module.LK_NBLCK:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, nbytes, start, os.SEEK_SET)
            except OSError as exc:
                raise OSError(errno.EDEADLOCK, "Resource deadlock avoided") from exc
            held.add((fd, start))
        elif mode == module.LK_UNLCK:
            if (fd, start) not in held:
                raise PermissionError(errno.EACCES, "Permission denied")
            held.discard((fd, start))
            fcntl.lockf(fd, fcntl.LOCK_UN, nbytes, start, os.SEEK_SET)
        else:
            raise ValueError(mode)

    module.locking = locking
    return module


def load_windows_sync_lock() -> types.ModuleType:
    """A fresh copy of desktop/sync/lock.py as imported on Windows (its msvcrt branch)."""
    platform, msvcrt = sys.platform, sys.modules.get("msvcrt")
    sys.platform, sys.modules["msvcrt"] = "win32", fake_msvcrt()
    try:
        spec = importlib.util.spec_from_file_location("lock_on_windows", desktop.sync.lock.__file__)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.platform = platform
        if msvcrt is None:
            del sys.modules["msvcrt"]
        else:
            sys.modules["msvcrt"] = msvcrt
    assert not hasattr(module, "fcntl")  # the Windows branch, not the POSIX one
    return module


def _hold_windows_sync_lock(data_dir: str, ready, release) -> None:
    with load_windows_sync_lock().sync_lock(Path(data_dir)):
        ready.set()
        release.wait(30)


def test_the_windows_sync_lock_keeps_a_second_program_out_until_released(tmp_path):
    lock = load_windows_sync_lock()
    data_dir = tmp_path / "王书记的数据"
    spawn = multiprocessing.get_context("spawn")
    ready, release = spawn.Event(), spawn.Event()
    other = spawn.Process(target=_hold_windows_sync_lock, args=(str(data_dir), ready, release))
    other.start()
    try:
        assert ready.wait(60)
        with pytest.raises(SyncBusy), lock.sync_lock(data_dir, wait=0.2):
            pass
    finally:
        release.set()
        other.join(30)
    assert other.exitcode == 0  # its unlock found the byte it had locked
    with lock.sync_lock(data_dir, wait=2.0):
        pass
    with lock.sync_lock(data_dir, wait=0.2):  # released again: the next one gets it at once
        pass


# --- Chinese names and long paths ----------------------------------------------------------


def deep(folder: Path, segment: str, length: int) -> Path:
    while len(str(folder)) <= length:
        folder = folder / segment
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def deep_chinese_folder(tmp_path) -> Path:
    """A folder like C:\\Users\\王书记\\文档\\熟人小区\\… nested past Windows' old 260-character
    limit (MAX_PATH), in Chinese all the way down (over 800 bytes in UTF-8)."""
    return deep(tmp_path / "Users" / "王书记" / "文档" / "熟人小区", "第三网格党支部资料存档", 300)


@pytest.fixture
def deep_data_dir(tmp_path) -> Path:
    """A data folder past 260 characters under a Chinese user name. SQLite's POSIX file layer
    takes at most 512 bytes of path (its MAX_PATHNAME), so the deeper part is ASCII here."""
    home = tmp_path / "Users" / "王书记" / "AppData" / "Local" / "ShurenXiaoqu"
    return deep(home, "archive-2024", 270)


def test_the_data_file_and_what_she_saves_work_under_deep_chinese_paths(
    deep_data_dir, deep_chinese_folder
):
    data_dir = datadir.ensure_writable(deep_data_dir)
    assert len(str(db_path(data_dir))) > 260
    db = open_database(data_dir)
    try:
        target = deep_chinese_folder / "需求台账.xlsx"
        assert export_ledger(db, "needs", target) == 0
        assert target.read_bytes()[:2] == b"PK"
    finally:
        db.close()
    minutes = deep_chinese_folder / "议事会纪要.pdf"
    write_minutes(sample_meeting(), HOOD, minutes)
    assert minutes.read_bytes().startswith(b"%PDF")


def test_one_window_per_data_folder_under_a_deep_chinese_path(deep_chinese_folder, monkeypatch):
    """The window's lock file in such a folder keeps a second window and a restore out."""
    shown: list[str] = []
    monkeypatch.setattr(session, "show_error", shown.append)
    first = session._take_lock(deep_chinese_folder)
    assert not isinstance(first, int)
    try:
        assert session._take_lock(deep_chinese_folder) == session.EXIT_PROBLEM
        assert len(shown) == 1
        with pytest.raises(Refused), window_closed(deep_chinese_folder):
            pass
    finally:
        first.unlock()
    with window_closed(deep_chinese_folder):
        pass


# --- Printing -----------------------------------------------------------------------------


def three_pages() -> bytes:
    stream = io.BytesIO()
    pdf = canvas.Canvas(stream)
    for number in range(1, 4):
        pdf.drawString(100, 700, f"page {number}")
        pdf.showPage()
    pdf.save()
    return stream.getvalue()


def pages_in(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page\n")


@pytest.fixture
def preview(qtbot) -> PrintPreview:
    dialog = PrintPreview("议事会纪要", three_pages())
    qtbot.addWidget(dialog)
    return dialog


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_print_dialog_decides_whether_and_where_to_print(preview, monkeypatch):
    """The printer comes from the system print dialog alone: cancelled, nothing is printed;
    accepted, its printer gets the pages, named after the document (the print queue shows it)."""
    printed: list[QPrinter] = []
    monkeypatch.setattr(PrintPreview, "print_to", lambda self, printer: printed.append(printer))
    answer = QDialog.DialogCode.Rejected
    monkeypatch.setattr("desktop.ui.print_preview.QPrintDialog.exec", lambda self: answer)
    preview.print_document()
    assert printed == []
    answer = QDialog.DialogCode.Accepted
    preview.print_document()
    assert [p.docName() for p in printed] == ["议事会纪要"]
    assert printed[0].resolution() >= 300  # high resolution: sharp small print


def test_the_pages_chosen_in_the_dialog_are_the_pages_printed(preview, deep_chinese_folder):
    rendered: list[int] = []
    render = preview.document.render
    preview.document.render = lambda page, size: rendered.append(page) or render(page, size)
    everything = deep_chinese_folder / "全部.pdf"
    preview.print_to(pdf_printer(everything))
    assert (rendered, pages_in(everything)) == ([0, 1, 2], 3)
    rendered.clear()
    second = deep_chinese_folder / "第2页.pdf"
    printer = pdf_printer(second)
    printer.setFromTo(2, 2)  # 页码范围 2–2 in the dialog
    preview.print_to(printer)
    assert (rendered, pages_in(second)) == ([1], 1)


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # Qt's own note, then ours
def test_a_printer_that_cannot_start_is_said_in_words(preview, tmp_path, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    preview.print_to(pdf_printer(tmp_path / "没有这个文件夹" / "x.pdf"))
    assert len(warned) == 1
