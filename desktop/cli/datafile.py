"""`shuren demo` and `shuren check`: make a demo data file, check one."""

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import UsageError, add_data_dir, require_data_file, say


def add_arguments(sub: Any) -> None:
    demo = sub.add_parser("demo", help="生成演示小区数据")
    add_data_dir(demo, required=True)
    demo.add_argument(
        "--scale",
        type=int,
        default=None,
        help="每张清单的条数：人员、需求、资源、项目各 N 条（1–100000）",
    )
    demo.add_argument("--seed", type=int, default=1)

    check = sub.add_parser("check", help="检查数据文件的版本与完整性")
    add_data_dir(check)


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
    from desktop.store.schema import HEAD, SchemaState, connect_readonly, schema_state

    path = require_data_file(data_dir)
    # A damaged file raises sqlite3.DatabaseError: main() says so (exit 1).
    state, revision = schema_state(path)
    if state is SchemaState.NEWER:
        say(f"数据文件版本 {revision} 比本软件新（本软件支持到 {HEAD}），请先升级软件。")
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
        say(f"数据文件已损坏：{detail}。请从 backups 文件夹中的备份恢复。")
        return 1
    note = "" if state is SchemaState.CURRENT else "（版本较旧，下次打开软件时会先备份再自动升级）"
    print(f"数据文件完好：版本 {revision}{note}。")
    return 0
