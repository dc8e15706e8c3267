"""The 同步 page's panel for a divergence: another copy of this data folder (a second PC)
moved the street office's copy on, so this PC's is not uploaded until the secretary chooses
以街道办的数据为准, 以本机为准 or 合并 — after seeing what differs."""

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.restore import data_replaced
from desktop.ui.sync_scheduler import SyncScheduler, SyncState
from desktop.ui.tasks import run_task

BAD = "color: #a31515;"


class DivergedBox(QGroupBox):
    def __init__(self, ctx: AppContext, scheduler: SyncScheduler, parent: QWidget | None = None):
        super().__init__(
            translate("SyncPage", "Another PC updated the street office's copy"), parent
        )
        self.ctx = ctx
        self.scheduler = scheduler
        self._comparing = False
        layout = QVBoxLayout(self)
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet(BAD)
        layout.addWidget(self.message)

        self.compare_button = QPushButton(translate("SyncPage", "Show what differs"))
        self.compare_button.clicked.connect(self.compare)
        compare_row = QHBoxLayout()
        compare_row.addWidget(self.compare_button)
        compare_row.addStretch()
        layout.addLayout(compare_row)
        self.differences = QPlainTextEdit(readOnly=True)
        self.differences.setVisible(False)
        layout.addWidget(self.differences)

        self.server_button = QPushButton(translate("SyncPage", "Use the street office's data"))
        self.server_button.clicked.connect(lambda: self._choose("server"))
        self.local_button = QPushButton(translate("SyncPage", "Use this PC's data"))
        self.local_button.clicked.connect(lambda: self._choose("local"))
        self.merge_button = QPushButton(translate("SyncPage", "Merge the two"))
        self.merge_button.clicked.connect(lambda: self._choose("merge"))
        choices = QHBoxLayout()
        for button in (self.merge_button, self.server_button, self.local_button):
            choices.addWidget(button)
        choices.addStretch()
        layout.addLayout(choices)
        self.outcome = QLabel(wordWrap=True)
        layout.addWidget(self.outcome)

        scheduler.resolved.connect(self._resolved)
        scheduler.resolve_failed.connect(self._failed)
        self.setVisible(False)

    def show_state(self, state: SyncState) -> None:
        shown = state.diverged is not None or bool(self.outcome.text())
        self.setVisible(shown)
        if state.diverged is None:
            for button in (
                self.compare_button,
                self.server_button,
                self.local_button,
                self.merge_button,
            ):
                button.setVisible(False)
            self.differences.setVisible(False)
            self.message.setText("")
            return
        self.outcome.setText("")
        self.message.setText(state.error or "")
        idle = not state.running and not self._comparing
        # Nothing new here: keeping this copy would throw the other's work away.
        self.compare_button.setVisible(not state.behind)
        self.local_button.setVisible(not state.behind)
        self.merge_button.setVisible(not state.behind)
        self.server_button.setVisible(True)
        for button in (
            self.compare_button,
            self.server_button,
            self.local_button,
            self.merge_button,
        ):
            button.setEnabled(idle)

    # -- what differs ---------------------------------------------------------------------
    def compare(self) -> None:
        self._comparing = True
        self.show_state(self.scheduler.state)
        self.differences.setVisible(True)
        self.differences.setPlainText(
            translate("SyncPage", "Fetching the street office's copy and comparing…")
        )
        data_dir = self.ctx.data_dir

        def work() -> list[str]:
            from desktop.sync import resolve

            return resolve.compare_with_street(data_dir).lines()

        def done(lines: list[str]) -> None:
            self._comparing = False
            self.differences.setPlainText("\n".join(lines))
            self.show_state(self.scheduler.state)

        def failed(exc: Exception) -> None:
            from desktop.sync.errors import SyncError

            self._comparing = False
            reason = exc.by_hand() if isinstance(exc, SyncError) else ""
            self.differences.setPlainText(
                translate("SyncPage", "The two copies could not be compared. {reason}").format(
                    reason=reason
                )
            )
            self.show_state(self.scheduler.state)

        run_task(work, done, failed)

    # -- choosing -------------------------------------------------------------------------
    def _choose(self, choice: str) -> None:
        question = {
            "server": translate(
                "SyncPage",
                "This PC's data will be replaced by the street office's copy. What was recorded "
                "only on this PC will no longer show here; it is first saved as a backup in the "
                "data folder (backups), and can be restored from Settings.\n\nUse the street "
                "office's data?",
            ),
            "local": translate(
                "SyncPage",
                "This PC's data will be uploaded as the branch's data. What the other PC "
                "recorded will no longer be in the current copy at the street office (it stays "
                "there as an older version).\n\nUse this PC's data?",
            ),
            "merge": translate(
                "SyncPage",
                "The records of both copies will be joined: a record found in only one copy is "
                "added; a record changed on both keeps the later change, and the other change "
                "is kept in the merge record. This PC's data is first saved as a backup.\n\n"
                "Merge the two copies?",
            ),
        }[choice]
        box = QMessageBox(
            QMessageBox.Icon.Question,
            translate("SyncPage", "Another PC updated the street office's copy"),
            question,
            parent=self,
        )
        go = box.addButton(translate("SyncPage", "Go ahead"), QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton(translate("SyncPage", "Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stop)
        box.setEscapeButton(stop)
        box.exec()
        if box.clickedButton() is go:
            self.outcome.setText(translate("SyncPage", "Working… please wait."))
            self.scheduler.resolve(choice)

    def _resolved(self, outcome: Any) -> None:
        from desktop.sync.resolve import Merged, Restored

        if isinstance(outcome, Restored | Merged):
            data_replaced(self.ctx)
        if isinstance(outcome, Restored):
            text = translate(
                "SyncPage", "Done: this PC now has the street office's version {version}."
            ).format(version=outcome.version)
        elif isinstance(outcome, Merged):
            text = "\n".join(
                [
                    *outcome.report.lines(),
                    translate("SyncPage", "Done: merged and uploaded as version {version}.").format(
                        version=outcome.upload.version
                    ),
                ]
            )
        else:
            text = translate(
                "SyncPage", "Done: this PC's data was uploaded as version {version}."
            ).format(version=outcome.version)
        backup = getattr(outcome, "backup", None)
        if backup is not None:
            text += "\n" + translate("SyncPage", "The data as it was is kept in {file}.").format(
                file=backup.name
            )
        self.outcome.setStyleSheet("color: #1e6b2e;")
        self.outcome.setText(text)
        self.differences.setVisible(False)
        self.show_state(self.scheduler.state)

    def _failed(self, message: str) -> None:
        self.outcome.setStyleSheet(BAD)
        self.outcome.setText(message)
        self.show_state(self.scheduler.state)
