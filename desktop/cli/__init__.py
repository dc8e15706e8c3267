"""Headless subcommands (ARCHITECTURE.md, "Command line"). Messages are Chinese, one line.

Exit codes: 0 success; 1 the command ran and found a problem; 2 bad usage or bad input.
"""

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from desktop.cli_sync import Refused as CommandRefused
from desktop.store.datadir import (
    DataDirError,
    db_path,
    default_data_dir,
    ensure_writable,
    private_new_files,
)
from desktop.store.errors import (
    EXIT_CODES,
    StorageProblem,
    os_reason,
    root_error,
    storage_problem,
)
from desktop.store.schema import (
    HEAD,
    DatabaseTooNewError,
    DatabaseTooOldError,
    SchemaState,
    connect_readonly,
)

T = TypeVar("T")

COMMANDS = ("demo", "check", "list", "ledger", "print", "sync", "restore", "indicators")
LEDGER_KINDS = ("needs", "resources", "projects")
LIST_KINDS = ("people", *LEDGER_KINDS, "visits", "meetings", "compacts", "partners")
MAX_ERRORS_SHOWN = 20


class UsageError(Exception):
    """Bad usage or bad input: exit 2 with this one-line message."""


class ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"命令行参数有误（{message}），请运行 shuren --help 查看用法。")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="shuren", description="熟人小区命令行工具")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ChineseArgumentParser)

    demo = sub.add_parser("demo", help="生成演示小区数据")
    demo.add_argument("--data-dir", type=Path, required=True)
    demo.add_argument(
        "--scale",
        type=int,
        default=None,
        help="每张清单的条数：人员、需求、资源、项目各 N 条（1–100000）",
    )
    demo.add_argument("--seed", type=int, default=1)

    check = sub.add_parser("check", help="检查数据文件的版本与完整性")
    check.add_argument("--data-dir", type=Path)

    lister = sub.add_parser("list", help="列出记录")
    lister.add_argument("kind", choices=LIST_KINDS)
    lister.add_argument("--data-dir", type=Path)
    lister.add_argument("--json", action="store_true")

    ledger = sub.add_parser("ledger", help="台账：导出、导入 Excel")
    ledger_sub = ledger.add_subparsers(
        dest="action", required=True, parser_class=ChineseArgumentParser
    )
    export = ledger_sub.add_parser("export", help="把清单导出为 Excel 台账")
    export.add_argument("--data-dir", type=Path)
    export.add_argument("--list", dest="kind", choices=LEDGER_KINDS, required=True)
    export.add_argument("--out", type=Path, required=True)
    importer = ledger_sub.add_parser("import", help="从 Excel 台账导入清单")
    importer.add_argument("file", type=Path)
    importer.add_argument("--data-dir", type=Path)
    importer.add_argument("--list", dest="kind", choices=LEDGER_KINDS, required=True)
    importer.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    importer.add_argument("--report", type=Path, help="把导入结果另存为 Excel")

    printer = sub.add_parser(
        "print", help="打印：会议纪要、签到表、公约、住户签署表、评价表（PDF）"
    )
    documents = printer.add_subparsers(
        dest="document", required=True, parser_class=ChineseArgumentParser
    )
    minutes = documents.add_parser("minutes", help="会议纪要（存档版，或 --public 公示版）")
    signin = documents.add_parser("signin", help="会议签到表")
    for doc in (minutes, signin):
        doc.add_argument("--data-dir", type=Path)
        doc.add_argument("--meeting", type=int, required=True, help="会议编号")
        doc.add_argument("--out", type=Path, required=True, help="PDF 文件")
    minutes.add_argument("--public", action="store_true", help="公示版：隐去居民姓名、电话和门牌号")
    compact = documents.add_parser("compact", help="邻里公约（A4 或 A3 张贴版）")
    signing = documents.add_parser("signing-sheet", help="公约住户签署表")
    for doc in (compact, signing):
        doc.add_argument("--data-dir", type=Path)
        doc.add_argument("--compact", type=int, required=True, help="公约编号")
        doc.add_argument("--out", type=Path, required=True, help="PDF 文件")
        doc.add_argument("--version", type=int, help="版本号（默认：现行版本，没有则为草案）")
    compact.add_argument("--paper", choices=("A4", "A3"), default="A4", help="纸张")
    evaluation = documents.add_parser("evaluation", help="对物业、业委会的评价表")
    evaluation.add_argument("--data-dir", type=Path)
    evaluation.add_argument("--evaluation", type=int, required=True, help="评价编号")
    evaluation.add_argument("--out", type=Path, required=True, help="PDF 文件")

    from desktop.cli_sync import add_arguments as add_sync_arguments

    add_sync_arguments(sub)

    indicators = sub.add_parser("indicators", help="统计指标：议事会、解决问题、共建、物业矛盾等")
    indicators.add_argument("--data-dir", type=Path)
    indicators.add_argument("--period", help="统计期：季度如 2026Q3，或年份如 2026（默认：本季度）")
    indicators.add_argument("--baseline", help="物业矛盾的比较基期（默认：上一期）")
    indicators.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str]) -> int:
    private_new_files()
    # The one line on stderr is the whole report: no warnings of the layers below there.
    logging.getLogger().addHandler(logging.NullHandler())
    data_dir: Path | None = None
    try:
        args = build_parser().parse_args(list(argv))
        data_dir = args.data_dir or default_data_dir()
        if _writes(args):
            ensure_writable(data_dir)
        handlers = {"demo": cmd_demo, "check": cmd_check, "list": cmd_list, "ledger": cmd_ledger,
                    "print": cmd_print, "sync": cmd_sync, "restore": cmd_restore,
                    "indicators": cmd_indicators}  # fmt: skip
        code = handlers[args.command](args, data_dir)
        sys.stdout.flush()  # a reader gone early (`| head`) shows here at the latest
        return code
    except BrokenPipeError:
        return _stdout_closed()
    except CommandRefused as exc:
        _say(exc.message)
        return exc.code
    except UsageError as exc:
        _say(str(exc))
        return 2
    except DataDirError as exc:
        full = exc.error is not None and storage_problem(exc.error) is StorageProblem.FULL
        advice = "请腾出磁盘空间后再试" if full else "请换一个可以写入的文件夹"
        _say(f"无法使用数据目录 {exc.path}（{exc.reason}），{advice}。")
        return 2
    except DatabaseTooNewError as exc:
        _say(f"数据文件由更新版本的熟人小区写入（版本 {exc.revision}），请先升级本软件。")
        return 1
    except DatabaseTooOldError as exc:
        _say(
            f"数据文件是旧版本（版本 {exc.revision or '无'}），要先升级才能读取，但数据目录 "
            f"{data_dir} 无法写入。请把它复制到可以写入的文件夹后再试。"
        )
        return 2
    except Exception as exc:
        # The disk or the data file (full, read-only, I/O error, damaged), whether raised by
        # sqlite3, by SQLAlchemy around it or by the file system: one line, never a traceback
        # (SQLAlchemy's would show the statement's parameters: residents' data).
        problem = storage_problem(exc)
        if problem is None:
            raise
        _say(storage_message(problem, exc, data_dir))
        return EXIT_CODES[problem]


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command writes into the data dir. The others also run on a read-only copy
    or a full disk (see _open_for_reading)."""
    if args.command == "ledger":
        return args.action == "import"
    return args.command in ("demo", "sync", "restore")


def storage_message(problem: StorageProblem, error: BaseException, data_dir: Path | None) -> str:
    """One Chinese line for a disk or data-file error: what happened and what to do."""
    cause = root_error(error)
    if isinstance(cause, OSError) and cause.filename:
        where = f"“{cause.filename}”"
    else:
        where = f"数据目录 {data_dir}" if data_dir else "数据目录"
    safe = "已保存的记录不受影响"
    if problem is StorageProblem.FULL:
        return f"磁盘已满，操作没有完成（{where}）。{safe}，请腾出磁盘空间后再试。"
    if problem is StorageProblem.IO:
        return f"读写{where}时磁盘出错，操作没有完成。{safe}，请检查磁盘或 U 盘是否连接正常后再试。"
    if problem is StorageProblem.NO_ACCESS:
        reason = os_reason(cause) if isinstance(cause, OSError) else "只读或没有权限"
        return (
            f"无法读写{where}（{reason}）。请检查它是否只读、有没有权限，或换一个可以写入的文件夹。"
        )
    if problem is StorageProblem.BUSY:
        return f"数据文件正被另一个程序使用（{where}），请关闭正在使用它的熟人小区后再试。"
    if problem is StorageProblem.DAMAGED:
        return f"数据文件已损坏，无法读取（{cause}）。请从 backups 文件夹中的备份恢复。"
    return f"读写数据文件时出错（{cause}），操作没有完成。{safe}。"


def _stdout_closed() -> int:
    """The reader of stdout went away (`shuren list … | head`). As Python's documentation
    advises: point stdout at devnull, so that the flush at exit has nothing to complain
    about, and end quietly with 1."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _open_for_reading(data_dir: Path):
    """The database, for a command that only reads it: opened as usual in a writable data dir
    (an older file is upgraded first), read-only where nothing can be written (a read-only
    copy, a full disk), so that listing and printing still work there."""
    from desktop.store.database import open_database, open_database_readonly

    if not db_path(data_dir).exists():
        raise UsageError(f"数据目录 {data_dir} 中没有数据文件。")
    try:
        ensure_writable(data_dir)
    except DataDirError:
        return open_database_readonly(data_dir)
    return open_database(data_dir)


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services.demo import DEFAULT_SCALE, MAX_SCALE, DemoExistsError, create_demo

    scale = DEFAULT_SCALE if args.scale is None else args.scale
    if not 1 <= scale <= MAX_SCALE:
        raise UsageError(f"--scale 应在 1 到 {MAX_SCALE} 之间。")
    try:
        create_demo(data_dir, scale=scale, seed=args.seed)
    except DemoExistsError:
        raise UsageError(f"数据目录 {data_dir} 中已有记录，演示数据只写入空目录。") from None
    print(f"已生成演示小区：人员、需求、资源、项目各 {scale} 条，数据目录 {data_dir}")
    return 0


def cmd_check(_args: argparse.Namespace, data_dir: Path) -> int:
    """Read-only: never migrates or repairs, so it can be run on any copy."""
    from desktop.store.schema import schema_state

    path = db_path(data_dir)
    if not path.exists():
        raise UsageError(f"数据目录 {data_dir} 中没有数据文件。")
    # A damaged file raises sqlite3.DatabaseError: main() says so (exit 1).
    state, revision = schema_state(path)
    if state is SchemaState.NEWER:
        _say(f"数据文件版本 {revision} 比本软件新（本软件支持到 {HEAD}），请先升级软件。")
        return 1
    con = connect_readonly(path)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
        fk_problems = con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()
    if problems != ["ok"] or fk_problems:
        # SQLite's report can span lines ("*** in database main ***\n..."): keep one line.
        detail = (
            "；".join(" ".join(str(p).split()) for p in problems[:3])
            if problems != ["ok"]
            else f"{len(fk_problems)} 处关联错误"
        )
        _say(f"数据文件已损坏：{detail}。请从 backups 文件夹中的备份恢复。")
        return 1
    note = "" if state is SchemaState.CURRENT else "（版本较旧，下次打开软件时会先备份再自动升级）"
    print(f"数据文件完好：版本 {revision}{note}。")
    return 0


def cmd_list(args: argparse.Namespace, data_dir: Path) -> int:
    if args.kind in LEDGER_KINDS:
        return _list_records(args, data_dir)
    if args.kind in ("visits", "meetings"):
        return _list_visits_or_meetings(args, data_dir)
    if args.kind == "compacts":
        return _list_compacts(args, data_dir)
    if args.kind == "partners":
        from desktop.cli_partners import list_partners

        return list_partners(_open_for_reading(data_dir), as_json=args.json)
    from desktop.services.neighborhood import list_buildings
    from desktop.services.people import all_people

    db = _open_for_reading(data_dir)
    try:
        buildings = {b.id: b.name for b in list_buildings(db)}
        people = all_people(db)
    finally:
        db.close()
    if args.json:
        items = [
            {
                "id": p.id,
                "uuid": p.uuid,
                "name": p.name,
                "phone": p.phone,
                "building": buildings.get(p.address.building_id, ""),
                "unit": p.address.unit,
                "room": p.address.room,
                "party_member": p.is_party_member,
                "roles": sorted(r.value for r in p.roles),
                "skills": p.skills,
                "talent_rights": sorted(r.value for r in p.talent_rights),
                "note": p.note,
            }
            for p in people
        ]
        json.dump(
            {"kind": "people", "count": len(items), "items": items},
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        sys.stdout.write("\n")
        return 0
    for p in people:
        building = buildings.get(p.address.building_id, "")
        unit = f"{p.address.unit}单元" if p.address.unit else ""
        print(f"{p.id}\t{p.name}\t{p.phone}\t{building}{unit}{p.address.room}")
    print(f"共 {len(people)} 人")
    return 0


def _json_value(value: object) -> object:
    from datetime import date
    from decimal import Decimal
    from enum import Enum

    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact: "1234.50", never a float
    return value


def _plain(value: object) -> object:
    """A domain object as JSON data: enums by value, dates ISO, money as exact strings."""
    from dataclasses import asdict, is_dataclass
    from datetime import datetime

    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return _json_value(value)


def _list_visits_or_meetings(args: argparse.Namespace, data_dir: Path) -> int:
    """Every live visit or meeting, whole (a meeting with its participants, topics, votes,
    consensus, action items and corrections)."""
    from desktop.domain.meetings import MeetingQuery
    from desktop.domain.visits import VisitQuery
    from desktop.services import meetings, visits

    db = _open_for_reading(data_dir)
    try:
        if args.kind == "visits":
            rows, get = (
                _all_rows(
                    lambda after: visits.list_visits(
                        db, VisitQuery(descending=False), after=after, limit=1000
                    )
                ),
                visits.get_visit,
            )
        else:
            rows, get = (
                _all_rows(
                    lambda after: meetings.list_meetings(
                        db, MeetingQuery(descending=False), after=after, limit=1000
                    )
                ),
                meetings.get_meeting,
            )
        records = [get(db, row.id) for row in rows]
    finally:
        db.close()
    if args.json:
        doc = {"kind": args.kind, "count": len(records), "items": _plain(records)}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in records:
        if args.kind == "visits":
            issue = r.issue.splitlines()[0] if r.issue else ""
            print(f"{r.id}\t{r.visited_on:%Y-%m-%d}\t{r.resident}\t{issue}")
        else:
            state = "已定稿" if r.is_final else "草稿"
            print(f"{r.id}\t{r.starts_at:%Y-%m-%d %H:%M}\t{r.title}\t{state}")
    print(f"共 {len(records)} 条")
    return 0


def _list_compacts(args: argparse.Namespace, data_dir: Path) -> int:
    """Every live compact with all its versions: text, adoption (or null for a draft)."""
    from desktop.services import compacts

    db = _open_for_reading(data_dir)
    try:
        records = [compacts.get_compact(db, row.id) for row in compacts.list_compacts(db)]
    finally:
        db.close()
    if args.json:
        items = [
            {
                "id": c.id,
                "uuid": c.uuid,
                "title": c.title,
                "state": c.state.value,
                "versions": [
                    {
                        "number": v.number,
                        "title": v.title,
                        "preamble": v.preamble,
                        "chapters": [
                            {"title": ch.title, "articles": list(ch.articles)} for ch in v.chapters
                        ],
                        "closing": v.closing,
                        "adoption": None
                        if v.adoption is None
                        else {
                            "meeting_id": v.adoption.meeting_id,
                            "adopted_on": v.adoption.adopted_on.isoformat(),
                            "votes": {
                                "for": v.adoption.votes_for,
                                "against": v.adoption.votes_against,
                                "abstain": v.adoption.votes_abstain,
                            },
                            "households": v.adoption.households,
                        },
                        "state": "draft" if v.is_draft else "adopted",
                    }
                    for v in c.versions
                ],
            }
            for c in records
        ]
        doc = {"kind": "compacts", "count": len(items), "items": items}
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    states = {"draft": "草案", "adopted": "已通过", "revising": "修订中"}
    for c in records:
        shown = c.current or c.draft
        number = shown.number if shown else 0
        print(f"{c.id}\t{c.title}\t{states[c.state.value]}\t第{number}版")
    print(f"共 {len(records)} 项")
    return 0


def _all_rows(page):
    rows, after = [], None
    while batch := page(after):
        rows += batch
        after = batch[-1]
    return rows


def _list_records(args: argparse.Namespace, data_dir: Path) -> int:
    """needs / resources / projects: every live record, with the fields of its ledger."""
    from desktop.domain.ledger import LedgerKind, label_of
    from desktop.services.ledger import iter_records

    kind = LedgerKind(args.kind)
    db = _open_for_reading(data_dir)
    try:
        with iter_records(db, kind) as records:
            items = list(records)
    finally:
        db.close()
    if args.json:
        json.dump(
            {
                "kind": kind.value,
                "count": len(items),
                "items": [{k: _json_value(v) for k, v in item.items()} for item in items],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=1,
        )
        sys.stdout.write("\n")
        return 0
    state = {LedgerKind.NEEDS: "status", LedgerKind.RESOURCES: "kind", LedgerKind.PROJECTS: "stage"}
    for item in items:
        shown = label_of(item[state[kind]])
        print(f"{item['id']}\t{item['title']}\t{shown}\t{item['registered_on']:%Y-%m-%d}")
    print(f"共 {len(items)} 条")
    return 0


def cmd_ledger(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services.ledger import LedgerFileError

    try:
        if args.action == "export":
            return _ledger_export(args, data_dir)
        return _ledger_import(args, data_dir)
    except LedgerFileError as exc:
        raise UsageError(str(exc)) from None


def _ledger_export(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.domain.ledger import LEDGERS, LedgerKind
    from desktop.services.ledger import export_ledger

    kind = LedgerKind(args.kind)
    db = _open_for_reading(data_dir)
    try:
        rows = export_ledger(db, kind, args.out)
    finally:
        db.close()
    print(f"已导出{LEDGERS[kind].title} {rows} 条：{args.out}")
    return 0


def _ledger_import(args: argparse.Namespace, data_dir: Path) -> int:
    """Exit 0 when imported (or, with --dry-run, importable); 1 when rows are bad."""
    import tempfile

    from desktop.domain.ledger import LedgerKind
    from desktop.services.ledger import import_ledger, probe_ledger, save_report
    from desktop.store.database import open_database

    if not args.file.is_file():
        raise UsageError(f"找不到文件“{args.file}”。")
    kind = LedgerKind(args.kind)
    probe_ledger(args.file, kind)  # not a workbook: say so before creating a database
    with tempfile.TemporaryDirectory(prefix="shuren-dry-run-") as scratch:
        # A dry run into a data dir with no database checks against a new one elsewhere,
        # so that it creates nothing where it was pointed.
        target = Path(scratch) if args.dry_run and not db_path(data_dir).exists() else data_dir
        db = open_database(target)
        try:
            report = import_ledger(db, kind, args.file, dry_run=args.dry_run)
        finally:
            db.close()
    if args.report is not None:
        save_report(report, args.file, args.report)
    if report.ok:
        print(report.summary())
        return 0
    _say(report.summary())
    for error in report.errors[:MAX_ERRORS_SHOWN]:
        _say(str(error))
    if len(report.errors) > MAX_ERRORS_SHOWN:
        _say(f"……另有 {len(report.errors) - MAX_ERRORS_SHOWN} 处错误未列出。")
    if args.report is not None:
        _say(f"每一行的错误已写入 {args.report}。")
    return 1


def cmd_print(args: argparse.Namespace, data_dir: Path) -> int:
    """Minutes or sign-in sheet as PDF; characters no font can print are warned about."""
    if args.document in ("compact", "signing-sheet"):
        return _print_compact(args, data_dir)
    if args.document == "evaluation":
        return _print_evaluation(args, data_dir)
    from desktop.documents import write_minutes, write_signin_sheet
    from desktop.services.meetings import get_meeting
    from desktop.services.neighborhood import get_neighborhood
    from desktop.services.people import roster_names

    def load(db):
        meeting = get_meeting(db, args.meeting)
        residents = roster_names(db, [a.owner for a in meeting.actions])
        return meeting, get_neighborhood(db).name, residents

    meeting, neighborhood, residents = _read(
        data_dir, load, f"找不到编号为 {args.meeting} 的会议（可能已删除）。"
    )
    if args.document == "minutes":
        what = "会议纪要（公示版）" if args.public else "会议纪要（存档版）"
        public = args.public

        def write() -> list:
            return write_minutes(
                meeting, neighborhood, args.out, public=public, residents=residents
            )

        return _write_pdf(args.out, what, write)
    return _write_pdf(
        args.out, "签到表", lambda: write_signin_sheet(meeting, neighborhood, args.out)
    )


def _print_evaluation(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.documents.evaluation import write_evaluation
    from desktop.services.evaluations import get_evaluation
    from desktop.services.neighborhood import get_neighborhood

    evaluation, neighborhood = _read(
        data_dir,
        lambda db: (get_evaluation(db, args.evaluation), get_neighborhood(db).name),
        f"找不到编号为 {args.evaluation} 的评价（可能已删除）。",
    )
    return _write_pdf(
        args.out, "评价表", lambda: write_evaluation(evaluation, neighborhood, args.out)
    )


def branch_name(neighborhood: str) -> str:
    """翠竹苑 → 翠竹苑小区党支部; 翠竹苑小区 → 翠竹苑小区党支部."""
    name = neighborhood.strip()
    return f"{name}党支部" if name.endswith("小区") else f"{name}小区党支部"


def _print_compact(args: argparse.Namespace, data_dir: Path) -> int:
    """The compact (A4 or A3) or its households' signing sheet as PDF."""
    from desktop.documents import write_compact, write_signing_sheet
    from desktop.services.compacts import get_compact, households
    from desktop.services.neighborhood import get_neighborhood

    signing = args.document == "signing-sheet"
    compact, branch, homes = _read(
        data_dir,
        lambda db: (
            get_compact(db, args.compact),
            branch_name(get_neighborhood(db).name),
            households(db) if signing else [],
        ),
        f"找不到编号为 {args.compact} 的公约（可能已删除）。",
    )
    if args.version is not None:
        version = next((v for v in compact.versions if v.number == args.version), None)
        if version is None:
            numbers = "、".join(str(v.number) for v in compact.versions) or "无"
            raise UsageError(
                f"公约 {args.compact} 没有第 {args.version} 版（现有版本：{numbers}）。"
            )
    else:
        version = compact.current or compact.draft
        if version is None:
            raise UsageError(f"公约 {args.compact} 还没有任何版本。")
    if signing:
        return _write_pdf(
            args.out,
            f"住户签署表（{len(homes)} 户）",
            lambda: write_signing_sheet(version, branch, homes, args.out),
        )
    return _write_pdf(
        args.out,
        f"公约（{args.paper}{'，草案' if version.is_draft else ''}）",
        lambda: write_compact(version, branch, args.out, paper=args.paper),
    )


def _read(data_dir: Path, load: Callable[[Any], T], missing: str) -> T:
    """What a document needs, read from the database; ``missing`` when a record is not there."""
    from desktop.domain.errors import NotFoundError

    db = _open_for_reading(data_dir)
    try:
        return load(db)
    except NotFoundError:
        raise UsageError(missing) from None
    finally:
        db.close()


def _write_pdf(out: Path, what: str, write: Callable[[], list]) -> int:
    """Write one PDF; a missing font or an unwritable place is said in one Chinese line."""
    from desktop.documents.fonts import FontMissingError

    try:
        unprintable = write()
    except FontMissingError as exc:
        _say(f"缺少打印用的字体文件（{exc}），请重新安装熟人小区。")
        return 1
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"无法写入 {out}（{reason}），请换一个可以写入的位置。") from None
    for item in unprintable:
        _say(f"注意：{item.message}，纸上该处为空白。")
    print(f"已生成{what}：{out}")
    return 0


def cmd_sync(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.cli_sync import cmd_sync as sync

    return sync(args, data_dir, _say)


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.cli_sync import cmd_restore as restore

    return restore(args, data_dir, _say)


def cmd_indicators(args: argparse.Namespace, data_dir: Path) -> int:
    """Read-only, like `check`: the file is never migrated or written."""
    from datetime import datetime

    from desktop.domain.dates import SHANGHAI
    from desktop.domain.indicators import current_period, parse_period
    from desktop.services.indicators import compute_indicators_file
    from desktop.store.schema import schema_state

    try:
        period = parse_period(args.period) if args.period else None
        baseline = parse_period(args.baseline) if args.baseline else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    period = period or current_period(datetime.now(SHANGHAI).date())
    path = db_path(data_dir)
    if not path.exists():
        raise UsageError(f"数据目录 {data_dir} 中没有数据文件。")
    state, revision = schema_state(path)
    if state is SchemaState.NEWER:
        raise DatabaseTooNewError(revision or "?")
    figures = compute_indicators_file(path, period, baseline)
    if figures.not_counted:
        _say(f"注意：数据文件版本较旧，以下指标记为 0：{'、'.join(figures.not_counted)}。")
    if args.json:
        json.dump(figures.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for line in indicator_lines(figures):
        print(line)
    return 0


def indicator_lines(figures) -> list[str]:
    """The figures as text: one line each, with its Chinese title."""
    from desktop.domain.dates import format_date
    from desktop.domain.indicators import DEFINITIONS, INDICATOR_KEYS, STATUS_TITLES
    from desktop.services.indicators import figure_text

    period, baseline = figures.period, figures.baseline
    lines = [
        f"统计期：{period.title}（{format_date(period.start)}至{format_date(period.end)}）"
        + (f"，基期：{baseline.title}" if baseline else "")
    ]
    for key in INDICATOR_KEYS:
        title, value = DEFINITIONS[key].title, figures.value(key)
        if key == "property_disputes_change_pct":
            shown = (
                f"{figure_text(figures, key)}（本期 {figures.property_disputes} 件，"
                f"基期 {figures.property_disputes_baseline} 件）"
            )
        elif isinstance(value, dict):
            names = STATUS_TITLES if key == "needs_by_status" else {}
            parts = "、".join(f"{names.get(k, k)} {n}" for k, n in value.items() if n)
            shown = f"共 {sum(value.values())} 条" + (f"：{parts}" if parts else "")
        else:
            shown = str(value)
        lines.append(f"{title}\t{shown}")
    return lines
