"""锁定: the window locks after the idle time from 设置 (or by Ctrl+L), every window covered and
a password prompt on top; the right password shows everything again as it was, a record form
with typed text included; five wrong passwords in a row make the prompt wait 30 seconds."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from desktop.ui.dialogs.need import NeedDialog
from desktop.ui.lock import IDLE_KEY, Cover
from desktop.ui.main_window import MainWindow
from tests.ui.keyboard import type_text

PASSWORD = "secret"


class Clock:
    """Seconds, moved on by the test: no real waits."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(ctx, qtbot, clock) -> MainWindow:
    win = MainWindow(ctx, check_password=lambda typed: typed == PASSWORD)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.idle_lock is not None
    win.idle_lock.clock = clock
    win.idle_lock.note_input()
    return win


def covered(widget: QWidget) -> bool:
    """An opaque cover over the whole of ``widget``, on top of everything in it."""
    covers = [c for c in widget.findChildren(Cover) if c.parentWidget() is widget]
    return any(
        c.isVisible() and c.geometry() == widget.rect() and widget.children()[-1] is c
        for c in covers
    )


def enter_password(window: MainWindow, text: str) -> None:
    prompt = window.idle_lock.prompt
    type_text(prompt.password, text)
    prompt.unlock_button.click()


def test_the_window_locks_after_ten_idle_minutes_behind_a_password_prompt(
    window, qtbot, clock
) -> None:
    lock = window.idle_lock
    clock.now += 9 * 60 + 59
    lock.tick()
    assert not lock.locked
    qtbot.keyClick(window.navigation, Qt.Key.Key_Shift)  # she is at work: idle starts again
    clock.now += 9 * 60
    lock.tick()
    assert not lock.locked
    with qtbot.waitSignal(window.ctx.events.locked):
        clock.now += 60
        lock.tick()
    assert lock.locked
    assert covered(window)
    prompt = lock.prompt
    assert prompt.isVisible() and QApplication.activeModalWidget() is prompt
    assert window.geometry().contains(prompt.geometry().center())  # centred over the window
    texts = [label.text() for label in prompt.findChildren(QLabel)]
    assert "已锁定" in texts
    assert prompt.unlock_button.text() == "解锁"
    assert window.windowTitle() == "熟人小区——已锁定"


def test_the_idle_time_is_chosen_in_settings_and_never_means_never(
    window, qtbot, clock, ctx
) -> None:
    lock = window.idle_lock
    ctx.settings.setValue(IDLE_KEY, 5)
    clock.now += 5 * 60
    lock.tick()
    assert lock.locked
    enter_password(window, PASSWORD)
    assert not lock.locked
    ctx.settings.setValue(IDLE_KEY, 0)
    clock.now += 24 * 3600
    lock.tick()
    assert not lock.locked


def test_a_data_file_without_a_password_never_locks(ctx, qtbot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.idle_lock is None
    file_menu = window.menuBar().actions()[0].menu()
    assert "锁定" not in [action.text() for action in file_menu.actions()]


def test_ctrl_l_locks_a_wrong_password_is_refused_and_the_right_one_unlocks(window, qtbot) -> None:
    events = window.ctx.events
    title = window.windowTitle()
    assert window.lock_action.text() == "锁定"
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.idle_lock.locked and covered(window)
    with qtbot.waitSignal(events.unlock_failed) as failed:
        enter_password(window, "wrong")
    assert failed.args == [1]
    assert window.idle_lock.locked
    assert (
        window.idle_lock.prompt.message.text() == "密码不正确。还可以再试 4 次，之后需等待 30 秒。"
    )
    assert window.idle_lock.prompt.password.text() == ""
    with qtbot.waitSignal(events.unlocked):
        enter_password(window, PASSWORD)
    assert not window.idle_lock.locked
    assert not covered(window) and not window.idle_lock.prompt.isVisible()
    assert window.windowTitle() == title


def test_esc_does_not_get_past_the_lock(window, qtbot) -> None:
    window.idle_lock.lock()
    prompt = window.idle_lock.prompt
    qtbot.keyClick(prompt.password, Qt.Key.Key_Escape)
    prompt.close()
    assert prompt.isVisible() and window.idle_lock.locked


def test_five_wrong_passwords_wait_thirty_seconds(window, qtbot, clock) -> None:
    lock = window.idle_lock
    lock.lock()
    attempts: list[int] = []
    window.ctx.events.unlock_failed.connect(attempts.append)
    for _ in range(5):
        enter_password(window, "wrong")
    assert attempts == [1, 2, 3, 4, 5]
    prompt = lock.prompt
    assert not prompt.password.isEnabled() and not prompt.unlock_button.isEnabled()
    assert prompt.message.text() == "连续 5 次密码不正确。请在 30 秒后再试。"
    clock.now += 10
    lock.tick()
    assert prompt.message.text() == "连续 5 次密码不正确。请在 20 秒后再试。"
    lock.try_unlock(PASSWORD)  # not even the right one, during the wait
    assert lock.locked and attempts == [1, 2, 3, 4, 5]
    clock.now += 20
    lock.tick()
    assert prompt.password.isEnabled() and prompt.message.text() == ""
    enter_password(window, "wrong")
    assert attempts[-1] == 6 and prompt.password.isEnabled()
    enter_password(window, PASSWORD)
    assert not lock.locked


def test_an_open_form_is_covered_and_comes_back_with_what_was_typed(window, qtbot, ctx) -> None:
    """The form runs as the pages run it (exec); the lock must not end it."""
    form = NeedDialog(ctx, parent=window)
    seen: dict[str, object] = {}

    def while_open() -> None:
        try:
            type_text(form.title_edit, "3栋电梯经常停运")
            window.idle_lock.lock()
            seen["form covered"] = covered(form)
            seen["form still open"] = form.isVisible()
            seen["prompt on top"] = QApplication.activeModalWidget() is window.idle_lock.prompt
            enter_password(window, PASSWORD)
            seen["form shown"] = form.isVisible() and not covered(form)
            seen["text"] = form.title_edit.text()
            seen["form on top"] = QApplication.activeModalWidget() is form
        finally:
            form._dirty = False
            form.reject()

    QTimer.singleShot(0, while_open)
    form.exec()
    assert seen == {
        "form covered": True,
        "form still open": True,
        "prompt on top": True,
        "form shown": True,
        "text": "3栋电梯经常停运",
        "form on top": True,
    }


def test_a_window_that_opens_while_locked_is_covered_and_the_prompt_stays_on_top(
    window, qtbot
) -> None:
    window.idle_lock.lock()
    box = QDialog(window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    QLabel("3栋2单元", box)
    box.show()
    qtbot.waitUntil(lambda: covered(box))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is window.idle_lock.prompt)
    enter_password(window, PASSWORD)
    assert not covered(box) and box.isVisible()
    box.close()


def test_the_idle_time_is_chosen_on_the_settings_page(ctx, qtbot) -> None:
    from desktop.ui.lock import idle_minutes
    from desktop.ui.pages.settings import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    choices = [page.lock_minutes.itemText(i) for i in range(page.lock_minutes.count())]
    assert choices == ["5 分钟后", "10 分钟后", "15 分钟后", "30 分钟后", "从不"]
    assert page.lock_minutes.currentText() == "10 分钟后"  # the default
    page.lock_minutes.setCurrentIndex(choices.index("从不"))
    assert idle_minutes(ctx.settings) == 0
    page.lock_minutes.setCurrentIndex(choices.index("30 分钟后"))
    assert ctx.settings.value(IDLE_KEY) == 30
    again = SettingsPage(ctx)
    qtbot.addWidget(again)
    assert again.lock_minutes.currentText() == "30 分钟后"
