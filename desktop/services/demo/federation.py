"""Demo federation records: joint patrols with findings (one already a need), two
self-organizations incubated in different quarters with members and activities, one 暖蜂驿站
with six months of logs, and talented residents with discovery dates and cultivation.
Deterministic for a seed and a ``today``."""

import random
from datetime import date, timedelta

from sqlalchemy import select

from desktop.domain.federation import Finding, Patrol
from desktop.domain.needs import NeedSource
from desktop.domain.resources import ResourceKind
from desktop.domain.roster import OrganizationKind, PersonRole
from desktop.domain.self_organizations import Activity, Member
from desktop.domain.stations import StationMonth, month_start
from desktop.domain.talents import Cultivation, CultivationKind
from desktop.services import organizations, patrols, resources, stations, talents
from desktop.services import self_organizations as so
from desktop.store.database import Database
from desktop.store.models import (
    NeedRecord,
    OrganizationRecord,
    PersonRecord,
    PersonRoleRecord,
    ResourceRecord,
)

FINDINGS = (
    ("2栋3单元楼道堆放纸箱杂物，堵塞消防通道", "2栋"),
    ("地下车库B区照明灯不亮三盏", "5栋"),
    ("东门电动车充电桩旁有飞线充电", "7栋"),
    ("垃圾分类点厨余桶破损", "9栋"),
    ("儿童游乐区秋千链条松动", "3栋"),
)
ACTIVITIES = (
    ("文体活动", "广场舞展演，邻里观摩"),
    ("公益服务", "为独居老人上门打扫卫生"),
    ("开放日", "开放排练，邀请新居民体验"),
    ("美食节", "邻里百家宴，每户带一道菜"),
    ("志愿服务", "垃圾分类督导"),
)
CULTIVATION = (
    (CultivationKind.TRAINING, "参加街道协商议事规则培训"),
    (CultivationKind.ROLE, "担任协商议事会居民召集人"),
    (CultivationKind.TRAINING, "参加民生微实事项目管理培训"),
    (CultivationKind.ROLE, "牵头组织楼道微改造项目"),
)


def make_demo_federation(db: Database, seed: int, today: date) -> None:
    rng = random.Random(seed * 104_729 + 8)
    with db.session() as s:
        orgs = s.execute(
            select(OrganizationRecord.id, OrganizationRecord.name)
            .where(OrganizationRecord.kind == OrganizationKind.SELF_ORGANIZATION.value)
            .order_by(OrganizationRecord.id)
        ).all()
        people = list(s.scalars(select(PersonRecord.id).order_by(PersonRecord.id).limit(400)))
        talent_ids = list(
            s.scalars(
                select(PersonRoleRecord.person_id)
                .where(PersonRoleRecord.role == PersonRole.TALENT.value)
                .order_by(PersonRoleRecord.person_id)
                .limit(12)
            )
        )
        patrol_need = s.execute(
            select(NeedRecord.id, NeedRecord.title, NeedRecord.building, NeedRecord.registered_on)
            .where(NeedRecord.source == NeedSource.BUILDING_PATROL.value)
            .order_by(NeedRecord.id)
            .limit(1)
        ).first()
        venue_id = s.scalar(
            select(ResourceRecord.id)
            .where(ResourceRecord.kind == ResourceKind.VENUE.value)
            .order_by(ResourceRecord.id)
            .limit(1)
        )
    leaders = patrols.leader_names(db)
    _patrols(db, rng, today, leaders, tuple(patrol_need) if patrol_need else None)
    _self_organizations(db, rng, today, [tuple(o) for o in orgs[:2]], people)
    _station(db, rng, today, venue_id)
    _talents(db, rng, today, talent_ids)


def _patrols(
    db: Database,
    rng: random.Random,
    today: date,
    leaders: list[str],
    patrol_need: tuple[int, str, str, date] | None,
) -> None:
    who = "、".join(leaders[:4] or ["楼栋长"]) + "、物业工程部"
    saved = []
    for weeks, route, findings in (
        (10, "1栋→2栋→3栋→地下车库A区", FINDINGS[:2]),
        (6, "东门→5栋→6栋→7栋→电动车棚", FINDINGS[2:4]),
        (2, "儿童游乐区→8栋→9栋→西门", FINDINGS[4:]),
    ):
        held_on = today - timedelta(weeks=weeks, days=rng.randint(0, 3))
        saved.append(Patrol(held_on, route, who, findings=[Finding(d, b) for d, b in findings]))
    if patrol_need is not None:
        # One finding was already registered: the demo's own need from a building patrol
        # (linking it keeps each list at exactly ``scale`` records).
        need_id, title, building, registered_on = patrol_need
        saved[0].held_on = registered_on
        saved[0].findings.insert(0, Finding(title, building, need_id))
    for patrol in saved:
        patrols.save_patrol(db, patrol)


def _self_organizations(
    db: Database, rng: random.Random, today: date, orgs: list[tuple[int, str]], people: list[int]
) -> None:
    for i, (org_id, _name) in enumerate(orgs):
        org = organizations.get_organization(db, org_id)
        # Two different quarters: one about a year ago, one last quarter.
        org.incubated_on = today - timedelta(days=365 if i == 0 else 100)
        organizations.save_organization(db, org)
        members = rng.sample(people, min(8, len(people)))
        for j, person_id in enumerate(members):
            joined = org.incubated_on + timedelta(days=rng.randint(0, 60))
            so.save_member(
                db,
                org_id,
                Member(
                    person_id, role="负责人" if j == 0 else "成员", joined_on=min(joined, today)
                ),
            )
        for kind, text in rng.sample(ACTIVITIES, 3):
            held = today - timedelta(days=rng.randint(5, 90))
            so.save_activity(
                db, Activity(org_id, kind, held, "全体成员及邻里居民", rng.randint(12, 60), text)
            )


def _station(db: Database, rng: random.Random, today: date, venue_id: int | None) -> None:
    """The demo's first venue becomes a 暖蜂驿站 (no new resource: each list keeps ``scale``
    records)."""
    if venue_id is None:
        return
    station = resources.get_resource(db, venue_id)
    station.title, station.is_rest_station = "东门暖蜂驿站", True
    station.description = "为外卖骑手、快递员提供热水、充电、休息和应急药箱"
    station = resources.save_resource(db, station)
    assert station.id is not None
    month = month_start(today)
    for _ in range(6):
        month = month_start(month - timedelta(days=1))
        stations.save_month(
            db, StationMonth(station.id, month, rng.randint(80, 260), "热水、充电、休息", "")
        )


def _talents(db: Database, rng: random.Random, today: date, ids: list[int]) -> None:
    for i, person_id in enumerate(ids):
        discovered = today - timedelta(days=30 + 45 * i)
        talents.set_discovered(db, person_id, discovered)
        for kind, text in CULTIVATION[: rng.randint(1, 3)]:
            happened = discovered + timedelta(days=rng.randint(7, 25))
            talents.save_cultivation(db, Cultivation(person_id, min(happened, today), kind, text))
    talents.refresh_right_uses(db)
