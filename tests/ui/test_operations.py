"""The one way the window changes data: the pages hear what changed, errors are said in Chinese."""

import errno
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import OperationalError

from desktop.domain.errors import NotFoundError
from desktop.domain.needs import Need
from desktop.services import needs
from desktop.ui import operations
from desktop.ui.messages import storage_error_text
from desktop.ui.operations import change


@pytest.fixture
def heard(ctx) -> list[str]:
    kinds: list[str] = []
    ctx.events.data_changed.connect(kinds.append)
    return kinds


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: said.append(text)
    )
    return said


def _new_need(ctx) -> Need:
    category = needs.list_categories(ctx.db)[0].id
    return needs.save_need(ctx.db, Need(title="楼道灯不亮", category_id=category))


def test_a_change_tells_the_pages_what_the_service_wrote(ctx, qtbot, heard):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    assert change(ctx.events, parent, lambda: _new_need(ctx), on_done=results.append)
    assert heard == ["needs"]
    assert results[0].id is not None


def test_a_record_gone_meanwhile_is_said_and_nothing_is_heard(ctx, qtbot, heard, warnings):
    parent = QWidget()
    qtbot.addWidget(parent)
    gone = _new_need(ctx)
    needs.delete_needs(ctx.db, [gone.id])
    heard.clear()

    def edit_gone() -> None:
        needs.save_need(ctx.db, Need(title="改过的", category_id=gone.category_id, id=gone.id))

    assert not change(ctx.events, parent, edit_gone)
    assert warnings == [operations.record_gone_text()]
    assert heard == []


def test_a_full_disk_is_said_as_such(ctx, qtbot, warnings):
    parent = QWidget()
    qtbot.addWidget(parent)

    def full() -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))

    assert not change(ctx.events, parent, full)
    assert warnings == [storage_error_text(OSError(errno.ENOSPC, "full"))]


def test_an_error_the_caller_takes_is_not_said_again(ctx, qtbot, warnings):
    parent = QWidget()
    qtbot.addWidget(parent)
    taken = []

    def missing() -> None:
        raise NotFoundError("need 1")

    assert not change(ctx.events, parent, missing, on_failure=lambda e: taken.append(e) or True)
    assert len(taken) == 1 and warnings == []


def test_background_work_reports_its_change_when_done(ctx, qtbot, heard):
    parent = QWidget()
    qtbot.addWidget(parent)
    with qtbot.waitSignal(ctx.events.data_changed, timeout=10_000) as signal:
        assert change(ctx.events, parent, lambda: _new_need(ctx), background=True)
    assert signal.args == ["needs"]


def test_a_failure_is_logged_once_on_either_thread(ctx, qtbot, warnings, caplog) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def broken() -> None:
        raise RuntimeError("broken")

    assert not change(ctx.events, parent, broken)
    change(ctx.events, parent, broken, background=True)
    qtbot.waitUntil(lambda: len(warnings) == 2, timeout=10_000)
    failures = [r for r in caplog.records if r.levelname == "ERROR"]
    assert [r.getMessage() for r in failures] == ["a change failed", "background task failed"]
