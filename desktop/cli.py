"""Headless subcommands (ARCHITECTURE.md, "Command line"). Messages are Chinese, one line.

Exit codes: 0 success; 1 the command ran and found a problem; 2 bad usage or bad input.
"""

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.store.datadir import DataDirError, db_path, default_data_dir, ensure_writable
from desktop.store.schema import HEAD, DatabaseTooNewError, SchemaState, connect_readonly

COMMANDS = ("demo", "check", "list")
LIST_KINDS = ("people",)


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
    demo.add_argument("--scale", type=int, default=None, help="名册人数（1–100000）")
    demo.add_argument("--seed", type=int, default=1)

    check = sub.add_parser("check", help="检查数据文件的版本与完整性")
    check.add_argument("--data-dir", type=Path)

    lister = sub.add_parser("list", help="列出记录")
    lister.add_argument("kind", choices=LIST_KINDS)
    lister.add_argument("--data-dir", type=Path)
    lister.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str]) -> int:
    try:
        args = build_parser().parse_args(list(argv))
        data_dir = ensure_writable(args.data_dir or default_data_dir())
        handler = {"demo": cmd_demo, "check": cmd_check, "list": cmd_list}[args.command]
        return handler(args, data_dir)
    except UsageError as exc:
        _say(str(exc))
        return 2
    except DataDirError as exc:
        _say(f"无法使用数据目录 {exc.path}（{exc.reason}），请换一个可以写入的文件夹。")
        return 2
    except DatabaseTooNewError as exc:
        _say(f"数据文件由更新版本的熟人小区写入（版本 {exc.revision}），请先升级本软件。")
        return 1
    except Exception as exc:
        # A damaged file: sqlite3's own error, or the same wrapped by SQLAlchemy (in .orig).
        cause = getattr(exc, "orig", exc)
        if type(cause) is not sqlite3.DatabaseError:
            raise
        _say(f"数据文件已损坏，无法读取（{cause}）。请从 backups 文件夹中的备份恢复。")
        return 1


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services.demo import DEFAULT_SCALE, MAX_SCALE, DemoExistsError, make_demo
    from desktop.store.database import open_database

    scale = DEFAULT_SCALE if args.scale is None else args.scale
    if not 1 <= scale <= MAX_SCALE:
        raise UsageError(f"--scale 应在 1 到 {MAX_SCALE} 之间。")
    db = open_database(data_dir)
    try:
        make_demo(db, scale=scale, seed=args.seed)
    except DemoExistsError:
        raise UsageError(f"数据目录 {data_dir} 中已有记录，演示数据只写入空目录。") from None
    finally:
        db.close()
    print(f"已生成演示小区：{scale} 人，数据目录 {data_dir}")
    return 0


def cmd_check(_args: argparse.Namespace, data_dir: Path) -> int:
    """Read-only: never migrates or repairs, so it can be run on any copy."""
    from desktop.store.schema import schema_state

    path = db_path(data_dir)
    if not path.exists():
        raise UsageError(f"数据目录 {data_dir} 中没有数据文件。")
    try:
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
    except sqlite3.DatabaseError as exc:
        _say(f"数据文件已损坏，无法读取（{exc}）。请从 backups 文件夹中的备份恢复。")
        return 1
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
    from desktop.services.neighborhood import list_buildings
    from desktop.services.people import all_people
    from desktop.store.database import open_database

    if not db_path(data_dir).exists():
        raise UsageError(f"数据目录 {data_dir} 中没有数据文件。")
    db = open_database(data_dir)
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
