"""项目清单: projects (民生微实事 included) that answer needs with resources."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.ledger import LedgerKind
from desktop.domain.money import format_yuan
from desktop.domain.projects import Project, ProjectKind, ProjectRow, ProjectStage
from desktop.services import projects
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.project import ProjectDialog
from desktop.ui.i18n import translate
from desktop.ui.labels import party_role_label, project_kind_label, project_stage_label
from desktop.ui.models.projects import ProjectTableModel
from desktop.ui.pages.list_page import (
    Filter,
    ListPage,
    Records,
    details_links,
    details_table,
)
from desktop.ui.pages.periods import REGISTERED


class ProjectsPage(ListPage):
    model_class = ProjectTableModel
    ledger = LedgerKind.PROJECTS
    kind = RecordKind.PROJECT
    reloads_on = (RecordKind.PROJECT, RecordKind.NEED, RecordKind.RESOURCE)
    records = Records(ProjectDialog, projects.get_project, projects.delete_projects)

    context = "ProjectsPage"
    search_hint = QT_TRANSLATE_NOOP("ProjectsPage", "Search project title")
    trashed_text = QT_TRANSLATE_NOOP("ProjectsPage", "{count} project(s) moved to the trash.")
    empty_text = QT_TRANSLATE_NOOP(
        "ProjectsPage",
        'There are no projects yet. Click "New", or choose a need and "Create project".',
    )
    filter_specs = (
        Filter.of_enum(
            "kind_filter", QT_TRANSLATE_NOOP("ProjectsPage", "All kinds"), ProjectKind, "kind"
        ),
        Filter.of_enum(
            "stage_filter", QT_TRANSLATE_NOOP("ProjectsPage", "All stages"), ProjectStage, "stage"
        ),
        REGISTERED,
    )

    def details_html(self, row: ProjectRow, p: Project) -> str:
        stage = project_stage_label(p.stage)
        if p.stop_reason:
            stage += f"（{p.stop_reason}）"
        rating = ""
        if p.rating_count:
            rating = translate("ProjectsPage", "{count} residents, average {average}").format(
                count=p.rating_count, average=p.rating_average or "—"
            )
        lines = [
            (translate("ProjectsPage", "Kind"), project_kind_label(p.kind)),
            (translate("ProjectsPage", "Stage"), stage),
            (translate("ProjectsPage", "Budget (yuan)"), format_yuan(p.budget)),
            (translate("ProjectsPage", "Spent (yuan)"), format_yuan(p.spent)),
            *((party_role_label(party.role), party.name) for party in p.parties),
            (translate("ProjectsPage", "Registered on"), format_date(p.registered_on)),
            (translate("ProjectsPage", "Starts"), format_date(p.start_on)),
            (translate("ProjectsPage", "Ends"), format_date(p.end_on)),
            (translate("ProjectsPage", "Accepted on"), format_date(p.accepted_on)),
            (translate("ProjectsPage", "Acceptance note"), p.acceptance_note),
            (translate("ProjectsPage", "Residents' rating"), rating),
            (translate("ProjectsPage", "Residents' comments"), p.evaluation),
            (translate("ProjectsPage", "Summary"), p.description),
        ]
        need_items = list(projects.need_titles(self.ctx.db, p.need_ids).items())
        resource_items = list(projects.resource_titles(self.ctx.db, p.resource_ids).items())
        return (
            details_table(p.title, lines)
            + details_links(
                translate("ProjectsPage", "Needs it answers"), RecordKind.NEED.value, need_items
            )
            + details_links(
                translate("ProjectsPage", "Resources it uses"),
                RecordKind.RESOURCE.value,
                resource_items,
            )
        )

    def open_fetched(self, project: Project) -> None:
        before = project.stage
        dialog = self.make_form(project)
        if (
            run_form(dialog)
            and before is not ProjectStage.COMPLETED
            and dialog.saved.stage is ProjectStage.COMPLETED
        ):
            self.offer_to_resolve(dialog.saved.id or 0, dialog.saved.title)

    def offer_to_resolve(self, project_id: int, title: str) -> None:
        """Completing a project offers to mark the needs it answers as resolved."""
        open_needs = projects.open_needs_of_project(self.ctx.db, project_id)
        if not open_needs:
            return
        answer = QMessageBox.question(
            self,
            translate("ProjectsPage", "Project completed"),
            translate(
                "ProjectsPage",
                "This project answers {count} need(s) that are still open. Mark them as resolved?",
            ).format(count=len(open_needs)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            note = translate("ProjectsPage", 'Resolved by the project "{title}"').format(
                title=title
            )
            self.change(lambda: projects.resolve_needs(self.ctx.db, open_needs, note))
