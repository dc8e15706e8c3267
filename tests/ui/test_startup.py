"""Start-up: one instance per data dir, clear refusals, the window with its pages."""

import argparse
import hashlib
import signal
import sqlite3
import subprocess
import sys
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
    assert window.windowTitle() == "熟人小区"
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
