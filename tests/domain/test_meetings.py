"""Meetings in the domain: cleaning what was typed, validation, final or draft."""

from datetime import date, datetime

from desktop.domain.errors import Problem
from desktop.domain.meetings import (
    RESIDENT_ROLES,
    ActionItem,
    ActionStatus,
    Attendance,
    Contradiction,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
    amendment_date_problem,
    clean_meeting,
    contradictions,
    duplicated_people,
    merge_participants,
    roles_from_value,
    roles_value,
    same_person,
    validate_meeting,
    with_roles,
)


def test_defaults() -> None:
    m = Meeting(title="议事")
    assert m.kind is MeetingKind.DELIBERATION
    assert m.starts_at.second == 0 and m.starts_at.microsecond == 0
    assert m.participants == [] and m.topics == [] and m.actions == [] and m.amendments == []
    assert not m.is_final
    assert Participant(ParticipantRole.BRANCH, "张伟").attendance is Attendance.UNKNOWN
    assert ActionItem("修灯").status is ActionStatus.OPEN


def test_is_final_once_finalized() -> None:
    assert Meeting(title="议事", finalized_at=datetime(2026, 11, 25, 8, 0)).is_final


def test_reached_consensus() -> None:
    assert not Topic("停车").reached_consensus
    assert Topic("停车", consensus="夜间开放东门").reached_consensus


def test_resident_roles_are_masked_office_holders_not() -> None:
    assert ParticipantRole.RESIDENT_REPRESENTATIVE in RESIDENT_ROLES
    assert ParticipantRole.TALENT in RESIDENT_ROLES
    assert ParticipantRole.BRANCH not in RESIDENT_ROLES
    assert ParticipantRole.PROPERTY_COMPANY not in RESIDENT_ROLES


def test_clean_meeting_trims_and_drops_empty_rows() -> None:
    raw = Meeting(
        title="  关于  电动车\n充电 的议事会 ",
        starts_at=datetime(2026, 11, 25, 14, 30),
        place=" 党群服务站\t",
        host=" 王书记 ",
        participants=[
            Participant(ParticipantRole.BRANCH, "  王书记 ", " 支部\n书记 ", phone=" 138 "),
            Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "   "),
        ],
        topics=[
            Topic(" 充电桩 ", "第一行\r\n第二行\x07", 5, 1, 0, " 建设两处 ", [3, 1, 3]),
            Topic(" \n "),
        ],
        actions=[ActionItem("  联系物业\r\n报价 ", " 李伟 ", date(2026, 12, 1)), ActionItem(" ")],
    )
    m = clean_meeting(raw)
    assert m.title == "关于 电动车 充电 的议事会"
    assert m.place == "党群服务站" and m.host == "王书记"
    assert m.starts_at == datetime(2026, 11, 25, 14, 30)
    assert [(p.name, p.organization, p.phone) for p in m.participants] == [
        ("王书记", "支部 书记", "138")
    ]
    [topic] = m.topics
    assert topic.title == "充电桩"
    assert topic.discussion == "第一行\n第二行"  # lines kept, control characters dropped
    assert topic.consensus == "建设两处"
    assert topic.need_ids == [1, 3]
    assert (topic.votes_for, topic.votes_against, topic.votes_abstain) == (5, 1, 0)
    [action] = m.actions
    assert action.what == "联系物业\n报价" and action.owner == "李伟"
    assert action.due_on == date(2026, 12, 1)


def test_clean_meeting_keeps_ids_and_rare_characters() -> None:
    raw = Meeting(
        title='𠮷祥与王䶮的<议题> & "引号"',
        actions=[ActionItem("事项", id=7, project_id=3, status=ActionStatus.IN_PROGRESS)],
        id=5,
        uuid="u",
    )
    m = clean_meeting(raw)
    assert m.title == raw.title
    assert (m.id, m.uuid) == (5, "u")
    assert m.actions == raw.actions


def test_validate_requires_a_title() -> None:
    assert validate_meeting(Meeting(title="")) == {"title": Problem.REQUIRED}
    assert validate_meeting(Meeting(title="议事")) == {}


def test_validate_lengths() -> None:
    assert validate_meeting(Meeting(title="题" * 100)) == {}
    assert validate_meeting(Meeting(title="题" * 101)) == {"title": Problem.TOO_LONG}
    assert validate_meeting(Meeting(title="议事", place="地" * 81)) == {"place": Problem.TOO_LONG}
    assert validate_meeting(Meeting(title="议事", host="人" * 81)) == {"host": Problem.TOO_LONG}
    long_topic = Topic("议题", discussion="字" * 20_001)
    assert validate_meeting(Meeting(title="议事", topics=[long_topic])) == {
        "topics": Problem.TOO_LONG
    }


def test_validate_refuses_negative_votes() -> None:
    for votes in ((-1, None, None), (None, -1, None), (None, None, -1)):
        topic = Topic("议题", "", *votes)
        assert validate_meeting(Meeting(title="议事", topics=[topic])) == {
            "topics": Problem.NEGATIVE_AMOUNT
        }
    assert validate_meeting(Meeting(title="议事", topics=[Topic("议题", "", 0, 0, 0)])) == {}


# --- one row per person, and minutes that do not contradict themselves ----------------------


def test_merge_participants_keeps_one_row_per_person_with_every_role() -> None:
    rows = [
        Participant(ParticipantRole.BRANCH, "王书记", "党支部", 1, attendance=Attendance.PRESENT),
        Participant(
            ParticipantRole.BUILDING_LEADER, "林磊玉", "8栋楼栋长", 7, attendance=Attendance.ABSENT
        ),
        Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "汪文雨", "3栋2单元"),
        Participant(
            ParticipantRole.OWNERS_COMMITTEE, "林磊玉", "业委会委员", 7, "138", Attendance.PRESENT
        ),
        Participant(ParticipantRole.TALENT, "汪文雨", "贤达能人", 9, attendance=Attendance.EXCUSED),
    ]
    merged = merge_participants(rows)
    assert [p.name for p in merged] == ["王书记", "林磊玉", "汪文雨"]
    lin, wang = merged[1], merged[2]
    assert lin.roles == (ParticipantRole.BUILDING_LEADER, ParticipantRole.OWNERS_COMMITTEE)
    assert (lin.organization, lin.person_id, lin.phone) == ("8栋楼栋长、业委会委员", 7, "138")
    assert lin.attendance is Attendance.PRESENT  # whoever was there was there
    assert wang.roles == (ParticipantRole.RESIDENT_REPRESENTATIVE, ParticipantRole.TALENT)
    assert (wang.person_id, wang.attendance) == (9, Attendance.EXCUSED)
    assert duplicated_people(rows) == ["林磊玉", "汪文雨"]
    assert duplicated_people(merged) == []


def test_namesakes_from_the_roster_are_two_people() -> None:
    a = Participant(ParticipantRole.TALENT, "张伟", person_id=1)
    b = Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "张伟", person_id=2)
    assert not same_person(a, b)
    assert len(merge_participants([a, b])) == 2
    assert same_person(a, Participant(ParticipantRole.BRANCH, " 张伟 "))  # typed by hand


def test_roles_are_stored_in_one_value_and_read_back() -> None:
    again = (ParticipantRole.OWNERS_COMMITTEE, ParticipantRole.BUILDING_LEADER)
    p = Participant(ParticipantRole.BUILDING_LEADER, "林磊玉", more_roles=again)
    assert p.roles == (ParticipantRole.BUILDING_LEADER, ParticipantRole.OWNERS_COMMITTEE)
    assert roles_value(p.roles) == "building_leader,owners_committee"
    assert roles_from_value("building_leader,owners_committee") == p.roles
    assert roles_from_value("talent") == (ParticipantRole.TALENT,)
    assert with_roles(p, (ParticipantRole.TALENT,)).roles == (ParticipantRole.TALENT,)


def test_a_resident_holding_an_office_is_still_masked() -> None:
    leader_on_committee = Participant(
        ParticipantRole.OWNERS_COMMITTEE, "林磊玉", more_roles=(ParticipantRole.BUILDING_LEADER,)
    )
    assert leader_on_committee.is_resident
    assert not Participant(ParticipantRole.OWNERS_COMMITTEE, "陈静").is_resident


def test_contradictions() -> None:
    m = Meeting(
        title="议事会",
        host="王书记",
        recorder="李伟",
        participants=[
            Participant(ParticipantRole.BRANCH, "王书记", attendance=Attendance.EXCUSED),
            Participant(ParticipantRole.BRANCH, "李伟", attendance=Attendance.ABSENT),
            Participant(ParticipantRole.TALENT, "汪文雨"),
            Participant(ParticipantRole.RESIDENT_REPRESENTATIVE, "汪文雨"),
        ],
    )
    assert [(i.contradiction, i.name) for i in contradictions(m)] == [
        (Contradiction.DUPLICATE_PERSON, "汪文雨"),
        (Contradiction.HOST_NOT_PRESENT, "王书记"),
        (Contradiction.RECORDER_NOT_PRESENT, "李伟"),
    ]
    assert validate_meeting(m) == {"participants": Problem.DUPLICATE_PERSON}
    m.participants = merge_participants(m.participants)
    for p in m.participants:
        p.attendance = Attendance.PRESENT
    assert contradictions(m) == [] and validate_meeting(m) == {}
    # A host who is not on the list, or whose attendance is not recorded yet: no contradiction.
    m.host = "街道干部"
    m.participants[1].attendance = Attendance.UNKNOWN
    assert contradictions(m) == []


def test_a_correction_is_dated_on_or_after_finalizing() -> None:
    assert amendment_date_problem(date(2026, 9, 26), date(2026, 9, 27)) is Problem.DATE_ORDER
    assert amendment_date_problem(date(2026, 9, 27), date(2026, 9, 27)) is None
    assert amendment_date_problem(date(2026, 9, 28), None) is Problem.STATUS_FLOW
