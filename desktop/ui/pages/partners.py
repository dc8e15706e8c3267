"""共建单位: the partner units; for the selected one its 三个一 tracker for a chosen year,
its activities that year and its agreements. The unit itself is edited with the
organization dialog."""

from datetime import date
from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.partners import (
    Agreement,
    Partner,
    PartnerActivity,
    PartnerActivityKind,
    PartnerTracker,
    QuotaCell,
)
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import organizations, partners, projects
from desktop.ui.columns import ColumnFitter, ColumnPlan
from desktop.ui.context import AppContext
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.dialogs.partner_activity import ActivityDialog
from desktop.ui.dialogs.partner_agreement import AgreementDialog
from desktop.ui.i18n import translate
from desktop.ui.operations import change
from desktop.ui.pages.list_page import details_links, details_table
from desktop.ui.partner_labels import (
    STATE_COLOURS,
    activity_kind_label,
    partner_type_label,
    quota_state_label,
)
from desktop.ui.phones import Phone, PhoneReveal
from desktop.ui.widgets import EmptyState, confirm, count_text, make_short_table

WATCHED = {
    k.value
    for k in (
        RecordKind.ORGANIZATION,
        RecordKind.PARTNER_AGREEMENT,
        RecordKind.PARTNER_ACTIVITY,
        RecordKind.NEED,
        RecordKind.PROJECT,
    )
}
YEARS_BACK = 4
UNITS_WIDTH_EM = 8  # the list is at least this many characters wide, else as its longest name
UNITS_ROWS_ABOVE = 4  # names shown at once when the list goes above the figures


def first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


class PartnersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.partner_list: list[Partner] = []
        self.activities: list[PartnerActivity] = []
        self.agreements: list[Agreement] = []
        self.tracked: PartnerTracker | None = None
        # (list above the figures, list width) as last arranged; None until then
        self._arrangement: tuple[bool, int] | None = None

        # Built in the order they appear on the page: Tab walks them so.
        self._build_toolbar()
        top = self._build_top()
        self._build_unit_heading()
        self._build_tables()
        self._build_details()
        self._lay_out(top)
        ctx.events.data_changed.connect(lambda kind: kind in WATCHED and self.reload())
        self.grid.columns.fitted.connect(self._arrange)  # the quarters widen at 特大
        self.reload()
        self._arrange()

    def _build_toolbar(self) -> None:
        """The unit's actions, then those of its activities and agreements."""
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_unit_action = QAction(translate("PartnersPage", "New partner unit"), self)
        self.edit_unit_action = QAction(translate("PartnersPage", "Edit unit"), self)
        self.new_activity_action = QAction(translate("PartnersPage", "Record activity"), self)
        self.new_agreement_action = QAction(translate("PartnersPage", "Record agreement"), self)
        self.edit_action = QAction(translate("PartnersPage", "Edit"), self)
        self.delete_action = QAction(translate("PartnersPage", "Delete"), self)
        for action, slot in (
            (self.new_unit_action, self.create_unit),
            (self.edit_unit_action, self.edit_unit),
            (None, None),
            (self.new_activity_action, self.create_activity),
            (self.new_agreement_action, self.create_agreement),
            (self.edit_action, self.edit_selected),
            (self.delete_action, self.delete_selected),
        ):
            if action is None:
                self.toolbar.addSeparator()
                continue
            action.triggered.connect(slot)
            self.toolbar.addAction(action)

    def _build_top(self) -> QHBoxLayout:
        """The toolbar, the year the figures count and how many units there are."""
        self.year = QComboBox()
        this_year = date.today().year
        for year in range(this_year, this_year - YEARS_BACK, -1):
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.show_partner())
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        top = QHBoxLayout()
        top.addWidget(self.toolbar)
        top.addStretch()
        top.addWidget(QLabel(translate("PartnersPage", "Year")))
        top.addWidget(self.year)
        top.addWidget(self.count_label)
        return top

    def _build_unit_heading(self) -> None:
        """The list of units; the chosen unit's name and its quarter figures."""
        self.units = QListWidget()
        self.units.currentRowChanged.connect(lambda _r: self.show_partner())
        self.units.itemActivated.connect(lambda _i: self.edit_unit())
        self.heading = QLabel()
        self.heading.setObjectName("partnerHeading")
        # Rich text for “显示完整号码” beside the contact's masked phone; every part escaped.
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.linkActivated.connect(self._heading_link)
        self.phones = PhoneReveal(self.ctx.events)
        self.grid = self._tracker_table()

    def _build_tables(self) -> None:
        """The unit's activities and agreements, one tab each."""
        self.activity_table = self._table(
            [
                translate("PartnersPage", "Date"),
                translate("PartnersPage", "Kind"),
                translate("PartnersPage", "What was done"),
                translate("PartnersPage", "Participants"),
                translate("PartnersPage", "Linked"),
            ],
            ColumnPlan(stretch=2, elide=frozenset({2, 3})),
        )
        self.agreement_table = self._table(
            [
                translate("PartnersPage", "Signed on"),
                translate("PartnersPage", "Term"),
                translate("PartnersPage", "Content"),
            ],
            ColumnPlan(stretch=2, elide=frozenset({2})),
        )
        self.activity_table.itemSelectionChanged.connect(self._activity_selected)
        self.agreement_table.itemSelectionChanged.connect(self._buttons)
        self.activity_table.itemActivated.connect(lambda _i: self.edit_selected())
        self.agreement_table.itemActivated.connect(lambda _i: self.edit_selected())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.activity_table, "")
        self.tabs.addTab(self.agreement_table, "")
        self.tabs.currentChanged.connect(lambda _i: self._buttons())

    def _build_details(self) -> None:
        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link_clicked)
        self.details.setMaximumHeight(170)

    def _lay_out(self, top: QHBoxLayout) -> None:
        """The units beside their figures, or the empty state when there are none."""
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.grid)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.details)
        self.empty = EmptyState()
        self.empty.button.clicked.connect(self.create_unit)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.units)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """The units beside their figures when both fit whole; on a narrow window at a large
        text size the list goes above them, so no name and no quarter is cut."""
        em = self.fontMetrics().horizontalAdvance("国")
        metrics = self.units.fontMetrics()
        names = (self.units.item(row).text() for row in range(self.units.count()))
        longest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        extras = 2 * self.units.frameWidth() + self.units.verticalScrollBar().sizeHint().width()
        units_width = max(longest + extras + em, UNITS_WIDTH_EM * em)
        beside = units_width + self.splitter.handleWidth() + self.grid.minimumWidth() + 2 * em
        vertical = self.width() < beside
        arrangement = (vertical, units_width)
        if arrangement == self._arrangement:
            return
        self._arrangement = arrangement
        self.units.setMinimumWidth(0 if vertical else units_width)
        if vertical:  # a few names, then the figures
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            rows = min(max(self.units.count(), 2), UNITS_ROWS_ABOVE)
            height = rows * max(self.units.sizeHintForRow(0), em) + 2 * self.units.frameWidth()
            self.splitter.setSizes([height, 10 * height])
        else:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.splitter.setSizes([units_width, 3 * units_width])

    # -- building blocks ------------------------------------------------------------------
    def _table(self, headers: list[str], plan: ColumnPlan) -> QTableWidget:
        table = make_short_table(headers)
        table.setWordWrap(False)
        table.columns = ColumnFitter(table, plan)  # widths from the font and the rows
        return table

    def _tracker_table(self) -> QTableWidget:
        """Rows: pairing, service, mediation; columns Q1–Q4 (mediation spans the year)."""
        grid = QTableWidget(3, 4)
        grid.setObjectName("quotaTracker")
        grid.setHorizontalHeaderLabels(
            [translate("PartnersPage", "Q{quarter}").format(quarter=q) for q in (1, 2, 3, 4)]
        )
        grid.setVerticalHeaderLabels(
            [
                activity_kind_label(PartnerActivityKind.PAIRING),
                activity_kind_label(PartnerActivityKind.PRACTICAL_SERVICE),
                translate("PartnersPage", "Dispute mediation (year)"),
            ]
        )
        grid.setSpan(2, 0, 1, 4)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        grid.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Quarters as wide as their words, rows as tall as the text size; set again at 特大.
        grid.columns = ColumnFitter(grid)
        grid.columns.fitted.connect(
            lambda: grid.setFixedHeight(
                grid.horizontalHeader().sizeHint().height() + 3 * grid.rowHeight(0) + 4
            )
        )
        grid.columns.fit()
        return grid

    def _set_cell(self, row: int, column: int, cell: QuotaCell | None) -> None:
        if cell is None:
            self.grid.setItem(row, column, QTableWidgetItem(""))
            return
        item = QTableWidgetItem(quota_state_label(cell.state, cell.count))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setData(Qt.ItemDataRole.UserRole, cell.state.value)
        foreground, background = STATE_COLOURS[cell.state]
        item.setForeground(QBrush(QColor(foreground)))
        item.setBackground(QBrush(QColor(background)))
        self.grid.setItem(row, column, item)

    # -- state ----------------------------------------------------------------------------
    def current_partner(self) -> Partner | None:
        row = self.units.currentRow()
        return self.partner_list[row] if 0 <= row < len(self.partner_list) else None

    def reload(self) -> None:
        keep = self.current_partner()
        self.partner_list = partners.list_partners(self.ctx.db)
        self.units.blockSignals(True)
        self.units.clear()
        for p in self.partner_list:
            kind = f"（{partner_type_label(p.partner_type)}）" if p.partner_type else ""
            item = QListWidgetItem(f"{p.name}{kind}", self.units)
            item.setToolTip(item.text())  # the whole name where the list is narrow
        self.units.blockSignals(False)
        self._arrange()  # a longer name may need the list above the figures
        self.count_label.setText(count_text(len(self.partner_list)))
        if not self.partner_list:
            self.empty.show_message(
                translate(
                    "PartnersPage",
                    'No partner units yet. Click "New partner unit" to add the agencies, '
                    "enterprises and schools paired with the branch.",
                ),
                translate("PartnersPage", "New partner unit"),
            )
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentIndex(0)
        ids = [p.id for p in self.partner_list]
        self.units.setCurrentRow(ids.index(keep.id) if keep and keep.id in ids else 0)
        self.show_partner()

    def show_partner(self) -> None:
        partner = self.current_partner()
        year = self.year.currentData()
        if partner is None:
            self.tracked, self.activities, self.agreements = None, [], []
        else:
            try:
                self.tracked = partners.partner_tracker(self.ctx.db, partner.id, year)
            except NotFoundError:
                self.tracked = None
            self.activities = partners.list_activities(self.ctx.db, partner.id, year)
            self.agreements = partners.list_agreements(self.ctx.db, partner.id)
        self._show_heading(partner)
        self._show_tracker()
        self._show_activities()
        self._show_agreements()
        self.tabs.setTabText(
            0,
            translate("PartnersPage", "Activities in {year} ({count})").format(
                year=year, count=len(self.activities)
            ),
        )
        self.tabs.setTabText(
            1, translate("PartnersPage", "Agreements ({count})").format(count=len(self.agreements))
        )
        self._activity_selected()

    def _show_heading(self, partner: Partner | None) -> None:
        if partner is None:
            self.phones.forget()
            self.heading.setText("")
            return
        kind = RecordKind.ORGANIZATION.value  # a partner unit is an organization of the roster
        self.heading.setText(
            self.phones.render(kind, partner.id, lambda: self._heading_html(partner))
        )

    @staticmethod
    def _heading_html(partner: Partner) -> str:
        """The unit's name, type, contact and phone (masked unless shown whole)."""
        parts = [escape(partner.name)]
        if partner.partner_type:
            parts.append(escape(partner_type_label(partner.partner_type)))
        contact = [escape(partner.contact_name)] if partner.contact_name else []
        if partner.phone:
            contact.append(Phone(partner.phone).html(inline=True))
        if contact:
            parts.append(" ".join(contact))
        return " · ".join(parts)

    def _heading_link(self, link: str) -> None:
        """“显示完整号码” in the heading: the chosen unit's phone whole until another is chosen."""
        partner = self.current_partner()
        if partner is not None and PhoneReveal.is_reveal_link(link):
            self.phones.reveal(RecordKind.ORGANIZATION.value, partner.id)
            self._show_heading(partner)

    def _show_tracker(self) -> None:
        t = self.tracked
        for q in range(4):
            cells = t.quarters[q] if t else None
            self._set_cell(0, q, cells.pairing if cells else None)
            self._set_cell(1, q, cells.practical_service if cells else None)
        self._set_cell(2, 0, t.dispute_mediation if t else None)

    def _show_activities(self) -> None:
        table = self.activity_table
        table.setRowCount(len(self.activities))
        for row, a in enumerate(self.activities):
            links = len(a.need_ids) + len(a.project_ids)
            values = [
                format_date(a.held_on),
                activity_kind_label(a.kind),
                first_line(a.description),
                first_line(a.participants),
                str(links) if links else "",
            ]
            for column, text in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(text))

    def _show_agreements(self) -> None:
        table = self.agreement_table
        table.setRowCount(len(self.agreements))
        for row, a in enumerate(self.agreements):
            term = (
                f"{format_date(a.term_start)} – {format_date(a.term_end)}"
                if a.term_start or a.term_end
                else ""
            )
            for column, text in enumerate([format_date(a.signed_on), term, first_line(a.content)]):
                table.setItem(row, column, QTableWidgetItem(text))

    def _selected(self) -> PartnerActivity | Agreement | None:
        if self.tabs.currentIndex() == 0:
            row, items = self.activity_table.currentRow(), self.activities
            chosen = self.activity_table.selectedItems()
        else:
            row, items = self.agreement_table.currentRow(), self.agreements
            chosen = self.agreement_table.selectedItems()
        return items[row] if chosen and 0 <= row < len(items) else None

    def _buttons(self) -> None:
        has_partner = self.current_partner() is not None
        for action in (self.edit_unit_action, self.new_activity_action, self.new_agreement_action):
            action.setEnabled(has_partner)
        selected = self._selected() is not None
        self.edit_action.setEnabled(selected)
        self.delete_action.setEnabled(selected)

    def _activity_selected(self) -> None:
        self._buttons()
        selected = self._selected()
        if isinstance(selected, PartnerActivity):
            self.details.setHtml(self._activity_html(selected))
        elif isinstance(selected, Agreement):
            self.details.setHtml(
                details_table(
                    translate("PartnersPage", "Agreement signed {date}").format(
                        date=format_date(selected.signed_on)
                    ),
                    [(translate("PartnersPage", "Content"), selected.content)],
                )
            )
        else:
            self.details.setHtml("")

    def _activity_html(self, a: PartnerActivity) -> str:
        lines = [
            (translate("PartnersPage", "Date"), format_date(a.held_on)),
            (translate("PartnersPage", "Participants"), a.participants),
            (translate("PartnersPage", "What was done"), a.description),
        ]
        need_titles = projects.need_titles(self.ctx.db, a.need_ids)
        project_titles = partners.project_titles(self.ctx.db, a.project_ids)
        return (
            details_table(activity_kind_label(a.kind), lines)
            + details_links(
                translate("PartnersPage", "Needs it answers"),
                RecordKind.NEED.value,
                list(need_titles.items()),
            )
            + details_links(
                translate("PartnersPage", "Projects"),
                RecordKind.PROJECT.value,
                list(project_titles.items()),
            )
        )

    def _link_clicked(self, url: QUrl) -> None:
        kind, _sep, record_id = url.toString().partition(":")
        if record_id.isdigit():
            self.ctx.events.record_requested.emit(kind, int(record_id))

    def open_record(self, organization_id: int) -> None:
        """Show a partner unit (from the home page's warning)."""
        ids = [p.id for p in self.partner_list]
        if organization_id not in ids:
            self.reload()
            ids = [p.id for p in self.partner_list]
        if organization_id in ids:
            self.year.setCurrentIndex(0)
            self.units.setCurrentRow(ids.index(organization_id))

    # -- actions --------------------------------------------------------------------------
    def create_unit(self) -> None:
        dialog = OrganizationDialog(self.ctx, parent=self)
        dialog.kind.setCurrentIndex(dialog.kind.findData(OrganizationKind.PARTNER_UNIT))
        dialog._dirty = False  # the preset kind is not a change to ask about
        self._run_unit_dialog(dialog)

    def edit_unit(self) -> None:
        partner = self.current_partner()
        if partner is None:
            return
        try:
            org: Organization = organizations.get_organization(self.ctx.db, partner.id)
        except NotFoundError:
            self.reload()
            return
        self._run_unit_dialog(OrganizationDialog(self.ctx, org, parent=self))

    def _run_unit_dialog(self, dialog: OrganizationDialog) -> None:
        if run_form(dialog):
            ids = [p.id for p in self.partner_list]
            if dialog.saved.id in ids:
                self.units.setCurrentRow(ids.index(dialog.saved.id))

    def create_activity(self) -> None:
        partner = self.current_partner()
        if partner is None:
            return
        year = self.year.currentData()
        today = date.today()
        held_on = today if year == today.year else date(year, 12, 31)
        self._run(
            ActivityDialog(
                self.ctx,
                PartnerActivity(partner.id, _next_kind(self.tracked), held_on),
                parent=self,
            )
        )

    def create_agreement(self) -> None:
        partner = self.current_partner()
        if partner is not None:
            self._run(AgreementDialog(self.ctx, Agreement(partner.id), parent=self))

    def edit_selected(self) -> None:
        selected = self._selected()
        if isinstance(selected, PartnerActivity):
            self._run(ActivityDialog(self.ctx, selected, parent=self))
        elif isinstance(selected, Agreement):
            self._run(AgreementDialog(self.ctx, selected, parent=self))

    def _run(self, dialog: ActivityDialog | AgreementDialog) -> None:
        run_form(dialog)

    def delete_selected(self) -> None:
        selected = self._selected()
        if selected is None or selected.id is None:
            return
        if not confirm(
            self,
            translate("PartnersPage", "Move to trash"),
            translate(
                "PartnersPage",
                "Move this record to the trash? You can restore it from the Trash page.",
            ),
        ):
            return
        delete = (
            partners.delete_activities
            if isinstance(selected, PartnerActivity)
            else partners.delete_agreements
        )
        change(self.ctx.events, self, lambda: delete(self.ctx.db, [selected.id]))


def _next_kind(tracked: PartnerTracker | None) -> PartnerActivityKind:
    """The new activity's kind: what the current quarter still lacks, pairing first."""
    if tracked is not None:
        today = date.today()
        if tracked.year == today.year:
            cells = tracked.quarters[(today.month - 1) // 3]
            if cells.pairing.count and not cells.practical_service.count:
                return PartnerActivityKind.PRACTICAL_SERVICE
    return PartnerActivityKind.PAIRING
