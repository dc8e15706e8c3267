"""The meeting editor: data, participants and attendance, topics with votes and consensus,
action items. Only drafts are edited; autosaved every 30 s."""

from dataclasses import replace
from datetime import datetime
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.meetings import (
    LINE_MAX,
    MAX_LENGTH,
    ActionItem,
    ActionStatus,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
    clean_meeting,
    contradictions,
    same_person,
    validate_meeting,
)
from desktop.domain.roster import PeopleQuery
from desktop.services import drafts, meetings, people, projects
from desktop.services.meetings import MeetingFinalError
from desktop.ui.dialogs.fields import list_with_buttons, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.dialogs.picker import RecordPicker
from desktop.ui.dialogs.project import LinkList, need_choices
from desktop.ui.i18n import translate
from desktop.ui.inputs import NamePicker, OptionalDate, choice_combo, line_edit
from desktop.ui.labels import (
    action_status_label,
    attendance_label,
    meeting_kind_label,
    participant_role_label,
)
from desktop.ui.messages import contradiction_text
from desktop.ui.widgets import FieldError

NO_VOTE = -1  # the spin boxes' "not voted" value


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _vote_box(value: int | None) -> QSpinBox:
    box = QSpinBox(minimum=NO_VOTE, maximum=100_000)
    box.setSpecialValueText(translate("MeetingDialog", "—"))
    box.setValue(NO_VOTE if value is None else value)
    return box


def _vote(box: QSpinBox) -> int | None:
    return None if box.value() == NO_VOTE else box.value()


class RolesButton(QToolButton):
    """A participant's roles: a menu of every role to tick, as many as the person holds
    (楼栋长 and 业委会, say); the first ticked is the one the minutes list them under."""

    changed = Signal()

    def __init__(self, roles: tuple[ParticipantRole, ...]) -> None:
        super().__init__()
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName(translate("MeetingDialog", "Roles"))
        self._roles = list(dict.fromkeys(roles))
        menu = QMenu(self)
        self.actions_by_role: dict[ParticipantRole, QAction] = {}
        for role in ParticipantRole:
            action = menu.addAction(participant_role_label(role))
            action.setCheckable(True)
            action.setChecked(role in self._roles)
            action.toggled.connect(lambda on, r=role: self._toggle(r, on))
            self.actions_by_role[role] = action
        self.setMenu(menu)
        self._show()

    def roles(self) -> tuple[ParticipantRole, ...]:
        return tuple(self._roles)

    def add_role(self, role: ParticipantRole) -> None:
        self.actions_by_role[role].setChecked(True)

    def _toggle(self, role: ParticipantRole, on: bool) -> None:
        if on and role not in self._roles:
            self._roles.append(role)
        elif not on and role in self._roles:
            if len(self._roles) == 1:  # a participant always has a role
                self.actions_by_role[role].setChecked(True)
                return
            self._roles.remove(role)
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        labels = [participant_role_label(r) for r in self._roles]
        self.setText("、".join(labels))
        self.setToolTip("、".join(labels))


def vote_captions() -> tuple[str, str, str]:
    """For, against, abstain: the order of a topic's (or a compact's) three vote counts."""
    return (
        translate("MeetingDialog", "For"),
        translate("MeetingDialog", "Against"),
        translate("MeetingDialog", "Abstain"),
    )


class MeetingDialog(RecordDialog):
    validate = validate_meeting
    save_record = meetings.save_meeting
    titles = Titles(
        "MeetingDialog",
        QT_TRANSLATE_NOOP("MeetingDialog", "New meeting"),
        QT_TRANSLATE_NOOP("MeetingDialog", "Edit meeting"),
    )

    draft_id: int | None = None  # the autosaved draft this form carries on

    blank = partial(Meeting, title="")

    def build(self) -> None:
        self._ready = False  # no "changed" while the tables are being filled
        self.setMinimumSize(860, 640)
        m = self.record
        self.title_edit = line_edit(m.title, MAX_LENGTH["title"])
        self.title_edit.setPlaceholderText(
            translate("MeetingDialog", "e.g. Deliberation on installing lifts in building 3")
        )
        self.kind = choice_combo([(meeting_kind_label(k), k) for k in MeetingKind], m.kind)
        self.starts_at = QDateTimeEdit(QDateTime(m.starts_at), calendarPopup=True)
        self.starts_at.setDisplayFormat("yyyy年M月d日 HH:mm")
        self.place = line_edit(m.place, MAX_LENGTH["place"])
        self.host = line_edit(m.host, MAX_LENGTH["host"])
        self.recorder = line_edit(m.recorder, MAX_LENGTH["recorder"])
        self.add_field("title", translate("MeetingDialog", "Title"), self.title_edit, True)
        self.add_field("kind", translate("MeetingDialog", "Kind"), self.kind, True)
        self.add_field("starts_at", translate("MeetingDialog", "Date and time"), self.starts_at)
        self.add_field("place", translate("MeetingDialog", "Place"), self.place)
        self.add_field("host", translate("MeetingDialog", "Host"), self.host)
        self.add_field("recorder", translate("MeetingDialog", "Recorder"), self.recorder)

        # What would make the minutes contradict themselves, said as it happens: one person
        # in two rows stops 保存; an absent host or recorder stops 定稿 only.
        self.contradiction_note = FieldError()
        self.body.addWidget(self.contradiction_note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._participants_tab(), translate("MeetingDialog", "Participants"))
        self.tabs.addTab(self._topics_tab(), translate("MeetingDialog", "Topics"))
        self.tabs.addTab(self._actions_tab(), translate("MeetingDialog", "Action items"))
        self.tabs.setMinimumHeight(300)
        self.body.addWidget(self.tabs, 1)

    def finish(self) -> None:
        self.watch_inputs(self.participants, self.action_table)  # the tables in the tabs
        self._ready = True
        super().finish()
        self.enable_autosave(self.ctx.db, drafts.MEETING, self.draft_id)

    def changed(self, *args: object) -> None:
        if self._ready:
            super().changed(*args)

    # -- participants ------------------------------------------------------------------------
    def _participants_tab(self) -> QWidget:
        self.participants = _table(
            [
                translate("MeetingDialog", "Role"),
                translate("MeetingDialog", "Name"),
                translate("MeetingDialog", "Unit or title"),
                translate("MeetingDialog", "Attendance"),
            ]
        )
        self.participants.setColumnWidth(0, 180)  # room for two roles: 贤达能人、居民代表
        self.participants.setColumnWidth(1, 120)
        self.participants.setColumnWidth(2, 210)
        for p in self.record.participants:
            self.add_participant(p)
        self.role_for_new = choice_combo(
            [(participant_role_label(r), r) for r in ParticipantRole], ParticipantRole.BRANCH
        )
        from_roster = QPushButton(translate("MeetingDialog", "Invite from the roster…"))
        by_hand = QPushButton(translate("MeetingDialog", "Add a row"))
        remove = QPushButton(translate("MeetingDialog", "Remove"))
        from_roster.clicked.connect(self.invite_from_roster)
        by_hand.clicked.connect(
            lambda: self.add_participant(Participant(self.role_for_new.currentData(), ""))
        )
        remove.clicked.connect(lambda: self._remove_rows(self.participants))
        return list_with_buttons(
            self.participants, (self.role_for_new, from_roster, by_hand, remove)
        )

    def add_participant(self, p: Participant) -> None:
        """A row for the person, or, when they are listed already, their new role ticked in
        their row: one row per person."""
        for row in range(self.participants.rowCount()):
            if p.person_id is not None and same_person(self._participant(row), p):
                roles: RolesButton = self.participants.cellWidget(row, 0)
                for role in p.roles:
                    roles.add_role(role)
                self.participants.selectRow(row)
                return
        row = self.participants.rowCount()
        self.participants.insertRow(row)
        role = RolesButton(p.roles)
        attendance = choice_combo([(attendance_label(a), a) for a in Attendance], p.attendance)
        role.changed.connect(self.changed)
        attendance.currentIndexChanged.connect(self.changed)
        # The row is read whole (current()) only once every cell of it is there.
        self.participants.blockSignals(True)
        self.participants.setCellWidget(row, 0, role)
        name = QTableWidgetItem(p.name)
        name.setData(Qt.ItemDataRole.UserRole, (p.person_id, p.phone))
        self.participants.setItem(row, 1, name)
        self.participants.setItem(row, 2, QTableWidgetItem(p.organization))
        self.participants.setCellWidget(row, 3, attendance)
        self.participants.blockSignals(False)
        self.changed()

    def invite_from_roster(self) -> None:
        def search(text: str) -> list[tuple[int, str]]:
            rows = people.list_people(self.ctx.db, PeopleQuery(text=text), limit=50)
            return [(r.id, f"{r.name}（{r.building} {r.unit} {r.room}）") for r in rows]

        picker = RecordPicker(translate("MeetingDialog", "Invite from the roster"), search, self)
        if picker.exec():
            for person_id, _label in picker.chosen():
                person = people.get_person(self.ctx.db, person_id)
                self.add_participant(
                    Participant(
                        self.role_for_new.currentData(),
                        person.name,
                        person_id=person_id,
                        phone=person.phone,
                    )
                )

    # -- topics ------------------------------------------------------------------------------
    def _topics_tab(self) -> QWidget:
        # Copies: the record stays as it was until the form is saved.
        self.topics: list[Topic] = [
            replace(t, need_ids=list(t.need_ids)) for t in self.record.topics
        ]
        self.topic_list = QListWidget()
        self.topic_list.addItems([t.title for t in self.topics])
        self.topic_list.currentRowChanged.connect(self._show_topic)
        add = QPushButton(translate("MeetingDialog", "Add topic"))
        remove = QPushButton(translate("MeetingDialog", "Remove topic"))
        add.clicked.connect(self.add_topic)
        remove.clicked.connect(self.remove_topic)
        left = QVBoxLayout()
        left.addWidget(self.topic_list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)

        self.topic_title = QLineEdit()
        self.discussion = text_box("", 90)
        self.votes = [_vote_box(None) for _ in range(3)]
        self.consensus = text_box("", 60)
        self.consensus.setPlaceholderText(translate("MeetingDialog", "Leave empty if none"))
        self.topic_needs = LinkList(
            translate("MeetingDialog", "Link needs"), partial(need_choices, self.ctx.db), {}
        )
        votes = QHBoxLayout()
        for label, box in zip(vote_captions(), self.votes, strict=True):
            votes.addWidget(QLabel(label))
            votes.addWidget(box)
        editor = QFormLayout()
        editor.addRow(translate("MeetingDialog", "Topic"), self.topic_title)
        editor.addRow(translate("MeetingDialog", "Discussion"), self.discussion)
        editor.addRow(translate("MeetingDialog", "Votes"), votes)
        editor.addRow(translate("MeetingDialog", "Consensus reached"), self.consensus)
        editor.addRow(translate("MeetingDialog", "Needs discussed"), self.topic_needs)
        self.topic_editor = QWidget()
        self.topic_editor.setLayout(editor)
        for signal in (
            self.topic_title.textChanged,
            self.discussion.textChanged,
            self.consensus.textChanged,
            *(b.valueChanged for b in self.votes),
        ):
            signal.connect(self._store_topic)
        self.topic_needs.changed.connect(self._store_topic)
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.addLayout(left, 1)
        layout.addWidget(self.topic_editor, 2)
        self._shown_topic = -1
        self.topic_list.setCurrentRow(0 if self.topics else -1)
        self.topic_editor.setEnabled(bool(self.topics))
        return box

    def _show_topic(self, index: int) -> None:
        self._shown_topic = -1  # no storing while the editor is being filled
        has = 0 <= index < len(self.topics)
        self.topic_editor.setEnabled(has)
        t = self.topics[index] if has else Topic("")
        self.topic_title.setText(t.title)
        self.discussion.setPlainText(t.discussion)
        for box, value in zip(
            self.votes, (t.votes_for, t.votes_against, t.votes_abstain), strict=True
        ):
            box.setValue(NO_VOTE if value is None else value)
        self.consensus.setPlainText(t.consensus)
        self.topic_needs.list.clear()
        if t.need_ids:
            for need_id, title in projects.need_titles(self.ctx.db, t.need_ids).items():
                self.topic_needs.add(need_id, title)
        self._shown_topic = index if has else -1

    def _store_topic(self, *_args: object) -> None:
        i = self._shown_topic
        if not 0 <= i < len(self.topics):
            return
        self.topics[i] = Topic(
            self.topic_title.text(),
            self.discussion.toPlainText(),
            _vote(self.votes[0]),
            _vote(self.votes[1]),
            _vote(self.votes[2]),
            self.consensus.toPlainText(),
            self.topic_needs.ids(),
        )
        self.topic_list.item(i).setText(self.topic_title.text() or "…")
        self.changed()

    def add_topic(self) -> None:
        self.topics.append(Topic(translate("MeetingDialog", "New topic")))
        self.topic_list.addItem(self.topics[-1].title)
        self.topic_list.setCurrentRow(len(self.topics) - 1)
        self.topic_title.selectAll()
        self.topic_title.setFocus()
        self.changed()

    def remove_topic(self) -> None:
        i = self.topic_list.currentRow()
        if 0 <= i < len(self.topics):
            self._shown_topic = -1
            del self.topics[i]
            self.topic_list.takeItem(i)
            self._show_topic(self.topic_list.currentRow())
            self.changed()

    # -- action items -------------------------------------------------------------------------
    def _actions_tab(self) -> QWidget:
        self.action_table = _table(
            [
                translate("MeetingDialog", "What"),
                translate("MeetingDialog", "Who"),
                translate("MeetingDialog", "Due by"),
                translate("MeetingDialog", "Status"),
            ]
        )
        self.action_table.setColumnWidth(0, 320)
        self.action_table.setColumnWidth(1, 120)
        self.action_table.setColumnWidth(2, 200)
        for a in self.record.actions:
            self.add_action(a)
        add = QPushButton(translate("MeetingDialog", "Add action item"))
        remove = QPushButton(translate("MeetingDialog", "Remove"))
        add.clicked.connect(lambda: self.add_action(ActionItem("")))
        remove.clicked.connect(lambda: self._remove_rows(self.action_table))
        return list_with_buttons(self.action_table, (add, remove))

    def add_action(self, a: ActionItem) -> None:
        row = self.action_table.rowCount()
        self.action_table.insertRow(row)
        what = QTableWidgetItem(a.what)
        what.setData(Qt.ItemDataRole.UserRole, (a.id, a.project_id))
        # setItem reports a change: none until the row has all its cells (current() reads them).
        ready, self._ready = self._ready, False
        self.action_table.setItem(row, 0, what)
        # A person of this meeting or of the roster, or a role or unit typed as it is.
        owner = NamePicker(a.owner, self._owner_suggestions, max_length=LINE_MAX)
        owner.setPlaceholderText(translate("MeetingDialog", "Name, role or unit"))
        owner.textChanged.connect(self.changed)
        # “张伟（3栋 2单元 1203）” is wider than the column: the list of names may be wider.
        owner.completer().popup().setMinimumWidth(owner.fontMetrics().horizontalAdvance("国") * 16)
        self.action_table.setCellWidget(row, 1, owner)
        due = OptionalDate(a.due_on, "")
        due.changed.connect(self.changed)
        self.action_table.setCellWidget(row, 2, due)
        status = choice_combo([(action_status_label(s), s) for s in ActionStatus], a.status)
        status.currentIndexChanged.connect(self.changed)
        self.action_table.setCellWidget(row, 3, status)
        self._ready = ready
        self.changed()

    def _owner_suggestions(self, text: str) -> list[tuple[str, str]]:
        """This meeting's participants first (“张三明（楼栋长）”), then the roster's people
        (“张伟（3栋 2单元 1203）”) who are not among them."""
        typed = text.strip()
        here, invited = [], set()
        for row in range(self.participants.rowCount()):
            item = self.participants.item(row, 1)
            name = item.text().strip() if item is not None else ""
            if name and typed in name:
                role = self.participants.cellWidget(row, 0).text()
                here.append((f"{name}（{role}）", name))
            if item is not None:
                invited.add((item.data(Qt.ItemDataRole.UserRole) or (None, ""))[0])
        rows = people.list_people(self.ctx.db, PeopleQuery(text=typed), 0, 15)
        roster = [
            (f"{r.name}（{r.building} {r.unit} {r.room}）".replace("（  ）", ""), r.name)
            for r in rows
            if r.id not in invited
        ]
        return here + roster

    def _remove_rows(self, table: QTableWidget) -> None:
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)
        self.changed()

    # -- the record ---------------------------------------------------------------------------
    def _participant(self, row: int) -> Participant:
        name = self.participants.item(row, 1)
        person_id, phone = (name.data(Qt.ItemDataRole.UserRole) if name else None) or (None, "")
        unit = self.participants.item(row, 2)
        roles = self.participants.cellWidget(row, 0).roles()
        return Participant(
            roles[0],
            name.text() if name else "",
            unit.text() if unit else "",
            person_id,
            phone,
            self.participants.cellWidget(row, 3).currentData(),
            roles[1:],
        )

    def current(self) -> Meeting:
        participants = [self._participant(row) for row in range(self.participants.rowCount())]
        actions = []
        for row in range(self.action_table.rowCount()):
            what = self.action_table.item(row, 0)
            action_id, project_id = (what.data(Qt.ItemDataRole.UserRole) if what else None) or (
                None,
                None,
            )
            actions.append(
                ActionItem(
                    what.text() if what else "",
                    self.action_table.cellWidget(row, 1).text(),
                    self.action_table.cellWidget(row, 2).value(),
                    self.action_table.cellWidget(row, 3).currentData(),
                    project_id,
                    action_id,
                )
            )
        starts: datetime = self.starts_at.dateTime().toPython()
        return clean_meeting(
            self.edited(
                title=self.title_edit.text(),
                kind=self.kind.currentData(),
                starts_at=starts.replace(second=0, microsecond=0),
                place=self.place.text(),
                host=self.host.text(),
                recorder=self.recorder.text(),
                participants=participants,
                topics=list(self.topics),
                actions=actions,
            )
        )

    def revalidate(self) -> bool:
        valid = super().revalidate()
        found = contradictions(self.current())
        self.contradiction_note.set_error("\n".join(contradiction_text(i) for i in found))
        return valid

    def save_failed(self, error: Exception) -> bool:
        """Minutes finalized meanwhile are kept as they are: a correction says what changed."""
        if not isinstance(error, MeetingFinalError):
            return False
        QMessageBox.warning(
            self,
            self.windowTitle(),
            translate(
                "MeetingDialog",
                "These minutes were finalized meanwhile and can no longer be edited; "
                "add a correction instead.",
            ),
        )
        return True
