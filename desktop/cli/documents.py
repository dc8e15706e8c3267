"""`shuren print …`: minutes, sign-in sheet, compact, signing sheet and evaluation as PDF;
characters no font can print are warned about."""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from desktop.cli.common import ChineseArgumentParser, UsageError, add_data_dir, open_data_file, say

T = TypeVar("T")


def add_arguments(sub: Any) -> None:
    printer = sub.add_parser(
        "print", help="打印：会议纪要、签到表、公约、住户签署表、评价表（PDF）"
    )
    documents = printer.add_subparsers(
        dest="document", required=True, parser_class=ChineseArgumentParser
    )
    minutes = _document(documents, "minutes", "会议纪要（存档版，或 --public 公示版）", "meeting")
    _document(documents, "signin", "会议签到表", "meeting")
    minutes.add_argument("--public", action="store_true", help="公示版：隐去居民姓名、电话和门牌号")
    compact = _document(documents, "compact", "邻里公约（A4 或 A3 张贴版）", "compact")
    signing = _document(documents, "signing-sheet", "公约住户签署表", "compact")
    for doc in (compact, signing):
        doc.add_argument("--version", type=int, help="版本号（默认：现行版本，没有则为草案）")
    compact.add_argument("--paper", choices=("A4", "A3"), default="A4", help="纸张")
    _document(documents, "evaluation", "对物业、业委会的评价表", "evaluation")


RECORD_HELP = {"meeting": "会议编号", "compact": "公约编号", "evaluation": "评价编号"}


def _document(documents: Any, name: str, help_text: str, record: str) -> argparse.ArgumentParser:
    """A document to print: the data folder, the number of the record it prints (--meeting,
    --compact, --evaluation) and the PDF it writes."""
    doc = documents.add_parser(name, help=help_text)
    add_data_dir(doc)
    doc.add_argument(f"--{record}", type=int, required=True, help=RECORD_HELP[record])
    doc.add_argument("--out", type=Path, required=True, help="PDF 文件")
    return doc


def cmd_print(args: argparse.Namespace, data_dir: Path) -> int:
    if args.document in ("compact", "signing-sheet"):
        return _print_compact(args, data_dir)
    if args.document == "evaluation":
        return _print_evaluation(args, data_dir)
    return _print_meeting(args, data_dir)


def _print_meeting(args: argparse.Namespace, data_dir: Path) -> int:
    """The minutes (archive or public) or the sign-in sheet of one meeting."""
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

        code = _write_pdf(args.out, what, write)
        if code == 0 and not public:
            _note_printed(data_dir, "minutes", args.meeting)
        return code
    code = _write_pdf(
        args.out, "签到表", lambda: write_signin_sheet(meeting, neighborhood, args.out)
    )
    if code == 0:
        _note_printed(data_dir, "signin", args.meeting)
    return code


def _note_printed(data_dir: Path, document: str, meeting: int) -> None:
    """The archive minutes and the sign-in sheet carry residents' full names (the minutes
    their phones too): the audit log notes which meeting's were printed."""
    from desktop.domain.audit import AuditEvent
    from desktop.services import audit

    audit.record(data_dir, AuditEvent.PRINT_ARCHIVE, kind=document, ids=[meeting])


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

    with open_data_file(data_dir) as db:
        try:
            return load(db)
        except NotFoundError:
            raise UsageError(missing) from None


def _write_pdf(out: Path, what: str, write: Callable[[], list]) -> int:
    """Write one PDF; a missing font or an unwritable place is said in one Chinese line."""
    from desktop.documents.fonts import FontMissingError

    try:
        unprintable = write()
    except FontMissingError as exc:
        say(f"缺少打印用的字体文件（{exc}），请重新安装熟人小区。")
        return 1
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(f"无法写入 {out}（{reason}），请换一个可以写入的位置。") from None
    for item in unprintable:
        say(f"注意：{item.message}，纸上该处为空白。")
    print(f"已生成{what}：{out}")
    return 0
