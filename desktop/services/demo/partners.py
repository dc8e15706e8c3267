"""Demo partner units: their type, agreements, and 三个一 activities over the last six
quarters — mostly kept, with gaps, so the tracker shows ✓, 缺 and open cells and the home
page has something to warn of. Deterministic for a seed and a ``today``."""

import random
from datetime import date, timedelta

from sqlalchemy import select

from desktop.domain.partners import (
    Agreement,
    PartnerActivity,
    PartnerActivityKind,
    PartnerType,
    quarter_bounds,
    quarter_of,
)
from desktop.domain.projects import ProjectKind
from desktop.domain.roster import OrganizationKind
from desktop.services import partners
from desktop.store.database import Database
from desktop.store.models import NeedRecord, OrganizationRecord, ProjectRecord

PAIRING = PartnerActivityKind.PAIRING
SERVICE = PartnerActivityKind.PRACTICAL_SERVICE
MEDIATION = PartnerActivityKind.DISPUTE_MEDIATION

# name → (type, quarters ago the pairing began, agreement content, kinds skipped as
# (kind, quarters ago), whether the year's mediation is done)
PLANS: dict[str, tuple[PartnerType, int, str, set[tuple[PartnerActivityKind, int]], bool]] = {
    "南园街道社区健康服务中心": (
        PartnerType.AGENCY,
        5,
        "家庭医生签约服务进小区；每季度义诊一次；为独居老人建立健康档案。",
        {(SERVICE, 3)},
        True,
    ),
    "翠竹实验小学": (
        PartnerType.SCHOOL,
        5,
        "开放学校操场和图书室；四点半课堂由学校教师志愿辅导；共同开展亲子活动。",
        {(SERVICE, 0), (SERVICE, 2), (PAIRING, 5)},
        False,
    ),
    "鹏程律师事务所": (
        PartnerType.ENTERPRISE,
        5,
        "每月一次法律咨询日；参与物业纠纷、邻里纠纷调处；为议事会提供法律意见。",
        set(),
        True,
    ),
    "南园供电所": (
        PartnerType.ENTERPRISE,
        3,
        "每季度入户用电安全检查；老旧线路排查；电动车充电安全宣传。",
        {(PAIRING, 0), (SERVICE, 1)},
        False,
    ),
}
TEXTS = {
    PAIRING: (
        "与支部开展主题党日活动，共学基层治理经验",
        "联合开展“结对共建·邻里守望”志愿服务",
        "支部与单位党员共同走访慰问困难家庭",
        "共建座谈会：梳理本季度小区需求清单",
    ),
    SERVICE: (
        "为小区老人免费量血压、测血糖，发放健康手册",
        "在党群服务中心开设四点半课堂，辅导小学生作业",
        "入户检查老旧线路，更换楼道破损插座",
        "法律咨询日：解答遗产继承、租赁合同等问题",
        "为行动不便的老人上门服务",
    ),
    MEDIATION: (
        "调处3栋业主与物业关于停车费的纠纷，双方达成一致",
        "调处楼上楼下漏水纠纷，约定维修费用分担",
        "协助调处装修噪音引发的邻里矛盾",
    ),
}
PARTICIPANTS = ("支部书记、单位党员志愿者", "单位志愿者6人、楼栋长2人", "居民代表、物业经理")


def _quarter_start(today: date, ago: int) -> tuple[date, date]:
    index = today.year * 4 + quarter_of(today) - 1 - ago
    return quarter_bounds(index // 4, index % 4 + 1)


def _day_in(rng: random.Random, first: date, last: date, today: date) -> date | None:
    last = min(last, today - timedelta(days=1))
    if last < first:
        return None
    return first + timedelta(days=rng.randint(0, (last - first).days))


def make_demo_partners(db: Database, seed: int, today: date) -> None:
    rng = random.Random(seed * 104729 + 8)
    units, need_ids, project_ids = _typed_units_and_links(db)
    for org_id, name in sorted(units, key=lambda u: u[0]):
        if name in PLANS:
            _pair(db, rng, today, org_id, PLANS[name], need_ids, project_ids)


def _typed_units_and_links(db: Database) -> tuple[list, list[int], list[int]]:
    """The partner units (typed as planned), and needs and projects activities may link."""
    with db.session() as s:
        units = s.execute(
            select(OrganizationRecord.id, OrganizationRecord.name).where(
                OrganizationRecord.kind == OrganizationKind.PARTNER_UNIT.value,
                OrganizationRecord.deleted_at.is_(None),
            )
        ).all()
        for rec in s.scalars(
            select(OrganizationRecord).where(OrganizationRecord.id.in_([u[0] for u in units]))
        ):
            if rec.name in PLANS:
                rec.partner_type = PLANS[rec.name][0].value
        need_ids = list(
            s.scalars(
                select(NeedRecord.id)
                .where(NeedRecord.deleted_at.is_(None))
                .order_by(NeedRecord.id)
                .limit(200)
            )
        )
        project_ids = list(
            s.scalars(
                select(ProjectRecord.id)
                .where(
                    ProjectRecord.kind == ProjectKind.PARTNERSHIP.value,
                    ProjectRecord.deleted_at.is_(None),
                )
                .order_by(ProjectRecord.id)
                .limit(50)
            )
        )
    return list(units), need_ids, project_ids


def _pair(
    db: Database,
    rng: random.Random,
    today: date,
    org_id: int,
    plan: tuple,
    need_ids: list[int],
    project_ids: list[int],
) -> None:
    """One unit's agreement, its quarterly activities and its mediations, as planned."""
    _type, began, content, skipped, mediated = plan
    start, _end = _quarter_start(today, began)
    signed = start - timedelta(days=rng.randint(3, 20))
    partners.save_agreement(
        db,
        Agreement(
            org_id,
            signed,
            start,
            date(start.year + 3, start.month, 1) - timedelta(days=1),
            content,
        ),
    )
    for ago in range(began, -1, -1):
        first, last = _quarter_start(today, ago)
        for kind in (PAIRING, SERVICE):
            day = _day_in(rng, first, last, today)
            if day is None or (kind, ago) in skipped:
                continue
            links = rng.random() < 0.5 and kind is SERVICE
            partners.save_activity(
                db,
                PartnerActivity(
                    org_id,
                    kind,
                    day,
                    rng.choice(PARTICIPANTS),
                    rng.choice(TEXTS[kind]),
                    need_ids=rng.sample(need_ids, min(1, len(need_ids))) if links else [],
                    project_ids=project_ids[:1] if links and project_ids else [],
                ),
            )
    years = {today.year - 1} | ({today.year} if mediated else set())
    for year in sorted(years):
        day = _day_in(rng, max(date(year, 1, 1), start), date(year, 12, 31), today)
        if day is not None:
            partners.save_activity(
                db,
                PartnerActivity(
                    org_id,
                    MEDIATION,
                    day,
                    rng.choice(PARTICIPANTS),
                    rng.choice(TEXTS[MEDIATION]),
                ),
            )
