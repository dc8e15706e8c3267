"""Printing a big meeting: 200 attendees × 30 topics, about 20 pages of minutes.

Goals: a 20-page minutes PDF in ≤ 1 s (fonts already registered, as after the first print)
and ≤ 400 KB.

Run: .venv/bin/python tests/benchmarks/bench_print.py [--runs 5]
Prints the first print (font registration included), the median of later prints, pages and
size, for the archive and public minutes and the sign-in sheet.
"""

import argparse
import io
import re
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.documents import write_minutes, write_signin_sheet
from desktop.domain.meetings import (
    ActionItem,
    Attendance,
    Meeting,
    Participant,
    ParticipantRole,
    Topic,
)

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜欧阳"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国䶮𠮷堃喆"
DISCUSSION = (
    "物业介绍了现场勘查情况：南侧绿地可以改建为非机动车停车棚，约需 12 万元，"
    "拟从公共收益中列支。居民代表提出，施工期间应保证老人和儿童出行安全，"
    "并希望增加充电桩数量；业委会认为方案需在各楼栋张贴公示七天，征求全体业主意见。"
    "与会人员逐项讨论了费用、工期、维护责任，认为应先公示方案，再组织表决。\n"
    "楼栋长反映，部分老年住户不会使用手机扫码，建议在公示栏旁设置纸质意见箱，"
    "由志愿者每天收取；共建单位表示可以派人协助维护停车棚秩序。"
    "支部书记总结：方案公示期间，各楼栋长负责向本楼住户解释说明，"
    "意见汇总后提交下次议事会表决；涉及费用的部分由业委会出具书面说明。"
    "物业承诺在施工前三天张贴告示，并安排专人在现场引导居民绕行。"
)


def big_meeting(attendees: int = 200, topics: int = 30) -> Meeting:
    roles = list(ParticipantRole)
    people = [
        Participant(
            roles[i % len(roles)],
            SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[i // 40],
            f"{i % 12 + 1}栋楼栋长" if i % 3 else "阳光花园业主委员会",
            attendance=list(Attendance)[i % 4],
        )
        for i in range(attendees)
    ]
    return Meeting(
        title="2026 年度居民议事大会",
        starts_at=datetime(2026, 11, 25, 14, 30),
        place="社区礼堂",
        host="王建国",
        recorder="李秀英",
        participants=people,
        topics=[
            Topic(
                f"第{n}项：南门非机动车停车棚改建方案",
                DISCUSSION,
                150,
                30,
                12,
                "同意按方案公示七天后实施，费用从公共收益中列支。",
            )
            for n in range(1, topics + 1)
        ],
        actions=[
            ActionItem(f"落实第{n}项决议，张贴公示并收集意见", "王建国", date(2026, 12, n % 28 + 1))
            for n in range(1, topics + 1)
        ],
        finalized_at=datetime(2026, 11, 26, 2, 0),
    )


def measure(label: str, write, runs: int) -> None:
    """Wall time (what the secretary waits) and CPU time (steadier on a busy machine)."""
    walls, cpus = [], []
    data = b""
    for _ in range(runs + 1):
        out = io.BytesIO()
        wall, cpu = time.perf_counter(), time.process_time()
        write(out)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        data = out.getvalue()
    print(
        f"{label:<18} first {walls[0]:5.2f} s   median {statistics.median(walls[1:]):5.2f} s "
        f"(CPU {statistics.median(cpus[1:]):5.2f} s)   {page_count(data):3d} pages   "
        f"{len(data) / 1024:4.0f} KB"
    )


def page_count(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--attendees", type=int, default=200)
    parser.add_argument("--topics", type=int, default=30)
    args = parser.parse_args()
    meeting = big_meeting(args.attendees, args.topics)
    print(f"{args.attendees} attendees × {args.topics} topics; goal ≤ 1 s and ≤ 400 KB")
    measure("minutes (archive)", lambda out: write_minutes(meeting, "阳光花园", out), args.runs)
    public = lambda out: write_minutes(meeting, "阳光花园", out, public=True)  # noqa: E731
    measure("minutes (public)", public, args.runs)
    measure("sign-in sheet", lambda out: write_signin_sheet(meeting, "阳光花园", out), args.runs)


if __name__ == "__main__":
    main()
