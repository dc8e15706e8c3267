"""The demo's roster: the neighborhood, its grids and twelve buildings, the residents with their
roles (building leaders, talents, the owners' committee) and the organizations. What the
lists are then drawn from is kept in a ``Roster``."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight
from desktop.services.demo.bulk import insert
from desktop.services.demo.columns import PERSON_COLUMNS, ROLE_COLUMNS
from desktop.services.demo.dice import Dice, random_uuid
from desktop.store.models import (
    BuildingRecord,
    GridRecord,
    NeighborhoodRecord,
    OrganizationRecord,
    PersonRecord,
    PersonRoleRecord,
)

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


def person_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    if rng.random() < 0.01:
        given = given[:-1] + rng.choice(RARE_NAME_CHARS)
    return surname + given


def phone_number(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return ""
    if rng.random() < 0.05:
        return f"0755-{rng.randint(2000_0000, 8999_9999)}"
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


@dataclass
class Org:
    id: int
    kind: OrganizationKind
    name: str
    contact: str
    phone: str


@dataclass
class Roster:
    """What the lists are drawn from: the roster just made, and the day they end on."""

    rng: Dice
    today: date
    now: datetime
    # (id, name, phone, building, unit, room) of every person; talents add their skills.
    residents: list[tuple[int, str, str, str, str, str]]
    talents: list[tuple[int, str, str, str]]
    orgs: dict[OrganizationKind, list[Org]]
    buildings: list[str]
    leaders: dict[str, str]  # building → its leader's name
    secretary: str

    @cached_property
    def last(self) -> date:
        """Everything the demo records has happened by yesterday."""
        return self.today - timedelta(days=1)

    def talent(self) -> tuple[str, int | None, int | None]:
        person = self.rng.choice(self.talents or self.residents)
        return person[1], person[0], None

    def resident(self) -> tuple[str, int | None, int | None]:
        person = self.rng.choice(self.residents)
        return person[1], person[0], None

    def org(self, kind: OrganizationKind) -> tuple[str, int | None, int | None]:
        org = self.rng.choice(self.orgs[kind])
        return org.name, None, org.id


def make_roster(
    s: Session,
    rng: Dice,
    scale: int,
    today: date,
    now: datetime,
    progress: Callable[[int, int], None] | None,
) -> Roster:
    """``scale`` residents in the demo's buildings, and its organizations; ``progress`` counts
    the people written out of the four lists' ``4 * scale`` records."""
    buildings, building_names = _place(s, rng)
    first_id = (s.scalar(select(func.max(PersonRecord.id))) or 0) + 1
    people, roles, talents, leaders = _people(rng, scale, first_id, buildings, now)
    party_ids = _committee(rng, people, roles)
    _write_people(s, people, roles, progress, 4 * scale)
    orgs = _organizations(s, rng)
    by_id = {p["id"]: p for p in people}
    secretary = by_id[party_ids[0]]["name"] if party_ids else people[0]["name"]
    return Roster(
        rng=rng,
        today=today,
        now=now,
        residents=[
            (
                p["id"],
                p["name"],
                p["phone"],
                building_names[p["building_id"]],
                p["unit"],
                p["room"],
            )
            for p in people
        ],
        talents=talents,
        orgs=orgs,
        buildings=[building_names[b[0]] for b in buildings],
        leaders={building_names[b]: by_id[p]["name"] for b, p in leaders.items() if p},
        secretary=secretary,
    )


def _place(s: Session, rng: Dice) -> tuple[list[tuple[int, int, int]], dict[int, str]]:
    """The neighborhood, its grids and buildings: (id, units, floors) of each building, and
    each building's name by id."""
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
    building_names: dict[int, str] = {}
    for number in range(1, 13):
        units = rng.choice((2, 2, 3))
        rec = BuildingRecord(
            name=f"{number}栋", grid_id=grid_ids[(number - 1) // 4], unit_count=units
        )
        s.add(rec)
        s.flush()
        buildings.append((rec.id, units, rng.randint(18, 33)))
        building_names[rec.id] = rec.name
    return buildings, building_names


def _people(
    rng: Dice, scale: int, first_id: int, buildings: list[tuple[int, int, int]], now: datetime
) -> tuple[list[dict], list[tuple[int, PersonRole]], list[tuple[int, str, str, str]], dict]:
    """The residents (rows by column name) with their roles, the talents among them
    (id, name, phone, skills), and each building's leader's id (None: no leader)."""
    people, roles = [], []
    talents: list[tuple[int, str, str, str]] = []
    leaders: dict[int, int | None] = {b[0]: None for b in buildings}
    for i in range(scale):
        person_id = first_id + i
        building_id, units, floors = rng.choice(buildings)
        party = rng.random() < 0.12
        row = {
            "id": person_id,
            "uuid": random_uuid(rng),
            "name": person_name(rng),
            "phone": phone_number(rng),
            "building_id": building_id,
            "unit": str(rng.randint(1, units)),
            "room": f"{rng.randint(2, floors)}{rng.randint(1, 6):02d}",
            "is_party_member": party,
            "skills": "",
            "talent_rights": "",
            "note": "",
            "created_at": now,
            "updated_at": now,
        }
        if leaders[building_id] is None and rng.random() < 0.5:
            leaders[building_id] = person_id
            roles.append((person_id, PersonRole.BUILDING_LEADER))
        if rng.random() < 0.03:
            roles.append((person_id, PersonRole.TALENT))
            row["skills"] = "、".join(rng.sample(SKILLS, rng.randint(1, 3)))
            rights = [r.value for r in TalentRight if rng.random() < 0.7]
            row["talent_rights"] = ",".join(sorted(rights))
            talents.append((person_id, row["name"], row["phone"], row["skills"]))
        if rng.random() < 0.06:
            roles.append((person_id, PersonRole.SELF_ORGANIZATION_MEMBER))
        if rng.random() < 0.08:
            roles.append((person_id, PersonRole.VOLUNTEER))
        people.append(row)
    return people, roles, talents, leaders


def _committee(rng: Dice, people: list[dict], roles: list[tuple[int, PersonRole]]) -> list[int]:
    """The owners' committee: 7 members, at least half party members (the reform's rule).
    Adds their roles; returns the party members' ids."""
    party_ids = [p["id"] for p in people if p["is_party_member"]]
    others = [p["id"] for p in people if not p["is_party_member"]]
    committee = rng.sample(party_ids, min(4, len(party_ids)))
    # Never more non-members than members, even in a tiny demo with few party members.
    committee += rng.sample(others, min(7 - len(committee), len(others), len(committee)))
    roles += [(pid, PersonRole.OWNERS_COMMITTEE_MEMBER) for pid in committee]
    return party_ids


def _write_people(
    s: Session,
    people: list[dict],
    roles: list[tuple[int, PersonRole]],
    progress: Callable[[int, int], None] | None,
    total: int,
) -> None:
    chunk = 20_000
    for start in range(0, len(people), chunk):
        rows = [tuple(p[c] for c in PERSON_COLUMNS) for p in people[start : start + chunk]]
        insert(s, PersonRecord, PERSON_COLUMNS, rows)
        if progress:
            progress(min(start + chunk, len(people)), total)
    insert(s, PersonRoleRecord, ROLE_COLUMNS, [(pid, role.value) for pid, role in roles])


def _organizations(s: Session, rng: Dice) -> dict[OrganizationKind, list[Org]]:
    orgs: dict[OrganizationKind, list[Org]] = {kind: [] for kind in OrganizationKind}
    for kind, name, note in ORGANIZATIONS:
        committee_term = kind is OrganizationKind.OWNERS_COMMITTEE
        org = OrganizationRecord(
            uuid=random_uuid(rng),
            kind=kind.value,
            name=name,
            note=note,
            contact_name=person_name(rng),
            phone=phone_number(rng) or "0755-26880000",
            term_start=date(2024, 6, 1) if committee_term else None,
            term_end=date(2029, 5, 31) if committee_term else None,
        )
        s.add(org)
        s.flush()
        orgs[kind].append(Org(org.id, kind, name, org.contact_name, org.phone))
    return orgs
