"""Typing Chinese into widgets the way an input method delivers it."""

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """qtbot.keyClicks aborts the process on any non-ASCII character (Qt asserts)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
