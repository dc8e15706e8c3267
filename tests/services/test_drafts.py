"""Autosaved drafts: a meeting or a visit form comes back whole after a crash."""

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from uuid import uuid4

import pytest
from sqlalchemy import func, select

from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Amendment,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
)
from desktop.domain.needs import Satisfaction
from desktop.domain.visits import ReferralTarget, Visit, VisitKind
from desktop.services.drafts import (
    MEETING,
    VISIT,
    discard_draft,
    pending_drafts,
    save_draft,
    to_json,
)
from desktop.store.database import Database
from desktop.store.models import DraftRecord
from tests.services.migrated import copy_of


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    """Overrides the suite's ``db``: the same empty database, made by a copy."""
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def full_meeting() -> Meeting:
    """Every field set to something other than its default."""
    return Meeting(
        title="关于<电动车>充电的议事会 & 𠮷祥",
        kind=MeetingKind.BUILDING_LEADERS,
        starts_at=datetime(2026, 11, 25, 14, 30, 15, 123456),
        place="党群服务站",
        host="王书记",
        recorder="李伟",
        participants=[
            Participant(
                ParticipantRole.PROPERTY_COMPANY,
                "赵经理",
                "物业服务中心经理",
                12,
                "13812345678",
                Attendance.PRESENT,
                (ParticipantRole.BUILDING_LEADER,),
            ),
            Participant(ParticipantRole.TALENT, "王䶮", "", None, "", Attendance.EXCUSED),
        ],
        topics=[
            Topic("选址", "第一行\n第二行", 18, 2, 1, "东门空地", [3, 7]),
            Topic("收费", "", None, None, None, "", []),
        ],
        actions=[
            ActionItem("报装", "赵经理", date(2026, 12, 10), ActionStatus.IN_PROGRESS, 4, 21),
            ActionItem("公示", "", None, ActionStatus.OPEN, None, None),
        ],
        amendments=[
            Amendment("表决结果更正", date(2026, 11, 26), datetime(2026, 11, 26, 1, 2, 3)),
            Amendment("补记", date(2026, 11, 27), None),
        ],
        finalized_at=datetime(2026, 11, 25, 9, 0, 0, 1),
        id=42,
        uuid="6f1c1d2e-0000-4000-8000-000000000042",
    )


def full_visit() -> Visit:
    return Visit(
        kind=VisitKind.DOOR_KNOCKING,
        visited_on=date(2026, 11, 20),
        resident="欧阳𠮷䶮",
        person_id=9,
        phone="0755-26881234",
        building="10栋",
        unit="1",
        room="302",
        issue='楼上漏水\n"很严重"',
        category_id=3,
        handling="联系物业",
        referred_to=ReferralTarget.STREET_DEPARTMENT,
        follow_up_on=date(2026, 11, 27),
        outcome="已修好",
        satisfaction=Satisfaction.DISSATISFIED,
        need_id=5,
        id=17,
        uuid="6f1c1d2e-0000-4000-8000-000000000017",
    )


def test_a_meeting_comes_back_whole(db: Database) -> None:
    meeting = full_meeting()
    draft_id = save_draft(db, MEETING, meeting, None)
    [draft] = pending_drafts(db)
    assert draft.id == draft_id
    assert draft.kind == MEETING
    assert draft.record_id == 42
    assert draft.record == meeting
    got = draft.record
    assert isinstance(got, Meeting)
    assert got.kind is MeetingKind.BUILDING_LEADERS
    assert got.starts_at == datetime(2026, 11, 25, 14, 30, 15, 123456)
    assert got.participants[0].attendance is Attendance.PRESENT
    assert got.actions[0].status is ActionStatus.IN_PROGRESS
    assert got.actions[0].due_on == date(2026, 12, 10)
    assert got.amendments[0].made_at == datetime(2026, 11, 26, 1, 2, 3)
    assert got.amendments[1].made_at is None
    assert got.topics[0].need_ids == [3, 7]
    assert got.finalized_at == datetime(2026, 11, 25, 9, 0, 0, 1)
    assert isinstance(draft.saved_at, datetime)


def test_a_draft_kept_before_several_roles_reads_with_none(db: Database) -> None:
    data = json.loads(to_json(full_meeting()))
    for p in data["participants"]:
        del p["more_roles"]
    with db.session() as s:
        s.add(DraftRecord(kind=MEETING, payload=json.dumps(data)))
    (draft,) = pending_drafts(db)
    assert [p.more_roles for p in draft.record.participants] == [(), ()]
    assert draft.record.participants[0].name == "赵经理"


def test_a_new_meeting_with_defaults_comes_back(db: Database) -> None:
    meeting = Meeting(title="", starts_at=datetime(2026, 11, 25, 9, 0))
    save_draft(db, MEETING, meeting, None)
    [draft] = pending_drafts(db)
    assert draft.record == meeting
    assert draft.record_id is None


def test_a_visit_comes_back_whole(db: Database) -> None:
    visit = full_visit()
    draft_id = save_draft(db, VISIT, visit, None)
    [draft] = pending_drafts(db)
    assert (draft.id, draft.kind, draft.record_id) == (draft_id, VISIT, 17)
    assert draft.record == visit
    got = draft.record
    assert isinstance(got, Visit)
    assert got.kind is VisitKind.DOOR_KNOCKING
    assert got.visited_on == date(2026, 11, 20)
    assert got.follow_up_on == date(2026, 11, 27)
    assert got.referred_to is ReferralTarget.STREET_DEPARTMENT
    assert got.satisfaction is Satisfaction.DISSATISFIED


def test_a_visit_with_empty_optional_fields(db: Database) -> None:
    visit = Visit(kind=VisitKind.RECEPTION_DAY, visited_on=date(2026, 11, 25))
    save_draft(db, VISIT, visit, None)
    [draft] = pending_drafts(db)
    assert draft.record == visit


def test_the_payload_is_readable_json(db: Database) -> None:
    payload = json.loads(to_json(full_visit()))
    assert payload["resident"] == "欧阳𠮷䶮"
    assert payload["kind"] == "door_knocking"
    assert payload["visited_on"] == "2026-11-20"
    save_draft(db, VISIT, full_visit(), None)
    with db.session() as s:
        stored = s.scalar(select(DraftRecord.payload))
    assert stored is not None and "欧阳𠮷䶮" in stored  # written as is, not \\u-escaped


def test_autosave_overwrites_its_draft(db: Database) -> None:
    meeting = full_meeting()
    draft_id = save_draft(db, MEETING, meeting, None)
    first_saved = pending_drafts(db)[0].saved_at
    meeting.title = "改过的标题"
    meeting.topics.append(Topic("新议题"))
    assert save_draft(db, MEETING, meeting, draft_id) == draft_id
    [draft] = pending_drafts(db)
    assert draft.id == draft_id
    assert draft.record == meeting
    assert draft.saved_at >= first_saved
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(DraftRecord)) == 1


def test_each_form_has_its_own_draft(db: Database) -> None:
    meeting_draft = save_draft(db, MEETING, full_meeting(), None)
    visit_draft = save_draft(db, VISIT, full_visit(), None)
    assert meeting_draft != visit_draft
    drafts = pending_drafts(db)
    assert [d.id for d in drafts] == [visit_draft, meeting_draft]  # newest first
    save_draft(db, MEETING, full_meeting(), meeting_draft)
    assert [d.id for d in pending_drafts(db)] == [meeting_draft, visit_draft]


def test_an_autosave_after_discarding_starts_a_new_draft(db: Database) -> None:
    draft_id = save_draft(db, VISIT, full_visit(), None)
    discard_draft(db, draft_id)
    new_id = save_draft(db, VISIT, full_visit(), draft_id)
    assert [d.id for d in pending_drafts(db)] == [new_id]


def test_discard_draft(db: Database) -> None:
    kept = save_draft(db, VISIT, full_visit(), None)
    gone = save_draft(db, MEETING, full_meeting(), None)
    discard_draft(db, gone)
    assert [d.id for d in pending_drafts(db)] == [kept]
    discard_draft(db, gone)  # twice: nothing happens
    discard_draft(db, None)  # a form that never autosaved
    discard_draft(db, 999)
    assert [d.id for d in pending_drafts(db)] == [kept]
    discard_draft(db, kept)
    assert pending_drafts(db) == []


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        (MEETING, ""),
        (MEETING, '{"title": "被截断'),  # cut short by the crash
        (MEETING, "null"),
        (MEETING, "[]"),
        (MEETING, '"文字"'),
        (MEETING, '{"title": "缺字段"}'),
        (VISIT, '{"kind": "reception_day"}'),
        ("someday", "{}"),  # a kind this version does not know
    ],
)
def test_an_unreadable_payload_is_skipped_not_fatal(db: Database, kind: str, payload: str) -> None:
    good_before = save_draft(db, VISIT, full_visit(), None)
    with db.session() as s:
        s.add(DraftRecord(kind=kind, payload=payload))
    good_after = save_draft(db, MEETING, full_meeting(), None)
    assert [d.id for d in pending_drafts(db)] == [good_after, good_before]
    with db.session() as s:  # kept, not thrown away
        assert s.scalar(select(func.count()).select_from(DraftRecord)) == 3


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        (MEETING, "kind", "no_such_kind"),
        (MEETING, "starts_at", "2026-13-45T99:00"),
        (MEETING, "participants", [{"role": "mayor"}]),
        (MEETING, "topics", [{"title": "议题", "unknown_field": 1}]),
        (MEETING, "topics", [["not", "a", "mapping"]]),
        (MEETING, "actions", [{"what": "事项"}]),
        (MEETING, "amendments", [{"text": "更正", "made_on": 20261126, "made_at": None}]),
        (VISIT, "kind", "phone_call"),
        (VISIT, "visited_on", "昨天"),
        (VISIT, "satisfaction", "ecstatic"),
        (VISIT, "referred_to", "moon"),
    ],
)
def test_a_damaged_field_is_skipped_not_fatal(
    db: Database, kind: str, field: str, value: object
) -> None:
    record = full_meeting() if kind == MEETING else full_visit()
    data = json.loads(to_json(record))
    data[field] = value
    with db.session() as s:
        s.add(DraftRecord(kind=kind, payload=json.dumps(data)))
    good = save_draft(db, kind, record, None)
    assert [d.id for d in pending_drafts(db)] == [good]
