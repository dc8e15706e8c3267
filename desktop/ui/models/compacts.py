"""The compacts list (a branch has a handful: read whole, filtered by title in memory)."""

from typing import Any

from desktop.domain.compacts import CompactRow, CompactState
from desktop.services import compacts
from desktop.store.database import Database
from desktop.ui.i18n import translate
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.models.table import Column, date_column, label_column, wide_column
from desktop.ui.status import Tone


def state_label(state: CompactState) -> str:
    return {
        CompactState.DRAFT: translate("CompactTableModel", "Draft"),
        CompactState.ADOPTED: translate("CompactTableModel", "In force"),
        CompactState.REVISING: translate("CompactTableModel", "In force, revision drafted"),
    }[state]


class CompactTableModel(PagedTableModel[CompactRow]):
    TITLE, STATE, VERSION, ADOPTED, ARTICLES = range(5)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.text = ""
        super().__init__(
            {
                self.TITLE: wide_column(
                    translate("CompactTableModel", "Compact"), lambda row: row.title
                ),
                self.STATE: label_column(
                    translate("CompactTableModel", "State"),
                    state_label,
                    lambda row: row.state,
                    CompactState,
                    tone=lambda row: Tone.WAITING if row.state is CompactState.DRAFT else Tone.DONE,
                ),
                self.VERSION: Column(
                    translate("CompactTableModel", "Version"),
                    lambda row: translate("CompactTableModel", "Version {n}").format(n=row.version),
                ),
                self.ADOPTED: date_column(
                    translate("CompactTableModel", "Adopted on"), lambda row: row.adopted_on
                ),
                self.ARTICLES: Column(
                    translate("CompactTableModel", "Articles"), lambda row: str(row.articles)
                ),
            },
            fetch=lambda after, _limit: [] if after is not None else self._matching(db),
            count=lambda: len(self._matching(db)),
            parent=parent,
            name="compacts",
        )

    def _matching(self, db: Database) -> list[CompactRow]:
        return [
            r for r in compacts.list_compacts(db) if all(w in r.title for w in self.text.split())
        ]
