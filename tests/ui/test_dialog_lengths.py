"""Every form that edits a record keeps the longest text each field allows.

For each form: a record is stored holding, in every text field, the longest value its domain
limit allows (one character repeated, a different one per field); the form is opened on it,
each one-line field is checked to have that very limit as its maxLength (a QLineEdit silently
cuts what is longer), the form is saved unchanged, and the stored record must be unchanged.
A new text field whose form limit differs from the domain's fails here."""

from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from desktop.domain import (
    committee,
    compacts,
    federation,
    meetings,
    needs,
    partners,
    projects,
    resources,
    roster,
    self_organizations,
    stations,
    talents,
    visits,
)
from desktop.domain.meetings import (
    ActionItem,
    Meeting,
    Participant,
    ParticipantRole,
    Topic,
)
from desktop.domain.projects import Party, PartyRole, Project, ProjectStage
from desktop.domain.roster import Address, Organization, OrganizationKind, Person, PersonRole
from desktop.services import committee as committee_service
from desktop.services import (
    compacts as compact_service,
)
from desktop.services import (
    evaluations,
    neighborhood,
    organizations,
    patrols,
    people,
)
from desktop.services import meetings as meeting_service
from desktop.services import needs as need_service
from desktop.services import partners as partner_service
from desktop.services import projects as project_service
from desktop.services import resources as resource_service
from desktop.services import self_organizations as so_service
from desktop.services import (
    stations as station_service,
)
from desktop.services import (
    talents as talent_service,
)
from desktop.services import visits as visit_service
from desktop.ui.dialogs.building import BuildingDialog
from desktop.ui.dialogs.committee_term import CommitteeTermDialog
from desktop.ui.dialogs.compact import CompactEditor
from desktop.ui.dialogs.cross_appointment import CrossAppointmentDialog
from desktop.ui.dialogs.evaluation import EvaluationDialog
from desktop.ui.dialogs.follow_up import FollowUpDialog
from desktop.ui.dialogs.form import RecordDialog, RecordForm
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.dialogs.need import NeedDialog
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.dialogs.organization_activity import ActivityDialog as OrgActivityDialog
from desktop.ui.dialogs.organization_activity import MemberDialog
from desktop.ui.dialogs.partner_activity import ActivityDialog as PartnerActivityDialog
from desktop.ui.dialogs.partner_agreement import AgreementDialog
from desktop.ui.dialogs.patrol import PatrolDialog
from desktop.ui.dialogs.person import PersonDialog
from desktop.ui.dialogs.project import ProjectDialog
from desktop.ui.dialogs.resource import ResourceDialog
from desktop.ui.dialogs.station_service import StationMonthDialog
from desktop.ui.dialogs.talent_record import CultivationDialog, DiscoveryDialog, RightUseDialog
from desktop.ui.dialogs.visit import VisitDialog

PHONE = "0755-26881234-123456"  # the longest valid phone (20), for fields checked for format


class Fill:
    """The longest values: ``text(n)`` is n of one character, a different one each call, and
    remembers the limit of the field it fills (``limits``: value → limit)."""

    def __init__(self) -> None:
        self.next = 0x4E00  # CJK: what the secretary types
        self.limits: dict[str, int] = {}
        self.names: dict[str, str] = {}  # value → the field it fills, for messages

    def text(self, limit: int, value: str | None = None, name: str = "") -> str:
        if value is None:
            value, self.next = chr(self.next) * limit, self.next + 7
        self.limits[value], self.names[value] = limit, name
        return value

    def record(self, record, limits: dict[str, int], **given: str):
        """``record`` with every field in ``limits`` at its longest (or as ``given``)."""
        kind = type(record).__name__
        values = {k: self.text(n, given.get(k), f"{kind}.{k}") for k, n in limits.items()}
        return replace(record, **values)


def differences(before: object, after: object) -> list[str]:
    """The fields (or nested records) of two records that differ."""
    if not is_dataclass(before):
        return [] if before == after else [repr(after)]
    return [f.name for f in fields(before) if getattr(before, f.name) != getattr(after, f.name)]


@dataclass
class Case:
    dialog: RecordForm
    before: object  # the record as stored
    reload: Callable[[], object]


def organization(ctx, kind: OrganizationKind, name: str) -> Organization:
    return organizations.save_organization(ctx.db, Organization(kind=kind, name=name))


def person(ctx, name: str = "张伟") -> Person:
    return people.save_person(
        ctx.db, Person(name=name, is_party_member=True, roles=frozenset({PersonRole.TALENT}))
    )


def category(ctx) -> int:
    return need_service.list_categories(ctx.db)[0].id


# -- one function per form: store the longest record, open the form on it ------------------
def need_case(ctx, fill: Fill) -> Case:
    record = fill.record(needs.Need(title="", category_id=category(ctx)), needs.MAX_LENGTH)
    before = need_service.get_need(ctx.db, need_service.save_need(ctx.db, record).id)
    return Case(NeedDialog(ctx, before), before, lambda: need_service.get_need(ctx.db, before.id))


def resource_case(ctx, fill: Fill) -> Case:
    record = fill.record(resources.Resource(title=""), resources.MAX_LENGTH)
    saved = resource_service.save_resource(ctx.db, record)
    before = resource_service.get_resource(ctx.db, saved.id)
    reload = lambda: resource_service.get_resource(ctx.db, before.id)  # noqa: E731
    return Case(ResourceDialog(ctx, before), before, reload)


def project_case(ctx, fill: Fill) -> Case:
    record = fill.record(Project(title="", stage=ProjectStage.PROPOSED), projects.MAX_LENGTH)
    record.parties = [fill.record(Party(role, ""), projects.PARTY_MAX_LENGTH) for role in PartyRole]
    saved = project_service.save_project(ctx.db, record)
    before = project_service.get_project(ctx.db, saved.id)
    reload = lambda: project_service.get_project(ctx.db, before.id)  # noqa: E731
    return Case(ProjectDialog(ctx, before), before, reload)


def visit_case(ctx, fill: Fill) -> Case:
    record = fill.record(visits.Visit(visits.VisitKind.DOOR_KNOCKING), visits.MAX_LENGTH)
    before = visit_service.get_visit(ctx.db, visit_service.save_visit(ctx.db, record).id)
    reload = lambda: visit_service.get_visit(ctx.db, before.id)  # noqa: E731
    return Case(VisitDialog(ctx, before), before, reload)


def follow_up_case(ctx, fill: Fill) -> Case:
    visit = visits.Visit(visits.VisitKind.DOOR_KNOCKING, follow_up_on=date.today())
    record = fill.record(visit, visits.MAX_LENGTH)
    before = visit_service.get_visit(ctx.db, visit_service.save_visit(ctx.db, record).id)
    reload = lambda: visit_service.get_visit(ctx.db, before.id)  # noqa: E731
    return Case(FollowUpDialog(ctx, before.id), before, reload)


def meeting_case(ctx, fill: Fill) -> Case:
    record = fill.record(
        Meeting(title="", starts_at=datetime(2026, 5, 1, 19, 30)), meetings.MAX_LENGTH
    )
    record.participants = [Participant(ParticipantRole.BRANCH, "张伟", "物业服务中心经理")]
    record.topics = [fill.record(Topic("加装电梯"), meetings.TOPIC_MAX_LENGTH)]
    record.actions = [ActionItem("回访", "李伟")]
    saved = meeting_service.save_meeting(ctx.db, record)
    before = meeting_service.get_meeting(ctx.db, saved.id)
    reload = lambda: meeting_service.get_meeting(ctx.db, before.id)  # noqa: E731
    return Case(MeetingDialog(ctx, before), before, reload)


def compact_case(ctx, fill: Fill) -> Case:
    draft = fill.record(compacts.CompactVersion(1, ""), compacts.VERSION_MAX_LENGTH)
    draft.chapters = [compacts.Chapter("", [fill.text(compacts.ARTICLE_MAX)])]
    compact = compact_service.create_compact(ctx.db, draft)

    def reload():
        return compact_service.get_compact(ctx.db, compact.id).draft

    before = reload()
    return Case(CompactEditor(ctx, compact.id, before), before, reload)


def person_case(ctx, fill: Fill) -> Case:
    building = neighborhood.save_building(ctx.db, roster.Building(name="3栋", unit_count=2))
    record = fill.record(
        Person(name="", roles=frozenset({PersonRole.TALENT})), roster.PERSON_MAX_LENGTH, phone=PHONE
    )
    record.address = fill.record(Address(building.id), roster.ADDRESS_MAX_LENGTH)
    before = people.get_person(ctx.db, people.save_person(ctx.db, record).id)
    return Case(PersonDialog(ctx, before), before, lambda: people.get_person(ctx.db, before.id))


def organization_case(ctx, fill: Fill) -> Case:
    record = fill.record(
        Organization(kind=OrganizationKind.PARTNER_UNIT, name=""),
        roster.ORGANIZATION_MAX_LENGTH,
        phone=PHONE,
    )
    saved = organizations.save_organization(ctx.db, record)
    before = organizations.get_organization(ctx.db, saved.id)
    reload = lambda: organizations.get_organization(ctx.db, before.id)  # noqa: E731
    return Case(OrganizationDialog(ctx, before), before, reload)


def building_case(ctx, fill: Fill) -> Case:
    record = fill.record(roster.Building(name="", unit_count=3), roster.BUILDING_MAX_LENGTH)
    saved = neighborhood.save_building(ctx.db, record)

    def reload():
        return next(b for b in neighborhood.list_buildings(ctx.db) if b.id == saved.id)

    before = reload()
    return Case(BuildingDialog(ctx, before, grids=neighborhood.list_grids(ctx.db)), before, reload)


def committee_term_case(ctx, fill: Fill) -> Case:
    owners = organization(ctx, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    members = [
        fill.record(
            committee.CommitteeMember("", is_party_member=True), committee.MEMBER_MAX_LENGTH
        )
        for _ in range(2)
    ]
    term = committee.CommitteeTerm(owners.id, date(2026, 1, 5), date(2026, 1, 5), members=members)
    record = fill.record(term, committee.TERM_MAX_LENGTH)
    saved = committee_service.save_term(ctx.db, record)
    before = committee_service.get_term(ctx.db, saved.id)
    reload = lambda: committee_service.get_term(ctx.db, before.id)  # noqa: E731
    return Case(CommitteeTermDialog(ctx, before), before, reload)


def cross_appointment_case(ctx, fill: Fill) -> Case:
    owners = organization(ctx, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    someone = person(ctx, fill.text(roster.NAME_MAX))
    record = fill.record(
        committee.CrossAppointment(someone.id, owners.id), committee.APPOINTMENT_MAX_LENGTH
    )
    saved = committee_service.save_cross_appointment(ctx.db, record)
    before = committee_service.get_cross_appointment(ctx.db, saved.id)
    reload = lambda: committee_service.get_cross_appointment(ctx.db, before.id)  # noqa: E731
    return Case(CrossAppointmentDialog(ctx, before), before, reload)


def evaluation_case(ctx, fill: Fill) -> Case:
    company = organization(ctx, OrganizationKind.PROPERTY_COMPANY, "物业公司")
    scores = [fill.record(committee.EvaluationScore(""), committee.SCORE_MAX_LENGTH)]
    record = fill.record(
        committee.Evaluation(company.id, "", scores=scores),
        committee.EVALUATION_MAX_LENGTH,
        period="2026Q3",
    )
    saved = evaluations.save_evaluation(ctx.db, record)
    before = evaluations.get_evaluation(ctx.db, saved.id)
    reload = lambda: evaluations.get_evaluation(ctx.db, before.id)  # noqa: E731
    return Case(EvaluationDialog(ctx, before), before, reload)


def patrol_case(ctx, fill: Fill) -> Case:
    findings = [fill.record(federation.Finding(""), federation.FINDING_MAX_LENGTH)]
    record = fill.record(federation.Patrol(findings=findings), federation.PATROL_MAX_LENGTH)
    before = patrols.get_patrol(ctx.db, patrols.save_patrol(ctx.db, record).id)
    return Case(PatrolDialog(ctx, before), before, lambda: patrols.get_patrol(ctx.db, before.id))


def partner_agreement_case(ctx, fill: Fill) -> Case:
    unit = organization(ctx, OrganizationKind.PARTNER_UNIT, "区医院")
    record = fill.record(partners.Agreement(unit.id), partners.AGREEMENT_MAX_LENGTH)
    saved = partner_service.save_agreement(ctx.db, record)
    before = partner_service.get_agreement(ctx.db, saved.id)
    reload = lambda: partner_service.get_agreement(ctx.db, before.id)  # noqa: E731
    return Case(AgreementDialog(ctx, before), before, reload)


def partner_activity_case(ctx, fill: Fill) -> Case:
    unit = organization(ctx, OrganizationKind.PARTNER_UNIT, "区医院")
    record = fill.record(
        partners.PartnerActivity(unit.id, partners.PartnerActivityKind.PAIRING),
        partners.ACTIVITY_MAX_LENGTH,
    )
    saved = partner_service.save_activity(ctx.db, record)
    before = partner_service.get_activity(ctx.db, saved.id)
    reload = lambda: partner_service.get_activity(ctx.db, before.id)  # noqa: E731
    return Case(PartnerActivityDialog(ctx, before), before, reload)


def organization_activity_case(ctx, fill: Fill) -> Case:
    group = organization(ctx, OrganizationKind.SELF_ORGANIZATION, "合唱队")
    record = fill.record(
        self_organizations.Activity(group.id), self_organizations.ACTIVITY_MAX_LENGTH
    )
    saved = so_service.save_activity(ctx.db, record)
    before = so_service.get_activity(ctx.db, saved.id)
    reload = lambda: so_service.get_activity(ctx.db, before.id)  # noqa: E731
    return Case(OrgActivityDialog(ctx, before), before, reload)


def organization_member_case(ctx, fill: Fill) -> Case:
    group = organization(ctx, OrganizationKind.SELF_ORGANIZATION, "合唱队")
    someone = person(ctx, fill.text(roster.NAME_MAX))
    record = fill.record(
        self_organizations.Member(someone.id), self_organizations.MEMBER_MAX_LENGTH
    )
    so_service.save_member(ctx.db, group.id, record)
    reload = lambda: so_service.list_members(ctx.db, group.id)[0]  # noqa: E731
    before = reload()
    return Case(MemberDialog(ctx, before, organization_id=group.id), before, reload)


def station_month_case(ctx, fill: Fill) -> Case:
    station = resource_service.save_resource(
        ctx.db, resources.Resource(title="暖蜂驿站", is_rest_station=True)
    )
    record = fill.record(
        stations.StationMonth(station.id, date(2026, 5, 1), 12), stations.MAX_LENGTH
    )
    station_service.save_month(ctx.db, record)
    reload = lambda: station_service.station_log(ctx.db, station.id)[0]  # noqa: E731
    before = reload()
    return Case(StationMonthDialog(ctx, before, station.title), before, reload)


def cultivation_case(ctx, fill: Fill) -> Case:
    someone = person(ctx)
    record = fill.record(talents.Cultivation(someone.id), talents.CULTIVATION_MAX_LENGTH)
    talent_service.save_cultivation(ctx.db, record)
    reload = lambda: talent_service.list_cultivation(ctx.db, someone.id)[0]  # noqa: E731
    before = reload()
    return Case(CultivationDialog(ctx, before), before, reload)


def right_use_case(ctx, fill: Fill) -> Case:
    someone = person(ctx)
    record = fill.record(
        talents.RightUse(someone.id, roster.TalentRight.SUGGESTION), talents.RIGHT_USE_MAX_LENGTH
    )
    talent_service.save_right_use(ctx.db, record)
    reload = lambda: talent_service.list_right_uses(ctx.db, someone.id)[0]  # noqa: E731
    before = reload()
    return Case(RightUseDialog(ctx, before), before, reload)


def discovery_case(ctx, fill: Fill) -> Case:  # a date only: no text to lose
    someone = person(ctx)
    talent_service.set_discovered(ctx.db, someone.id, date(2026, 3, 1))
    reload = lambda: talent_service.list_talents(ctx.db)[0].discovered_on  # noqa: E731
    before = reload()
    return Case(DiscoveryDialog(ctx, someone.id, someone.name, before), before, reload)


CASES = [
    need_case,
    resource_case,
    project_case,
    visit_case,
    meeting_case,
    compact_case,
    person_case,
    organization_case,
    building_case,
    committee_term_case,
    cross_appointment_case,
    evaluation_case,
    patrol_case,
    partner_agreement_case,
    partner_activity_case,
    organization_activity_case,
    organization_member_case,
    station_month_case,
    cultivation_case,
    right_use_case,
    discovery_case,
    follow_up_case,
]


@pytest.mark.parametrize("make", CASES, ids=[c.__name__.removesuffix("_case") for c in CASES])
def test_a_form_keeps_the_longest_values_its_fields_allow(ctx, qtbot, make) -> None:
    fill = Fill()
    case = make(ctx, fill)
    qtbot.addWidget(case.dialog)
    mismatched = [
        f"{fill.names[e.text()]}: maxLength {e.maxLength()}, limit {fill.limits[e.text()]}"
        for e in case.dialog.findChildren(QLineEdit)
        if e.text() in fill.limits and e.maxLength() != fill.limits[e.text()]
    ]
    case.dialog._save_clicked()  # 保存, with nothing changed
    assert case.dialog.result() == QDialog.DialogCode.Accepted, case.dialog.problems()
    changed = differences(case.before, case.reload())
    assert (mismatched, changed) == ([], [])


def test_every_record_form_is_covered() -> None:
    """A new form that edits a record must be added to CASES."""
    import importlib
    import pkgutil

    import desktop.ui.dialogs as package

    forms = set()
    for module in pkgutil.iter_modules(package.__path__):
        found = importlib.import_module(f"{package.__name__}.{module.name}")
        classes = [v for v in vars(found).values() if isinstance(v, type)]
        bases = (RecordForm, RecordDialog)
        forms |= {c for c in classes if issubclass(c, RecordForm) and c not in bases}
    covered = {
        NeedDialog,
        ResourceDialog,
        ProjectDialog,
        VisitDialog,
        MeetingDialog,
        CompactEditor,
        PersonDialog,
        OrganizationDialog,
        BuildingDialog,
        CommitteeTermDialog,
        CrossAppointmentDialog,
        EvaluationDialog,
        PatrolDialog,
        AgreementDialog,
        PartnerActivityDialog,
        OrgActivityDialog,
        MemberDialog,
        StationMonthDialog,
        CultivationDialog,
        RightUseDialog,
        DiscoveryDialog,
        FollowUpDialog,
    }
    assert forms == covered


def test_a_phone_from_a_ledger_survives_the_need_form(ctx, qtbot, tmp_path) -> None:
    from desktop.services.ledger import import_ledger
    from tests.services.test_ledger import NEEDS_HEADERS, needs_row, write_sheet

    phone = "13812345678（本人）/13987654321（女儿）"  # 33 characters; the form allowed 30
    path = write_sheet(tmp_path / "需求.xlsx", [NEEDS_HEADERS, needs_row(联系电话=phone)])
    assert import_ledger(ctx.db, "needs", path).created == 1
    need = need_service.get_need(ctx.db, need_service.list_needs(ctx.db, needs.NeedQuery())[0].id)
    dialog = NeedDialog(ctx, need)
    qtbot.addWidget(dialog)
    dialog._save_clicked()
    assert need_service.get_need(ctx.db, need.id).phone == phone
