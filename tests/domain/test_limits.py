"""Each record's texts have their limits in one table (MAX_LENGTH and its like), read by
validation, the forms, the ledgers and the database: every text field is in its table, and
validation accepts a value at the limit and refuses one character more."""

import typing
from dataclasses import fields, replace
from datetime import date

import pytest

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
from desktop.domain.errors import Problem

# (record, its table, its text fields that are not typed: ids, names read from elsewhere,
# and the few with no limit of their own)
TABLES = [
    (needs.Need, needs.MAX_LENGTH, {"uuid"}),
    (resources.Resource, resources.MAX_LENGTH, {"uuid"}),
    (projects.Project, projects.MAX_LENGTH, {"uuid"}),
    (projects.Party, projects.PARTY_MAX_LENGTH, set()),
    (visits.Visit, visits.MAX_LENGTH, {"uuid"}),
    (meetings.Meeting, meetings.MAX_LENGTH, {"uuid"}),
    (meetings.Topic, meetings.TOPIC_MAX_LENGTH, {"title"}),
    (roster.Person, roster.PERSON_MAX_LENGTH, {"uuid"}),
    (roster.Address, roster.ADDRESS_MAX_LENGTH, set()),
    (roster.Organization, roster.ORGANIZATION_MAX_LENGTH, {"uuid"}),
    (roster.Neighborhood, roster.NEIGHBORHOOD_MAX_LENGTH, set()),
    (roster.Building, roster.BUILDING_MAX_LENGTH, set()),
    (committee.CommitteeTerm, committee.TERM_MAX_LENGTH, {"organization_name"}),
    (committee.CommitteeMember, committee.MEMBER_MAX_LENGTH, set()),
    (
        committee.CrossAppointment,
        committee.APPOINTMENT_MAX_LENGTH,
        {"person_name", "organization_name"},
    ),
    (committee.Evaluation, committee.EVALUATION_MAX_LENGTH, {"uuid", "organization_name"}),
    (committee.EvaluationScore, committee.SCORE_MAX_LENGTH, set()),
    (compacts.CompactVersion, compacts.VERSION_MAX_LENGTH, set()),
    (partners.Agreement, partners.AGREEMENT_MAX_LENGTH, {"uuid"}),
    (partners.PartnerActivity, partners.ACTIVITY_MAX_LENGTH, {"uuid"}),
    (federation.Patrol, federation.PATROL_MAX_LENGTH, {"uuid"}),
    (federation.Finding, federation.FINDING_MAX_LENGTH, set()),
    (self_organizations.Activity, self_organizations.ACTIVITY_MAX_LENGTH, {"uuid"}),
    (self_organizations.Member, self_organizations.MEMBER_MAX_LENGTH, {"name", "building"}),
    (stations.StationMonth, stations.MAX_LENGTH, set()),
    (talents.Cultivation, talents.CULTIVATION_MAX_LENGTH, set()),
    (talents.RightUse, talents.RIGHT_USE_MAX_LENGTH, set()),
]


@pytest.mark.parametrize(("record", "table", "exempt"), TABLES, ids=[t[0].__name__ for t in TABLES])
def test_every_text_field_has_its_limit_in_the_table(record, table, exempt) -> None:
    hints = typing.get_type_hints(record)
    texts = {f.name for f in fields(record) if hints[f.name] in (str, str | None)}
    assert texts - exempt == set(table)


VALID = [
    (needs.Need(title="路灯", category_id=1), needs.MAX_LENGTH, needs.validate_need),
    (resources.Resource(title="活动室"), resources.MAX_LENGTH, resources.validate_resource),
    (projects.Project(title="加装电梯"), projects.MAX_LENGTH, projects.validate_project),
    (
        visits.Visit(visits.VisitKind.DOOR_KNOCKING, resident="张伟", issue="漏水"),
        visits.MAX_LENGTH,
        visits.validate_visit,
    ),
    (meetings.Meeting(title="议事会"), meetings.MAX_LENGTH, meetings.validate_meeting),
    (
        roster.Organization(roster.OrganizationKind.PARTNER_UNIT, "区医院"),
        roster.ORGANIZATION_MAX_LENGTH,
        roster.validate_organization,
    ),
    (
        partners.PartnerActivity(1, partners.PartnerActivityKind.PAIRING, description="义诊"),
        partners.ACTIVITY_MAX_LENGTH,
        partners.validate_activity,
    ),
    (
        federation.Patrol(route="1栋", participants="张伟"),
        federation.PATROL_MAX_LENGTH,
        federation.validate_patrol,
    ),
    (
        self_organizations.Activity(1, kind="开放日"),
        self_organizations.ACTIVITY_MAX_LENGTH,
        self_organizations.validate_activity,
    ),
    (
        stations.StationMonth(1, date(2026, 5, 1)),
        stations.MAX_LENGTH,
        stations.validate_station_month,
    ),
]


@pytest.mark.parametrize(
    ("valid", "table", "validate"), VALID, ids=[type(v[0]).__name__ for v in VALID]
)
def test_validation_reads_the_table(valid, table, validate) -> None:
    assert validate(valid) == {}
    for name, limit in table.items():
        if name == "phone" and isinstance(valid, roster.Organization):
            continue  # a phone is checked for its form first
        assert name not in validate(replace(valid, **{name: "长" * limit}))
        assert validate(replace(valid, **{name: "长" * (limit + 1)}))[name] is Problem.TOO_LONG
