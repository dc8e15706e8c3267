"""The demo's projects (项目): micro livelihood projects, partnerships and self-governance, each
answering needs of its stage (a completed project answered needs now solved), using resources,
with the residents and organizations that initiate, organize and carry it out."""

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.needs import NeedStatus
from desktop.domain.projects import PartyRole, ProjectKind, ProjectStage
from desktop.domain.roster import OrganizationKind
from desktop.services.demo.bulk import insert, relink, renumber
from desktop.services.demo.columns import (
    PARTY_COLUMNS,
    PROJECT_COLUMNS,
    PROJECT_NEED_COLUMNS,
    PROJECT_RESOURCE_COLUMNS,
)
from desktop.services.demo.dice import DAYS, Dice, Weights, random_uuid
from desktop.services.demo.needs import Needs
from desktop.services.demo.roster import Roster
from desktop.store.models import (
    ProjectNeedRecord,
    ProjectPartyRecord,
    ProjectRecord,
    ProjectResourceRecord,
)

# Projects: (title, description, acceptance note, residents' evaluation)
PROJECT_TEMPLATES: dict[ProjectKind, tuple[tuple[str, str, str, str], ...]] = {
    ProjectKind.LIVELIHOOD_MICRO: (
        (
            "地下车库照明改造",
            "更换车库灯具并加装感应照明。",
            "灯具全部到位，照度检测合格。",
            "车库亮堂多了，晚上停车放心。",
        ),
        (
            "电动自行车集中充电棚建设",
            "建设集中充电棚，配套消防设施。",
            "充电棚通过消防验收。",
            "再也不用把电动车推上楼了。",
        ),
        (
            "儿童游乐设施更新",
            "拆除破损设施，更换安全地垫和组合滑梯。",
            "设施经第三方安全检测合格。",
            "孩子们很喜欢，希望多安排保洁。",
        ),
        (
            "长者助餐点建设",
            "与社区长者饭堂合作设小区助餐点。",
            "助餐点试运行一个月，运转正常。",
            "饭菜可口，价格实惠。",
        ),
        (
            "楼道消防设施更新",
            "更换过期灭火器，加装应急照明。",
            "消防器材全部更换并登记。",
            "安全感提升了。",
        ),
        (
            "健身路径器材更换",
            "更换老化健身器材12件。",
            "器材安装牢固，验收合格。",
            "早上锻炼的人更多了。",
        ),
        (
            "{b}无障碍坡道和扶手加装",
            "在单元入口加装坡道和扶手。",
            "坡道坡度符合规范。",
            "推轮椅方便多了。",
        ),
        (
            "高空抛物监控安装",
            "在重点楼栋加装高空抛物监控。",
            "监控画面接入物业监控中心。",
            "高空抛物明显少了。",
        ),
        (
            "垃圾分类屋升级改造",
            "加装除臭喷淋、洗手池和照明。",
            "改造完成，异味明显减轻。",
            "干净整洁，投放方便。",
        ),
        (
            "党群微阵地共享书屋",
            "改造架空层为共享书屋。",
            "书屋开放，首批图书上架。",
            "孩子放学有地方看书了。",
        ),
    ),
    ProjectKind.PARTNERSHIP: (
        (
            "四点半课堂",
            "与翠竹实验小学共建，放学后课业辅导。",
            "本学期开课60次，服务学生80人。",
            "老师认真负责，家长放心。",
        ),
        (
            "家庭医生进小区义诊",
            "社区健康服务中心每月入小区义诊。",
            "全年义诊12次，服务居民600人次。",
            "在家门口就能量血压、问医生。",
        ),
        (
            "法律咨询进小区",
            "律师事务所每月一次法律咨询。",
            "全年接待咨询120人次，调解纠纷5起。",
            "律师讲得很清楚。",
        ),
        (
            "用电安全入户检查",
            "供电所入户检查老旧线路。",
            "检查住户300户，整改隐患42处。",
            "帮我们换了老化的插座。",
        ),
    ),
    ProjectKind.SELF_GOVERNANCE: (
        (
            "楼道杂物清理行动",
            "楼栋长带领居民清理楼道杂物。",
            "清理楼道24条，建立月度巡查。",
            "楼道宽敞了，逃生也安全。",
        ),
        (
            "文明养犬劝导",
            "志愿者在遛狗高峰时段劝导文明养犬。",
            "劝导300余人次，粪便明显减少。",
            "草坪干净了。",
        ),
        (
            "邻里公约宣传",
            "入户宣传新通过的邻里公约。",
            "入户宣传800户，签名承诺600户。",
            "大家都知道规矩了。",
        ),
        (
            "停车秩序自治管理",
            "业主志愿者协助规范小区停车。",
            "消防通道占用基本消除。",
            "消防通道终于通了。",
        ),
    ),
    ProjectKind.OTHER: (
        (
            "小区开放日",
            "组织邻里开放日，展示自组织风采。",
            "活动参与居民500余人。",
            "认识了不少新邻居。",
        ),
        (
            "暖蜂驿站共建",
            "为快递员、外卖骑手设歇脚点。",
            "驿站开放，日均服务30人次。",
            "骑手们很感谢。",
        ),
        ("邻里美食节", "居民自带家乡菜，以食会友。", "活动参与居民300余人。", "热闹又温馨。"),
    ),
}
PROJECT_KIND_WEIGHTS = Weights(
    {
        ProjectKind.LIVELIHOOD_MICRO: 55,
        ProjectKind.PARTNERSHIP: 18,
        ProjectKind.SELF_GOVERNANCE: 20,
        ProjectKind.OTHER: 7,
    }
)
PROJECT_STAGE_WEIGHTS = Weights(
    {
        ProjectStage.COMPLETED: 45,
        ProjectStage.IN_PROGRESS: 20,
        ProjectStage.AWAITING_ACCEPTANCE: 10,
        ProjectStage.PROPOSED: 15,
        ProjectStage.TERMINATED: 10,
    }
)
MORE_NEEDS = Weights({0: 50, 1: 35, 2: 15})  # a project answers 1–3 needs
RESOURCES_USED = Weights({0: 30, 1: 50, 2: 20})
STOP_REASONS = (
    "业主意见分歧较大，经协商议事会表决暂缓实施",
    "施工方案未通过消防审查",
    "资金未获批复",
    "需求已由物业自行解决，项目终止",
    "涉及公共部位改造，业主大会未通过",
)
BRANCH = "翠竹苑小区党支部"
CONTRACTORS = (
    "深圳市安居建筑工程有限公司",
    "深圳市绿源环境工程有限公司",
    "深圳市鹏城电梯工程有限公司",
    "深圳市平安消防工程有限公司",
)
# The share of its budget a project has spent, by stage (lowest, highest).
SPENT_SHARE = {
    ProjectStage.PROPOSED: (0.0, 0.0),
    ProjectStage.IN_PROGRESS: (0.1, 0.7),
    ProjectStage.AWAITING_ACCEPTANCE: (0.8, 1.0),
    ProjectStage.COMPLETED: (0.85, 1.0),
    ProjectStage.TERMINATED: (0.0, 0.4),
}
INITIATOR, ORGANIZER, IMPLEMENTER = (
    PartyRole.INITIATOR.value,
    PartyRole.ORGANIZER.value,
    PartyRole.IMPLEMENTER.value,
)
_REGISTERED = PROJECT_COLUMNS.index("registered_on")


def add_projects(s: Session, c: Roster, n: int, needs: Needs, resource_ids: list[int]) -> None:
    """``n`` projects with their parties and the needs and resources they link, written."""
    first_id = (s.scalar(select(func.max(ProjectRecord.id))) or 0) + 1
    projects, parties, need_links, resource_links = make_projects(
        c, n, first_id, needs, resource_ids
    )
    insert(s, ProjectRecord, PROJECT_COLUMNS, projects)
    insert(s, ProjectPartyRecord, PARTY_COLUMNS, parties)
    insert(s, ProjectNeedRecord, PROJECT_NEED_COLUMNS, need_links)
    insert(s, ProjectResourceRecord, PROJECT_RESOURCE_COLUMNS, resource_links)


def make_projects(
    c: Roster, n: int, first_id: int, needs: Needs, resource_ids: list[int]
) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]]:
    """Projects (PROJECT_COLUMNS) with their parties (PARTY_COLUMNS) and the needs and
    resources they link, ids from ``first_id`` in the order they were registered."""
    pools, everything = _pools(c, needs)
    rows, parties, need_links, resource_links = [], [], [], []
    for project_id in range(n):
        row, kind, stage, answered, used = _project(
            c, project_id, pools, everything, needs, resource_ids
        )
        rows.append(row)
        need_links += [(project_id, need_id) for need_id in answered]
        resource_links += [(project_id, resource_id) for resource_id in used]
        parties += _parties(c, project_id, kind, stage)
    rows, ids = renumber(rows, _REGISTERED, first_id)
    return rows, relink(parties, ids), relink(need_links, ids), relink(resource_links, ids)


def _pools(c: Roster, needs: Needs) -> tuple[dict[ProjectStage, Sequence[int]], range]:
    """Where a project's needs come (by their place in ``needs``), by the project's stage:
    a completed project answered needs now solved. And all the needs."""
    everything = range(len(needs.statuses))
    by_status: dict[NeedStatus, list[int]] = {s: [] for s in NeedStatus}
    for index, status in enumerate(needs.statuses):
        by_status[status].append(index)
    settled = c.today - DAYS[240]
    pools: dict[ProjectStage, Sequence[int]] = {
        ProjectStage.COMPLETED: [
            i for i in by_status[NeedStatus.RESOLVED] if needs.days[i] <= settled
        ]
        or by_status[NeedStatus.RESOLVED],
        ProjectStage.AWAITING_ACCEPTANCE: by_status[NeedStatus.IN_PROGRESS],
        ProjectStage.IN_PROGRESS: by_status[NeedStatus.IN_PROGRESS],
        ProjectStage.PROPOSED: by_status[NeedStatus.PENDING] + by_status[NeedStatus.IN_PROGRESS],
        ProjectStage.TERMINATED: everything,
    }
    return pools, everything


def _project(
    c: Roster,
    project_id: int,
    pools: dict[ProjectStage, Sequence[int]],
    everything: range,
    needs: Needs,
    resource_ids: list[int],
) -> tuple[tuple, ProjectKind, ProjectStage, list[int], list[int]]:
    """One project's row, kind and stage, and the ids of the needs and resources it links."""
    rng = c.rng
    kind, stage = rng.weighted(PROJECT_KIND_WEIGHTS), rng.weighted(PROJECT_STAGE_WEIGHTS)
    title, description, acceptance, evaluation = rng.choice(PROJECT_TEMPLATES[kind])
    pool = pools[stage] or everything
    first = rng.choice(pool)
    answered = {first}
    for _ in range(rng.weighted(MORE_NEEDS)):
        answered.add(rng.choice(pool if rng.random() < 0.9 else everything))
    used: set[int] = set()
    if resource_ids:
        last = len(resource_ids) - 1
        used = {rng.randint(0, last) for _ in range(rng.weighted(RESOURCES_USED))}
    registered = _after(c, needs.days[first], 2, 30)
    start, end, accepted = _dates(c, stage, registered)
    budget, spent = _budget(rng, kind, stage)
    rating_count, rating, note, comments = 0, None, "", ""
    if stage is ProjectStage.COMPLETED:
        rating_count, rating = _rating(rng)
        note, comments = acceptance, evaluation
    if kind is ProjectKind.LIVELIHOOD_MICRO and rng.random() < 0.5:
        title = f"{registered.year}年{title}"
    row = (
        project_id,
        random_uuid(rng),
        title.format(b=needs.buildings[first] or "1栋"),
        kind._value_,
        stage._value_,
        rng.choice(STOP_REASONS) if stage is ProjectStage.TERMINATED else "",
        description,
        budget,
        spent,
        registered,
        start,
        end,
        accepted,
        note,
        rating_count,
        rating,
        comments,
        c.now,
        c.now,
    )
    answered_ids = [needs.ids[x] for x in sorted(answered)]
    return row, kind, stage, answered_ids, [resource_ids[x] for x in sorted(used)]


def _after(c: Roster, day: date, low: int, high: int) -> date:
    """A day ``low``–``high`` days after ``day``, by yesterday at the latest."""
    return min(day + DAYS[c.rng.randint(low, high)], c.last)


def _dates(
    c: Roster, stage: ProjectStage, registered: date
) -> tuple[date | None, date | None, date | None]:
    """When a project started (or is planned to), ended and was accepted, as its stage has it."""
    rng = c.rng
    start = end = accepted = None
    if stage is ProjectStage.PROPOSED and rng.random() < 0.4:
        start = registered + DAYS[rng.randint(20, 60)]  # planned
    elif (
        stage
        in (ProjectStage.IN_PROGRESS, ProjectStage.AWAITING_ACCEPTANCE, ProjectStage.COMPLETED)
        or rng.random() < 0.5
    ):
        start = _after(c, registered, 3, 40)
    if stage in (ProjectStage.AWAITING_ACCEPTANCE, ProjectStage.COMPLETED) and start:
        end = _after(c, start, 15, 120)
    if stage is ProjectStage.COMPLETED and end:
        accepted = _after(c, end, 3, 30)
    return start, end, accepted


def _budget(rng: Dice, kind: ProjectKind, stage: ProjectStage) -> tuple[int, int]:
    """The budget and what is spent of it, in fen."""
    if kind is ProjectKind.LIVELIHOOD_MICRO:  # ¥8,000–¥200,000
        budget = rng.randint(80, 2000) * 10_000
        if rng.random() < 0.2:
            budget = rng.randint(800_000, 20_000_000)  # to the fen: ¥12,345.67
    elif rng.random() < 0.4:
        budget = 0  # done with donated time and goods
    else:
        budget = rng.randint(50, 3000) * 1_000
    low, high = SPENT_SHARE[stage]
    return budget, int(budget * rng.uniform(low, high))


def _rating(rng: Dice) -> tuple[int, int]:
    """How many residents rated a completed project, and their average (in hundredths)."""
    rating_count = rng.randint(8, 150)
    r = rng.random()
    rating = (
        rng.randint(380, 500)
        if r < 0.85
        else rng.randint(250, 379)
        if r < 0.97
        else rng.randint(100, 249)
    )
    return rating_count, rating


def _parties(c: Roster, project_id: int, kind: ProjectKind, stage: ProjectStage) -> list[tuple]:
    """Talented residents and organizations initiate, organize and carry out projects: rows
    (project, role, name, person_id, organization_id)."""
    rng = c.rng
    branch = (BRANCH, None, None)
    r = rng.random()
    initiator = (
        c.talent()
        if r < 0.4
        else c.org(OrganizationKind.OWNERS_COMMITTEE)
        if r < 0.55
        else c.org(OrganizationKind.SELF_ORGANIZATION)
        if r < 0.7
        else branch
        if r < 0.85
        else c.resident()
    )
    r = rng.random()
    organizer = (
        branch
        if r < 0.35
        else c.org(OrganizationKind.OWNERS_COMMITTEE)
        if r < 0.55
        else c.talent()
        if r < 0.8
        else c.org(OrganizationKind.SELF_ORGANIZATION)
    )
    r = rng.random()
    if kind is ProjectKind.LIVELIHOOD_MICRO:
        implementer = (
            c.org(OrganizationKind.PROPERTY_COMPANY)
            if r < 0.3
            else (rng.choice(CONTRACTORS), None, None)
            if r < 0.6
            else c.talent()
            if r < 0.8
            else c.org(OrganizationKind.SELF_ORGANIZATION)
        )
    elif kind is ProjectKind.PARTNERSHIP:
        implementer = c.org(OrganizationKind.PARTNER_UNIT)
    elif kind is ProjectKind.SELF_GOVERNANCE:
        implementer = c.org(OrganizationKind.SELF_ORGANIZATION) if r < 0.6 else c.talent()
    else:
        implementer = (
            c.org(OrganizationKind.SELF_ORGANIZATION)
            if r < 0.5
            else c.org(OrganizationKind.PARTNER_UNIT)
        )
    parties = [(project_id, INITIATOR, *initiator), (project_id, ORGANIZER, *organizer)]
    if stage is not ProjectStage.PROPOSED or rng.random() < 0.5:
        parties.append((project_id, IMPLEMENTER, *implementer))
    return parties
