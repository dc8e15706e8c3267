"""Putting a backup back: the words around it (what is wrong, what will be replaced, where the
current data goes) and the restore itself on the task runner, with progress.

Used by the window when the start-up check finds the data file damaged, by 设置 → 从备份恢复,
and at start-up when the data file cannot be opened at all. ``data_replaced`` is also what the
window does after the street office's copy or a merged one took the data's place.
"""

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.domain.dates import format_local_datetime
from desktop.domain.kinds import RecordKind
from desktop.services import backups
from desktop.services.backups import Backup, Health, Restored, RestoreRefusedError, Revision
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.tasks import Progress, run_task, run_with_progress

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500  # docs/ui.md: anything over half a second shows progress

# The lists a backup's description counts, in the order the secretary thinks of them.
SHOWN_COUNTS = ("need", "resource", "project", "person", "visit", "meeting")


def count_name(table: str) -> str:
    return {
        "need": translate("Restore", "Needs"),
        "resource": translate("Restore", "Resources"),
        "project": translate("Restore", "Projects"),
        "person": translate("Restore", "People"),
        "visit": translate("Restore", "Visits"),
        "meeting": translate("Restore", "Meetings"),
    }[table]


def counts_text(backup: Backup) -> str:
    """“需求 600 条、资源 600 条、项目 12 条、人员 830 条”."""
    return translate("Restore", ", ").join(
        translate("Restore", "{list} {count}").format(
            list=count_name(table), count=f"{backup.counts[table]:,}"
        )
        for table in SHOWN_COUNTS[:4]
        if table in backup.counts
    )


def backup_summary(backup: Backup) -> str:
    """“2026年11月25日 14:30 的备份（需求 600 条、……）”."""
    return translate("Restore", "the backup of {when} ({counts})").format(
        when=format_local_datetime(backup.made_at), counts=counts_text(backup)
    )


def revision_text(backup: Backup) -> str:
    """The schema revision as the list of backups shows it."""
    if backup.revision_state is Revision.UNKNOWN:
        return "—"
    note = {
        Revision.CURRENT: translate("Restore", "current"),
        Revision.OLDER: translate("Restore", "older: upgraded after restoring"),
        Revision.NEWER: translate("Restore", "newer version: cannot be restored"),
    }[backup.revision_state]
    return translate("Restore", "{revision} ({note})").format(revision=backup.revision, note=note)


def damaged_text(best: Backup | None, *, opened: bool) -> str:
    """What the secretary reads when the data file is damaged: what is wrong, that nothing was
    overwritten, and what to do."""
    if opened:
        head = translate(
            "Restore",
            "The check at start-up found the data file damaged: some records may not be "
            "readable.\n\nNothing was overwritten: the damaged file was not backed up and will "
            "not be uploaded to the street office, and every earlier backup is still there. So "
            "that the damage does not spread, records can be viewed but not changed for now.",
        )
    else:
        head = translate(
            "Restore",
            "The data file is damaged and cannot be opened.\n\nNothing was overwritten: the "
            "damaged file was not backed up or upgraded, and every earlier backup is still "
            "there.",
        )
    if best is None:
        advice = translate(
            "Restore",
            "No sound backup was found. Do not delete anything in the data folder; ask the "
            "street office for help (they keep the copy of your last sync).",
        )
    else:
        advice = translate(
            "Restore",
            "Restoring the newest sound backup is advised: {backup}. The damaged file is first "
            'kept in the "damaged-files" folder of the data folder, never deleted. What was '
            "entered after that backup will have to be entered again.",
        ).format(backup=backup_summary(best))
    return f"{head}\n\n{advice}"


def ask_to_restore_after_damage(
    parent: QWidget | None, best: Backup | None, health: Health, *, opened: bool
) -> bool:
    """The message about the damage; True when the secretary chose to restore ``best``."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Restore", "The data file is damaged"),
        damaged_text(best, opened=opened),
        parent=parent,
    )
    # SQLite's own words, for the street office (page numbers only, no personal data).
    box.setDetailedText("\n".join(health.problems))
    restore = None
    if best is not None:
        restore = box.addButton(
            translate("Restore", "Restore this backup")
            if opened
            else translate("Restore", "Restore this backup and open"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    later = box.addButton(
        translate("Restore", "Later (view only)") if opened else translate("Restore", "Quit"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(restore or later)
    box.exec()
    return restore is not None and box.clickedButton() is restore


def confirm_restore(parent: QWidget | None, backup: Backup, *, damaged: bool) -> bool:
    """Asked before anything is replaced; 取消 is the default."""
    text = translate(
        "Restore",
        "Replace the current data with {backup}?\n\nWhat was entered or changed after that "
        "backup will be replaced.",
    ).format(backup=backup_summary(backup))
    if damaged:
        text += "\n\n" + translate(
            "Restore",
            'The current, damaged data file is first kept in the "damaged-files" folder of '
            "the data folder; it is never deleted.",
        )
    else:
        text += "\n\n" + translate(
            "Restore",
            "The current data is not lost: it is first kept as a backup of its own, which you "
            "can restore the same way.",
        )
    if backup.revision_state is Revision.OLDER:
        text += "\n\n" + translate(
            "Restore", "This backup was made by an older version; it is upgraded after restoring."
        )
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("Restore", "Restore a backup"), text, parent=parent
    )
    restore = box.addButton(translate("Restore", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(translate("Restore", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is restore


def restored_text(restored: Restored) -> str:
    text = translate("Restore", "Restored {backup}.").format(backup=backup_summary(restored.backup))
    if restored.kept is None:
        return text
    if restored.kept_damaged:
        kept = translate(
            "Restore", 'The damaged data file was kept as {name} in the "damaged-files" folder.'
        ).format(name=restored.kept.name)
    else:
        kept = translate("Restore", "The data it replaced was kept as a backup of its own.")
    return f"{text}\n\n{kept}"


def refused_text(exc: Exception) -> str:
    if isinstance(exc, RestoreRefusedError) and exc.reason is Revision.NEWER:
        return translate(
            "Restore",
            "This backup was made by a newer version of Shuren Xiaoqu and cannot be restored "
            "here. Nothing was changed.",
        )
    if isinstance(exc, RestoreRefusedError):
        return translate(
            "Restore", "This backup is damaged and cannot be restored. Nothing was changed."
        )
    return translate(
        "Restore",
        "The restore did not finish. The data as it was before is kept; close Shuren Xiaoqu, "
        "open it again and try once more. If it happens again, ask the street office for help.",
    )


def _progress_dialog(parent: QWidget | None, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(
        Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
    )
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setValue(0)  # starts the clock: shown only if the work is still running by then
    return dialog


def restore_in_window(
    parent: QWidget, ctx: AppContext, backup: Backup, on_finished: Callable[[bool], None]
) -> None:
    """Restore into the open database on the task runner (progress after half a second);
    then every page refreshes and the window learns the data file's new check."""
    dialog = _progress_dialog(parent, translate("Restore", "Restoring the backup…"))

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    def done(restored: Restored) -> None:
        dialog.reset()
        dialog.deleteLater()
        ctx.events.changed(*RecordKind)
        ctx.events.data_file_checked.emit(restored.health)
        QMessageBox.information(parent, translate("Restore", "Restored"), restored_text(restored))
        on_finished(True)

    def failed(exc: Exception) -> None:
        dialog.reset()
        dialog.deleteLater()
        QMessageBox.warning(parent, translate("Restore", "Not restored"), refused_text(exc))
        # Whatever happened, the window goes by a fresh check of the file.
        run_task(lambda: backups.check_data_file(ctx.data_dir), ctx.events.data_file_checked.emit)
        on_finished(False)

    def work(progress: Progress) -> Restored:
        return backups.restore_backup(ctx.data_dir, backup.path, ctx.db, progress.report)

    run_with_progress(work, done, failed, progressed)


def wait_for(fn: Callable[[], Any], text: str) -> Any:
    """Before the window exists: run ``fn`` on the task runner, a progress dialog after half
    a second, and wait for it; re-raises its exception."""
    dialog = _progress_dialog(None, text)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: Exception) -> None:
        outcome["error"] = exc
        loop.quit()

    run_task(fn, done, failed)
    loop.exec()
    dialog.reset()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def data_replaced(ctx: AppContext) -> None:
    """The database's content was replaced under the window (the street office's copy, a
    merge): fresh connections and search index, every page reads again, the window goes by
    a fresh check of the file, and sync reads its state again."""
    ctx.db.reopen_after_restore()
    ctx.events.changed(*RecordKind)
    ctx.events.sync_state_changed.emit()
    run_task(lambda: backups.check_data_file(ctx.data_dir), ctx.events.data_file_checked.emit)


def restore_from_street(parent: QWidget, ctx: AppContext) -> bool:
    """从街道办恢复 in the open window: the dialog (address, token, progress), then the pages
    read the data again and the secretary is told where the data it replaced is kept."""
    from desktop.ui.dialogs.street_restore import StreetRestoreDialog

    dialog = StreetRestoreDialog(ctx.data_dir, parent)
    accepted = dialog.exec()
    dialog.deleteLater()
    if not accepted or dialog.restored is None:
        return False
    data_replaced(ctx)
    text = translate(
        "Restore", "Restored the street office's version {version} of this branch's data."
    ).format(version=dialog.restored.version)
    if dialog.restored.backup is not None:
        text += "\n\n" + translate("Restore", "The data it replaced is kept as {name}.").format(
            name=dialog.restored.backup.name
        )
    QMessageBox.information(parent, translate("Restore", "Restored"), text)
    return True
