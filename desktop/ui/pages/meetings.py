"""协商议事: deliberation meetings and the other kinds; minutes drafted, finalized, amended."""

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desktop.domain.audit import AuditEvent
from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Attendance, Meeting, MeetingKind, MeetingRow
from desktop.services import audit, meetings, neighborhood, people
from desktop.services.meetings import MeetingContradictionError
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import (
    action_status_label,
    attendance_label,
    meeting_kind_label,
    participant_roles_label,
)
from desktop.ui.messages import contradiction_text
from desktop.ui.models.meetings import MeetingTableModel, minutes_state
from desktop.ui.pages.list_page import Filter, ListPage, Records, details_table


def votes_text(votes: tuple[int | None, int | None, int | None]) -> str:
    if all(v is None for v in votes):
        return ""
    return translate("MeetingsPage", "For {f}, against {a}, abstain {n}").format(
        f=votes[0] or 0, a=votes[1] or 0, n=votes[2] or 0
    )


class MeetingsPage(ListPage):
    model_class = MeetingTableModel
    kind = RecordKind.MEETING
    reloads_on = (RecordKind.MEETING, RecordKind.ACTION)
    records = Records(MeetingDialog, meetings.get_meeting, meetings.delete_meetings)

    context = "MeetingsPage"
    search_hint = QT_TRANSLATE_NOOP("MeetingsPage", "Search meeting title, place or host")
    trashed_text = QT_TRANSLATE_NOOP("MeetingsPage", "{count} meeting(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "MeetingsPage", 'No meetings yet. Click "New" to prepare the next deliberation meeting.'
    )
    filter_specs = (
        Filter.of_enum(
            "kind_filter", QT_TRANSLATE_NOOP("MeetingsPage", "All meetings"), MeetingKind, "kind"
        ),
        Filter.of_two(
            "state_filter",
            QT_TRANSLATE_NOOP("MeetingsPage", "Drafts and final"),
            (QT_TRANSLATE_NOOP("MeetingsPage", "Drafts"), False),
            (QT_TRANSLATE_NOOP("MeetingsPage", "Final"), True),
            "final",
        ),
    )

    def add_tools(self) -> None:
        self.finalize_action = QAction(translate("MeetingsPage", "Finalize minutes"), self)
        self.amend_action = QAction(translate("MeetingsPage", "Add a correction…"), self)
        self.finalize_action.triggered.connect(self.finalize)
        self.amend_action.triggered.connect(self.amend)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.finalize_action)
        self.toolbar.addAction(self.amend_action)
        self.print_menu = QMenu(self)
        self.print_archive = self.print_menu.addAction(
            translate("MeetingsPage", "Minutes (archive copy, to sign)")
        )
        self.print_public = self.print_menu.addAction(
            translate("MeetingsPage", "Minutes (notice-board copy, names masked)")
        )
        self.print_signin = self.print_menu.addAction(translate("MeetingsPage", "Sign-in sheet"))
        self.print_archive.triggered.connect(lambda: self.print_selected("archive"))
        self.print_public.triggered.connect(lambda: self.print_selected("public"))
        self.print_signin.triggered.connect(lambda: self.print_selected("signin"))
        self.print_action = QAction(translate("MeetingsPage", "Print"), self)
        self.print_action.setMenu(self.print_menu)
        self.print_action.triggered.connect(lambda: self.print_selected("archive"))
        self.toolbar.addAction(self.print_action)

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        rows = self.selected_rows()
        one = len(rows) == 1
        self.finalize_action.setEnabled(one and not rows[0].final)
        self.amend_action.setEnabled(one and rows[0].final)
        self.print_action.setEnabled(one)

    def details_html(self, row: MeetingRow, m: Meeting) -> str:
        present = sum(p.attendance is Attendance.PRESENT for p in m.participants)
        lines = [
            (translate("MeetingsPage", "Kind"), meeting_kind_label(m.kind)),
            (translate("MeetingsPage", "Minutes"), minutes_state(m.is_final)),
            (
                translate("MeetingsPage", "Date and time"),
                f"{format_date(m.starts_at)} {m.starts_at:%H:%M}",
            ),
            (translate("MeetingsPage", "Place"), m.place),
            (translate("MeetingsPage", "Host"), m.host),
            (translate("MeetingsPage", "Recorder"), m.recorder),
            (
                translate("MeetingsPage", "Attendance"),
                translate("MeetingsPage", "{present} of {invited} present").format(
                    present=present, invited=len(m.participants)
                ),
            ),
        ]
        html = details_table(m.title, lines)
        people = "".join(
            f"<li>{escape(participant_roles_label(p))}：{escape(p.name)}"
            f"（{escape(attendance_label(p.attendance))}）</li>"
            for p in m.participants
        )
        no_consensus = translate("MeetingsPage", "No consensus recorded")
        topics = "".join(
            f"<li><b>{escape(t.title)}</b> "
            f"{escape(votes_text((t.votes_for, t.votes_against, t.votes_abstain)))}"
            f"<br>{escape(t.consensus or no_consensus)}</li>"
            for t in m.topics
        )
        actions = "".join(
            f"<li>{escape(a.what)} — {escape(a.owner)} {escape(format_date(a.due_on))}"
            f"（{escape(action_status_label(a.status))}）</li>"
            for a in m.actions
        )
        amendments = "".join(
            f"<li>{escape(format_date(a.made_on))}：{escape(a.text)}</li>" for a in m.amendments
        )
        for heading, items in (
            (translate("MeetingsPage", "Participants"), people),
            (translate("MeetingsPage", "Topics"), topics),
            (translate("MeetingsPage", "Action items"), actions),
            (translate("MeetingsPage", "Corrections"), amendments),
        ):
            if items:
                html += f"<h4>{escape(heading)}</h4><ul>{items}</ul>"
        return html

    def open_fetched(self, meeting: Meeting) -> None:
        if meeting.is_final:
            QMessageBox.information(
                self,
                meeting.title,
                translate(
                    "MeetingsPage",
                    'These minutes are final and cannot be changed. Use "Add a correction" to '
                    "record a correction; it is printed after the minutes.",
                ),
            )
            return
        self.edit_meeting(meeting)

    def edit_meeting(self, meeting: Meeting | None, draft_id: int | None = None) -> None:
        run_form(self.make_form(meeting, draft_id=draft_id))

    def finalize(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].final:
            return
        answer = QMessageBox.question(
            self,
            self.finalize_action.text(),
            translate(
                "MeetingsPage",
                'Finalize the minutes of "{title}"? After this they cannot be edited; '
                "corrections are added as dated amendments.",
            ).format(title=rows[0].title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def refused(error: Exception) -> bool:
            if isinstance(error, MeetingContradictionError):
                QMessageBox.warning(
                    self,
                    self.finalize_action.text(),
                    translate(
                        "MeetingsPage",
                        "The minutes cannot be finalized yet:\n{reasons}\nEdit the meeting to "
                        "correct this, then finalize again.",
                    ).format(reasons="\n".join(contradiction_text(i) for i in error.found)),
                )
                return True
            if isinstance(error, NotFoundError):
                self.reload()
                return True
            return False

        self.change(lambda: meetings.finalize_meeting(self.ctx.db, rows[0].id), on_failure=refused)

    def amend(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or not rows[0].final:
            return
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.amend_action.text(),
            translate("MeetingsPage", "The correction (dated today, printed after the minutes):"),
        )
        if not ok:
            return
        self.change(
            lambda: meetings.add_amendment(self.ctx.db, rows[0].id, text),
            # An empty correction is not added; there is nothing more to say.
            on_failure=lambda error: isinstance(error, ValidationError),
        )

    def print_selected(self, which: str) -> None:
        """Minutes (archive or notice-board copy) or the sign-in sheet, through the preview."""
        # ReportLab and QtPdf load on the first print, not at start-up.
        from desktop.documents import minutes_title, signin_title, write_minutes, write_signin_sheet
        from desktop.ui.print_preview import preview_document

        rows = self.selected_rows()
        if len(rows) != 1:
            return
        try:
            meeting = meetings.get_meeting(self.ctx.db, rows[0].id)
        except NotFoundError:
            return
        hood = neighborhood.get_neighborhood(self.ctx.db).name
        data_dir = self.ctx.data_dir
        if which == "signin":
            title = signin_title(meeting, hood)

            def write_signin(out):  # full names: the audit log notes the sheet
                written = write_signin_sheet(meeting, hood, out)
                audit.record(data_dir, AuditEvent.PRINT_ARCHIVE, kind="signin", ids=[meeting.id])
                return written

            preview_document(self, title, write_signin)
        else:
            public = which == "public"
            title = minutes_title(meeting, hood)
            if public:
                title += translate("MeetingsPage", " (notice board)")
            db, owners = self.ctx.db, [a.owner for a in meeting.actions]

            def write(out):  # on a pool thread: the roster is looked up there too
                residents = people.roster_names(db, owners) if public else set()
                written = write_minutes(meeting, hood, out, public=public, residents=residents)
                if not public:  # names and phones in full: the audit log notes it
                    audit.record(
                        data_dir, AuditEvent.PRINT_ARCHIVE, kind="minutes", ids=[meeting.id]
                    )
                return written

            preview_document(self, title, write)
