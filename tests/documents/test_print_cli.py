"""shuren print minutes|signin: the meeting from the data dir, a PDF, warnings on stderr."""

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop import cli
from desktop.domain.roster import Neighborhood
from desktop.services.meetings import add_amendment, finalize_meeting, save_meeting
from desktop.services.neighborhood import save_neighborhood
from desktop.store.database import open_database
from tests.documents.conftest import HOOD, pdftotext, sample_meeting

FINALIZED = datetime(2026, 11, 26, 10, 0)  # the morning after the meeting, before corrections

ROOT = Path(__file__).resolve().parents[2]


def flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def stored(data_dir: Path) -> dict[str, int]:
    """A neighborhood with a final meeting (amended) and a draft with an unprintable name."""
    db = open_database(data_dir)
    try:
        save_neighborhood(db, Neighborhood(name=HOOD, community="阳光社区", street="南山街道"))
        final = save_meeting(db, replace(sample_meeting(), id=None))
        finalize_meeting(db, final.id, at=FINALIZED)
        add_amendment(db, final.id, "议题一中“30 户同意”应为“31 户同意”。", date(2026, 12, 1))
        draft = sample_meeting()
        draft.participants[0] = replace(draft.participants[0], name="王\ue000国")
        draft = save_meeting(db, replace(draft, id=None, title="楼道堆物清理"))
    finally:
        db.close()
    return {"final": final.id, "draft": draft.id}


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_print_archive_minutes(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "纪要.pdf"
    code, out, err = run(
        capsys,
        "print",
        "minutes",
        "--data-dir",
        data_dir,
        "--meeting",
        stored["final"],
        "--out",
        pdf,
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"已生成会议纪要（存档版）：{pdf}"
    body = flat(pdftotext(pdf))
    assert "阳光花园协商议事会议纪要" in body
    assert "签名" in body and "张三明" in body
    assert "2026年12月1日更正：" in body
    assert "草稿" not in body


def test_print_public_minutes(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "公示.pdf"
    code, out, _err = run(
        capsys,
        "print",
        "minutes",
        "--data-dir",
        data_dir,
        "--meeting",
        stored["final"],
        "--out",
        pdf,
        "--public",
    )
    assert code == 0 and "公示版" in out
    body = flat(pdftotext(pdf))
    assert "张*明" in body and "张三明" not in body and "签名" not in body


# The numbers a resident's phone was found typed as in minutes; 1234 is where the mask goes.
LEAKED = [
    "13812345601",
    "+8613812345602",
    "１３８１２３４５６０３",
    "138.1234.5604",
    "138 - 1234 - 5605",
    "(138)1234-5606",
    "138\u30001234\u30005607",
    "1 3 8 1 2 3 4 5 6 0 8",
    "0755-12345678",
    "(0755)12345678",
    "075512345678",
    "0755 1234 5678",
]


@pytest.fixture
def with_phones(data_dir: Path) -> int:
    """A final, amended meeting with a resident's number typed into every field that prints."""
    phones = iter(LEAKED * 3)
    m = sample_meeting()
    m = replace(
        m,
        id=None,
        title=f"加装电梯（联系{next(phones)}）",
        place=f"物业办 {next(phones)}",
        host=f"王建国 {next(phones)}",
        recorder=f"李秀英{next(phones)}",
        participants=[
            replace(
                p,
                name=p.name + next(phones) if n == 0 else p.name,
                organization=f"{p.organization} {next(phones)}",
            )
            for n, p in enumerate(m.participants)
        ],
        topics=[
            replace(
                t,
                title=t.title + next(phones),
                discussion=f"电话：{next(phones)}",
                consensus=f"由{next(phones)}联系" if t.consensus else "",
            )
            for t in m.topics
        ],
        actions=[replace(a, what=f"{a.what} {next(phones)}", owner=a.owner) for a in m.actions],
    )
    db = open_database(data_dir)
    try:
        save_neighborhood(db, Neighborhood(name=HOOD, community="阳光社区", street="南山街道"))
        meeting = save_meeting(db, m)
        finalize_meeting(db, meeting.id, at=FINALIZED)
        add_amendment(db, meeting.id, "更正：电话应为+8613812345630", date(2026, 12, 1))
        add_amendment(db, meeting.id, f"更正：请联系 {next(phones)}", date(2026, 12, 2))
    finally:
        db.close()
    return meeting.id


def test_public_minutes_print_no_phone_however_typed(capsys, data_dir, with_phones, tmp_path):
    archive, public = tmp_path / "存档.pdf", tmp_path / "公示.pdf"
    for pdf, extra in ((archive, []), (public, ["--public"])):
        code, _out, err = run(
            capsys,
            "print",
            "minutes",
            "--data-dir",
            data_dir,
            "--meeting",
            with_phones,
            "--out",
            pdf,
            *extra,
        )
        assert (code, err) == (0, "")
    full_width = str.maketrans("０１２３４５６７８９", "0123456789")
    # The archive copy holds every number: the data really reached the paper.
    kept = flat(pdftotext(archive)).translate(full_width)
    assert kept.count("1234") >= 20 and "+8613812345630" in kept
    for text in (pdftotext(public), pdftotext(public, layout=False)):
        body = flat(text).translate(full_width)
        assert "公示版" in body
        # No middle digits of any number, however the layout cut or joined the lines.
        for digits in ("1234", "2345", "5678", "81234", "12345"):
            assert digits not in body, digits
    body = flat(pdftotext(public, layout=False))
    assert "更正：电话应为138****5630" in body
    assert body.count("138****56") >= 20 and body.count("0755-********") >= 8


def test_print_signin_sheet_warns_about_unprintable_characters(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "签到表.pdf"
    code, out, err = run(
        capsys,
        "print",
        "signin",
        "--data-dir",
        data_dir,
        "--meeting",
        stored["draft"],
        "--out",
        pdf,
    )
    assert code == 0
    assert out.strip() == f"已生成签到表：{pdf}"
    assert err.splitlines() == [
        "注意：记录“参会人 王\ue000国”中的字“\ue000”（U+E000）无法打印，纸上该处为空白。"
    ]
    assert "阳光花园协商议事会签到表楼道堆物清理" in flat(pdftotext(pdf))


def test_unknown_meeting_is_bad_input(capsys, data_dir, stored, tmp_path):
    pdf = tmp_path / "x.pdf"
    code, out, err = run(
        capsys, "print", "minutes", "--data-dir", data_dir, "--meeting", 9999, "--out", pdf
    )
    assert code == 2 and out == ""
    assert err.strip() == "找不到编号为 9999 的会议（可能已删除）。"
    assert not pdf.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["print", "minutes", "--meeting", "1"],  # no --out
        ["print", "signin", "--out", "x.pdf"],  # no --meeting
        ["print", "minutes", "--meeting", "abc", "--out", "x.pdf"],
        ["print", "signin", "--meeting", "1", "--out", "x.pdf", "--public"],
        ["print", "compact-sheet"],
    ],
)
def test_bad_usage(capsys, data_dir, args):
    code, _out, err = run(capsys, *args, "--data-dir", data_dir)
    assert code == 2
    assert len(err.splitlines()) == 1 and "命令行参数有误" in err


def test_no_database_and_unwritable_output(capsys, data_dir, stored, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _out, err = run(
        capsys, "print", "signin", "--data-dir", empty, "--meeting", 1, "--out", tmp_path / "x.pdf"
    )
    assert code == 2 and "没有数据文件" in err
    missing_dir = tmp_path / "no" / "such" / "folder" / "x.pdf"
    code, _out, err = run(
        capsys,
        "print",
        "signin",
        "--data-dir",
        data_dir,
        "--meeting",
        stored["final"],
        "--out",
        missing_dir,
    )
    assert code == 2 and err.startswith(f"无法写入 {missing_dir}")
    assert len(err.splitlines()) == 1


def test_as_a_process(data_dir, stored, tmp_path):
    pdf = tmp_path / "m.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "print",
            "minutes",
            "--data-dir",
            str(data_dir),
            "--meeting",
            str(stored["final"]),
            "--out",
            str(pdf),
            "--public",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_public_minutes_hide_an_owner_picked_from_the_roster(capsys, data_dir, tmp_path):
    from desktop.domain.meetings import ActionItem
    from desktop.domain.roster import Person
    from desktop.services.people import save_person

    db = open_database(data_dir)
    try:
        save_person(db, Person("王小五"))
        meeting = sample_meeting()
        meeting.actions.append(ActionItem("清点楼道杂物", "王小五"))
        stored = save_meeting(db, replace(meeting, id=None))
    finally:
        db.close()
    pdf = tmp_path / "公示.pdf"
    code, _out, err = run(
        capsys,
        "print",
        "minutes",
        "--data-dir",
        data_dir,
        "--meeting",
        stored.id,
        "--out",
        pdf,
        "--public",
    )
    assert (code, err) == (0, "")
    body = flat(pdftotext(pdf))
    assert "王小五" not in body and "王*五" in body
