"""首页: a to-do list — follow-ups due, overdue needs, upcoming meetings, open action items —
each one click from its record."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.committee import CommitteeTerm
from desktop.domain.dates import format_date
from desktop.domain.errors import DomainError
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import ActionStatus
from desktop.services import home, meetings
from desktop.ui.context import AppContext
from desktop.ui.i18n import translate
from desktop.ui.labels import action_status_label
from desktop.ui.partner_labels import gap_text

WATCHED = {
    k.value
    for k in (
        RecordKind.NEED,
        RecordKind.VISIT,
        RecordKind.MEETING,
        RecordKind.ACTION,
        RecordKind.PROJECT,
        RecordKind.ORGANIZATION,
        RecordKind.PARTNER_AGREEMENT,
        RecordKind.PARTNER_ACTIVITY,
        RecordKind.COMMITTEE_TERM,
    )
}


def first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def shortfall_text(term: CommitteeTerm) -> str:
    share = term.party_share
    return translate(
        "HomePage",
        "{committee} (formed {date}): {party} of {members} members are party members "
        "({percent}%), below the required 50%.",
    ).format(committee=term.organization_name, date=format_date(term.formed_on),
             party=share.party_members, members=share.members, percent=share.percent)  # fmt: skip


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.follow_ups, follow_box = self._section()
        self.overdue, overdue_box = self._section()
        self.upcoming, upcoming_box = self._section()
        self.actions, actions_box = self._section()
        self.quota, quota_box = self._section()
        self.committee, committee_box = self._section()
        self.boxes = {
            "follow_ups": follow_box,
            "overdue": overdue_box,
            "upcoming": upcoming_box,
            "actions": actions_box,
            "quota": quota_box,
            "committee": committee_box,
        }
        self.done_button = QPushButton(translate("HomePage", "Mark done"))
        self.project_button = QPushButton(translate("HomePage", "Create project"))
        self.done_button.clicked.connect(self.mark_done)
        self.project_button.clicked.connect(self.create_project)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.project_button)
        buttons.addStretch()
        actions_box.layout().addLayout(buttons)
        self.actions.currentRowChanged.connect(lambda _r: self._action_buttons())
        grid = QGridLayout(self)
        grid.addWidget(follow_box, 0, 0)
        grid.addWidget(overdue_box, 0, 1)
        grid.addWidget(upcoming_box, 1, 0)
        grid.addWidget(actions_box, 1, 1)
        grid.addWidget(quota_box, 2, 0, 1, 2)
        self.quota.setMaximumHeight(110)  # a few lines; the four lists above keep the room
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        grid.addWidget(committee_box, 3, 0, 1, 2)  # shown only while a term is short
        ctx.events.data_changed.connect(lambda kind: kind in WATCHED and self.reload())
        self.reload()

    def _section(self) -> tuple[QListWidget, QGroupBox]:
        box = QGroupBox()
        items = QListWidget()
        items.itemActivated.connect(self._open)
        layout = QVBoxLayout(box)
        layout.addWidget(items)
        return items, box

    def _fill(self, items: QListWidget, rows: list[tuple[str, int, str]], empty: str) -> None:
        items.clear()
        for kind, record_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (kind, record_id))
            items.addItem(item)
        if not rows:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            items.addItem(placeholder)

    def reload(self) -> None:
        s = home.home_summary(self.ctx.db)
        self.summary = s
        self.boxes["follow_ups"].setTitle(
            translate("HomePage", "Follow-up visits due this week ({count})").format(
                count=len(s.follow_ups)
            )
        )
        self.boxes["overdue"].setTitle(
            translate("HomePage", "Overdue needs ({count})").format(count=s.overdue_count)
        )
        self.boxes["upcoming"].setTitle(
            translate("HomePage", "Upcoming meetings ({count})").format(
                count=len(s.upcoming_meetings)
            )
        )
        self.boxes["actions"].setTitle(
            translate("HomePage", "Open action items ({count})").format(count=len(s.open_actions))
        )
        self._fill(
            self.follow_ups,
            [
                (
                    RecordKind.VISIT.value,
                    v.id,
                    f"{format_date(v.follow_up_on)}  {v.resident}  {first_line(v.issue)}",
                )
                for v in s.follow_ups
            ],
            translate("HomePage", "No follow-ups due."),
        )
        self._fill(
            self.overdue,
            [
                (
                    RecordKind.NEED.value,
                    n.id,
                    translate("HomePage", "due {date}").format(date=format_date(n.due_on))
                    + f"  {n.title}  {n.building}",
                )
                for n in s.overdue_needs
            ],
            translate("HomePage", "No overdue needs."),
        )
        self._fill(
            self.upcoming,
            [
                (RecordKind.MEETING.value, mid, f"{format_date(when)} {when:%H:%M}  {title}")
                for mid, title, when in s.upcoming_meetings
            ],
            translate("HomePage", "No meetings planned."),
        )
        self._fill(
            self.actions,
            [
                (
                    RecordKind.ACTION.value,
                    a.id or 0,
                    f"{a.what}  {a.owner}  {format_date(a.due_on)}"
                    f"（{action_status_label(a.status)}）  — {title}",
                )
                for a, _mid, title in s.open_actions
            ],
            translate("HomePage", "No open action items."),
        )
        self.boxes["quota"].setTitle(
            translate("HomePage", "Partner units: three-ones still owed ({count})").format(
                count=len(s.quota_gaps)
            )
        )
        self._fill(
            self.quota,
            [(RecordKind.PARTNER_UNIT.value, g.organization_id, gap_text(g)) for g in s.quota_gaps],
            translate("HomePage", "No partner unit is behind on its three-ones."),
        )
        self.boxes["committee"].setTitle(translate("HomePage", "Owners' committee"))
        self.boxes["committee"].setVisible(bool(s.committee_shortfalls))
        self._fill(
            self.committee,
            [(RecordKind.COMMITTEE_TERM.value, t.id or 0, shortfall_text(t))
             for t in s.committee_shortfalls],
            "",
        )  # fmt: skip
        self._action_buttons()

    def _current_action(self):
        row = self.actions.currentRow()
        if 0 <= row < len(self.summary.open_actions):
            return self.summary.open_actions[row]
        return None

    def _action_buttons(self) -> None:
        current = self._current_action()
        self.done_button.setEnabled(current is not None)
        self.project_button.setEnabled(current is not None and current[0].project_id is None)

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, record_id = data
        if kind == RecordKind.ACTION.value:
            action = self._current_action()
            if action is None:
                return
            item_, meeting_id, _title = action
            if item_.project_id is not None:
                self.ctx.events.record_requested.emit(RecordKind.PROJECT.value, item_.project_id)
            else:
                self.ctx.events.record_requested.emit(RecordKind.MEETING.value, meeting_id)
            return
        self.ctx.events.record_requested.emit(kind, record_id)

    def mark_done(self) -> None:
        current = self._current_action()
        if current is None or current[0].id is None:
            return
        meetings.set_action_status(self.ctx.db, current[0].id, ActionStatus.DONE)
        self.ctx.events.changed(RecordKind.ACTION)

    def create_project(self) -> None:
        """An action item that calls for a project: create it, linked, and open it."""
        current = self._current_action()
        if current is None or current[0].id is None:
            return
        try:
            project = meetings.project_from_action(self.ctx.db, current[0].id)
        except DomainError:
            return
        self.ctx.events.changed(RecordKind.ACTION, RecordKind.PROJECT)
        self.ctx.events.record_requested.emit(RecordKind.PROJECT.value, project.id or 0)
