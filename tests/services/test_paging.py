"""Keyset paging of the four lists: pages after the last row shown, concatenated, are the list.

Every sort key, both directions, page sizes that cut through runs of equal values, NULL dates
and people without a building, filters and the trash.
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need, NeedQuery, NeedStatus, Urgency
from desktop.domain.projects import Project, ProjectKind, ProjectQuery, ProjectStage
from desktop.domain.resources import ProviderKind, Resource, ResourceKind, ResourceQuery
from desktop.domain.roster import Address, Building, PeopleQuery, Person
from desktop.services import needs, people, projects, resources
from desktop.services.neighborhood import save_building
from desktop.store.database import Database, open_database
from tests.trash_items import purge_records, restore_records


@dataclass(frozen=True)
class Paged:
    name: str
    query: Callable[..., Any]
    page: Callable[..., list[Any]]
    count: Callable[..., int]
    sort_keys: tuple[str, ...]
    delete: Callable[[Database, list[int]], int]
    kind: RecordKind  # the trash's kind, to put deleted records back


LISTS = (
    Paged(
        "people",
        PeopleQuery,
        people.list_people,
        people.count_people,
        tuple(people.SORT_COLUMNS),
        people.delete_people,
        RecordKind.PERSON,
    ),
    Paged(
        "needs",
        NeedQuery,
        needs.list_needs,
        needs.count_needs,
        tuple(needs.SORT_COLUMNS),
        needs.delete_needs,
        RecordKind.NEED,
    ),
    Paged(
        "resources",
        ResourceQuery,
        resources.list_resources,
        resources.count_resources,
        tuple(resources.SORT_COLUMNS),
        resources.delete_resources,
        RecordKind.RESOURCE,
    ),
    Paged(
        "projects",
        ProjectQuery,
        projects.list_projects,
        projects.count_projects,
        tuple(projects.SORT_COLUMNS),
        projects.delete_projects,
        RecordKind.PROJECT,
    ),
)
CASES = [(p, key) for p in LISTS for key in (*p.sort_keys, "nonsense")]
N = 37  # records per list


def fill(db: Database) -> None:
    """Few distinct values per column, so runs of ties cross page boundaries."""
    rng = random.Random(7)
    buildings = [save_building(db, Building(name=f"{i}栋")).id for i in (1, 2, 10)]
    day = date(2025, 3, 1)
    for i in range(N):
        people.save_person(
            db,
            Person(
                name=rng.choice(["张伟", "李伟", "王芳", "张伟华"]),
                phone=rng.choice(["", "13812345678", "13912345678"]),
                address=Address(
                    building_id=rng.choice([None, *buildings]),
                    unit=rng.choice(["", "1", "2"]),
                    room=rng.choice(["", "101", "1203"]),
                ),
                is_party_member=i % 3 == 0,
            ),
        )
    categories = [c.id for c in needs.list_categories(db)][:3]
    for _ in range(N):
        registered = day + timedelta(days=rng.randrange(4))
        status = rng.choice([NeedStatus.PENDING, NeedStatus.IN_PROGRESS, NeedStatus.REJECTED])
        needs.save_need(
            db,
            Need(
                title=rng.choice(["电梯灯不亮", "楼道漏水", "乱停车"]),
                category_id=rng.choice(categories),
                raised_by=rng.choice(["", "张伟", "李伟"]),
                building=rng.choice(["", "1栋", "2栋"]),
                urgency=rng.choice(list(Urgency)),
                status=status,
                status_reason="不属于小区" if status is NeedStatus.REJECTED else "",
                registered_on=registered,
                due_on=rng.choice([None, None, registered + timedelta(days=rng.randrange(3))]),
            ),
        )
    for _ in range(N):
        resources.save_resource(
            db,
            Resource(
                title=rng.choice(["活动室", "法律咨询", "义诊"]),
                kind=rng.choice(list(ResourceKind)[:3]),
                provider_kind=ProviderKind.OTHER,
                provider=rng.choice(["", "鹏程律师事务所", "南园供电所"]),
                registered_on=day + timedelta(days=rng.randrange(4)),
                valid_until=rng.choice([None, day + timedelta(days=5), day + timedelta(days=30)]),
            ),
        )
    for _ in range(N):
        projects.save_project(
            db,
            Project(
                title=rng.choice(["加装电梯", "楼道改造"]),
                kind=rng.choice(list(ProjectKind)[:2]),
                stage=rng.choice([ProjectStage.PROPOSED, ProjectStage.IN_PROGRESS]),
                budget=rng.choice([Decimal("0.00"), Decimal("1000.00"), Decimal("25.50")]),
                spent=rng.choice([Decimal("0.00"), Decimal("10.00")]),
                registered_on=day + timedelta(days=rng.randrange(4)),
            ),
        )


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    data_dir: Path = tmp_path_factory.mktemp("paging")
    db = open_database(data_dir)
    fill(db)
    yield db
    db.close()


def by_keyset(db: Database, lst: Paged, query: Any, size: int, **kw: Any) -> list[int]:
    ids: list[int] = []
    last = None
    while True:
        page = lst.page(db, query, limit=size, after=last, **kw)
        assert len(page) <= size
        if not page:
            return ids
        ids += [r.id for r in page]
        last = page[-1]


def by_offset(db: Database, lst: Paged, query: Any, size: int, **kw: Any) -> list[int]:
    ids: list[int] = []
    while page := lst.page(db, query, len(ids), size, **kw):
        ids += [r.id for r in page]
    return ids


@pytest.mark.parametrize(("lst", "key"), CASES, ids=[f"{p.name}-{k}" for p, k in CASES])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_keyset_pages_make_up_the_whole_list(
    filled: Database, lst: Paged, key: str, descending: bool
) -> None:
    query = lst.query(sort=key, descending=descending)
    whole = [r.id for r in lst.page(filled, query, 0, 10_000)]
    assert len(whole) == lst.count(filled, query) == N
    for size in (1, 7):
        assert by_keyset(filled, lst, query, size) == whole, size
    assert by_offset(filled, lst, query, 7) == whole


@pytest.mark.parametrize("lst", LISTS, ids=lambda p: p.name)
def test_keyset_pages_of_a_search_and_of_the_trash(filled: Database, lst: Paged) -> None:
    for text in ("张伟", "电梯灯", "法律咨询", "电梯", "伟 138"):
        query = lst.query(text=text)
        whole = [r.id for r in lst.page(filled, query, 0, 10_000)]
        assert by_keyset(filled, lst, query, 3) == whole
    query = lst.query()
    trashed = [r.id for r in lst.page(filled, query, 0, 10_000)][::3]
    lst.delete(filled, trashed)
    try:
        whole = [r.id for r in lst.page(filled, query, 0, 10_000, deleted=True)]
        assert sorted(whole) == sorted(trashed)
        assert by_keyset(filled, lst, query, 2, deleted=True) == whole
        live = [r.id for r in lst.page(filled, query, 0, 10_000)]
        assert by_keyset(filled, lst, query, 5) == live
    finally:
        restore_records(filled, lst.kind, trashed)


FILTERED = [
    (LISTS[0], {"building_id": 1}),
    (LISTS[0], {"party_member": True}),
    (LISTS[1], {"status": NeedStatus.PENDING}),
    (LISTS[1], {"open_only": True}),
    (LISTS[1], {"overdue_only": True}),
    (LISTS[1], {"category_id": 1}),
    (LISTS[1], {"building": "1栋"}),
    (LISTS[2], {"kind": ResourceKind.VENUE}),
    (LISTS[2], {"valid_only": True}),
    (LISTS[3], {"stage": ProjectStage.IN_PROGRESS}),
    (LISTS[3], {"kind": ProjectKind.PARTNERSHIP}),
]


@pytest.mark.parametrize(("lst", "fields"), FILTERED, ids=[f"{p.name}-{k}" for p, k in FILTERED])
@pytest.mark.parametrize("sort", ["default", "title"])
def test_keyset_pages_of_a_filtered_list(
    filled: Database, lst: Paged, fields: dict, sort: str
) -> None:
    """Filters of a page in the default order carry a planner hint; results are the same."""
    if sort != "default":
        fields = {**fields, "sort": sort if sort in lst.sort_keys else "phone"}
    query = lst.query(**fields)
    whole = [r.id for r in lst.page(filled, query, 0, 10_000)]
    assert 0 < len(whole) == lst.count(filled, query) < N
    assert by_keyset(filled, lst, query, 3) == whole
    everything = {r.id: r for r in lst.page(filled, lst.query(), 0, 10_000)}
    assert set(whole) <= set(everything)


def test_no_date_sorts_as_the_latest(filled: Database) -> None:
    rows = needs.list_needs(filled, NeedQuery(sort="due", descending=False), 0, 1000)
    dues = [r.due_on for r in rows]
    dated = [d for d in dues if d is not None]
    assert dated and None in dues
    assert dues == sorted(dated) + [None] * (len(dues) - len(dated))
    rows = needs.list_needs(filled, NeedQuery(sort="due", descending=True), 0, 1000)
    undated = [None] * (len(dues) - len(dated))
    assert [r.due_on for r in rows] == undated + sorted(dated, reverse=True)
    rows = resources.list_resources(
        filled, ResourceQuery(sort="valid_until", descending=False), 0, 1000
    )
    until = [r.valid_until for r in rows]
    assert None in until
    assert until[until.index(None) :] == [None] * until.count(None)


def test_people_without_a_building_sort_first(filled: Database) -> None:
    rows = people.list_people(filled, PeopleQuery(sort="building"), 0, 1000)
    names = [r.building for r in rows]
    assert names[0] == "" and names == sorted(names)


def test_after_and_offset_together(filled: Database) -> None:
    query = NeedQuery(sort="title")
    whole = needs.list_needs(filled, query, 0, 1000)
    page = needs.list_needs(filled, query, 2, 5, after=whole[10])
    assert [r.id for r in page] == [r.id for r in whole[13:18]]


def test_after_a_row_that_is_gone_ends_the_list(db: Database) -> None:
    for name in ("甲", "乙", "丙"):
        people.save_person(db, Person(name=name))
    rows = people.list_people(db, PeopleQuery(), 0, 10)
    people.delete_people(db, [rows[0].id])
    # In the trash it still has its place: the next page carries on from it.
    assert [r.id for r in people.list_people(db, PeopleQuery(), after=rows[0])] == [
        r.id for r in rows[1:]
    ]
    purge_records(db, RecordKind.PERSON, [rows[0].id])
    assert people.list_people(db, PeopleQuery(), after=rows[0]) == []
