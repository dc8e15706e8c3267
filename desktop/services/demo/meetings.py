"""Demo meetings (and the visits before them): every state the secretary meets — drafts, final
minutes with a correction, upcoming meetings, votes, consensus, action items open, under way
and done — drawn from the demo roster and lists. Deterministic for a seed and a ``today``."""

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
    merge_participants,
)
from desktop.domain.needs import NeedSource
from desktop.domain.numerals import chinese_number
from desktop.domain.roster import OrganizationKind, PersonRole
from desktop.services import meetings
from desktop.services.demo.visits import make_visits
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    NeedRecord,
    OrganizationRecord,
    PersonRecord,
    PersonRoleRecord,
    ProjectRecord,
)

MEETING_PLANS = (
    # (kind, title, days from today, minutes state)
    (MeetingKind.DELIBERATION, "关于3栋加装电梯费用分摊的协商议事会", -75, "final_amended"),
    (MeetingKind.DELIBERATION, "关于地下车库停车秩序的协商议事会", -48, "final"),
    (MeetingKind.BUILDING_LEADERS, "十月楼栋长月度例会", -35, "final"),
    (MeetingKind.BRANCH, "第四季度支部会议", -20, "draft"),
    (MeetingKind.DELIBERATION, "关于垃圾分类督导志愿服务的协商议事会", -9, "draft"),
    (MeetingKind.BUILDING_LEADERS, "十一月楼栋长月度例会", -3, "draft"),
    (MeetingKind.DELIBERATION, "关于小区文明养犬公约的协商议事会", 4, "planned"),
    (MeetingKind.BUILDING_LEADERS, "十二月楼栋长月度例会", 12, "planned"),
)
ACTIONS = (  # (what, who) of a held meeting's action items
    ("整理居民意见并公示", "楼栋长"),
    ("联系施工单位报价", "物业"),
    ("下次会议通报进展", "支部书记"),
)
DISCUSSIONS = (
    "业委会介绍了前期征求意见情况；物业说明了施工和维保安排；居民代表提出低楼层住户的顾虑。",
    "与会人员逐一发言，对方案总体认可，建议先在一个单元试行，再全面推开。",
    "共建单位表示可以提供场地和志愿者支持；贤达能人建议制定分工表。",
)


def make_demo_visits_and_meetings(db: Database, seed: int, today: date, scale: int) -> None:
    rng = random.Random(seed * 7919 + 17)
    with db.session() as s:
        people = s.execute(
            select(
                PersonRecord.id,
                PersonRecord.name,
                PersonRecord.phone,
                BuildingRecord.name,
                PersonRecord.unit,
                PersonRecord.room,
                PersonRecord.is_party_member,
            )
            .outerjoin(BuildingRecord, BuildingRecord.id == PersonRecord.building_id)
            .where(PersonRecord.deleted_at.is_(None))
            .order_by(PersonRecord.id)
            .limit(3000)
        ).all()
        roles: dict[str, list[int]] = {}
        for person_id, role in s.execute(select(PersonRoleRecord.person_id, PersonRoleRecord.role)):
            roles.setdefault(role, []).append(person_id)
        orgs = s.execute(
            select(
                OrganizationRecord.kind, OrganizationRecord.name, OrganizationRecord.contact_name
            ).order_by(OrganizationRecord.id)
        ).all()
        visit_needs = list(
            s.scalars(
                select(NeedRecord.id)
                .where(
                    NeedRecord.source.in_(
                        [NeedSource.RECEPTION_DAY.value, NeedSource.DOOR_KNOCKING.value]
                    )
                )
                .order_by(NeedRecord.id)
                .limit(500)
            )
        )
        topic_needs = list(s.scalars(select(NeedRecord.id).order_by(NeedRecord.id).limit(500)))
        project_ids = list(s.scalars(select(ProjectRecord.id).order_by(ProjectRecord.id).limit(50)))
    if not people:
        return
    by_id = {p[0]: p for p in people}
    categories = {c.name: c.id for c in _categories(db)}
    make_visits(db, rng, today, people, categories, visit_needs, min(40 + scale // 20, 300))
    _meetings(db, rng, today, by_id, roles, orgs, topic_needs, project_ids)


def _categories(db: Database):
    from desktop.services.needs import list_categories

    return list_categories(db)


def _meetings(db, rng, today, by_id, roles, orgs, need_ids, project_ids) -> None:
    party = [p for p in by_id.values() if p[6]]
    for kind, title, offset, state in MEETING_PLANS:
        day = today + timedelta(days=offset)
        starts = datetime.combine(day, time(rng.choice((9, 14, 15, 19)), rng.choice((0, 30))))
        # A building leader on the owners' committee is invited once, with both roles.
        participants = merge_participants(_invited(rng, kind, by_id, party, roles, orgs))
        held = state != "planned"
        host = participants[0].name if participants else ""
        recorder = participants[1].name if len(participants) > 1 else ""
        _mark_attendance(rng, participants, held, (host, recorder))
        topics = _topics(rng, kind, title, participants, held, need_ids)
        saved = meetings.save_meeting(
            db,
            Meeting(
                title=title,
                kind=kind,
                starts_at=starts,
                place="小区党群服务站二楼会议室",
                host=host,
                recorder=recorder,
                participants=participants,
                topics=topics,
                actions=_actions(day, offset, project_ids) if held else [],
            ),
        )
        if state.startswith("final") and saved.id is not None:
            _finalize(db, saved, day, amended=state == "final_amended")


def _invited(rng, kind: MeetingKind, by_id, party, roles, orgs) -> list[Participant]:
    """Who a meeting of ``kind`` invites: party members and building leaders always; the
    owners' committee, the property company, talents, residents and partners to the others."""

    def pick(role: PersonRole, n: int) -> list:
        ids = roles.get(role.value, [])
        return [by_id[i] for i in rng.sample(ids, min(n, len(ids))) if i in by_id]

    invited = [
        Participant(ParticipantRole.BRANCH, p[1], "党支部", p[0])
        for p in rng.sample(party, min(2, len(party)))
    ]
    invited += [
        Participant(ParticipantRole.BUILDING_LEADER, p[1], f"{p[3]}楼栋长", p[0])
        for p in pick(PersonRole.BUILDING_LEADER, 5)
    ]
    if kind is MeetingKind.BUILDING_LEADERS:
        return invited
    invited += [
        Participant(ParticipantRole.OWNERS_COMMITTEE, p[1], "业委会委员", p[0])
        for p in pick(PersonRole.OWNERS_COMMITTEE_MEMBER, 3)
    ]
    invited += [
        Participant(ParticipantRole.PROPERTY_COMPANY, o[2], o[1])
        for o in orgs
        if o[0] == OrganizationKind.PROPERTY_COMPANY.value
    ]
    invited += [
        Participant(ParticipantRole.TALENT, p[1], "贤达能人", p[0])
        for p in pick(PersonRole.TALENT, 2)
    ]
    invited += [
        Participant(
            ParticipantRole.RESIDENT_REPRESENTATIVE, p[1], f"{p[3]}{p[4]}单元", p[0], p[2] or ""
        )
        for p in rng.sample(list(by_id.values()), min(4, len(by_id)))
    ]
    invited += [
        Participant(ParticipantRole.PARTNER_UNIT, o[2], o[1])
        for o in orgs
        if o[0] == OrganizationKind.PARTNER_UNIT.value
    ][:2]
    return invited


def _mark_attendance(
    rng, participants: list[Participant], held: bool, always_there: tuple[str, str]
) -> None:
    """Unknown before the meeting; after it, who chairs or takes the minutes was there, and
    most of the others."""
    for p in participants:
        if not held:
            p.attendance = Attendance.UNKNOWN
        elif p.name in always_there:
            p.attendance = Attendance.PRESENT
        else:
            p.attendance = rng.choice(
                (Attendance.PRESENT,) * 6 + (Attendance.EXCUSED, Attendance.ABSENT)
            )


def _topics(
    rng, kind: MeetingKind, title: str, participants: list[Participant], held: bool, need_ids
) -> list[Topic]:
    """One to three topics, the first the meeting's own; votes and a conclusion once held."""
    topics = []
    for n in range(rng.randint(1, 3)):
        subject = {
            MeetingKind.DELIBERATION: title.removeprefix("关于").removesuffix("的协商议事会"),
            MeetingKind.BUILDING_LEADERS: "本月楼栋巡查情况通报",
            MeetingKind.BRANCH: "党员学习和志愿服务安排",
        }[kind]
        name = subject if n == 0 else rng.choice(("下一步工作安排", "居民意见反馈", "经费使用情况"))
        present = sum(p.attendance is Attendance.PRESENT for p in participants)
        votes = (present - 2, 1, 1) if held and present > 3 else (None, None, None)
        topics.append(
            Topic(
                name,
                rng.choice(DISCUSSIONS) if held else "",
                *votes,
                "同意按讨论方案实施，由物业和楼栋长分工落实。" if held and n == 0 else "",
                rng.sample(need_ids, min(2, len(need_ids))) if need_ids else [],
            )
        )
    return topics


def _actions(day: date, offset: int, project_ids: list[int]) -> list[ActionItem]:
    """A held meeting's action items: a month on, one done, one under way (on a project)."""
    actions = []
    for n, (what, owner) in enumerate(ACTIONS):
        status = (
            (ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.OPEN)[n]
            if offset < -30
            else ActionStatus.OPEN
        )
        project = project_ids[0] if n == 1 and project_ids and offset < -30 else None
        actions.append(ActionItem(what, owner, day + timedelta(days=7 * (n + 1)), status, project))
    return actions


def _finalize(db: Database, saved: Meeting, day: date, *, amended: bool) -> None:
    """Minutes finalized the day after the meeting; a correction comes after that."""
    assert saved.id is not None
    meetings.finalize_meeting(
        db, saved.id, at=datetime.combine(day + timedelta(days=1), time(10, 0))
    )
    if amended:
        meetings.add_amendment(db, saved.id, _correction(saved.topics), day + timedelta(days=3))


def _correction(topics: list[Topic]) -> str:
    """A correction that names a topic the minutes have, and a tally that adds up to no more
    than the votes first recorded."""
    voted = [(n, t) for n, t in enumerate(topics, 1) if t.votes_for is not None]
    if not voted:
        return f"议题{chinese_number(1)}讨论情况补充：会后物业书面确认了施工时间安排。"
    n, topic = voted[-1]
    cast = (topic.votes_for or 0) + (topic.votes_against or 0) + (topic.votes_abstain or 0)
    return f"议题{chinese_number(n)}表决结果更正为：同意 {cast - 3} 票，反对 2 票，弃权 1 票。"
