"""Visits: save, read back, validate, link to the roster, list, search, page, trash, and turn
into a need in one transaction."""

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.name_order import name_key
from desktop.domain.needs import NeedQuery, NeedSource, NeedStatus, Satisfaction
from desktop.domain.roster import Address
from desktop.domain.visits import (
    FollowUpState,
    ReferralTarget,
    Visit,
    VisitKind,
    VisitQuery,
    VisitRow,
)
from desktop.services import trash
from desktop.services import visits as visits_service
from desktop.services.needs import (
    count_needs,
    delete_needs,
    get_need,
    list_categories,
    status_history,
)
from desktop.services.visits import (
    AlreadyANeedError,
    count_open_follow_ups,
    count_visits,
    delete_visits,
    follow_ups_between,
    get_visit,
    list_visits,
    open_follow_ups,
    record_follow_up,
    save_visit,
    visit_to_need,
    visits_of_need,
)
from desktop.store.database import Database
from desktop.store.models import NeedRecord, VisitRecord
from tests.services.conftest import Roster, add_person
from tests.services.migrated import copy_of
from tests.trash_items import purge_records, restore_records

DAY = date(2026, 11, 25)


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    """Overrides the suite's ``db``: the same empty database, made by a copy."""
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def make(**fields: Any) -> Visit:
    values: dict[str, Any] = {
        "kind": VisitKind.RECEPTION_DAY,
        "visited_on": DAY,
        "resident": "陈静",
        "issue": "楼道灯坏了",
    }
    values.update(fields)
    return Visit(**values)


def add(db: Database, **fields: Any) -> Visit:
    saved = save_visit(db, make(**fields))
    assert saved.id is not None
    return saved


def category_id(db: Database, name: str) -> int:
    found = next(c.id for c in list_categories(db) if c.name == name)
    assert found is not None
    return found


def ids(rows: list[VisitRow]) -> list[int]:
    return [r.id for r in rows]


# --- save, get, update ---------------------------------------------------------------


def test_save_and_get_round_trip(db: Database) -> None:
    parking = category_id(db, "停车交通")
    saved = save_visit(
        db,
        Visit(
            kind=VisitKind.DOOR_KNOCKING,
            visited_on=date(2026, 11, 20),
            resident=" 𠮷祥\x07 ",
            phone=" 0755-26881234 ",
            building="10栋",
            unit="1",
            room="302",
            issue="晚上有人乱停车\r\n堵住消防通道",
            category_id=parking,
            handling="当场联系物业",
            referred_to=ReferralTarget.PROPERTY_COMPANY,
            follow_up_on=date(2026, 11, 27),
            outcome="已划线",
            satisfaction=Satisfaction.BASICALLY_SATISFIED,
        ),
    )
    assert saved.id is not None
    assert saved.uuid is not None and len(saved.uuid) == 36
    got = get_visit(db, saved.id)
    assert got == saved
    assert got.kind is VisitKind.DOOR_KNOCKING
    assert got.visited_on == date(2026, 11, 20)
    assert got.resident == "𠮷祥"
    assert got.phone == "0755-26881234"
    assert (got.building, got.unit, got.room) == ("10栋", "1", "302")
    assert got.issue == "晚上有人乱停车\n堵住消防通道"
    assert got.category_id == parking
    assert got.handling == "当场联系物业"
    assert got.referred_to is ReferralTarget.PROPERTY_COMPANY
    assert got.follow_up_on == date(2026, 11, 27)
    assert got.outcome == "已划线"
    assert got.satisfaction is Satisfaction.BASICALLY_SATISFIED
    assert got.need_id is None and got.person_id is None


def test_optional_fields_stay_empty(db: Database) -> None:
    got = get_visit(db, add(db).id or 0)
    assert got.referred_to is None and got.satisfaction is None
    assert got.follow_up_on is None and got.category_id is None
    assert (got.phone, got.handling, got.outcome) == ("", "", "")


def test_update(db: Database) -> None:
    saved = add(db)
    saved.outcome = "已修好"
    saved.satisfaction = Satisfaction.SATISFIED
    saved.follow_up_on = DAY + timedelta(days=3)
    updated = save_visit(db, saved)
    assert updated.id == saved.id and updated.uuid == saved.uuid
    got = get_visit(db, saved.id or 0)
    assert got.outcome == "已修好"
    assert got.satisfaction is Satisfaction.SATISFIED
    assert got.follow_up_on == DAY + timedelta(days=3)
    assert count_visits(db, VisitQuery()) == 1


def test_get_missing_or_trashed(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_visit(db, 999)
    saved = add(db)
    delete_visits(db, [saved.id or 0])
    with pytest.raises(NotFoundError):
        get_visit(db, saved.id or 0)
    with pytest.raises(NotFoundError):
        save_visit(db, saved)


# --- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({"resident": ""}, {"resident": Problem.REQUIRED}),
        ({"resident": " \n\t "}, {"resident": Problem.REQUIRED}),
        ({"issue": ""}, {"issue": Problem.REQUIRED}),
        ({"issue": "\x07 "}, {"issue": Problem.REQUIRED}),
        ({"resident": "", "issue": ""}, {"resident": Problem.REQUIRED, "issue": Problem.REQUIRED}),
        ({"follow_up_on": DAY - timedelta(days=1)}, {"follow_up_on": Problem.DATE_ORDER}),
        ({"resident": "名" * 81}, {"resident": Problem.TOO_LONG}),
        ({"issue": "字" * 4001}, {"issue": Problem.TOO_LONG}),
    ],
)
def test_invalid_visits_are_refused(
    db: Database, fields: dict[str, Any], problems: dict[str, Problem]
) -> None:
    with pytest.raises(ValidationError) as caught:
        save_visit(db, make(**fields))
    assert caught.value.problems == problems
    assert count_visits(db, VisitQuery()) == 0


def test_follow_up_on_the_visit_day_is_fine(db: Database) -> None:
    assert add(db, follow_up_on=DAY).follow_up_on == DAY


def test_invalid_update_changes_nothing(db: Database) -> None:
    saved = add(db, follow_up_on=DAY + timedelta(days=2))
    saved.follow_up_on = DAY - timedelta(days=2)
    saved.outcome = "不该保存"
    with pytest.raises(ValidationError):
        save_visit(db, saved)
    got = get_visit(db, saved.id or 0)
    assert got.follow_up_on == DAY + timedelta(days=2) and got.outcome == ""


# --- the roster --------------------------------------------------------------------------


def test_a_single_match_links_the_resident(db: Database, roster: Roster) -> None:
    saved = add(db, resident="张伟", building="1栋")
    assert saved.person_id == roster.people["张伟"]
    assert get_visit(db, saved.id or 0).person_id == roster.people["张伟"]
    assert add(db, resident="𠮷祥").person_id == roster.people["𠮷祥"]


def test_two_people_of_the_same_name_do_not_link(db: Database, roster: Roster) -> None:
    add_person(db, "陈静")
    add_person(db, "陈静")
    assert add(db, resident="陈静").person_id is None


def test_the_building_tells_namesakes_apart(db: Database, roster: Roster) -> None:
    first = add_person(db, "刘洋", address=Address(building_id=roster.buildings["1栋"]))
    second = add_person(db, "刘洋", address=Address(building_id=roster.buildings["2栋"]))
    assert add(db, resident="刘洋", building="2栋").person_id == second
    assert add(db, resident="刘洋", building="1栋").person_id == first
    assert add(db, resident="刘洋", building="10栋").person_id is None


def test_no_match_keeps_the_name_as_written(db: Database, roster: Roster) -> None:
    saved = add(db, resident="张伟华先生")
    assert saved.person_id is None and saved.resident == "张伟华先生"


def test_changing_the_resident_links_again(db: Database, roster: Roster) -> None:
    saved = add(db, resident="张伟")
    assert saved.person_id == roster.people["张伟"]
    saved.resident = "李伟"
    assert save_visit(db, saved).person_id == roster.people["李伟"]
    saved.resident = "无名氏"
    assert save_visit(db, saved).person_id is None


# --- list, count, search ---------------------------------------------------------------


SEVERAL = [
    ("张伟", VisitKind.RECEPTION_DAY, "电梯经常停运", "13812345678", "1栋", "1203"),
    ("张伟华", VisitKind.DOOR_KNOCKING, "楼道堆放杂物", "13912349999", "1栋", "502"),
    ("李伟", VisitKind.RECEPTION_DAY, "楼上噪音扰民", "0755-26881234", "2栋", "1203"),
    ("王䶮", VisitKind.DOOR_KNOCKING, "独居老人需要探访", "", "2栋", "801"),
    ("赵堃", VisitKind.RECEPTION_DAY, "电梯灯不亮", "", "10栋", "1503"),
]


def add_several(db: Database) -> dict[str, int]:
    return {
        name: add(db, resident=name, kind=kind, issue=issue, phone=phone, building=b, room=r).id
        or 0
        for name, kind, issue, phone, b, r in SEVERAL
    }


@pytest.fixture
def several(db: Database) -> dict[str, int]:
    return add_several(db)


@pytest.fixture(scope="module")
def searched(workdir: Path, empty_database: Path) -> Iterator[Database]:
    """SEVERAL visits, read only by the tests that use it."""
    database = copy_of(empty_database, workdir / "searched")
    add_several(database)
    yield database
    database.close()


def residents(db: Database, query: VisitQuery) -> list[str]:
    return sorted(r.resident for r in list_visits(db, query))


def test_list_and_count_with_the_kind_filter(searched: Database) -> None:
    db = searched
    assert count_visits(db, VisitQuery()) == 5
    reception = VisitQuery(kind=VisitKind.RECEPTION_DAY)
    knocking = VisitQuery(kind=VisitKind.DOOR_KNOCKING)
    assert residents(db, reception) == sorted(["张伟", "李伟", "赵堃"])
    assert count_visits(db, reception) == 3
    assert residents(db, knocking) == sorted(["张伟华", "王䶮"])
    assert count_visits(db, knocking) == 2
    assert all(r.kind is VisitKind.DOOR_KNOCKING for r in list_visits(db, knocking))


def test_list_rows_carry_the_visit(db: Database) -> None:
    saved = add(db, building="2栋", follow_up_on=DAY + timedelta(days=1))
    [row] = list_visits(db, VisitQuery())
    assert row == VisitRow(
        id=saved.id or 0,
        kind=VisitKind.RECEPTION_DAY,
        visited_on=DAY,
        resident="陈静",
        building="2栋",
        issue="楼道灯坏了",
        follow_up_on=DAY + timedelta(days=1),
        need_id=None,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("伟", ["张伟", "张伟华", "李伟"]),  # one character
        ("䶮", ["王䶮"]),
        ("张伟", ["张伟", "张伟华"]),  # two characters
        ("电梯", ["张伟", "赵堃"]),
        ("张伟华", ["张伟华"]),  # three characters: through the search index
        ("电梯灯", ["赵堃"]),
        ("独居老人", ["王䶮"]),
        ("1203", ["张伟", "李伟"]),  # the room
        ("2688", ["李伟"]),  # the phone
        ("1栋 电梯", ["张伟"]),  # every word must appear
        ("不存在的事", []),
    ],
)
def test_search(searched: Database, text: str, expected: list[str]) -> None:
    query = VisitQuery(text=text)
    assert residents(searched, query) == sorted(expected)
    assert count_visits(searched, query) == len(expected)


def test_search_combines_with_the_kind(searched: Database) -> None:
    query = VisitQuery(text="伟", kind=VisitKind.DOOR_KNOCKING)
    assert residents(searched, query) == ["张伟华"]
    assert count_visits(searched, query) == 1


def test_search_follows_an_edit(db: Database, several: dict[str, int]) -> None:
    visit = get_visit(db, several["赵堃"])
    visit.issue = "小区门口积水严重"
    save_visit(db, visit)
    assert residents(db, VisitQuery(text="积水严重")) == ["赵堃"]
    assert residents(db, VisitQuery(text="电梯灯")) == []
    assert residents(db, VisitQuery(text="积水")) == ["赵堃"]


def test_the_search_index_is_in_use(searched: Database) -> None:
    """The three-character searches above go through the trigram index (not only instr())."""
    assert searched.search_index is not None and searched.search_index.ready
    assert "visit" in searched.search_index.tables


def test_trashed_visits_leave_the_list_and_search(db: Database, several: dict[str, int]) -> None:
    delete_visits(db, [several["张伟"]])
    assert residents(db, VisitQuery(text="张伟")) == ["张伟华"]
    assert count_visits(db, VisitQuery()) == 4
    assert [r.resident for r in list_visits(db, VisitQuery(), deleted=True)] == ["张伟"]
    assert count_visits(db, VisitQuery(), deleted=True) == 1


# --- order and paging ------------------------------------------------------------------


def fill(db: Database) -> int:
    """Few distinct values, so runs of ties cross page boundaries; some without follow-up."""
    rng = random.Random(11)
    n = 23
    for _ in range(n):
        visited = DAY + timedelta(days=rng.randrange(3))
        add(
            db,
            kind=rng.choice(list(VisitKind)),
            visited_on=visited,
            resident=rng.choice(["张伟", "李伟", "王芳"]),
            building=rng.choice(["", "1栋", "2栋"]),
            follow_up_on=rng.choice([None, visited, visited + timedelta(days=2)]),
        )
    return n


@pytest.fixture(scope="module")
def filled(workdir: Path, empty_database: Path) -> Iterator[Database]:
    """Read-only for the tests that use it."""
    database = copy_of(empty_database, workdir / "filled")
    fill(database)
    yield database
    database.close()


def by_keyset(db: Database, query: VisitQuery, size: int, **kw: Any) -> list[int]:
    got: list[int] = []
    last = None
    while page := list_visits(db, query, limit=size, after=last, **kw):
        assert len(page) <= size
        got += ids(page)
        last = page[-1]
    return got


def sort_value(row: VisitRow, key: str) -> Any:
    if key == "follow_up":
        return row.follow_up_on or date.max
    resident = name_key(row.resident)  # residents by pinyin
    return {"visited": row.visited_on, "resident": resident, "building": row.building}[key]


@pytest.mark.parametrize("key", [*visits_service.SORT_COLUMNS, "nonsense"])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_keyset_pages_make_up_the_ordered_list(
    filled: Database, key: str, descending: bool
) -> None:
    db = filled
    query = VisitQuery(sort=key, descending=descending)
    whole = list_visits(db, query, 0, 1000)
    assert len(whole) == count_visits(db, query) == 23
    effective = key if key in visits_service.SORT_COLUMNS else "visited"
    expected = sorted(whole, key=lambda r: (sort_value(r, effective), r.id), reverse=descending)
    assert whole == expected
    for size in (1, 4):
        assert by_keyset(db, query, size) == ids(whole)


def test_keyset_pages_of_a_filter_and_of_the_trash(db: Database) -> None:
    fill(db)
    query = VisitQuery(text="张伟", kind=VisitKind.DOOR_KNOCKING)
    whole = ids(list_visits(db, query, 0, 1000))
    assert whole
    assert by_keyset(db, query, 2) == whole
    trashed = ids(list_visits(db, VisitQuery(), 0, 1000))[::3]
    delete_visits(db, trashed)
    in_trash = ids(list_visits(db, VisitQuery(), 0, 1000, deleted=True))
    assert sorted(in_trash) == sorted(trashed)
    assert by_keyset(db, VisitQuery(), 2, deleted=True) == in_trash


def test_no_follow_up_sorts_last(filled: Database) -> None:
    rows = list_visits(filled, VisitQuery(sort="follow_up", descending=False), 0, 1000)
    dates = [r.follow_up_on for r in rows]
    dated = [d for d in dates if d is not None]
    assert dated and None in dates
    assert dates == sorted(dated) + [None] * (len(dates) - len(dated))


# --- follow-ups --------------------------------------------------------------------------


def test_follow_ups_between(db: Database) -> None:
    early = add(db, resident="甲", follow_up_on=DAY)
    later = add(db, resident="乙", follow_up_on=DAY + timedelta(days=6))
    middle = add(db, resident="丙", follow_up_on=DAY + timedelta(days=3))
    add(db, resident="丁", follow_up_on=DAY + timedelta(days=7))  # after the range
    add(db, resident="戊")  # no follow-up
    before = add(
        db, resident="己", visited_on=DAY - timedelta(days=5), follow_up_on=DAY - timedelta(days=1)
    )
    trashed = add(db, resident="庚", follow_up_on=DAY + timedelta(days=1))
    delete_visits(db, [trashed.id or 0])
    rows = follow_ups_between(db, DAY, DAY + timedelta(days=6))
    assert ids(rows) == [early.id, middle.id, later.id]  # soonest first, both ends included
    assert all(r.follow_up_on is not None for r in rows)
    assert before.id not in ids(rows)
    assert ids(follow_ups_between(db, DAY + timedelta(days=1), DAY + timedelta(days=2))) == []


# --- trash -------------------------------------------------------------------------------


def test_delete_restore_purge(db: Database) -> None:
    first, second = add(db, resident="王䶮"), add(db, resident="𠮷祥")
    assert delete_visits(db, [first.id or 0]) == 1
    assert delete_visits(db, [first.id or 0]) == 0  # already in the trash
    [item] = trash.list_trash(db)
    assert (item.kind, item.id, item.title) == (RecordKind.VISIT, first.id, "王䶮")
    assert restore_records(db, RecordKind.VISIT, [first.id or 0]) == 1
    assert get_visit(db, first.id or 0).resident == "王䶮"
    assert trash.list_trash(db) == []
    assert purge_records(db, RecordKind.VISIT, [first.id or 0]) == 0  # a live visit is never purged
    delete_visits(db, [first.id or 0])
    assert purge_records(db, RecordKind.VISIT, [first.id or 0]) == 1
    assert restore_records(db, RecordKind.VISIT, [first.id or 0]) == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(VisitRecord)) == 1
    assert get_visit(db, second.id or 0).resident == "𠮷祥"


def test_trash_service_restores_and_purges_visits(db: Database) -> None:
    saved = add(db, resident="王䶮")
    delete_visits(db, [saved.id or 0])
    assert trash.restore(db, trash.list_trash(db)) == 1
    assert count_visits(db, VisitQuery()) == 1
    delete_visits(db, [saved.id or 0])
    assert trash.purge(db, trash.list_trash(db)) == 1
    assert count_visits(db, VisitQuery(), deleted=True) == 0


# --- a visit becomes a need --------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "source"),
    [
        (VisitKind.RECEPTION_DAY, NeedSource.RECEPTION_DAY),
        (VisitKind.DOOR_KNOCKING, NeedSource.DOOR_KNOCKING),
    ],
)
def test_visit_to_need(db: Database, roster: Roster, kind: VisitKind, source: NeedSource) -> None:
    noise = category_id(db, "噪音扰民")
    visit = add(
        db,
        kind=kind,
        resident="李伟",
        phone="0755-26881234",
        building="2栋",
        unit="1",
        room="1203",
        issue="楼上深夜装修\n多次沟通无果",
        category_id=noise,
        follow_up_on=DAY + timedelta(days=7),
    )
    need = visit_to_need(db, visit.id or 0)
    assert need.id is not None
    got = get_need(db, need.id)
    assert got == need
    assert got.status is NeedStatus.PENDING  # 待受理
    assert got.source is source
    assert got.title == "楼上深夜装修"
    assert got.description == "楼上深夜装修\n多次沟通无果"
    assert got.category_id == noise
    assert got.raised_by == "李伟" and got.person_id == roster.people["李伟"]
    assert got.phone == "0755-26881234"
    assert (got.building, got.unit, got.room) == ("2栋", "1", "1203")
    assert got.registered_on == DAY
    assert got.due_on == DAY + timedelta(days=7)
    assert [c.to_status for c in status_history(db, need.id)] == [NeedStatus.PENDING]
    # Linked both ways.
    assert get_visit(db, visit.id or 0).need_id == need.id
    [row] = visits_of_need(db, need.id)
    assert row.id == visit.id and row.need_id == need.id
    assert list_visits(db, VisitQuery())[0].need_id == need.id


def test_without_a_category_the_need_is_other(db: Database) -> None:
    visit = add(db)
    need = visit_to_need(db, visit.id or 0)
    assert need.category_id == category_id(db, "其他")


def test_a_long_issue_makes_a_short_title(db: Database) -> None:
    need = visit_to_need(db, add(db, issue="长" * 200).id or 0)
    assert need.title == "长" * 60
    assert need.description == "长" * 200


def test_a_second_conversion_is_refused(db: Database) -> None:
    visit = add(db)
    first = visit_to_need(db, visit.id or 0)
    with pytest.raises(AlreadyANeedError):
        visit_to_need(db, visit.id or 0)
    assert count_needs(db, NeedQuery()) == 1
    assert get_visit(db, visit.id or 0).need_id == first.id


def test_a_trashed_or_missing_visit_cannot_become_a_need(db: Database) -> None:
    visit = add(db)
    delete_visits(db, [visit.id or 0])
    with pytest.raises(NotFoundError):
        visit_to_need(db, visit.id or 0)
    with pytest.raises(NotFoundError):
        visit_to_need(db, 999)
    assert count_needs(db, NeedQuery()) == 0


def test_visits_of_need_lists_every_linked_live_visit(db: Database) -> None:
    first = add(db, resident="甲")
    need = visit_to_need(db, first.id or 0)
    second = add(db, resident="乙", need_id=need.id)
    third = add(db, resident="丙", need_id=need.id)
    add(db, resident="丁")
    delete_visits(db, [third.id or 0])
    assert sorted(ids(visits_of_need(db, need.id or 0))) == sorted([first.id, second.id])
    assert visits_of_need(db, 999) == []


def test_purging_the_need_unlinks_the_visit(db: Database) -> None:
    visit = add(db)
    need = visit_to_need(db, visit.id or 0)
    delete_needs(db, [need.id or 0])
    purge_records(db, RecordKind.NEED, [need.id or 0])
    assert get_visit(db, visit.id or 0).need_id is None
    assert visit_to_need(db, visit.id or 0).id is not None  # it can become a need again


def test_conversion_is_one_transaction(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The need is written, then something fails: neither the need nor the link remains."""
    visit = add(db)
    real_save_need = visits_service.save_need

    def save_then_fail(*args: Any, **kwargs: Any) -> Any:
        real_save_need(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(visits_service, "save_need", save_then_fail)
    with pytest.raises(RuntimeError):
        visit_to_need(db, visit.id or 0)
    assert get_visit(db, visit.id or 0).need_id is None
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(NeedRecord)) == 0


def test_a_refused_need_leaves_the_visit_alone(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = add(db)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise ValidationError({"title": Problem.REQUIRED})

    monkeypatch.setattr(visits_service, "save_need", refuse)
    with pytest.raises(ValidationError):
        visit_to_need(db, visit.id or 0)
    assert get_visit(db, visit.id or 0).need_id is None
    monkeypatch.undo()
    assert visit_to_need(db, visit.id or 0).id is not None


# --- the follow-up (回访) ----------------------------------------------------------------


def due(db: Database, on: date | None = None, **fields: Any) -> Visit:
    """A visit made ten days before its follow-up (or today, with none planned)."""
    return add(db, visited_on=(on or DAY) - timedelta(days=10), follow_up_on=on, **fields)


def test_a_follow_up_is_done_once_its_result_is_recorded(db: Database) -> None:
    later = due(db, DAY + timedelta(days=2))
    late = due(db, DAY - timedelta(days=3))
    none = due(db)
    state = {r.id: r.follow_up_state(DAY) for r in list_visits(db, VisitQuery())}
    assert state == {
        later.id: FollowUpState.WAITING,
        late.id: FollowUpState.OVERDUE,
        none.id: FollowUpState.NONE,
    }
    done = record_follow_up(db, late.id or 0, "  已修好，居民表示感谢 ", Satisfaction.SATISFIED)
    assert (done.outcome, done.satisfaction) == ("已修好，居民表示感谢", Satisfaction.SATISFIED)
    assert done.followed_up and get_visit(db, late.id or 0).followed_up
    state = {r.id: r.follow_up_state(DAY) for r in list_visits(db, VisitQuery())}
    assert state[late.id] is FollowUpState.DONE and state[later.id] is FollowUpState.WAITING


def test_recording_a_follow_up_needs_its_result(db: Database) -> None:
    visit = due(db, DAY)
    with pytest.raises(ValidationError) as raised:
        record_follow_up(db, visit.id or 0, " \n ", None)
    assert raised.value.problems == {"outcome": Problem.REQUIRED}
    assert not get_visit(db, visit.id or 0).followed_up


def test_open_follow_ups_leave_out_the_done_and_count_the_overdue(db: Database) -> None:
    sunday = DAY + timedelta(days=4)
    late = due(db, DAY - timedelta(days=9))
    today = due(db, DAY)
    due(db, DAY - timedelta(days=20), outcome="已解决，居民表示感谢")
    due(db, DAY - timedelta(days=2), outcome="   ")  # blanks are no result
    due(db, sunday + timedelta(days=1))  # next week
    due(db)  # no follow-up planned
    rows = open_follow_ups(db, sunday)
    assert [r.follow_up_on for r in rows] == [
        DAY - timedelta(days=9),
        DAY - timedelta(days=2),
        DAY,
    ]  # the longest overdue first
    assert late.id in ids(rows) and today.id in ids(rows)
    assert count_open_follow_ups(db, sunday) == 3
    assert count_open_follow_ups(db, sunday, before=DAY) == 2  # the overdue ones
