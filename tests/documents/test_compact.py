"""The compact as a notice (A4, A3 poster), its households' signing sheet, the comparison of two
versions, and `shuren print compact|signing-sheet`."""

import io
import re
import subprocess
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop import cli
from desktop.documents import write_compact, write_comparison, write_signing_sheet
from desktop.documents.signing import BLANK_ROWS, FEWEST_BLANK_ROWS
from desktop.domain.compacts import Adoption, Chapter, CompactVersion, compare
from desktop.domain.numerals import article_label
from desktop.domain.roster import Address, Building, Neighborhood, Person
from tests.documents.conftest import (
    page_count,
    pdftotext,
    render,
    tool,
    words_with_boxes,
)

BRANCH = "翠竹苑小区党支部"
CLAUSE = "居民应当爱护小区公共设施，不在楼道堆放杂物，不占用消防通道；饲养宠物的，应当文明牵引。"


def pdfinfo(pdf: Path) -> str:
    return subprocess.run([tool("pdfinfo"), pdf], capture_output=True, check=True, text=True).stdout


def flat(text: str) -> str:
    return "".join(text.split())


def big_compact(articles: int = 60, *, adopted: bool = True) -> CompactVersion:
    """Articles “条款N：……” of one to three sentences, in three chapters."""
    texts = [f"条款{n}：" + CLAUSE * (1 + n % 3) for n in range(1, articles + 1)]
    third = articles // 3
    return CompactVersion(
        number=2,
        title="翠竹苑小区邻里公约",
        preamble="为了建设和谐、文明、安全的熟人小区，经全体住户协商，制定本公约。",
        chapters=[
            Chapter("总则", texts[:third]),
            Chapter("公共秩序", texts[third : 2 * third]),
            Chapter("附则", texts[2 * third :]),
        ],
        closing="本公约由小区党支部负责解释。",
        adoption=Adoption(3, date(2026, 11, 25), 30, 2, 1, 33) if adopted else None,
    )


def small_compact(**kw) -> CompactVersion:
    v = CompactVersion(
        number=1,
        title="翠竹苑小区邻里公约",
        preamble="为了建设和谐小区，制定本公约。",
        chapters=[Chapter("", ["爱护公共设施。", "A&B <b> 不得高空抛物。", "垃圾分类投放。"])],
        closing="本公约自公布之日起施行。",
    )
    return replace(v, **kw)


def test_sixty_articles_print_quickly_in_order_with_their_numbers(tmp_path):
    version = big_compact()
    write_compact(small_compact(), BRANCH, io.BytesIO())  # fonts registered before timing
    pdf = tmp_path / "公约.pdf"
    started = time.perf_counter()
    assert write_compact(version, BRANCH, pdf) == []
    elapsed = time.perf_counter() - started
    print(f"60 articles: {elapsed:.2f} s, {page_count(pdf)} pages, {pdf.stat().st_size} bytes")
    assert elapsed < 5  # about 0.3 s; generous against a loaded machine
    body = flat(pdftotext(pdf))
    assert body.startswith("翠竹苑小区邻里公约为了建设和谐")
    position = 0
    for n in range(1, 61):
        found = body.find(f"{article_label(n)}条款{n}：", position)
        assert found > position, article_label(n)
        position = found
    assert article_label(60) == "第六十条"
    for heading in ("第一章总则", "第二章公共秩序", "第三章附则"):
        assert heading in body
    assert body.index("第三章附则") < body.index("第四十一条")
    # The closing, the adoption statement, then the branch and the date.
    tail = body[position:]
    statement = "本公约经2026年11月25日小区协商议事会表决通过，自公布之日起施行。"
    assert tail.index("本公约由小区党支部负责解释。") < tail.index(statement)
    assert "同意30票，反对2票，弃权1票，代表33户" in tail
    assert tail.endswith(f"{BRANCH}2026年11月25日第{page_count(pdf)}页共{page_count(pdf)}页")
    assert "草案" not in body


def test_article_numbers_hang_in_a_column_of_their_own(tmp_path):
    pdf = tmp_path / "公约.pdf"
    write_compact(big_compact(12), BRANCH, pdf)
    words = words_with_boxes(pdf)
    labels = [w for w in words if w[0].startswith("第") and w[0].endswith("条")]
    texts = [w for w in words if w[0].startswith("条款")]
    assert len(labels) >= 5 and len(texts) >= 5
    assert len({round(w[1]) for w in labels}) == 1  # numbers flush left, one above the other
    assert len({round(w[1]) for w in texts}) == 1  # the text in its own column
    assert min(w[1] for w in texts) > max(w[3] for w in labels)


def test_a3_poster_is_a3_with_larger_type(tmp_path):
    a4, a3 = tmp_path / "a4.pdf", tmp_path / "a3.pdf"
    write_compact(big_compact(), BRANCH, a4)
    write_compact(big_compact(), BRANCH, a3, paper="A3")
    assert "841.89 x 1190.55 pts (A3)" in pdfinfo(a3)
    # The type grows with the paper: the same text, about as many pages.
    assert abs(page_count(a3) - page_count(a4)) <= 1
    assert flat(pdftotext(a3, layout=False)).count("条款") == 60
    with pytest.raises(ValueError, match="paper"):
        write_compact(small_compact(), BRANCH, io.BytesIO(), paper="Letter")


def test_draft_carries_the_mark_on_every_page_and_no_adoption(tmp_path):
    pdf = tmp_path / "草案.pdf"
    write_compact(big_compact(adopted=False), BRANCH, pdf)
    pages = pdftotext(pdf).split("\f")[:-1]
    assert len(pages) > 1
    assert all("草案" in page for page in pages)
    body = flat("".join(pages))
    assert "表决通过，自公布之日起施行" not in body
    assert "尚未经小区协商议事会表决通过" in body
    unmarked = tmp_path / "预览.pdf"
    write_compact(big_compact(adopted=False), BRANCH, unmarked, draft_mark=False)
    assert "草案·未经表决" not in flat(pdftotext(unmarked))


def test_single_page_has_no_page_numbers_and_user_markup_prints_literally(tmp_path):
    pdf = tmp_path / "公约.pdf"
    adopted = small_compact(adoption=Adoption(None, date(2027, 1, 5)))
    assert write_compact(adopted, "阳光<花园>&小区党支部", pdf) == []
    text = pdftotext(pdf)
    assert page_count(pdf) == 1 and "第 1 页" not in text
    assert "A&B <b> 不得高空抛物。" in text
    assert "第二条" in text and "第三条" in text
    body = flat(text)
    assert "本公约经2027年1月5日小区协商议事会表决通过，自公布之日起施行。" in body
    assert "票" not in body  # no vote recorded: none printed
    assert body.endswith("阳光<花园>&小区党支部2027年1月5日")


def test_unprintable_characters_are_reported_by_article(tmp_path):
    version = small_compact(chapters=[Chapter("", ["正常条款。", "私用区字\ue000不能打印。"])])
    found = write_compact(version, BRANCH, tmp_path / "公约.pdf")
    assert [(u.record, u.char) for u in found] == [("第二条", "\ue000")]


def test_signing_sheet_gives_each_building_its_own_pages(tmp_path):
    households = [
        (f"{b}栋", f"{u}单元", f"{f}0{r}")
        for b in range(1, 4)
        for u in (1, 2)
        for f in range(1, 7)
        for r in (1, 2)
    ]
    households.append(("东区十二号楼A座", "1单元", "A&B"))
    pdf = tmp_path / "签署表.pdf"
    assert write_signing_sheet(big_compact(), BRANCH, households, pdf) == []
    pages = [flat(page) for page in pdftotext(pdf).split("\f")[:-1]]
    rows = [
        [line.split() for line in page.splitlines() if re.match(r"\s*\d+\s", line)]
        for page in pdftotext(pdf).split("\f")[:-1]
    ]
    buildings = ["1栋", "2栋", "3栋", "东区十二号楼A座"]
    by_page = []
    for page, page_rows in zip(pages, rows, strict=True):
        named = {r[1] for r in page_rows}
        assert len(named) == 1, named  # one building to a page, blank rows included
        by_page.append(named.pop())
        assert "户主签字" in page and "楼栋" in page  # the column heads on every page
    assert by_page == sorted(by_page, key=buildings.index)
    assert set(by_page) == set(buildings)
    for building in buildings:
        own = [i for i, b in enumerate(by_page) if b == building]
        first = pages[own[0]]
        assert first.startswith(f"《翠竹苑小区邻里公约》住户签署表{building}")
        for n, i in enumerate(own, 1):
            assert f"{building}第{n}页共{len(own)}页" in pages[i]  # numbered within it
            if n > 1:  # the running head names the building
                assert pages[i].startswith(f"《翠竹苑小区邻里公约》住户签署表{building}")
        listed = [r for i in own for r in rows[i]]
        homes = [h for h in households if h[0] == building]
        assert [int(r[0]) for r in listed] == list(range(1, len(listed) + 1))
        if building != "东区十二号楼A座":  # wraps in its cell
            assert [tuple(r[1:4]) for r in listed[: len(homes)]] == homes
        blank = listed[len(homes) :]
        assert FEWEST_BLANK_ROWS <= len(blank) <= BLANK_ROWS
        assert all(r[1:] == [building] for r in blank)  # to fill in: unit, room, signature
        assert f"本栋共{len(homes)}户" in pages[own[-1]]
    assert "A&B" in pdftotext(pdf)


def test_a_building_that_fits_on_a_page_with_lower_rows_gets_them(tmp_path):
    """20 households and 3 blank rows need two pages at 9.5 mm a row, one at 8 mm."""
    households = [("1栋", "1单元", f"{n}01") for n in range(1, 21)]
    pdf = tmp_path / "签署表.pdf"
    write_signing_sheet(big_compact(), BRANCH, households, pdf)
    assert page_count(pdf) == 1


def test_comparison_shows_added_removed_and_changed_articles(tmp_path):
    old = small_compact(
        chapters=[
            Chapter(
                "",
                [
                    "爱护公共设施，不乱涂乱画。",
                    "禁止在楼道内停放电动车。",
                    "垃圾分类投放，按时按点。",
                    "邻里互助。",
                ],
            )
        ],
        adoption=Adoption(1, date(2025, 5, 1)),
    )
    new = small_compact(
        number=2,
        chapters=[
            Chapter(
                "",
                [
                    "爱护公共设施，不乱涂乱画。",
                    "垃圾分类投放，按时按点，定点投放。",
                    "邻里互助。",
                    "养犬须拴绳，及时清理粪便。",
                ],
            )
        ],
    )
    changes = compare(old, new)
    pdf = tmp_path / "对照表.pdf"
    assert write_comparison(old, new, changes, pdf) == []
    assert "841.89 x 595.276 pts (A4)" in pdfinfo(pdf)  # landscape
    text = pdftotext(pdf)
    body = flat(text)
    assert body.startswith("《翠竹苑小区邻里公约》修订对照表")
    assert "旧版本第1版" in body and "新版本第2版" in body
    assert "新增1条，删除1条，修改1条，未变2条" in body
    lines = [flat(line) for line in text.splitlines()]
    assert any(line.startswith("第二条禁止在楼道") and line.endswith("删除") for line in lines)
    assert any(
        "第三条垃圾分类投放，按时按点。第二条垃圾分类" in line and line.endswith("修改")
        for line in lines
    )
    assert any(line.startswith("第四条养犬") and line.endswith("新增") for line in lines)
    assert sum(line.endswith("未变") for line in lines) == 2


def test_changed_rows_are_on_a_grey_ground(tmp_path):
    old = small_compact(chapters=[Chapter("", ["甲。", "乙条要删除。"])])
    new = small_compact(chapters=[Chapter("", ["甲。", "丙条是新的。"])])
    pdf = tmp_path / "对照表.pdf"
    write_comparison(old, new, compare(old, new), pdf)
    image = render(pdf)
    boxes = {w[0]: w for w in words_with_boxes(pdf)}

    def ground(word: str) -> int:
        _w, x0, _y0, _x1, y1 = boxes[word]
        return image.getpixel((round(x0) - 3, round(y1) - 2))

    assert ground("删除") < 240 and ground("新增") < 240
    assert ground("未变") > 250


# -- shuren print compact|signing-sheet --------------------------------------------------------
@pytest.fixture
def stored(data_dir: Path) -> dict[str, int]:
    from desktop.services.compacts import adopt, create_compact, start_revision
    from desktop.services.neighborhood import save_building, save_neighborhood
    from desktop.services.people import save_person
    from desktop.store.database import open_database

    db = open_database(data_dir)
    try:
        save_neighborhood(db, Neighborhood(name="翠竹苑", community="翠竹社区", street="南山街道"))
        building = save_building(db, Building("3栋", unit_count=2))
        for n, (unit, room) in enumerate([("1", "101"), ("1", "102"), ("2", "201")]):
            address = Address(building_id=building.id, unit=unit, room=room)
            save_person(db, Person(f"住户{n}", address=address))
        compact = create_compact(db, small_compact())
        adopt(db, compact.id, 1, Adoption(None, date(2026, 11, 25), 30, 2, 1, 33))
        revision = start_revision(db, compact.id)
        draft_only = create_compact(db, small_compact(title="停车公约"))
    finally:
        db.close()
    assert [v.number for v in revision.versions] == [1, 2]
    return {"adopted": compact.id, "draft": draft_only.id}


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_print_compact_defaults_to_the_version_in_force(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "公约.pdf"
    code, out, err = run(
        capsys,
        "print",
        "compact",
        "--data-dir",
        data_dir,
        "--compact",
        stored["adopted"],
        "--out",
        pdf,
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"已生成公约（A4）：{pdf}"
    body = flat(pdftotext(pdf))
    assert "本公约经2026年11月25日小区协商议事会表决通过" in body
    assert body.endswith("翠竹苑小区党支部2026年11月25日")
    assert "草案" not in body


def test_print_compact_picks_a_version_and_a3(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "公约.pdf"
    args = ["--compact", stored["adopted"], "--version", 2, "--paper", "A3", "--out", pdf]
    code, out, _err = run(capsys, "print", "compact", "--data-dir", data_dir, *args)
    assert code == 0 and "A3，草案" in out
    assert "草案" in pdftotext(pdf)
    code, _out, _err = run(
        capsys,
        "print",
        "compact",
        "--data-dir",
        data_dir,
        "--compact",
        stored["draft"],
        "--out",
        pdf,
    )
    assert code == 0 and "停车公约" in flat(pdftotext(pdf))


def test_print_signing_sheet(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "签署表.pdf"
    code, out, err = run(
        capsys,
        "print",
        "signing-sheet",
        "--data-dir",
        data_dir,
        "--compact",
        stored["adopted"],
        "--out",
        pdf,
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"已生成住户签署表（3 户）：{pdf}"
    text = pdftotext(pdf)
    rows = [line.split() for line in text.splitlines()]
    listed = [tuple(r[1:4]) for r in rows if r and r[0].isdigit() and len(r) >= 4]
    assert listed == [("3栋", "1", "101"), ("3栋", "1", "102"), ("3栋", "2", "201")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--compact", 999), "找不到编号为 999 的公约"),
        (("--compact", "{adopted}", "--version", 7), "没有第 7 版（现有版本：1、2）"),
    ],
)
def test_unknown_compact_or_version_exits_2(capsys, data_dir, stored, tmp_path, args, message):
    args = [str(a).format(**stored) for a in args]
    code, out, err = run(
        capsys, "print", "compact", "--data-dir", data_dir, *args, "--out", tmp_path / "x.pdf"
    )
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_branch_name_does_not_double_xiaoqu():
    assert cli.branch_name("翠竹苑") == "翠竹苑小区党支部"
    assert cli.branch_name("翠竹苑小区") == "翠竹苑小区党支部"
