"""`shuren ledger export|import`: the three lists as Excel ledgers (台账)."""

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import ChineseArgumentParser, UsageError, add_data_dir, open_data_file, say
from desktop.store.datadir import db_path

LEDGER_KINDS = ("needs", "resources", "projects")
MAX_ERRORS_SHOWN = 20


def add_arguments(sub: Any) -> None:
    ledger = sub.add_parser("ledger", help="台账：导出、导入 Excel")
    ledger_sub = ledger.add_subparsers(
        dest="action", required=True, parser_class=ChineseArgumentParser
    )
    export = ledger_sub.add_parser("export", help="把清单导出为 Excel 台账")
    add_data_dir(export)
    export.add_argument("--list", dest="kind", choices=LEDGER_KINDS, required=True)
    export.add_argument("--out", type=Path, required=True)
    importer = ledger_sub.add_parser("import", help="从 Excel 台账导入清单")
    importer.add_argument("file", type=Path)
    add_data_dir(importer)
    importer.add_argument("--list", dest="kind", choices=LEDGER_KINDS, required=True)
    importer.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    importer.add_argument("--report", type=Path, help="把导入结果另存为 Excel")


def cmd_ledger(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services import ledger

    try:
        if args.action == "export":
            return _ledger_export(args, data_dir)
        return _ledger_import(args, data_dir)
    except ledger.LedgerFileError as exc:
        raise UsageError(str(exc)) from None


def _ledger_export(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.domain.ledger import LEDGERS, LedgerKind
    from desktop.services import ledger

    kind = LedgerKind(args.kind)
    with open_data_file(data_dir) as db:
        rows = ledger.export_ledger(db, kind, args.out)
    print(f"已导出{LEDGERS[kind].title} {rows} 条：{args.out}")
    return 0


def _ledger_import(args: argparse.Namespace, data_dir: Path) -> int:
    """Exit 0 when imported (or, with --dry-run, importable); 1 when rows are bad."""
    import tempfile

    from desktop.domain.ledger import LedgerKind
    from desktop.services import ledger

    if not args.file.is_file():
        raise UsageError(f"找不到文件“{args.file}”。")
    kind = LedgerKind(args.kind)
    ledger.probe_ledger(args.file, kind)  # not a workbook: say so before creating a database
    with tempfile.TemporaryDirectory(prefix="shuren-dry-run-") as scratch:
        # A dry run into a data dir with no database checks against a new one elsewhere,
        # so that it creates nothing where it was pointed.
        target = Path(scratch) if args.dry_run and not db_path(data_dir).exists() else data_dir
        with open_data_file(target, create=True) as db:
            report = ledger.import_ledger(db, kind, args.file, dry_run=args.dry_run)
    if args.report is not None:
        ledger.save_report(report, args.file, args.report)
    if report.ok:
        print(report.summary())
        return 0
    say(report.summary())
    for error in report.errors[:MAX_ERRORS_SHOWN]:
        say(str(error))
    if len(report.errors) > MAX_ERRORS_SHOWN:
        say(f"……另有 {len(report.errors) - MAX_ERRORS_SHOWN} 处错误未列出。")
    if args.report is not None:
        say(f"每一行的错误已写入 {args.report}。")
    return 1
