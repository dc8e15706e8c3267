"""The projects list."""

from typing import Any

from desktop.domain.money import format_yuan
from desktop.domain.projects import ProjectKind, ProjectQuery, ProjectRow, ProjectStage
from desktop.services import projects
from desktop.store.database import Database
from desktop.ui.i18n import translate
from desktop.ui.labels import project_kind_label, project_stage_label
from desktop.ui.models.paged import QueryTableModel
from desktop.ui.models.table import (
    Column,
    count_column,
    label_column,
    registered_column,
    title_column,
)
from desktop.ui.status import stage_tone


class ProjectTableModel(QueryTableModel[ProjectRow]):
    REGISTERED, TITLE, KIND, STAGE, BUDGET, SPENT, NEEDS, RESOURCES = range(8)
    ORDER = (STAGE, TITLE, KIND, BUDGET, SPENT, NEEDS, RESOURCES, REGISTERED)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(
            {
                self.REGISTERED: registered_column(translate("ProjectTableModel", "Registered")),
                self.TITLE: title_column(translate("ProjectTableModel", "Project")),
                self.KIND: label_column(
                    translate("ProjectTableModel", "Kind"),
                    project_kind_label,
                    lambda row: row.kind,
                    ProjectKind,
                    sort="kind",
                ),
                self.STAGE: label_column(
                    translate("ProjectTableModel", "Stage"),
                    project_stage_label,
                    lambda row: row.stage,
                    ProjectStage,
                    sort="stage",
                    tone=lambda row: stage_tone(row.stage),
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
                self.NEEDS: count_column(
                    translate("ProjectTableModel", "Needs"), lambda row: row.need_count
                ),
                self.RESOURCES: count_column(
                    translate("ProjectTableModel", "Resources"), lambda row: row.resource_count
                ),
            },
            db,
            ProjectQuery(),
            projects.list_projects,
            projects.count_projects,
            parent,
            name="projects",
        )
