"""业委会与物业: the owners' committee's terms with their members and the 50% verdict,
cross-appointments (交叉任职), and the branch's evaluations of the committee and the property
company (新建评价 / 打印). A few dozen records at most, so plain table widgets suffice."""

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.committee import (
    CommitteeTerm,
    CrossAppointment,
    EvaluationRow,
    format_average,
    period_label,
)
from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.services import committee, evaluations, neighborhood
from desktop.store.database import Database
from desktop.ui.columns import ColumnFitter, ColumnPlan, em
from desktop.ui.context import AppContext
from desktop.ui.dialogs.committee_term import CommitteeTermDialog, verdict_text
from desktop.ui.dialogs.cross_appointment import CrossAppointmentDialog
from desktop.ui.dialogs.evaluation import EvaluationDialog
from desktop.ui.dialogs.form import RecordForm, run_form
from desktop.ui.i18n import translate
from desktop.ui.labels import organization_kind_label
from desktop.ui.operations import change
from desktop.ui.pages.list_page import add_record_actions, details_table, no_selection_html
from desktop.ui.widgets import confirm, count_text, make_short_table

WATCHED = {
    k.value
    for k in (
        RecordKind.COMMITTEE_TERM,
        RecordKind.CROSS_APPOINTMENT,
        RecordKind.EVALUATION,
        RecordKind.ORGANIZATION,
        RecordKind.PERSON,
    )
}


@dataclass(frozen=True)
class SectionRecords:
    """How a tab's records are opened and deleted: the form, built as form(ctx, record or
    None, parent=page); the service reading one again before it is edited (None: the listed
    row is the whole record); the one deleting it by id; and the question asked first
    (QT_TRANSLATE_NOOP in CommitteePage)."""

    form: Callable[..., RecordForm]
    fetch: Callable[[Database, int], Any] | None
    delete: Callable[[Database, int], Any]
    question: str


class Section(QWidget):
    """Toolbar (新建 · 编辑 · 删除 …), a table, a count and a details pane."""

    def __init__(
        self,
        headers: list[str],
        empty: str,
        records: SectionRecords,
        plan: ColumnPlan | None = None,
    ) -> None:
        super().__init__()
        self.records = records
        self.rows: list[Any] = []
        self.empty_text = empty
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action, self.edit_action, self.delete_action = add_record_actions(
            self, self.toolbar
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.table = make_short_table(headers)
        self.columns = ColumnFitter(self.table, plan)  # widths from the font and the rows
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([40 * em(self.font()), 14 * em(self.font())])
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        top.addStretch()
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details_of: Callable[[Any], str] = lambda _row: ""

    def fill(self, rows: list[Any], cells: Callable[[Any], list[str]], keep: int | None) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(cells(row)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.count_label.setText(count_text(len(rows)))
        chosen = next((r for r, row in enumerate(rows) if row.id == keep), None)
        if chosen is not None:
            self.table.selectRow(chosen)
        self._selection_changed()

    def current(self) -> Any | None:
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def select_id(self, record_id: int) -> bool:
        for r, row in enumerate(self.rows):
            if row.id == record_id:
                self.table.selectRow(r)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.current()
        for action in self.toolbar.actions():
            if action is not self.new_action:
                action.setEnabled(row is not None)
        if row is not None:
            self.details.setHtml(self.details_of(row))
        else:
            self.details.setHtml(
                f"<p style='color:#555'>{escape(self.empty_text)}</p>"
                if not self.rows
                else no_selection_html()
            )


class CommitteePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._make_sections()
        self.print_action = QAction(translate("CommitteePage", "Print"), self)
        self.print_action.triggered.connect(self.print_evaluation)
        self.evaluations.toolbar.addSeparator()
        self.evaluations.toolbar.addAction(self.print_action)
        self.terms.details_of = self._term_html
        self.appointments.details_of = self._appointment_html
        self.evaluations.details_of = self._evaluation_html
        for section in (self.terms, self.appointments, self.evaluations):
            section.new_action.triggered.connect(lambda _on=False, s=section: self.create(s))
            section.edit_action.triggered.connect(lambda _on=False, s=section: self.edit(s))
            section.delete_action.triggered.connect(lambda _on=False, s=section: self.delete(s))
            # Enter or double-click
            section.table.activated.connect(lambda _index, s=section: self.edit(s))
        self.notice = QLabel(wordWrap=True)
        self.notice.setObjectName("emptyLabel")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.terms, translate("CommitteePage", "Committee terms"))
        self.tabs.addTab(self.appointments, translate("CommitteePage", "Cross-appointments"))
        self.tabs.addTab(self.evaluations, translate("CommitteePage", "Evaluations"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        ctx.events.data_changed.connect(lambda kind: kind in WATCHED and self.reload())
        self.reload()

    def _make_sections(self) -> None:
        """The three tabs: committee terms, cross-appointments, evaluations."""
        self.terms = Section(
            [
                translate("CommitteePage", "Committee"),
                translate("CommitteePage", "Formed on"),
                translate("CommitteePage", "Term"),
                translate("CommitteePage", "Members"),
                translate("CommitteePage", "Party members"),
            ],
            translate(
                "CommitteePage",
                'No committee terms yet. Click "New" to record the current term and its members.',
            ),
            SectionRecords(
                CommitteeTermDialog,
                committee.get_term,
                committee.delete_term,
                QT_TRANSLATE_NOOP(
                    "CommitteePage",
                    "Delete this committee term and its list of members? This cannot be undone.",
                ),
            ),
            # The share of party members is what the page is for: right after the name.
            ColumnPlan(order=(0, 4, 3, 1, 2), stretch=0, elide=frozenset({0})),
        )
        self.appointments = Section(
            [
                translate("CommitteePage", "Person"),
                translate("CommitteePage", "Post in the branch"),
                translate("CommitteePage", "Serves at"),
                translate("CommitteePage", "Post there"),
                translate("CommitteePage", "Period"),
            ],
            translate("CommitteePage", 'No cross-appointments yet. Click "New" to record one.'),
            SectionRecords(
                CrossAppointmentDialog,
                None,
                committee.delete_cross_appointment,
                QT_TRANSLATE_NOOP(
                    "CommitteePage", "Delete this cross-appointment? This cannot be undone."
                ),
            ),
        )
        self.evaluations = Section(
            [
                translate("CommitteePage", "Organization"),
                translate("CommitteePage", "Kind"),
                translate("CommitteePage", "Period"),
                translate("CommitteePage", "Evaluated on"),
                translate("CommitteePage", "Average"),
            ],
            translate(
                "CommitteePage",
                'No evaluations yet. Click "New" to evaluate the property company or the '
                "owners' committee.",
            ),
            SectionRecords(
                EvaluationDialog,
                evaluations.get_evaluation,
                lambda db, evaluation_id: evaluations.delete_evaluations(db, [evaluation_id]),
                QT_TRANSLATE_NOOP(
                    "CommitteePage",
                    "Move this evaluation to the trash? You can restore it from the Trash page.",
                ),
            ),
        )

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        orgs = committee.committee_organizations(self.ctx.db)
        self.notice.setVisible(not orgs)
        self.notice.setText(
            translate(
                "CommitteePage",
                "First add the owners' committee and the property company under "
                "People and organizations → Organizations.",
            )
        )
        for section in (self.terms, self.appointments, self.evaluations):
            section.new_action.setEnabled(bool(orgs))
        keep = [
            s.current().id if s.current() else None
            for s in (self.terms, self.appointments, self.evaluations)
        ]
        self.terms.fill(committee.list_terms(self.ctx.db), self._term_cells, keep[0])
        self.appointments.fill(
            committee.list_cross_appointments(self.ctx.db), self._appointment_cells, keep[1]
        )
        self.evaluations.fill(
            evaluations.list_evaluations(self.ctx.db), self._evaluation_cells, keep[2]
        )
        self.terms.new_action.setEnabled(any(o.kind.value == "owners_committee" for o in orgs))

    @staticmethod
    def _span(start, end) -> str:
        if start is None and end is None:
            return ""
        return (
            f"{format_date(start)} – {format_date(end)}"
            if end
            else (translate("CommitteePage", "{date} – now").format(date=format_date(start)))
        )

    def _term_cells(self, term: CommitteeTerm) -> list[str]:
        share = term.party_share
        verdict = (
            translate("CommitteePage", "meets the 50% rule")
            if share.meets_rule
            else translate("CommitteePage", "below 50%")
        )
        return [
            term.organization_name,
            format_date(term.formed_on),
            self._span(term.term_start, term.term_end),
            str(share.members),
            f"{share.party_members}（{share.percent}%）{verdict}",
        ]

    def _appointment_cells(self, a: CrossAppointment) -> list[str]:
        return [
            a.person_name,
            a.branch_post,
            a.organization_name,
            a.post,
            self._span(a.since, a.until),
        ]

    def _evaluation_cells(self, e: EvaluationRow) -> list[str]:
        return [
            e.organization_name,
            organization_kind_label(e.organization_kind),
            period_label(e.period),
            format_date(e.evaluated_on),
            format_average(e.average),
        ]

    # -- details ----------------------------------------------------------------------------
    def _term_html(self, term: CommitteeTerm) -> str:
        share = term.party_share
        colour = "#1e6b2e" if share.meets_rule else "#a31515"
        lines = [
            (translate("CommitteePage", "Formed on"), format_date(term.formed_on)),
            (translate("CommitteePage", "Term"), self._span(term.term_start, term.term_end)),
            (translate("CommitteePage", "Note"), term.note),
        ]
        yes, no = (
            translate("CommitteePage", "party member"),
            translate("CommitteePage", "not a party member"),
        )
        members = "".join(
            f"<tr><td>{escape(m.name)}</td><td>{escape(m.position)}</td>"
            f"<td>{escape(yes if m.is_party_member else no)}</td></tr>"
            for m in term.members
        )
        heading = translate("CommitteePage", "Members")
        return (
            details_table(term.organization_name, lines)
            + f"<p style='color:{colour}'><b>{escape(verdict_text(share))}</b></p>"
            + f"<h4>{escape(heading)}</h4>"
            + f"<table cellspacing='4'>{members}</table>"
        )

    def _appointment_html(self, a: CrossAppointment) -> str:
        return details_table(
            a.person_name,
            [
                (translate("CommitteePage", "Post in the branch"), a.branch_post),
                (translate("CommitteePage", "Serves at"), a.organization_name),
                (translate("CommitteePage", "Post there"), a.post),
                (translate("CommitteePage", "Period"), self._span(a.since, a.until)),
                (translate("CommitteePage", "Note"), a.note),
            ],
        )

    def _evaluation_html(self, row: EvaluationRow) -> str:
        try:
            e = evaluations.get_evaluation(self.ctx.db, row.id)
        except NotFoundError:
            return ""
        scores = "".join(
            f"<tr><td>{escape(s.criterion)}</td><td>{s.score}</td><td>{escape(s.comment)}</td></tr>"
            for s in e.scores
        )
        return (
            details_table(
                f"{e.organization_name} · {period_label(e.period)}",
                [
                    (translate("CommitteePage", "Evaluated on"), format_date(e.evaluated_on)),
                    (translate("CommitteePage", "Evaluators"), e.evaluators),
                    (translate("CommitteePage", "Average"), format_average(e.average)),
                    (translate("CommitteePage", "Overall comment"), e.comment),
                ],
            )
            + f"<table cellspacing='4'>{scores}</table>"
        )

    # -- actions ----------------------------------------------------------------------------
    def create(self, section: Section) -> None:
        """新建: when the form saved, the new record is selected."""
        dialog = section.records.form(self.ctx, parent=self)
        if run_form(dialog):
            section.select_id(dialog.saved.id or 0)

    def edit(self, section: Section) -> None:
        """编辑 the selected record, read again first; gone meanwhile, the lists reload."""
        record = section.current()
        if record is None:
            return
        if section.records.fetch is not None:
            try:
                record = section.records.fetch(self.ctx.db, record.id)
            except NotFoundError:
                self.reload()
                return
        run_form(section.records.form(self.ctx, record, parent=self))

    def delete(self, section: Section) -> None:
        current = section.current()
        if current is not None and confirm(
            self,
            translate("CommitteePage", "Delete"),
            translate("CommitteePage", section.records.question),
        ):
            change(self.ctx.events, self, lambda: section.records.delete(self.ctx.db, current.id))

    def print_evaluation(self) -> None:
        """Through the print preview; ReportLab and QtPdf load on the first print."""
        from desktop.documents.evaluation import evaluation_title, write_evaluation
        from desktop.ui.print_preview import preview_document

        current = self.evaluations.current()
        if current is None:
            return
        try:
            evaluation = evaluations.get_evaluation(self.ctx.db, current.id)
        except NotFoundError:
            return
        hood = neighborhood.get_neighborhood(self.ctx.db).name
        preview_document(
            self,
            evaluation_title(evaluation, hood),
            lambda out: write_evaluation(evaluation, hood, out),
        )

    def open_record(self, record_id: int) -> None:
        """Follow a link (e.g. from the home page) to a committee term."""
        self.tabs.setCurrentWidget(self.terms)
        self.terms.select_id(record_id)
