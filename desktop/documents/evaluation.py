"""The branch's evaluation (评价表) of the property company or the owners' committee: the
criteria with score and comment, the average, the overall comment, the evaluators and a line
to sign. Every piece of user text goes through the Pen (escaped, font fallback)."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.documents.fonts import FontChain, font_chain
from desktop.documents.labels import day
from desktop.documents.layout import (
    GRID,
    Output,
    PageDecor,
    Pen,
    build_pdf,
    grid_table,
    plain_table,
)
from desktop.documents.text import BoldParagraph, Unprintable
from desktop.domain.committee import EVALUATED_KINDS, Evaluation, format_average, period_label
from desktop.domain.labels import printed_word

WIDTHS = (12, 46, 24, 88)  # 序号 评价项目 评分 评语: 170 mm


def _kind(evaluation: Evaluation) -> str:
    """物业服务企业 or 业主委员会: the kind of organization evaluated (empty for no kind)."""
    kind = evaluation.organization_kind
    return printed_word(kind) if kind in EVALUATED_KINDS else ""


def _branch(neighborhood: str) -> str:
    """翠竹苑 → 翠竹苑小区党支部; 翠竹苑小区 → 翠竹苑小区党支部."""
    name = neighborhood.strip()
    return f"{name}{'' if not name or name.endswith('小区') else '小区'}党支部"


def evaluation_title(evaluation: Evaluation, neighborhood: str) -> str:
    """“翠竹苑小区党支部对物业服务企业的评价表（2026年第三季度）”"""
    kind = _kind(evaluation)
    return f"{_branch(neighborhood)}对{kind}的评价表（{period_label(evaluation.period)}）"


def write_evaluation(
    evaluation: Evaluation, neighborhood: str, out: Output, *, fonts: FontChain | None = None
) -> list[Unprintable]:
    """Write the evaluation as an A4 PDF to a path or a binary stream. Returns the characters
    no font could print, with the record they are in."""
    pen = Pen(fonts or font_chain())
    s = pen.styles
    kind = _kind(evaluation)
    title = pen.m(_branch(neighborhood), "小区名称") + pen.m(f"对{kind}的评价表")
    story: list[Flowable] = [
        BoldParagraph(title, s.title),
        pen.p(period_label(evaluation.period), s.subtitle),
    ]
    story.append(Spacer(1, 3 * mm))
    label = lambda text: pen.p(text, s.label)  # noqa: E731
    story.append(
        plain_table(
            pen,
            [
                [label("被评价单位："), pen.p(evaluation.organization_name, s.label, "被评价单位")],
                [label("评价期间："), label(period_label(evaluation.period))],
                [label("评价日期："), label(day(evaluation.evaluated_on))],
            ],
            (26, 144),
        )
    )
    story.append(Spacer(1, 4 * mm))
    story.append(_scores(pen, evaluation))
    story.append(Spacer(1, 4 * mm))
    if evaluation.comment.strip():
        story.append(pen.labelled("总体评价：", evaluation.comment, s.item, "总体评价"))
    story.append(pen.labelled("评价人：", evaluation.evaluators or "—", s.item, "评价人"))
    story.append(_signature(pen))
    decor = PageDecor(running_head=pen.unlogged(evaluation_title(evaluation, neighborhood)))
    build_pdf(
        story,
        out,
        pen,
        decor,
        title=evaluation_title(evaluation, neighborhood),
        author=neighborhood,
    )
    return pen.log.items()


def _scores(pen: Pen, evaluation: Evaluation):
    s = pen.styles
    rows: list[list] = [[pen.p(h, s.head) for h in ("序号", "评价项目", "评分（1–5）", "评语")]]
    for n, score in enumerate(evaluation.scores, 1):
        record = f"评价项目“{score.criterion}”"
        rows.append(
            [
                str(n),
                pen.p(score.criterion, s.cell, record),
                f"{score.score} 分",
                pen.p(score.comment, s.cell, record),
            ]
        )
    rows.append(["", pen.p("平均分", s.cell), format_average(evaluation.average), ""])
    last = len(rows) - 1
    return grid_table(
        pen, rows, WIDTHS, centered=(0, 2), extra=[("LINEABOVE", (0, last), (-1, last), 1.5, GRID)]
    )


def _signature(pen: Pen) -> Flowable:
    s = pen.styles
    rules = [
        ("LINEBELOW", (1, 0), (1, 0), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 14),
    ]
    rows = [
        [pen.p("党支部（盖章）　书记（签名）：", s.label), "", pen.p("年　　月　　日", s.right)]
    ]
    return KeepTogether([Spacer(1, 10 * mm), plain_table(pen, rows, (62, 50, 58), rules)])
