"""Demo visits (走访): reception days and door knocking, some followed up this week, some later,
some done, a third of them linked to a need of the demo's own."""

import random
from datetime import date, timedelta

from desktop.domain.needs import Satisfaction
from desktop.domain.visits import ReferralTarget, Visit, VisitKind
from desktop.services import visits

ISSUES = (
    ("楼道声控灯坏了，晚上上下楼看不见", "设施维修"),
    ("楼上装修每天早上七点就开始电钻，老人休息不好", "噪音扰民"),
    ("地下车库B区有外来车辆长期占用车位", "停车交通"),
    ("垃圾分类点附近有异味，夏天苍蝇多", "环境卫生"),
    ("电梯最近经常停在半层，孩子被困过一次", "安全隐患"),
    ("独居老人想了解社区助餐怎么报名", "养老助老"),
    ("物业费上涨但保洁次数减少，希望公开账目", "物业服务"),
    ("小区东门消防通道被电动车堵住", "安全隐患"),
    ("希望增加四点半课堂的名额", "托育教育"),
    ("邻居家狗夜里叫，沟通过没有改善", "邻里纠纷"),
)
HANDLINGS = (
    "当场联系物业维修",
    "已转告业委会，约定本周答复",
    "记录在案，纳入下次议事会议题",
    "当场解答政策并登记",
    "联系楼栋长上门协调",
)


def make_visits(
    db, rng: random.Random, today: date, people, categories: dict[str, int], need_ids, count: int
) -> None:
    """``count`` visits to ``people`` (rows: id, name, phone, building, unit, room, …)."""
    linkable = list(need_ids)
    rng.shuffle(linkable)
    for i in range(count):
        person = rng.choice(people)
        issue, category = rng.choice(ISSUES)
        visited = today - timedelta(days=rng.randint(0, 120))
        # Some follow-ups fall this week (the home page shows them), some later, some done.
        follow = rng.choice((None, 1, 2, 5, 10, -3))
        follow_up = min(visited + timedelta(days=rng.randint(2, 14)), today + timedelta(days=30))
        if follow is not None and visited > today - timedelta(days=14):
            follow_up = today + timedelta(days=follow)
        follow_up = max(follow_up, visited)
        old = visited < today - timedelta(days=20)
        visits.save_visit(
            db,
            Visit(
                kind=VisitKind.RECEPTION_DAY if rng.random() < 0.55 else VisitKind.DOOR_KNOCKING,
                visited_on=visited,
                resident=person[1],
                phone=person[2] or "",
                building=person[3] or "",
                unit=person[4],
                room=person[5],
                issue=issue,
                category_id=categories.get(category),
                handling=rng.choice(HANDLINGS),
                referred_to=rng.choice(list(ReferralTarget)) if rng.random() < 0.35 else None,
                follow_up_on=None if follow is None and old else follow_up,
                outcome="已解决，居民表示感谢" if old else "",
                satisfaction=rng.choice(list(Satisfaction)) if old else None,
                need_id=linkable.pop() if linkable and i % 3 == 0 else None,
            ),
        )
