"""首页: a to-do list she can trust — follow-ups due this week and overdue, overdue needs,
upcoming meetings, open action items — each a table, each row one double-click from its
record; on a new data folder, what to do first."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.committee import CommitteeTerm
from desktop.domain.dates import format_date
from desktop.domain.errors import DomainError
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import ActionItem, ActionStatus
from desktop.domain.partners import PartnerActivityKind, QuotaGap
from desktop.domain.visits import FollowUpState, VisitRow
from desktop.services import home, meetings
from desktop.services.home import HomeSummary, SetUp, action_overdue
from desktop.store.database import Database
from desktop.ui.context import AppContext
from desktop.ui.dialogs.form import run_form
from desktop.ui.i18n import translate
from desktop.ui.labels import action_status_label
from desktop.ui.operations import change
from desktop.ui.partner_labels import gap_text
from desktop.ui.status import Tone

# Two columns of sections when the page is at least this many characters wide.
TWO_COLUMNS_EM = 58
SHOWN_ROWS = 8  # in one column: the rows a section shows at least, when it has them

WATCHED = {
    k.value
    for k in (
        RecordKind.NEIGHBORHOOD,
        RecordKind.BUILDING,
        RecordKind.PERSON,
        RecordKind.NEED,
        RecordKind.RESOURCE,
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


def gist(text: str, limit: int = 60) -> str:
    """What a record is about, in at most two lines of a cell: its first line, and a long
    one shortened at ``limit`` characters (the tooltip has it all)."""
    line = " ".join(first_line(text.strip()).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def shortfall_text(term: CommitteeTerm) -> str:
    share = term.party_share
    return translate(
        "HomePage",
        "{committee} (formed {date}): {party} of {members} members are party members "
        "({percent}%), below the required 50%.",
    ).format(
        committee=term.organization_name,
        date=format_date(term.formed_on),
        party=share.party_members,
        members=share.members,
        percent=share.percent,
    )


def overdue_text(due: date, today: date) -> str:
    return translate("HomePage", "{days} days overdue").format(days=(today - due).days)


def follow_up_status(row: VisitRow, today: date) -> str:
    if row.follow_up_state(today) is FollowUpState.OVERDUE and row.follow_up_on is not None:
        return overdue_text(row.follow_up_on, today)
    if row.follow_up_on == today:
        return translate("HomePage", "Today")
    return translate("HomePage", "This week")


def action_status(item: ActionItem, today: date) -> str:
    if action_overdue(item, today) and item.due_on is not None:
        return overdue_text(item.due_on, today)
    return action_status_label(item.status)


def gap_what(gap: QuotaGap) -> str:
    return {
        PartnerActivityKind.PAIRING: translate("HomePage", "Pairing activity this quarter"),
        PartnerActivityKind.PRACTICAL_SERVICE: translate(
            "HomePage", "Practical service this quarter"
        ),
        PartnerActivityKind.DISPUTE_MEDIATION: translate("HomePage", "Dispute mediation this year"),
    }[gap.kind]


def titled(title: str, count: int, overdue: int | None = None) -> str:
    if overdue:
        return translate("HomePage", "{title} ({count}, {overdue} overdue)").format(
            title=title, count=count, overdue=overdue
        )
    return translate("HomePage", "{title} ({count})").format(title=title, count=count)


@dataclass
class Row:
    """One line of a section: its cells, the record it opens, whether it is overdue."""

    cells: list[str]
    kind: str
    record_id: int
    overdue: bool = False
    tip: str = ""  # the whole text, and more than the cells say (an action item's meeting)


# A section's title, its rows and what it says when it has none.
Filling = tuple[str, list[Row], str]


class TodoTable(QTableWidget):
    """Columns that share the width: each narrow one as wide as its contents, the ``stretch``
    one (what the row is about) the rest, and never narrower than ``STRETCH_MIN_EM``
    characters — when there is not room for that, the narrow ones give way and wrap, rather
    than squeeze it to a character a line."""

    STRETCH_MIN_EM = 8

    def __init__(self, headers: list[str], stretch: int) -> None:
        super().__init__(0, len(headers))
        self.stretch = stretch
        self.setHorizontalHeaderLabels(headers)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        width = self.viewport().width()
        # A few dozen rows at most: measuring the contents costs nothing here.
        wanted = {
            c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.columnCount())
            if c != self.stretch
        }
        room = width - self.STRETCH_MIN_EM * self.fontMetrics().horizontalAdvance("中")
        total = sum(wanted.values())
        scale = min(1.0, max(room, 0) / total) if total else 1.0
        used = 0
        for column, wish in wanted.items():
            size = int(wish * scale)
            header.resizeSection(column, size)
            used += size
        header.resizeSection(self.stretch, max(0, width - used))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()


class Section(QGroupBox):
    """A short list as a table: a few columns, the widest wrapping, the whole text in a
    tooltip, no sideways scrolling; Enter or a double-click opens the row's record. An empty
    section says why in a sentence instead."""

    def __init__(self, headers: list[str], stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = TodoTable(headers, stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The widest column wraps onto a second line rather than scroll sideways or cut.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(wordWrap=True)
        self.empty.setObjectName("homeEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty.setStyleSheet("color: #555; padding: 6px;")
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.rows: list[Row] = []

    def present(self, title: str, rows: list[Row], empty: str) -> None:
        """The section's title, then its rows or, with none, why it is empty."""
        self.setTitle(title)
        self.fill(rows, empty)

    def fill(self, rows: list[Row], empty: str) -> None:
        self.rows = rows
        self.table.clearContents()
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                item.setToolTip(row.tip or text)
                if row.overdue and c < 2:  # the date and the word 逾期: red, never colour alone
                    item.setForeground(Tone.OVERDUE.foreground)
                    if c == 1:
                        item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.fit_columns()
        self.table.setVisible(bool(rows))
        self.empty.setText(empty)
        self.empty.setVisible(not rows)

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def current(self) -> Row | None:
        """The selected row, if any."""
        row = self.table.currentRow()
        return self.row_at(row) if self.table.selectionModel().isRowSelected(row) else None

    def row_texts(self) -> list[str]:
        """What each row says, cells joined (for a reader of the page as text)."""
        return ["  ".join(row.cells) for row in self.rows]


class SetUpBox(QFrame):
    """On a new data folder: the first steps, each ticked once done, and the guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setUpBox")
        self.setStyleSheet(
            "#setUpBox { background: #fff8e1; border: 1px solid #e0c068; border-radius: 4px; }"
        )
        self.title = QLabel(translate("HomePage", "Getting started: do these first"))
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.steps = QLabel(wordWrap=True)
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.guide_button = QPushButton(translate("HomePage", "Open the first-start guide…"))
        row = QHBoxLayout()
        row.addWidget(self.steps, 1)
        row.addWidget(self.guide_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(row)

    def show_state(self, state: SetUp) -> None:
        done, todo = "✓", "□"
        lines = [
            f"{done if state.neighborhood else todo} "
            + (
                translate("HomePage", "1. Neighborhood filled in: {name}").format(
                    name=state.neighborhood
                )
                if state.neighborhood
                else translate(
                    "HomePage", "1. Fill in the neighborhood's name, its community and street."
                )
            ),
            f"{done if state.buildings else todo} "
            + (
                translate("HomePage", "2. {count} building(s) added.").format(count=state.buildings)
                if state.buildings
                else translate("HomePage", "2. Add the buildings (1栋, 2栋 …).")
            ),
            f"{done if state.has_records else todo} "
            + translate(
                "HomePage",
                "3. Import the needs, resources and projects ledgers from Excel, or click "
                '"New" on any page.',
            ),
        ]
        self.steps.setText("\n".join(lines))


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Built in the order they appear on the page: Tab walks them so.
        self._build_sections()
        committee_box = self._build_committee()
        self._build_section_buttons()
        self._build_notes()
        self._lay_out(committee_box)
        self.two_columns: bool | None = None
        ctx.events.data_changed.connect(lambda kind: kind in WATCHED and self.reload())
        self.reload()

    def _build_sections(self) -> None:
        """The lists of what is due; a double click (or Enter) opens the record of a row."""
        self.sections = {
            "follow_ups": Section(
                [
                    translate("HomePage", "Follow up on"),
                    translate("HomePage", "Status"),
                    translate("HomePage", "Resident"),
                    translate("HomePage", "What was raised"),
                ],
                stretch=3,
            ),
            "overdue": Section(
                [
                    translate("HomePage", "Due"),
                    translate("HomePage", "Status"),
                    translate("HomePage", "Need"),
                    translate("HomePage", "Building"),
                ],
                stretch=2,
            ),
            "upcoming": Section(
                [translate("HomePage", "Time"), translate("HomePage", "Meeting")], stretch=1
            ),
            "actions": Section(
                [
                    translate("HomePage", "Due"),
                    translate("HomePage", "Status"),
                    translate("HomePage", "Owner"),
                    translate("HomePage", "Action item"),
                ],
                stretch=3,
            ),
            "quota": Section(
                [
                    translate("HomePage", "Days left"),
                    translate("HomePage", "Partner unit"),
                    translate("HomePage", "Still owed"),
                ],
                stretch=2,
            ),
        }
        self.boxes: dict[str, QGroupBox] = dict(self.sections)
        self.follow_ups = self.sections["follow_ups"].table
        self.overdue = self.sections["overdue"].table
        self.upcoming = self.sections["upcoming"].table
        self.actions = self.sections["actions"].table
        self.quota = self.sections["quota"].table
        for section in self.sections.values():
            section.table.itemActivated.connect(
                lambda item, s=section: self._open(s.row_at(item.row()))
            )

    def _build_committee(self) -> QGroupBox:
        """Owners' committee terms that fall short (the box shows only when one does)."""
        self.committee = QListWidget()
        self.committee.setWordWrap(True)
        self.committee.itemActivated.connect(self._open_term)
        committee_box = QGroupBox()
        QVBoxLayout(committee_box).addWidget(self.committee)
        self.boxes["committee"] = committee_box
        return committee_box

    def _build_section_buttons(self) -> None:
        """Under the follow-ups and the action items: what can be done with the chosen row."""
        self.record_button = QPushButton(translate("HomePage", "Record the follow-up result…"))
        self.open_visit_button = QPushButton(translate("HomePage", "Open the visit"))
        self.record_button.clicked.connect(self.record_follow_up)
        self.open_visit_button.clicked.connect(
            lambda: self._open(self.sections["follow_ups"].current())
        )
        self._buttons("follow_ups", self.record_button, self.open_visit_button)
        self.done_button = QPushButton(translate("HomePage", "Mark done"))
        self.project_button = QPushButton(translate("HomePage", "Create project"))
        self.done_button.clicked.connect(self.mark_done)
        self.project_button.clicked.connect(self.create_project)
        self._buttons("actions", self.done_button, self.project_button)
        for name in ("follow_ups", "actions"):
            self.sections[name].table.itemSelectionChanged.connect(self._enable_buttons)

    def _build_notes(self) -> None:
        """The note that this is the demo neighborhood, and the steps to set one up."""
        self.demo_note = QLabel(
            translate(
                "HomePage",
                "This is the demo neighborhood: its names, phones and records are made up, and "
                "it is kept apart from your own data. Close this window when you are done; the "
                "next time you open Shuren Xiaoqu, it opens your own data.",
            ),
            wordWrap=True,
        )
        self.demo_note.setObjectName("demoNote")
        self.demo_note.setStyleSheet(
            "#demoNote { background: #e8f1fb; border: 1px solid #8fb3dd; padding: 6px; }"
        )
        self.demo_note.setVisible(self.ctx.demo)
        self.set_up_box = SetUpBox()
        self.set_up_box.guide_button.clicked.connect(self.open_guide)

    def _lay_out(self, committee_box: QGroupBox) -> None:
        # Two columns, each sharing its height on its own: the follow-ups take the room the
        # few upcoming meetings do not need. On a narrow page (large text on a small screen)
        # one column, each section tall enough for a few rows, and the page scrolls.
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.sections["follow_ups"], 3)
        left.addWidget(self.sections["upcoming"], 2)
        right.addWidget(self.sections["overdue"], 1)
        right.addWidget(self.sections["actions"], 1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.set_up_box)
        layout.addLayout(self.columns, 5)
        layout.addWidget(self.sections["quota"], 2)
        layout.addWidget(committee_box, 1)  # shown only while a term is short
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

    def _arrange(self) -> None:
        em = self.fontMetrics().horizontalAdvance("中")
        # The page's own width: when it is resized, the scroll area inside is not yet.
        two = self.contentsRect().width() >= TWO_COLUMNS_EM * em
        if two == self.two_columns:
            return
        self.two_columns = two
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if two else QBoxLayout.Direction.TopToBottom
        )
        self._fit_heights()

    def _fit_heights(self) -> None:
        """In one column the page scrolls: each section as tall as a few of its rows need
        (up to SHOWN_ROWS), so a long list does not sit squeezed beside an empty one."""
        line = self.fontMetrics().height() + 10
        for section in self.sections.values():
            rows = min(max(len(section.rows), 2), SHOWN_ROWS)
            extra = section.sizeHint().height() - section.table.sizeHint().height()
            section.setMinimumHeight(0 if self.two_columns else (rows + 1) * line + max(extra, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # 设置 → 文字大小
            self.two_columns = None
            self._arrange()

    def _buttons(self, name: str, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch()
        layout = self.sections[name].layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(row)

    # -- filling ---------------------------------------------------------------------------
    def reload(self) -> None:
        s = home.home_summary(self.ctx.db)
        self.summary = s
        for name, filling in (
            ("follow_ups", self._follow_ups),
            ("overdue", self._overdue),
            ("upcoming", self._upcoming),
            ("actions", self._actions),
            ("quota", self._quota),
        ):
            self.sections[name].present(*filling(s))
        self._committee(s)
        assert s.set_up is not None
        self.set_up_box.show_state(s.set_up)
        self.set_up_box.setVisible(not s.set_up.done and not self.ctx.demo)
        self._enable_buttons()
        self._fit_heights()

    def _follow_ups(self, s: HomeSummary) -> Filling:
        heading = titled(
            translate("HomePage", "Follow-up visits due this week"),
            s.follow_up_count,
            s.follow_ups_overdue,
        )
        rows = [
            Row(
                [
                    format_date(v.follow_up_on),
                    follow_up_status(v, s.today),
                    v.resident,
                    gist(v.issue),
                ],
                RecordKind.VISIT.value,
                v.id,
                overdue=v.follow_up_state(s.today) is FollowUpState.OVERDUE,
                tip=v.issue,
            )
            for v in s.follow_ups
        ]
        return (
            heading,
            rows,
            translate(
                "HomePage",
                "No follow-ups due. A visit with a follow-up date shows here from its week on, "
                "until its result is recorded.",
            ),
        )

    def _overdue(self, s: HomeSummary) -> Filling:
        heading = titled(translate("HomePage", "Overdue needs"), s.overdue_count)
        rows = [
            Row(
                [
                    format_date(n.due_on),
                    overdue_text(n.due_on, s.today) if n.due_on else "",
                    gist(n.title),
                    n.building,
                ],
                RecordKind.NEED.value,
                n.id,
                overdue=True,
                tip=n.title,
            )
            for n in s.overdue_needs
        ]
        return (
            heading,
            rows,
            translate(
                "HomePage",
                "No overdue needs. A need not resolved by its due date shows here.",
            ),
        )

    def _upcoming(self, s: HomeSummary) -> Filling:
        heading = titled(translate("HomePage", "Upcoming meetings"), len(s.upcoming_meetings))
        rows = [
            Row(
                [f"{format_date(when)} {when:%H:%M}", gist(title)],
                RecordKind.MEETING.value,
                mid,
                tip=title,
            )
            for mid, title, when in s.upcoming_meetings
        ]
        return (
            heading,
            rows,
            translate("HomePage", 'No meetings planned. Plan one on the "Meetings" page.'),
        )

    def _actions(self, s: HomeSummary) -> Filling:
        heading = titled(
            translate("HomePage", "Open action items"), s.open_action_count, s.actions_overdue
        )
        rows = []
        for item, meeting_id, title in s.open_actions:
            opens = (
                (RecordKind.PROJECT.value, item.project_id)
                if item.project_id is not None
                else (RecordKind.MEETING.value, meeting_id)
            )
            rows.append(
                Row(
                    [
                        format_date(item.due_on),
                        action_status(item, s.today),
                        item.owner,
                        gist(item.what),
                    ],
                    *opens,
                    overdue=action_overdue(item, s.today),
                    tip=item.what
                    + "\n"
                    + translate("HomePage", "From: {meeting}").format(meeting=title),
                )
            )
        return (
            heading,
            rows,
            translate(
                "HomePage",
                "No open action items. What a meeting decides to do, with its owner and due "
                "date, shows here until it is done.",
            ),
        )

    def _quota(self, s: HomeSummary) -> Filling:
        heading = translate("HomePage", "Partner units: three-ones still owed ({count})").format(
            count=len(s.quota_gaps)
        )
        rows = [
            Row(
                [
                    translate("HomePage", "{days} days").format(days=g.days_left),
                    g.name,
                    gap_what(g),
                ],
                RecordKind.PARTNER_UNIT.value,
                g.organization_id,
                tip=gap_text(g),
            )
            for g in s.quota_gaps
        ]
        no_units = s.set_up is not None and s.set_up.partner_units == 0
        return (
            heading,
            rows,
            translate(
                "HomePage",
                'No partner unit yet. Add them on the "Partner units" page ("New partner '
                'unit"); this box then warns when a three-ones activity is still owed.',
            )
            if no_units
            else translate(
                "HomePage",
                "Nothing owed soon. In the last month of a quarter (the last two of the year) "
                "this box warns of any three-ones activity still missing.",
            ),
        )

    def _committee(self, s: HomeSummary) -> None:
        self.boxes["committee"].setTitle(translate("HomePage", "Owners' committee"))
        self.boxes["committee"].setVisible(bool(s.committee_shortfalls))
        self.committee.clear()
        for term in s.committee_shortfalls:
            item = QListWidgetItem(shortfall_text(term))
            item.setData(Qt.ItemDataRole.UserRole, term.id or 0)
            self.committee.addItem(item)

    # -- actions ---------------------------------------------------------------------------
    def _enable_buttons(self) -> None:
        follow_up = self.sections["follow_ups"].current()
        self.record_button.setEnabled(follow_up is not None)
        self.open_visit_button.setEnabled(follow_up is not None)
        current = self._current_action()
        self.done_button.setEnabled(current is not None)
        self.project_button.setEnabled(current is not None and current[0].project_id is None)

    def _current_action(self) -> tuple[ActionItem, int, str] | None:
        row = self.sections["actions"].current()
        if row is None:
            return None
        index = self.sections["actions"].rows.index(row)
        return self.summary.open_actions[index]

    def _open(self, row: Row | None) -> None:
        if row is not None:
            self.ctx.events.record_requested.emit(row.kind, row.record_id)

    def _open_term(self, item: QListWidgetItem) -> None:
        self.ctx.events.record_requested.emit(
            RecordKind.COMMITTEE_TERM.value, item.data(Qt.ItemDataRole.UserRole)
        )

    def record_follow_up(self) -> None:
        """The follow-up is done: its result and the resident's satisfaction, on the visit."""
        from desktop.ui.dialogs.follow_up import FollowUpDialog

        row = self.sections["follow_ups"].current()
        if row is None:
            return
        dialog = FollowUpDialog(self.ctx, row.record_id, self)
        run_form(dialog)

    def mark_done(self) -> None:
        self._change_action(
            lambda db, action_id: meetings.set_action_status(db, action_id, ActionStatus.DONE)
        )

    def create_project(self) -> None:
        """An action item that calls for a project: create it, linked, and open it."""
        self._change_action(
            meetings.project_from_action,
            on_done=lambda project: self.ctx.events.record_requested.emit(
                RecordKind.PROJECT.value, project.id or 0
            ),
            # The button is offered only when the action has no project yet.
            on_failure=lambda error: isinstance(error, DomainError),
        )

    def _change_action(self, call: Callable[[Database, int], Any], **options: Any) -> None:
        """Runs ``call(db, action id)`` on the selected action item, if there is one."""
        current = self._current_action()
        if current is None or current[0].id is None:
            return
        action_id = current[0].id
        change(self.ctx.events, self, lambda: call(self.ctx.db, action_id), **options)

    def open_guide(self) -> None:
        from desktop.ui import first_start

        first_start.open_guide(self.window())
