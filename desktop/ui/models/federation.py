"""The short tables of the 楼栋与自组织 page: patrols, self-organizations and their members
and activities, rest stations and their months, talented residents and their records. Each
list is small (tens of rows), so it is read whole and set with ``set_rows``."""

from collections.abc import Callable
from datetime import date
from typing import Any

from desktop.domain.federation import Finding, PatrolRow
from desktop.domain.roster import TalentRight
from desktop.domain.self_organizations import Activity, Member, SelfOrganizationRow
from desktop.domain.stations import StationMonth, StationRow
from desktop.domain.talents import Cultivation, CultivationKind, RightSource, RightUse, TalentRow
from desktop.ui.i18n import translate
from desktop.ui.labels import right_label
from desktop.ui.models.table import (
    Column,
    ListModel,
    date_column,
    note_column,
    one_line,
    wide_column,
)
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


def day_column(header: str, day: Callable[[Any], date | None]) -> Column[Any]:
    """A date in a short list: every row is read, so the rows alone measure it."""
    return date_column(header, day, widest=False)


class PatrolModel(ListModel[PatrolRow]):
    DATE, ROUTE, WHO, FINDINGS = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.DATE: day_column(translate("PatrolModel", "Date"), lambda row: row.held_on),
                self.ROUTE: note_column(translate("PatrolModel", "Route"), lambda row: row.route),
                self.WHO: Column(
                    translate("PatrolModel", "Who"),
                    lambda row: one_line(row.participants),
                    elide=True,
                ),
                self.FINDINGS: Column(
                    translate("PatrolModel", "Findings"),
                    lambda row: translate(
                        "PatrolModel", "{count}, {registered} registered as needs"
                    ).format(count=row.findings, registered=row.registered),
                ),
            },
            parent,
        )


class FindingModel(ListModel[Finding]):
    DESCRIPTION, BUILDING, NEED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.DESCRIPTION: note_column(
                    translate("FindingModel", "Finding"), lambda row: row.description
                ),
                self.BUILDING: Column(
                    translate("FindingModel", "Building"), lambda row: row.building
                ),
                self.NEED: Column(
                    translate("FindingModel", "Need"),
                    lambda row: (
                        translate("FindingModel", "Registered")
                        if row.need_id
                        else translate("FindingModel", "Not yet")
                    ),
                    ink=lambda row: Tone.DONE if row.need_id else Tone.WAITING,
                ),
            },
            parent,
        )


class SelfOrganizationModel(ListModel[SelfOrganizationRow]):
    NAME, INCUBATED, MEMBERS, ACTIVITIES, LAST = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.NAME: wide_column(
                    translate("SelfOrganizationModel", "Name"), lambda row: row.name
                ),
                self.INCUBATED: day_column(
                    translate("SelfOrganizationModel", "Incubated on"), lambda row: row.incubated_on
                ),
                self.MEMBERS: Column(
                    translate("SelfOrganizationModel", "Members"), lambda row: str(row.members)
                ),
                self.ACTIVITIES: Column(
                    translate("SelfOrganizationModel", "Activities"),
                    lambda row: str(row.activities),
                ),
                self.LAST: day_column(
                    translate("SelfOrganizationModel", "Last activity"),
                    lambda row: row.last_activity,
                ),
            },
            parent,
        )


class MemberModel(ListModel[Member]):
    NAME, BUILDING, ROLE, JOINED = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.NAME: Column(translate("MemberModel", "Name"), lambda row: row.name),
                self.BUILDING: Column(
                    translate("MemberModel", "Building"), lambda row: row.building
                ),
                self.ROLE: Column(translate("MemberModel", "Role"), lambda row: row.role),
                self.JOINED: day_column(
                    translate("MemberModel", "Joined on"), lambda row: row.joined_on
                ),
            },
            parent,
        )


class ActivityModel(ListModel[Activity]):
    DATE, KIND, COUNT, PARTICIPANTS, DESCRIPTION = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.DATE: day_column(translate("ActivityModel", "Date"), lambda row: row.held_on),
                self.KIND: Column(translate("ActivityModel", "Kind"), lambda row: row.kind),
                self.COUNT: Column(
                    translate("ActivityModel", "People"),
                    lambda row: "" if row.participant_count is None else str(row.participant_count),
                ),
                self.PARTICIPANTS: Column(
                    translate("ActivityModel", "Participants"),
                    lambda row: one_line(row.participants),
                    elide=True,
                ),
                self.DESCRIPTION: note_column(
                    translate("ActivityModel", "Description"), lambda row: row.description
                ),
            },
            parent,
        )


class StationModel(ListModel[StationRow]):
    TITLE, PROVIDER, MONTHS, RIDERS, LAST = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.TITLE: wide_column(
                    translate("StationModel", "Rest station"), lambda row: row.title
                ),
                self.PROVIDER: Column(
                    translate("StationModel", "Offered by"), lambda row: row.provider, elide=True
                ),
                self.MONTHS: Column(
                    translate("StationModel", "Months logged"), lambda row: str(row.months)
                ),
                self.RIDERS: Column(
                    translate("StationModel", "Riders served"),
                    lambda row: f"{row.riders_total:,}",
                ),
                self.LAST: Column(
                    translate("StationModel", "Last month"), lambda row: month_text(row.last_month)
                ),
            },
            parent,
        )


class StationMonthModel(ListModel[StationMonth]):
    MONTH, RIDERS, SERVICES, NOTE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.MONTH: Column(
                    translate("StationMonthModel", "Month"), lambda row: month_text(row.month)
                ),
                self.RIDERS: Column(
                    translate("StationMonthModel", "Riders served"),
                    lambda row: f"{row.riders_served:,}",
                ),
                self.SERVICES: Column(
                    translate("StationMonthModel", "Services"),
                    lambda row: one_line(row.services),
                ),
                self.NOTE: note_column(
                    translate("StationMonthModel", "Note"), lambda row: row.note
                ),
            },
            parent,
        )


class TalentModel(ListModel[TalentRow]):
    NAME, BUILDING, DISCOVERED, CULTIVATED = range(4)
    RIGHTS = tuple(TalentRight)  # one column per right after the four above

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.NAME: Column(translate("TalentModel", "Name"), lambda row: row.name),
                self.BUILDING: Column(
                    translate("TalentModel", "Building"), lambda row: row.building
                ),
                self.DISCOVERED: day_column(
                    translate("TalentModel", "Discovered on"), lambda row: row.discovered_on
                ),
                self.CULTIVATED: Column(
                    translate("TalentModel", "Cultivation"), lambda row: str(row.cultivations)
                ),
                **{4 + i: right_column(right) for i, right in enumerate(self.RIGHTS)},
            },
            parent,
        )


def right_column(right: TalentRight) -> Column[TalentRow]:
    """How often a talented resident used one of the four rights."""
    return Column(right_label(right), lambda row: str(row.uses.get(right, 0)))


class CultivationModel(ListModel[Cultivation]):
    DATE, KIND, DESCRIPTION = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.DATE: day_column(
                    translate("CultivationModel", "Date"), lambda row: row.happened_on
                ),
                self.KIND: Column(
                    translate("CultivationModel", "Kind"),
                    lambda row: cultivation_kind_label(row.kind),
                ),
                self.DESCRIPTION: note_column(
                    translate("CultivationModel", "Description"), lambda row: row.description
                ),
            },
            parent,
        )


class RightUseModel(ListModel[RightUse]):
    DATE, RIGHT, SOURCE, NOTE = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            {
                self.DATE: day_column(translate("RightUseModel", "Date"), lambda row: row.used_on),
                self.RIGHT: Column(
                    translate("RightUseModel", "Right"), lambda row: right_label(row.right)
                ),
                self.SOURCE: Column(
                    translate("RightUseModel", "From"), lambda row: right_source_label(row.source)
                ),
                self.NOTE: note_column(translate("RightUseModel", "Note"), lambda row: row.note),
            },
            parent,
        )
