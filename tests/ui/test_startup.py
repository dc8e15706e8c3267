"""Start-up: one instance per data dir, clear refusals, the window with its pages."""

import argparse
import hashlib
import signal
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QMessageBox

from desktop.store.datadir import db_path
from desktop.ui.session import Session, start_session


def args(data_dir: Path, *, demo: bool = False, lang: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, demo=demo, lang=lang)


@pytest.fixture
def shown(monkeypatch):
    """Message boxes the start-up shows, captured instead of blocking."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: texts.append(text))
    return texts


@pytest.fixture
def started(qtbot, data_dir, font_families):
    sessions: list[Session] = []

    def start(**kwargs) -> Session | int:
        result = start_session(args(data_dir, **kwargs))
        if isinstance(result, Session):
            qtbot.addWidget(result.window)
            sessions.append(result)
        return result

    yield start
    for session in sessions:
        session.shutdown()


def test_window_opens_on_demo_data_in_chinese(started, qtbot):
    session = started(demo=True)
    assert isinstance(session, Session)
    window = session.window
    qtbot.waitExposed(window)
    # The demo says so, and how to get back to her own data.
    assert window.windowTitle() == "熟人小区 — 演示小区（虚构数据）"
    assert window.home.demo_note.isVisible() and "下次打开熟人小区" in window.home.demo_note.text()
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels == [
        "首页",
        "需求清单",
        "资源清单",
        "项目清单",
        "接待走访",
        "协商议事",
        "邻里公约",
        "共建单位",
        "业委会与物业",
        "人员与组织",
        "楼栋与自组织",
        "统计",
        "同步",
        "回收站",
        "设置",
    ]  # only pages that exist
    qtbot.waitUntil(lambda: window.roster.people.model.total() > 0, timeout=5000)
    assert window.roster.people.count_label.text().startswith("共 ")
    assert "翠竹苑" in window.neighborhood_label.text()
    # The daily backup runs on the task runner and shows in the status bar.
    qtbot.waitUntil(lambda: window.backup_label.text().startswith("上次备份"), timeout=5000)
    # Sync starts once the window is up; with nothing set up it says so, and nothing runs.
    qtbot.waitUntil(lambda: window.sync_label.text() == "未设置同步", timeout=5000)


def test_second_start_on_same_data_dir_says_so_and_exits(started, data_dir, shown):
    first = started()
    assert isinstance(first, Session)
    assert started() == 1
    assert len(shown) == 1 and "已经打开了这个数据文件夹" in shown[0]


def test_lock_left_by_a_killed_process_does_not_block(started, data_dir, shown):
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(data_dir / "shuren.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
    holder.wait()
    holder.stdout.close()
    assert (data_dir / "shuren.lock").exists()
    assert isinstance(started(), Session)
    assert shown == []


LOCK_HOLDER = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(60)
"""


def test_held_lock_blocks(started, data_dir, shown):
    other = QLockFile(str(data_dir / "shuren.lock"))
    assert other.tryLock(0)
    try:
        assert started() == 1
    finally:
        other.unlock()
    assert "已经打开" in shown[0]


def test_unwritable_data_dir_exits_2_with_chinese_message(qtbot, tmp_path, shown, font_families):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert start_session(args(blocker / "data")) == 2
    assert "无法使用数据文件夹" in shown[0]


def test_newer_database_is_refused_untouched(started, data_dir, shown):
    first = started()
    assert isinstance(first, Session)
    first.shutdown()
    path = db_path(data_dir)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert started() == 1
    assert "更新版本" in shown[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_english_on_request(started, qtbot):
    session = started(lang="en")
    try:
        assert session.window.windowTitle() == "Shuren Xiaoqu"
        assert session.window.navigation.item(1).text() == "Needs"
    finally:
        from PySide6.QtWidgets import QApplication

        from desktop.ui.i18n import install_language

        install_language(QApplication.instance(), "zh_CN")


def test_unexpected_error_is_logged_and_told_in_chinese(data_dir, shown, monkeypatch, caplog):
    import sys

    from desktop.ui.session import install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook()
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert "这次操作没有完成" in shown[0]
    assert "boom in a slot" not in shown[0]  # no traceback for the secretary
    assert "boom in a slot" in caplog.text


# -- a damaged data file ------------------------------------------------------------------------


def good_backups(data_dir: Path, count: int) -> list[Path]:
    """``count`` sound backups of a database holding one person, the newest two days old."""
    import os
    import time

    from desktop.services import backups
    from desktop.store.database import open_database
    from tests.services.conftest import add_person

    db = open_database(data_dir)
    try:
        add_person(db, "张伟华")
        made = [backups.back_up_now(db, data_dir) for _ in range(count)]
    finally:
        db.close()
    for age, path in enumerate(reversed(made), start=2):
        stamp = time.time() - age * 86400
        os.utime(path, (stamp, stamp))
    return made


def damaged_after_backups(data_dir: Path, count: int = 10) -> list[Path]:
    """Good backups, then a second person added, then one page of the file zeroed."""
    from desktop.store.database import open_database
    from tests.services.conftest import add_person
    from tests.store.damage import zero_page

    made = good_backups(data_dir, count)
    db = open_database(data_dir)
    try:
        add_person(db, "李伟")
    finally:
        db.close()
    zero_page(db_path(data_dir))
    return made


@dataclass
class Answers:
    """Message boxes shown with exec(): their texts, and the button to press in each."""

    press: str = "稍后（只查看）"
    texts: list[str] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch) -> Answers:
    answered = Answers()

    def answer(box: QMessageBox) -> int:
        answered.texts.append(box.text())
        next(b for b in box.buttons() if b.text() == answered.press).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return answered


def file_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_damaged_file_opens_read_only_with_a_warning_and_is_never_backed_up(
    started, data_dir, qtbot, answers, shown
):
    from desktop.store.datadir import backups_dir
    from desktop.ui.tasks import wait_for_tasks

    damaged_after_backups(data_dir)
    before = file_names(backups_dir(data_dir))

    session = started()
    assert isinstance(session, Session)
    window = session.window
    window.start_sync()
    qtbot.waitUntil(lambda: bool(answers.texts), timeout=10_000)

    text = answers.texts[0]
    assert "数据文件已损坏" in text
    assert "没有覆盖任何文件" in text and "不会上传" in text
    assert "只能查看，不能修改" in text
    assert "建议恢复最近一份完好的备份" in text and "人员 1 条" in text
    assert "Traceback" not in text and "btree" not in text
    assert window.damage_banner.isVisible()
    assert "已损坏" in window.backup_label.text()
    wait_for_tasks()
    # No backup of the damaged file; the ten good backups are all still there.
    assert file_names(backups_dir(data_dir)) == before
    # Nothing is written to it, and nothing is uploaded.
    assert session.ctx.db.writes_held
    assert not window.sync_scheduler._started
    assert not window.sync_scheduler.sync_now()


def test_the_newest_sound_backup_is_restored_from_the_warning(
    started, data_dir, qtbot, answers, monkeypatch
):
    from desktop.domain.roster import PeopleQuery
    from desktop.services.people import list_people
    from desktop.store.datadir import damaged_files_dir
    from desktop.store.health import check_health, last_check_failed

    damaged_after_backups(data_dir, count=3)
    answers.press = "恢复这份备份"
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))

    session = started()
    assert isinstance(session, Session)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)

    assert told[0].startswith("已恢复")
    assert "damaged-files" in told[0]
    qtbot.waitUntil(lambda: session.window.data_file_ok, timeout=5000)
    assert not session.window.damage_banner.isVisible()
    assert not session.ctx.db.writes_held
    assert not last_check_failed(data_dir)
    people = list_people(session.ctx.db, PeopleQuery(), offset=0, limit=10)
    assert [p.name for p in people] == ["张伟华"]
    [kept] = damaged_files_dir(data_dir).glob("shuren-damaged-*.sqlite3")
    assert not check_health(kept, unchanging=True).ok  # the damaged file, kept as it was


def test_writes_wait_for_the_check_which_says_so_when_it_is_slow(
    started, data_dir, qtbot, monkeypatch
):
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from desktop.services import backups
    from desktop.store.datadir import backups_dir

    good_backups(data_dir, 1)
    gate = threading.Event()
    real_check = backups.check_data_file

    def slow_check(folder):
        assert gate.wait(10)
        return real_check(folder)

    monkeypatch.setattr(backups, "check_data_file", slow_check)
    session = started()
    assert isinstance(session, Session)
    window = session.window
    try:
        assert session.ctx.db.writes_held
        assert window.data_file_ok is None

        def note_shown() -> bool:
            return any(d.isVisible() for d in window.findChildren(QProgressDialog))

        qtbot.waitUntil(note_shown, timeout=3000)
        [note] = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        assert note.labelText().startswith("正在检查数据文件")
        assert len(list(backups_dir(data_dir).glob("*.sqlite3"))) == 1  # no backup yet
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.data_file_ok is True, timeout=5000)
    assert not session.ctx.db.writes_held
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))
    # Then the daily backup (the last one is two days old).
    qtbot.waitUntil(lambda: len(list(backups_dir(data_dir).glob("*.sqlite3"))) == 2, timeout=5000)


def test_a_file_that_cannot_be_opened_is_restored_at_start_when_asked(
    started, data_dir, answers, monkeypatch
):
    from desktop.domain.roster import PeopleQuery
    from desktop.services.people import list_people
    from tests.store.damage import zero_header

    good_backups(data_dir, 2)
    zero_header(db_path(data_dir))
    answers.press = "恢复这份备份并打开"

    session = started()

    assert isinstance(session, Session)
    assert "无法打开" in answers.texts[0]
    people = list_people(session.ctx.db, PeopleQuery(), offset=0, limit=10)
    assert [p.name for p in people] == ["张伟华"]


def test_a_file_that_cannot_be_opened_is_left_alone_when_she_quits(
    started, data_dir, answers, capsys
):
    from desktop.store.datadir import backups_dir
    from tests.store.damage import zero_header

    good_backups(data_dir, 2)
    zero_header(db_path(data_dir))
    before = hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest()
    backups_before = file_names(backups_dir(data_dir))
    answers.press = "退出"

    assert started() == 1

    assert hashlib.sha256(db_path(data_dir).read_bytes()).hexdigest() == before
    assert file_names(backups_dir(data_dir)) == backups_before
    assert "数据文件已损坏，无法打开" in capsys.readouterr().err


def test_a_file_that_cannot_be_opened_but_passes_the_check_is_not_called_damaged(
    started, data_dir, shown, monkeypatch
):
    from desktop.ui import session as session_module

    good_backups(data_dir, 1)

    def locked(_data_dir):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(session_module, "open_database", locked)
    assert started() == 1
    assert "另一个程序使用" in shown[0] and "损坏" not in shown[0]  # said what it is: locked
