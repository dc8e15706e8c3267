"""The shape every list page shares (docs/ui.md, "Every list page looks the same"): toolbar,
search, filters, count, list, details."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from html import escape
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QEvent, QItemSelection, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.labels import word
from desktop.domain.ledger import LedgerKind
from desktop.store.database import Database
from desktop.ui.access import chain_tab_order, shortcut_tip
from desktop.ui.columns import ColumnFitter, em
from desktop.ui.context import AppContext
from desktop.ui.dialogs.form import RecordForm, run_form
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.i18n import translate
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.operations import change
from desktop.ui.phones import Phone, PhoneReveal
from desktop.ui.widgets import EmptyState, SearchBox, confirm, count_text, make_table_view

T = TypeVar("T")
Choice = tuple[str, Any]  # a filter's entry: its label and the value it filters on

DETAILS_EM = 16  # the details pane's width at first, in Chinese characters
DETAILS_MIN_EM = 8
DETAILS_SHARE = 0.3  # of the room beside the list, at most, until the secretary moves it


def pane_note_html(text: str) -> str:
    """A quiet line in an otherwise empty details pane."""
    return f"<p style='color:#595959; margin-top:24px' align='center'>{escape(text)}</p>"


def no_selection_html() -> str:
    """What the details pane says when no single record is chosen."""
    return pane_note_html(translate("ListPage", "Select a record to see its details"))


def refill_combo(combo: QComboBox, first: str, choices: Iterable[tuple[str, Any]]) -> None:
    """Fill a filter afresh (the buildings changed …), keeping the choice in force, quietly."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for label, value in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def labelled(
    values: Iterable[T], label: Callable[[T], str]
) -> Callable[[Database], Iterable[tuple[str, T]]]:
    """A filter's choices that are fixed: each value with its label."""
    return lambda _db: ((label(value), value) for value in values)


@dataclass(frozen=True)
class Filter:
    """A filter beside the search box, declared: the page attribute holding its widget, its
    text (QT_TRANSLATE_NOOP in the page's context, or in ``context``): a combo's first entry
    (all, no filter) or a check box's label; a combo's choices read from the database, each a
    label and its value, or fixed ones whose labels are texts like the first (None: a check
    box); the query field its value sets, or a function setting the query from it; and the
    kinds of change that fill its choices afresh."""

    name: str
    text: str
    choices: Callable[[Database], Iterable[Choice]] | tuple[Choice, ...] | None
    sets: str | Callable[[Any, Any], None]
    refill_on: tuple[RecordKind, ...] = ()
    context: str | None = None

    @classmethod
    def of_enum(cls, name: str, text: str, enum: type[Enum], sets: str) -> "Filter":
        """A combo offering every member of ``enum`` under its word, setting ``sets``."""
        return cls(name, text, labelled(enum, word), sets)

    @classmethod
    def of_two(cls, name: str, text: str, first: Choice, second: Choice, sets: str) -> "Filter":
        """A combo offering two fixed choices, each a text (QT_TRANSLATE_NOOP in the page's
        context) and its value."""
        return cls(name, text, (first, second), sets)

    @classmethod
    def check(cls, name: str, text: str, sets: str) -> "Filter":
        """A check box: ``sets`` is true while it is ticked."""
        return cls(name, text, None, sets)


@dataclass(frozen=True)
class Records:
    """How a list page's records are opened and moved to the trash: the record's form, built
    as form(ctx, record or None, parent=page); the service reading one record by id; the one
    moving records to the trash, saying how many it moved."""

    form: Callable[..., RecordForm] | None
    fetch: Callable[[Database, int], Any] | None
    delete: Callable[[Database, list[int]], int]


def add_record_actions(owner: QWidget, toolbar: QToolBar) -> tuple[QAction, QAction, QAction]:
    """新建 · 编辑 · 删除 with their keys (Ctrl+N, F2, Del), on the toolbar and the owner."""
    actions = (
        QAction(translate("ListPage", "New"), owner, shortcut=QKeySequence.StandardKey.New),
        QAction(translate("ListPage", "Edit"), owner, shortcut=QKeySequence(Qt.Key.Key_F2)),
        QAction(translate("ListPage", "Delete"), owner, shortcut=QKeySequence.StandardKey.Delete),
    )
    for action in actions:
        # In the whole window (the navigation too); a hidden page's or tab's are inactive.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(shortcut_tip(action))
        toolbar.addAction(action)
        owner.addAction(action)
    return actions


class ListPage(QWidget):
    """A page declares its records below and builds its own parts in the hooks; what is
    particular to it (a form that refuses final records …) it overrides."""

    model: PagedTableModel[Any]
    # The list's model, built as model_class(db, page).
    model_class: ClassVar[Callable[[Database, QWidget], PagedTableModel[Any]]]
    ledger: ClassVar[LedgerKind | None] = None  # 导入 · 导出 for a list with an Excel ledger
    reloads_on: ClassVar[tuple[RecordKind, ...]] = ()  # changes of these kinds re-read the list
    records: ClassVar[Records]
    kind: ClassVar[RecordKind]  # of the records listed: names one whose phones are shown whole
    # The page's texts, QT_TRANSLATE_NOOP(context, ...), read through translate(context, ...).
    context: ClassVar[str]
    search_hint: ClassVar[str]
    empty_text: ClassVar[str]
    trashed_text: ClassVar[str]  # the status bar's note after a delete, with {count}
    filter_specs: ClassVar[tuple[Filter, ...]] = ()  # left to right

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = self.model_class(ctx.db, self)
        self.phones = PhoneReveal(ctx.events)
        self.build(self.text(self.search_hint))
        if self.ledger is not None:
            self.add_ledger_actions(self.ledger)
        self.add_tools()
        for widget in self.make_filters():
            self.add_filter(widget)
        ctx.events.data_changed.connect(self.data_changed)
        self.reload()

    def build(self, search_hint: str) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action, self.edit_action, self.delete_action = add_record_actions(
            self, self.toolbar
        )
        self.new_action.triggered.connect(self.create_record)
        self.edit_action.triggered.connect(self._edit_current)
        self.delete_action.triggered.connect(self._delete_selected)

        self.search = SearchBox(search_hint)
        self.searched = ""  # the search text in force (typing is debounced)
        self.search.search_changed.connect(self._searched)
        self._filter_widgets: list[QComboBox | QCheckBox] = []
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        # The search box and the filters wrap to a second line when the window is narrow.
        self.filters = FlowLayout()
        self.filters.setContentsMargins(0, 0, 0, 0)
        self.filters.addWidget(self.search)
        top = QHBoxLayout()
        top.addWidget(self.toolbar, 1)
        top.addWidget(self.count_label)
        # The details pane folds away to give the list the room; the choice is remembered.
        self.details_toggle = QToolButton(checkable=True, checked=True, autoRaise=True)
        self.details_toggle.setText(translate("ListPage", "Details"))
        self.details_toggle.setToolTip(translate("ListPage", "Show or hide the details pane"))
        self.details_toggle.toggled.connect(self._details_toggled)
        top.addWidget(self.details_toggle)

        self.view = make_table_view()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)  # the header clicks below ask SQL to sort
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        # Widths from the font and a sample of the rows; order and hidden columns remembered.
        self.columns = ColumnFitter(self.view, self.model.plan, self.ctx.settings)
        self.view.activated.connect(lambda _index: self._edit_current())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = EmptyState()
        self.empty.button.clicked.connect(self._empty_action)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._link_clicked)
        self.details.setObjectName("details")
        self.details.setHtml(no_selection_html())
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)  # a wider window widens the list, not the pane
        self.splitter.setStretchFactor(1, 0)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._save_details_width())
        self._details_fitted = False
        self._fit_details()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filters)
        layout.addWidget(self.splitter, 1)
        self.order_tabs()

    # -- state ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read from SQL, keeping the selected record selected when it is still listed."""
        keep = {self.row_id(r) for r in self.selected_rows()}
        self.model.refresh()
        total = self.model.total()
        self.count_label.setText(count_text(total))
        if total:
            self.stack.setCurrentWidget(self.view)
        else:
            filtered = self.has_filters()
            self.empty.show_message(
                self.no_match_text() if filtered else self.text(self.empty_text),
                translate("ListPage", "Clear search and filters")
                if filtered
                else translate("ListPage", "New"),
            )
            self.stack.setCurrentWidget(self.empty)
        for row in range(self.model.rowCount()):
            if self.row_id(self.model.row_at(row)) in keep:
                self.view.selectRow(row)
                break
        self._selection_changed()

    def selected_rows(self) -> list[Any]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows if r < self.model.rowCount()]

    def _selection_changed(self, *_args: QItemSelection) -> None:
        rows = self.selected_rows()
        self.edit_action.setEnabled(len(rows) == 1)
        self.delete_action.setEnabled(bool(rows))
        if len(rows) == 1:
            self.details.setHtml(self._details_of(rows[0]))
            return
        self.phones.forget()
        if rows:
            text = translate("ListPage", "{count} records selected").format(count=len(rows))
            self.details.setHtml(pane_note_html(text))
        else:
            self.details.setHtml(no_selection_html())

    # -- the details pane -------------------------------------------------------------------
    def _settings_key(self, key: str) -> str:
        return f"{self.model.plan.name or type(self).__name__}/{key}"

    def _fit_details(self) -> None:
        """The pane's width is counted in characters, so it grows with 大 and 特大: as the
        secretary left it, or at first at most a third of the room (the list's first columns
        come first); shown or folded as she left it."""
        unit = em(self.font())
        self.details.setMinimumWidth(DETAILS_MIN_EM * unit)
        total = self.splitter.width() - self.splitter.handleWidth()
        try:
            width = round(
                float(self.ctx.settings.value(self._settings_key("details_width"))) * unit
            )
        except (TypeError, ValueError):
            width = min(DETAILS_EM * unit, round(total * DETAILS_SHARE))
        width = max(width, DETAILS_MIN_EM * unit)
        self.splitter.setSizes([max(total - width, 1), width])
        shown = self.ctx.settings.value(self._settings_key("details_shown"), "true") != "false"
        self.details_toggle.setChecked(shown)
        self.details.setVisible(shown)

    def _details_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.ctx.settings.setValue(self._settings_key("details_shown"), str(shown).lower())

    def _save_details_width(self) -> None:
        if self.details.isVisible():
            chars = self.splitter.sizes()[1] / em(self.font())
            self.ctx.settings.setValue(self._settings_key("details_width"), f"{chars:.1f}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and hasattr(self, "splitter"):
            self._fit_details()  # 设置 → 特大: the pane keeps its width in characters
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._details_fitted:  # the room is known once the page is first shown
            self._details_fitted = True
            self._fit_details()

    def add_ledger_actions(self, kind: LedgerKind) -> None:
        """导入 · 导出 for a list that has an Excel ledger."""
        from desktop.ui.ledger_actions import LedgerActions  # keeps start-up light

        self.ledger = LedgerActions(self.ctx, kind, self)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.ledger.import_action)
        self.toolbar.addAction(self.ledger.export_action)

    def status_message(self, text: str, timeout_ms: int = 8000) -> None:
        """A short note in the window's status bar (e.g. how many went to the trash)."""
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, timeout_ms)

    def _link_clicked(self, url: QUrl) -> None:
        """Links in the details pane look like ``needs:12``: open that record; “显示完整号码”
        shows the selected record's phones whole."""
        if PhoneReveal.is_reveal_link(url):
            self._reveal_phones()
            return
        kind, _sep, record_id = url.toString().partition(":")
        if record_id.isdigit():
            self.ctx.events.record_requested.emit(kind, int(record_id))

    def _reveal_phones(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.phones.reveal(self.kind.value, self.row_id(rows[0]))
            self.details.setHtml(self._details_of(rows[0]))

    def _edit_current(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.edit_record(rows[0])

    def _delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if confirm(
            self,
            translate("ListPage", "Move to trash"),
            translate(
                "ListPage",
                "Move {count} record(s) to the trash? You can restore them from the Trash page.",
            ).format(count=len(rows)),
        ):
            self.delete_records(rows)

    def _empty_action(self) -> None:
        if self.has_filters():
            self.search.clear()
            self.clear_filters()
            self._searched("")
        else:
            self.create_record()

    def order_tabs(self) -> QWidget:
        """Tab: the search box, the filters left to right, the list, then the details pane's
        switch just before the pane it folds. Returns the last (the window's status bar
        comes after it)."""
        chain_tab_order(
            [self.search, *self._filter_widgets, self.view, self.details_toggle, self.details]
        )
        return self.details

    # -- hooks ----------------------------------------------------------------------------
    def add_filter(self, widget: QComboBox | QCheckBox) -> None:
        """A filter beside the search box; changing it applies the filters at once."""
        self._filter_widgets.append(widget)
        self.filters.addWidget(widget)
        self.order_tabs()
        if isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on: self.apply_filters())
        else:
            widget.currentIndexChanged.connect(lambda _index: self.apply_filters())

    def _searched(self, text: str) -> None:
        self.searched = text
        self.set_search(text)

    def has_filters(self) -> bool:
        return bool(self.searched) or any(
            w.isChecked() if isinstance(w, QCheckBox) else w.currentIndex() > 0
            for w in self._filter_widgets
        )

    def clear_filters(self) -> None:
        for widget in self._filter_widgets:
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(False)
            else:
                widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.apply_filters()

    def text(self, source: str, context: str | None = None) -> str:
        """One of the page's declared texts, translated."""
        return translate(context or self.context, source)

    def make_filters(self) -> Sequence[QComboBox | QCheckBox]:
        """The filters beside the search box, left to right, as the page declares them."""
        widgets: list[QComboBox | QCheckBox] = []
        for spec in self.filter_specs:
            widget: QComboBox | QCheckBox
            if spec.choices is None:
                widget = QCheckBox(self.text(spec.text, spec.context))
            else:
                widget = QComboBox()
            setattr(self, spec.name, widget)
            self._fill_filter(spec)
            widgets.append(widget)
        return widgets

    def _fill_filter(self, spec: Filter) -> None:
        widget = getattr(self, spec.name)
        if isinstance(spec.choices, tuple):
            choices = [(self.text(label, spec.context), value) for label, value in spec.choices]
            refill_combo(widget, self.text(spec.text, spec.context), choices)
        elif spec.choices is not None:
            refill_combo(widget, self.text(spec.text, spec.context), spec.choices(self.ctx.db))

    def apply_filters(self) -> None:
        """Read the filter widgets into the model's query, then reload."""
        target = self.filtered()
        for spec in self.filter_specs:
            widget = getattr(self, spec.name)
            value = widget.isChecked() if isinstance(widget, QCheckBox) else widget.currentData()
            if isinstance(spec.sets, str):
                setattr(target, spec.sets, value)
            else:
                spec.sets(target, value)
        self.reload()

    def filtered(self) -> Any:
        """What the search and the filters set: the model's query, or the model itself."""
        return getattr(self.model, "query", self.model)

    def set_search(self, text: str) -> None:
        self.filtered().text = text
        self.reload()

    def data_changed(self, kind: str) -> None:
        for spec in self.filter_specs:
            if kind in {k.value for k in spec.refill_on}:
                self._fill_filter(spec)
        if kind in {k.value for k in self.reloads_on}:
            self.reload()

    def row_id(self, row: Any) -> int:
        return row.id

    def add_tools(self) -> None:
        """The page's own toolbar actions, after 新建 · 编辑 · 删除 (and the ledger's)."""

    def no_match_text(self) -> str:
        return translate("ListPage", "No record matches the search and filters.")

    def _details_of(self, row: Any) -> str:
        """The pane for one row, from its record read afresh (``records.fetch``; the row itself
        when the page reads none). A record gone meanwhile shows nothing: the change that
        removed it reloads the list. Its phones are masked unless she chose to show them."""
        if self.records.fetch is None:
            record = row
        else:
            try:
                record = self.records.fetch(self.ctx.db, self.row_id(row))
            except NotFoundError:
                return ""
        return self.phones.render(
            self.kind.value, self.row_id(row), lambda: self.details_html(row, record)
        )

    def details_html(self, row: Any, record: Any) -> str:
        raise NotImplementedError

    # -- the records: read, open in their form, moved to the trash -------------------------
    def make_form(self, record: Any | None, **options: Any) -> RecordForm:
        assert self.records.form is not None
        return self.records.form(self.ctx, record, parent=self, **options)

    def create_record(self) -> None:
        run_form(self.make_form(None))

    def edit_record(self, row: Any) -> None:
        self.open_record(self.row_id(row))

    def fetched(self, record_id: int) -> Any | None:
        """The record read afresh; a record gone meanwhile just leaves the list, refreshed."""
        try:
            assert self.records.fetch is not None
            return self.records.fetch(self.ctx.db, record_id)
        except NotFoundError:
            self.reload()
            return None

    def open_record(self, record_id: int) -> None:
        record = self.fetched(record_id)
        if record is not None:
            self.open_fetched(record)

    def open_fetched(self, record: Any) -> None:
        run_form(self.make_form(record))

    def delete_records(self, rows: list[Any]) -> None:
        ids = [self.row_id(r) for r in rows]
        self.change(
            lambda: self.records.delete(self.ctx.db, ids), lambda moved: self.trashed(moved, rows)
        )

    def trashed(self, moved: int, rows: list[Any]) -> None:
        self.status_message(self.text(self.trashed_text).format(count=moved))

    # -- changing data: always through the one change helper ---------------------------------
    def change(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_failure: Callable[[Exception], bool] | None = None,
    ) -> bool:
        return change(self.ctx.events, self, fn, on_done=on_done, on_failure=on_failure)


def details_table(title: str, lines: Sequence[tuple[str, str | Phone]]) -> str:
    """The details pane's HTML; every piece of user text is escaped. A ``Phone`` shows masked
    with “显示完整号码” beside it (phones.py)."""
    body = "".join(
        f"<tr><td style='color:#555;padding-right:10px'>{escape(label)}</td>"
        f"<td>{_cell_html(value)}</td></tr>"
        for label, value in lines
        if value
    )
    return f"<h3>{escape(title)}</h3><table cellspacing='4'>{body}</table>"


def _cell_html(value: str | Phone) -> str:
    if isinstance(value, Phone):
        return value.html()
    return escape(value).replace(chr(10), "<br>")


def details_links(heading: str, kind: str, items: list[tuple[int, str]]) -> str:
    """A section of clickable related records (the meeting that decided it, the project
    that answers it …); the text is escaped, the link carries only kind and id."""
    if not items:
        return ""
    links = "".join(
        f"<li><a href='{kind}:{record_id}'>{escape(label)}</a></li>" for record_id, label in items
    )
    return f"<h4>{escape(heading)}</h4><ul>{links}</ul>"
