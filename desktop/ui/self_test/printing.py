"""The printing checks: one of each document, made from the demo as the pages make it, written
into the temporary folder, and read back by the print preview (QtPdf) as the secretary would
see it before printing. One line per document."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize

from desktop.ui.self_test import Check, CheckFailed, Run

# Writes the document into a binary stream; returns what could not be printed.
Writer = Callable[[Any], list]


def _print(run: Run, name: str, writer: Writer) -> str:
    """Write, read back, preview: the line's text, or CheckFailed with the reason."""
    from desktop.documents.fonts import FontMissingError
    from desktop.ui.print_preview import PrintPreview

    run.documents_dir.mkdir(exist_ok=True)
    out = run.documents_dir / f"{name}.pdf"
    try:
        with out.open("wb") as stream:
            unprintable = writer(stream)
    except FontMissingError as exc:
        raise CheckFailed(f"缺少打印用的字体文件（{exc}），请重新安装熟人小区") from exc
    pdf = out.read_bytes()
    if not pdf.startswith(b"%PDF"):
        raise CheckFailed("生成的文件不是 PDF")
    if unprintable:
        raise CheckFailed(f"有 {len(unprintable)} 处文字印不出来（纸上为空白）")
    preview = PrintPreview(name, pdf, run.window)
    try:
        pages = preview.page_count()
        first = preview.document.render(0, QSize(120, 170)) if pages else None
    finally:
        preview.deleteLater()
    if not pages or first is None or first.isNull():
        raise CheckFailed("打印预览打不开生成的 PDF")
    return f"已生成 PDF，共 {pages} 页，打印预览能显示"


def _meeting(run: Run):
    """The demo's meeting with the most on it: attendees and topics fill every part."""
    from desktop.domain.meetings import MeetingQuery
    from desktop.services import meetings, neighborhood

    run.need(run.db, "演示数据")
    rows = meetings.list_meetings(run.db, MeetingQuery(), limit=200)
    if not rows:
        raise CheckFailed("演示数据里没有会议")
    fullest = max(rows, key=lambda r: (r.attendees + r.topics, -r.id))
    return meetings.get_meeting(run.db, fullest.id), neighborhood.get_neighborhood(run.db).name


def minutes(run: Run, *, public: bool) -> str:
    from desktop.documents import write_minutes
    from desktop.services.people import roster_names

    meeting, hood = _meeting(run)
    residents = roster_names(run.db, [a.owner for a in meeting.actions]) if public else set()
    name = "会议纪要（公示版）" if public else "会议纪要（存档版）"
    return _print(
        run,
        name,
        lambda out: write_minutes(meeting, hood, out, public=public, residents=residents),
    )


def signin(run: Run) -> str:
    from desktop.documents import write_signin_sheet

    meeting, hood = _meeting(run)
    return _print(run, "签到表", lambda out: write_signin_sheet(meeting, hood, out))


def _compact(run: Run):
    from desktop.services import compacts
    from desktop.ui.pages.compacts import branch_name

    run.need(run.ctx, "窗口")
    rows = compacts.list_compacts(run.db)
    if not rows:
        raise CheckFailed("演示数据里没有公约")
    compact = compacts.get_compact(run.db, rows[0].id)
    version = compact.current or compact.draft
    if version is None:
        raise CheckFailed("演示数据里的公约没有任何版本")
    return version, branch_name(run.ctx)


def compact(run: Run, *, paper: str) -> str:
    from desktop.documents import write_compact

    version, branch = _compact(run)
    return _print(
        run, f"公约（{paper}）", lambda out: write_compact(version, branch, out, paper=paper)
    )


def signing_sheet(run: Run) -> str:
    from desktop.documents import write_signing_sheet
    from desktop.services.compacts import households

    version, branch = _compact(run)
    homes = households(run.db)
    return _print(run, "住户签署表", lambda out: write_signing_sheet(version, branch, homes, out))


def evaluation(run: Run) -> str:
    from desktop.documents.evaluation import write_evaluation
    from desktop.services import evaluations, neighborhood

    run.need(run.db, "演示数据")
    rows = evaluations.list_evaluations(run.db)
    if not rows:
        raise CheckFailed("演示数据里没有评价")
    found = evaluations.get_evaluation(run.db, rows[0].id)
    hood = neighborhood.get_neighborhood(run.db).name
    return _print(run, "评价表", lambda out: write_evaluation(found, hood, out))


def guide(run: Run) -> str:
    from desktop.ui.help_viewer import write_guide_pdf

    run.need(run.families, "字体")
    return _print(run, "使用说明", lambda out: write_guide_pdf(out, run.families))


CHECKS: list[Check] = [
    ("打印会议纪要（存档版）", lambda run: minutes(run, public=False)),
    ("打印会议纪要（公示版）", lambda run: minutes(run, public=True)),
    ("打印签到表", signin),
    ("打印公约（A4）", lambda run: compact(run, paper="A4")),
    ("打印公约（A3 张贴版）", lambda run: compact(run, paper="A3")),
    ("打印住户签署表", signing_sheet),
    ("打印评价表", evaluation),
    ("打印使用说明", guide),
]
