"""首页: follow-ups due this week or overdue, overdue needs, upcoming meetings, open actions."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest

from desktop.domain.meetings import ActionItem, ActionStatus, Meeting
from desktop.domain.needs import Need, NeedQuery, NeedStatus, Satisfaction
from desktop.domain.roster import Building, Neighborhood, Organization, OrganizationKind
from desktop.domain.visits import FollowUpState, Visit, VisitKind
from desktop.services import home, needs, neighborhood, organizations
from desktop.services.home import SetUp, action_overdue, home_summary
from desktop.services.meetings import delete_meetings, save_meeting, set_action_status
from desktop.services.visits import delete_visits, get_visit, record_follow_up, save_visit
from desktop.store.database import Database
from tests.services.migrated import copy_of

TODAY = date(2026, 11, 25)  # a Wednesday: the week runs from the 23rd to the 29th


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    """Overrides the suite's ``db``: the same empty database, made by a copy."""
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def add_visit(db: Database, resident: str, follow_up_on: date | None) -> int:
    visited = min(follow_up_on or TODAY, TODAY) - timedelta(days=30)
    saved = save_visit(
        db,
        Visit(
            kind=VisitKind.RECEPTION_DAY,
            visited_on=visited,
            resident=resident,
            issue="回访",
            follow_up_on=follow_up_on,
        ),
    )
    assert saved.id is not None
    return saved.id


def add_need(
    db: Database, title: str, due_on: date | None, status: NeedStatus = NeedStatus.PENDING
) -> int:
    category = needs.list_categories(db)[0].id
    need = needs.save_need(
        db,
        Need(
            title=title,
            category_id=category,
            registered_on=date(2026, 1, 1),
            due_on=due_on,
            status=status,
            status_reason="已转社区" if status is NeedStatus.REFERRED else "",
        ),
    )
    assert need.id is not None
    return need.id


def test_an_empty_database(db: Database) -> None:
    summary = home_summary(db, TODAY)
    assert summary.follow_ups == [] and summary.overdue_needs == []
    assert summary.overdue_count == 0
    assert summary.upcoming_meetings == [] and summary.open_actions == []


def test_follow_ups_this_week_and_overdue(db: Database) -> None:
    overdue = add_visit(db, "逾期", TODAY - timedelta(days=20))
    monday = add_visit(db, "周一", date(2026, 11, 23))
    today = add_visit(db, "今天", TODAY)
    sunday = add_visit(db, "周日", date(2026, 11, 29))
    add_visit(db, "下周一", date(2026, 11, 30))
    add_visit(db, "下个月", date(2026, 12, 25))
    add_visit(db, "无需回访", None)
    trashed = add_visit(db, "删除的", TODAY)
    delete_visits(db, [trashed])
    rows = home_summary(db, TODAY).follow_ups
    assert [r.id for r in rows] == [overdue, monday, today, sunday]  # soonest first
    assert [r.resident for r in rows] == ["逾期", "周一", "今天", "周日"]


def test_on_a_sunday_the_week_ends_today(db: Database) -> None:
    add_visit(db, "今天", date(2026, 11, 29))
    add_visit(db, "明天", date(2026, 11, 30))
    rows = home_summary(db, date(2026, 11, 29)).follow_ups
    assert [r.resident for r in rows] == ["今天"]
    rows = home_summary(db, date(2026, 11, 30)).follow_ups  # a Monday: a new week
    assert [r.resident for r in rows] == ["今天", "明天"]


def test_overdue_needs_agree_with_the_needs_list(db: Database) -> None:
    today = date.today()
    late = add_need(db, "早已逾期", today - timedelta(days=10))
    yesterday = add_need(db, "昨天到期", today - timedelta(days=1))
    in_progress = add_need(db, "处理中逾期", today - timedelta(days=3), NeedStatus.IN_PROGRESS)
    add_need(db, "今天到期", today)
    add_need(db, "没有期限", None)
    add_need(db, "已解决", today - timedelta(days=5), NeedStatus.RESOLVED)
    add_need(db, "已转办", today - timedelta(days=5), NeedStatus.REFERRED)
    trashed = add_need(db, "删除的", today - timedelta(days=5))
    needs.delete_needs(db, [trashed])
    summary = home_summary(db)
    assert [r.id for r in summary.overdue_needs] == [late, in_progress, yesterday]  # by due date
    assert all(r.overdue for r in summary.overdue_needs)
    assert summary.overdue_count == 3
    assert summary.overdue_count == needs.count_needs(db, NeedQuery(overdue_only=True))
    assert sorted(r.id for r in summary.overdue_needs) == sorted(
        r.id for r in needs.list_needs(db, NeedQuery(overdue_only=True))
    )


def test_the_count_tells_how_many_when_the_list_is_cut(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(home, "SHOWN", 2)
    for days in (1, 2, 3, 4):
        add_need(db, f"逾期{days}天", TODAY - timedelta(days=days))
    summary = home_summary(db, TODAY)
    assert [r.title for r in summary.overdue_needs] == ["逾期4天", "逾期3天"]
    assert summary.overdue_count == 4
    assert summary.overdue_count == needs.count_needs(db, NeedQuery(overdue_only=True), today=TODAY)


def test_overdue_is_judged_on_the_day_given(db: Database) -> None:
    add_need(db, "周三到期", TODAY)
    assert home_summary(db, TODAY).overdue_count == 0
    later = home_summary(db, TODAY + timedelta(days=1))
    assert later.overdue_count == 1
    assert [r.title for r in later.overdue_needs] == ["周三到期"]


def test_upcoming_meetings(db: Database) -> None:
    now = datetime.now().replace(second=0, microsecond=0)
    soon = save_meeting(db, Meeting(title="明天的议事会", starts_at=now + timedelta(days=1)))
    later = save_meeting(db, Meeting(title="下周的例会", starts_at=now + timedelta(days=7)))
    save_meeting(db, Meeting(title="昨天的会", starts_at=now - timedelta(days=1)))
    gone = save_meeting(db, Meeting(title="删除的会", starts_at=now + timedelta(days=2)))
    delete_meetings(db, [gone.id or 0])
    assert home_summary(db).upcoming_meetings == [
        (soon.id, "明天的议事会", now + timedelta(days=1)),
        (later.id, "下周的例会", now + timedelta(days=7)),
    ]


def test_open_actions(db: Database) -> None:
    meeting = save_meeting(
        db,
        Meeting(
            title="议事会",
            starts_at=datetime(2026, 11, 20, 14, 30),
            actions=[
                ActionItem("无期限"),
                ActionItem("已完成", due_on=TODAY, status=ActionStatus.DONE),
                ActionItem("下周", due_on=TODAY + timedelta(days=7)),
                ActionItem(
                    "逾期", due_on=TODAY - timedelta(days=7), status=ActionStatus.IN_PROGRESS
                ),
            ],
        ),
    )
    summary = home_summary(db, TODAY)
    assert [(a.what, mid, title) for a, mid, title in summary.open_actions] == [
        ("逾期", meeting.id, "议事会"),
        ("下周", meeting.id, "议事会"),
        ("无期限", meeting.id, "议事会"),
    ]
    set_action_status(db, meeting.actions[2].id or 0, ActionStatus.DONE)
    assert [a.what for a, _, _ in home_summary(db, TODAY).open_actions] == ["逾期", "无期限"]


def test_a_follow_up_whose_result_is_recorded_leaves_the_list(db: Database) -> None:
    """The list empties as the secretary works through it: a follow-up with its result
    recorded (the visit's outcome) is done, however long ago its day was."""
    waiting = add_visit(db, "待回访", TODAY - timedelta(days=2))
    done_id = add_visit(db, "已回访", TODAY - timedelta(days=60))
    done = get_visit(db, done_id)
    done.outcome, done.satisfaction = "已解决，居民表示感谢", Satisfaction.SATISFIED
    save_visit(db, done)
    summary = home_summary(db, TODAY)
    assert [r.id for r in summary.follow_ups] == [waiting]
    assert summary.follow_up_count == 1
    record_follow_up(db, waiting, "已修好", None)
    summary = home_summary(db, TODAY)
    assert summary.follow_ups == [] and summary.follow_up_count == 0


def test_overdue_follow_ups_are_counted_apart(db: Database) -> None:
    add_visit(db, "上周", TODAY - timedelta(days=3))
    add_visit(db, "上个月", TODAY - timedelta(days=30))
    add_visit(db, "今天", TODAY)
    add_visit(db, "周日", date(2026, 11, 29))
    summary = home_summary(db, TODAY)
    assert (summary.follow_up_count, summary.follow_ups_overdue) == (4, 2)
    states = [r.follow_up_state(TODAY) for r in summary.follow_ups]
    assert states == [FollowUpState.OVERDUE] * 2 + [FollowUpState.WAITING] * 2


def test_overdue_action_items_are_counted(db: Database) -> None:
    save_meeting(
        db,
        Meeting(
            title="议事会",
            starts_at=datetime(2026, 11, 2, 14, 30),
            actions=[
                ActionItem("逾期", due_on=TODAY - timedelta(days=1)),
                ActionItem("今天到期", due_on=TODAY),
                ActionItem(
                    "逾期已完成", due_on=TODAY - timedelta(days=9), status=ActionStatus.DONE
                ),
                ActionItem("无期限"),
            ],
        ),
    )
    summary = home_summary(db, TODAY)
    assert (summary.open_action_count, summary.actions_overdue) == (3, 1)
    assert [action_overdue(a, TODAY) for a, _m, _t in summary.open_actions] == [
        True,
        False,
        False,
    ]


def test_a_new_data_folder_is_not_set_up(db: Database) -> None:
    first = home_summary(db, TODAY).set_up
    assert first == SetUp(neighborhood="", buildings=0, has_records=False, partner_units=0)
    assert not first.done
    neighborhood.save_neighborhood(db, Neighborhood("翠竹苑", "翠竹社区", "南园街道"))
    neighborhood.save_building(db, Building("1栋"))
    named = home_summary(db, TODAY).set_up
    assert named is not None and (named.neighborhood, named.buildings) == ("翠竹苑", 1)
    assert not named.done  # nothing recorded yet
    need = add_need(db, "楼道灯", None)
    assert home_summary(db, TODAY).set_up.done
    needs.delete_needs(db, [need])  # in the trash: nothing recorded any more
    assert not home_summary(db, TODAY).set_up.done
    organizations.save_organization(db, Organization(OrganizationKind.PARTNER_UNIT, "南园供电所"))
    assert home_summary(db, TODAY).set_up.partner_units == 1
