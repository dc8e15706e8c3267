"""The first start on an empty data folder: begin from scratch, or get the branch's data back
from the street office (a new PC, a dead disk)."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.ui.i18n import translate


def ask_first_start(data_dir: Path) -> bool:
    """True to go on (a new, empty data file or the street office's copy in place); False
    when the secretary chose to quit."""
    from desktop.ui.dialogs.street_restore import StreetRestoreDialog

    while True:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("FirstStart", "Welcome to Shuren Xiaoqu"),
            translate(
                "FirstStart",
                "There is no data in this data folder yet.\n\nIf this branch used Shuren "
                "Xiaoqu before and synced with the street office (a new PC, or a disk that "
                "failed), its data can be restored from the street office. Otherwise, start "
                "with empty lists.",
            ),
        )
        fresh = box.addButton(
            translate("FirstStart", "Start with empty lists"), QMessageBox.ButtonRole.AcceptRole
        )
        restore = box.addButton(
            translate("FirstStart", "Restore from the street office…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        quit_ = box.addButton(translate("FirstStart", "Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fresh)
        box.setEscapeButton(quit_)
        box.exec()
        if box.clickedButton() is fresh:
            return True
        if box.clickedButton() is not restore:
            return False
        dialog = StreetRestoreDialog(data_dir)
        restored = dialog.exec()
        dialog.deleteLater()
        if restored:
            return True
