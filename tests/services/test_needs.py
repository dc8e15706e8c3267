"""The needs list: categories, save and read back, the status flow and its history, roster
links, filters, counts, sorting, overdue, trash."""

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.needs import (
    DEFAULT_CATEGORIES,
    Need,
    NeedCategory,
    NeedQuery,
    NeedSource,
    NeedStatus,
    Satisfaction,
    Urgency,
)
from desktop.domain.roster import Address
from desktop.services.needs import (
    CategoryInUseError,
    change_status,
    count_needs,
    delete_category,
    delete_needs,
    get_need,
    list_categories,
    list_needs,
    needs_buildings,
    save_category,
    save_need,
    status_history,
)
from desktop.services.people import delete_people
from desktop.store.database import Database
from desktop.store.models import NeedStatusChangeRecord
from tests.services.conftest import Roster, add_person
from tests.services.migrated import copy_of_migrated
from tests.trash_items import purge_records, restore_records

P, W, R, F, J = (
    NeedStatus.PENDING,
    NeedStatus.IN_PROGRESS,
    NeedStatus.RESOLVED,
    NeedStatus.REFERRED,
    NeedStatus.REJECTED,
)
DAY = date(2026, 3, 2)
TODAY = date(2026, 4, 1)


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = copy_of_migrated(data_dir)
    yield database
    database.close()


def category(db: Database, name: str) -> int:
    [found] = [c.id for c in list_categories(db) if c.name == name]
    assert found is not None
    return found


def add(
    db: Database,
    title: str = "3栋电梯经常停运",
    cat: str = "物业服务",
    note: str = "",
    **fields: object,
) -> Need:
    fields.setdefault("registered_on", DAY)
    return save_need(db, Need(title=title, category_id=category(db, cat), **fields), note)


def history(db: Database, need_id: int) -> list[tuple[NeedStatus | None, NeedStatus, str]]:
    return [(h.from_status, h.to_status, h.note) for h in status_history(db, need_id)]


def titles(db: Database, query: NeedQuery, **kwargs: object) -> list[str]:
    return [row.title for row in list_needs(db, query, **kwargs)]


# --- categories ------------------------------------------------------------------------------


def test_default_categories_in_order(db: Database) -> None:
    assert [c.name for c in list_categories(db)] == list(DEFAULT_CATEGORIES)


def test_add_and_rename_a_category(db: Database) -> None:
    added = save_category(db, NeedCategory(name=" 新就业\x0b群体 "))
    assert added.name == "新就业群体"
    assert [c.name for c in list_categories(db)][-1] == "新就业群体"  # added at the end
    renamed = save_category(db, NeedCategory(name="暖蜂驿站", id=added.id))
    assert renamed == NeedCategory(name="暖蜂驿站", id=added.id)
    names = [c.name for c in list_categories(db)]
    assert "新就业群体" not in names
    assert names.index("暖蜂驿站") == len(DEFAULT_CATEGORIES)
    # Renaming to its own name is no clash.
    assert save_category(db, NeedCategory(name="暖蜂驿站", id=added.id)).name == "暖蜂驿站"


def test_renaming_keeps_the_needs_of_a_category(db: Database) -> None:
    need = add(db, cat="噪音扰民")
    save_category(db, NeedCategory(name="噪音与扰民", id=need.category_id))
    assert get_need(db, need.id).category_id == need.category_id
    [row] = list_needs(db, NeedQuery())
    assert row.category == "噪音与扰民"


def test_duplicate_category_names_are_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as new:
        save_category(db, NeedCategory(name="物业服务"))
    assert new.value.problems == {"name": Problem.DUPLICATE_NAME}
    other = category(db, "其他")
    with pytest.raises(ValidationError) as renamed:
        save_category(db, NeedCategory(name=" 停车交通 ", id=other))
    assert renamed.value.problems == {"name": Problem.DUPLICATE_NAME}
    assert [c.name for c in list_categories(db)] == list(DEFAULT_CATEGORIES)


@pytest.mark.parametrize(
    ("name", "problem"), [(" ", Problem.REQUIRED), ("类" * 21, Problem.TOO_LONG)]
)
def test_category_name_checked(db: Database, name: str, problem: Problem) -> None:
    with pytest.raises(ValidationError) as caught:
        save_category(db, NeedCategory(name=name))
    assert caught.value.problems == {"name": problem}


def test_delete_an_unused_category(db: Database) -> None:
    doomed = category(db, "托育教育")
    delete_category(db, doomed)
    assert "托育教育" not in [c.name for c in list_categories(db)]
    with pytest.raises(NotFoundError):
        delete_category(db, doomed)


def test_delete_refused_while_needs_use_it_even_in_the_trash(db: Database) -> None:
    first = add(db, cat="养老助老")
    add(db, "独居老人需要定期探访", cat="养老助老")
    used = category(db, "养老助老")
    with pytest.raises(CategoryInUseError) as caught:
        delete_category(db, used)
    assert (caught.value.name, caught.value.needs) == ("养老助老", 2)
    everything = [n.id for n in list_needs(db, NeedQuery())]
    delete_needs(db, everything)
    with pytest.raises(CategoryInUseError):
        delete_category(db, used)
    assert purge_records(db, RecordKind.NEED, everything) == 2
    delete_category(db, used)
    assert "养老助老" not in [c.name for c in list_categories(db)]
    assert first.id not in [n.id for n in list_needs(db, NeedQuery(), deleted=True)]


# --- save, get, update ------------------------------------------------------------------------


def test_save_and_get_round_trip(db: Database, roster: Roster) -> None:
    saved = add(
        db,
        title=" 2栋\x0b 电梯经常停运 ",
        description="近一个月停运三次\r\n老人上下楼困难",
        raised_by="李伟",
        phone="0755-26881234",
        building="2栋",
        unit="1",
        room="1203",
        source=NeedSource.RECEPTION_DAY,
        urgency=Urgency.URGENT,
        handled_by="物业服务中心",
        due_on=DAY + timedelta(days=14),
    )
    assert saved.id is not None
    assert saved.uuid is not None and len(saved.uuid) == 36
    got = get_need(db, saved.id)
    assert got == saved
    assert got.title == "2栋 电梯经常停运"
    assert got.description == "近一个月停运三次\n老人上下楼困难"
    assert got.person_id == roster.people["李伟"]
    assert (got.source, got.urgency, got.status) == (NeedSource.RECEPTION_DAY, Urgency.URGENT, P)
    assert (got.registered_on, got.due_on) == (DAY, DAY + timedelta(days=14))
    assert got.satisfaction is None


def test_update_keeps_identity(db: Database) -> None:
    saved = add(db)
    saved.title = "3栋电梯已修好"
    saved.urgency = Urgency.CRITICAL
    saved.status = R
    saved.solution = "更换控制板"
    saved.satisfaction = Satisfaction.BASICALLY_SATISFIED
    updated = save_need(db, saved, "已解决")
    assert (updated.id, updated.uuid) == (saved.id, saved.uuid)
    got = get_need(db, saved.id)
    assert got.title == "3栋电梯已修好"
    assert got.urgency is Urgency.CRITICAL
    assert got.solution == "更换控制板"
    assert got.satisfaction is Satisfaction.BASICALLY_SATISFIED
    assert count_needs(db, NeedQuery()) == 1


def test_a_given_uuid_is_kept(db: Database) -> None:
    uuid = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert add(db, uuid=uuid).uuid == uuid


def test_missing_needs_are_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_need(db, 404)
    with pytest.raises(NotFoundError):
        save_need(db, Need(title="x", category_id=category(db, "其他"), id=404))
    with pytest.raises(NotFoundError):
        change_status(db, 404, W)


def test_rare_characters_and_markup_kept_exactly(db: Database, roster: Roster) -> None:
    saved = add(
        db,
        title="䶮𠮷 A&B <b>楼道</b>",
        raised_by="𠮷祥",
        description="<img src=x> & 䶮",
        solution="A&B <b>",
        building="10栋",
    )
    got = get_need(db, saved.id)
    assert got.title == "䶮𠮷 A&B <b>楼道</b>"
    assert got.description == "<img src=x> & 䶮"
    assert got.raised_by == "𠮷祥"
    assert got.person_id == roster.people["𠮷祥"]
    assert titles(db, NeedQuery(text="𠮷")) == ["䶮𠮷 A&B <b>楼道</b>"]
    assert titles(db, NeedQuery(text="<b>楼道")) == ["䶮𠮷 A&B <b>楼道</b>"]
    assert titles(db, NeedQuery(text="A&B")) == ["䶮𠮷 A&B <b>楼道</b>"]


# --- validation ---------------------------------------------------------------------------


def test_title_required_and_nothing_saved(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, title=" \x0b ")
    assert caught.value.problems == {"title": Problem.REQUIRED}
    assert count_needs(db, NeedQuery()) == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(NeedStatusChangeRecord)) == 0


@pytest.mark.parametrize("status", [F, J])
def test_referred_and_rejected_need_a_reason(db: Database, status: NeedStatus) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, status=status)
    assert caught.value.problems == {"status_reason": Problem.REASON_REQUIRED}
    need = add(db)
    with pytest.raises(ValidationError) as moved:
        change_status(db, need.id, status, "处理")
    assert moved.value.problems == {"status_reason": Problem.REASON_REQUIRED}
    assert get_need(db, need.id).status is P
    done = change_status(db, need.id, status, "已办结", reason="属市政道路，已转办交警中队")
    assert (done.status, done.status_reason) == (status, "属市政道路，已转办交警中队")
    assert history(db, need.id)[-1] == (P, status, "已办结")


def test_due_date_before_registration_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, registered_on=DAY, due_on=DAY - timedelta(days=1))
    assert caught.value.problems == {"due_on": Problem.DATE_ORDER}
    assert add(db, registered_on=DAY, due_on=DAY).due_on == DAY


def test_unknown_category_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        save_need(db, Need(title="x", category_id=9999, registered_on=DAY))
    assert caught.value.problems == {"category": Problem.REQUIRED}
    with pytest.raises(ValidationError) as missing:
        save_need(db, Need(title="x", category_id=None, registered_on=DAY))
    assert missing.value.problems == {"category": Problem.REQUIRED}


# --- the status flow and its history ------------------------------------------------------


def test_history_follows_every_change_in_order(db: Database) -> None:
    need = add(db, note="书记接待日登记")
    need_id = need.id
    assert need_id is not None
    change_status(db, need_id, W, "已受理，交物业核实")
    change_status(db, need_id, R, "已解决，电话回访")
    change_status(db, need_id, W, "居民反映问题复发")  # reopened
    change_status(db, need_id, R, " 再次解决\x0b ")
    assert history(db, need_id) == [
        (None, P, "书记接待日登记"),
        (P, W, "已受理，交物业核实"),
        (W, R, "已解决，电话回访"),
        (R, W, "居民反映问题复发"),
        (W, R, "再次解决"),
    ]
    stamps = [h.changed_at for h in status_history(db, need_id)]
    assert stamps == sorted(stamps)
    assert get_need(db, need_id).status is R


@pytest.mark.parametrize(
    ("path", "refused"),
    [([W], P), ([R], P), ([R], J), ([F], R), ([J], R), ([W, R], F)],
)
def test_refused_moves_change_nothing(
    db: Database, path: list[NeedStatus], refused: NeedStatus
) -> None:
    need = add(db)
    for step in path:
        change_status(db, need.id, step, "", reason="已转办" if step in (F, J) else "")
    before = history(db, need.id)
    with pytest.raises(ValidationError) as caught:
        change_status(db, need.id, refused, "不该成功", reason="理由")
    assert caught.value.problems == {"status": Problem.STATUS_FLOW}
    assert get_need(db, need.id).status is path[-1]
    assert history(db, need.id) == before


@pytest.mark.parametrize("closed", [R, F, J])
def test_every_closed_need_can_be_reopened(db: Database, closed: NeedStatus) -> None:
    need = add(db, status=closed, status_reason="理由" if closed in (F, J) else "")
    reopened = change_status(db, need.id, W, "重新处理")
    assert reopened.status is W
    assert history(db, need.id) == [(None, closed, ""), (closed, W, "重新处理")]


def test_saving_without_a_status_change_adds_no_history(db: Database) -> None:
    need = add(db, note="登记")
    need.title = "改个标题"
    save_need(db, need, "这条备注不记")
    change_status(db, need.id, P, "同一状态")
    assert history(db, need.id) == [(None, P, "登记")]


# --- roster links ---------------------------------------------------------------------------


def test_raised_by_links_the_one_person_of_that_name(db: Database, roster: Roster) -> None:
    need = add(db, raised_by="王䶮")
    assert need.person_id == roster.people["王䶮"]
    # 张伟 also appears inside 张伟华 and 伟张: only the exact name counts.
    assert add(db, raised_by="张伟").person_id == roster.people["张伟"]


def test_two_people_of_one_name_link_neither(db: Database, roster: Roster) -> None:
    second = add_person(db, "张伟", address=Address(building_id=roster.buildings["2栋"]))
    assert add(db, raised_by="张伟").person_id is None
    # The building written on the need tells them apart.
    assert add(db, raised_by="张伟", building="2栋").person_id == second
    assert add(db, raised_by="张伟", building="1栋").person_id == roster.people["张伟"]
    assert add(db, raised_by="张伟", building="10栋").person_id is None


def test_a_person_in_the_trash_does_not_count(db: Database, roster: Roster) -> None:
    add_person(db, "李伟")
    assert add(db, raised_by="李伟").person_id is None
    delete_people(db, [roster.people["李伟"]])
    assert add(db, raised_by="李伟").person_id not in (None, roster.people["李伟"])


def test_unknown_names_are_kept_as_written(db: Database, roster: Roster) -> None:
    need = add(db, raised_by=" 楼下王阿姨 ")
    assert (need.raised_by, need.person_id) == ("楼下王阿姨", None)
    assert get_need(db, need.id).raised_by == "楼下王阿姨"


def test_link_follows_the_name_on_update(db: Database, roster: Roster) -> None:
    need = add(db, raised_by="赵堃")
    assert need.person_id == roster.people["赵堃"]
    need.raised_by = "孙喆"  # the old person_id is stale now
    need = save_need(db, need)
    assert need.person_id == roster.people["孙喆"]
    need.raised_by = "匿名"
    need = save_need(db, need)
    assert need.person_id is None
    need.raised_by = ""
    assert save_need(db, need).person_id is None


def test_an_unchanged_name_keeps_its_link(db: Database, roster: Roster) -> None:
    need = add(db, raised_by="王䶮")
    add_person(db, "王䶮")  # a namesake arrives later: the need keeps its person
    need.title = "改个标题"
    assert save_need(db, need).person_id == roster.people["王䶮"]


# --- filters, counts, sorting, overdue ------------------------------------------------------


@pytest.fixture
def spread(db: Database) -> dict[str, int]:
    """Needs across statuses, categories, buildings, dates and due dates (TODAY is 4月1日)."""
    spec = [
        # title, category, building, registered, due, status
        ("电梯停运", "物业服务", "3栋", date(2026, 1, 5), date(2026, 1, 20), R),
        ("楼道灯不亮", "设施维修", "3栋", date(2026, 2, 10), date(2026, 3, 1), W),  # overdue
        ("装修噪音", "噪音扰民", "5栋", date(2026, 3, 3), date(2026, 4, 1), P),  # due today
        ("车库照明", "停车交通", "", date(2026, 3, 15), None, P),
        ("消防通道占用", "停车交通", "5栋", date(2026, 3, 20), date(2026, 3, 25), P),  # overdue
        ("燃气管道", "安全隐患", "10栋", date(2026, 3, 28), date(2026, 3, 29), F),
        ("私人纠纷", "邻里纠纷", "3栋", date(2026, 3, 31), None, J),
    ]
    ids = {}
    for title, cat, building, registered, due, status in spec:
        reason = "理由" if status in (F, J) else ""
        ids[title] = add(
            db,
            title,
            cat,
            building=building,
            registered_on=registered,
            due_on=due,
            status=status,
            status_reason=reason,
        ).id
    return ids


def test_rows_carry_category_and_overdue(db: Database, spread: dict[str, int]) -> None:
    rows = {r.title: r for r in list_needs(db, NeedQuery(), today=TODAY)}
    assert rows["楼道灯不亮"].category == "设施维修"
    assert {t for t, r in rows.items() if r.overdue} == {"楼道灯不亮", "消防通道占用"}
    # Late, but closed: not overdue. Due today: not yet.
    assert not rows["燃气管道"].overdue
    assert not rows["装修噪音"].overdue


FILTER_CASES = [
    (NeedQuery(status=P), {"装修噪音", "车库照明", "消防通道占用"}),
    (NeedQuery(status=R), {"电梯停运"}),
    (NeedQuery(open_only=True), {"楼道灯不亮", "装修噪音", "车库照明", "消防通道占用"}),
    (NeedQuery(overdue_only=True), {"楼道灯不亮", "消防通道占用"}),
    (NeedQuery(building="3栋"), {"电梯停运", "楼道灯不亮", "私人纠纷"}),
    (NeedQuery(building="5栋", open_only=True), {"装修噪音", "消防通道占用"}),
    (
        NeedQuery(registered_from=date(2026, 3, 15)),
        {"车库照明", "消防通道占用", "燃气管道", "私人纠纷"},
    ),
    (NeedQuery(registered_to=date(2026, 2, 10)), {"电梯停运", "楼道灯不亮"}),
    (
        NeedQuery(registered_from=date(2026, 3, 3), registered_to=date(2026, 3, 20)),
        {"装修噪音", "车库照明", "消防通道占用"},
    ),
    (NeedQuery(text="噪音"), {"装修噪音"}),
    (NeedQuery(text="通道", overdue_only=True), {"消防通道占用"}),
    (NeedQuery(status=F, open_only=True), set()),
]


def test_filters_and_counts(db: Database, spread: dict[str, int]) -> None:
    for query, expected in FILTER_CASES:
        assert set(titles(db, query, today=TODAY)) == expected, query
        assert count_needs(db, query, today=TODAY) == len(expected), query


def test_filter_by_category(db: Database, spread: dict[str, int]) -> None:
    query = NeedQuery(category_id=category(db, "停车交通"))
    assert set(titles(db, query)) == {"车库照明", "消防通道占用"}
    assert count_needs(db, query) == 2
    assert count_needs(db, NeedQuery(category_id=category(db, "托育教育"))) == 0


def test_overdue_depends_on_the_day(db: Database, spread: dict[str, int]) -> None:
    assert count_needs(db, NeedQuery(overdue_only=True), today=date(2026, 3, 1)) == 0
    assert count_needs(db, NeedQuery(overdue_only=True), today=date(2026, 3, 2)) == 1
    assert count_needs(db, NeedQuery(overdue_only=True), today=date(2026, 4, 2)) == 3


def test_default_order_is_newest_first(db: Database, spread: dict[str, int]) -> None:
    assert titles(db, NeedQuery()) == [
        "私人纠纷",
        "燃气管道",
        "消防通道占用",
        "车库照明",
        "装修噪音",
        "楼道灯不亮",
        "电梯停运",
    ]
    assert titles(db, NeedQuery(descending=False))[0] == "电梯停运"


def test_sort_by_due_date_puts_undated_last(db: Database, spread: dict[str, int]) -> None:
    ordered = titles(db, NeedQuery(sort="due", descending=False))
    assert ordered[:5] == ["电梯停运", "楼道灯不亮", "消防通道占用", "燃气管道", "装修噪音"]
    assert set(ordered[5:]) == {"车库照明", "私人纠纷"}


def test_sort_by_building_and_status(db: Database, spread: dict[str, int]) -> None:
    buildings = [r.building for r in list_needs(db, NeedQuery(sort="building", descending=False))]
    assert buildings == sorted(buildings)
    statuses = [r.status.value for r in list_needs(db, NeedQuery(sort="status"))]
    assert statuses == sorted(statuses, reverse=True)


def test_paging_covers_every_row_once(db: Database, spread: dict[str, int]) -> None:
    query = NeedQuery(sort="title", descending=False)
    pages = [list_needs(db, query, offset, 3) for offset in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [r.title for p in pages for r in p] == titles(db, query)


def test_buildings_of_needs(db: Database, spread: dict[str, int]) -> None:
    assert set(needs_buildings(db)) == {"3栋", "5栋", "10栋"}


# --- trash ------------------------------------------------------------------------------------


def test_delete_restore_purge(db: Database, spread: dict[str, int]) -> None:
    doomed = [spread["电梯停运"], spread["装修噪音"]]
    assert delete_needs(db, doomed) == 2
    assert delete_needs(db, doomed) == 0  # already in the trash
    assert count_needs(db, NeedQuery()) == 5
    assert set(titles(db, NeedQuery(), deleted=True)) == {"电梯停运", "装修噪音"}
    assert count_needs(db, NeedQuery(), deleted=True) == 2
    with pytest.raises(NotFoundError):
        get_need(db, doomed[0])
    with pytest.raises(NotFoundError):
        change_status(db, doomed[1], W)

    assert restore_records(db, RecordKind.NEED, [doomed[0]]) == 1
    assert get_need(db, doomed[0]).title == "电梯停运"

    live = spread["楼道灯不亮"]
    # A live need is never destroyed.
    assert purge_records(db, RecordKind.NEED, [doomed[1], live]) == 1
    assert get_need(db, live).title == "楼道灯不亮"
    assert count_needs(db, NeedQuery(), deleted=True) == 0
    assert count_needs(db, NeedQuery()) == 6
    assert status_history(db, doomed[1]) == []  # its history went with it
    assert restore_records(db, RecordKind.NEED, [doomed[1]]) == 0
