"""Editing a compact's draft (articles added, moved, split, deleted — numbers follow), the
adoption vote, and the comparison of two versions."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.compacts import (
    VERSION_MAX_LENGTH,
    Adoption,
    ChangeKind,
    Chapter,
    CompactVersion,
    clean_version,
    compare,
    split_article,
    validate_version,
)
from desktop.domain.errors import Problem, ValidationError
from desktop.domain.meetings import MeetingKind, MeetingQuery
from desktop.domain.numerals import article_label, chapter_label
from desktop.services import compacts, meetings
from desktop.ui.access import name_unnamed
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import ok_cancel, text_box
from desktop.ui.dialogs.form import RecordForm
from desktop.ui.dialogs.meeting import vote_captions
from desktop.ui.i18n import translate
from desktop.ui.inputs import date_edit, line_edit

CHAPTER, ARTICLE = "chapter", "article"


class CompactEditor(RecordForm):
    def __init__(
        self, ctx: AppContext, compact_id: int, draft: CompactVersion, parent: QWidget | None = None
    ) -> None:
        super().__init__(translate("CompactEditor", "Edit compact draft"), parent)
        self.setMinimumSize(820, 640)
        self.ctx = ctx
        self.compact_id = compact_id
        self.draft = draft
        self.title_edit = line_edit(draft.title, VERSION_MAX_LENGTH["title"])
        self.preamble = text_box(draft.preamble, 70)
        self.closing = text_box(draft.closing, 50)
        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        self.entries.currentRowChanged.connect(self._show_entry)
        self.text = text_box("", 90)
        self.text.textChanged.connect(self._store_entry)
        buttons = QHBoxLayout()
        for label, slot in (
            (translate("CompactEditor", "Add article"), self.add_article),
            (translate("CompactEditor", "Add chapter"), self.add_chapter),
            (translate("CompactEditor", "Move up"), lambda: self.move(-1)),
            (translate("CompactEditor", "Move down"), lambda: self.move(1)),
            (translate("CompactEditor", "Split at cursor"), self.split),
            (translate("CompactEditor", "Delete"), self.delete),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        articles = QWidget()
        column = QVBoxLayout(articles)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.entries, 2)
        column.addLayout(buttons)
        column.addWidget(self.text, 1)
        self.add_field("title", translate("CompactEditor", "Title"), self.title_edit, True)
        self.add_field(
            "preamble", translate("CompactEditor", "Preamble"), self.preamble, checked=True
        )
        self.add_field(
            "articles", translate("CompactEditor", "Articles"), articles, True, checked=True
        )
        self.add_field("closing", translate("CompactEditor", "Closing clause"), self.closing)
        self._loading = True
        for chapter in draft.chapters:
            if chapter.title:
                self._append(CHAPTER, chapter.title)
            for text in chapter.articles:
                self._append(ARTICLE, text)
        self._loading = False
        self._renumber()
        self.watch_inputs(self.title_edit, self.preamble, self.closing)
        self.entries.setCurrentRow(0)
        self.revalidate()

    # -- the article list ----------------------------------------------------------------------
    def _append(self, kind: str, text: str, row: int | None = None) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, (kind, text))
        if row is None:
            self.entries.addItem(item)
        else:
            self.entries.insertItem(row, item)

    def _renumber(self) -> None:
        """Numbers follow the order: 第一条 … and 第一章 … are never typed."""
        articles = chapters = 0
        for row in range(self.entries.count()):
            item = self.entries.item(row)
            kind, text = item.data(Qt.ItemDataRole.UserRole)
            if kind == CHAPTER:
                chapters += 1
                item.setText(f"{chapter_label(chapters)}　{text}")
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            else:
                articles += 1
                item.setText(f"{article_label(articles)}　{text}")

    def _show_entry(self, row: int) -> None:
        item = self.entries.item(row)
        self._loading = True
        self.text.setPlainText(item.data(Qt.ItemDataRole.UserRole)[1] if item else "")
        self.text.setEnabled(item is not None)
        self._loading = False

    def _store_entry(self) -> None:
        item = self.entries.currentItem()
        if self._loading or item is None:
            return
        kind, _old = item.data(Qt.ItemDataRole.UserRole)
        item.setData(Qt.ItemDataRole.UserRole, (kind, self.text.toPlainText()))
        self._renumber()
        self.changed()

    def _insert(self, kind: str, text: str) -> None:
        row = (
            self.entries.currentRow() + 1
            if self.entries.currentRow() >= 0
            else self.entries.count()
        )
        self._append(kind, text, row)
        self._renumber()
        self.entries.setCurrentRow(row)
        self.text.setFocus()
        self.changed()

    def add_article(self) -> None:
        self._insert(ARTICLE, "")

    def add_chapter(self) -> None:
        self._insert(CHAPTER, translate("CompactEditor", "New chapter"))

    def move(self, offset: int) -> None:
        row = self.entries.currentRow()
        target = row + offset
        if not (0 <= row < self.entries.count() and 0 <= target < self.entries.count()):
            return
        item = self.entries.takeItem(row)
        self.entries.insertItem(target, item)
        self._renumber()
        self.entries.setCurrentRow(target)
        self.changed()

    def split(self) -> None:
        item = self.entries.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole)[0] != ARTICLE:
            return
        first, second = split_article(self.text.toPlainText(), self.text.textCursor().position())
        if not first or not second:
            return
        item.setData(Qt.ItemDataRole.UserRole, (ARTICLE, first))
        self._insert(ARTICLE, second)

    def delete(self) -> None:
        row = self.entries.currentRow()
        if row >= 0:
            self.entries.takeItem(row)
            self._renumber()
            self._show_entry(self.entries.currentRow())
            self.changed()

    # -- the record ----------------------------------------------------------------------------
    def current(self) -> CompactVersion:
        chapters: list[Chapter] = [Chapter()]
        for row in range(self.entries.count()):
            kind, text = self.entries.item(row).data(Qt.ItemDataRole.UserRole)
            if kind == CHAPTER:
                if chapters[-1].title or chapters[-1].articles:
                    chapters.append(Chapter(text))
                else:
                    chapters[-1].title = text
            else:
                chapters[-1].articles.append(text)
        return clean_version(
            CompactVersion(
                self.draft.number,
                self.title_edit.text(),
                self.preamble.toPlainText(),
                chapters,
                self.closing.toPlainText(),
                None,
                self.draft.id,
            )
        )

    def problems(self) -> dict[str, Problem]:
        return validate_version(self.current())

    def save(self) -> bool:
        try:
            self.saved = compacts.save_draft(self.ctx.db, self.compact_id, self.current())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        return True


class AdoptDialog(QDialog):
    """The vote at a deliberation meeting that adopts the draft."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AdoptDialog", "Adopted at a deliberation meeting"))
        self.meeting = QComboBox()
        self.meeting.addItem(translate("AdoptDialog", "(meeting not recorded)"), None)
        for row in meetings.list_meetings(
            ctx.db, MeetingQuery(kind=MeetingKind.DELIBERATION), limit=200
        ):
            self.meeting.addItem(f"{row.starts_at:%Y-%m-%d}  {row.title}", (row.id, row.starts_at))
        self.meeting.currentIndexChanged.connect(self._meeting_picked)
        self.adopted_on = date_edit()
        self.votes = [QSpinBox(maximum=100_000) for _ in range(3)]
        self.households = QSpinBox(maximum=100_000)
        form = QFormLayout(self)
        form.addRow(translate("AdoptDialog", "Meeting"), self.meeting)
        form.addRow(translate("AdoptDialog", "Adopted on"), self.adopted_on)
        for label, box in zip(vote_captions(), self.votes, strict=True):
            form.addRow(label, box)
        form.addRow(translate("AdoptDialog", "Households represented"), self.households)
        form.addRow(
            ok_cancel(
                self,
                translate("AdoptDialog", "Record adoption"),
                translate("AdoptDialog", "Cancel"),
            )
        )

    def _meeting_picked(self) -> None:
        data = self.meeting.currentData()
        if data:
            self.adopted_on.setDate(data[1].date())

    def adoption(self) -> Adoption:
        data = self.meeting.currentData()
        return Adoption(
            data[0] if data else None,
            self.adopted_on.date().toPython(),
            self.votes[0].value(),
            self.votes[1].value(),
            self.votes[2].value(),
            self.households.value(),
        )


def comparison_html(old: CompactVersion, new: CompactVersion) -> str:
    """Side by side, article by article; changes marked in words and in colour."""
    words = {
        ChangeKind.ADDED: translate("CompareDialog", "Added"),
        ChangeKind.REMOVED: translate("CompareDialog", "Removed"),
        ChangeKind.CHANGED: translate("CompareDialog", "Changed"),
        ChangeKind.SAME: "",
    }
    colours = {
        ChangeKind.ADDED: "#d9f0dd",
        ChangeKind.REMOVED: "#fbdada",
        ChangeKind.CHANGED: "#fff3c4",
        ChangeKind.SAME: "#ffffff",
    }
    head = translate("CompareDialog", "Version {n}")
    rows = "".join(
        f"<tr style='background:{colours[c.kind]}'>"
        f"<td>{escape(c.old_label or '')} {escape(c.old_text or '')}</td>"
        f"<td>{escape(c.new_label or '')} {escape(c.new_text or '')}</td>"
        f"<td>{escape(words[c.kind])}</td></tr>"
        for c in compare(old, new)
    )
    return (
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<tr><th>{escape(head.format(n=old.number))}</th>"
        f"<th>{escape(head.format(n=new.number))}</th><th></th></tr>{rows}</table>"
    )


class CompareDialog(QDialog):
    def __init__(self, versions: list[CompactVersion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CompareDialog", "Compare versions"))
        self.resize(1000, 700)
        self.versions = versions
        self.old = QComboBox()
        self.new = QComboBox()
        for v in versions:
            label = translate("CompareDialog", "Version {n}").format(n=v.number)
            self.old.addItem(label, v.number)
            self.new.addItem(label, v.number)
        self.old.setCurrentIndex(max(0, len(versions) - 2))
        self.new.setCurrentIndex(len(versions) - 1)
        self.view = QTextBrowser()
        self.old.currentIndexChanged.connect(self.refresh)
        self.new.currentIndexChanged.connect(self.refresh)
        print_button = QPushButton(translate("CompareDialog", "Print…"))
        print_button.clicked.connect(self.print_comparison)
        pickers = QHBoxLayout()
        pickers.addWidget(self.old)
        pickers.addWidget(self.new)
        pickers.addStretch()
        pickers.addWidget(print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(self.view, 1)
        name_unnamed(self, self.windowTitle())
        self.refresh()

    def chosen(self) -> tuple[CompactVersion, CompactVersion]:
        by_number = {v.number: v for v in self.versions}
        return by_number[self.old.currentData()], by_number[self.new.currentData()]

    def refresh(self) -> None:
        self.view.setHtml(comparison_html(*self.chosen()))

    def print_comparison(self) -> None:
        from desktop.documents.compact import write_comparison  # ReportLab on first print
        from desktop.ui.print_preview import preview_document

        old, new = self.chosen()
        changes = compare(old, new)
        preview_document(
            self, f"《{new.title}》修订对照表", lambda out: write_comparison(old, new, changes, out)
        )
