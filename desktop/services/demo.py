"""A believable Shenzhen neighborhood for trying the app, deterministic for a seed."""

import random
import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy import func, insert, select

from desktop.domain.errors import DomainError
from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    GridRecord,
    NeighborhoodRecord,
    OrganizationRecord,
    PersonRecord,
    PersonRoleRecord,
    utcnow,
)

DEFAULT_SCALE = 600
MAX_SCALE = 100_000

NEIGHBORHOOD = ("翠竹苑", "翠竹社区", "南园街道")
GRIDS = ("第一网格", "第二网格", "第三网格")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶"
    "蒋杜苏魏程吕丁沈任姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅海燕春晓晨宇浩"
    "欣怡子涵梓轩思远雨萱俊杰嘉怡文博佳琪泽宇一诺雅婷家豪宏伟淑珍玉兰德华振华永强"
)
# Real names in the roster use these; the app must keep them exactly.
RARE_NAME_CHARS = ("䶮", "𠮷", "堃", "喆", "昇", "淼", "犇", "垚")
SKILLS = (
    "法律咨询",
    "水电维修",
    "心理疏导",
    "书法绘画",
    "中医保健",
    "财务审计",
    "摄影摄像",
    "电脑维修",
    "老年照护",
    "儿童托管",
    "调解纠纷",
    "园艺绿化",
    "英语辅导",
    "烹饪",
)
ORGANIZATIONS: tuple[tuple[OrganizationKind, str, str], ...] = (
    (OrganizationKind.PROPERTY_COMPANY, "深圳市鹏安物业服务有限公司", "翠竹苑物业服务中心"),
    (OrganizationKind.OWNERS_COMMITTEE, "翠竹苑业主委员会", "第三届业主委员会"),
    (OrganizationKind.SELF_ORGANIZATION, "翠竹夕阳红舞蹈队", "每周二、四晚广场排练"),
    (OrganizationKind.SELF_ORGANIZATION, "翠竹志愿服务队", "小区巡逻、助老、垃圾分类督导"),
    (OrganizationKind.SELF_ORGANIZATION, "银龄互助会", "独居老人结对探访"),
    (OrganizationKind.SELF_ORGANIZATION, "亲子读书会", "周末儿童阅读活动"),
    (OrganizationKind.SELF_ORGANIZATION, "翠竹书画社", "书法绘画交流"),
    (OrganizationKind.PARTNER_UNIT, "南园街道社区健康服务中心", "家庭医生签约、义诊"),
    (OrganizationKind.PARTNER_UNIT, "翠竹实验小学", "四点半课堂"),
    (OrganizationKind.PARTNER_UNIT, "鹏程律师事务所", "每月法律咨询日"),
    (OrganizationKind.PARTNER_UNIT, "南园供电所", "用电安全检查"),
)


class DemoExistsError(DomainError):
    """The data dir already holds records; demo data is never mixed into real data."""


def _name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    if rng.random() < 0.01:
        given = given[:-1] + rng.choice(RARE_NAME_CHARS)
    return surname + given


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return ""
    if rng.random() < 0.05:
        return f"0755-{rng.randint(2000_0000, 8999_9999)}"
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def make_demo(
    db: Database,
    scale: int = DEFAULT_SCALE,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Fill an empty database; returns the number of people. Same seed → same records."""
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be 1..{MAX_SCALE}")
    rng = random.Random(seed)
    now = utcnow()
    with db.session() as s:
        # Any roster record counts: grids or buildings typed in by hand would clash by name.
        for model in (
            PersonRecord,
            NeighborhoodRecord,
            GridRecord,
            BuildingRecord,
            OrganizationRecord,
        ):
            if s.scalar(select(func.count()).select_from(model)):
                raise DemoExistsError("data dir is not empty")
        s.merge(
            NeighborhoodRecord(
                id=1, name=NEIGHBORHOOD[0], community=NEIGHBORHOOD[1], street=NEIGHBORHOOD[2]
            )
        )
        grid_ids = []
        for name in GRIDS:
            grid = GridRecord(name=name)
            s.add(grid)
            s.flush()
            grid_ids.append(grid.id)
        buildings: list[tuple[int, int, int]] = []  # (id, units, floors)
        for number in range(1, 13):
            units = rng.choice((2, 2, 3))
            rec = BuildingRecord(
                name=f"{number}栋", grid_id=grid_ids[(number - 1) // 4], unit_count=units
            )
            s.add(rec)
            s.flush()
            buildings.append((rec.id, units, rng.randint(18, 33)))

        first_id = (s.scalar(select(func.max(PersonRecord.id))) or 0) + 1
        people, roles = [], []
        leaders = {b[0]: None for b in buildings}
        for i in range(scale):
            person_id = first_id + i
            building_id, units, floors = rng.choice(buildings)
            party = rng.random() < 0.12
            row = {
                "id": person_id,
                "uuid": _uuid(rng),
                "name": _name(rng),
                "phone": _phone(rng),
                "building_id": building_id,
                "unit": str(rng.randint(1, units)),
                "room": f"{rng.randint(2, floors)}{rng.randint(1, 6):02d}",
                "is_party_member": party,
                "skills": "",
                "talent_rights": "",
                "note": "",
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
            }
            if leaders[building_id] is None and rng.random() < 0.5:
                leaders[building_id] = person_id
                roles.append((person_id, PersonRole.BUILDING_LEADER))
            if rng.random() < 0.03:
                roles.append((person_id, PersonRole.TALENT))
                row["skills"] = "、".join(rng.sample(SKILLS, rng.randint(1, 3)))
                rights = [r.value for r in TalentRight if rng.random() < 0.7]
                row["talent_rights"] = ",".join(sorted(rights))
            if rng.random() < 0.06:
                roles.append((person_id, PersonRole.SELF_ORGANIZATION_MEMBER))
            if rng.random() < 0.08:
                roles.append((person_id, PersonRole.VOLUNTEER))
            people.append(row)
        # The owners' committee: 7 members, at least half party members (the reform's rule).
        party_ids = [p["id"] for p in people if p["is_party_member"]]
        others = [p["id"] for p in people if not p["is_party_member"]]
        committee = rng.sample(party_ids, min(4, len(party_ids)))
        # Never more non-members than members, even in a tiny demo with few party members.
        committee += rng.sample(others, min(7 - len(committee), len(others), len(committee)))
        roles += [(pid, PersonRole.OWNERS_COMMITTEE_MEMBER) for pid in committee]

        chunk = 5000
        for start in range(0, len(people), chunk):
            s.execute(insert(PersonRecord), people[start : start + chunk])
            if progress:
                progress(min(start + chunk, len(people)), len(people))
        if roles:
            s.execute(
                insert(PersonRoleRecord),
                [{"person_id": pid, "role": role.value} for pid, role in roles],
            )

        for kind, name, note in ORGANIZATIONS:
            committee_term = kind is OrganizationKind.OWNERS_COMMITTEE
            s.add(
                OrganizationRecord(
                    uuid=_uuid(rng),
                    kind=kind.value,
                    name=name,
                    note=note,
                    contact_name=_name(rng),
                    phone=_phone(rng) or "0755-26880000",
                    term_start=date(2024, 6, 1) if committee_term else None,
                    term_end=date(2029, 5, 31) if committee_term else None,
                )
            )
    return scale
