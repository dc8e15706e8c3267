"""Edits a secretary makes, through the services, for sync tests and the sync benchmark."""

from datetime import date, datetime

from desktop.domain.meetings import (
    ActionItem,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
)
from desktop.domain.needs import Need, NeedSource
from desktop.domain.visits import Visit, VisitKind
from desktop.services import meetings, needs, visits
from desktop.store.database import Database

DISCUSSION = (
    "物业介绍了电梯维保合同的情况，业委会提出先做安全评估；居民代表反映高峰期等待时间长，"
    "建议错峰检修。楼栋长愿意组织本栋居民填写意见表。与会人员一致同意分两步实施。"
)


def edit_one_need(db: Database, need_id: int, title: str) -> None:
    need = needs.get_need(db, need_id)
    need.title = title
    needs.save_need(db, need)


def a_days_work(db: Database, day: date, n: int = 0) -> None:
    """One meeting with its minutes finalised, five visits, three new needs."""
    participants = [
        Participant(ParticipantRole.BRANCH, f"支部书记{n}", "党支部", attendance=Attendance.PRESENT)
    ]
    participants += [
        Participant(
            ParticipantRole.RESIDENT_REPRESENTATIVE,
            f"居民代表{n}-{i}",
            f"{i + 1}栋",
            phone=f"1380000{i:04d}",
            attendance=Attendance.PRESENT,
        )
        for i in range(14)
    ]
    saved = meetings.save_meeting(
        db,
        Meeting(
            title=f"关于电梯加装的协商议事会（{n}）",
            kind=MeetingKind.DELIBERATION,
            starts_at=datetime.combine(day, datetime.min.time()).replace(hour=19),
            place="小区党群服务站二楼会议室",
            host=participants[0].name,
            recorder=participants[1].name,
            participants=participants,
            topics=[
                Topic("电梯加装方案", DISCUSSION * 3, 12, 1, 2, "同意分两步实施。"),
                Topic("经费使用情况", DISCUSSION, 15, 0, 0, "同意公示。"),
            ],
            actions=[ActionItem("整理居民意见并公示", "楼栋长", day)],
        ),
    )
    assert saved.id is not None
    meetings.finalize_meeting(db, saved.id)
    for i in range(5):
        visits.save_visit(
            db,
            Visit(
                kind=VisitKind.DOOR_KNOCKING,
                visited_on=day,
                resident=f"住户{n}-{i}",
                phone=f"1390000{i:04d}",
                building=f"{i + 1}栋",
                unit="1",
                room=f"{i + 1}01",
                issue="楼道灯不亮，晚上出行不便，希望尽快维修。",
                handling="已联系物业，答应三天内修好。",
            ),
        )
    category = needs.list_categories(db)[0].id
    for i in range(3):
        needs.save_need(
            db,
            Need(
                title=f"{i + 1}栋楼道堆物清理（{n}）",
                category_id=category,
                description="楼道堆放纸箱和旧家具，存在消防隐患。",
                raised_by=f"住户{n}-{i}",
                building=f"{i + 1}栋",
                source=NeedSource.DOOR_KNOCKING,
                registered_on=day,
            ),
        )
