"""The building-leader federation: leaders by grid and building (gaps shown), patrols with
findings, and a finding registered as a need in one action."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.federation import Finding, Patrol
from desktop.domain.meetings import Meeting, MeetingKind
from desktop.domain.needs import NeedSource, NeedStatus
from desktop.domain.roster import Address, Building, Grid, PersonRole
from desktop.services import meetings, patrols, trash
from desktop.services.needs import delete_needs, get_need, list_categories
from desktop.services.neighborhood import save_building, save_grid
from desktop.services.people import delete_people
from desktop.store.database import Database
from tests.services.conftest import Roster, add_person
from tests.services.migrated import copy_of

DAY = date(2026, 11, 3)
NAME = "欧阳䶮𠮷 <b>&"


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def patrol(db: Database, *descriptions: str) -> Patrol:
    return patrols.save_patrol(
        db,
        Patrol(
            held_on=DAY,
            route="1栋→2栋→地下车库",
            participants=f"张伟、{NAME}",
            findings=[Finding(d, "2栋") for d in descriptions],
        ),
    )


def test_leaders_grouped_by_grid_then_building_with_gaps(db: Database, roster: Roster) -> None:
    second = save_grid(db, Grid(name="第二网格"))
    save_building(db, Building(name="3栋", grid_id=second.id))
    save_building(db, Building(name="无网格楼"))
    add_person(
        db,
        NAME,
        roles=frozenset({PersonRole.BUILDING_LEADER}),
        address=Address(building_id=roster.buildings["10栋"]),
    )
    gone = add_person(
        db,
        "离开的人",
        roles=frozenset({PersonRole.BUILDING_LEADER}),
        address=Address(building_id=roster.buildings["2栋"]),
    )
    delete_people(db, [gone])
    groups = patrols.leaders_by_grid(db)
    assert [g.grid for g in groups] == ["第一网格", "第二网格", ""]
    first = {b.building: [x.name for x in b.leaders] for b in groups[0].buildings}
    # 2栋 before 10栋; 2栋's only leader is in the trash, so it shows as a gap.
    assert list(first) == ["1栋", "2栋", "10栋"]
    assert first == {"1栋": ["张伟"], "2栋": [], "10栋": [NAME]}
    assert [b.building for b in groups[1].buildings] == ["3栋"]
    assert groups[1].buildings[0].leaders == []
    assert groups[2].grid_id is None and [b.building for b in groups[2].buildings] == ["无网格楼"]
    assert sorted(patrols.leader_names(db)) == sorted(["张伟", NAME])


def test_patrol_round_trip_and_list(db: Database) -> None:
    saved = patrol(db, "2栋楼道堆放杂物 <i>", "  ", "车库积水")
    assert saved.id is not None
    assert [f.description for f in saved.findings] == ["2栋楼道堆放杂物 <i>", "车库积水"]
    again = patrols.get_patrol(db, saved.id)
    assert again.participants == f"张伟、{NAME}" and again.held_on == DAY
    rows = patrols.list_patrols(db)
    assert [(r.id, r.findings, r.registered) for r in rows] == [(saved.id, 2, 0)]


def test_patrol_needs_route_and_participants(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        patrols.save_patrol(db, Patrol(held_on=DAY, route=" ", participants=""))
    assert err.value.problems == {"route": Problem.REQUIRED, "participants": Problem.REQUIRED}


def test_finding_becomes_a_need_once(db: Database) -> None:
    saved = patrol(db, "2栋楼道堆放杂物，有消防隐患\n已拍照", "车库积水")
    finding = saved.findings[0]
    assert finding.id is not None
    safety = next(c.id for c in list_categories(db) if c.name == "安全隐患")
    need = patrols.finding_to_need(db, finding.id, safety)
    assert need.id is not None
    stored = get_need(db, need.id)
    assert stored.title == "2栋楼道堆放杂物，有消防隐患"
    assert stored.description == "2栋楼道堆放杂物，有消防隐患\n已拍照"
    assert stored.source is NeedSource.BUILDING_PATROL
    assert stored.registered_on == DAY and stored.building == "2栋"
    assert stored.category_id == safety and stored.status is NeedStatus.PENDING
    with pytest.raises(patrols.AlreadyANeedError):
        patrols.finding_to_need(db, finding.id)
    back = patrols.patrol_of_need(db, need.id)
    assert back is not None and back.id == saved.id and back.registered == 1
    # Without a category the need goes to 其他.
    other = patrols.finding_to_need(db, saved.findings[1].id or 0)
    names = {c.id: c.name for c in list_categories(db)}
    assert names[get_need(db, other.id or 0).category_id or 0] == "其他"


def test_editing_a_patrol_keeps_the_need_link(db: Database) -> None:
    saved = patrol(db, "楼道堆物", "车库积水")
    need = patrols.finding_to_need(db, saved.findings[0].id or 0)
    saved.findings[0].description = "楼道堆物（已通知物业）"
    saved.findings.pop(1)
    saved.findings.append(Finding("电动车飞线充电", "1栋"))
    again = patrols.save_patrol(db, saved)
    assert [(f.description, f.need_id) for f in again.findings] == [
        ("楼道堆物（已通知物业）", need.id),
        ("电动车飞线充电", None),
    ]


def test_a_trashed_need_unlinks_nothing_but_a_purged_one_does(db: Database) -> None:
    saved = patrol(db, "楼道堆物")
    need = patrols.finding_to_need(db, saved.findings[0].id or 0)
    delete_needs(db, [need.id or 0])
    assert patrols.get_patrol(db, saved.id or 0).findings[0].need_id == need.id
    items = [i for i in trash.list_trash(db) if i.id == need.id]
    trash.purge(db, items)
    assert patrols.get_patrol(db, saved.id or 0).findings[0].need_id is None


def test_patrols_go_to_the_trash_and_back(db: Database) -> None:
    saved = patrol(db, "楼道堆物")
    assert patrols.delete_patrols(db, [saved.id or 0]) == 1
    assert patrols.list_patrols(db) == []
    with pytest.raises(NotFoundError):
        patrols.get_patrol(db, saved.id or 0)
    with pytest.raises(NotFoundError):
        patrols.finding_to_need(db, saved.findings[0].id or 0)
    items = [i for i in trash.list_trash(db) if i.id == saved.id and i.kind.value == "patrols"]
    assert len(items) == 1 and items[0].title == "1栋→2栋→地下车库"
    assert trash.restore(db, items) == 1
    assert len(patrols.list_patrols(db)) == 1


def test_leader_meetings_are_the_building_leaders_kind(db: Database) -> None:
    meetings.save_meeting(
        db,
        Meeting("十月楼栋长月度例会", MeetingKind.BUILDING_LEADERS, datetime(2026, 10, 8, 19, 0)),
    )
    meetings.save_meeting(
        db, Meeting("协商议事会", MeetingKind.DELIBERATION, datetime(2026, 10, 9, 19, 0))
    )
    meetings.save_meeting(
        db,
        Meeting("十一月楼栋长月度例会", MeetingKind.BUILDING_LEADERS, datetime(2026, 11, 8, 19, 0)),
    )
    rows = patrols.leader_meetings(db)
    assert [r.title for r in rows] == ["十一月楼栋长月度例会", "十月楼栋长月度例会"]
