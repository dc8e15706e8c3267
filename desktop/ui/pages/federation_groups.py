"""自组织 and 暖蜂驿站 tabs: self-organizations with members and activities; rest stations
with their monthly service log."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordKind
from desktop.domain.self_organizations import Activity
from desktop.domain.stations import StationMonth, month_start
from desktop.services import organizations, stations
from desktop.services import self_organizations as so
from desktop.ui.dialogs.form import run_form
from desktop.ui.dialogs.organization import OrganizationDialog
from desktop.ui.dialogs.organization_activity import ActivityDialog, MemberDialog
from desktop.ui.dialogs.station_service import StationMonthDialog
from desktop.ui.i18n import translate
from desktop.ui.models.federation import (
    ActivityModel,
    MemberModel,
    SelfOrganizationModel,
    StationModel,
    StationMonthModel,
    month_text,
)
from desktop.ui.pages.federation_parts import Section
from desktop.ui.pages.watching import WatchingPage


class SelfOrganizationsTab(WatchingPage):
    reloads_on = (RecordKind.ORGANIZATION, RecordKind.ORGANIZATION_ACTIVITY, RecordKind.PERSON)

    def build(self) -> None:
        self.groups = Section(
            translate("SelfOrganizationsTab", "Self-organizations"), SelfOrganizationModel(self)
        )
        self.groups.button(translate("SelfOrganizationsTab", "New"), self.new_group)
        self.groups.button(translate("SelfOrganizationsTab", "Edit"), self.edit_group, True)
        self.groups.view.selectionModel().selectionChanged.connect(lambda *_a: self.load_detail())
        self.groups.view.activated.connect(lambda _i: self.edit_group())
        self.members = Section(translate("SelfOrganizationsTab", "Members"), MemberModel(self))
        self.members.button(translate("SelfOrganizationsTab", "Add a member"), self.add_member)
        self.members.button(translate("SelfOrganizationsTab", "Edit"), self.edit_member, True)
        self.members.button(translate("SelfOrganizationsTab", "Remove"), self.remove_member, True)
        self.members.view.activated.connect(lambda _i: self.edit_member())
        self.activities = Section(
            translate("SelfOrganizationsTab", "Activities"), ActivityModel(self)
        )
        self.activities.button(translate("SelfOrganizationsTab", "New activity"), self.new_activity)
        self.activities.button(translate("SelfOrganizationsTab", "Edit"), self.edit_activity, True)
        self.activities.button(
            translate("SelfOrganizationsTab", "Delete"), self.delete_activity, True
        )
        self.activities.view.activated.connect(lambda _i: self.edit_activity())
        for section in (self.members, self.activities):
            section.view.selectionModel().selectionChanged.connect(
                lambda *_a, s=section: s.update_buttons()
            )
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.members)
        right.addWidget(self.activities)
        self.side_by_side(self.groups, right, (440, 560))

    def reload(self) -> None:
        self.groups.set_rows(
            so.list_self_organizations(self.ctx.db),
            translate(
                "SelfOrganizationsTab",
                'No self-organizations yet. Click "New" to add one the branch incubated.',
            ),
        )
        self.load_detail()

    def load_detail(self) -> None:
        self.groups.update_buttons()
        group = self.groups.current()
        members = so.list_members(self.ctx.db, group.id) if group else []
        activities = so.list_activities(self.ctx.db, group.id) if group else []
        self.members.set_rows(
            members, translate("SelfOrganizationsTab", "No members recorded.") if group else ""
        )
        self.activities.set_rows(
            activities,
            translate("SelfOrganizationsTab", "No activities recorded.") if group else "",
        )
        for button in (self.members, self.activities):
            button.buttons.itemAt(0).widget().setEnabled(group is not None)

    def new_group(self) -> None:
        dialog = OrganizationDialog(self.ctx, parent=self)  # a self-organization by default
        run_form(dialog)

    def edit_group(self) -> None:
        group = self.groups.current()
        if group is None:
            return
        try:
            org = organizations.get_organization(self.ctx.db, group.id)
        except NotFoundError:
            self.reload()
            return
        dialog = OrganizationDialog(self.ctx, org, parent=self)
        run_form(dialog)

    def add_member(self) -> None:
        group = self.groups.current()
        if group is not None:
            dialog = MemberDialog(self.ctx, parent=self, organization_id=group.id)
            run_form(dialog)

    def edit_member(self) -> None:
        group, member = self.groups.current(), self.members.current()
        if group is not None and member is not None:
            dialog = MemberDialog(self.ctx, member, self, organization_id=group.id)
            run_form(dialog)

    def remove_member(self) -> None:
        group, member = self.groups.current(), self.members.current()
        if group is None or member is None:
            return
        text = translate("SelfOrganizationsTab", "Remove {name} from {group}?").format(
            name=member.name, group=group.name
        )
        self.change_if_confirmed(
            translate("SelfOrganizationsTab", "Remove member"),
            text,
            lambda: so.remove_member(self.ctx.db, group.id, member.person_id),
        )

    def new_activity(self) -> None:
        group = self.groups.current()
        if group is not None:
            self._edit(Activity(group.id))

    def edit_activity(self) -> None:
        activity = self.activities.current()
        if activity is not None:
            self._edit(activity)

    def _edit(self, activity: Activity) -> None:
        dialog = ActivityDialog(self.ctx, activity, parent=self)
        run_form(dialog)

    def delete_activity(self) -> None:
        activity = self.activities.current()
        if activity is None or activity.id is None:
            return
        text = translate(
            "SelfOrganizationsTab",
            "Move the activity of {date} to the trash? You can restore it from the Trash page.",
        ).format(date=format_date(activity.held_on))
        self.change_if_confirmed(
            translate("SelfOrganizationsTab", "Move to trash"),
            text,
            lambda: so.delete_activities(self.ctx.db, [activity.id]),
        )


class StationsTab(WatchingPage):
    reloads_on = (RecordKind.RESOURCE, RecordKind.STATION_SERVICE)

    def build(self) -> None:
        self.stations = Section(
            translate("StationsTab", "Rest stations for delivery riders"), StationModel(self)
        )
        self.stations.view.selectionModel().selectionChanged.connect(lambda *_a: self.load_log())
        self.log = Section(translate("StationsTab", "Monthly service log"), StationMonthModel(self))
        self.log.button(translate("StationsTab", "Log a month"), self.new_month)
        self.log.button(translate("StationsTab", "Edit"), self.edit_month, True)
        self.log.button(translate("StationsTab", "Delete"), self.delete_month, True)
        self.log.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.log.update_buttons()
        )
        self.log.view.activated.connect(lambda _i: self.edit_month())
        self.side_by_side(self.stations, self.log, (520, 480))

    def reload(self) -> None:
        self.stations.set_rows(
            stations.list_stations(self.ctx.db),
            translate(
                "StationsTab",
                "No rest stations yet. In the Resources list, create or edit a resource "
                'and tick "Rest station".',
            ),
        )
        self.load_log()

    def load_log(self) -> None:
        station = self.stations.current()
        rows = stations.station_log(self.ctx.db, station.id) if station else []
        self.log.set_rows(
            rows, translate("StationsTab", "No months logged yet.") if station else ""
        )
        self.log.buttons.itemAt(0).widget().setEnabled(station is not None)

    def new_month(self) -> None:
        station = self.stations.current()
        if station is not None:
            self._edit(StationMonth(station.id, month_start(date.today())), station.title)

    def edit_month(self) -> None:
        station, entry = self.stations.current(), self.log.current()
        if station is not None and entry is not None:
            self._edit(entry, station.title)

    def _edit(self, entry: StationMonth, title: str) -> None:
        dialog = StationMonthDialog(self.ctx, entry, title, parent=self)
        run_form(dialog)

    def delete_month(self) -> None:
        station, entry = self.stations.current(), self.log.current()
        if station is None or entry is None:
            return
        text = translate("StationsTab", "Delete the log of {month}?").format(
            month=month_text(entry.month)
        )
        self.change_if_confirmed(
            translate("StationsTab", "Delete"),
            text,
            lambda: stations.delete_month(self.ctx.db, station.id, entry.month),
        )
