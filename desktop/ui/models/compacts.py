"""The compacts list (a branch has a handful: read whole, filtered by title in memory)."""

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.compacts import CompactRow, CompactState
from desktop.domain.dates import format_date
from desktop.services import compacts
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.status import Tone


def state_label(state: CompactState) -> str:
    return {
        CompactState.DRAFT: translate("CompactTableModel", "Draft"),
        CompactState.ADOPTED: translate("CompactTableModel", "In force"),
        CompactState.REVISING: translate("CompactTableModel", "In force, revision drafted"),
    }[state]


class CompactTableModel(PagedTableModel[CompactRow]):
    TITLE, STATE, VERSION, ADOPTED, ARTICLES = range(5)
    sort_keys = (None, None, None, None, None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.text = ""
        self.headers = (
            translate("CompactTableModel", "Compact"),
            translate("CompactTableModel", "State"),
            translate("CompactTableModel", "Version"),
            translate("CompactTableModel", "Adopted on"),
            translate("CompactTableModel", "Articles"),
        )
        self.plan = ColumnPlan(
            name="compacts",
            stretch=self.TITLE,
            elide=frozenset({self.TITLE}),
            samples={
                self.STATE: tuple(state_label(s) for s in CompactState),
                self.ADOPTED: (widest_date(),),
            },
        )
        super().__init__(
            fetch=lambda after, _limit: [] if after is not None else self._matching(db),
            count=lambda: len(self._matching(db)),
            parent=parent,
        )

    def _matching(self, db: Database) -> list[CompactRow]:
        return [
            r for r in compacts.list_compacts(db) if all(w in r.title for w in self.text.split())
        ]

    def display(self, row: CompactRow, column: int) -> str:
        match column:
            case self.TITLE:
                return row.title
            case self.STATE:
                return state_label(row.state)
            case self.VERSION:
                return translate("CompactTableModel", "Version {n}").format(n=row.version)
            case self.ADOPTED:
                return format_date(row.adopted_on)
            case self.ARTICLES:
                return str(row.articles)
        return ""

    def extra_data(self, row: CompactRow, column: int, role: int) -> Any:
        if column == self.STATE:
            tone = Tone.WAITING if row.state is CompactState.DRAFT else Tone.DONE
            if role == Qt.ItemDataRole.BackgroundRole:
                return tone.background
            if role == Qt.ItemDataRole.ForegroundRole:
                return tone.foreground
        return None
