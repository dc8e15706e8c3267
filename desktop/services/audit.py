"""The audit log (domain/audit.py): appending an entry, reading them, checking the chain, and
the workbook of them. The log is its own file in the data folder (store/audit_log.py).

``record`` is what the audited work calls: it never raises for the file (a read-only folder, a
full disk, a log written by a newer app) — the work it tells of is done already, or must go
on; the lost entry is a warning in the log file (event and outcome, no personal data).

Nothing deletes entries (the file's triggers refuse it): every entry is kept for the life of
the file, longer than the 180 days asked of it.
"""

import contextlib
import getpass
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from desktop.domain.audit import (
    GENESIS,
    AuditEntry,
    AuditEvent,
    Outcome,
    concerning,
    concerning_text,
    entry_hash,
)
from desktop.domain.dates import utc_to_local, utcnow
from desktop.domain.labels import word
from desktop.shared_files import share
from desktop.store import audit_log
from desktop.store.audit_log import AuditLogTooNew, audit_path
from desktop.store.errors import storage_detail

log = logging.getLogger(__name__)
T = TypeVar("T")

UNKNOWN_USER = "（未知用户）"  # shown when the system could not name its user
# What an entry concerned, in words (the keys of domain/audit.py's CONCERNING_KEYS).
KEY_WORDS = {
    "kind": "类别",
    "count": "数量",
    "bytes": "字节",
    "errors": "有误行数",
    "ids": "编号",
    "source": "来源",
    "version": "版本",
    "conflicts": "冲突",
    "reason": "原因",
    "mode": "方式",
}


def os_user() -> str:
    """The operating system's user name; "" when the system cannot tell."""
    try:
        return getpass.getuser()
    except Exception:  # no login name, no USER variable, no passwd entry
        return ""


def record(
    data_dir: Path, event: AuditEvent, outcome: Outcome | str = Outcome.OK, **values: object
) -> AuditEntry | None:
    """Append one entry to the audit log of ``data_dir``; ``values``: what it concerned —
    counts, record ids and short codes only (ConcerningError otherwise: a programming error).

    None, with a warning in the log file, when the entry cannot be written."""
    what = concerning(**values)
    outcome = Outcome(outcome)
    at, user, stored = utcnow(), os_user(), concerning_text(what)
    try:
        with closing(audit_log.connect(audit_path(data_dir))) as con:
            entry_id, prev, digest = audit_log.append(
                con, at, user, event.value, outcome.value, stored
            )
    except (sqlite3.Error, OSError, AuditLogTooNew) as exc:
        log.warning("audit entry %s/%s not written: %s", event, outcome, storage_detail(exc))
        return None
    return AuditEntry(entry_id, at, user, event, outcome, what, prev, digest)


def audited(
    data_dir: Path,
    event: AuditEvent,
    work: Callable[[], T],
    describe: Callable[[T], dict[str, Any]] = lambda _result: {},
    **values: object,
) -> T:
    """``work()``, with one entry for it: ``ok`` and ``describe(result)`` when it returns,
    ``failed`` and the exception's name as the reason when it raises (raised again)."""
    try:
        result = work()
    except BaseException as exc:
        record(data_dir, event, Outcome.FAILED, reason=reason_code(exc), **values)
        raise
    record(data_dir, event, Outcome.OK, **values, **describe(result))
    return result


# -- the street office: what the callers of desktop/sync note (never desktop/sync itself) -------

# How a divergence was settled (the 同步 page's choice, ``shuren sync --resolve``): its event and
# what every entry of it says.
RESOLUTIONS: dict[str, tuple[AuditEvent, dict[str, str]]] = {
    "server": (AuditEvent.RESTORE, {"source": "street"}),
    "local": (AuditEvent.SYNC, {"mode": "keep_local"}),
    "merge": (AuditEvent.MERGE, {}),
}


def sync_values(result: Any) -> dict[str, Any]:
    """What an upload, a restore or a merge concerned: the street office's version, the bytes
    sent, the records edited on both sides (a sync.client.SyncResult, resolve.Restored or
    resolve.Merged)."""
    upload = getattr(result, "upload", result)
    values = {
        "version": getattr(upload, "version", None),
        "bytes": getattr(upload, "sent_bytes", None),
    }
    report = getattr(result, "report", None)
    if report is not None:
        values["conflicts"] = len(report.conflicts)
    return values


def sync_noted(data_dir: Path, work: Callable[[], T]) -> T:
    """One upload attempt, noted ok (version, bytes) or failed (why, as a code)."""
    return audited(data_dir, AuditEvent.SYNC, work, sync_values)


def resolution_noted(data_dir: Path, choice: str, work: Callable[[], T]) -> T:
    """Settling a divergence (``RESOLUTIONS``), noted as the restore, upload or merge it is."""
    event, values = RESOLUTIONS[choice]
    return audited(data_dir, event, work, sync_values, **values)


def reason_code(exc: BaseException) -> str:
    """SyncBusy → sync_busy: a short code naming what went wrong, never its message."""
    name = type(exc).__name__
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


def entries(
    data_dir: Path,
    since: datetime | None = None,
    until: datetime | None = None,
    events: Iterable[AuditEvent | str] | None = None,
) -> list[AuditEntry]:
    """The entries in order, ``since`` ≤ at < ``until`` (naive UTC), of the given ``events``;
    none while the log has no file yet. Read-only: works on a read-only copy."""
    chosen = None if events is None else [AuditEvent(e).value for e in events]
    path = audit_path(data_dir)
    if not path.exists():
        return []
    with closing(audit_log.connect(path, readonly=True)) as con:
        return [_entry(row) for row in audit_log.rows(con, since, until, chosen)]


def _entry(row: tuple) -> AuditEntry:
    entry_id, at, user, event, outcome, stored, prev_hash, digest = row
    return AuditEntry(
        entry_id,
        datetime.fromisoformat(at),
        user,
        _known(AuditEvent, event),
        _known(Outcome, outcome),
        json.loads(stored),
        prev_hash,
        digest,
    )


def _known(enum: type[Enum], value: str) -> Any:
    """The enum member, or the stored text itself for a code a newer app wrote."""
    try:
        return enum(value)
    except ValueError:
        return value


@dataclass(frozen=True)
class VerifyResult:
    """``ok`` when every entry's hash and link hold; else ``broken``: the id of the first
    entry that does not match, and ``reason`` (changed | link | missing)."""

    ok: bool
    count: int
    broken: int | None = None
    reason: str = ""


def verify(data_dir: Path) -> VerifyResult:
    """Walk the chain from the first entry: each must follow the one before (ids without a
    gap, prev_hash its hash) and hash to what it says. Removing the last entries leaves no
    trace in the chain itself; every other change, insertion or removal is found."""
    expected_id, expected_prev, count = 1, GENESIS, 0
    path = audit_path(data_dir)
    if not path.exists():
        return VerifyResult(True, 0)
    with closing(audit_log.connect(path, readonly=True)) as con:
        for entry_id, at, user, event, outcome, stored, prev_hash, digest in audit_log.rows(con):
            count += 1
            if entry_id != expected_id:
                return VerifyResult(False, count, entry_id, "missing")
            if prev_hash != expected_prev:
                return VerifyResult(False, count, entry_id, "link")
            when = _time_or_none(at)
            values = (event, outcome, stored, prev_hash)
            if when is None or entry_hash(entry_id, when, user, *values) != digest:
                return VerifyResult(False, count, entry_id, "changed")
            expected_id, expected_prev = entry_id + 1, digest
    return VerifyResult(True, count)


def _time_or_none(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


# -- in words: the page, the command line and the workbook -------------------------------------


def local_time_text(entry: AuditEntry) -> str:
    """The entry's time in Beijing time, to the second."""
    return utc_to_local(entry.at).strftime("%Y-%m-%d %H:%M:%S")


def user_text(entry: AuditEntry) -> str:
    return entry.os_user or UNKNOWN_USER


def event_text(event: AuditEvent | str) -> str:
    """The event in Chinese; a code a newer app wrote as stored."""
    return word(event) if isinstance(event, Enum) else str(event)


def outcome_text(entry: AuditEntry) -> str:
    return word(entry.outcome) if isinstance(entry.outcome, Enum) else str(entry.outcome)


def concerning_words(entry: AuditEntry) -> str:
    """What the entry concerned: 类别 needs，数量 12."""
    order = list(KEY_WORDS)
    keys = sorted(entry.concerning, key=lambda k: order.index(k) if k in order else len(order))
    return "，".join(f"{KEY_WORDS.get(k, k)} {_value(entry.concerning[k])}" for k in keys)


# The codes an entry's 类别 and 来源 hold, in words (another code is shown as stored).
CODE_WORDS = {
    "needs": "需求",
    "resources": "资源",
    "projects": "项目",
    "people": "人员",
    "organizations": "组织",
    "visits": "走访",
    "meetings": "会议",
    "compacts": "公约",
    "patrols": "联合巡查",
    "organization_activities": "自组织活动",
    "partner_agreements": "共建协议",
    "partner_activities": "共建活动",
    "partner_units": "共建单位",
    "evaluations": "评价",
    "minutes": "会议纪要（存档版）",
    "signin": "签到表",
    "backup": "备份",
    "street": "街道办",
    "keep_local": "以本机为准",
}


def _value(value: object) -> str:
    if isinstance(value, str):
        return CODE_WORDS.get(value, value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def broken_text(result: VerifyResult) -> str:
    """One line on the chain: whole, or where it was changed."""
    if result.ok:
        return f"链完整：{result.count} 条，哈希链核对无误。"
    after = (result.broken or 1) - 1
    where = f"第 {after} 条之后被改动" if after else "第 1 条即被改动"
    reason = BROKEN_REASONS[result.reason]
    return f"审计日志{where}（第 {result.broken} 条{reason}），该条及其后不可信。"


BROKEN_REASONS = {
    "changed": "内容与哈希不符",
    "link": "与前一条的链接不符",
    "missing": "前面有条目被删除",
}
HEADS = ("序号", "时间（北京时间）", "系统用户", "事件", "结果", "涉及")


def entry_cells(entry: AuditEntry) -> tuple[object, ...]:
    """One entry as the page and the workbook show it (in the order of HEADS)."""
    return (
        entry.id,
        local_time_text(entry),
        user_text(entry),
        event_text(entry.event),
        outcome_text(entry),
        concerning_words(entry),
    )


def export_xlsx(found: list[AuditEntry], out_path: Path | str) -> int:
    """The entries as a workbook at ``out_path`` (whole or not at all); how many rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    out_path = Path(out_path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("审计日志")
    for letter, width in zip("ABCDEF", (8, 21, 14, 22, 8, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, head, bold) for head in HEADS])
    for entry in found:
        sheet.append([_cell(sheet, value) for value in entry_cells(entry)])
    temp = out_path.with_name(f".{out_path.name}.{os.getpid()}.partial")
    try:
        workbook.save(temp)
        share(temp)
        os.replace(temp, out_path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return len(found)


def _cell(sheet: Any, value: object, font: Any = None) -> Any:
    """A cell kept as what it is: text stays text (never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell
