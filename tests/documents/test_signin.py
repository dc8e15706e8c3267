"""The sign-in sheet: invited people role by role, room to sign, blank rows for walk-ins."""

import io
import re
from dataclasses import replace

from desktop.documents import signin_title, write_signin_sheet
from desktop.documents.signin import FEWEST_WALK_INS, WALK_IN_ROWS
from desktop.domain.labels import printed_word
from desktop.domain.meetings import MeetingKind, Participant, ParticipantRole
from tests.documents.conftest import (
    HOOD,
    R,
    big_meeting,
    page_count,
    page_texts,
    pdftotext,
    sample_meeting,
)

HEADER = "序号角色姓名单位签名到会时间"


def flat(text: str) -> str:
    return "".join(text.split())


def test_sheet_lists_the_invited_role_by_role_with_blank_rows(tmp_path):
    meeting = sample_meeting()
    pdf = tmp_path / "signin.pdf"
    assert write_signin_sheet(meeting, HOOD, pdf) == []
    assert page_count(pdf) == 1  # ten invited and ten blank rows fit on one page
    text = pdftotext(pdf)
    body = flat(text)
    assert body.startswith("阳光花园协商议事会签到表关于3栋加装电梯等事项的协商")
    assert "时间：2026年11月25日14:30" in body and "地点：社区党群服务中心二楼会议室" in body
    assert HEADER in body
    assert "草稿" not in body and "出席情况" not in body
    assert "应到10人" in body

    rows = [line.split() for line in text.splitlines()]
    numbered = [r for r in rows if r and r[0].isdigit() and len(r[0]) <= 3]
    numbers = [int(r[0]) for r in numbered]
    assert numbers == list(range(1, len(meeting.participants) + WALK_IN_ROWS + 1))
    invited = [r for r in numbered if len(r) > 1]
    walk_ins = [r for r in numbered if len(r) == 1]
    assert len(walk_ins) == WALK_IN_ROWS
    # Grouped in the order of the roles, each person once.
    role_order = ["支部委员", *(printed_word(r) for r in ParticipantRole)]
    roles = [r[1] for r in invited]
    assert roles == sorted(roles, key=role_order.index)
    assert sorted(r[2] for r in invited) == sorted(p.name for p in meeting.participants)
    # Within a role, people keep the order they were invited in.
    branch = [r[2] for r in invited if r[1] == "支部委员"]
    assert branch == ["王建国", "李秀英"]


def numbered_rows(pdf) -> list[list[str]]:
    """The table's rows (序号 first), page by page."""
    return [
        [line.split() for line in page.splitlines() if re.match(r"\s*\d{1,3}\s", line + " ")]
        for page in page_texts(pdf)
    ]


def test_nineteen_invited_fit_on_one_page_with_rows_for_walk_ins(tmp_path):
    for invited in (19, 21):
        pdf = tmp_path / f"signin{invited}.pdf"
        write_signin_sheet(big_meeting(attendees=invited, topics=0), HOOD, pdf)
        assert page_count(pdf) == 1, invited
        (rows,) = numbered_rows(pdf)
        assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1))
        assert len(rows) - invited >= FEWEST_WALK_INS
        assert f"应到{invited}人" in flat(pdftotext(pdf))


def test_no_page_holds_blank_rows_alone(tmp_path):
    """45 invited fill two pages to the last row at 9.5 mm: 8 mm rows keep the walk-ins on
    page two instead of alone on a third."""
    pdf = tmp_path / "signin.pdf"
    write_signin_sheet(big_meeting(attendees=45, topics=0), HOOD, pdf)
    pages = numbered_rows(pdf)
    assert len(pages) == 2
    for rows in pages:
        assert any(len(r) > 1 for r in rows)  # someone invited on every page
    walk_ins = [r for r in pages[-1] if len(r) == 1]
    assert FEWEST_WALK_INS <= len(walk_ins) <= WALK_IN_ROWS


def test_branch_members_are_party_members_or_committee_members(tmp_path):
    meeting = replace(
        sample_meeting(),
        kind=MeetingKind.BRANCH,
        participants=[
            Participant(R.BRANCH, "王建国", "党支部书记"),
            Participant(R.BRANCH, "李秀英", "组织委员"),
            Participant(R.BRANCH, "赵国强", "业委会委员"),
            Participant(R.BRANCH, "孙丽", ""),
        ],
    )
    pdf = tmp_path / "s.pdf"
    write_signin_sheet(meeting, HOOD, pdf)
    roles = {r[2]: r[1] for r in numbered_rows(pdf)[0] if len(r) > 2}
    assert roles == {"王建国": "支部委员", "李秀英": "支部委员", "赵国强": "党员", "孙丽": "党员"}
    assert "支部" not in roles.values()


def test_header_row_repeats_on_every_page(tmp_path):
    meeting = big_meeting(attendees=80, topics=0)
    pdf = tmp_path / "signin.pdf"
    write_signin_sheet(meeting, HOOD, pdf)
    texts = [flat(text) for text in page_texts(pdf)]
    pages = len(texts)
    assert pages == page_count(pdf) >= 3
    for page, text in enumerate(texts, 1):
        assert HEADER in text
        assert f"第{page}页共{pages}页" in text
    everything = flat(pdftotext(pdf))
    for p in meeting.participants:
        assert p.name in everything
    last = max(int(n) for n in re.findall(r"^\s*(\d+)\s", pdftotext(pdf), re.M))
    assert last == 80 + WALK_IN_ROWS


def test_titles_for_each_kind(tmp_path):
    for kind, title in (
        (MeetingKind.BUILDING_LEADERS, "阳光花园楼栋长月度例会签到表"),
        (MeetingKind.BRANCH, "阳光花园支部会议签到表"),
    ):
        meeting = replace(sample_meeting(), kind=kind)
        assert signin_title(meeting, HOOD) == title
        stream = io.BytesIO()
        write_signin_sheet(meeting, HOOD, stream)
        pdf = tmp_path / "s.pdf"
        pdf.write_bytes(stream.getvalue())
        assert flat(pdftotext(pdf)).startswith(title)


def test_no_participants_still_gives_rows_to_sign(tmp_path):
    pdf = tmp_path / "s.pdf"
    write_signin_sheet(replace(sample_meeting(), participants=[]), HOOD, pdf)
    body = flat(pdftotext(pdf))
    assert HEADER in body and "应到0人" in body


def test_unprintable_name_is_reported(tmp_path):
    meeting = sample_meeting()
    meeting.participants.append(Participant(R.RESIDENT_REPRESENTATIVE, "李\ue000", "4栋"))
    reported = write_signin_sheet(meeting, HOOD, tmp_path / "s.pdf")
    assert [(u.record, u.char) for u in reported] == [("参会人 李\ue000", "\ue000")]
