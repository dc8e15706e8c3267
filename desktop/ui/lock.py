"""锁定: after a chosen idle time, or by hand (Ctrl+L), every window of the app is covered and a
password prompt asks to unlock; what was open is shown again as it was, typed forms included.

Windows are covered, never hidden: hiding a form opened with ``exec()`` would end it and lose
what was typed. The prompt is a window of its own, application-modal, so it takes the input
even when a record form (itself modal) is open beneath it."""

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.ui.events import AppEvents
from desktop.ui.i18n import translate

IDLE_KEY = "lock_minutes"  # in settings.ini; 0: never
DEFAULT_IDLE_MINUTES = 10
IDLE_CHOICES = (5, 10, 15, 30, 0)
ATTEMPTS_BEFORE_WAIT = 5  # wrong passwords in a row, then a wait
WAIT_SECONDS = 30
TICK_MS = 1_000  # how often the idle time (and a wait's countdown) is looked at

# Input from the secretary; anything else (paints, timers, sync) is not activity.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)
# Windows that close rather than being covered: menus, completer lists, tooltips.
TRANSIENT_TYPES = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def idle_minutes(settings: QSettings) -> int:
    """The idle time before the window locks, in minutes (0: never); 10 unless chosen."""
    try:
        minutes = int(str(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except ValueError:
        return DEFAULT_IDLE_MINUTES
    return minutes if minutes in IDLE_CHOICES else DEFAULT_IDLE_MINUTES


def idle_choice_text(minutes: int) -> str:
    if minutes == 0:
        return translate("Lock", "Never")
    return translate("Lock", "After {minutes} minutes").format(minutes=minutes)


def locked_title() -> str:
    return translate("Lock", "Shuren Xiaoqu — locked")


class Cover(QWidget):
    """An opaque sheet over the whole of one window: nothing of it shows through."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCover { background: #f4f1ec; }")
        label = QLabel(translate("Lock", "Locked"), alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.fit()
        self.show()
        self.raise_()

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()


class LockPrompt(QDialog):
    """已锁定, a password field and 解锁, centred over the main window."""

    password_entered = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("lockPrompt")
        self.setWindowTitle(locked_title())
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockPrompt { background: white; border: 1px solid #999; }")
        heading = QLabel(translate("Lock", "Locked"))
        heading.setObjectName("lockHeading")
        heading.setStyleSheet("font-weight: bold; font-size: 150%;")
        note = QLabel(
            translate(
                "Lock",
                "Shuren Xiaoqu is locked to protect the residents' data. Enter the password "
                "to go on where you left off.",
            ),
            wordWrap=True,
        )
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("Lock", "Password"))
        self.password.setPlaceholderText(translate("Lock", "Password"))
        self.password.returnPressed.connect(self._entered)
        self.unlock_button = QPushButton(translate("Lock", "Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._entered)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("formSummary")
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        # A fixed width lets the wrapped note take the height it needs.
        box.setFixedWidth(30 * self.fontMetrics().horizontalAdvance("中"))
        inner = QVBoxLayout(box)
        inner.addWidget(heading, alignment=Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(note)
        inner.addLayout(row)
        inner.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addWidget(box)

    def _entered(self) -> None:
        if self.password.isEnabled():
            text = self.password.text()
            self.password.clear()
            self.password_entered.emit(text)

    def refuse(self, message: str) -> None:
        self.password.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.message.setText(message)

    def accept_input(self, message: str = "") -> None:
        self.password.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.message.setText(message)
        self.password.setFocus()

    # Neither Esc nor the window's close button gets past the lock.
    def reject(self) -> None:
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


class WrongPasswords:
    """Wrong passwords in a row: every ``ATTEMPTS_BEFORE_WAIT``-th makes the next attempt wait
    ``WAIT_SECONDS``. ``clock`` (seconds) is for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.count = 0
        self._until: float | None = None

    def note(self) -> bool:
        """One more wrong password; True when a wait starts with it."""
        self.count += 1
        if self.count % ATTEMPTS_BEFORE_WAIT:
            return False
        self._until = self.clock() + WAIT_SECONDS
        return True

    def seconds_to_wait(self) -> int:
        if self._until is None:
            return 0
        return max(0, int(self._until - self.clock() + 0.999))

    def wait_over(self) -> bool:
        """Whether a wait has just ended (said once)."""
        if self._until is None or self.seconds_to_wait():
            return False
        self._until = None
        return True

    def reset(self) -> None:
        self.count = 0
        self._until = None


class IdleLock(QObject):
    """Watches the app's input; locks after the idle time from 设置, or when asked; unlocks
    with the password ``check_password`` accepts. ``clock`` (seconds) is for tests."""

    def __init__(
        self,
        window: QWidget,
        settings: QSettings,
        events: AppEvents,
        check_password: Callable[[str], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.events = events
        self.check_password = check_password
        self.clock = clock
        self.locked = False
        self.wrong = WrongPasswords(lambda: self.clock())  # since the last unlock
        self._last_input = clock()
        self._covered: dict[QWidget, tuple[Cover, str]] = {}  # window → its cover, its title
        self._focus: QWidget | None = None
        self.prompt = LockPrompt(window)
        self.prompt.password_entered.connect(self.try_unlock)
        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def stop(self) -> None:
        """The window is closing: no more watching, and no prompt left over it."""
        self.timer.stop()
        self.prompt.hide()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- watching ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            if not self.locked:
                self.note_input()
        elif self.locked and isinstance(watched, QWidget) and watched.isWindow():
            self._window_event(watched, kind)
        return False

    def _window_event(self, window: QWidget, kind: QEvent.Type) -> None:
        """While locked: a window that appears (a message from background work) is covered
        and the prompt stays on top; covers follow their windows' size."""
        if kind == QEvent.Type.Show and window is not self.prompt:
            QTimer.singleShot(0, self, self._cover_new)
        elif kind == QEvent.Type.Resize and window in self._covered:
            self._covered[window][0].fit()
        elif kind == QEvent.Type.WindowStateChange and window is self.window:
            QTimer.singleShot(0, self, self._show_prompt)

    def note_input(self) -> None:
        """The secretary is at work: the idle time starts again."""
        self._last_input = self.clock()

    def tick(self) -> None:
        if self.locked:
            self._count_down()
            return
        minutes = idle_minutes(self.settings)
        if minutes and self.clock() - self._last_input >= minutes * 60:
            self.lock()

    # -- locking ----------------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self._focus = QApplication.focusWidget()
        self._cover_new()
        self._count_down()
        self.events.locked.emit()

    def _cover_new(self) -> None:
        if not self.locked:
            return
        for window in QApplication.topLevelWidgets():
            if window is self.prompt or not window.isVisible() or window in self._covered:
                continue
            if window.windowType() in TRANSIENT_TYPES:
                window.close()
                continue
            self._covered[window] = (Cover(window), window.windowTitle())
            window.setWindowTitle(locked_title())
        self._show_prompt()

    def _show_prompt(self) -> None:
        """Over the main window, and on top of any modal window; not while it is minimized
        (it shows when the window comes back)."""
        if not self.locked or self.window.isMinimized():
            return
        # A box of its own size in the middle of the window; the window's cover hides the rest.
        self.prompt.adjustSize()
        place = self.prompt.frameGeometry()
        place.moveCenter(self.window.geometry().center())
        self.prompt.move(place.topLeft())
        if QApplication.activeModalWidget() not in (self.prompt, None):
            self.prompt.hide()  # shown again below: on top of the newer modal window
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.activateWindow()
        if self.prompt.password.isEnabled():
            self.prompt.password.setFocus()

    def unlock(self) -> None:
        self.locked = False
        self.wrong.reset()
        self.prompt.hide()
        self.prompt.accept_input()
        for window, (cover, title) in self._covered.items():
            if isValid(window):
                window.setWindowTitle(title)
            if isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covered.clear()
        self._last_input = self.clock()
        focus, self._focus = self._focus, None
        if focus is not None and isValid(focus) and focus.isVisible():
            focus.window().activateWindow()
            focus.setFocus()

    # -- the password ---------------------------------------------------------------------------
    def try_unlock(self, password: str) -> None:
        if not self.locked or self.wrong.seconds_to_wait():
            return
        if self.check_password(password):
            self.unlock()
            self.events.unlocked.emit()
            return
        waits = self.wrong.note()
        self.events.unlock_failed.emit(self.wrong.count)
        if waits:
            self._count_down()
            return
        left = ATTEMPTS_BEFORE_WAIT - self.wrong.count % ATTEMPTS_BEFORE_WAIT
        self.prompt.accept_input(
            translate(
                "Lock",
                "The password is not right. {left} more tries, then a wait of {seconds} seconds.",
            ).format(left=left, seconds=WAIT_SECONDS)
        )

    def _count_down(self) -> None:
        """During a wait: the seconds left; after it, the field takes input again."""
        seconds = self.wrong.seconds_to_wait()
        if seconds:
            self.prompt.refuse(
                translate(
                    "Lock",
                    "{attempts} wrong passwords in a row. Try again in {seconds} seconds.",
                ).format(attempts=ATTEMPTS_BEFORE_WAIT, seconds=seconds)
            )
        elif self.wrong.wait_over() or not self.prompt.password.isEnabled():
            self.prompt.accept_input()
