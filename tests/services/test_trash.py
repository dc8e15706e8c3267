"""The trash across kinds: list, restore, purge."""

import pytest

from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Organization, OrganizationKind, PeopleQuery
from desktop.services import trash
from desktop.services.organizations import (
    count_organizations,
    delete_organizations,
    save_organization,
)
from desktop.services.people import count_people, delete_people, get_person
from desktop.store.database import Database
from tests.services.conftest import Roster, add_person


@pytest.fixture
def trashed(db: Database, roster: Roster) -> dict[str, int]:
    org = save_organization(db, Organization(kind=OrganizationKind.PARTNER_UNIT, name="南园供电所"))
    ids = {"王䶮": roster.people["王䶮"], "𠮷祥": roster.people["𠮷祥"], "南园供电所": org.id}
    delete_people(db, [ids["王䶮"]])
    delete_organizations(db, [org.id])
    delete_people(db, [ids["𠮷祥"]])
    return ids


def test_empty_trash(db: Database, roster: Roster) -> None:
    assert trash.list_trash(db) == []


def test_list_trash_across_kinds_newest_first(db: Database, trashed: dict[str, int]) -> None:
    items = trash.list_trash(db)
    assert [(i.kind, i.title) for i in items] == [
        (RecordKind.PERSON, "𠮷祥"),
        (RecordKind.ORGANIZATION, "南园供电所"),
        (RecordKind.PERSON, "王䶮"),
    ]
    assert [i.id for i in items] == [trashed["𠮷祥"], trashed["南园供电所"], trashed["王䶮"]]
    stamps = [i.deleted_at for i in items]
    assert stamps == sorted(stamps, reverse=True)
    assert trash.list_trash(db, limit=2) == items[:2]


def test_restore_brings_records_back(db: Database, roster: Roster, trashed: dict[str, int]) -> None:
    live = count_people(db, PeopleQuery())
    items = trash.list_trash(db)
    assert trash.restore(db, items) == 3
    assert trash.list_trash(db) == []
    assert count_people(db, PeopleQuery()) == live + 2
    assert count_organizations(db) == 1
    assert get_person(db, trashed["王䶮"]).name == "王䶮"


def test_restore_only_the_chosen(db: Database, trashed: dict[str, int]) -> None:
    items = trash.list_trash(db)
    chosen = [i for i in items if i.kind is RecordKind.ORGANIZATION]
    assert trash.restore(db, chosen) == 1
    assert [i.title for i in trash.list_trash(db)] == ["𠮷祥", "王䶮"]


def test_purge_destroys_only_trashed_rows(
    db: Database, roster: Roster, trashed: dict[str, int]
) -> None:
    live_people = count_people(db, PeopleQuery())
    live_id = roster.people["张伟"]
    items = trash.list_trash(db)
    # A stale item pointing at a live record must not destroy it.
    stale = trash.TrashItem(RecordKind.PERSON, live_id, "张伟", items[0].deleted_at)
    assert trash.purge(db, [*items, stale]) == 3
    assert trash.list_trash(db) == []
    assert count_people(db, PeopleQuery()) == live_people
    assert count_people(db, PeopleQuery(), deleted=True) == 0
    assert count_organizations(db, deleted=True) == 0
    assert get_person(db, live_id).name == "张伟"
    assert trash.restore(db, items) == 0


def test_ids_shared_across_kinds_stay_apart(db: Database) -> None:
    pid = add_person(db, "同号人")
    org = save_organization(db, Organization(kind=OrganizationKind.PARTNER_UNIT, name="同号单位"))
    assert pid == org.id  # both tables start at 1
    delete_people(db, [pid])
    delete_organizations(db, [org.id])
    person_item = next(i for i in trash.list_trash(db) if i.kind is RecordKind.PERSON)
    assert trash.purge(db, [person_item]) == 1
    assert [(i.kind, i.title) for i in trash.list_trash(db)] == [
        (RecordKind.ORGANIZATION, "同号单位")
    ]
