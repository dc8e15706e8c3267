"""The projects list."""

from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.money import format_yuan
from desktop.domain.projects import ProjectKind, ProjectQuery, ProjectRow, ProjectStage
from desktop.services import projects
from desktop.store.database import Database
from desktop.ui.columns import widest_date
from desktop.ui.i18n import translate
from desktop.ui.labels import project_kind_label, project_stage_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import Column
from desktop.ui.status import stage_tone


class ProjectTableModel(QueryTableModel[ProjectRow]):
    REGISTERED, TITLE, KIND, STAGE, BUDGET, SPENT, NEEDS, RESOURCES = range(8)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.REGISTERED: Column(
                    translate("ProjectTableModel", "Registered"),
                    lambda row: format_date(row.registered_on),
                    sort="registered",
                    samples=(widest_date(),),
                ),
                self.TITLE: Column(
                    translate("ProjectTableModel", "Project"),
                    lambda row: row.title,
                    sort="title",
                    stretch=True,
                    elide=True,
                ),
                self.KIND: Column(
                    translate("ProjectTableModel", "Kind"),
                    lambda row: project_kind_label(row.kind),
                    sort="kind",
                    samples=tuple(project_kind_label(k) for k in ProjectKind),
                ),
                self.STAGE: Column(
                    translate("ProjectTableModel", "Stage"),
                    lambda row: project_stage_label(row.stage),
                    sort="stage",
                    tone=lambda row: stage_tone(row.stage),
                    samples=tuple(project_stage_label(s) for s in ProjectStage),
                ),
                self.BUDGET: Column(
                    translate("ProjectTableModel", "Budget (yuan)"),
                    lambda row: format_yuan(row.budget),
                    sort="budget",
                    right=True,
                ),
                self.SPENT: Column(
                    translate("ProjectTableModel", "Spent (yuan)"),
                    lambda row: format_yuan(row.spent),
                    sort="spent",
                    right=True,
                ),
                self.NEEDS: Column(
                    translate("ProjectTableModel", "Needs"),
                    lambda row: str(row.need_count) if row.need_count else "",
                ),
                self.RESOURCES: Column(
                    translate("ProjectTableModel", "Resources"),
                    lambda row: str(row.resource_count) if row.resource_count else "",
                ),
            },
            db,
            ProjectQuery(),
            projects.list_projects,
            projects.count_projects,
            parent,
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
        )
