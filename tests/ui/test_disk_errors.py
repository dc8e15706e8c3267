"""The window on a full or unwritable disk: one plain sentence, no resident's data in the log,
and a data folder readable by the user only."""

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import exc as sqlalchemy_exc

from desktop.store.database import open_database
from desktop.ui.session import Session, install_error_hook, start_session
from desktop.ui.tasks import wait_for_tasks
from tests.disks import fill, small_disk
from tests.store.test_errors import NAME, PHONE, ROOM, add_resident, capped


def args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(data_dir=data_dir, demo=False, lang=None)


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: texts.append(text))
    return texts


@pytest.fixture
def own_logging() -> Iterator[None]:
    """The log files start-up opens are closed afterwards (one may sit on a test disk)."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


def log_text(data_dir: Path) -> str:
    return (data_dir / "logs" / "shuren.log").read_text(encoding="utf-8")


def test_a_full_disk_in_a_slot_is_said_and_logged_without_resident_data(
    data_dir: Path, shown: list[str], monkeypatch, caplog, font_families
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook()
    db = open_database(data_dir)
    try:
        capped(db)  # SQLite's own size cap: a real "database or disk is full"
        try:
            add_resident(db)
        except sqlalchemy_exc.OperationalError:
            sys.excepthook(*sys.exc_info())
    finally:
        db.close()
    assert len(shown) == 1
    assert "磁盘已满" in shown[0] and "之前保存的记录不受影响" in shown[0]
    assert "database or disk is full" in caplog.text
    for secret in (NAME, PHONE, ROOM):
        assert secret not in caplog.text


def test_start_on_a_full_disk_says_so(
    qtbot, tmp_path: Path, shown: list[str], font_families, own_logging
) -> None:
    with small_disk(tmp_path / "disk", "2m") as disk:
        fill(disk)
        assert start_session(args(disk / "data")) == 2
        assert len(shown) == 1 and "磁盘已满" in shown[0]


def test_a_disk_that_fills_up_while_the_database_is_made(
    qtbot, tmp_path: Path, shown: list[str], font_families, own_logging
) -> None:
    with small_disk(tmp_path / "disk", "2m") as disk:
        data_dir = disk / "data"
        data_dir.mkdir()
        fill(disk, leave=64 << 10)  # room for the log and the lock, not for the database
        assert start_session(args(data_dir)) == 1
        assert len(shown) == 1 and "磁盘已满" in shown[0]
        logged = log_text(data_dir)
        assert "cannot start: OperationalError: database or disk is full" in logged
        assert "Traceback" not in logged
        assert not (data_dir / "shuren.lock").exists()  # released: the next start may try


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows uses the ACLs")
def test_a_new_data_folder_is_the_users_alone(
    qtbot, tmp_path: Path, shown: list[str], font_families, own_logging
) -> None:
    data_dir = tmp_path / "data"
    session = start_session(args(data_dir))
    assert isinstance(session, Session)
    try:
        qtbot.addWidget(session.window)
        qtbot.waitUntil(lambda: any((data_dir / "backups").glob("*.sqlite3")), timeout=10_000)
        session.ctx.settings.setValue("text_scale", "large")
        session.ctx.settings.sync()
        wait_for_tasks()
        made = [data_dir, *data_dir.rglob("*")]
        names = {p.name for p in made}
        assert {
            "shuren.sqlite3",
            "shuren.sqlite3-wal",
            "search.sqlite3",
            "shuren.log",
            "settings.ini",
            "shuren.lock",
        } <= names
        modes = {str(p): p.stat().st_mode & 0o777 for p in made}
        assert modes[str(data_dir)] == 0o700
        assert {p: m for p, m in modes.items() if m & 0o077} == {}
    finally:
        session.shutdown()
    assert shown == []
