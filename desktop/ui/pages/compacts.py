"""邻里公约: drafted, adopted at a deliberation meeting, revised, printed and posted."""

from functools import partial
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from desktop.domain.compact_templates import TEMPLATES
from desktop.domain.compacts import Chapter, Compact, CompactRow, CompactState, CompactVersion
from desktop.domain.dates import format_date
from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.services import compacts, neighborhood
from desktop.ui.context import AppContext
from desktop.ui.dialogs.compact import AdoptDialog, CompactEditor, CompareDialog
from desktop.ui.dialogs.form import run_form
from desktop.ui.i18n import translate
from desktop.ui.models.compacts import CompactTableModel, state_label
from desktop.ui.pages.list_page import ListPage, Records, details_table


def branch_name(ctx: AppContext) -> str:
    name = neighborhood.get_neighborhood(ctx.db).name
    return f"{name}党支部" if name.endswith("小区") else f"{name}小区党支部"


class CompactsPage(ListPage):
    model_class = CompactTableModel
    kind = RecordKind.COMPACT
    reloads_on = (RecordKind.COMPACT, RecordKind.MEETING)
    records = Records(form=None, fetch=compacts.get_compact, delete=compacts.delete_compacts)

    context = "CompactsPage"
    search_hint = QT_TRANSLATE_NOOP("CompactsPage", "Search compact title")
    trashed_text = QT_TRANSLATE_NOOP("CompactsPage", "{count} compact(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "CompactsPage",
        'No compacts yet. Click "New" to start one from a template (civilized dog keeping, '
        "parking, waste sorting, noise and renovation, shared spaces) or from a blank page.",
    )

    def add_tools(self) -> None:
        self.adopt_action = QAction(translate("CompactsPage", "Record adoption…"), self)
        self.revise_action = QAction(translate("CompactsPage", "Start a revision"), self)
        self.compare_action = QAction(translate("CompactsPage", "Compare versions…"), self)
        self.adopt_action.triggered.connect(self.adopt)
        self.revise_action.triggered.connect(self.revise)
        self.compare_action.triggered.connect(self.compare)
        self.print_menu = QMenu(self)
        for label, which in (
            (translate("CompactsPage", "Compact (A4)"), "A4"),
            (translate("CompactsPage", "Poster for the lobby (A3)"), "A3"),
            (translate("CompactsPage", "Household signing sheet"), "signing"),
        ):
            self.print_menu.addAction(label).triggered.connect(
                lambda _checked=False, w=which: self.print_selected(w)
            )
        self.print_action = QAction(translate("CompactsPage", "Print"), self)
        self.print_action.setMenu(self.print_menu)
        self.print_action.triggered.connect(lambda: self.print_selected("A4"))
        self.toolbar.addSeparator()
        for action in (
            self.adopt_action,
            self.revise_action,
            self.compare_action,
            self.print_action,
        ):
            self.toolbar.addAction(action)

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        self.adopt_action.setEnabled(one is not None and one.state is not CompactState.ADOPTED)
        self.revise_action.setEnabled(one is not None and one.state is CompactState.ADOPTED)
        self.compare_action.setEnabled(
            (one is not None and one.version > 1)
            or (one is not None and one.state is CompactState.REVISING)
        )
        self.print_action.setEnabled(one is not None)

    def details_html(self, row: CompactRow, c: Compact) -> str:
        shown = c.draft or c.current
        lines = [(translate("CompactsPage", "State"), state_label(c.state))]
        for v in c.versions:
            when = (
                format_date(v.adoption.adopted_on)
                if v.adoption
                else translate("CompactsPage", "draft")
            )
            lines.append((translate("CompactsPage", "Version {n}").format(n=v.number), when))
        html = details_table(c.title, lines)
        if shown is not None:
            items, heading = [], None
            for h, label, text in shown.numbered():
                if h and h != heading:
                    items.append(f"<li><b>{escape(h)}</b></li>")
                    heading = h
                items.append(f"<li>{escape(label)}　{escape(text)}</li>")
            html += f"<ul>{''.join(items)}</ul>"
        return html

    def create_record(self) -> None:
        blank = translate("CompactsPage", "A blank page")
        choices = [*TEMPLATES, blank]
        choice, ok = QInputDialog.getItem(
            self,
            translate("CompactsPage", "New compact"),
            translate("CompactsPage", "Start from:"),
            choices,
            0,
            False,
        )
        if not ok:
            return
        if choice == blank:
            draft = CompactVersion(
                1,
                translate("CompactsPage", "Neighborhood compact"),
                chapters=[Chapter("", [translate("CompactsPage", "(first article)")])],
            )
            create = partial(compacts.create_compact, self.ctx.db, draft)
        else:
            create = partial(compacts.create_from_template, self.ctx.db, choice)
        self.change(create, lambda compact: self.open_record(compact.id or 0))

    def open_fetched(self, compact: Compact) -> None:
        compact_id = compact.id or 0
        if compact.draft is None:
            answer = QMessageBox.question(
                self,
                compact.title,
                translate(
                    "CompactsPage",
                    "This compact has been adopted and cannot be changed. "
                    "Start a revision (a new draft from the adopted text)?",
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.change(lambda: compacts.start_revision(self.ctx.db, compact_id), self._edit_draft)
            return
        self._edit_draft(compact)

    def _edit_draft(self, compact: Compact) -> None:
        assert compact.draft is not None and compact.id is not None
        run_form(CompactEditor(self.ctx, compact.id, compact.draft, self))

    def adopt(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        compact = compacts.get_compact(self.ctx.db, rows[0].id)
        if compact.draft is None:
            return
        dialog = AdoptDialog(self.ctx, self)
        if not dialog.exec():
            return
        adoption, number = dialog.adoption(), compact.draft.number
        self.change(
            lambda: compacts.adopt(self.ctx.db, rows[0].id, number, adoption),
            # The adopt dialog checked the adoption; a draft changed meanwhile stays a draft.
            on_failure=lambda error: isinstance(error, (ValidationError, DomainError)),
        )

    def revise(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.open_record(rows[0].id)

    def compare(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        compact = compacts.get_compact(self.ctx.db, rows[0].id)
        if len(compact.versions) >= 2:
            CompareDialog(compact.versions, self).exec()

    def print_selected(self, which: str) -> None:
        """The compact (A4 or an A3 poster) or the household signing sheet, via the preview."""
        from desktop.ui.print_preview import preview_document  # QtPdf loads on first print

        rows = self.selected_rows()
        if len(rows) != 1:
            return
        compact = compacts.get_compact(self.ctx.db, rows[0].id)
        version = compact.current or compact.draft
        if version is None:
            return
        branch = branch_name(self.ctx)
        from desktop.documents.compact import write_compact
        from desktop.documents.signing import write_signing_sheet

        if which == "signing":
            homes = compacts.households(self.ctx.db)
            preview_document(
                self,
                f"《{version.title}》住户签署表",
                lambda out: write_signing_sheet(version, branch, homes, out),
            )
        else:
            preview_document(
                self, version.title, lambda out: write_compact(version, branch, out, paper=which)
            )
