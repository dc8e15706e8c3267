"""Add or edit a project: parties, money, stage, evaluation, and the needs and resources
it links."""

from collections.abc import Callable
from decimal import Decimal
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from desktop.domain.needs import NeedQuery
from desktop.domain.projects import (
    MAX_LENGTH,
    PARTY_NAME_MAX,
    Party,
    PartyRole,
    Project,
    ProjectKind,
    ProjectQuery,
    ProjectStage,
    can_move,
    clean_project,
    validate_project,
)
from desktop.domain.resources import ResourceQuery
from desktop.services import needs, projects, resources
from desktop.store.database import Database
from desktop.ui.dialogs.fields import list_with_buttons, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.dialogs.picker import RecordPicker
from desktop.ui.dialogs.resource import provider_suggestions
from desktop.ui.i18n import translate
from desktop.ui.inputs import (
    NamePicker,
    OptionalDate,
    YuanEdit,
    choice_combo,
    date_edit,
    line_edit,
)
from desktop.ui.labels import party_role_label, project_kind_label, project_stage_label


def _amount(edit: YuanEdit) -> Decimal:
    """Text that is not an amount counts as negative, so the form shows why it can't save."""
    value = edit.value()
    return value if value is not None else Decimal("-1")


class LinkList(QWidget):
    """Linked records with 添加… and 移除.

    ``search(text)`` lists (id, label) to pick from. It must not hold the form this list sits
    in (a bound method of it): a reference cycle through a child widget makes PySide crash
    when the garbage collector frees a closed form.
    """

    changed = Signal()

    def __init__(
        self,
        title: str,
        search: Callable[[str], list[tuple[int, str]]],
        titles: dict[int, str],
    ) -> None:
        super().__init__()
        self._title = title
        self._search = search
        self.list = QListWidget()
        for record_id, label in titles.items():
            self.add(record_id, label)
        add = QPushButton(translate("LinkList", "Add…"))
        remove = QPushButton(translate("LinkList", "Remove"))
        add.clicked.connect(self.pick)
        remove.clicked.connect(self.remove_selected)
        list_with_buttons(self.list, (add, remove), self)

    def add(self, record_id: int, label: str) -> None:
        if record_id in self.ids():
            return
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        self.list.addItem(item)

    def ids(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def pick(self) -> None:
        picker = RecordPicker(self._title, self._search, self)
        if picker.exec():
            for record_id, label in picker.chosen():
                self.add(record_id, label)
            self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()


def need_choices(db: Database, text: str) -> list[tuple[int, str]]:
    rows = needs.list_needs(db, NeedQuery(text=text), 0, 50)
    return [(r.id, f"{r.title}（{r.building}，{r.raised_by}）") for r in rows]


def need_links(db: Database, title: str, ids: list[int]) -> "LinkList":
    """The needs a record answers, to pick more of by title or remove."""
    return LinkList(title, partial(need_choices, db), projects.need_titles(db, ids))


def resource_choices(db: Database, text: str) -> list[tuple[int, str]]:
    rows = resources.list_resources(db, ResourceQuery(text=text), 0, 50)
    return [(r.id, f"{r.title}（{r.provider}）") for r in rows]


def project_choices(db: Database, text: str) -> list[tuple[int, str]]:
    rows = projects.list_projects(db, ProjectQuery(text=text), 0, 50)
    return [(r.id, r.title) for r in rows]


class ProjectDialog(RecordDialog):
    validate = validate_project
    save_record = projects.save_project

    titles = Titles(
        "ProjectDialog",
        QT_TRANSLATE_NOOP("ProjectDialog", "New project"),
        QT_TRANSLATE_NOOP("ProjectDialog", "Edit project"),
    )

    blank = partial(Project, title="")

    def build(self) -> None:
        self.setMinimumWidth(620)
        # Fields are created and added in the order of the rows: Tab walks them so.
        self._build_aim(self.record, editing=self.record.id is not None)
        self._build_money_and_parties(self.record)
        self._build_dates_and_rating(self.record)
        self._build_links(self.record)
        self._add_rows()
        self._add_links()
        self.need_links.changed.connect(self.changed)
        self.resource_links.changed.connect(self.changed)

    def _build_aim(self, p: Project, editing: bool) -> None:
        """Name, kind, stage (a new project starts as proposed; an existing one offers the
        stages it may move to), the reason it stopped and the summary."""
        self.title_edit = line_edit(p.title, MAX_LENGTH["title"])
        self.kind = choice_combo([(project_kind_label(k), k) for k in ProjectKind], p.kind)
        self.stage = QComboBox()
        for s in ProjectStage:
            if not editing and s is not ProjectStage.PROPOSED:
                continue
            if not editing or can_move(p.stage, s):
                self.stage.addItem(project_stage_label(s), s)
        self.stage.setCurrentIndex(self.stage.findData(p.stage))
        self.stop_reason = line_edit(p.stop_reason, MAX_LENGTH["stop_reason"])
        self.stop_reason.setPlaceholderText(translate("ProjectDialog", "Required if terminated"))
        self.description = text_box(p.description)

    def _build_money_and_parties(self, p: Project) -> None:
        """Budget and spending, and one name picker per party (发起人, 组织者, 实施者)."""
        ctx = self.ctx
        self.budget = YuanEdit(p.budget)
        self.spent = YuanEdit(p.spent)
        self.parties = {
            role: NamePicker(
                party.name if (party := p.party(role)) else "",
                lambda t: provider_suggestions(ctx, t),
                max_length=PARTY_NAME_MAX,
            )
            for role in PartyRole
        }

    def _build_dates_and_rating(self, p: Project) -> None:
        """The dates of its course, the acceptance and what residents made of it."""
        self.registered_on = date_edit(p.registered_on)
        self.start_on = OptionalDate(p.start_on, translate("ProjectDialog", "Set"))
        self.end_on = OptionalDate(p.end_on, translate("ProjectDialog", "Set"))
        self.accepted_on = OptionalDate(p.accepted_on, translate("ProjectDialog", "Set"))
        self.acceptance_note = text_box(p.acceptance_note, 48)
        self.rating_count = QSpinBox(minimum=0, maximum=100_000, value=p.rating_count)
        self.rating_average = QDoubleSpinBox(minimum=0, maximum=5, decimals=2, singleStep=0.1)
        self.rating_average.setSpecialValueText(translate("ProjectDialog", "(not rated)"))
        self.rating_average.setValue(float(p.rating_average or 0))
        self.evaluation = text_box(p.evaluation, 48)

    def _build_links(self, p: Project) -> None:
        """The needs it answers and the resources it uses."""
        ctx = self.ctx
        self.need_links = need_links(ctx.db, translate("ProjectDialog", "Link needs"), p.need_ids)
        self.resource_links = LinkList(
            translate("ProjectDialog", "Link resources"),
            partial(resource_choices, ctx.db),
            projects.resource_titles(ctx.db, p.resource_ids),
        )

    def _add_rows(self) -> None:
        self.add_field("title", translate("ProjectDialog", "Project"), self.title_edit, True)
        self.add_field("kind", translate("ProjectDialog", "Kind"), self.kind, True)
        self.add_field("stage", translate("ProjectDialog", "Stage"), self.stage, True)
        self.add_field(
            "stop_reason", translate("ProjectDialog", "Reason"), self.stop_reason, checked=True
        )
        self.add_field("description", translate("ProjectDialog", "Summary"), self.description)
        self.add_field("budget", translate("ProjectDialog", "Budget (yuan)"), self.budget)
        self.add_field("spent", translate("ProjectDialog", "Spent (yuan)"), self.spent)
        for role, picker in self.parties.items():
            self.add_field(role.value, party_role_label(role), picker)
        self.add_field(
            "registered_on", translate("ProjectDialog", "Registered on"), self.registered_on
        )
        self.add_field("start_on", translate("ProjectDialog", "Starts"), self.start_on)
        self.add_field("end_on", translate("ProjectDialog", "Ends"), self.end_on, checked=True)
        self.add_field("accepted_on", translate("ProjectDialog", "Accepted on"), self.accepted_on)
        self.add_field(
            "acceptance_note", translate("ProjectDialog", "Acceptance note"), self.acceptance_note
        )
        self.add_field(
            "rating_count",
            translate("ProjectDialog", "Residents who rated"),
            self.rating_count,
            checked=True,
        )
        self.add_field(
            "rating_average",
            translate("ProjectDialog", "Average rating (1–5)"),
            self.rating_average,
            checked=True,
        )
        self.add_field(
            "evaluation", translate("ProjectDialog", "Residents' comments"), self.evaluation
        )

    def _add_links(self) -> None:
        """The two link lists in tabs below the rows."""
        links = QTabWidget()
        links.addTab(self.need_links, translate("ProjectDialog", "Needs it answers"))
        links.addTab(self.resource_links, translate("ProjectDialog", "Resources it uses"))
        links.setMinimumHeight(150)
        self.body.addWidget(links)

    def current(self) -> Project:
        old = {party.role: party for party in self.record.parties}
        parties = []
        for role, picker in self.parties.items():
            same = role in old and old[role].name == picker.text().strip()
            parties.append(
                Party(
                    role,
                    picker.text(),
                    old[role].person_id if same else None,
                    old[role].organization_id if same else None,
                )
            )
        average = self.rating_average.value()
        return clean_project(
            self.edited_rows(
                budget=_amount(self.budget),
                spent=_amount(self.spent),
                parties=parties,
                rating_average=Decimal(f"{average:.2f}") if average else None,
                need_ids=self.need_links.ids(),
                resource_ids=self.resource_links.ids(),
            )
        )
