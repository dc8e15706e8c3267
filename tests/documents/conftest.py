"""Meetings to print, and poppler's tools to read the PDFs back (build/dev.sh installs them)."""

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from desktop.domain.meetings import (
    ActionItem,
    ActionStatus,
    Amendment,
    Attendance,
    Meeting,
    MeetingKind,
    Participant,
    ParticipantRole,
    Topic,
)

R, A = ParticipantRole, Attendance
HOOD = "阳光花园"


def sample_meeting(*, final: bool = False) -> Meeting:
    """A deliberation meeting as a secretary records one, with rare name characters."""
    participants = [
        Participant(R.BRANCH, "王建国", "阳光花园党支部书记", attendance=A.PRESENT),
        Participant(R.OWNERS_COMMITTEE, "陈志强", "业委会主任", attendance=A.PRESENT),
        Participant(R.PROPERTY_COMPANY, "赵丽", "万家物业服务中心经理", attendance=A.EXCUSED),
        Participant(R.RESIDENT_REPRESENTATIVE, "𠮷田堃", "3栋2单元1203", attendance=A.PRESENT),
        Participant(
            R.BUILDING_LEADER, "张三明", "3栋楼栋长", phone="13812341234", attendance=A.PRESENT
        ),
        Participant(R.BUILDING_LEADER, "欧阳振华", "5栋楼栋长", attendance=A.PRESENT),
        Participant(R.TALENT, "孙䶮", "退休工程师", attendance=A.PRESENT),
        Participant(R.RESIDENT_REPRESENTATIVE, "刘喆", "3栋1单元502", attendance=A.ABSENT),
        Participant(R.BRANCH, "李秀英", "党支部组织委员", attendance=A.PRESENT),
        Participant(R.PARTNER_UNIT, "周红", "市第二人民医院社区服务部", attendance=A.PRESENT),
    ]
    topics = [
        Topic(
            "3栋加装电梯的费用分摊",
            "张三明介绍了入户征求意见的情况：3栋共 36 户，30 户同意加装电梯。"
            "刘喆（电话 13912345678）提出应给予一楼、二楼适当补偿。\n"
            "物业书面意见：施工期间需占用绿地约 20 平方米，完工后恢复。",
            27,
            2,
            1,
            "按楼层系数分摊费用，一楼不出资；对一楼住户每户补偿 2,000 元。",
        ),
        Topic("小区南门非机动车乱停放", "欧阳振华反映南门外电动车乱停，影响消防通道。"),
        Topic(
            "冬季独居老人走访安排",
            "孙䶮愿意为老人检修电器。",
            9,
            0,
            0,
            "由各楼栋长每周走访一次独居老人。",
        ),
    ]
    actions = [
        ActionItem(
            "联系电梯公司出具三种方案的报价，在 3栋2单元1203 门口张贴",
            "张三明",
            date(2026, 12, 10),
            ActionStatus.IN_PROGRESS,
        ),
        ActionItem("与街道城管沟通南门非机动车停放划线", "陈志强", date(2026, 12, 5)),
        ActionItem("汇总独居老人名单", "李秀英", date(2026, 11, 30), ActionStatus.DONE),
    ]
    amendments = [Amendment("议题一中“30 户同意”应为“31 户同意”。", date(2026, 12, 1))]
    return Meeting(
        title="关于3栋加装电梯等事项的协商",
        kind=MeetingKind.DELIBERATION,
        starts_at=datetime(2026, 11, 25, 14, 30),
        place="社区党群服务中心二楼会议室",
        host="王建国",
        recorder="李秀英",
        participants=participants,
        topics=topics,
        actions=actions,
        amendments=amendments if final else [],
        finalized_at=datetime(2026, 11, 26, 2, 0) if final else None,  # UTC
        id=7,
    )


def big_meeting(attendees: int = 200, topics: int = 30) -> Meeting:
    """A large meeting: every name distinct and findable in the text."""
    roles = list(ParticipantRole)
    surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国"
    people = [
        Participant(
            roles[i % len(roles)],
            f"{surnames[i % len(surnames)]}{given[(i * 7) % len(given)]}{given[i // 30]}",
            f"{i % 12 + 1}栋楼栋长" if i % 3 else "阳光花园业主委员会",
            attendance=list(Attendance)[i % 4],
        )
        for i in range(attendees)
    ]
    discussion = (
        "与会人员围绕议题充分讨论，物业介绍了现场勘查情况，居民代表提出了具体意见。"
        "大家认为应当先公示方案，再征求全体住户意见，确保程序公开、结果公正。"
    )
    return Meeting(
        title="年度议事大会",
        starts_at=datetime(2026, 11, 25, 14, 30),
        place="社区礼堂",
        host="王建国",
        recorder="李秀英",
        participants=people,
        topics=[
            Topic(f"议题内容第{n}项", discussion * 2, 120, 30, 10, f"同意第{n}项方案。")
            for n in range(1, topics + 1)
        ],
        actions=[
            ActionItem(f"落实第{n}项决议", "王建国", date(2026, 12, n % 28 + 1))
            for n in range(1, topics + 1)
        ],
    )


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} (poppler-utils) is not installed; build/dev.sh installs it")
    return path


def _run(*args: object) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, check=True, timeout=60)
    return result.stdout.decode("utf-8")


def pdftotext(pdf: Path, *, page: int | None = None, layout: bool = True) -> str:
    pages = ["-f", page, "-l", page] if page else []
    return _run(tool("pdftotext"), *(["-layout"] if layout else []), *pages, pdf, "-")


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    return pdftotext(pdf).split("\f")[:-1]


def pdfinfo(pdf: Path) -> dict[str, str]:
    """The document's information (Title, Author, Pages, …) as pdfinfo prints it."""
    info = {}
    for line in _run(tool("pdfinfo"), pdf).splitlines():
        key, _, value = line.partition(":")
        info[key] = value.strip()
    return info


def page_count(pdf: Path) -> int:
    pages = pdfinfo(pdf).get("Pages")
    if pages is None:
        raise AssertionError("pdfinfo gave no page count")
    return int(pages)


def pdffonts(pdf: Path) -> list[dict[str, str]]:
    """One dict per font: name, type, emb, sub, uni."""
    lines = _run(tool("pdffonts"), pdf).splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type [type words…] encoding emb sub uni object-id generation
        fonts.append(
            {
                "name": parts[0],
                "type": " ".join(parts[1:-6]),
                "emb": parts[-5],
                "sub": parts[-4],
                "uni": parts[-3],
            }
        )
    return fonts


def render(pdf: Path, page: int = 1, dpi: int = 72) -> Image.Image:
    """The page as a greyscale image (pdftoppm)."""
    prefix = pdf.with_suffix("")
    _run(
        tool("pdftoppm"),
        "-r",
        dpi,
        "-gray",
        "-png",
        "-f",
        page,
        "-l",
        page,
        "-singlefile",
        pdf,
        prefix,
    )
    with Image.open(prefix.with_suffix(".png")) as image:
        return image.convert("L")


def words_with_boxes(pdf: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points, from pdftotext -bbox."""
    html = _run(tool("pdftotext"), "-bbox", "-f", page, "-l", page, pdf, "-")
    found = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    for m in re.finditer(pattern, html):
        found.append((m.group(5), *(float(m.group(i)) for i in range(1, 5))))
    return found


def dark_pixels(image: Image.Image, box: tuple[float, float, float, float], dpi: int = 72) -> int:
    """Pixels darker than mid-grey inside a box given in points."""
    scale = dpi / 72
    crop = image.crop(tuple(round(v * scale) for v in box))
    return sum(crop.histogram()[:128])


@pytest.fixture
def meeting() -> Meeting:
    return sample_meeting()


@pytest.fixture
def final_meeting() -> Meeting:
    return sample_meeting(final=True)
