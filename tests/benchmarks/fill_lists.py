"""Bulk-fill a database with N records in each list, straight through SQL (fast, seeded).

Used by bench_lists.py; independent of desktop.services.demo so that the benchmark does not
move when the demo changes. The values look like a Shenzhen neighborhood's: Chinese names,
mobile numbers, rooms, need titles built from common words, some NULL dates.
"""

import random
import sqlite3
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅海燕春晓晨宇浩欣怡子涵"
RARE = "䶮𠮷堃喆昇淼犇垚"
PLACES = ("电梯", "楼道", "车库", "小区门口", "垃圾房", "广场", "绿化带", "消防通道", "水泵房")
PROBLEMS = ("灯不亮", "漏水", "噪音扰民", "乱停车", "堆放杂物", "异味", "设施损坏", "需要维修")
WHO = ("独居老人", "残疾人家庭", "低保户", "双职工家庭", "新业主")
RESOURCES = ("活动室", "法律咨询", "义诊", "水电维修", "四点半课堂", "图书", "轮椅借用", "理发")
PROVIDERS = ("南园供电所", "翠竹实验小学", "鹏程律师事务所", "社区健康服务中心", "鹏安物业")
PROJECTS = ("加装电梯", "楼道改造", "停车位划线", "长者饭堂", "儿童游乐区", "垃圾分类督导")
NEED_STATUSES = ("pending", "in_progress", "resolved", "referred", "rejected")
NEED_SOURCES = ("reception_day", "door_knocking", "deliberation_meeting", "building_patrol")
URGENCIES = ("normal", "urgent", "critical")
RESOURCE_KINDS = ("venue", "funds", "skill", "goods", "volunteer_service", "other")
PROVIDER_KINDS = ("partner_unit", "talent", "self_organization", "property_company", "other")
PROJECT_KINDS = ("livelihood_micro", "partnership", "self_governance", "other")
PROJECT_STAGES = ("proposed", "in_progress", "awaiting_acceptance", "completed")

BUILDINGS = 12
CHUNK = 20_000


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    if rng.random() < 0.01:
        given = given[:-1] + rng.choice(RARE)
    return rng.choice(SURNAMES) + given


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return ""
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


def _room(rng: random.Random) -> str:
    return f"{rng.randint(1, 33)}{rng.randint(1, 4):02d}"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _day(rng: random.Random, start: date = date(2019, 1, 1), days: int = 2400) -> str:
    return (start + timedelta(days=rng.randrange(days))).isoformat()


def _stamp(rng: random.Random) -> str:
    moment = datetime(2024, 1, 1) + timedelta(seconds=rng.randrange(60_000_000))
    return moment.strftime("%Y-%m-%d %H:%M:%S.000000")


def _insert(con: sqlite3.Connection, table: str, columns: tuple[str, ...], rows) -> None:
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            con.executemany(sql, batch)
            batch.clear()
    con.executemany(sql, batch)


def fill(path: Path, n: int, seed: int = 1) -> None:
    """Add ``n`` people, needs, resources and projects to an empty database at head."""
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA synchronous=OFF")
        with con:
            con.executemany(
                "INSERT INTO building (id, name, unit_count) VALUES (?, ?, 3)",
                [(i, f"{i}栋") for i in range(1, BUILDINGS + 1)],
            )

            def people():
                for _ in range(n):
                    stamp = _stamp(rng)
                    building = rng.randint(1, BUILDINGS) if rng.random() < 0.95 else None
                    yield (
                        _uuid(rng),
                        _name(rng),
                        _phone(rng),
                        building,
                        str(rng.randint(1, 3)),
                        _room(rng),
                        rng.random() < 0.1,
                        "",
                        "",
                        "",
                        stamp,
                        stamp,
                        _stamp(rng) if rng.random() < 0.02 else None,
                    )

            columns = (
                "uuid",
                "name",
                "phone",
                "building_id",
                "unit",
                "room",
                "is_party_member",
                "skills",
                "talent_rights",
                "note",
                "created_at",
                "updated_at",
                "deleted_at",
            )
            _insert(con, "person", columns, people())
            categories = [r[0] for r in con.execute("SELECT id FROM need_category")]

            def needs():
                for _ in range(n):
                    stamp = _stamp(rng)
                    title = rng.choice(PLACES) + rng.choice(PROBLEMS)
                    if rng.random() < 0.3:
                        title = rng.choice(WHO) + title
                    yield (
                        _uuid(rng),
                        title,
                        "",
                        rng.choice(categories),
                        _name(rng),
                        _phone(rng),
                        f"{rng.randint(1, BUILDINGS)}栋",
                        str(rng.randint(1, 3)),
                        _room(rng),
                        rng.choice(NEED_SOURCES),
                        rng.choice(URGENCIES),
                        rng.choice(NEED_STATUSES),
                        "",
                        _name(rng) if rng.random() < 0.5 else "",
                        _day(rng),
                        _day(rng) if rng.random() < 0.6 else None,
                        "",
                        stamp,
                        stamp,
                        _stamp(rng) if rng.random() < 0.02 else None,
                    )

            _insert(
                con,
                "need",
                (
                    "uuid",
                    "title",
                    "description",
                    "category_id",
                    "raised_by",
                    "phone",
                    "building",
                    "unit",
                    "room",
                    "source",
                    "urgency",
                    "status",
                    "status_reason",
                    "handled_by",
                    "registered_on",
                    "due_on",
                    "solution",
                    "created_at",
                    "updated_at",
                    "deleted_at",
                ),
                needs(),
            )

            def resources():
                for _ in range(n):
                    stamp = _stamp(rng)
                    yield (
                        _uuid(rng),
                        rng.choice(RESOURCES),
                        rng.choice(RESOURCE_KINDS),
                        rng.choice(PROVIDER_KINDS),
                        rng.choice(PROVIDERS) if rng.random() < 0.5 else _name(rng),
                        "",
                        f"周{'一二三四五六日'[rng.randrange(7)]}全天",
                        _name(rng),
                        _phone(rng),
                        _day(rng),
                        _day(rng, date(2024, 1, 1)) if rng.random() < 0.5 else None,
                        stamp,
                        stamp,
                        _stamp(rng) if rng.random() < 0.02 else None,
                    )

            _insert(
                con,
                "resource",
                (
                    "uuid",
                    "title",
                    "kind",
                    "provider_kind",
                    "provider",
                    "description",
                    "availability",
                    "contact",
                    "phone",
                    "registered_on",
                    "valid_until",
                    "created_at",
                    "updated_at",
                    "deleted_at",
                ),
                resources(),
            )

            def projects():
                for i in range(n):
                    stamp = _stamp(rng)
                    yield (
                        _uuid(rng),
                        f"{rng.randint(1, BUILDINGS)}栋{rng.choice(PROJECTS)}（第{i % 50 + 1}期）",
                        rng.choice(PROJECT_KINDS),
                        rng.choice(PROJECT_STAGES),
                        "",
                        "",
                        rng.randrange(0, 5_000_000, 100),
                        rng.randrange(0, 1_000_000, 100),
                        _day(rng),
                        "",
                        0,
                        "",
                        stamp,
                        stamp,
                        _stamp(rng) if rng.random() < 0.02 else None,
                    )

            _insert(
                con,
                "project",
                (
                    "uuid",
                    "title",
                    "kind",
                    "stage",
                    "stop_reason",
                    "description",
                    "budget_fen",
                    "spent_fen",
                    "registered_on",
                    "acceptance_note",
                    "rating_count",
                    "evaluation",
                    "created_at",
                    "updated_at",
                    "deleted_at",
                ),
                projects(),
            )
        con.execute("ANALYZE")
    finally:
        con.close()
