"""Self-organizations: the list with incubation dates, members from the roster, activities."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.roster import Organization, OrganizationKind
from desktop.domain.self_organizations import Activity, Member
from desktop.services import organizations, trash
from desktop.services import self_organizations as so
from desktop.services.people import delete_people
from desktop.store.database import Database
from tests.services.conftest import Roster
from tests.services.migrated import copy_of

NAME = "欧阳䶮𠮷 <b>&"


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def org(
    db: Database,
    name: str,
    incubated_on: date | None = None,
    kind: OrganizationKind = OrganizationKind.SELF_ORGANIZATION,
) -> int:
    saved = organizations.save_organization(
        db, Organization(kind=kind, name=name, incubated_on=incubated_on)
    )
    assert saved.id is not None
    return saved.id


def test_incubation_date_is_kept_for_self_organizations_only(db: Database) -> None:
    dance = org(db, "夕阳红舞蹈队", date(2026, 3, 15))
    assert organizations.get_organization(db, dance).incubated_on == date(2026, 3, 15)
    company = org(db, "物业公司", date(2026, 3, 15), OrganizationKind.PROPERTY_COMPANY)
    assert organizations.get_organization(db, company).incubated_on is None


def test_list_counts_members_and_activities(db: Database, roster: Roster) -> None:
    dance = org(db, "夕阳红舞蹈队", date(2026, 3, 15))
    readers = org(db, NAME)
    org(db, "物业公司", kind=OrganizationKind.PROPERTY_COMPANY)
    so.save_member(db, dance, Member(roster.people["张伟"], role="负责人"))
    so.save_member(db, dance, Member(roster.people["王䶮"], role="成员"))
    for day in (date(2026, 5, 1), date(2026, 9, 9)):
        so.save_activity(db, Activity(dance, "文体活动", day, participant_count=20))
    gone = so.save_activity(db, Activity(dance, "美食节", date(2026, 10, 1)))
    so.delete_activities(db, [gone.id or 0])
    delete_people(db, [roster.people["王䶮"]])  # a member in the trash is not counted
    rows = {r.name: r for r in so.list_self_organizations(db)}
    assert set(rows) == {"夕阳红舞蹈队", NAME}
    assert (rows["夕阳红舞蹈队"].members, rows["夕阳红舞蹈队"].activities) == (1, 2)
    assert rows["夕阳红舞蹈队"].last_activity == date(2026, 9, 9)
    assert rows["夕阳红舞蹈队"].incubated_on == date(2026, 3, 15)
    assert (rows[NAME].members, rows[NAME].activities, rows[NAME].last_activity) == (0, 0, None)
    assert rows[NAME].id == readers


def test_members_added_updated_removed(db: Database, roster: Roster) -> None:
    dance = org(db, "夕阳红舞蹈队")
    so.save_member(
        db, dance, Member(roster.people["𠮷祥"], role="成员", joined_on=date(2026, 4, 1))
    )
    so.save_member(
        db, dance, Member(roster.people["张伟"], role="成员", joined_on=date(2026, 3, 1))
    )
    # Saving again changes the role: one membership per person.
    so.save_member(db, dance, Member(roster.people["𠮷祥"], role=" 负责人 "))
    members = so.list_members(db, dance)
    assert [(m.name, m.role, m.building) for m in members] == [
        ("𠮷祥", "负责人", "10栋"),
        ("张伟", "成员", "1栋"),
    ]
    assert so.remove_member(db, dance, roster.people["张伟"])
    assert not so.remove_member(db, dance, roster.people["张伟"])
    assert [m.name for m in so.list_members(db, dance)] == ["𠮷祥"]
    with pytest.raises(NotFoundError):
        so.save_member(db, dance, Member(999_999))
    with pytest.raises(ValidationError):
        so.save_member(db, dance, Member(roster.people["张伟"], role="长" * 41))


def test_activity_round_trip_validation_and_trash(db: Database) -> None:
    dance = org(db, "夕阳红舞蹈队")
    saved = so.save_activity(
        db,
        Activity(
            dance,
            " 广场舞展演 ",
            date(2026, 6, 1),
            participants=NAME,
            participant_count=35,
            description="A&B <script>",
        ),
    )
    assert saved.kind == "广场舞展演"  # free text beyond the starter list
    assert so.get_activity(db, saved.id or 0) == saved
    saved.participant_count = None
    assert so.save_activity(db, saved).participant_count is None
    with pytest.raises(ValidationError) as err:
        so.save_activity(db, Activity(dance, "", participant_count=-1))
    assert err.value.problems == {
        "kind": Problem.REQUIRED,
        "participant_count": Problem.NEGATIVE_AMOUNT,
    }
    assert so.delete_activities(db, [saved.id or 0]) == 1
    assert so.list_activities(db, dance) == []
    items = [i for i in trash.list_trash(db) if i.kind.value == "organization_activities"]
    assert [i.title for i in items] == ["广场舞展演"]
    trash.restore(db, items)
    assert [a.id for a in so.list_activities(db, dance)] == [saved.id]
