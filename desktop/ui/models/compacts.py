"""The compacts list (a branch has a handful: read whole, filtered by title in memory)."""

from typing import Any

from desktop.domain.compacts import CompactRow, CompactState
from desktop.domain.dates import format_date
from desktop.services import compacts
from desktop.store.database import Database
from desktop.ui.columns import widest_date
from desktop.ui.i18n import translate
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.models.table import Column
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
                self.TITLE: Column(
                    translate("CompactTableModel", "Compact"),
                    lambda row: row.title,
                    stretch=True,
                    elide=True,
                ),
                self.STATE: Column(
                    translate("CompactTableModel", "State"),
                    lambda row: state_label(row.state),
                    tone=lambda row: Tone.WAITING if row.state is CompactState.DRAFT else Tone.DONE,
                    samples=tuple(state_label(s) for s in CompactState),
                ),
                self.VERSION: Column(
                    translate("CompactTableModel", "Version"),
                    lambda row: translate("CompactTableModel", "Version {n}").format(n=row.version),
                ),
                self.ADOPTED: Column(
                    translate("CompactTableModel", "Adopted on"),
                    lambda row: format_date(row.adopted_on),
                    samples=(widest_date(),),
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
