"""Ledgers (台账): export, import back, every kind of bad input, dry run, report workbook."""

import shutil
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from sqlalchemy import text

from desktop.domain.ledger import IMPORT_NOTE, IMPORT_REASON, LEDGERS, LedgerKind
from desktop.domain.needs import Need, NeedSource, NeedStatus, Satisfaction, Urgency
from desktop.domain.projects import Party, PartyRole, Project, ProjectKind, ProjectStage
from desktop.domain.resources import ProviderKind, Resource, ResourceKind
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import ledger
from desktop.services.ledger import (
    ERROR_HEADER,
    ERROR_SHEET,
    LedgerCancelled,
    LedgerFileError,
    RowError,
    export_ledger,
    import_ledger,
    probe_ledger,
    save_report,
)
from desktop.services.needs import get_need, list_categories, save_need, status_history
from desktop.services.organizations import save_organization
from desktop.services.projects import get_project, save_project
from desktop.services.resources import get_resource, save_resource
from desktop.store.database import Database, open_database
from tests.services.conftest import Roster

NEEDS_HEADERS = [
    "编号",
    "标题",
    "描述",
    "提出人",
    "联系电话",
    "楼栋",
    "单元",
    "房号",
    "类别",
    "来源",
    "紧急程度",
    "状态",
    "登记日期",
    "办结期限",
    "解决情况",
    "满意度",
    "回访日期",
    "物业矛盾",
]
RARE = "䶮 𠮷 堃 喆"
MARKUP = "A&B <b> <img src=x>"
TABLES = (
    "need",
    "need_status_change",
    "resource",
    "project",
    "project_party",
    "project_need",
    "project_resource",
)


# -- data and helpers ----------------------------------------------------------------------
def category_id(db: Database, name: str) -> int:
    return next(c.id for c in list_categories(db) if c.name == name)  # type: ignore[misc]


def fill(db: Database) -> dict[str, list[int]]:
    """A few records of each list with every awkward thing a ledger meets."""
    need_ids = [
        save_need(db, n).id
        for n in (
            Need(
                title=f"电梯异响 {RARE}\x0b",
                category_id=category_id(db, "设施维修"),
                description=f"{MARKUP}\n第二行\x0b，含控制字符",
                raised_by="王䶮",
                phone="13812345678",
                building="2栋",
                unit="1",
                room="1203",
                source=NeedSource.RECEPTION_DAY,
                urgency=Urgency.CRITICAL,
                status=NeedStatus.RESOLVED,
                registered_on=date(2026, 3, 1),
                due_on=date(2026, 3, 15),
                solution="已请物业更换曳引机\n居民回访满意",
                satisfaction=Satisfaction.SATISFIED,
            ),
            Need(
                title="=SUM(A1) 与 #N/A",
                category_id=category_id(db, "噪音扰民"),
                raised_by="不在名册的人",
                phone="0755-26881234",
                room="0801",
                status=NeedStatus.REFERRED,
                status_reason="转街道城管",
                registered_on=date(2026, 3, 1),
            ),
            Need(
                title="<img src=x> 楼道堆物",
                category_id=category_id(db, "环境卫生"),
                registered_on=date(2026, 2, 10),
                urgency=Urgency.URGENT,
                status=NeedStatus.IN_PROGRESS,
                handled_by="楼栋长",
            ),
        )
    ]
    resource_ids = [
        save_resource(db, r).id
        for r in (
            Resource(
                title=f"党群活动室 {RARE}",
                kind=ResourceKind.VENUE,
                provider_kind=ProviderKind.PROPERTY_COMPANY,
                provider="万科物业",
                description=f"{MARKUP}\x0b\n周末全天",
                availability="周末全天",
                contact="赵堃",
                phone="18600002222",
                registered_on=date(2026, 1, 5),
                valid_until=date(2026, 12, 31),
            ),
            Resource(
                title="法律咨询",
                kind=ResourceKind.SKILL,
                provider_kind=ProviderKind.TALENT,
                provider="孙喆",
                registered_on=date(2026, 1, 6),
            ),
        )
    ]
    project_ids = [
        save_project(db, p).id
        for p in (
            Project(
                title=f"加装电梯 {RARE}",
                kind=ProjectKind.LIVELIHOOD_MICRO,
                stage=ProjectStage.COMPLETED,
                description=f"{MARKUP}\x0b\n分两期",
                budget=Decimal("123456.78"),
                spent=Decimal("0.10"),
                parties=[
                    Party(PartyRole.INITIATOR, "王䶮"),
                    Party(PartyRole.ORGANIZER, "万科物业"),
                    Party(PartyRole.IMPLEMENTER, "某电梯公司"),
                ],
                registered_on=date(2026, 3, 2),
                start_on=date(2026, 3, 10),
                end_on=date(2026, 6, 30),
                accepted_on=date(2026, 7, 2),
                acceptance_note="验收合格",
                rating_count=37,
                rating_average=Decimal("4.35"),
                evaluation="好\n很好",
                need_ids=need_ids[:2],
                resource_ids=resource_ids,
            ),
            Project(
                title="停车位划线",
                stage=ProjectStage.TERMINATED,
                stop_reason="业主反对",
                kind=ProjectKind.SELF_GOVERNANCE,
                registered_on=date(2026, 4, 1),
            ),
        )
    ]
    return {"needs": need_ids, "resources": resource_ids, "projects": project_ids}


def snapshot(db: Database) -> dict[str, list]:
    """Every row of the three lists' tables: proof that an import wrote nothing."""
    with db.engine.connect() as con:
        return {t: con.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all() for t in TABLES}


def cells(path: Path) -> list[list[object]]:
    workbook = openpyxl.load_workbook(path)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def write_sheet(path: Path, rows: list[list[object]], title: str = "需求清单") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def edit(path: Path, changes: dict[tuple[int, str], object], out: Path | None = None) -> Path:
    """Change cells named by (row, header) of the first sheet."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    for (row, header), value in changes.items():
        sheet.cell(row=row, column=headers.index(header) + 1).value = value  # None empties it
    target = out or path
    workbook.save(target)
    return target


@pytest.fixture(scope="session")
def empty_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file at the newest schema: copying it is ~20× faster than migrating."""
    folder = tmp_path_factory.mktemp("template")
    open_database(folder).close()
    return folder / "shuren.sqlite3"


def new_db(empty_database: Path, folder: Path) -> Database:
    folder.mkdir(exist_ok=True)
    shutil.copyfile(empty_database, folder / "shuren.sqlite3")
    return open_database(folder)


@pytest.fixture
def db(data_dir: Path, empty_database: Path):
    """Overrides the suite's ``db``: the same empty database, made by a copy."""
    database = new_db(empty_database, data_dir)
    yield database
    database.close()


@pytest.fixture
def filled(db: Database) -> dict[str, list[int]]:
    save_organization(db, Organization(kind=OrganizationKind.PROPERTY_COMPANY, name="万科物业"))
    return fill(db)


@pytest.fixture
def other(tmp_path: Path, empty_database: Path):
    """A second, empty data dir."""
    database = new_db(empty_database, tmp_path / "other")
    yield database
    database.close()


def needs_row(**values: object) -> list[object]:
    """One row of a needs sheet in the exact header order; unnamed cells empty."""
    defaults = {"标题": "路灯不亮", "类别": "设施维修", "登记日期": "2026-05-01"}
    defaults.update({k: v for k, v in values.items()})
    return [defaults.get(h) for h in NEEDS_HEADERS]


# -- export --------------------------------------------------------------------------------
def test_needs_sheet_has_exactly_the_agreed_headers(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "needs.xlsx"
    assert export_ledger(db, LedgerKind.NEEDS, path) == 0
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["需求清单"]
    assert cells(path) == [NEEDS_HEADERS]
    assert list(LEDGERS[LedgerKind.NEEDS].headers) == NEEDS_HEADERS


def test_export_writes_dates_as_dates_and_text_as_text(
    db: Database, filled: dict, tmp_path: Path
) -> None:
    path = tmp_path / "needs.xlsx"
    assert export_ledger(db, "needs", path) == 3
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    first = rows[f"电梯异响 {RARE}"]
    by = dict(zip(NEEDS_HEADERS, first, strict=True))
    assert by["登记日期"].is_date and by["登记日期"].value == datetime(2026, 3, 1)
    assert by["联系电话"].data_type == "s" and by["联系电话"].value == "13812345678"
    assert by["房号"].value == "1203" and by["描述"].value == f"{MARKUP}\n第二行，含控制字符"
    assert (by["来源"].value, by["紧急程度"].value, by["状态"].value, by["满意度"].value) == (
        "书记接待日",
        "紧急",
        "已解决",
        "满意",
    )
    formula_like = next(r for r in sheet.iter_rows(min_row=2) if str(r[1].value).startswith("="))
    assert formula_like[1].data_type == "s"  # text, never a formula Excel would run
    assert formula_like[1].value == "=SUM(A1) 与 #N/A"
    # Registration order: the two of 2026-03-01 after the one of 2026-02-10.
    assert [r[12].value.date() for r in sheet.iter_rows(min_row=2)] == [
        date(2026, 2, 10),
        date(2026, 3, 1),
        date(2026, 3, 1),
    ]


def test_export_keeps_trash_out(db: Database, filled: dict, tmp_path: Path) -> None:
    from desktop.services.needs import delete_needs

    delete_needs(db, filled["needs"][:1])
    assert export_ledger(db, "needs", tmp_path / "n.xlsx") == 2
    assert export_ledger(db, "projects", tmp_path / "p.xlsx") == 2
    linked = [r[19] for r in cells(tmp_path / "p.xlsx")[1:] if r[19]]
    assert linked == [get_need(db, filled["needs"][1]).uuid]  # the trashed need is not named


def test_export_survives_a_control_character_in_every_text_field(
    db: Database, tmp_path: Path
) -> None:
    # Bypass the services' cleaning, as a database from an older version could hold it.
    need = save_need(db, Need(title="x", category_id=category_id(db, "其他")))
    with db.engine.begin() as con:
        con.execute(
            text("UPDATE need SET title = 'a\x0bb\x01', solution = 'c\x0b\nd' WHERE id = :id"),
            {"id": need.id},
        )
    path = tmp_path / "n.xlsx"
    assert export_ledger(db, "needs", path) == 1
    row = cells(path)[1]
    assert (row[1], row[14]) == ("ab", "c\nd")


def test_cancelled_export_leaves_the_old_file_and_no_partial(
    db: Database, filled: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger, "CHUNK", 1)
    path = tmp_path / "needs.xlsx"
    path.write_bytes(b"the previous ledger")
    seen: list[tuple[int, int]] = []
    with pytest.raises(LedgerCancelled):
        export_ledger(
            db,
            "needs",
            path,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert path.read_bytes() == b"the previous ledger"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "needs.xlsx"]
    assert seen == [(1, 3), (2, 3)]


def test_export_progress_ends_at_the_total(db: Database, filled: dict, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_ledger(db, "needs", tmp_path / "n.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)


def test_export_to_a_missing_folder_is_a_file_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(LedgerFileError, match="不存在"):
        export_ledger(db, "needs", tmp_path / "nowhere" / "n.xlsx")


# -- round trip ----------------------------------------------------------------------------
def test_round_trip_into_an_empty_data_dir_keeps_every_cell_and_id(
    db: Database, filled: dict, other: Database, tmp_path: Path
) -> None:
    for kind in ("needs", "resources", "projects"):  # projects name needs and resources
        first, second = tmp_path / f"{kind}-1.xlsx", tmp_path / f"{kind}-2.xlsx"
        written = export_ledger(db, kind, first)
        report = import_ledger(other, kind, first)
        assert report.errors == []
        assert (report.created, report.updated, report.unchanged) == (written, 0, 0)
        assert export_ledger(other, kind, second) == written
        assert cells(second) == cells(first), kind
    text_cells = [c for row in cells(tmp_path / "needs-1.xlsx") for c in row if isinstance(c, str)]
    joined = "".join(text_cells)
    assert RARE in joined and MARKUP in joined and "\x0b" not in joined
    project = cells(tmp_path / "projects-1.xlsx")[1]
    assert project[6:8] == [123456.78, 0.1]  # numbers, exact to the fen
    got = get_project(other, 1)
    assert (got.budget, got.spent, got.rating_average) == (
        Decimal("123456.78"),
        Decimal("0.10"),
        Decimal("4.35"),
    )
    assert len(got.need_ids) == 2 and len(got.resource_ids) == 2


def test_import_into_an_empty_data_dir_sets_reasons_and_links_the_roster(
    db: Database, roster: Roster, filled: dict, other: Database, tmp_path: Path
) -> None:
    path = tmp_path / "needs.xlsx"
    export_ledger(db, "needs", path)
    import_ledger(other, "needs", path)
    referred = get_need(other, 3)
    assert referred.status is NeedStatus.REFERRED
    assert referred.status_reason == IMPORT_REASON  # the sheet has no reason column
    assert status_history(other, 3)[0].note == IMPORT_NOTE
    # The first database has a roster: 王䶮 links there, 不在名册的人 is kept as written.
    import_ledger(db, "needs", edit(path, {(3, "编号"): None, (4, "编号"): None}))
    with db.session() as s:
        linked = dict(s.execute(text("SELECT raised_by, person_id FROM need WHERE id > 3")).all())
    assert linked["不在名册的人"] is None
    assert linked["王䶮"] is not None


def test_import_of_the_same_ledger_changes_nothing(
    db: Database, filled: dict, tmp_path: Path
) -> None:
    path = tmp_path / "projects.xlsx"
    export_ledger(db, "projects", path)
    before = snapshot(db)
    report = import_ledger(db, "projects", path)
    assert (report.created, report.updated, report.unchanged, report.errors) == (0, 0, 2, [])
    assert snapshot(db) == before


# -- updating by 编号 ------------------------------------------------------------------------
def test_a_row_with_a_known_id_updates_that_record(
    db: Database, filled: dict, tmp_path: Path
) -> None:
    path = tmp_path / "needs.xlsx"
    export_ledger(db, "needs", path)
    rows = cells(path)
    row = next(i for i, r in enumerate(rows, start=1) if str(r[1]).startswith("<img"))
    edit(
        path,
        {
            (row, "标题"): "楼道堆物已清理",
            (row, "状态"): "已转办",
            (row, "解决情况"): "转交消防中队",
        },
    )
    report = import_ledger(db, "needs", path)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    need = get_need(db, filled["needs"][2])
    assert (need.title, need.status) == ("楼道堆物已清理", NeedStatus.REFERRED)
    assert need.status_reason == "转交消防中队"  # 解决情况 stands in for the reason
    assert need.handled_by == "楼栋长"  # not in the sheet: kept
    assert status_history(db, need.id)[-1].note == IMPORT_NOTE


def test_a_referred_need_keeps_its_reason_when_its_status_stays(
    db: Database, filled: dict, tmp_path: Path
) -> None:
    path = tmp_path / "needs.xlsx"
    export_ledger(db, "needs", path)
    row = next(i for i, r in enumerate(cells(path), start=1) if r[11] == "已转办")
    import_ledger(db, "needs", edit(path, {(row, "描述"): "补充说明"}))
    assert get_need(db, filled["needs"][1]).status_reason == "转街道城管"


def test_project_update_keeps_links_to_trashed_needs_and_party_links(
    db: Database, filled: dict, tmp_path: Path
) -> None:
    from desktop.services.needs import delete_needs

    before = get_project(db, filled["projects"][0])
    delete_needs(db, [filled["needs"][0]])
    path = tmp_path / "p.xlsx"
    export_ledger(db, "projects", path)
    report = import_ledger(db, "projects", edit(path, {(2, "已支出（元）"): "1,000.5"}))
    assert report.updated == 1, report.errors
    after = get_project(db, filled["projects"][0])
    assert after.spent == Decimal("1000.50")
    assert after.need_ids == before.need_ids  # the trashed one too
    assert after.parties == before.parties


def test_rows_without_id_create_and_an_unknown_id_is_kept(db: Database, tmp_path: Path) -> None:
    uuid = "8D5F3C1A-1111-4222-8333-444455556666"  # as Excel may upper-case it
    path = write_sheet(tmp_path / "n.xlsx", [NEEDS_HEADERS, needs_row(), needs_row(编号=uuid)])
    report = import_ledger(db, "needs", path)
    assert (report.created, report.errors) == (2, [])
    assert get_need(db, 2).uuid == uuid.lower()


# -- what Excel does to cells --------------------------------------------------------------
def test_numbers_excel_made_of_text_come_back_as_text(db: Database, tmp_path: Path) -> None:
    rows = [
        NEEDS_HEADERS,
        needs_row(
            联系电话=13812345678, 房号=1203, 单元=2.0, 楼栋=10, 登记日期=datetime(2026, 5, 1)
        ),
        needs_row(标题=12345, 房号="0801", 登记日期="2026/5/2", 办结期限=46150),
        needs_row(登记日期=" 2026年5月3日 ", 办结期限=20260601),
    ]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "n.xlsx", rows))
    assert report.errors == []
    first, second, third = (get_need(db, i) for i in (1, 2, 3))
    assert (first.phone, first.room, first.unit, first.building) == (
        "13812345678",
        "1203",
        "2",
        "10",
    )
    assert (second.title, second.room) == ("12345", "0801")
    assert second.registered_on == date(2026, 5, 2)
    assert second.due_on == date(2026, 5, 8)  # an Excel date serial that lost its format
    assert (third.registered_on, third.due_on) == (date(2026, 5, 3), date(2026, 6, 1))


def with_control_characters(path: Path, placeholder: str = "VTAB") -> Path:
    """Excel writes a control character pasted into a cell as _x000B_ (XML cannot hold it)."""
    patched = path.with_name("patched.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item).replace(placeholder.encode(), b"_x000B_"))
    return patched


def test_blank_rows_spaces_in_headers_and_columns_in_any_order(
    db: Database, tmp_path: Path
) -> None:
    rows = [
        ["  登记日期 ", "类别", "标题\u3000", None],
        ["2026-05-01", "设施维修", "一"],
        [None, "  ", None],
        [],
        ["2026-05-02", "其他", "二VTAB"],
    ]
    path = with_control_characters(write_sheet(tmp_path / "n.xlsx", rows))
    report = import_ledger(db, "needs", path)
    assert (report.errors, report.rows, report.created) == ([], 2, 2)
    assert get_need(db, 2).title == "二"
    assert get_need(db, 2).source is NeedSource.OTHER  # columns left out take the defaults


def test_a_corrected_report_can_be_imported(db: Database, tmp_path: Path) -> None:
    rows = [[ERROR_HEADER, *NEEDS_HEADERS], ["类别：…", *needs_row()]]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "n.xlsx", rows))
    assert (report.errors, report.created) == ([], 1)


# -- bad input: a Chinese message naming sheet, row and column; nothing written ------------
BAD_NEEDS = [
    ("unknown header", {(1, "描述"): "备注"}, 1, "备注", "不认识这个表头"),
    ("bad date", {(3, "登记日期"): "2026-13-01"}, 3, "登记日期", "不是有效的日期"),
    ("impossible day", {(3, "办结期限"): "2026-02-30"}, 3, "办结期限", "不是有效的日期"),
    ("unknown choice", {(2, "紧急程度"): "很急"}, 2, "紧急程度", "应为：一般、较急、紧急"),
    ("unknown category", {(4, "类别"): "宠物"}, 4, "类别", "不是软件中的需求类别"),
    ("too long", {(2, "标题"): "长" * 101}, 2, "标题", "最多 100 字"),
    ("required empty", {(3, "标题"): "  "}, 3, "标题", "必填"),
    ("status flow", {(3, "状态"): "待受理"}, 3, "状态", "不能从“已解决”改为“待受理”"),
    ("bad id", {(2, "编号"): "abc"}, 2, "编号", "编号“abc”无法识别"),
    ("due before registered", {(2, "办结期限"): "2020-01-01"}, 2, "办结期限", "早于登记日期"),
    ("unknown satisfaction", {(2, "满意度"): "很好"}, 2, "满意度", "满意、基本满意、不满意"),
]


@pytest.mark.parametrize(
    ("changes", "row", "column", "fragment"),
    [case[1:] for case in BAD_NEEDS],
    ids=[case[0] for case in BAD_NEEDS],
)
def test_bad_needs_input_is_named_and_writes_nothing(
    db: Database,
    filled: dict,
    tmp_path: Path,
    changes: dict,
    row: int,
    column: str,
    fragment: str,
) -> None:
    path = tmp_path / "needs.xlsx"
    export_ledger(db, "needs", path)
    # Rows 2–4: 堆物 (处理中), 电梯 (已解决), =SUM (已转办). A good new row is added too.
    edit(
        path,
        {
            (5, "标题"): "新的需求",
            (5, "类别"): "其他",
            (5, "登记日期"): "2026-05-01",
            (2, "标题"): "改了标题",
            **changes,
        },
    )
    before = snapshot(db)
    report = import_ledger(db, "needs", path)
    assert not report.ok
    assert RowError("需求清单", row, column, report.errors[0].message) in report.errors
    error = next(e for e in report.errors if (e.row, e.column) == (row, column))
    assert fragment in error.message
    assert str(error).startswith(f"“需求清单”第 {row} 行“{column}”列：")
    assert (report.created, report.updated) == (0, 0)
    assert snapshot(db) == before


def test_missing_required_column_and_duplicate_header(db: Database, tmp_path: Path) -> None:
    rows = [["标题", "登记日期", "标题", "满意度"], ["一", "2026-05-01", "一", None]]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "n.xlsx", rows))
    assert {(e.row, e.column) for e in report.errors} == {(1, "类别"), (1, "标题")}
    assert any("缺少必填的“类别”列" in e.message for e in report.errors)
    assert any("不止一次" in e.message for e in report.errors)


def test_a_title_row_above_the_headers_is_named(db: Database, tmp_path: Path) -> None:
    rows = [["幸福小区需求清单台账（2026年）"], [], NEEDS_HEADERS, needs_row()]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "n.xlsx", rows))
    assert [(e.row, e.column) for e in report.errors] == [(1, "")]
    assert "表头应在第 1 行，但它在第 3 行" in report.errors[0].message


def test_duplicate_ids_data_without_header_and_another_kind(db: Database, tmp_path: Path) -> None:
    uuid = "8d5f3c1a-1111-4222-8333-444455556666"
    rows = [NEEDS_HEADERS, needs_row(编号=uuid), needs_row(编号=uuid), [*needs_row(), "多出来的"]]
    report = import_ledger(db, "needs", write_sheet(tmp_path / "n.xlsx", rows))
    beyond = get_column_letter(len(NEEDS_HEADERS) + 1)  # the cell after the last header
    assert [(e.row, e.column) for e in report.errors] == [(4, beyond), (3, "编号")]
    assert "第 2 行" in report.errors[1].message
    wrong = import_ledger(db, "resources", tmp_path / "n.xlsx")
    assert [str(e) for e in wrong.errors] == [
        "“需求清单”第 1 行：这是一份需求清单，不是资源清单。请改为导入需求清单，或换文件。"
    ]


BAD_PROJECTS = [
    ("bad money", {(2, "预算（元）"): "三千"}, 2, "预算（元）", "不是金额"),
    ("negative money", {(2, "已支出（元）"): -5}, 2, "已支出（元）", "不能为负数"),
    (
        "unknown need",
        {(2, "关联需求编号"): "8d5f3c1a-1111-4222-8333-444455556666"},
        2,
        "关联需求编号",
        "找不到编号为 8d5f3c1a-1111-4222-8333-444455556666 的需求",
    ),
    ("stage back", {(2, "阶段"): "实施中"}, 2, "阶段", "不能从“已完成”改为“实施中”"),
    ("rating", {(2, "平均评分"): 6}, 2, "平均评分", "1 到 5 之间"),
    ("count", {(2, "评价人数"): "很多"}, 2, "评价人数", "不是整数"),
    ("stop reason", {(3, "终止原因"): None}, 3, "终止原因", "须填写终止原因"),
]


@pytest.mark.parametrize(
    ("changes", "row", "column", "fragment"),
    [case[1:] for case in BAD_PROJECTS],
    ids=[case[0] for case in BAD_PROJECTS],
)
def test_bad_projects_input_is_named_and_writes_nothing(
    db: Database,
    filled: dict,
    tmp_path: Path,
    changes: dict,
    row: int,
    column: str,
    fragment: str,
) -> None:
    path = tmp_path / "projects.xlsx"
    export_ledger(db, "projects", path)
    edit(
        path,
        {
            (4, "标题"): "新项目",
            (4, "类型"): "其他",
            (4, "阶段"): "立项",
            (4, "立项日期"): date(2026, 5, 1),
            **changes,
        },
    )
    before = snapshot(db)
    report = import_ledger(db, "projects", path)
    errors = [(e.sheet, e.row, e.column) for e in report.errors]
    assert errors == [("项目清单", row, column)], report.errors
    assert fragment in report.errors[0].message
    assert snapshot(db) == before


def test_bad_resource_row_is_named(db: Database, tmp_path: Path) -> None:
    rows = [
        ["名称", "类别", "登记日期", "有效期至"],
        ["活动室", "场所", "2026-01-01", "2025-01-01"],
    ]
    report = import_ledger(db, "resources", write_sheet(tmp_path / "r.xlsx", rows, "资源清单"))
    assert [(e.row, e.column) for e in report.errors] == [(2, "类别")]
    rows[1][1] = "场地"
    report = import_ledger(db, "resources", write_sheet(tmp_path / "r.xlsx", rows, "资源清单"))
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (2, "有效期至", "有效期至早于登记日期，请核对。")
    ]
    assert get_resource_count(db) == 0


def get_resource_count(db: Database) -> int:
    with db.engine.connect() as con:
        return con.execute(text("SELECT count(*) FROM resource")).scalar_one()


def test_a_trashed_record_named_by_its_id_is_refused(
    db: Database, filled: dict, tmp_path: Path
) -> None:
    from desktop.services.resources import delete_resources

    path = tmp_path / "r.xlsx"
    export_ledger(db, "resources", path)
    delete_resources(db, filled["resources"][:1])
    report = import_ledger(db, "resources", path)
    assert [(e.row, e.column) for e in report.errors] == [(2, "编号")]
    assert "回收站" in report.errors[0].message
    with pytest.raises(Exception, match="resource"):
        get_resource(db, filled["resources"][0])


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"PK\x03\x04garbage"])
def test_a_file_that_is_not_a_workbook(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(content)
    with pytest.raises(LedgerFileError, match="不是 Excel 工作簿") as caught:
        import_ledger(db, "needs", path)
    assert "ledger.xlsx" in str(caught.value)


def test_a_damaged_sheet_inside_a_real_workbook(db: Database, tmp_path: Path) -> None:
    good = write_sheet(tmp_path / "good.xlsx", [NEEDS_HEADERS, needs_row()])
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut in the middle of the rows
            target.writestr(item, data)
    with pytest.raises(LedgerFileError, match="已损坏"):
        import_ledger(db, "needs", bad)
    assert get_resource_count(db) == 0


def test_probe_names_the_sheet_and_its_rows(db: Database, filled: dict, tmp_path: Path) -> None:
    path = tmp_path / "needs.xlsx"
    export_ledger(db, "needs", path)
    assert probe_ledger(path, "needs") == ("需求清单", 3)
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(LedgerFileError):
        probe_ledger(tmp_path / "x.xlsx", "needs")


def test_a_missing_file(db: Database, tmp_path: Path) -> None:
    with pytest.raises(LedgerFileError, match="找不到文件"):
        import_ledger(db, "needs", tmp_path / "none.xlsx")


# -- dry run, progress, cancel, report -----------------------------------------------------
def test_dry_run_reports_and_writes_nothing(db: Database, filled: dict, tmp_path: Path) -> None:
    path = tmp_path / "needs.xlsx"
    export_ledger(db, "needs", path)
    edit(
        path,
        {
            (2, "标题"): "改了",
            (5, "标题"): "新的",
            (5, "类别"): "其他",
            (5, "登记日期"): "2026-05-01",
        },
    )
    before = snapshot(db)
    report = import_ledger(db, "needs", path, dry_run=True)
    assert (report.created, report.updated, report.unchanged, report.errors) == (1, 1, 2, [])
    assert "未写入" in report.summary()
    assert snapshot(db) == before


def test_import_progress_and_cancel(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger, "CHUNK", 2)
    path = write_sheet(tmp_path / "n.xlsx", [NEEDS_HEADERS] + [needs_row()] * 5)
    seen: list[tuple[int, int]] = []
    report = import_ledger(db, "needs", path, progress=lambda d, t: seen.append((d, t)))
    assert report.created == 5
    assert seen == [(2, 5), (4, 5), (5, 5)]
    with pytest.raises(LedgerCancelled):
        import_ledger(db, "needs", path, cancelled=lambda: True)
    assert len(snapshot(db)["need"]) == 5


def test_report_workbook_marks_each_bad_row(db: Database, tmp_path: Path) -> None:
    rows = [
        NEEDS_HEADERS,
        needs_row(),
        [],
        needs_row(登记日期="昨天", 紧急程度="很急"),
        needs_row(),
    ]
    path = write_sheet(tmp_path / "n.xlsx", rows)
    report = import_ledger(db, "needs", path)
    out = tmp_path / "report.xlsx"
    save_report(report, path, out)
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["需求清单", ERROR_SHEET]
    result = [list(r) for r in workbook["需求清单"].iter_rows(values_only=True)]
    assert result[0] == [ERROR_HEADER, *NEEDS_HEADERS]
    assert result[1][0] is None and result[1][1:4] == [None, "路灯不亮", None]
    assert "登记日期" in result[3][0] and "紧急程度" in result[3][0]  # row 4, as in the source
    assert result[3][1:] == rows[3]
    listed = list(workbook[ERROR_SHEET].iter_rows(values_only=True))
    assert listed[0] == ("工作表", "行", "列", "说明")
    assert sorted(r[:3] for r in listed[1:3]) == sorted(
        [("需求清单", 4, "紧急程度"), ("需求清单", 4, "登记日期")]
    )
    assert report.summary() in listed[-1]
