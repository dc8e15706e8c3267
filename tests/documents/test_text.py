"""User text on paper: printed literally, in a face that has its characters, broken by the 禁则."""

import itertools
import random
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from desktop.documents.fonts import font_chain
from desktop.documents.layout import PageDecor, Pen, build_pdf
from desktop.documents.text import (
    CANNOT_END,
    CANNOT_START,
    HANGING,
    CJKParagraph,
    Unprintable,
    UnprintableLog,
    markup,
)
from tests.documents.conftest import page_count, pdftotext, words_with_boxes

TRICKY = [
    "A&B",
    "<b>粗体</b>",
    "<img src=x>",
    "<img src='/etc/passwd'/>",
    "1 < 2 且 3 > 2",
    "未闭合的 <",
    "<",
    "&",
    "&amp; 与 &#20013; 与 &nbsp;",
    "\"双引号\" 'single' “中文引号”",
    '<font name="Helvetica" size="40">大字</font>',
    "<br/>不换行<para>",
    "]]> <!-- 注释 --> <?xml?>",
    "%s {0} \\n",
]
START_MARKS = "，。！？；：、」》）"


@pytest.fixture(scope="module")
def fonts():
    return font_chain(system_fallback=False)


def plain(text: str, fonts) -> str:
    """What ReportLab will print for ``text`` (line breaks left out)."""
    return CJKParagraph(markup(text, fonts), Pen(fonts).styles.body).getPlainText()


def lines_of(paragraph: CJKParagraph, width: float) -> list[str]:
    paragraph.wrap(width, 10_000)
    return ["".join(w.text for w in line.words) for line in paragraph.blPara.lines]


def print_texts(texts: list[str], pdf: Path, fonts) -> list[Unprintable]:
    pen = Pen(fonts)
    story = [pen.p(t, pen.styles.body, f"段落{i}") for i, t in enumerate(texts, 1)]
    build_pdf(story, pdf, pen, PageDecor(running_head=""), title="测试", author="测试")
    return pen.log.items()


@pytest.mark.parametrize("text", TRICKY)
def test_markup_characters_print_literally(text, fonts):
    assert plain(text, fonts) == text


def test_tricky_text_is_in_the_pdf_as_typed(tmp_path, fonts):
    pdf = tmp_path / "tricky.pdf"
    assert print_texts(TRICKY, pdf, fonts) == []
    # pdftotext drops a narrow space between Chinese and Latin: compare without spaces.
    lines = ["".join(line.split()) for line in pdftotext(pdf).splitlines()]
    for text in TRICKY:
        assert "".join(text.split()) in lines


def test_line_breaks_and_spaces_are_kept(tmp_path, fonts):
    text = "第一行\n\n　　第三行缩进两格\r\n  两个空格开头\t制表"
    pdf = tmp_path / "lines.pdf"
    print_texts([text], pdf, fonts)
    tops = {word: y_min for word, _x, y_min, _x2, _y2 in words_with_boxes(pdf)}
    leading = tops["两个空格开头"] - tops["第三行缩进两格"]
    assert leading == pytest.approx(18, abs=0.5)  # the body style's leading
    assert tops["第三行缩进两格"] - tops["第一行"] == pytest.approx(2 * leading, abs=0.5)
    x = {word: x_min for word, x_min, *_rest in words_with_boxes(pdf)}
    assert x["第三行缩进两格"] - x["第一行"] == pytest.approx(22, abs=0.5)  # two U+3000
    assert plain("　　缩进", fonts).startswith("\u3000\u3000")
    assert plain("a  b", fonts) == "a \xa0b"  # the second space survives as a no-break space


def test_each_character_comes_from_the_first_face_that_has_it(fonts):
    assert markup("王䶮明", fonts) == '王<font name="ShurenKai">䶮</font>明'
    assert markup("𠮷田堃喆", fonts) == '<font name="ShurenKai">𠮷</font>田堃喆'
    # Spaces never cut a run of the second face in two.
    assert markup("䶮 𠮷", fonts) == '<font name="ShurenKai">䶮 𠮷</font>'
    assert fonts.face_for("中").name == "ShurenHei"
    assert fonts.face_for("\ue000") is None


def test_characters_no_face_has_are_reported_with_their_record(fonts):
    log = UnprintableLog()
    text = markup("王\ue000明 😀 ❤️ 👨‍👩‍👧", fonts, record="参会人 王\ue000明", log=log)
    assert "\ue000" in text  # still in the document, where it prints as nothing
    reported = log.items()
    assert [u.char for u in reported] == ["\ue000", "😀", "❤", "👨", "👩", "👧"]
    assert {u.record for u in reported} == {"参会人 王\ue000明"}
    assert reported[0].message == "记录“参会人 王\ue000明”中的字“\ue000”（U+E000）无法打印"
    # Joiners and variation selectors have no glyph of their own: nothing to report.
    assert "\u200d" not in text and "\ufe0f" not in text


def test_the_same_character_is_reported_once_per_record(fonts):
    log = UnprintableLog()
    markup("😀😀", fonts, record="甲", log=log)
    markup("😀", fonts, record="甲", log=log)
    markup("😀", fonts, record="乙", log=log)
    assert [(u.record, u.char) for u in log.items()] == [("甲", "😀"), ("乙", "😀")]


def test_a_damaged_character_still_gives_a_message_that_can_be_written_out(fonts):
    log = UnprintableLog()
    markup("王\ud83d", fonts, record="参会人 王\ud83d", log=log)
    message = log.items()[0].message
    message.encode("utf-8")  # no lone surrogate left
    assert "U+D83D" in message


@pytest.mark.parametrize("hang", [False, True], ids=["cell", "body"])
@pytest.mark.parametrize("mark", START_MARKS)
def test_no_line_starts_with_a_closing_mark(mark, hang, fonts):
    styles = Pen(fonts).styles
    style = styles.body if hang else styles.cell.clone("cell11", fontSize=11)
    assert style.hangPunctuation is hang
    n = 20  # characters of 11 pt on a line
    width = n * 11 + 0.5
    cases = [
        "中" * n + mark + "后面还有一些文字",  # the mark would begin line 2
        "中" * (n - 1) + "。" + mark + "后面的文字",  # two marks in a row at the break
        "中" * (n - 1) + "「" + "引号里的话" + "」",  # an opening mark would end line 1
    ]
    for text in cases:
        lines = lines_of(CJKParagraph(markup(text, fonts), style), width)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in CANNOT_START, lines
        for line in lines[:-1]:
            assert line[-1] not in CANNOT_END, lines
            # Only body text hangs, and only one small mark, past the right edge.
            assert len(line) <= n or (hang and len(line) == n + 1 and line[-1] in HANGING)


def test_body_text_hangs_a_comma_where_a_cell_moves_a_character_down(fonts):
    styles = Pen(fonts).styles
    text = "中" * 20 + "，后面的文字"
    body = lines_of(CJKParagraph(markup(text, fonts), styles.body), 20 * 11 + 0.5)
    cell = lines_of(CJKParagraph(markup(text, fonts), styles.cell), 20 * 10 + 0.5)
    assert body[0] == "中" * 20 + "，"
    # A hung mark right before a line break does not leave an empty line behind it.
    broken = lines_of(CJKParagraph(markup("中" * 20 + "。\n下一段", fonts), styles.body), 220.5)
    assert broken == ["中" * 20 + "。", "下一段"]
    assert cell[0] == "中" * 19 and cell[1].startswith("中，")


@pytest.mark.parametrize("style_name", ["cell", "body"])
def test_line_breaking_rules_hold_for_random_text(style_name, fonts):
    style = getattr(Pen(fonts).styles, style_name)
    rng = random.Random(11)
    words = ["社区", "居民", "加装电梯", "物业", "议事会", "ABC", "2026", "𠮷", "䶮"]
    marks = [*"，。！？；：、", "」", "》", "）", "。」", "！”", "……"]
    for _ in range(200):
        parts = []
        for _ in range(rng.randint(5, 60)):
            if rng.random() < 0.2:
                parts.append(rng.choice("「《（“"))
            parts.append(rng.choice(words))
            if rng.random() < 0.4:
                parts.append(rng.choice(marks))
        text = "".join(parts)
        width = rng.uniform(60, 400)
        lines = lines_of(CJKParagraph(markup(text, fonts), style), width)
        assert "".join(lines) == text
        for before, line in itertools.pairwise(lines):
            assert line[0] not in CANNOT_START, (before, line)
            assert before[-1] not in CANNOT_END, (before, line)


def test_a_line_of_nothing_but_marks_still_breaks_full(fonts):
    style = Pen(fonts).styles.body
    lines = lines_of(CJKParagraph(markup("，" * 500, fonts), style), 110.5)
    assert [len(line) for line in lines] == [10] * 50


def test_latin_words_break_at_spaces(fonts):
    style = Pen(fonts).styles.body
    text = "物业 electricity maintenance schedule for building three"
    lines = lines_of(CJKParagraph(markup(text, fonts), style), 120)
    words = set(text.split())
    for line in lines:
        for word in line.split():
            assert word in words, lines


def test_no_printed_line_starts_with_a_closing_mark(tmp_path, fonts):
    """The rules checked on the PDF itself, as pdftotext reads it back."""
    style = Pen(fonts).styles.body
    pdf = tmp_path / "kinsoku.pdf"
    canvas = Canvas(str(pdf), initialFontName=fonts.primary)
    y = 800
    for mark in START_MARKS:
        paragraph = CJKParagraph(markup("中" * 20 + mark + "后" * 30, fonts), style)
        _w, h = paragraph.wrapOn(canvas, 20 * 11 + 0.5, 1000)
        paragraph.drawOn(canvas, 40, y - h)
        y -= h + 12
    canvas.save()
    lines = [line.strip() for line in pdftotext(pdf).splitlines() if line.strip()]
    assert len(lines) >= 2 * len(START_MARKS)
    for line in lines:
        assert line[0] not in START_MARKS, line


def test_a_ten_thousand_character_paragraph_prints_over_pages(tmp_path, fonts):
    unit = "居民代表提出，小区南门的电动车充电桩应当增加到二十个。"
    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    pdf = tmp_path / "long.pdf"
    assert print_texts([text], pdf, fonts) == []
    assert page_count(pdf) >= 4
    printed = "".join(
        line.strip() for line in pdftotext(pdf).splitlines() if "页" not in line or "第" not in line
    )
    assert text in printed


ALPHABET = (
    list("中文居民议事，。！？「」《》（）：；、")
    + list("&<>\"'/;=#%\\")
    + list("䶮𠮷堃喆")
    + [
        "😀",
        "👨‍👩‍👧",
        "❤️",
        "\ue000",
        "\u200b",
        "\ufeff",
        "\t",
        "\n",
        "\r",
        " ",
        "\u3000",
        "\xa0",
        "\x00",
        "\x0b",
        "\ud800",
        "<img src=x>",
        "<br/>",
        "&amp;",
        "&#x20bb7;",
        "]]>",
    ]
)


def test_fuzzed_text_never_breaks_a_print(tmp_path, fonts):
    rng = random.Random(20261125)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300))) for _ in range(60)]
    pdf = tmp_path / "fuzz.pdf"
    reported = print_texts(texts, pdf, fonts)
    assert page_count(pdf) >= 1
    assert {u.char for u in reported} >= {"😀", "\ue000", "👨"}
    printed = pdftotext(pdf, layout=False)
    for text in texts:
        for piece in ("&amp;", "<img src=x>", "]]>"):
            if piece in text:
                assert piece in printed
