"""The projects list."""

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.dates import format_date
from desktop.domain.money import format_yuan
from desktop.domain.projects import ProjectKind, ProjectQuery, ProjectRow, ProjectStage
from desktop.services import projects
from desktop.store.database import Database
from desktop.ui.columns import ColumnPlan, widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import project_kind_label, project_stage_label
from desktop.ui.models.paged import PagedTableModel
from desktop.ui.status import stage_tone


class ProjectTableModel(PagedTableModel[ProjectRow]):
    REGISTERED, TITLE, KIND, STAGE, BUDGET, SPENT, NEEDS, RESOURCES = range(8)
    sort_keys = ("registered", "title", "kind", "stage", "budget", "spent", None, None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        self.query = ProjectQuery()
        self.headers = (
            translate("ProjectTableModel", "Registered"),
            translate("ProjectTableModel", "Project"),
            translate("ProjectTableModel", "Kind"),
            translate("ProjectTableModel", "Stage"),
            translate("ProjectTableModel", "Budget (yuan)"),
            translate("ProjectTableModel", "Spent (yuan)"),
            translate("ProjectTableModel", "Needs"),
            translate("ProjectTableModel", "Resources"),
        )
        self.plan = ColumnPlan(
            name="projects",
            order=(
                self.STAGE,
                self.TITLE,
                self.KIND,
                self.BUDGET,
                self.SPENT,
                self.NEEDS,
                self.RESOURCES,
                self.REGISTERED,
            ),
            stretch=self.TITLE,
            elide=frozenset({self.TITLE}),
            samples={
                self.STAGE: tuple(project_stage_label(s) for s in ProjectStage),
                self.KIND: tuple(project_kind_label(k) for k in ProjectKind),
                self.REGISTERED: (widest_date(),),
            },
        )
        super().__init__(
            fetch=lambda after, limit: projects.list_projects(
                db, self.query, after=after, limit=limit
            ),
            count=lambda: projects.count_projects(db, self.query),
            parent=parent,
        )

    def set_sort(self, key: str, descending: bool) -> None:
        self.query.sort, self.query.descending = key, descending

    def display(self, row: ProjectRow, column: int) -> str:
        match column:
            case self.REGISTERED:
                return format_date(row.registered_on)
            case self.TITLE:
                return row.title
            case self.KIND:
                return project_kind_label(row.kind)
            case self.STAGE:
                return project_stage_label(row.stage)
            case self.BUDGET:
                return format_yuan(row.budget)
            case self.SPENT:
                return format_yuan(row.spent)
            case self.NEEDS:
                return str(row.need_count) if row.need_count else ""
            case self.RESOURCES:
                return str(row.resource_count) if row.resource_count else ""
        return ""

    def extra_data(self, row: ProjectRow, column: int, role: int) -> Any:
        if column == self.STAGE:
            tone = stage_tone(row.stage)
            if role == Qt.ItemDataRole.BackgroundRole:
                return tone.background
            if role == Qt.ItemDataRole.ForegroundRole:
                return tone.foreground
        if column in (self.BUDGET, self.SPENT) and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
