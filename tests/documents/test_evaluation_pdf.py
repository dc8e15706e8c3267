"""The evaluation sheet (评价表): criteria, scores, average, comment, evaluators, signature."""

from datetime import date
from io import BytesIO

from desktop.documents.evaluation import evaluation_title, write_evaluation
from desktop.domain.committee import Evaluation, EvaluationScore
from desktop.domain.roster import OrganizationKind
from tests.documents.conftest import dark_pixels, page_count, pdftotext, render, words_with_boxes

HOOD = "翠竹苑"
MARKUP = "A&B <b> <img src=x> 1<2"


def sample() -> Evaluation:
    return Evaluation(
        1,
        "2026Q3",
        date(2026, 9, 28),
        "王建国、欧阳振华",
        f"总体较好，报修仍慢。{MARKUP}",
        [
            EvaluationScore("服务态度", 5, "前台热情"),
            EvaluationScore("保洁绿化", 4, ""),
            EvaluationScore("维修及时性", 2, f"报修一周无人上门 {MARKUP}"),
            EvaluationScore("收费公开", 3, "公共收益未按季公示"),
        ],
        organization_name="深圳市鹏安物业服务有限公司",
        organization_kind=OrganizationKind.PROPERTY_COMPANY,
    )


def flat(text: str) -> str:
    return "".join(text.split())


def test_the_sheet_has_every_part(tmp_path):
    pdf = tmp_path / "e.pdf"
    assert write_evaluation(sample(), HOOD, pdf) == []
    text = flat(pdftotext(pdf))
    assert page_count(pdf) == 1
    parts = [
        "翠竹苑小区党支部对物业服务企业的评价表",
        "2026年第三季度",
        "深圳市鹏安物业服务有限公司",
        "2026年9月28日",
        "服务态度",
        "5分",
        "维修及时性",
        "2分",
        "平均分",
        "3.5",
        "总体评价：总体较好，报修仍慢。",
        "评价人：王建国、欧阳振华",
        "书记（签名）",
    ]
    for part in parts:
        assert part in text, part
    # User text is printed literally, never read as markup.
    assert text.count(flat(MARKUP)) == 2


def test_title_for_the_committee_and_a_year():
    ev = sample()
    ev.organization_kind, ev.period = OrganizationKind.OWNERS_COMMITTEE, "2026"
    assert evaluation_title(ev, HOOD) == "翠竹苑小区党支部对业主委员会的评价表（2026年度）"


def test_rare_characters_are_drawn(tmp_path):
    """𠮷's text extraction is wrong in ReportLab (docs/architecture.md, "Pitfalls already
    met"): look at the page."""
    ev = sample()
    ev.evaluators = "欧阳䶮𠮷"
    pdf = tmp_path / "e.pdf"
    assert write_evaluation(ev, HOOD, pdf) == []
    words = [w for w in words_with_boxes(pdf) if w[0].startswith("评价人")]
    assert words, "evaluators line missing"
    _w, x0, y0, x1, y1 = words[0]
    assert dark_pixels(render(pdf), (x0, y0, x1 + 60, y1)) > 0


def test_to_a_stream_and_many_criteria_flow_onto_a_second_page(tmp_path):
    ev = sample()
    ev.scores = [EvaluationScore(f"项目{i}", 1 + i % 5, "评语" * 40) for i in range(40)]
    out = BytesIO()
    write_evaluation(ev, HOOD, out)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(out.getvalue())
    assert page_count(pdf) >= 2
    assert "平均分" in flat(pdftotext(pdf))


def test_unprintable_character_is_reported(tmp_path):
    ev = sample()
    ev.scores[0].comment = "李\ue000"
    reported = write_evaluation(ev, HOOD, tmp_path / "e.pdf")
    assert [(u.record, u.char) for u in reported] == [("评价项目“服务态度”", "\ue000")]


def test_print_evaluation_from_the_command_line(tmp_path):
    from desktop.domain.roster import Organization
    from desktop.services.evaluations import save_evaluation
    from desktop.services.organizations import save_organization
    from desktop.store.database import open_database
    from tests.test_cli import one_chinese_line, shuren

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    db = open_database(data_dir)
    try:
        company = save_organization(db, Organization(OrganizationKind.PROPERTY_COMPANY, "鹏安物业"))
        ev = sample()
        ev.organization_id = company.id
        saved = save_evaluation(db, ev)
    finally:
        db.close()
    pdf = tmp_path / "out.pdf"
    result = shuren(
        "print", "evaluation", "--data-dir", data_dir, "--evaluation", saved.id, "--out", pdf
    )
    assert result.returncode == 0, result.stderr
    assert "已生成评价表" in result.stdout
    assert "鹏安物业" in flat(pdftotext(pdf))
    missing = shuren(
        "print", "evaluation", "--data-dir", data_dir, "--evaluation", 999, "--out", pdf
    )
    assert missing.returncode == 2
    assert "找不到编号为 999 的评价" in one_chinese_line(missing.stderr)
