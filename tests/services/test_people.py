"""People: save, read back, search, filter, sort, page, trash."""

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import (
    NAME_MAX,
    Address,
    PeopleQuery,
    Person,
    PersonRole,
    TalentRight,
)
from desktop.services.people import (
    all_people,
    count_people,
    delete_people,
    get_person,
    list_people,
    save_person,
)
from desktop.store.database import Database
from desktop.store.models import PersonRoleRecord
from tests.services.conftest import Roster, add_person
from tests.trash_items import purge_records, restore_records

RARE_NAMES = ["䶮", "𠮷", "堃", "喆", "王䶮", "𠮷祥", "李堃喆", "欧阳𠮷䶮"]


def names(db: Database, query: PeopleQuery, **kwargs: object) -> list[str]:
    return [row.name for row in list_people(db, query, **kwargs)]


# --- save, get, update ---------------------------------------------------------------


def test_save_and_get_round_trip(db: Database, roster: Roster) -> None:
    building = roster.buildings["2栋"]
    saved = save_person(
        db,
        Person(
            name=" 陈\x0b静 ",
            phone="+86 139 1234 5678",
            address=Address(building_id=building, unit="3", room="1801"),
            is_party_member=True,
            roles=frozenset({PersonRole.TALENT, PersonRole.VOLUNTEER}),
            skills="法律咨询、调解纠纷",
            talent_rights=frozenset({TalentRight.SUGGESTION, TalentRight.EVALUATION}),
            note="周末在家\n可上门",
        ),
    )
    assert saved.id is not None
    assert saved.uuid is not None and len(saved.uuid) == 36
    got = get_person(db, saved.id)
    assert got == saved
    assert got.name == "陈静"
    assert got.phone == "13912345678"
    assert got.address == Address(building_id=building, unit="3", room="1801")
    assert got.is_party_member is True
    assert got.roles == {PersonRole.TALENT, PersonRole.VOLUNTEER}
    assert got.talent_rights == {TalentRight.SUGGESTION, TalentRight.EVALUATION}
    assert got.note == "周末在家\n可上门"


def test_update_changes_fields_and_roles_but_keeps_identity(db: Database, roster: Roster) -> None:
    pid = roster.people["张伟"]
    before = get_person(db, pid)
    before.phone = "0755-26881234"
    before.address = Address(building_id=roster.buildings["10栋"], unit="2", room="2201")
    before.roles = frozenset({PersonRole.VOLUNTEER, PersonRole.SELF_ORGANIZATION_MEMBER})
    before.is_party_member = False
    after = save_person(db, before)
    assert (after.id, after.uuid) == (pid, before.uuid)
    got = get_person(db, pid)
    assert got.phone == "0755-26881234"
    assert got.address.room == "2201"
    assert got.roles == {PersonRole.VOLUNTEER, PersonRole.SELF_ORGANIZATION_MEMBER}
    assert got.is_party_member is False
    assert count_people(db, PeopleQuery()) == len(roster.people)
    assert count_people(db, PeopleQuery(role=PersonRole.BUILDING_LEADER)) == 0


def test_talent_rights_dropped_when_talent_role_removed(db: Database, roster: Roster) -> None:
    person = get_person(db, roster.people["王䶮"])
    person.talent_rights = frozenset({TalentRight.DELIBERATION})
    save_person(db, person)
    assert get_person(db, person.id).talent_rights == {TalentRight.DELIBERATION}
    person.roles = frozenset()
    save_person(db, person)
    assert get_person(db, person.id).talent_rights == frozenset()


@pytest.mark.parametrize("name", RARE_NAMES)
def test_rare_names_round_trip_exactly(db: Database, name: str) -> None:
    pid = add_person(db, name)
    assert get_person(db, pid).name == name
    [row] = list_people(db, PeopleQuery(text=name))
    assert row.name == name
    assert [p.name for p in all_people(db)] == [name]


def test_validation_errors_name_every_problem(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_person(
            db,
            Person(
                name="\x0b ",
                phone="12345678901",
                address=Address(building_id=999, room="9" * (NAME_MAX + 1)),
            ),
        )
    assert caught.value.problems == {
        "name": Problem.REQUIRED,
        "room": Problem.TOO_LONG,
        "building": Problem.UNKNOWN_BUILDING,
    }
    assert count_people(db, PeopleQuery()) == 0


def test_unknown_building_alone(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_person(db, Person(name="张伟", address=Address(building_id=42)))
    assert caught.value.problems == {"building": Problem.UNKNOWN_BUILDING}


def test_get_missing_person(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_person(db, 12345)


def test_update_of_missing_person(db: Database) -> None:
    with pytest.raises(NotFoundError):
        save_person(db, Person(name="张伟", id=12345))
    assert count_people(db, PeopleQuery()) == 0


# --- search ------------------------------------------------------------------------------


def test_two_character_chinese_search(db: Database, roster: Roster) -> None:
    query = PeopleQuery(text="张伟")
    assert names(db, query) == ["张伟", "张伟华"]
    assert count_people(db, query) == 2


def test_one_character_search(db: Database, roster: Roster) -> None:
    assert sorted(names(db, PeopleQuery(text="伟"))) == sorted(["张伟", "张伟华", "李伟", "伟张"])


def test_three_character_search(db: Database, roster: Roster) -> None:
    assert names(db, PeopleQuery(text="张伟华")) == ["张伟华"]


def test_search_by_rare_character(db: Database, roster: Roster) -> None:
    assert names(db, PeopleQuery(text="𠮷")) == ["𠮷祥"]
    assert names(db, PeopleQuery(text="䶮")) == ["王䶮"]


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("1234", {"张伟", "张伟华", "李伟"}),
        ("138", {"张伟"}),
        ("5678", {"张伟"}),
        ("0755", {"李伟"}),
        ("0755-2688", {"李伟"}),
        ("2222", {"赵堃"}),
    ],
)
def test_phone_fragment_search(
    db: Database, roster: Roster, fragment: str, expected: set[str]
) -> None:
    assert set(names(db, PeopleQuery(text=fragment))) == expected
    assert count_people(db, PeopleQuery(text=fragment)) == len(expected)


def test_room_search(db: Database, roster: Roster) -> None:
    # 1203 is a room for two people; nobody's phone contains it.
    assert set(names(db, PeopleQuery(text="1203"))) == {"张伟", "李伟"}


def test_search_ignores_surrounding_blanks(db: Database, roster: Roster) -> None:
    assert names(db, PeopleQuery(text="  张伟 ")) == ["张伟", "张伟华"]


def test_search_without_match(db: Database, roster: Roster) -> None:
    assert names(db, PeopleQuery(text="不存在")) == []
    assert count_people(db, PeopleQuery(text="不存在")) == 0


def test_percent_and_underscore_are_literal(db: Database, roster: Roster) -> None:
    add_person(db, "刘100%")
    add_person(db, "周_明")
    add_person(db, "吴\\敏")
    assert names(db, PeopleQuery(text="%")) == ["刘100%"]
    assert names(db, PeopleQuery(text="_")) == ["周_明"]
    assert names(db, PeopleQuery(text="周_")) == ["周_明"]
    assert names(db, PeopleQuery(text="\\")) == ["吴\\敏"]
    assert count_people(db, PeopleQuery(text="%")) == 1
    # Unescaped, "张%" and "_" would match many.
    assert names(db, PeopleQuery(text="张%")) == []
    assert count_people(db, PeopleQuery(text="_")) == 1


def test_filter_by_role(db: Database, roster: Roster) -> None:
    assert set(names(db, PeopleQuery(role=PersonRole.VOLUNTEER))) == {"张伟华", "𠮷祥", "孙喆"}
    assert names(db, PeopleQuery(role=PersonRole.BUILDING_LEADER)) == ["张伟"]
    assert count_people(db, PeopleQuery(role=PersonRole.TALENT)) == 2


def test_filter_by_building(db: Database, roster: Roster) -> None:
    query = PeopleQuery(building_id=roster.buildings["1栋"])
    assert set(names(db, query)) == {"张伟", "张伟华", "伟张"}
    assert count_people(db, query) == 3


def test_filter_by_party_membership(db: Database, roster: Roster) -> None:
    assert set(names(db, PeopleQuery(party_member=True))) == {"张伟", "李伟", "𠮷祥"}
    assert count_people(db, PeopleQuery(party_member=False)) == 5
    assert count_people(db, PeopleQuery(party_member=None)) == 8


def test_filters_combine_with_search(db: Database, roster: Roster) -> None:
    query = PeopleQuery(text="伟", party_member=True, building_id=roster.buildings["1栋"])
    assert names(db, query) == ["张伟"]
    query = PeopleQuery(text="伟", role=PersonRole.VOLUNTEER)
    assert names(db, query) == ["张伟华"]


def test_rows_carry_building_name_and_roles(db: Database, roster: Roster) -> None:
    [row] = list_people(db, PeopleQuery(text="𠮷祥"))
    assert row.id == roster.people["𠮷祥"]
    assert (row.building, row.unit, row.room) == ("10栋", "1", "302")
    assert row.roles == {PersonRole.VOLUNTEER, PersonRole.TALENT}
    assert row.is_party_member is True
    assert row.deleted_at is None
    [homeless] = list_people(db, PeopleQuery(text="孙喆"))
    assert homeless.building == ""


# --- sorting and paging ------------------------------------------------------------------


def test_sort_by_name_both_ways(db: Database, roster: Roster) -> None:
    ascending = names(db, PeopleQuery(sort="name"))
    # By pinyin (ji, li, sun, wang, wei, zhang, zhao), not by code point; 𠮷 reads as 吉.
    assert ascending == ["𠮷祥", "李伟", "孙喆", "王䶮", "伟张", "张伟", "张伟华", "赵堃"]
    assert names(db, PeopleQuery(sort="name", descending=True)) == ascending[::-1]


def test_sort_by_phone(db: Database, roster: Roster) -> None:
    rows = list_people(db, PeopleQuery(sort="phone"))
    phones = [r.phone for r in rows]
    assert phones == sorted(phones)
    assert phones[0] == ""


def test_sort_by_party_puts_members_last_ascending(db: Database, roster: Roster) -> None:
    rows = list_people(db, PeopleQuery(sort="party"))
    assert [r.is_party_member for r in rows] == [False] * 5 + [True] * 3
    rows = list_people(db, PeopleQuery(sort="party", descending=True))
    assert [r.is_party_member for r in rows] == [True] * 3 + [False] * 5


def test_ties_break_by_id(db: Database, roster: Roster) -> None:
    rows = list_people(db, PeopleQuery(sort="party"))
    members = [r.id for r in rows if r.is_party_member]
    assert members == sorted(members)
    rows = list_people(db, PeopleQuery(sort="party", descending=True))
    members = [r.id for r in rows if r.is_party_member]
    assert members == sorted(members, reverse=True)


def test_sort_by_building_and_room(db: Database, roster: Roster) -> None:
    rows = list_people(db, PeopleQuery(sort="building"))
    assert [r.building for r in rows] == sorted(r.building for r in rows)
    rooms = [r.room for r in list_people(db, PeopleQuery(sort="room", descending=True))]
    assert rooms == sorted(rooms, reverse=True)


def test_unknown_sort_falls_back_to_name(db: Database, roster: Roster) -> None:
    assert names(db, PeopleQuery(sort="nonsense")) == names(db, PeopleQuery(sort="name"))


def test_paging_covers_every_row_once(db: Database) -> None:
    ids = [add_person(db, f"居民{i:03d}") for i in range(25)]
    query = PeopleQuery()
    pages = [list_people(db, query, offset=offset, limit=10) for offset in (0, 10, 20, 30)]
    assert [len(p) for p in pages] == [10, 10, 5, 0]
    assert [r.id for page in pages for r in page] == ids
    assert [r.name for r in pages[1]] == [f"居民{i:03d}" for i in range(10, 20)]
    assert count_people(db, query) == 25


def test_paging_with_a_filter(db: Database) -> None:
    for i in range(12):
        add_person(db, f"党员{i:02d}" if i % 3 == 0 else f"群众{i:02d}", is_party_member=i % 3 == 0)
    query = PeopleQuery(party_member=True)
    assert count_people(db, query) == 4
    assert names(db, query, offset=1, limit=2) == ["党员03", "党员06"]
    assert names(db, query, offset=3, limit=2) == ["党员09"]


# --- trash -------------------------------------------------------------------------------


def test_delete_moves_to_trash_and_restore_brings_back(db: Database, roster: Roster) -> None:
    pid = roster.people["张伟"]
    total = count_people(db, PeopleQuery())
    assert delete_people(db, [pid]) == 1
    assert count_people(db, PeopleQuery()) == total - 1
    assert "张伟" not in names(db, PeopleQuery())
    assert names(db, PeopleQuery(text="张伟")) == ["张伟华"]
    assert "张伟" not in [p.name for p in all_people(db)]
    with pytest.raises(NotFoundError):
        get_person(db, pid)
    with pytest.raises(NotFoundError):
        save_person(db, Person(name="张伟", id=pid))
    trashed = list_people(db, PeopleQuery(), deleted=True)
    assert [r.id for r in trashed] == [pid]
    assert trashed[0].deleted_at is not None
    assert count_people(db, PeopleQuery(), deleted=True) == 1
    # Deleting again changes nothing.
    assert delete_people(db, [pid]) == 0

    assert restore_records(db, RecordKind.PERSON, [pid]) == 1
    assert count_people(db, PeopleQuery()) == total
    assert get_person(db, pid).name == "张伟"
    assert count_people(db, PeopleQuery(), deleted=True) == 0
    assert restore_records(db, RecordKind.PERSON, [pid]) == 0


def test_purge_destroys_only_trashed_people(db: Database, roster: Roster) -> None:
    gone, kept = roster.people["李伟"], roster.people["赵堃"]
    delete_people(db, [gone])
    assert purge_records(db, RecordKind.PERSON, [gone, kept]) == 1
    assert count_people(db, PeopleQuery(), deleted=True) == 0
    assert get_person(db, kept).name == "赵堃"
    assert restore_records(db, RecordKind.PERSON, [gone]) == 0
    with pytest.raises(NotFoundError):
        get_person(db, gone)
    with db.session() as s:
        orphan_roles = s.scalar(
            select(func.count())
            .select_from(PersonRoleRecord)
            .where(PersonRoleRecord.person_id == gone)
        )
    assert orphan_roles == 0


def test_purged_name_does_not_survive_in_the_file(db: Database) -> None:
    secret = "保密𠮷䶮姓名甲乙丙"
    add_person(db, "留下的人", note="普通备注")
    gone = add_person(db, secret, phone="13899990000", note=secret * 3)
    delete_people(db, [gone])
    purge_records(db, RecordKind.PERSON, [gone])
    db.close()  # the last connection checkpoints the WAL into the file
    content = db.path.read_bytes()
    assert "留下的人".encode() in content
    assert secret.encode() not in content
    assert b"13899990000" not in content
    assert not db.path.with_name(db.path.name + "-wal").exists()
