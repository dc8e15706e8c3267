"""Minutes on paper: the archive copy a secretary signs, the copy for the notice board."""

import io
import itertools
import random
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from datetime import date

import pytest

from desktop.documents import minutes_title, write_minutes
from desktop.documents.fonts import font_chain
from desktop.documents.masking import NoticeMasker
from desktop.domain.meetings import (
    ActionItem,
    Amendment,
    Meeting,
    MeetingKind,
    Participant,
    Topic,
)
from tests.documents.conftest import (
    HOOD,
    R,
    big_meeting,
    page_count,
    page_texts,
    pdfinfo,
    pdftotext,
    sample_meeting,
)

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def flat(text: str) -> str:
    """pdftotext's text without the spaces and line ends layout adds."""
    return "".join(text.split())


@pytest.fixture
def archive(tmp_path, final_meeting):
    pdf = tmp_path / "archive.pdf"
    assert write_minutes(final_meeting, HOOD, pdf) == []
    return pdf


@pytest.fixture
def public(tmp_path, final_meeting):
    pdf = tmp_path / "public.pdf"
    assert write_minutes(final_meeting, HOOD, pdf, public=True) == []
    return pdf


def test_archive_copy_has_everything_a_secretary_files(archive):
    text = pdftotext(archive)
    body = flat(text)
    assert "阳光花园协商议事会议纪要" in body
    assert "关于3栋加装电梯等事项的协商" in body
    assert "时间：2026年11月25日14:30" in body
    assert "地点：社区党群服务中心二楼会议室" in body
    assert "主持人：王建国" in body and "记录人：李秀英" in body
    assert "应到10人，实到8人，请假1人，缺席1人。" in body
    assert "角色姓名单位出席情况签名" in body
    for name in ("王建国", "𠮷田堃", "张三明", "欧阳振华", "孙䶮", "刘喆", "周红"):
        assert name in body
    assert "议题一：3栋加装电梯的费用分摊" in body
    assert "表决结果：同意27票，反对2票，弃权1票" in body
    assert "达成共识：按楼层系数分摊费用" in body
    assert "未达成共识" in body  # topic two
    assert "序号事项负责人完成期限状态" in body
    assert "2026年12月10日进行中" in body and "未开始" in body and "已完成" in body
    assert "主持人（签名）" in body and "记录人（签名）" in body
    assert "本纪要于2026年11月26日定稿。" in body
    assert "13912345678" in body  # the archive is not masked
    assert "草稿" not in body
    assert "存档版" in body


def test_amendments_come_after_the_signed_minutes(archive):
    body = flat(pdftotext(archive))
    assert body.index("记录人（签名）") < body.index("更正记录")
    assert "2026年12月1日更正：议题一中“30户同意”应为“31户同意”。" in body


def test_a_meeting_not_final_is_marked_draft_on_every_page(tmp_path):
    meeting = sample_meeting()
    meeting.topics[0].discussion *= 30  # several pages
    pdf = tmp_path / "draft.pdf"
    write_minutes(meeting, HOOD, pdf)
    texts = page_texts(pdf)
    assert len(texts) >= 2
    for text in texts:
        assert "草稿·未定稿" in flat(text)
    assert "定稿" not in flat("".join(texts)).replace("未定稿", "")


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (MeetingKind.DELIBERATION, "阳光花园协商议事会议纪要"),
        (MeetingKind.BUILDING_LEADERS, "阳光花园楼栋长月度例会纪要"),
        (MeetingKind.BRANCH, "阳光花园支部会议纪要"),
    ],
)
def test_title_names_the_kind_of_meeting(tmp_path, kind, title):
    meeting = replace(sample_meeting(), kind=kind)
    assert minutes_title(meeting, HOOD) == title
    pdf = tmp_path / "m.pdf"
    write_minutes(meeting, HOOD, pdf)
    assert flat(pdftotext(pdf)).removeprefix("草稿·未定稿").startswith(title)


def test_no_title_says_meeting_twice():
    for kind in MeetingKind:
        title = minutes_title(replace(sample_meeting(), kind=kind), HOOD)
        assert "会会" not in title and "会议会议" not in title, title


def test_the_branch_prints_as_committee_members_and_party_members(tmp_path):
    meeting = sample_meeting()
    meeting.participants.append(Participant(R.BRANCH, "郑红梅", "党支部"))
    pdf = tmp_path / "m.pdf"
    write_minutes(meeting, HOOD, pdf)
    role = {}
    for line in pdftotext(pdf).splitlines():
        words = line.split()
        if len(words) > 1 and words[1] in ("王建国", "李秀英", "郑红梅"):
            role[words[1]] = words[0]
    assert role == {"王建国": "支部委员", "李秀英": "支部委员", "郑红梅": "党员"}


def test_public_copy_masks_residents_and_has_nothing_to_sign(public):
    body = flat(pdftotext(public))
    assert "公示版" in body
    assert "角色姓名单位出席情况" in body
    assert "签名" not in body
    # Residents (居民代表, 贤达能人, 楼栋长) masked everywhere; office holders shown in full.
    for hidden, shown in (
        ("张三明", "张*明"),
        ("欧阳振华", "欧阳*华"),
        ("孙䶮", "孙*"),
        ("刘喆", "刘*"),
        ("𠮷田堃", "𠮷*堃"),
    ):
        assert hidden not in body
        assert shown in body
    for name in ("王建国", "陈志强", "赵丽", "李秀英", "周红"):
        assert name in body
    assert "13912345678" not in body and "139****5678" in body
    assert "1203" not in body and "502" not in body
    assert "张*明介绍了入户征求意见的情况" in body


def test_public_copy_masks_an_action_owner_who_is_a_resident(tmp_path):
    meeting = sample_meeting()
    masked = NoticeMasker(meeting).meeting(meeting)
    owners = [a.owner for a in masked.actions]
    assert owners == ["张*明", "陈志强", "李秀英"]
    assert [p.phone for p in masked.participants if p.phone] == ["138****1234"]
    assert meeting.actions[0].owner == "张三明"  # the meeting itself is untouched


def test_public_copy_masks_a_person_of_the_roster_named_as_owner(tmp_path):
    meeting = sample_meeting()
    meeting.actions += [ActionItem("清点楼道杂物", "王小五"), ActionItem("通报进展", "陈志强")]
    pdf = tmp_path / "public.pdf"
    # Both are in the roster; 陈志强 sits at the meeting for the owners' committee.
    write_minutes(meeting, HOOD, pdf, public=True, residents={"王小五", "陈志强"})
    body = flat(pdftotext(pdf))
    assert "王小五" not in body and "王*五" in body
    assert "陈志强" in body
    archive = tmp_path / "archive.pdf"
    write_minutes(meeting, HOOD, archive, residents={"王小五"})
    assert "王小五" in flat(pdftotext(archive))


def test_notice_masker_phones_and_addresses():
    masker = NoticeMasker(sample_meeting())
    assert masker.text("电话 138 1234 5678 或 0755-26881234") == "电话 138****5678 或 0755-********"
    assert masker.text("身份证 440301199001011234") == "身份证 440301199001011234"
    assert masker.text("住 12号楼 3 单元 502室，") == "住 12号楼，"
    assert masker.text("5幢1203的住户") == "5幢的住户"
    assert masker.text("3栋12户同意") == "3栋12户同意"
    assert masker.text("") == ""


def test_notice_masker_keeps_a_building_before_a_masked_phone():
    """The room pattern must not eat the 138 a masked phone keeps."""
    masker = NoticeMasker(sample_meeting())
    assert masker.text("3栋 13812345678") == "3栋 138****5678"
    assert masker.text("3栋1203室13812345678") == "3栋138****5678"
    assert masker.text("3栋2单元1203 +86 138-1234-5678") == "3栋 138****5678"
    assert masker.text("3栋2单元 0755-26881234") == "3栋 0755-********"
    assert masker.text("3栋2单元 010 1234 5678") == "3栋 010-********"


# Numbers as secretaries type them; every one has 1234 where the mask puts ****.
TYPED_PHONES = [
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


def _strings(record: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text field of a meeting and of its parts, with where it is."""
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, str):
            yield f"{path}{f.name}", value
        elif isinstance(value, list):
            for n, item in enumerate(value):
                if is_dataclass(item):
                    yield from _strings(item, f"{path}{f.name}[{n}].")


def _phones_everywhere(meeting: Meeting) -> Meeting:
    """``meeting`` with a typed phone in every text field, each field its own way."""
    phones = itertools.cycle(TYPED_PHONES)

    def fill(record):
        changes = {
            f.name: f"电话{next(phones)}"
            for f in fields(record)
            if isinstance(getattr(record, f.name), str) and f.name != "uuid"
        }
        return replace(record, **changes)

    return replace(
        fill(meeting),
        participants=[fill(p) for p in meeting.participants],
        topics=[fill(t) for t in meeting.topics],
        actions=[fill(a) for a in meeting.actions],
        amendments=[fill(a) for a in meeting.amendments],
    )


def test_notice_masker_masks_a_phone_in_every_text_field():
    meeting = _phones_everywhere(sample_meeting(final=True))
    filled = [where for where, value in _strings(meeting) if "电话" in value]
    assert len(filled) > 40  # every part of the meeting has numbers in it
    masked = NoticeMasker(meeting).meeting(meeting)
    for where, value in _strings(masked):
        if where == "uuid":
            continue
        plain = value.translate(FULL_WIDTH_DIGITS)
        assert "1234" not in "".join(plain.split()).replace(".", "").replace("-", ""), where


def test_public_copy_prints_no_phone_however_typed(tmp_path):
    meeting = sample_meeting(final=True)
    meeting.topics[0] = replace(
        meeting.topics[0],
        discussion="；".join(f"住户{n}电话{phone}" for n, phone in enumerate(TYPED_PHONES)),
    )
    meeting.amendments.append(Amendment("更正：电话应为+8613812345630", date(2026, 12, 2)))
    meeting.actions[1] = replace(meeting.actions[1], owner="物业 138 1234 5631")
    meeting.participants[1] = replace(meeting.participants[1], name="陈志强13812345632")
    pdf = tmp_path / "public.pdf"
    write_minutes(meeting, "阳光花园（热线13812345633）", pdf, public=True)
    text = pdftotext(pdf)
    body = flat(pdftotext(pdf, layout=False)).translate(FULL_WIDTH_DIGITS)  # cells kept whole
    for digits in ("1234", "2345"):
        assert digits not in body and digits not in flat(text).translate(FULL_WIDTH_DIGITS)
    for tail in (
        "5601",
        "5602",
        "5603",
        "5604",
        "5605",
        "5606",
        "5607",
        "5608",
        "5630",
        "5631",
        "5632",
        "5633",
    ):
        assert f"138****{tail}" in body, tail
    assert body.count("0755-********") == 4
    assert "更正：电话应为138****5630" in body
    assert "陈志强138****5632" in body
    assert "阳光花园（热线138****5633）协商议事会议纪要" in body
    info = pdfinfo(pdf)
    assert "1234" not in info["Title"] and "1234" not in info["Author"]
    # The archive copy keeps every number as typed.
    archive = tmp_path / "archive.pdf"
    write_minutes(meeting, HOOD, archive)
    assert "+8613812345630" in flat(pdftotext(archive))


def test_footer_counts_the_pages(tmp_path):
    pdf = tmp_path / "long.pdf"
    write_minutes(big_meeting(attendees=60, topics=10), HOOD, pdf)
    pages = page_count(pdf)
    assert pages >= 3
    texts = page_texts(pdf)
    assert len(texts) == pages
    for page, text in enumerate(texts, 1):
        assert f"第{page}页共{pages}页" in flat(text)


def test_two_hundred_attendees_and_thirty_topics(tmp_path):
    meeting = big_meeting()
    pdf = tmp_path / "big.pdf"
    assert write_minutes(meeting, HOOD, pdf) == []
    pages = [flat(text) for text in page_texts(pdf)]
    assert 10 <= len(pages) <= 40, len(pages)
    body = "".join(pages)
    for p in meeting.participants:
        assert p.name in body, p.name
    for n in range(1, 31):
        assert f"议题内容第{n}项" in body
    # The attendance table runs over several pages, its header row repeated on each.
    first = next(i for i, text in enumerate(pages) if meeting.participants[0].name in text)
    last = next(i for i, text in enumerate(pages) if meeting.participants[-1].name in text)
    assert last - first >= 4
    for text in pages[first : last + 1]:
        assert "角色姓名单位出席情况签名" in text


def test_unprintable_characters_are_reported_with_their_record(tmp_path):
    meeting = sample_meeting()
    meeting.participants[3] = replace(meeting.participants[3], name="王\ue000明")
    meeting.topics[1] = replace(meeting.topics[1], discussion="大家都同意😀")
    meeting.actions[1] = replace(meeting.actions[1], what="买\ue000灯泡")
    reported = write_minutes(meeting, HOOD, tmp_path / "m.pdf")
    assert [(u.record, u.char) for u in reported] == [
        ("参会人 王\ue000明", "\ue000"),
        ("议题2‘小区南门非机动车乱停放’", "😀"),
        ("待办事项2‘买\ue000灯泡’", "\ue000"),
    ]
    assert reported[0].message == "记录“参会人 王\ue000明”中的字“\ue000”（U+E000）无法打印"


def test_a_character_in_the_neighborhood_name_is_reported_once(tmp_path):
    meeting = sample_meeting()
    meeting.topics[0].discussion *= 40  # pages with the title in their running head
    reported = write_minutes(meeting, "阳光\ue000园", tmp_path / "m.pdf")
    assert [(u.record, u.char) for u in reported] == [("小区名称", "\ue000")]


def test_the_public_copy_reports_only_what_it_prints(tmp_path):
    meeting = sample_meeting()
    # The uncovered character is hidden by the mask: nothing is missing from the paper.
    meeting.participants[3] = replace(meeting.participants[3], name="王\ue000明")
    assert write_minutes(meeting, HOOD, tmp_path / "p.pdf", public=True) == []
    assert write_minutes(meeting, HOOD, tmp_path / "a.pdf") != []


def test_without_the_second_face_rare_characters_are_reported(tmp_path):
    hei_only = font_chain().only("ShurenHei")
    reported = write_minutes(sample_meeting(), HOOD, tmp_path / "m.pdf", fonts=hei_only)
    assert ("参会人 孙䶮", "䶮") in [(u.record, u.char) for u in reported]
    assert ("参会人 𠮷田堃", "𠮷") in [(u.record, u.char) for u in reported]


def test_writes_to_a_stream_and_replaces_a_file_whole(tmp_path):
    stream = io.BytesIO()
    write_minutes(sample_meeting(), HOOD, stream)
    assert stream.getvalue().startswith(b"%PDF-")
    path = tmp_path / "m.pdf"
    path.write_bytes(b"old")
    write_minutes(sample_meeting(), HOOD, str(path))
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["m.pdf"]  # no temporary file left


def test_an_empty_meeting_prints(tmp_path):
    meeting = replace(
        sample_meeting(),
        participants=[],
        topics=[],
        actions=[],
        title="",
        place="",
        host="",
        recorder="",
    )
    pdf = tmp_path / "empty.pdf"
    write_minutes(meeting, "", pdf)
    body = flat(pdftotext(pdf))
    assert body.removeprefix("草稿·未定稿").startswith("协商议事会议纪要")
    assert "未登记参会人员" in body and "本次会议未记录议题" in body


def test_huge_texts_in_paragraphs_and_table_cells_print(tmp_path):
    long = ("一楼住户提出补偿方案需要再议，" * 700)[:10_000]
    meeting = sample_meeting()
    meeting.topics[0] = replace(meeting.topics[0], discussion=long, consensus=long[:3000])
    meeting.actions[0] = replace(meeting.actions[0], what=long)  # a cell longer than a page
    meeting.participants[0] = replace(meeting.participants[0], organization="单位" * 300)
    pdf = tmp_path / "huge.pdf"
    assert write_minutes(meeting, HOOD, pdf) == []
    assert page_count(pdf) >= 10
    assert flat(pdftotext(pdf)).count("一楼住户提出补偿方案需要再议") >= 2 * 600 + 150


FUZZ = (
    list("张王李赵，。！？「」《》：；、")
    + list("&<>\"'/")
    + list("䶮𠮷堃喆")
    + [
        "😀",
        "👨‍👩‍👧",
        "\ue000",
        "\u200b",
        "\n",
        "\t",
        " ",
        "\u3000",
        "<b>",
        "&amp;",
        "13812345678",
        "3栋2单元1203",
    ]
)


def test_fuzzed_meetings_always_print(tmp_path):
    rng = random.Random(7)

    def text(n: int) -> str:
        return "".join(rng.choice(FUZZ) for _ in range(rng.randint(0, n)))

    for i in range(4):
        meeting = replace(
            sample_meeting(final=i % 2 == 1),
            title=text(30),
            place=text(20),
            host=text(6),
            recorder=text(6),
            participants=[
                Participant(rng.choice(list(R)), text(8) or "某", text(20))
                for _ in range(rng.randint(0, 30))
            ],
            topics=[
                Topic(text(30) or "议题", text(400), rng.choice([None, 3]), None, 1, text(80))
                for _ in range(rng.randint(0, 6))
            ],
            actions=[
                ActionItem(text(60) or "事", text(6), rng.choice([None, date(2026, 1, 2)]))
                for _ in range(rng.randint(0, 6))
            ],
            amendments=[Amendment(text(50), date(2026, 12, 1))],
        )
        for public in (False, True):
            pdf = tmp_path / f"fuzz{i}{public}.pdf"
            reported = write_minutes(meeting, text(10), pdf, public=public)
            assert page_count(pdf) >= 1
            assert all(u.char for u in reported)
