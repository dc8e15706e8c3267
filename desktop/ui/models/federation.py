"""The short tables of the 楼栋与自组织 page: patrols, self-organizations and their members
and activities, rest stations and their months, talented residents and their records. Each
list is small (tens of rows), so it is read whole and set with ``set_rows``."""

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.dates import format_date
from desktop.domain.federation import Finding, PatrolRow
from desktop.domain.roster import TalentRight
from desktop.domain.self_organizations import Activity, Member, SelfOrganizationRow
from desktop.domain.stations import StationMonth, StationRow
from desktop.domain.talents import Cultivation, CultivationKind, RightSource, RightUse, TalentRow
from desktop.ui.columns import ColumnPlan
from desktop.ui.i18n import translate
from desktop.ui.labels import right_label
from desktop.ui.models.paged import Row, RowTableModel
from desktop.ui.status import Tone


def month_text(value: Any) -> str:
    """2026年9月"""
    return f"{value.year}年{value.month}月" if value else ""


def cultivation_kind_label(kind: CultivationKind) -> str:
    return {
        CultivationKind.TRAINING: translate("FederationLabels", "Training"),
        CultivationKind.ROLE: translate("FederationLabels", "Role taken on"),
    }[kind]


def right_source_label(source: RightSource) -> str:
    return {
        RightSource.MEETING: translate("FederationLabels", "Meeting"),
        RightSource.PROJECT: translate("FederationLabels", "Project"),
        RightSource.EVALUATION: translate("FederationLabels", "Evaluation"),
        RightSource.OTHER: translate("FederationLabels", "Other"),
    }[source]


class ListModel(RowTableModel[Row]):
    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[Row]:
        return self._rows


class PatrolModel(ListModel[PatrolRow]):
    DATE, ROUTE, WHO, FINDINGS = range(4)
    plan = ColumnPlan(stretch=ROUTE, elide=frozenset({ROUTE, WHO}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("PatrolModel", "Date"),
            translate("PatrolModel", "Route"),
            translate("PatrolModel", "Who"),
            translate("PatrolModel", "Findings"),
        )

    def display(self, row: PatrolRow, column: int) -> str:
        match column:
            case self.DATE:
                return format_date(row.held_on)
            case self.ROUTE:
                return row.route.replace("\n", " ")
            case self.WHO:
                return row.participants.replace("\n", " ")
            case self.FINDINGS:
                return translate("PatrolModel", "{count}, {registered} registered as needs").format(
                    count=row.findings, registered=row.registered
                )
        return ""


class FindingModel(ListModel[Finding]):
    DESCRIPTION, BUILDING, NEED = range(3)
    plan = ColumnPlan(stretch=DESCRIPTION, elide=frozenset({DESCRIPTION}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("FindingModel", "Finding"),
            translate("FindingModel", "Building"),
            translate("FindingModel", "Need"),
        )

    def display(self, row: Finding, column: int) -> str:
        match column:
            case self.DESCRIPTION:
                return row.description.replace("\n", " ")
            case self.BUILDING:
                return row.building
            case self.NEED:
                return (
                    translate("FindingModel", "Registered")
                    if row.need_id
                    else translate("FindingModel", "Not yet")
                )
        return ""

    def extra_data(self, row: Finding, column: int, role: int) -> Any:
        if column == self.NEED and role == Qt.ItemDataRole.ForegroundRole:
            return Tone.DONE.foreground if row.need_id else Tone.WAITING.foreground
        return None


class SelfOrganizationModel(ListModel[SelfOrganizationRow]):
    NAME, INCUBATED, MEMBERS, ACTIVITIES, LAST = range(5)
    plan = ColumnPlan(stretch=NAME, elide=frozenset({NAME}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("SelfOrganizationModel", "Name"),
            translate("SelfOrganizationModel", "Incubated on"),
            translate("SelfOrganizationModel", "Members"),
            translate("SelfOrganizationModel", "Activities"),
            translate("SelfOrganizationModel", "Last activity"),
        )

    def display(self, row: SelfOrganizationRow, column: int) -> str:
        match column:
            case self.NAME:
                return row.name
            case self.INCUBATED:
                return format_date(row.incubated_on)
            case self.MEMBERS:
                return str(row.members)
            case self.ACTIVITIES:
                return str(row.activities)
            case self.LAST:
                return format_date(row.last_activity)
        return ""


class MemberModel(ListModel[Member]):
    NAME, BUILDING, ROLE, JOINED = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("MemberModel", "Name"),
            translate("MemberModel", "Building"),
            translate("MemberModel", "Role"),
            translate("MemberModel", "Joined on"),
        )

    def display(self, row: Member, column: int) -> str:
        match column:
            case self.NAME:
                return row.name
            case self.BUILDING:
                return row.building
            case self.ROLE:
                return row.role
            case self.JOINED:
                return format_date(row.joined_on)
        return ""


class ActivityModel(ListModel[Activity]):
    DATE, KIND, COUNT, PARTICIPANTS, DESCRIPTION = range(5)
    plan = ColumnPlan(stretch=DESCRIPTION, elide=frozenset({PARTICIPANTS, DESCRIPTION}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("ActivityModel", "Date"),
            translate("ActivityModel", "Kind"),
            translate("ActivityModel", "People"),
            translate("ActivityModel", "Participants"),
            translate("ActivityModel", "Description"),
        )

    def display(self, row: Activity, column: int) -> str:
        match column:
            case self.DATE:
                return format_date(row.held_on)
            case self.KIND:
                return row.kind
            case self.COUNT:
                return "" if row.participant_count is None else str(row.participant_count)
            case self.PARTICIPANTS:
                return row.participants.replace("\n", " ")
            case self.DESCRIPTION:
                return row.description.replace("\n", " ")
        return ""


class StationModel(ListModel[StationRow]):
    TITLE, PROVIDER, MONTHS, RIDERS, LAST = range(5)
    plan = ColumnPlan(stretch=TITLE, elide=frozenset({TITLE, PROVIDER}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("StationModel", "Rest station"),
            translate("StationModel", "Offered by"),
            translate("StationModel", "Months logged"),
            translate("StationModel", "Riders served"),
            translate("StationModel", "Last month"),
        )

    def display(self, row: StationRow, column: int) -> str:
        match column:
            case self.TITLE:
                return row.title
            case self.PROVIDER:
                return row.provider
            case self.MONTHS:
                return str(row.months)
            case self.RIDERS:
                return f"{row.riders_total:,}"
            case self.LAST:
                return month_text(row.last_month)
        return ""


class StationMonthModel(ListModel[StationMonth]):
    MONTH, RIDERS, SERVICES, NOTE = range(4)
    plan = ColumnPlan(stretch=NOTE, elide=frozenset({NOTE}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("StationMonthModel", "Month"),
            translate("StationMonthModel", "Riders served"),
            translate("StationMonthModel", "Services"),
            translate("StationMonthModel", "Note"),
        )

    def display(self, row: StationMonth, column: int) -> str:
        match column:
            case self.MONTH:
                return month_text(row.month)
            case self.RIDERS:
                return f"{row.riders_served:,}"
            case self.SERVICES:
                return row.services.replace("\n", " ")
            case self.NOTE:
                return row.note.replace("\n", " ")
        return ""


class TalentModel(ListModel[TalentRow]):
    NAME, BUILDING, DISCOVERED, CULTIVATED = range(4)
    RIGHTS = tuple(TalentRight)  # one column per right after the four above

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("TalentModel", "Name"),
            translate("TalentModel", "Building"),
            translate("TalentModel", "Discovered on"),
            translate("TalentModel", "Cultivation"),
            *(right_label(r) for r in self.RIGHTS),
        )

    def display(self, row: TalentRow, column: int) -> str:
        match column:
            case self.NAME:
                return row.name
            case self.BUILDING:
                return row.building
            case self.DISCOVERED:
                return format_date(row.discovered_on)
            case self.CULTIVATED:
                return str(row.cultivations)
        if 4 <= column < 4 + len(self.RIGHTS):
            return str(row.uses.get(self.RIGHTS[column - 4], 0))
        return ""


class CultivationModel(ListModel[Cultivation]):
    DATE, KIND, DESCRIPTION = range(3)
    plan = ColumnPlan(stretch=DESCRIPTION, elide=frozenset({DESCRIPTION}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("CultivationModel", "Date"),
            translate("CultivationModel", "Kind"),
            translate("CultivationModel", "Description"),
        )

    def display(self, row: Cultivation, column: int) -> str:
        match column:
            case self.DATE:
                return format_date(row.happened_on)
            case self.KIND:
                return cultivation_kind_label(row.kind)
            case self.DESCRIPTION:
                return row.description.replace("\n", " ")
        return ""


class RightUseModel(ListModel[RightUse]):
    DATE, RIGHT, SOURCE, NOTE = range(4)
    plan = ColumnPlan(stretch=NOTE, elide=frozenset({NOTE}))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = (
            translate("RightUseModel", "Date"),
            translate("RightUseModel", "Right"),
            translate("RightUseModel", "From"),
            translate("RightUseModel", "Note"),
        )

    def display(self, row: RightUse, column: int) -> str:
        match column:
            case self.DATE:
                return format_date(row.used_on)
            case self.RIGHT:
                return right_label(row.right)
            case self.SOURCE:
                return right_source_label(row.source)
            case self.NOTE:
                return row.note.replace("\n", " ")
        return ""
