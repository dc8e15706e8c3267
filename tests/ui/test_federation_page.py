"""楼栋与自组织, driven like a secretary: the leaders' overview with its gaps, a patrol's
finding registered as a need, a leaders' meeting opened in the meetings' editor, members and
activities of a self-organization, a station's month logged twice, and a talent's rights
derived from a finalized meeting."""

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.domain.federation import Finding, Patrol
from desktop.domain.meetings import Attendance, Meeting, MeetingKind, Participant, ParticipantRole
from desktop.domain.needs import NeedSource
from desktop.domain.resources import Resource
from desktop.domain.roster import (
    Address,
    Building,
    Grid,
    Organization,
    OrganizationKind,
    Person,
    PersonRole,
    TalentRight,
)
from desktop.domain.self_organizations import Activity, Member
from desktop.domain.stations import StationMonth
from desktop.services import (
    meetings,
    needs,
    neighborhood,
    organizations,
    patrols,
    people,
    resources,
    stations,
    talents,
)
from desktop.services import self_organizations as so
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.dialogs.organization_activity import ActivityDialog
from desktop.ui.dialogs.patrol import PatrolDialog
from desktop.ui.dialogs.station_service import StationMonthDialog
from desktop.ui.i18n import translate
from desktop.ui.models.federation import (
    ActivityModel,
    FindingModel,
    MemberModel,
    PatrolModel,
    RightUseModel,
    SelfOrganizationModel,
    StationModel,
    StationMonthModel,
    TalentModel,
)
from desktop.ui.pages.federation import FederationPage
from tests.ui.keyboard import type_text

NAME = "欧阳䶮𠮷 <b>&"


@pytest.fixture
def hood(ctx):
    grid = neighborhood.save_grid(ctx.db, Grid(name="第一网格"))
    b1 = neighborhood.save_building(ctx.db, Building(name="1栋", grid_id=grid.id)).id
    neighborhood.save_building(ctx.db, Building(name="2栋", grid_id=grid.id))
    leader = people.save_person(
        ctx.db,
        Person(
            NAME,
            address=Address(building_id=b1),
            roles=frozenset({PersonRole.BUILDING_LEADER, PersonRole.TALENT}),
        ),
    )
    return leader.id


def test_models_pass_modeltester(ctx, hood, qtmodeltester):
    patrol = patrols.save_patrol(
        ctx.db, Patrol(date(2026, 11, 3), "1栋→2栋", NAME, findings=[Finding("堆物", "1栋")])
    )
    org = organizations.save_organization(
        ctx.db,
        Organization(OrganizationKind.SELF_ORGANIZATION, "舞蹈队", incubated_on=date.today()),
    )
    so.save_member(ctx.db, org.id, Member(hood, role="负责人"))
    so.save_activity(ctx.db, Activity(org.id, "开放日", participant_count=30))
    station = resources.save_resource(ctx.db, Resource("东门驿站", is_rest_station=True))
    stations.save_month(ctx.db, StationMonth(station.id, date(2026, 9, 1), 100))
    for model, rows in (
        (PatrolModel(), patrols.list_patrols(ctx.db)),
        (FindingModel(), patrol.findings),
        (SelfOrganizationModel(), so.list_self_organizations(ctx.db)),
        (MemberModel(), so.list_members(ctx.db, org.id)),
        (ActivityModel(), so.list_activities(ctx.db, org.id)),
        (StationModel(), stations.list_stations(ctx.db)),
        (StationMonthModel(), stations.station_log(ctx.db, station.id)),
        (TalentModel(), talents.list_talents(ctx.db)),
        (RightUseModel(), []),
    ):
        model.set_rows(rows)
        assert model.rowCount() == len(rows)
        qtmodeltester.check(model)


def test_overview_shows_leaders_and_gaps(ctx, hood, qtbot):
    page = FederationPage(ctx)
    qtbot.addWidget(page)
    grid = page.leaders.overview.topLevelItem(0)
    assert grid.text(0) == "第一网格"
    gap = translate("LeadersTab", "No leader yet")
    children = [(grid.child(i).text(0), grid.child(i).text(1)) for i in range(grid.childCount())]
    assert children == [("1栋", NAME), ("2栋", gap)]


def test_a_finding_registered_as_a_need(ctx, hood, qtbot):
    saved = patrols.save_patrol(
        ctx.db,
        Patrol(
            date(2026, 11, 3),
            "1栋→2栋",
            NAME,
            findings=[Finding("楼道堆物 A&B <b>", "1栋"), Finding("车库积水", "2栋")],
        ),
    )
    page = FederationPage(ctx)
    qtbot.addWidget(page)
    tab = page.leaders
    assert tab.patrols.model.rowCount() == 1
    assert tab.findings.model.rowCount() == 2
    tab.findings.view.selectRow(1)
    safety = tab.category.findText("安全隐患")
    tab.category.setCurrentIndex(safety)
    assert tab.register.isEnabled()
    tab.register.click()
    need_id = patrols.get_patrol(ctx.db, saved.id).findings[1].need_id
    assert need_id is not None
    need = needs.get_need(ctx.db, need_id)
    assert (need.title, need.source, need.registered_on) == (
        "车库积水",
        NeedSource.BUILDING_PATROL,
        date(2026, 11, 3),
    )
    assert need.category_id == tab.category.itemData(safety)
    # The page refreshed on the change signal: the finding says so and cannot go twice.
    tab.findings.view.selectRow(1)
    assert not tab.register.isEnabled()
    assert "1" in tab.patrols.model.display(tab.patrols.model.row_at(0), PatrolModel.FINDINGS)


def test_new_patrol_through_the_dialog(ctx, hood, qtbot, monkeypatch):
    page = FederationPage(ctx)
    qtbot.addWidget(page)

    def fill(dialog: PatrolDialog) -> int:
        type_text(dialog.route, "东门→3栋→地下车库")
        type_text(dialog.participants, NAME)
        dialog.add_finding(Finding("消防通道被电动车堵住", "2栋"))
        assert dialog.save_button.isEnabled()
        dialog._save_clicked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PatrolDialog, "exec", fill)
    page.leaders.new_patrol()
    rows = patrols.list_patrols(ctx.db)
    assert [(r.route, r.participants, r.findings) for r in rows] == [("东门→3栋→地下车库", NAME, 1)]
    assert page.leaders.patrols.model.rowCount() == 1


def test_new_leaders_meeting_opens_the_meeting_editor(ctx, hood, qtbot, monkeypatch):
    meetings.save_meeting(
        ctx.db,
        Meeting("十月楼栋长月度例会", MeetingKind.BUILDING_LEADERS, datetime(2026, 10, 8, 19)),
    )
    page = FederationPage(ctx)
    qtbot.addWidget(page)
    assert page.leaders.meetings.count() == 1
    assert "十月楼栋长月度例会" in page.leaders.meetings.item(0).text()
    seen = []

    def save(dialog: MeetingDialog) -> int:
        seen.append(dialog.kind.currentData())
        assert dialog.participants.rowCount() == 1  # the building leaders are invited
        assert dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MeetingDialog, "exec", save)
    page.leaders.new_meeting_button.click()
    assert seen == [MeetingKind.BUILDING_LEADERS]
    assert page.leaders.meetings.count() == 2


def test_self_organization_activity_and_members(ctx, hood, qtbot, monkeypatch):
    org = organizations.save_organization(
        ctx.db,
        Organization(OrganizationKind.SELF_ORGANIZATION, NAME, incubated_on=date(2026, 3, 1)),
    )
    page = FederationPage(ctx)
    qtbot.addWidget(page)
    tab = page.self_organizations
    assert tab.groups.model.display(tab.groups.model.row_at(0), 1) == "2026年3月1日"

    def fill(dialog: ActivityDialog) -> int:
        dialog.kind.setEditText("邻里美食节")
        dialog.count.setValue(42)
        assert dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActivityDialog, "exec", fill)
    tab.new_activity()
    assert [(a.kind, a.participant_count) for a in so.list_activities(ctx.db, org.id)] == [
        ("邻里美食节", 42)
    ]
    assert tab.activities.model.rowCount() == 1
    so.save_member(ctx.db, org.id, Member(hood, role="负责人"))
    ctx.events.data_changed.emit("organizations")
    assert tab.members.model.row_at(0).name == NAME
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.members.view.selectRow(0)
    tab.remove_member()
    assert so.list_members(ctx.db, org.id) == []


def test_a_month_logged_twice_is_one_row(ctx, hood, qtbot, monkeypatch):
    station = resources.save_resource(ctx.db, Resource("东门暖蜂驿站", is_rest_station=True))
    page = FederationPage(ctx)
    qtbot.addWidget(page)
    tab = page.stations
    assert tab.stations.model.rowCount() == 1

    def fill(dialog: StationMonthDialog) -> int:
        dialog.riders.setValue(dialog.riders.value() + 50)
        assert dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StationMonthDialog, "exec", fill)
    tab.new_month()
    tab.new_month()  # the same month again: updated, not doubled
    log = stations.station_log(ctx.db, station.id)
    assert [(m.month, m.riders_served) for m in log] == [(date.today().replace(day=1), 50)]
    assert tab.log.model.rowCount() == 1


def test_talent_rights_from_a_finalized_meeting(ctx, hood, qtbot):
    held = meetings.save_meeting(
        ctx.db,
        Meeting(
            "协商议事会",
            starts_at=datetime(2026, 10, 8, 19),
            participants=[
                Participant(
                    ParticipantRole.TALENT, NAME, person_id=hood, attendance=Attendance.PRESENT
                )
            ],
        ),
    )
    page = FederationPage(ctx)
    qtbot.addWidget(page)
    page.setCurrentWidget(page.talents)
    tab = page.talents
    assert tab.people.model.rowCount() == 1
    assert tab.uses.model.rowCount() == 0  # a draft counts for nothing
    meetings.finalize_meeting(ctx.db, held.id)
    ctx.events.data_changed.emit("meetings")  # what the meetings page sends on finalizing
    qtbot.waitUntil(lambda: tab.uses.model.rowCount() == 1, timeout=5000)
    use = tab.uses.model.row_at(0)
    assert (use.right, use.used_on) == (TalentRight.DELIBERATION, date(2026, 10, 8))
    assert not tab.delete_use_button.isEnabled() or tab.uses.current() is not use
    tab.uses.view.selectRow(0)
    assert not tab.delete_use_button.isEnabled()  # it goes only with its meeting
    # The people list (with its counts per right) reloads on its own, after the uses.
    people = tab.people.model
    qtbot.waitUntil(lambda: people.display(people.row_at(0), 4) == "1", timeout=5000)
