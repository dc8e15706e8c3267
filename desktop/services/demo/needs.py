"""The demo's needs (诉求): what residents raise, how each was handled, and its status history.
Open needs are recent, closed ones go back three years."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.needs import (
    DEFAULT_CATEGORIES,
    NeedSource,
    NeedStatus,
    Satisfaction,
    Urgency,
)
from desktop.services.demo.bulk import insert, relink, renumber
from desktop.services.demo.columns import HISTORY_COLUMNS, NEED_COLUMNS
from desktop.services.demo.dice import DAYS, Dice, Weights, random_uuid, shenzhen_time
from desktop.services.demo.roster import Roster
from desktop.store.models import NeedCategoryRecord, NeedRecord, NeedStatusChangeRecord

# What a branch in Shenzhen actually writes down. Titles may name a building ({b}) or a
# unit ({u}).

# category → (title, description, how it was solved)
NEED_TEMPLATES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "物业服务": (
        (
            "{b}电梯经常停运",
            "近一个月{b}{u}单元电梯多次停运，老人上下楼困难，报修后仍反复出现。",
            "物业联系维保单位更换控制板，维保由每月一次改为每月两次，书记回访确认。",
        ),
        (
            "物业公共收益收支不公开",
            "业主反映电梯广告、停车场等公共收益的收支情况从未公示。",
            "业委会督促物业每季度在公告栏和业主群公示公共收益收支明细。",
        ),
        (
            "保安夜间巡逻不到位",
            "凌晨时段岗亭无人，巡逻记录缺失，居民担心安全。",
            "物业调整夜班排班，凌晨增加一次巡逻并扫码打卡，支部每月抽查。",
        ),
        (
            "物业报修响应慢",
            "报修后一周无人上门，居民多次催促未果。",
            "物业设立24小时报修电话，一般报修48小时内上门，结果在业主群反馈。",
        ),
        (
            "{b}楼道保洁不及时",
            "{b}楼道地面污渍多，垃圾袋过夜不清。",
            "物业调整保洁排班，楼道每日清扫、每周拖洗两次，楼栋长监督。",
        ),
    ),
    "环境卫生": (
        (
            "垃圾分类点异味严重",
            "{b}旁垃圾分类点夏季异味大，蚊蝇多。",
            "分类点加装除臭喷淋，物业每日冲洗两次，志愿者定时督导分类投放。",
        ),
        (
            "{b}楼下绿化带积水蚊虫多",
            "雨后绿化带积水数日不退，蚊虫滋生。",
            "疏通排水沟并开展灭蚊消杀，物业每月巡查一次。",
        ),
        (
            "小区内犬只粪便无人清理",
            "主干道和草坪常见犬只粪便，影响出行。",
            "张贴文明养犬告示，志愿者在遛狗高峰劝导，写入邻里公约。",
        ),
        (
            "化粪池堵塞外溢",
            "{b}北侧化粪池堵塞，污水外溢到路面。",
            "物业请专业队伍清掏疏通，并列入每半年一次的定期清掏计划。",
        ),
    ),
    "停车交通": (
        (
            "地下车库照明不足",
            "地下车库B区灯管大面积损坏，晚上行人和车辆存在安全隐患。",
            "更换LED灯管120支并加装感应照明，纳入物业月度巡检。",
        ),
        (
            "电动自行车充电难",
            "集中充电桩数量不足，部分居民把电动车推进楼道充电。",
            "在{b}旁建设集中充电棚，设充电口40个，扫码计费。",
        ),
        (
            "消防通道被私家车占用",
            "{b}前消防通道长期停放私家车，消防车无法通行。",
            "施划禁停标线，物业联合志愿者劝离，屡劝不改的报交警处理。",
        ),
        (
            "外来车辆随意进入小区",
            "门岗不登记，外来车辆占用业主车位。",
            "启用车牌识别道闸，访客车辆登记限时停放。",
        ),
        (
            "上下学时段小区门口拥堵",
            "早晚接送学生车辆堵塞小区出入口。",
            "与翠竹实验小学、交警协调错峰接送，设临时停靠点。",
        ),
    ),
    "噪音扰民": (
        (
            "楼上装修噪音扰民",
            "{b}{u}单元楼上装修，中午和晚上仍在施工。",
            "约谈装修户，约定施工时间为工作日8:00–12:00、14:00–18:00，物业巡查。",
        ),
        (
            "广场舞音响声音过大",
            "晚间广场舞音响音量大，影响老人和学生休息。",
            "与舞蹈队协商，晚上9点前结束并使用限音音箱。",
        ),
        (
            "临街商铺夜间噪音",
            "临街烧烤店营业到凌晨，噪音和油烟扰民。",
            "联合街道执法队约谈商户，规定营业时间，加装油烟净化器。",
        ),
        (
            "空调外机噪音大",
            "邻居空调外机老化，夜间运行噪音大。",
            "楼栋长上门沟通，业主更换了减震支架。",
        ),
    ),
    "安全隐患": (
        (
            "{b}楼道堆放杂物",
            "{b}消防楼梯间堆放纸箱和旧家具，堵塞疏散通道。",
            "楼栋长牵头联合物业清理楼道杂物，建立每月联合巡查。",
        ),
        (
            "电动车进楼道充电",
            "有居民把电动车推进电梯、在楼道内充电。",
            "电梯加装电动车识别阻车装置，开展消防安全宣传。",
        ),
        (
            "高空抛物",
            "{b}下多次发现从高处抛下的杂物，险些砸到行人。",
            "加装高空抛物监控摄像头4个，开展入户宣传。",
        ),
        (
            "{b}外墙瓷砖脱落",
            "{b}外墙瓷砖脱落，楼下为儿童活动区域。",
            "设置警示围挡，申请维修资金完成外墙修缮。",
        ),
        (
            "消防栓水压不足",
            "消防演练时发现{b}消防栓水压不足。",
            "物业维修消防泵并完成水压测试，报消防部门备案。",
        ),
    ),
    "设施维修": (
        (
            "{b}{u}单元楼道灯不亮",
            "{b}{u}单元多个楼层声控灯损坏，夜间摸黑上下楼。",
            "物业更换声控灯，楼栋长每月巡查一次。",
        ),
        (
            "儿童游乐设施破损",
            "中心花园滑梯开裂，秋千链条生锈。",
            "拆除破损设施，经协商议事会议定后更新游乐设施。",
        ),
        (
            "二次供水水质发黄",
            "早上放水发黄，怀疑水箱未按时清洗。",
            "水务公司检测水质，物业完成水箱清洗消毒并公示检测报告。",
        ),
        ("{b}天台漏水", "{b}顶楼住户反映下雨天天花板渗水。", "物业申请维修资金重做天台防水层。"),
        (
            "单元门禁损坏",
            "{b}{u}单元门禁无法刷卡，门常开。",
            "物业更换门禁系统，并为老人补办门禁卡。",
        ),
        (
            "健身器材老化",
            "小区健身路径器材生锈松动，存在安全隐患。",
            "申请民生微实事资金更换健身器材。",
        ),
    ),
    "邻里纠纷": (
        (
            "楼上漏水渗到楼下",
            "{b}{u}单元楼上卫生间漏水渗到楼下，双方协商未果。",
            "调解后由楼上住户承担维修费用，物业协助重做防水。",
        ),
        (
            "邻居占用公共走廊",
            "邻居在公共走廊放鞋柜和杂物，影响通行。",
            "楼栋长上门沟通，住户清理了走廊。",
        ),
        (
            "养狗扰邻",
            "邻居家犬只夜间吠叫，多次沟通无果。",
            "调解后犬主加装隔音门并夜间看管犬只，写入邻里公约。",
        ),
        (
            "空调滴水引发争执",
            "楼上空调冷凝水滴到楼下阳台，双方发生争执。",
            "协调加装冷凝水管，双方握手言和。",
        ),
    ),
    "养老助老": (
        (
            "独居老人需要定期探访",
            "{b}有多位独居老人，子女不在身边。",
            "银龄互助会安排志愿者结对，每周探访两次。",
        ),
        (
            "缺少长者助餐点",
            "附近没有长者饭堂，老人吃饭不方便。",
            "与社区长者饭堂合作，设小区助餐点，每天配送午餐。",
        ),
        (
            "老人希望学用智能手机",
            "老人不会用手机挂号、缴费。",
            "志愿服务队每月开设一次智能手机课堂。",
        ),
        (
            "{b}缺少无障碍扶手",
            "{b}入口台阶没有扶手，老人和轮椅出入不便。",
            "加装无障碍扶手和坡道。",
        ),
    ),
    "托育教育": (
        (
            "放学后孩子无人看管",
            "双职工家庭放学后孩子无人照看。",
            "与翠竹实验小学共建四点半课堂，志愿者协助看护。",
        ),
        (
            "暑期缺少儿童活动",
            "暑假孩子在家无事可做，希望小区组织活动。",
            "亲子读书会和志愿服务队举办暑期托管和阅读活动。",
        ),
        (
            "小区缺少阅读空间",
            "小区没有可供孩子阅读的公共空间。",
            "在党群微阵地设立共享书屋，居民捐书300余册。",
        ),
    ),
    "其他": (
        (
            "快递包裹乱堆放",
            "快递员把包裹堆在单元门口，常有丢失。",
            "设置智能快递柜和驿站，与快递站点约定投递规范。",
        ),
        (
            "新就业群体缺少歇脚点",
            "快递员、外卖骑手在小区门口没有歇脚、饮水的地方。",
            "在小区门口设暖蜂驿站，提供饮水、充电和如厕服务。",
        ),
        ("希望举办邻里文化活动", "新搬来的住户希望认识邻居。", "举办小区开放日和邻里美食节。"),
        (
            "公告栏信息更新不及时",
            "公告栏内容过期，重要通知看不到。",
            "物业每周更新公告栏，通知同步发到楼栋群。",
        ),
    ),
}

NEED_SOURCE_NOTES = {
    NeedSource.RECEPTION_DAY: "书记接待日登记",
    NeedSource.DOOR_KNOCKING: "敲门行动中了解到",
    NeedSource.DELIBERATION_MEETING: "协商议事会上提出",
    NeedSource.BUILDING_PATROL: "楼栋长巡查发现",
    NeedSource.OTHER: "居民来电反映",
}
NEED_SOURCE_WEIGHTS = Weights(
    {
        NeedSource.RECEPTION_DAY: 35,
        NeedSource.DOOR_KNOCKING: 25,
        NeedSource.DELIBERATION_MEETING: 12,
        NeedSource.BUILDING_PATROL: 20,
        NeedSource.OTHER: 8,
    }
)
URGENCY_WEIGHTS = Weights({Urgency.NORMAL: 70, Urgency.URGENT: 24, Urgency.CRITICAL: 6})
SATISFACTION_WEIGHTS = Weights(
    {
        Satisfaction.SATISFIED: 70,
        Satisfaction.BASICALLY_SATISFIED: 22,
        Satisfaction.DISSATISFIED: 8,
    }
)
# Many solved, some open, a few referred or turned down.
NEED_STATUS_WEIGHTS = Weights(
    {
        NeedStatus.RESOLVED: 58,
        NeedStatus.IN_PROGRESS: 14,
        NeedStatus.PENDING: 12,
        NeedStatus.REFERRED: 9,
        NeedStatus.REJECTED: 7,
    }
)
# Where a need goes when the neighborhood cannot settle it, by category ("": any other).
REFERRAL_REASONS: dict[str, tuple[str, ...]] = {
    "": ("超出小区处理范围，已转办南园街道城市建设办公室", "已转办翠竹社区工作站相关科室跟进"),
    "物业服务": ("涉及物业服务合同违约，已转办区住房和建设局物业监管部门",),
    "停车交通": ("涉及市政道路，已转办辖区交警中队",),
    "安全隐患": ("涉及燃气管道安全，已转办燃气公司处理", "涉及违法建设，已转办街道综合行政执法队"),
    "设施维修": ("涉及供水管网，已转办水务公司",),
    "噪音扰民": ("涉及商铺经营，已转办街道综合行政执法队",),
    "托育教育": ("涉及学位问题，已转办区教育局咨询窗口",),
}
REJECTION_REASONS = (
    "属业主之间的民事纠纷，已告知可通过人民调解或诉讼解决",
    "诉求超出小区管理范围，已向居民解释",
    "经现场核实情况不属实",
    "与已通过的邻里公约相冲突，经协商议事会讨论不予受理",
    "重复登记，已并入同一问题处理",
)
ANONYMOUS = ("匿名住户", "{b}住户（未留姓名）", "快递员刘师傅", "外卖骑手", "{b}租户", "热心居民")
ACCEPTED_NOTES = (
    "已受理，交物业核实处理",
    "已受理，楼栋长跟进",
    "现场查看，约定处理时间",
    "已受理，提交协商议事会讨论",
    "已受理，联系共建单位协助",
)
RESOLVED_NOTES = ("已解决，电话回访居民", "已解决，上门回访", "处理完毕，居民确认")
REOPEN_NOTE = "居民反映问题复发，重新处理"
PROPERTY_DESK = "翠竹苑物业服务中心"


@dataclass
class Needs:
    """Each need made, in the order it was made in: for the projects to pick from."""

    ids: list[int]
    statuses: list[NeedStatus]
    days: list[date]  # registered on
    buildings: list[str]


_REGISTERED = NEED_COLUMNS.index("registered_on")
_BUILDING = NEED_COLUMNS.index("building")


def add_needs(s: Session, c: Roster, n: int) -> Needs:
    """``n`` needs with their status history, written; the default categories come back first."""
    categories = ensure_categories(s)
    first_id = (s.scalar(select(func.max(NeedRecord.id))) or 0) + 1
    rows, history, made = make_needs(c, n, first_id, categories)
    insert(s, NeedRecord, NEED_COLUMNS, rows)
    insert(s, NeedStatusChangeRecord, HISTORY_COLUMNS, history)
    return made


def make_needs(
    c: Roster, n: int, first_id: int, categories: dict[str, int]
) -> tuple[list[tuple], list[tuple], Needs]:
    """Needs (NEED_COLUMNS) and their status history (HISTORY_COLUMNS), ids from
    ``first_id`` in the order they were registered."""
    templates = [(categories[name], t) for name, ts in NEED_TEMPLATES.items() for t in ts]
    names = {i: name for name, i in categories.items()}
    rows, history = [], []
    statuses, days, buildings = [], [], []
    for i in range(n):
        row, changes, status = _need(c, i, templates, names)
        rows.append(row)
        history += changes
        statuses.append(status)
        days.append(row[_REGISTERED])
        buildings.append(row[_BUILDING])
    rows, ids = renumber(rows, _REGISTERED, first_id)
    return rows, relink(history, ids), Needs(ids, statuses, days, buildings)


def _need(
    c: Roster, i: int, templates: list[tuple[int, tuple[str, str, str]]], names: dict[int, str]
) -> tuple[tuple, list[tuple], NeedStatus]:
    """One need (row ``i`` of the list), its status changes and its status."""
    rng, now = c.rng, c.now
    status = rng.weighted(NEED_STATUS_WEIGHTS)
    category_id, (title, description, solution) = rng.choice(templates)
    person_id, raised_by, phone, building, unit, room = _raised_by(c)
    source = rng.weighted(NEED_SOURCE_WEIGHTS)
    urgency = rng.weighted(URGENCY_WEIGHTS)
    registered = _registered(rng, status, c.today)
    due = _due(rng, urgency, registered)
    reason = _reason(rng, status, names[category_id])
    end, handled_by = _handled(c, status, registered, building)
    history = _history(c, i, status, source, reason, registered, end)
    resolved = status is NeedStatus.RESOLVED
    satisfaction = None
    if resolved and rng.random() < 0.9:
        satisfaction = rng.weighted(SATISFACTION_WEIGHTS)._value_
    u = unit or "1"
    row = (
        i,
        random_uuid(rng),
        title.format(b=building, u=u),
        description.format(b=building, u=u),
        category_id,
        raised_by,
        person_id,
        phone,
        building,
        unit,
        room,
        source._value_,
        urgency._value_,
        status._value_,
        reason,
        handled_by,
        registered,
        due,
        solution.format(b=building, u=u) if resolved else "",
        satisfaction,
        now,
        now,
    )
    return row, history, status


def _raised_by(c: Roster) -> tuple[int | None, str, str, str, str, str]:
    """(person id, name, phone, building, unit, room) of who raised a need."""
    rng = c.rng
    if rng.random() < 0.88:
        return rng.choice(c.residents)
    # Not everyone leaves a name, and not everyone is in the roster.
    building = rng.choice(c.buildings)
    unit = str(rng.randint(1, 2))
    return None, rng.choice(ANONYMOUS).format(b=building), "", building, unit, ""


def _registered(rng: Dice, status: NeedStatus, today: date) -> date:
    """Open needs are recent; closed ones go back three years."""
    if status is NeedStatus.PENDING:
        return today - DAYS[rng.randint(1, 25)]
    if status is NeedStatus.IN_PROGRESS:
        return today - DAYS[rng.randint(3, 75)]
    return today - DAYS[rng.randint(1, 3 * 365)]


def _due(rng: Dice, urgency: Urgency, registered: date) -> date | None:
    if urgency is Urgency.CRITICAL:
        return registered + DAYS[rng.randint(2, 7)]
    if urgency is Urgency.URGENT:
        return registered + DAYS[rng.randint(7, 20)]
    if rng.random() < 0.85:
        return registered + DAYS[rng.randint(20, 60)]
    return None


def _reason(rng: Dice, status: NeedStatus, category: str) -> str:
    """Why a need was referred or turned down ("" for any other status)."""
    if status is NeedStatus.REFERRED:
        return rng.choice(REFERRAL_REASONS.get(category, REFERRAL_REASONS[""]))
    if status is NeedStatus.REJECTED:
        return rng.choice(REJECTION_REASONS)
    return ""


def _handled(c: Roster, status: NeedStatus, registered: date, building: str) -> tuple[date, str]:
    """The day a need's history ends on, and who handled it ("" while pending)."""
    if status is NeedStatus.PENDING:
        return registered, ""
    rng = c.rng
    days = rng.randint(0, 7) if status is NeedStatus.IN_PROGRESS else rng.randint(1, 40)
    end = min(registered + DAYS[days], c.last)
    return end, rng.choice((c.secretary, c.leaders.get(building) or c.secretary, PROPERTY_DESK))


def _history(
    c: Roster,
    need_id: int,
    status: NeedStatus,
    source: NeedSource,
    reason: str,
    registered: date,
    end: date,
) -> list[tuple]:
    """Status changes that lead to ``status``, between the day it was registered and ``end``.
    (``_value_`` rather than ``.value`` here and below: a plain attribute, not a property,
    in loops run a million times.)"""
    rng = c.rng
    accepted = (NeedStatus.IN_PROGRESS, rng.choice(ACCEPTED_NOTES))
    if status is NeedStatus.PENDING:
        path = []
    elif status is NeedStatus.IN_PROGRESS:
        path = [accepted]
    elif status is NeedStatus.RESOLVED:
        path = [accepted] if rng.random() < 0.7 else []
        path.append((NeedStatus.RESOLVED, rng.choice(RESOLVED_NOTES)))
        if rng.random() < 0.04:  # solved, came back, solved again
            path += [
                (NeedStatus.IN_PROGRESS, REOPEN_NOTE),
                (NeedStatus.RESOLVED, rng.choice(RESOLVED_NOTES)),
            ]
    else:  # referred or rejected: the reason is the note
        path = [accepted] if rng.random() < 0.4 else []
        path.append((status, reason))
    at = shenzhen_time(registered, rng.randint(510, 1050))  # 8:30–17:30
    rows = [(need_id, None, "pending", NEED_SOURCE_NOTES[source], at)]
    span = (end - registered).days
    days = [rng.randint(0, span) for _ in path]
    if len(days) > 1:
        days.sort()
    previous = "pending"
    for day, (to, note) in zip(days, path, strict=True):
        later = shenzhen_time(registered + DAYS[day], rng.randint(510, 1050))
        at = later if later > at else at + timedelta(minutes=rng.randint(5, 90))
        rows.append((need_id, previous, to._value_, note, at))
        previous = to._value_
    return rows


def ensure_categories(s: Session) -> dict[str, int]:
    """The default categories by name; any the secretary removed come back for the demo."""
    existing = dict(s.execute(select(NeedCategoryRecord.name, NeedCategoryRecord.id)).all())
    position = s.scalar(select(func.max(NeedCategoryRecord.position))) or 0
    for name in DEFAULT_CATEGORIES:
        if name not in existing:
            position += 1
            rec = NeedCategoryRecord(name=name, position=position)
            s.add(rec)
            s.flush()
            existing[name] = rec.id
    return existing
