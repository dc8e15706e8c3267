"""`shuren audit [verify]`: the audit log (审计日志) listed, and its hash chain checked.

Both only read the log's own file (audit.sqlite3 in the data folder), so they also work on a
read-only copy of the folder."""

import argparse
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from desktop.cli.common import ChineseArgumentParser, UsageError, say, write_json
from desktop.domain.audit import AuditEvent


def add_arguments(sub: Any) -> None:
    audit = sub.add_parser("audit", help="审计日志：列出，或用 verify 检查是否被改动")
    _common(audit)
    audit.add_argument("--since", type=_day, help="起始日期 YYYY-MM-DD（北京时间）")
    audit.add_argument("--until", type=_day, help="截止日期 YYYY-MM-DD（含当天）")
    audit.add_argument("--event", choices=[e.value for e in AuditEvent], help="只列这一种事件")
    actions = audit.add_subparsers(dest="action", parser_class=ChineseArgumentParser)
    verify = actions.add_parser("verify", help="检查审计日志的哈希链是否完整")
    # SUPPRESS: an option given before "verify" is not reset by the subcommand's default.
    _common(verify, suppress=True)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD：{text}") from None


def _common(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    kwargs: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    parser.add_argument("--data-dir", type=Path, **kwargs)
    parser.add_argument("--json", action="store_true", **kwargs)


def cmd_audit(args: argparse.Namespace, data_dir: Path) -> int:
    if not data_dir.is_dir():
        raise UsageError(f"数据目录 {data_dir} 不存在。")
    if args.action == "verify":
        return _verify(args, data_dir)
    return _list(args, data_dir)


def _list(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.domain.dates import local_to_utc
    from desktop.services import audit

    since = local_to_utc(datetime.combine(args.since, time())) if args.since else None
    until = (
        local_to_utc(datetime.combine(args.until + timedelta(days=1), time()))
        if args.until
        else None
    )
    events = [AuditEvent(args.event)] if args.event else None
    found = audit.entries(data_dir, since=since, until=until, events=events)
    if args.json:
        items = [_json_item(entry) for entry in found]
        write_json({"kind": "audit", "count": len(found), "items": items})
        return 0
    for entry in found:
        print("  ".join(str(cell) for cell in audit.entry_cells(entry) if cell != ""))
    if not found:
        say("没有符合条件的审计日志。")
    return 0


def _json_item(entry: Any) -> dict[str, Any]:
    """An entry for a script: the stored codes, the time in UTC to the microsecond and in
    Beijing time, and the chain's hashes."""
    from desktop.services import audit

    return {
        "id": entry.id,
        "at_utc": entry.at.isoformat(timespec="microseconds"),
        "at": audit.local_time_text(entry),
        "os_user": entry.os_user,
        "event": str(entry.event),
        "event_text": audit.event_text(entry.event),
        "outcome": str(entry.outcome),
        "concerning": entry.concerning,
        "prev_hash": entry.prev_hash,
        "hash": entry.hash,
    }


def _verify(args: argparse.Namespace, data_dir: Path) -> int:
    from desktop.services import audit

    result = audit.verify(data_dir)
    if args.json:
        write_json(result)
    if result.ok:
        if not args.json:
            print(f"审计日志{audit.broken_text(result)}")
        return 0
    say(audit.broken_text(result))
    return 1
