"""楼栋长 tab: leaders by grid and building (gaps shown), joint patrols with their findings
(one click registers a finding as a need), and the monthly leaders' meetings."""

from datetime import datetime, time, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Meeting, MeetingKind, Participant, ParticipantRole
from desktop.domain.needs import Need
from desktop.services import needs, patrols
from desktop.ui.columns import ColumnFitter
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.patrol import PatrolDialog
from desktop.ui.i18n import translate
from desktop.ui.models.federation import FindingModel, PatrolModel
from desktop.ui.models.meetings import minutes_state
from desktop.ui.operations import change
from desktop.ui.pages.federation_parts import Section
from desktop.ui.pages.watching import WatchingPage
from desktop.ui.phones import masked_phone
from desktop.ui.status import Tone

MEETING_ID = Qt.ItemDataRole.UserRole


class LeadersTab(WatchingPage):
    def build(self) -> None:
        self.overview = QTreeWidget()
        self.overview.setHeaderLabels(
            [translate("LeadersTab", "Grid / building"), translate("LeadersTab", "Building leader")]
        )
        self.overview_columns = ColumnFitter(self.overview)
        self.patrols = Section(translate("LeadersTab", "Joint patrols"), PatrolModel(self))
        self.patrols.button(translate("LeadersTab", "New patrol"), self.new_patrol)
        self.patrols.button(translate("LeadersTab", "Edit"), self.edit_patrol, needs_row=True)
        self.patrols.button(translate("LeadersTab", "Delete"), self.delete_patrol, needs_row=True)
        self.patrols.view.selectionModel().selectionChanged.connect(self._patrol_selected)
        self.patrols.view.activated.connect(lambda _i: self.edit_patrol())
        self.findings = Section(
            translate("LeadersTab", "Findings of the selected patrol"), FindingModel(self)
        )
        self.category = QComboBox()
        self.findings.buttons.addWidget(QLabel(translate("LeadersTab", "Category")))
        self.findings.buttons.addWidget(self.category)
        self.register = self.findings.button(
            translate("LeadersTab", "Register as need"), self.register_need, needs_row=True
        )
        self.findings.view.selectionModel().selectionChanged.connect(
            lambda *_a: self._finding_selected()
        )
        self.meetings = QListWidget()
        self.meetings.itemActivated.connect(self._open_meeting)
        meetings_box = QWidget()
        column = QVBoxLayout(meetings_box)
        column.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        title = translate("LeadersTab", "Monthly leaders meetings")
        head.addWidget(QLabel(f"<b>{title}</b>"))
        head.addStretch()
        self.new_meeting_button = QPushButton(translate("LeadersTab", "New leaders meeting"))
        self.new_meeting_button.clicked.connect(self.new_meeting)
        head.addWidget(self.new_meeting_button)
        column.addLayout(head)
        column.addWidget(self.meetings)

        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.patrols)
        middle.addWidget(self.findings)
        middle.addWidget(meetings_box)
        middle.setSizes([260, 200, 160])
        self.side_by_side(self.overview, middle, (280, 700))

    def _data_changed(self, kind: str) -> None:
        if kind in (RecordKind.PERSON.value, RecordKind.BUILDING.value, RecordKind.GRID.value):
            self.load_overview()
        if kind in (RecordKind.PATROL.value, RecordKind.NEED.value):
            self.load_patrols()
        if kind == RecordKind.NEED_CATEGORY.value:
            self.load_categories()
        if kind == RecordKind.MEETING.value:
            self.load_meetings()

    def reload(self) -> None:
        self.load_overview()
        self.load_categories()
        self.load_patrols()
        self.load_meetings()

    # -- overview ---------------------------------------------------------------------------
    def load_overview(self) -> None:
        self.overview.clear()
        missing = translate("LeadersTab", "No leader yet")
        for group in patrols.leaders_by_grid(self.ctx.db):
            title = group.grid or translate("LeadersTab", "Not in a grid")
            gaps = sum(not b.leaders for b in group.buildings)
            grid_item = QTreeWidgetItem(self.overview, [title, ""])
            if gaps:
                grid_item.setText(
                    1, translate("LeadersTab", "{count} without a leader").format(count=gaps)
                )
            for b in group.buildings:
                names = "、".join(leader.name for leader in b.leaders)
                item = QTreeWidgetItem(grid_item, [b.building, names or missing])
                if not b.leaders:
                    item.setForeground(1, Tone.OVERDUE.foreground)
                elif len(b.leaders) == 1 and b.leaders[0].phone:
                    item.setToolTip(1, masked_phone(b.leaders[0].phone))
            grid_item.setExpanded(True)

    # -- patrols ----------------------------------------------------------------------------
    def load_categories(self) -> None:
        chosen = self.category.currentData()
        self.category.clear()
        for c in needs.list_categories(self.ctx.db):
            self.category.addItem(c.name, c.id)
        other = self.category.findText(patrols.OTHER_CATEGORY)
        index = self.category.findData(chosen) if chosen is not None else other
        self.category.setCurrentIndex(max(index, 0))

    def load_patrols(self) -> None:
        self.patrols.set_rows(
            patrols.list_patrols(self.ctx.db),
            translate("LeadersTab", 'No joint patrols yet. Click "New patrol" after a round.'),
        )
        self._patrol_selected()

    def _patrol_selected(self, *_args: object) -> None:
        self.patrols.update_buttons()
        row = self.patrols.current()
        found = []
        if row is not None:
            try:
                found = patrols.get_patrol(self.ctx.db, row.id).findings
            except NotFoundError:
                found = []
        self.findings.set_rows(
            found, translate("LeadersTab", "This patrol found nothing.") if row else ""
        )
        self._finding_selected()

    def _finding_selected(self) -> None:
        finding = self.findings.current()
        self.register.setEnabled(finding is not None and finding.need_id is None)
        self.category.setEnabled(self.register.isEnabled())

    def new_patrol(self) -> None:
        dialog = PatrolDialog(self.ctx, parent=self)
        run_form(dialog)

    def edit_patrol(self) -> None:
        row = self.patrols.current()
        if row is not None:
            self.open_patrol(row.id)

    def open_patrol(self, patrol_id: int) -> None:
        """Select the patrol (its findings show beside it) and open it."""
        try:
            patrol = patrols.get_patrol(self.ctx.db, patrol_id)
        except NotFoundError:
            self.load_patrols()
            return
        ids = [r.id for r in self.patrols.model.rows]
        if patrol_id in ids:
            self.patrols.view.selectRow(ids.index(patrol_id))
        dialog = PatrolDialog(self.ctx, patrol, parent=self)
        run_form(dialog)

    def delete_patrol(self) -> None:
        row = self.patrols.current()
        if row is None:
            return
        self.change_if_confirmed(
            translate("LeadersTab", "Move to trash"),
            translate(
                "LeadersTab",
                "Move the patrol of {date} to the trash? You can restore it from the Trash page.",
            ).format(date=format_date(row.held_on)),
            lambda: patrols.delete_patrols(self.ctx.db, [row.id]),
        )

    def register_need(self) -> None:
        finding = self.findings.current()
        if finding is None or finding.id is None:
            return
        category = self.category.currentData()

        def refused(error: Exception) -> bool:
            if isinstance(error, patrols.AlreadyANeedError):
                QMessageBox.information(
                    self,
                    self.register.text(),
                    translate("LeadersTab", "This finding is already registered as a need."),
                )
                return True
            if isinstance(error, NotFoundError):
                self.load_patrols()
                return True
            return False

        def registered(need: Need) -> None:
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(
                    translate("LeadersTab", 'Registered as need "{title}".').format(
                        title=need.title
                    ),
                    8000,
                )

        change(
            self.ctx.events,
            self,
            lambda: patrols.finding_to_need(self.ctx.db, finding.id, category),
            on_done=registered,
            on_failure=refused,
        )

    # -- leaders' meetings ------------------------------------------------------------------
    def load_meetings(self) -> None:
        self.meetings.clear()
        for row in patrols.leader_meetings(self.ctx.db):
            text = f"{format_date(row.starts_at)}  {row.title}（{minutes_state(row.final)}）"
            item = QListWidgetItem(text, self.meetings)
            item.setData(MEETING_ID, row.id)
        if not self.meetings.count():
            item = QListWidgetItem(
                translate("LeadersTab", "No leaders meetings yet."), self.meetings
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _open_meeting(self, item: QListWidgetItem) -> None:
        meeting_id = item.data(MEETING_ID)
        if meeting_id is not None:
            self.ctx.events.record_requested.emit(RecordKind.MEETING.value, int(meeting_id))

    def new_meeting(self) -> None:
        """The meetings' own editor, opened on a new 楼栋长月度例会 with the leaders invited."""
        from desktop.ui.dialogs.meeting import MeetingDialog

        dialog = MeetingDialog(self.ctx, self.new_meeting_draft(), parent=self)
        run_form(dialog)

    def new_meeting_draft(self) -> Meeting:
        starts = datetime.combine(datetime.now().date() + timedelta(days=1), time(19, 0))
        title = translate("LeadersTab", "Building leaders meeting, {month}").format(
            month=f"{starts.year}年{starts.month}月"
        )
        # With their roster links: two leaders of one name are two people, each invited.
        invited = [
            Participant(
                ParticipantRole.BUILDING_LEADER,
                leader.name,
                f"{b.building}楼栋长",
                leader.id,
                leader.phone,
            )
            for group in patrols.leaders_by_grid(self.ctx.db)
            for b in group.buildings
            for leader in b.leaders
        ]
        return Meeting(title, MeetingKind.BUILDING_LEADERS, starts, participants=invited)
