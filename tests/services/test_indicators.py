"""Indicators on a hand-built neighborhood where every figure is known: trash, parents in the
trash, period boundaries in Beijing time against UTC, a need solved twice, the baseline."""

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from desktop.domain.indicators import INDICATOR_KEYS, parse_period
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Meeting, MeetingKind, Topic
from desktop.domain.needs import DEFAULT_CATEGORIES, Need, NeedStatus
from desktop.domain.roster import Organization, OrganizationKind, Person
from desktop.indicators import Indicators, export_indicators
from desktop.services.indicators import (
    compute_indicators,
    compute_indicators_file,
    indicator_records,
    trend,
)
from desktop.services.meetings import delete_meetings, finalize_meeting, save_meeting
from desktop.services.needs import change_status, delete_needs, list_categories, save_need
from desktop.services.organizations import delete_organizations, save_organization
from desktop.services.people import delete_people, save_person
from desktop.store.database import Database
from desktop.store.migrate import upgrade_to_head
from desktop.store.models import (
    NeedRecord,
    NeedStatusChangeRecord,
    OrganizationRecord,
    PartnerActivityRecord,
    PartnerAgreementRecord,
    PersonRecord,
    TalentCultivationRecord,
)

from .migrated import copy_of_migrated

Q1 = parse_period("2026Q1")
RARE = "欧阳䶮𠮷 <b>&"


@dataclass
class Built:
    db: Database
    path: Path
    ids: dict[str, int] = field(default_factory=dict)


def _meeting(
    built: Built,
    name: str,
    starts_at: datetime,
    consensus: list[str],
    *,
    kind: MeetingKind = MeetingKind.DELIBERATION,
    final: bool = True,
) -> None:
    """``starts_at`` is Beijing wall-clock time, as the secretary types it."""
    topics = [Topic(title=f"{name}议题{n}", consensus=c) for n, c in enumerate(consensus, 1)]
    saved = save_meeting(
        built.db, Meeting(title=name, kind=kind, starts_at=starts_at, topics=topics)
    )
    assert saved.id is not None
    if final:
        finalize_meeting(built.db, saved.id)
    built.ids[name] = saved.id


def _need(built: Built, name: str, category: str, registered_on: date, *, dispute=False) -> int:
    categories = {c.name: c.id for c in list_categories(built.db)}
    need = save_need(
        built.db, Need(title=name, category_id=categories[category], registered_on=registered_on)
    )
    assert need.id is not None
    if dispute:  # set on the row: the need form's dispute flag is another part of issue 8
        with built.db.session() as s:
            s.execute(update(NeedRecord).where(NeedRecord.id == need.id).values(is_dispute=True))
    built.ids[name] = need.id
    return need.id


def _move(built: Built, need_id: int, status: NeedStatus, at_utc: datetime) -> None:
    """Change the status, then date the change (stored in UTC) as if made at ``at_utc``."""
    change_status(
        built.db, need_id, status, reason="转交街道" if status.value == "referred" else ""
    )
    with built.db.session() as s:
        last = s.scalars(
            select(NeedStatusChangeRecord)
            .where(NeedStatusChangeRecord.need_id == need_id)
            .order_by(NeedStatusChangeRecord.id.desc())
        ).first()
        assert last is not None
        last.changed_at = at_utc


def _org(built: Built, name: str, kind: OrganizationKind, incubated_on: date | None = None) -> int:
    org = save_organization(built.db, Organization(kind=kind, name=name, incubated_on=incubated_on))
    assert org.id is not None
    built.ids[name] = org.id
    return org.id


def _person(built: Built, name: str, discovered_on: date | None = None) -> int:
    person = save_person(built.db, Person(name=name))
    assert person.id is not None
    if discovered_on is not None:
        with built.db.session() as s:
            s.execute(
                update(PersonRecord)
                .where(PersonRecord.id == person.id)
                .values(talent_discovered_on=discovered_on)
            )
    built.ids[name] = person.id
    return person.id


def _build(built: Built) -> None:
    # Meetings. 2026年3月31日 23:30 in Beijing is 15:30 UTC (Q1); 4月1日 07:00 is 3月31日 23:00
    # UTC, yet Q2; 1月1日 00:10 is 2025年12月31日 16:10 UTC, yet Q1.
    _meeting(built, "三月末议事会", datetime(2026, 3, 31, 23, 30), ["同意", "", "分两期施工"])
    _meeting(built, "元旦议事会", datetime(2026, 1, 1, 0, 10), ["同意加装", RARE])
    _meeting(built, "四月议事会", datetime(2026, 4, 1, 7, 0), ["同意"])
    _meeting(built, "草稿议事会", datetime(2026, 2, 1, 9, 0), ["同意"], final=False)
    _meeting(built, "删除的议事会", datetime(2026, 2, 2, 9, 0), ["同意"])
    delete_meetings(built.db, [built.ids["删除的议事会"]])
    _meeting(
        built, "楼栋长例会", datetime(2026, 2, 3, 9, 0), ["同意"], kind=MeetingKind.BUILDING_LEADERS
    )

    # Needs. Resolved at 3月31日 23:59 Beijing (15:59 UTC) counts in Q1; at 4月1日 00:00 Beijing
    # (3月31日 16:00 UTC) in Q2.
    n1 = _need(built, RARE, "物业服务", date(2026, 2, 1), dispute=True)
    _move(built, n1, NeedStatus.RESOLVED, datetime(2026, 3, 31, 15, 59))
    n2 = _need(built, "垃圾清运", "环境卫生", date(2026, 1, 15))
    _move(built, n2, NeedStatus.RESOLVED, datetime(2026, 3, 31, 16, 0))
    n3 = _need(built, "电梯维修反复", "物业服务", date(2025, 12, 20), dispute=True)
    _move(built, n3, NeedStatus.RESOLVED, datetime(2026, 2, 1, 2, 0))
    _move(built, n3, NeedStatus.IN_PROGRESS, datetime(2026, 2, 5, 2, 0))
    _move(built, n3, NeedStatus.RESOLVED, datetime(2026, 3, 1, 2, 0))
    _need(built, "物业收费争议", "物业服务", date(2025, 11, 1), dispute=True)
    _need(built, "绿化争议", "物业服务", date(2025, 10, 1), dispute=True)
    n5 = _need(built, "删除的需求", "物业服务", date(2026, 3, 31), dispute=True)
    _move(built, n5, NeedStatus.RESOLVED, datetime(2026, 3, 1, 2, 0))
    delete_needs(built.db, [n5])
    _need(built, "保安值守", "物业服务", date(2026, 3, 10), dispute=True)
    _need(built, "四月的需求", "停车交通", date(2026, 4, 1))

    # Partner units: agreements and the 三个一 activities (rows: their service is being written).
    p1 = _org(built, "南山区税务局", OrganizationKind.PARTNER_UNIT)
    p2 = _org(built, "删除的共建单位", OrganizationKind.PARTNER_UNIT)
    with built.db.session() as s:
        s.add_all(
            [
                PartnerAgreementRecord(organization_id=p1, signed_on=date(2026, 1, 1)),
                PartnerAgreementRecord(organization_id=p1, signed_on=date(2025, 12, 31)),
                PartnerAgreementRecord(
                    organization_id=p1, signed_on=date(2026, 2, 2), deleted_at=datetime(2026, 3, 1)
                ),
                PartnerAgreementRecord(organization_id=p2, signed_on=date(2026, 2, 2)),
                PartnerActivityRecord(
                    organization_id=p1, kind="pairing", held_on=date(2026, 3, 31)
                ),
                PartnerActivityRecord(
                    organization_id=p1, kind="pairing", held_on=date(2026, 1, 5), description=RARE
                ),
                PartnerActivityRecord(
                    organization_id=p1, kind="practical_service", held_on=date(2026, 2, 1)
                ),
                PartnerActivityRecord(
                    organization_id=p1,
                    kind="practical_service",
                    held_on=date(2026, 2, 1),
                    deleted_at=datetime(2026, 3, 1),
                ),
                PartnerActivityRecord(
                    organization_id=p1, kind="dispute_mediation", held_on=date(2026, 4, 1)
                ),
                PartnerActivityRecord(organization_id=p2, kind="pairing", held_on=date(2026, 2, 1)),
            ]
        )
    delete_organizations(built.db, [p2])

    # Self-organizations.
    _org(built, "广场舞队", OrganizationKind.SELF_ORGANIZATION, date(2026, 3, 31))
    s2 = _org(built, "删除的自组织", OrganizationKind.SELF_ORGANIZATION, date(2026, 1, 1))
    delete_organizations(built.db, [s2])
    _org(built, "去年的自组织", OrganizationKind.SELF_ORGANIZATION, date(2025, 12, 31))
    with built.db.session() as s:  # a date on another kind of organization is not incubation
        s.execute(
            update(OrganizationRecord)
            .where(OrganizationRecord.id == p1)
            .values(incubated_on=date(2026, 2, 1))
        )

    # Talented residents: discovered, and cultivated (one counted once for two records).
    wang = _person(built, "王䶮", date(2026, 1, 1))
    ji = _person(built, "𠮷祥", date(2026, 3, 31))
    _person(built, "赵堃", date(2026, 4, 1))
    zhang = _person(built, "张伟", date(2026, 2, 1))
    sun = _person(built, "孙喆")
    with built.db.session() as s:
        s.add_all(
            [
                TalentCultivationRecord(
                    person_id=wang, happened_on=date(2026, 1, 10), kind="training"
                ),
                TalentCultivationRecord(person_id=wang, happened_on=date(2026, 2, 10), kind="role"),
                TalentCultivationRecord(person_id=ji, happened_on=date(2025, 12, 31), kind="role"),
                TalentCultivationRecord(
                    person_id=sun, happened_on=date(2026, 3, 31), kind="training"
                ),
                TalentCultivationRecord(
                    person_id=zhang, happened_on=date(2026, 2, 1), kind="training"
                ),
            ]
        )
    delete_people(built.db, [zhang])


@pytest.fixture(scope="module")
def built(workdir: Path) -> Iterator[Built]:
    """Built once for the module; the tests only read."""
    folder = workdir / "indicators"
    folder.mkdir()
    db = copy_of_migrated(folder)
    result = Built(db, folder / "shuren.sqlite3")
    _build(result)
    yield result
    db.close()


EMPTY_CATEGORIES = dict.fromkeys(DEFAULT_CATEGORIES, 0)
NO_STATUS = {"pending": 0, "in_progress": 0, "resolved": 0, "referred": 0, "rejected": 0}

Q1_EXPECTED = {
    "period": "2026Q1",
    "baseline": "2025Q4",
    "meetings_held": 2,  # 三月末, 元旦; not 四月 (Q2 in Beijing), the draft, the trashed, 例会
    "problems_solved": 2,  # RARE at 23:59 Beijing, 电梯维修反复 once; not 垃圾清运, not trashed
    "consensus_reached": 4,  # 同意, 分两期施工, 同意加装, RARE
    "agreements_signed": 1,
    "pairing_activities": 2,
    "practical_services": 1,
    "dispute_mediations": 0,
    "self_organizations_incubated": 1,
    "property_disputes": 2,  # RARE, 保安值守; not the trashed one
    "property_disputes_change_pct": -33.3,  # against 3 in 2025Q4
    "talents_discovered": 2,
    "talents_cultivated": 2,
    "needs_by_category": {**EMPTY_CATEGORIES, "物业服务": 2, "环境卫生": 1},
    "needs_by_status": {**NO_STATUS, "resolved": 2, "pending": 1},
}


def test_every_figure_of_a_quarter(built: Built) -> None:
    figures = compute_indicators(built.db, Q1)
    assert figures.to_json() == Q1_EXPECTED
    assert list(figures.to_json()) == ["period", "baseline", *INDICATOR_KEYS]
    assert figures.property_disputes_baseline == 3
    assert figures.not_counted == ()


def test_the_next_quarter_gets_what_crossed_midnight_in_beijing(built: Built) -> None:
    figures = compute_indicators(built.db, parse_period("2026Q2"))
    assert (figures.meetings_held, figures.consensus_reached) == (1, 1)
    assert figures.problems_solved == 1  # 垃圾清运 at 4月1日 00:00 Beijing
    assert figures.dispute_mediations == 1
    assert figures.talents_discovered == 1
    assert figures.property_disputes == 0
    assert figures.property_disputes_change_pct == -100.0  # 0 against Q1's 2
    assert figures.needs_by_category["停车交通"] == 1


def test_a_year_and_a_chosen_baseline(built: Built) -> None:
    year = compute_indicators(built.db, parse_period("2026"), parse_period("2025"))
    assert year.baseline == parse_period("2025")
    assert (year.meetings_held, year.problems_solved, year.consensus_reached) == (3, 3, 5)
    assert (year.property_disputes, year.property_disputes_baseline) == (2, 3)
    # A baseline with no disputes cannot be compared: None, not a division by zero.
    empty_base = compute_indicators(built.db, Q1, parse_period("2025Q3"))
    assert empty_base.property_disputes_baseline == 0
    assert empty_base.property_disputes_change_pct is None
    assert empty_base.to_json()["property_disputes_change_pct"] is None


def test_trend_gives_the_four_quarters(built: Built) -> None:
    quarters = trend(built.db, 2026)
    assert quarters["meetings_held"] == [2, 1, 0, 0]
    assert quarters["problems_solved"] == [2, 1, 0, 0]
    assert quarters["dispute_mediations"] == [0, 1, 0, 0]
    assert quarters["self_organizations_incubated"] == [1, 0, 0, 0]
    assert "needs_by_status" not in quarters


def test_the_records_behind_each_figure(built: Built) -> None:
    ids = built.ids

    def records(key: str, group: str | None = None):
        return [(r.kind, r.id, r.on) for r in indicator_records(built.db, key, Q1, group=group)]

    assert records("meetings_held") == [
        (RecordKind.MEETING, ids["元旦议事会"], date(2026, 1, 1)),
        (RecordKind.MEETING, ids["三月末议事会"], date(2026, 3, 31)),
    ]
    consensus = indicator_records(built.db, "consensus_reached", Q1)
    assert len(consensus) == 4
    assert "元旦议事会：元旦议事会议题2" in {r.title for r in consensus}
    assert records("problems_solved") == [
        (RecordKind.NEED, ids["电梯维修反复"], date(2026, 3, 1)),
        (RecordKind.NEED, ids[RARE], date(2026, 3, 31)),
    ]
    assert [r[0] for r in records("agreements_signed")] == [RecordKind.PARTNER_AGREEMENT]
    pairing = indicator_records(built.db, "pairing_activities", Q1)
    assert [r.kind for r in pairing] == [RecordKind.PARTNER_ACTIVITY] * 2
    assert all(r.title.startswith("南山区税务局") for r in pairing)
    assert records("self_organizations_incubated") == [
        (RecordKind.ORGANIZATION, ids["广场舞队"], date(2026, 3, 31))
    ]
    assert {r[1] for r in records("property_disputes")} == {ids[RARE], ids["保安值守"]}
    assert len(records("property_disputes_change_pct")) == 5  # Q1's 2 and 2025Q4's 3
    assert records("talents_discovered") == [
        (RecordKind.TALENT, ids["王䶮"], date(2026, 1, 1)),
        (RecordKind.TALENT, ids["𠮷祥"], date(2026, 3, 31)),
    ]
    assert records("talents_cultivated") == [
        (RecordKind.TALENT, ids["王䶮"], date(2026, 1, 10)),
        (RecordKind.TALENT, ids["孙喆"], date(2026, 3, 31)),
    ]
    assert {r[1] for r in records("needs_by_category", "物业服务")} == {ids[RARE], ids["保安值守"]}
    assert records("needs_by_category", "噪音扰民") == []
    assert {r[1] for r in records("needs_by_status", "pending")} == {ids["保安值守"]}
    assert len(records("needs_by_status")) == 3
    titles = {r.title for r in indicator_records(built.db, "property_disputes", Q1)}
    assert RARE in titles  # names with markup and rare characters come back exactly
    # Every figure's records number as many as the figure counts.
    figures = compute_indicators(built.db, Q1)
    for key in INDICATOR_KEYS:
        value = figures.value(key)
        if isinstance(value, int):
            assert len(indicator_records(built.db, key, Q1)) == value, key
    with pytest.raises(KeyError):
        indicator_records(built.db, "meetings", Q1)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_opened_read_only_gives_the_same_figures_and_stays_untouched(
    built: Built, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.sqlite3"
    with closing(sqlite3.connect(built.path)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
        # as a snapshot is: one file, no -wal beside it
        target.execute("PRAGMA journal_mode = DELETE")
    before = _sha256(copy)
    figures = compute_indicators_file(copy, Q1)
    assert figures == compute_indicators(built.db, Q1)
    assert _sha256(copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite3"]
    with pytest.raises(FileNotFoundError):
        compute_indicators_file(tmp_path / "missing.sqlite3", Q1)


def test_a_copy_from_an_older_schema_counts_what_its_tables_allow(tmp_path: Path) -> None:
    """Revision 0005 has meetings and needs but no partners, talents or dispute flag."""
    path = tmp_path / "old.sqlite3"
    upgrade_to_head(path, "0005")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO meeting (uuid, title, kind, starts_at, place, host, recorder,"
            " finalized_at, created_at, updated_at) VALUES ('u1', '议事会', 'deliberation',"
            " '2026-02-01 01:00:00.000000', '', '', '', '2026-02-01 03:00:00.000000',"
            " '2026-02-01 03:00:00.000000', '2026-02-01 03:00:00.000000')"
        )
    before = _sha256(path)
    figures = compute_indicators_file(path, Q1)
    assert _sha256(path) == before
    assert figures.meetings_held == 1
    assert figures.needs_by_category == EMPTY_CATEGORIES  # the migration's default categories
    assert figures.agreements_signed == 0 and figures.property_disputes_change_pct is None
    assert set(figures.not_counted) == {
        "agreements_signed",
        "pairing_activities",
        "practical_services",
        "dispute_mediations",
        "self_organizations_incubated",
        "property_disputes",
        "property_disputes_change_pct",
        "talents_discovered",
        "talents_cultivated",
    }


def test_export_writes_figures_definitions_and_breakdowns(built: Built, tmp_path: Path) -> None:
    out = export_indicators(tmp_path / "指标.xlsx", compute_indicators(built.db, Q1))
    book = load_workbook(out, read_only=True)
    assert book.sheetnames == ["指标", "需求按类别", "需求按状态"]
    rows = list(book["指标"].iter_rows(values_only=True))
    assert "2026年第一季度" in rows[0][0]
    assert rows[1] == ("指标", "数值", "定义（统计什么、依据哪些记录、计入哪一期）")
    figures = {row[0]: row[1] for row in rows[2:]}
    assert figures["召开协商议事会"] == 2
    assert figures["物业矛盾较基期增减"] == "下降 33.3%"
    assert figures["需求（按类别）"] == "3"
    assert all(row[2] and "计入哪一期" in row[2] for row in rows[2:])
    statuses = {r[0]: r[1] for r in list(book["需求按状态"].iter_rows(values_only=True))[2:]}
    assert statuses["已解决"] == 2 and statuses["待受理"] == 1
    book.close()


def test_export_cleans_control_characters_and_keeps_rare_names_as_text(tmp_path: Path) -> None:
    figures = Indicators(
        period=Q1, baseline=Q1.previous(), needs_by_category={f"={RARE}\x0b": 3}, needs_by_status={}
    )
    out = export_indicators(tmp_path / "out.xlsx", figures)
    book = load_workbook(out)
    cell = book["需求按类别"]["A3"]
    assert (cell.value, cell.data_type, book["需求按类别"]["B3"].value) == (f"={RARE}", "s", 3)
    book.close()
