"""Meetings and their minutes: drafts with all their parts, local times, final minutes and
amendments, the list's counts, action items and the projects they call for, trash."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from desktop.domain.dates import utc_to_local
from desktop.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Attendance,
    Contradiction,
    Meeting,
    MeetingKind,
    MeetingQuery,
    Participant,
    ParticipantRole,
    Topic,
)
from desktop.domain.needs import Need
from desktop.domain.projects import ProjectStage
from desktop.services import trash
from desktop.services.meetings import (
    MeetingContradictionError,
    MeetingFinalError,
    add_amendment,
    count_meetings,
    delete_meetings,
    finalize_meeting,
    get_meeting,
    list_meetings,
    meetings_of_need,
    open_actions,
    project_from_action,
    save_meeting,
    set_action_status,
    upcoming_meetings,
)
from desktop.services.needs import list_categories, save_need
from desktop.services.projects import delete_projects, get_project, projects_of_need
from desktop.store.database import Database
from desktop.store.models import (
    MeetingActionRecord,
    MeetingParticipantRecord,
    MeetingRecord,
    MeetingTopicNeedRecord,
    MeetingTopicRecord,
    utcnow,
)
from tests.services.conftest import add_person
from tests.services.migrated import copy_of
from tests.trash_items import purge_records, restore_records

STARTS = datetime(2026, 11, 25, 14, 30)  # Shanghai wall-clock time


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    """Overrides the suite's ``db``: the same empty database, made by a copy."""
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def add_need(db: Database, title: str) -> int:
    category = list_categories(db)[0].id
    need = save_need(db, Need(title=title, category_id=category))
    assert need.id is not None
    return need.id


def full_meeting(need_ids: list[int]) -> Meeting:
    """Every part filled, in an order that is neither alphabetical nor by role."""
    return Meeting(
        title="关于电动车充电桩的协商议事会",
        kind=MeetingKind.DELIBERATION,
        starts_at=STARTS,
        place="党群服务站二楼",
        host="王书记",
        recorder="李伟",
        participants=[
            Participant(
                ParticipantRole.PROPERTY_COMPANY,
                "赵经理",
                "物业服务中心经理",
                phone="13812345678",
                attendance=Attendance.PRESENT,
            ),
            Participant(
                ParticipantRole.BRANCH, "王书记", "支部书记", attendance=Attendance.PRESENT
            ),
            Participant(
                ParticipantRole.RESIDENT_REPRESENTATIVE,
                "张伟",
                "1栋居民",
                attendance=Attendance.EXCUSED,
            ),
            Participant(ParticipantRole.TALENT, "𠮷祥", attendance=Attendance.ABSENT),
            Participant(ParticipantRole.OWNERS_COMMITTEE, "陈静"),
        ],
        topics=[
            Topic(
                "充电桩选址",
                "居民担心安全\n物业提出东门空地",
                18,
                2,
                1,
                "建在东门空地",
                sorted(need_ids),
            ),
            Topic("收费标准", "意见不一", None, None, None, "", []),
            Topic("夜间管理", "", 0, 0, 0, "物业夜间巡查", need_ids[:1]),
        ],
        actions=[
            ActionItem("物业联系供电所报装", "赵经理", date(2026, 12, 10)),
            ActionItem("公示选址方案", "王书记", date(2026, 12, 1), ActionStatus.IN_PROGRESS),
            ActionItem("征求业委会意见", "陈静"),
        ],
    )


def save(db: Database, meeting: Meeting) -> Meeting:
    saved = save_meeting(db, meeting)
    assert saved.id is not None
    return saved


def add(db: Database, title: str = "议事会", **fields: Any) -> Meeting:
    fields.setdefault("starts_at", STARTS)
    return save(db, Meeting(title=title, **fields))


def count(db: Database, model: Any) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# --- a draft with all its parts ------------------------------------------------------------


def test_save_and_get_round_trip(db: Database) -> None:
    needs = [add_need(db, "充电难"), add_need(db, "飞线充电")]
    meeting = full_meeting(needs)
    saved = save(db, meeting)
    assert saved.uuid is not None and len(saved.uuid) == 36
    got = get_meeting(db, saved.id or 0)
    assert got == saved
    assert not got.is_final and got.finalized_at is None and got.amendments == []
    assert (got.title, got.kind, got.place, got.host, got.recorder) == (
        meeting.title,
        meeting.kind,
        meeting.place,
        meeting.host,
        meeting.recorder,
    )
    assert got.participants == meeting.participants  # every field, in the order given
    assert got.topics == meeting.topics
    assert got.topics[0].need_ids == sorted(needs)
    assert got.topics[0].reached_consensus and not got.topics[1].reached_consensus
    assert [(a.what, a.owner, a.due_on, a.status, a.project_id) for a in got.actions] == [
        (a.what, a.owner, a.due_on, a.status, a.project_id) for a in meeting.actions
    ]
    assert all(a.id is not None for a in got.actions)
    assert len({a.id for a in got.actions}) == 3


def test_other_kinds(db: Database) -> None:
    for kind in MeetingKind:
        assert get_meeting(db, add(db, kind=kind).id or 0).kind is kind


def test_empty_rows_are_dropped(db: Database) -> None:
    got = add(
        db,
        participants=[Participant(ParticipantRole.BRANCH, " ")],
        topics=[Topic(" ")],
        actions=[ActionItem("\n")],
    )
    assert got.participants == [] and got.topics == [] and got.actions == []


def test_a_meeting_without_a_title_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        add(db, title=" ")
    assert caught.value.problems == {"title": Problem.REQUIRED}
    with pytest.raises(ValidationError) as caught:
        add(db, topics=[Topic("议题", votes_against=-1)])
    assert caught.value.problems == {"topics": Problem.NEGATIVE_AMOUNT}
    assert count(db, MeetingRecord) == 0


def test_get_missing_or_trashed(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_meeting(db, 999)
    saved = add(db)
    delete_meetings(db, [saved.id or 0])
    with pytest.raises(NotFoundError):
        get_meeting(db, saved.id or 0)
    with pytest.raises(NotFoundError):
        save_meeting(db, saved)


def test_rare_characters_and_markup_are_kept_exactly(db: Database) -> None:
    title = "<b>议题</b> & \"引号\" '单引号' 𠮷䶮堃喆 {x} %s \\n"
    text = "<script>alert(1)</script>\n&amp; &lt; 𠮷祥\t缩进\n## 不是标题 **也不是粗体**"
    saved = add(
        db,
        title=title,
        place="<i>活动室</i>",
        participants=[Participant(ParticipantRole.TALENT, "欧阳𠮷䶮", "<单位&>")],
        topics=[Topic("<议题>", text, consensus="&共识;", need_ids=[])],
        actions=[ActionItem(text, "王<䶮>")],
    )
    got = get_meeting(db, saved.id or 0)
    assert got.title == title and got.place == "<i>活动室</i>"
    assert (got.participants[0].name, got.participants[0].organization) == ("欧阳𠮷䶮", "<单位&>")
    assert (got.topics[0].title, got.topics[0].discussion, got.topics[0].consensus) == (
        "<议题>",
        text,
        "&共识;",
    )
    assert (got.actions[0].what, got.actions[0].owner) == (text, "王<䶮>")
    [row] = list_meetings(db, MeetingQuery(text="𠮷䶮堃"))
    assert row.title == title


# --- local time ------------------------------------------------------------------------------


def test_a_meeting_at_half_past_two_reads_back_half_past_two(db: Database) -> None:
    saved = add(db, starts_at=datetime(2026, 11, 25, 14, 30))
    assert saved.starts_at == datetime(2026, 11, 25, 14, 30)
    assert get_meeting(db, saved.id or 0).starts_at == datetime(2026, 11, 25, 14, 30)
    with db.session() as s:
        stored = s.scalar(select(MeetingRecord.starts_at).where(MeetingRecord.id == saved.id))
    assert stored == datetime(2026, 11, 25, 6, 30)  # UTC
    [row] = list_meetings(db, MeetingQuery())
    assert row.starts_at == datetime(2026, 11, 25, 14, 30)


def test_an_early_morning_meeting_keeps_its_day(db: Database) -> None:
    saved = add(db, starts_at=datetime(2026, 1, 1, 7, 0))
    with db.session() as s:
        stored = s.scalar(select(MeetingRecord.starts_at).where(MeetingRecord.id == saved.id))
    assert stored == datetime(2025, 12, 31, 23, 0)
    assert get_meeting(db, saved.id or 0).starts_at == datetime(2026, 1, 1, 7, 0)


def test_saving_again_does_not_shift_the_time(db: Database) -> None:
    saved = add(db)
    for _ in range(3):
        saved = save_meeting(db, get_meeting(db, saved.id or 0))
    assert get_meeting(db, saved.id or 0).starts_at == STARTS


# --- editing a draft ------------------------------------------------------------------------


def test_edit_replaces_the_parts_and_keeps_action_ids(db: Database) -> None:
    need = add_need(db, "充电难")
    saved = save(db, full_meeting([need]))
    keep, drop, edit = saved.actions
    project = project_from_action(db, keep.id or 0)
    draft = get_meeting(db, saved.id or 0)
    draft.title = "关于充电桩的议事会（续）"
    draft.participants = [
        draft.participants[1],
        Participant(ParticipantRole.PARTNER_UNIT, "供电所"),
    ]
    draft.topics = [draft.topics[2], draft.topics[0]]  # reordered; one dropped
    draft.actions = [
        replace(draft.actions[2], what="再次征求业委会意见"),
        draft.actions[0],
        ActionItem("新的事项", "孙喆"),
    ]
    edited = save_meeting(db, draft)
    got = get_meeting(db, saved.id or 0)
    assert got == edited
    assert got.title == "关于充电桩的议事会（续）"
    assert [p.name for p in got.participants] == ["王书记", "供电所"]
    assert [t.title for t in got.topics] == ["夜间管理", "充电桩选址"]
    assert got.topics[0].need_ids == got.topics[1].need_ids == [need]
    assert [a.what for a in got.actions] == ["再次征求业委会意见", "物业联系供电所报装", "新的事项"]
    assert got.actions[0].id == edit.id
    assert got.actions[1].id == keep.id
    assert got.actions[1].project_id == project.id  # the project stays linked
    assert got.actions[1].status is ActionStatus.IN_PROGRESS
    assert got.actions[2].id not in {keep.id, drop.id, edit.id}
    assert count(db, MeetingParticipantRecord) == 2
    assert count(db, MeetingTopicRecord) == 2
    assert count(db, MeetingTopicNeedRecord) == 2
    assert count(db, MeetingActionRecord) == 3  # the dropped item is gone
    assert get_project(db, project.id or 0).title == "物业联系供电所报装"


def test_edit_can_remove_every_part(db: Database) -> None:
    saved = save(db, full_meeting([add_need(db, "充电难")]))
    saved.participants, saved.topics, saved.actions = [], [], []
    save_meeting(db, saved)
    got = get_meeting(db, saved.id or 0)
    assert got.participants == [] and got.topics == [] and got.actions == []
    for model in (MeetingParticipantRecord, MeetingTopicRecord, MeetingActionRecord):
        assert count(db, model) == 0


def test_another_meetings_action_is_never_taken_over(db: Database) -> None:
    """A copy of a meeting carries its action ids: the copy gets new items, the original keeps
    its own untouched (final minutes included)."""
    original = add(db, "原会议", actions=[ActionItem("修路灯", "物业")])
    finalize_meeting(db, original.id or 0)
    copy = replace(
        original,
        id=None,
        uuid=None,
        title="复制的会议",
        finalized_at=None,
        actions=[replace(original.actions[0], what="修路灯（复制）")],
    )
    saved_copy = save(db, copy)
    assert [a.what for a in saved_copy.actions] == ["修路灯（复制）"]
    assert saved_copy.actions[0].id != original.actions[0].id
    assert get_meeting(db, original.id or 0).actions == original.actions
    # Editing a draft with a stranger's item id: the same.
    draft = add(db, "草稿")
    draft.actions = [replace(original.actions[0], what="偷来的")]
    assert save_meeting(db, draft).actions[0].id != original.actions[0].id
    assert get_meeting(db, original.id or 0).actions == original.actions


# --- final minutes and amendments -------------------------------------------------------------


def test_final_minutes_are_never_edited(db: Database) -> None:
    saved = save(db, full_meeting([]))
    final = finalize_meeting(db, saved.id or 0)
    assert final.is_final and final.finalized_at is not None
    final.title = "改过的标题"
    final.topics = []
    with pytest.raises(MeetingFinalError):
        save_meeting(db, final)
    got = get_meeting(db, saved.id or 0)
    assert got.title == "关于电动车充电桩的协商议事会"
    assert len(got.topics) == 3
    # Finalizing again changes nothing.
    assert finalize_meeting(db, saved.id or 0).finalized_at == got.finalized_at


def test_amendments_are_added_to_final_minutes(db: Database) -> None:
    saved = add(db)
    finalize_meeting(db, saved.id or 0, at=datetime(2026, 11, 25, 18, 0))  # the evening after
    add_amendment(db, saved.id or 0, " 第二项表决结果更正为同意18票 ", date(2026, 11, 26))
    got = add_amendment(db, saved.id or 0, "参会人员补记：孙喆", date(2026, 11, 27))
    assert [(a.text, a.made_on) for a in got.amendments] == [
        ("第二项表决结果更正为同意18票", date(2026, 11, 26)),
        ("参会人员补记：孙喆", date(2026, 11, 27)),
    ]
    assert all(a.made_at is not None for a in got.amendments)
    assert get_meeting(db, saved.id or 0).amendments == got.amendments
    default = add_amendment(db, saved.id or 0, "今日更正")
    assert default.amendments[-1].made_on == utc_to_local(utcnow()).date()  # Beijing's today


def test_amendments_are_refused_on_a_draft_or_when_empty(db: Database) -> None:
    draft = add(db)
    with pytest.raises(ValidationError) as caught:
        add_amendment(db, draft.id or 0, "更正")
    assert caught.value.problems == {"amendment": Problem.STATUS_FLOW}
    finalize_meeting(db, draft.id or 0)
    with pytest.raises(ValidationError) as caught:
        add_amendment(db, draft.id or 0, " \n ")
    assert caught.value.problems == {"amendment": Problem.REQUIRED}
    assert get_meeting(db, draft.id or 0).amendments == []
    with pytest.raises(NotFoundError):
        add_amendment(db, 999, "更正")
    with pytest.raises(NotFoundError):
        finalize_meeting(db, 999)


# --- minutes that do not contradict themselves -------------------------------------------------


def test_a_person_with_several_roles_is_one_row(db: Database) -> None:
    lin = Participant(
        ParticipantRole.BUILDING_LEADER,
        "林磊玉",
        "8栋楼栋长、业委会委员",
        person_id=None,
        attendance=Attendance.PRESENT,
        more_roles=(ParticipantRole.OWNERS_COMMITTEE,),
    )
    saved = add(db, participants=[lin, Participant(ParticipantRole.BRANCH, "王书记")])
    got = get_meeting(db, saved.id or 0)
    assert got.participants[0].roles == (
        ParticipantRole.BUILDING_LEADER,
        ParticipantRole.OWNERS_COMMITTEE,
    )
    assert got.participants == saved.participants
    with db.session() as s:
        stored = s.scalars(select(MeetingParticipantRecord.role)).all()
    assert stored == ["building_leader,owners_committee", "branch"]
    [row] = list_meetings(db, MeetingQuery())
    assert row.attendees == 1  # counted once


def test_one_person_in_two_rows_is_refused(db: Database) -> None:
    lin = add_person(db, "林磊玉")
    twice = [
        Participant(
            ParticipantRole.BUILDING_LEADER,
            "林磊玉",
            "8栋楼栋长",
            lin,
            attendance=Attendance.ABSENT,
        ),
        Participant(
            ParticipantRole.OWNERS_COMMITTEE,
            "林磊玉",
            "业委会委员",
            lin,
            attendance=Attendance.PRESENT,
        ),
    ]
    with pytest.raises(ValidationError) as caught:
        add(db, participants=twice)
    assert caught.value.problems == {"participants": Problem.DUPLICATE_PERSON}
    # Typed by hand, the same name twice is the same person too.
    by_hand = [
        Participant(ParticipantRole.TALENT, "汪文雨"),
        Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, " 汪文雨 "),
    ]
    with pytest.raises(ValidationError):
        add(db, participants=by_hand)
    assert count(db, MeetingRecord) == 0
    # Two roster people who share a name are two people.
    one, two = add_person(db, "张伟"), add_person(db, "张伟")
    namesakes = [
        Participant(ParticipantRole.TALENT, "张伟", person_id=one),
        Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "张伟", person_id=two),
    ]
    assert len(add(db, participants=namesakes).participants) == 2


def held(host_attendance: Attendance, recorder_attendance: Attendance, **fields: Any) -> Meeting:
    return Meeting(
        title="议事会",
        starts_at=STARTS,
        host="王书记",
        recorder="李伟",
        participants=[
            Participant(ParticipantRole.BRANCH, "王书记", attendance=host_attendance),
            Participant(ParticipantRole.BRANCH, "李伟", attendance=recorder_attendance),
            Participant(ParticipantRole.TALENT, "陈静", attendance=Attendance.EXCUSED),
        ],
        **fields,
    )


@pytest.mark.parametrize(
    ("host", "recorder", "found"),
    [
        (Attendance.EXCUSED, Attendance.PRESENT, [(Contradiction.HOST_NOT_PRESENT, "王书记")]),
        (Attendance.PRESENT, Attendance.EXCUSED, [(Contradiction.RECORDER_NOT_PRESENT, "李伟")]),
        (
            Attendance.ABSENT,
            Attendance.ABSENT,
            [
                (Contradiction.HOST_NOT_PRESENT, "王书记"),
                (Contradiction.RECORDER_NOT_PRESENT, "李伟"),
            ],
        ),
    ],
)
def test_finalizing_is_refused_while_the_host_or_recorder_is_away(
    db: Database, host: Attendance, recorder: Attendance, found: list
) -> None:
    draft = save(db, held(host, recorder))  # a draft may say so while it is corrected
    with pytest.raises(MeetingContradictionError) as caught:
        finalize_meeting(db, draft.id or 0)
    assert [(i.contradiction, i.name) for i in caught.value.found] == found
    assert not get_meeting(db, draft.id or 0).is_final
    fixed = held(Attendance.PRESENT, Attendance.PRESENT, id=draft.id)
    save_meeting(db, fixed)
    assert finalize_meeting(db, draft.id or 0).is_final


def test_attendance_not_yet_recorded_does_not_stop_finalizing(db: Database) -> None:
    draft = save(db, held(Attendance.UNKNOWN, Attendance.UNKNOWN))
    assert finalize_meeting(db, draft.id or 0).is_final


def test_rows_of_one_person_left_by_an_older_version_stop_finalizing(db: Database) -> None:
    draft = save(db, held(Attendance.PRESENT, Attendance.PRESENT))
    with db.session() as s:
        s.add(
            MeetingParticipantRecord(
                meeting_id=draft.id, position=9, role="talent", name="李伟", attendance="present"
            )
        )
    with pytest.raises(MeetingContradictionError) as caught:
        finalize_meeting(db, draft.id or 0)
    assert [(i.contradiction, i.name) for i in caught.value.found] == [
        (Contradiction.DUPLICATE_PERSON, "李伟")
    ]


def test_a_correction_cannot_predate_the_minutes(db: Database) -> None:
    saved = add(db)
    finalize_meeting(db, saved.id or 0, at=datetime(2026, 11, 27, 9, 0))
    with pytest.raises(ValidationError) as caught:
        add_amendment(db, saved.id or 0, "第一项表决结果更正", date(2026, 11, 26))
    assert caught.value.problems == {"amendment": Problem.DATE_ORDER}
    got = add_amendment(db, saved.id or 0, "第一项表决结果更正", date(2026, 11, 27))
    assert [a.made_on for a in got.amendments] == [date(2026, 11, 27)]  # the same day is fine


def test_finalized_at_a_given_time(db: Database) -> None:
    saved = add(db)
    final = finalize_meeting(db, saved.id or 0, at=datetime(2026, 11, 26, 10, 0))
    with db.session() as s:
        stored = s.scalar(select(MeetingRecord.finalized_at).where(MeetingRecord.id == saved.id))
    assert stored == datetime(2026, 11, 26, 2, 0)  # UTC
    assert final.finalized_at == stored


# --- the list --------------------------------------------------------------------------------


def test_list_counts(db: Database) -> None:
    saved = save(db, full_meeting([]))
    set_action_status(db, saved.actions[2].id or 0, ActionStatus.DONE)
    empty = add(db, "空会议", starts_at=STARTS - timedelta(days=1))
    rows = {r.id: r for r in list_meetings(db, MeetingQuery())}
    row = rows[saved.id or 0]
    assert row.title == "关于电动车充电桩的协商议事会" and row.place == "党群服务站二楼"
    assert row.kind is MeetingKind.DELIBERATION and not row.final
    assert row.attendees == 2  # present only: not excused, absent or unknown
    assert row.topics == 3
    assert row.consensus == 2
    assert row.open_actions == 2  # open and in progress, not done
    other = rows[empty.id or 0]
    assert (other.attendees, other.topics, other.consensus, other.open_actions) == (0, 0, 0, 0)


def test_list_filters_and_order(db: Database) -> None:
    first = add(db, "一月议事会", starts_at=datetime(2026, 1, 10, 9, 0))
    second = add(
        db,
        "楼栋长例会",
        kind=MeetingKind.BUILDING_LEADERS,
        starts_at=datetime(2026, 2, 10, 9, 0),
        host="张伟",
    )
    third = add(db, "支部会议", kind=MeetingKind.BRANCH, starts_at=datetime(2026, 3, 10, 9, 0))
    finalize_meeting(db, first.id or 0)
    finalize_meeting(db, third.id or 0)

    def listed(**query: Any) -> list[int]:
        got = [r.id for r in list_meetings(db, MeetingQuery(**query))]
        assert count_meetings(db, MeetingQuery(**query)) == len(got)
        return got

    assert listed() == [third.id, second.id, first.id]  # newest first
    assert listed(descending=False) == [first.id, second.id, third.id]
    assert listed(kind=MeetingKind.BUILDING_LEADERS) == [second.id]
    assert listed(kind=MeetingKind.DELIBERATION) == [first.id]
    assert listed(final=True) == [third.id, first.id]
    assert listed(final=False) == [second.id]
    assert listed(final=True, kind=MeetingKind.BRANCH) == [third.id]
    assert listed(text="会议") == [third.id]
    assert listed(text="张伟") == [second.id]  # the host
    assert listed(text="议事会") == [first.id]
    assert [r.final for r in list_meetings(db, MeetingQuery())] == [True, False, True]


def test_keyset_pages_make_up_the_list(db: Database) -> None:
    for i in range(7):
        add(db, f"会议{i % 3}", starts_at=STARTS + timedelta(days=i % 2))
    for sort in ("starts", "title", "kind"):
        for descending in (False, True):
            query = MeetingQuery(sort=sort, descending=descending)
            whole = [r.id for r in list_meetings(db, query)]
            paged: list[int] = []
            last = None
            while page := list_meetings(db, query, limit=2, after=last):
                paged += [r.id for r in page]
                last = page[-1]
            assert paged == whole


# --- action items ----------------------------------------------------------------------------


def test_action_status_moves_on_after_the_minutes_are_final(db: Database) -> None:
    saved = save(db, full_meeting([]))
    finalize_meeting(db, saved.id or 0)
    action = saved.actions[0]
    set_action_status(db, action.id or 0, ActionStatus.IN_PROGRESS)
    assert get_meeting(db, saved.id or 0).actions[0].status is ActionStatus.IN_PROGRESS
    set_action_status(db, action.id or 0, ActionStatus.DONE)
    got = get_meeting(db, saved.id or 0)
    assert got.actions[0].status is ActionStatus.DONE
    assert [a.status for a in got.actions[1:]] == [a.status for a in saved.actions[1:]]
    with pytest.raises(NotFoundError):
        set_action_status(db, 999, ActionStatus.DONE)


def test_project_from_action(db: Database) -> None:
    needs = [add_need(db, "充电难"), add_need(db, "飞线充电"), add_need(db, "与会议无关")]
    meeting = full_meeting(needs[:2])
    meeting.actions[0].what = "物业联系供电所报装\n预算两万元"
    saved = save(db, meeting)
    finalize_meeting(db, saved.id or 0)  # action items move on after the minutes are final
    action = saved.actions[0]
    assert action.status is ActionStatus.OPEN
    project = project_from_action(db, action.id or 0)
    assert project.id is not None
    got = get_project(db, project.id)
    assert got.title == "物业联系供电所报装"
    assert got.need_ids == sorted(needs[:2])  # the needs of the meeting's topics
    assert got.stage is ProjectStage.PROPOSED
    assert [r.id for r in projects_of_need(db, needs[0])] == [project.id]
    assert projects_of_need(db, needs[2]) == []
    item = get_meeting(db, saved.id or 0).actions[0]
    assert item.project_id == project.id
    assert item.status is ActionStatus.IN_PROGRESS
    with pytest.raises(DomainError):
        project_from_action(db, action.id or 0)
    assert get_meeting(db, saved.id or 0).actions[0].project_id == project.id


def test_project_from_an_action_in_progress_or_done_keeps_its_status(db: Database) -> None:
    saved = save(db, full_meeting([]))
    in_progress = saved.actions[1]
    project_from_action(db, in_progress.id or 0)
    assert get_meeting(db, saved.id or 0).actions[1].status is ActionStatus.IN_PROGRESS
    done = saved.actions[2]
    set_action_status(db, done.id or 0, ActionStatus.DONE)
    project = project_from_action(db, done.id or 0)
    assert project.need_ids == []
    assert get_meeting(db, saved.id or 0).actions[2].status is ActionStatus.DONE
    with pytest.raises(NotFoundError):
        project_from_action(db, 999)


def test_a_deleted_project_unlinks_only_when_purged(db: Database) -> None:
    saved = save(db, full_meeting([]))
    project = project_from_action(db, saved.actions[0].id or 0)
    delete_projects(db, [project.id or 0])
    assert get_meeting(db, saved.id or 0).actions[0].project_id == project.id


def test_open_actions(db: Database) -> None:
    first = add(
        db,
        "一号会议",
        actions=[
            ActionItem("无期限", due_on=None),
            ActionItem("十二月", due_on=date(2026, 12, 20)),
            ActionItem("已完成", due_on=date(2026, 11, 1), status=ActionStatus.DONE),
        ],
    )
    second = add(
        db,
        "二号会议",
        actions=[
            ActionItem("最早", due_on=date(2026, 11, 30), status=ActionStatus.IN_PROGRESS),
            ActionItem("也无期限"),
        ],
    )
    gone = add(db, "删除的会议", actions=[ActionItem("不该出现", due_on=date(2026, 1, 1))])
    delete_meetings(db, [gone.id or 0])
    got = open_actions(db)
    assert [(a.what, meeting_id, title) for a, meeting_id, title in got] == [
        ("最早", second.id, "二号会议"),
        ("十二月", first.id, "一号会议"),
        ("无期限", first.id, "一号会议"),  # no date last, then in the order recorded
        ("也无期限", second.id, "二号会议"),
    ]
    assert got[0][0].status is ActionStatus.IN_PROGRESS
    assert got[0][0].id == second.actions[0].id
    assert [a.what for a, _, _ in open_actions(db, limit=2)] == ["最早", "十二月"]
    set_action_status(db, second.actions[0].id or 0, ActionStatus.DONE)
    assert open_actions(db)[0][0].what == "十二月"
    restore_records(db, RecordKind.MEETING, [gone.id or 0])
    assert open_actions(db)[0][0].what == "不该出现"


# --- upcoming, and the needs a meeting discussed ---------------------------------------------


def test_upcoming_meetings(db: Database) -> None:
    now = datetime(2026, 11, 25, 10, 0)  # local
    past = add(db, "上周", starts_at=now - timedelta(days=7))
    just_before = add(db, "刚开始", starts_at=now - timedelta(minutes=1))
    at_now = add(db, "正点", starts_at=now)
    later = add(db, "下周", starts_at=now + timedelta(days=7))
    tonight = add(db, "今晚", starts_at=datetime(2026, 11, 25, 19, 30))
    trashed = add(db, "删除的", starts_at=now + timedelta(days=1))
    delete_meetings(db, [trashed.id or 0])
    got = upcoming_meetings(db, now=now)
    assert got == [
        (at_now.id, "正点", now),
        (tonight.id, "今晚", datetime(2026, 11, 25, 19, 30)),  # local time, as typed
        (later.id, "下周", now + timedelta(days=7)),
    ]
    assert past.id not in [i for i, _, _ in got] and just_before.id not in [i for i, _, _ in got]
    assert upcoming_meetings(db, now=now, limit=1) == got[:1]


def test_upcoming_meetings_compare_in_local_time(db: Database) -> None:
    """07:00 in Shanghai is 23:00 UTC the day before: still upcoming at 06:00 local."""
    morning = add(db, "早会", starts_at=datetime(2026, 11, 26, 7, 0))
    assert [i for i, _, _ in upcoming_meetings(db, now=datetime(2026, 11, 26, 6, 0))] == [
        morning.id
    ]
    assert upcoming_meetings(db, now=datetime(2026, 11, 26, 7, 1)) == []


def test_meetings_of_need(db: Database) -> None:
    need, other = add_need(db, "充电难"), add_need(db, "其他")
    first = add(
        db, "第一次", topics=[Topic("选址", need_ids=[need]), Topic("收费", need_ids=[need])]
    )
    second = add(db, "第二次", topics=[Topic("复议", need_ids=[need, other])])
    add(db, "无关", topics=[Topic("别的")])
    gone = add(db, "删除的", topics=[Topic("选址", need_ids=[need])])
    delete_meetings(db, [gone.id or 0])
    assert sorted(meetings_of_need(db, need)) == sorted(
        [(first.id, "第一次"), (second.id, "第二次")]
    )  # each meeting once, though two of its topics discussed the need
    assert meetings_of_need(db, other) == [(second.id, "第二次")]
    assert meetings_of_need(db, 999) == []


# --- trash -----------------------------------------------------------------------------------


def test_delete_restore_purge(db: Database) -> None:
    need = add_need(db, "充电难")
    saved = save(db, full_meeting([need]))
    project = project_from_action(db, saved.actions[0].id or 0)
    kept = add(db, "留下的会议", actions=[ActionItem("留下的事项")])
    before = get_meeting(db, saved.id or 0)
    assert delete_meetings(db, [saved.id or 0]) == 1
    assert delete_meetings(db, [saved.id or 0]) == 0
    [item] = trash.list_trash(db)
    assert (item.kind, item.id, item.title) == (
        RecordKind.MEETING,
        saved.id,
        "关于电动车充电桩的协商议事会",
    )
    assert [r.id for r in list_meetings(db, MeetingQuery())] == [kept.id]
    assert [r.id for r in list_meetings(db, MeetingQuery(), deleted=True)] == [saved.id]
    assert count_meetings(db, MeetingQuery(), deleted=True) == 1
    assert meetings_of_need(db, need) == []
    assert restore_records(db, RecordKind.MEETING, [saved.id or 0]) == 1
    assert get_meeting(db, saved.id or 0) == before
    # A live meeting is never purged.
    assert purge_records(db, RecordKind.MEETING, [saved.id or 0]) == 0
    delete_meetings(db, [saved.id or 0])
    assert trash.purge(db, trash.list_trash(db)) == 1
    # Its parts go with it; the project it called for and the other meeting stay.
    assert count(db, MeetingParticipantRecord) == 0
    assert count(db, MeetingTopicRecord) == 0
    assert count(db, MeetingTopicNeedRecord) == 0
    assert count(db, MeetingActionRecord) == 1
    assert get_project(db, project.id or 0).need_ids == [need]
    assert get_meeting(db, kept.id or 0).actions[0].what == "留下的事项"
    assert restore_records(db, RecordKind.MEETING, [saved.id or 0]) == 0
