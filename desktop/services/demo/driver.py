"""A believable Shenzhen neighborhood for trying the app, deterministic for a seed."""

import os
import random
import shutil
import sqlite3
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from sqlalchemy import Date, DateTime, event, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.name_order import name_key
from desktop.domain.needs import (
    DEFAULT_CATEGORIES,
    NeedSource,
    NeedStatus,
    Satisfaction,
    Urgency,
)
from desktop.domain.projects import PartyRole, ProjectKind, ProjectStage
from desktop.domain.resources import ProviderKind, ResourceKind
from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight
from desktop.services.demo.committee import make_demo_committee
from desktop.services.demo.compacts import make_demo_compacts
from desktop.services.demo.federation import make_demo_federation
from desktop.services.demo.meetings import make_demo_visits_and_meetings
from desktop.services.demo.partners import make_demo_partners
from desktop.store.database import Database, make_engine, open_database
from desktop.store.datadir import db_path
from desktop.store.models import (
    NAME_KEYS,
    Base,
    BuildingRecord,
    CompactRecord,
    GridRecord,
    MeetingRecord,
    NeedCategoryRecord,
    NeedRecord,
    NeedStatusChangeRecord,
    NeighborhoodRecord,
    OrganizationRecord,
    PersonRecord,
    PersonRoleRecord,
    ProjectNeedRecord,
    ProjectPartyRecord,
    ProjectRecord,
    ProjectResourceRecord,
    ResourceRecord,
    VisitRecord,
    utcnow,
)
from desktop.store.search_index import index_path

DEFAULT_SCALE = 600
MAX_SCALE = 100_000
DEMO_FOLDER_PREFIX = ".demo-"  # where create_demo builds, inside the data dir

NEIGHBORHOOD = ("翠竹苑", "翠竹社区", "南园街道")
GRIDS = ("第一网格", "第二网格", "第三网格")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶"
    "蒋杜苏魏程吕丁沈任姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅海燕春晓晨宇浩"
    "欣怡子涵梓轩思远雨萱俊杰嘉怡文博佳琪泽宇一诺雅婷家豪宏伟淑珍玉兰德华振华永强"
)
# Real names in the roster use these; the app must keep them exactly.
RARE_NAME_CHARS = ("䶮", "𠮷", "堃", "喆", "昇", "淼", "犇", "垚")
SKILLS = (
    "法律咨询",
    "水电维修",
    "心理疏导",
    "书法绘画",
    "中医保健",
    "财务审计",
    "摄影摄像",
    "电脑维修",
    "老年照护",
    "儿童托管",
    "调解纠纷",
    "园艺绿化",
    "英语辅导",
    "烹饪",
)
ORGANIZATIONS: tuple[tuple[OrganizationKind, str, str], ...] = (
    (OrganizationKind.PROPERTY_COMPANY, "深圳市鹏安物业服务有限公司", "翠竹苑物业服务中心"),
    (OrganizationKind.OWNERS_COMMITTEE, "翠竹苑业主委员会", "第三届业主委员会"),
    (OrganizationKind.SELF_ORGANIZATION, "翠竹夕阳红舞蹈队", "每周二、四晚广场排练"),
    (OrganizationKind.SELF_ORGANIZATION, "翠竹志愿服务队", "小区巡逻、助老、垃圾分类督导"),
    (OrganizationKind.SELF_ORGANIZATION, "银龄互助会", "独居老人结对探访"),
    (OrganizationKind.SELF_ORGANIZATION, "亲子读书会", "周末儿童阅读活动"),
    (OrganizationKind.SELF_ORGANIZATION, "翠竹书画社", "书法绘画交流"),
    (OrganizationKind.PARTNER_UNIT, "南园街道社区健康服务中心", "家庭医生签约、义诊"),
    (OrganizationKind.PARTNER_UNIT, "翠竹实验小学", "四点半课堂"),
    (OrganizationKind.PARTNER_UNIT, "鹏程律师事务所", "每月法律咨询日"),
    (OrganizationKind.PARTNER_UNIT, "南园供电所", "用电安全检查"),
)


# Day offsets used over and over: one timedelta each instead of a new one per record.
DAYS = tuple(timedelta(days=n) for n in range(4 * 366))


class _Weights:
    """Keys to draw in proportion to their weights (``_Dice.weighted``)."""

    def __init__(self, weights: dict) -> None:
        self.keys = tuple(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]


# ---------------------------------------------------------------------------------------------
# The three lists. Content first (what a branch in Shenzhen actually writes down), then the
# generators. Titles may name a building ({b}) or a unit ({u}).

# category → (title, description, how it was solved)
NEED_TEMPLATES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "物业服务": (
        ("{b}电梯经常停运", "近一个月{b}{u}单元电梯多次停运，老人上下楼困难，报修后仍反复出现。",
         "物业联系维保单位更换控制板，维保由每月一次改为每月两次，书记回访确认。"),
        ("物业公共收益收支不公开", "业主反映电梯广告、停车场等公共收益的收支情况从未公示。",
         "业委会督促物业每季度在公告栏和业主群公示公共收益收支明细。"),
        ("保安夜间巡逻不到位", "凌晨时段岗亭无人，巡逻记录缺失，居民担心安全。",
         "物业调整夜班排班，凌晨增加一次巡逻并扫码打卡，支部每月抽查。"),
        ("物业报修响应慢", "报修后一周无人上门，居民多次催促未果。",
         "物业设立24小时报修电话，一般报修48小时内上门，结果在业主群反馈。"),
        ("{b}楼道保洁不及时", "{b}楼道地面污渍多，垃圾袋过夜不清。",
         "物业调整保洁排班，楼道每日清扫、每周拖洗两次，楼栋长监督。"),
    ),
    "环境卫生": (
        ("垃圾分类点异味严重", "{b}旁垃圾分类点夏季异味大，蚊蝇多。",
         "分类点加装除臭喷淋，物业每日冲洗两次，志愿者定时督导分类投放。"),
        ("{b}楼下绿化带积水蚊虫多", "雨后绿化带积水数日不退，蚊虫滋生。",
         "疏通排水沟并开展灭蚊消杀，物业每月巡查一次。"),
        ("小区内犬只粪便无人清理", "主干道和草坪常见犬只粪便，影响出行。",
         "张贴文明养犬告示，志愿者在遛狗高峰劝导，写入邻里公约。"),
        ("化粪池堵塞外溢", "{b}北侧化粪池堵塞，污水外溢到路面。",
         "物业请专业队伍清掏疏通，并列入每半年一次的定期清掏计划。"),
    ),
    "停车交通": (
        ("地下车库照明不足", "地下车库B区灯管大面积损坏，晚上行人和车辆存在安全隐患。",
         "更换LED灯管120支并加装感应照明，纳入物业月度巡检。"),
        ("电动自行车充电难", "集中充电桩数量不足，部分居民把电动车推进楼道充电。",
         "在{b}旁建设集中充电棚，设充电口40个，扫码计费。"),
        ("消防通道被私家车占用", "{b}前消防通道长期停放私家车，消防车无法通行。",
         "施划禁停标线，物业联合志愿者劝离，屡劝不改的报交警处理。"),
        ("外来车辆随意进入小区", "门岗不登记，外来车辆占用业主车位。",
         "启用车牌识别道闸，访客车辆登记限时停放。"),
        ("上下学时段小区门口拥堵", "早晚接送学生车辆堵塞小区出入口。",
         "与翠竹实验小学、交警协调错峰接送，设临时停靠点。"),
    ),
    "噪音扰民": (
        ("楼上装修噪音扰民", "{b}{u}单元楼上装修，中午和晚上仍在施工。",
         "约谈装修户，约定施工时间为工作日8:00–12:00、14:00–18:00，物业巡查。"),
        ("广场舞音响声音过大", "晚间广场舞音响音量大，影响老人和学生休息。",
         "与舞蹈队协商，晚上9点前结束并使用限音音箱。"),
        ("临街商铺夜间噪音", "临街烧烤店营业到凌晨，噪音和油烟扰民。",
         "联合街道执法队约谈商户，规定营业时间，加装油烟净化器。"),
        ("空调外机噪音大", "邻居空调外机老化，夜间运行噪音大。",
         "楼栋长上门沟通，业主更换了减震支架。"),
    ),
    "安全隐患": (
        ("{b}楼道堆放杂物", "{b}消防楼梯间堆放纸箱和旧家具，堵塞疏散通道。",
         "楼栋长牵头联合物业清理楼道杂物，建立每月联合巡查。"),
        ("电动车进楼道充电", "有居民把电动车推进电梯、在楼道内充电。",
         "电梯加装电动车识别阻车装置，开展消防安全宣传。"),
        ("高空抛物", "{b}下多次发现从高处抛下的杂物，险些砸到行人。",
         "加装高空抛物监控摄像头4个，开展入户宣传。"),
        ("{b}外墙瓷砖脱落", "{b}外墙瓷砖脱落，楼下为儿童活动区域。",
         "设置警示围挡，申请维修资金完成外墙修缮。"),
        ("消防栓水压不足", "消防演练时发现{b}消防栓水压不足。",
         "物业维修消防泵并完成水压测试，报消防部门备案。"),
    ),
    "设施维修": (
        ("{b}{u}单元楼道灯不亮", "{b}{u}单元多个楼层声控灯损坏，夜间摸黑上下楼。",
         "物业更换声控灯，楼栋长每月巡查一次。"),
        ("儿童游乐设施破损", "中心花园滑梯开裂，秋千链条生锈。",
         "拆除破损设施，经协商议事会议定后更新游乐设施。"),
        ("二次供水水质发黄", "早上放水发黄，怀疑水箱未按时清洗。",
         "水务公司检测水质，物业完成水箱清洗消毒并公示检测报告。"),
        ("{b}天台漏水", "{b}顶楼住户反映下雨天天花板渗水。",
         "物业申请维修资金重做天台防水层。"),
        ("单元门禁损坏", "{b}{u}单元门禁无法刷卡，门常开。",
         "物业更换门禁系统，并为老人补办门禁卡。"),
        ("健身器材老化", "小区健身路径器材生锈松动，存在安全隐患。",
         "申请民生微实事资金更换健身器材。"),
    ),
    "邻里纠纷": (
        ("楼上漏水渗到楼下", "{b}{u}单元楼上卫生间漏水渗到楼下，双方协商未果。",
         "调解后由楼上住户承担维修费用，物业协助重做防水。"),
        ("邻居占用公共走廊", "邻居在公共走廊放鞋柜和杂物，影响通行。",
         "楼栋长上门沟通，住户清理了走廊。"),
        ("养狗扰邻", "邻居家犬只夜间吠叫，多次沟通无果。",
         "调解后犬主加装隔音门并夜间看管犬只，写入邻里公约。"),
        ("空调滴水引发争执", "楼上空调冷凝水滴到楼下阳台，双方发生争执。",
         "协调加装冷凝水管，双方握手言和。"),
    ),
    "养老助老": (
        ("独居老人需要定期探访", "{b}有多位独居老人，子女不在身边。",
         "银龄互助会安排志愿者结对，每周探访两次。"),
        ("缺少长者助餐点", "附近没有长者饭堂，老人吃饭不方便。",
         "与社区长者饭堂合作，设小区助餐点，每天配送午餐。"),
        ("老人希望学用智能手机", "老人不会用手机挂号、缴费。",
         "志愿服务队每月开设一次智能手机课堂。"),
        ("{b}缺少无障碍扶手", "{b}入口台阶没有扶手，老人和轮椅出入不便。",
         "加装无障碍扶手和坡道。"),
    ),
    "托育教育": (
        ("放学后孩子无人看管", "双职工家庭放学后孩子无人照看。",
         "与翠竹实验小学共建四点半课堂，志愿者协助看护。"),
        ("暑期缺少儿童活动", "暑假孩子在家无事可做，希望小区组织活动。",
         "亲子读书会和志愿服务队举办暑期托管和阅读活动。"),
        ("小区缺少阅读空间", "小区没有可供孩子阅读的公共空间。",
         "在党群微阵地设立共享书屋，居民捐书300余册。"),
    ),
    "其他": (
        ("快递包裹乱堆放", "快递员把包裹堆在单元门口，常有丢失。",
         "设置智能快递柜和驿站，与快递站点约定投递规范。"),
        ("新就业群体缺少歇脚点", "快递员、外卖骑手在小区门口没有歇脚、饮水的地方。",
         "在小区门口设暖蜂驿站，提供饮水、充电和如厕服务。"),
        ("希望举办邻里文化活动", "新搬来的住户希望认识邻居。",
         "举办小区开放日和邻里美食节。"),
        ("公告栏信息更新不及时", "公告栏内容过期，重要通知看不到。",
         "物业每周更新公告栏，通知同步发到楼栋群。"),
    ),
}  # fmt: skip

NEED_SOURCE_NOTES = {
    NeedSource.RECEPTION_DAY: "书记接待日登记",
    NeedSource.DOOR_KNOCKING: "敲门行动中了解到",
    NeedSource.DELIBERATION_MEETING: "协商议事会上提出",
    NeedSource.BUILDING_PATROL: "楼栋长巡查发现",
    NeedSource.OTHER: "居民来电反映",
}
NEED_SOURCE_WEIGHTS = _Weights(
    {
        NeedSource.RECEPTION_DAY: 35,
        NeedSource.DOOR_KNOCKING: 25,
        NeedSource.DELIBERATION_MEETING: 12,
        NeedSource.BUILDING_PATROL: 20,
        NeedSource.OTHER: 8,
    }
)
URGENCY_WEIGHTS = _Weights({Urgency.NORMAL: 70, Urgency.URGENT: 24, Urgency.CRITICAL: 6})
SATISFACTION_WEIGHTS = _Weights(
    {
        Satisfaction.SATISFIED: 70,
        Satisfaction.BASICALLY_SATISFIED: 22,
        Satisfaction.DISSATISFIED: 8,
    }
)
# Many solved, some open, a few referred or turned down.
NEED_STATUS_WEIGHTS = _Weights(
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
    "": ("超出小区处理范围，已转办南园街道城市建设办公室",
         "已转办翠竹社区工作站相关科室跟进"),
    "物业服务": ("涉及物业服务合同违约，已转办区住房和建设局物业监管部门",),
    "停车交通": ("涉及市政道路，已转办辖区交警中队",),
    "安全隐患": ("涉及燃气管道安全，已转办燃气公司处理",
                 "涉及违法建设，已转办街道综合行政执法队"),
    "设施维修": ("涉及供水管网，已转办水务公司",),
    "噪音扰民": ("涉及商铺经营，已转办街道综合行政执法队",),
    "托育教育": ("涉及学位问题，已转办区教育局咨询窗口",),
}  # fmt: skip
REJECTION_REASONS = (
    "属业主之间的民事纠纷，已告知可通过人民调解或诉讼解决",
    "诉求超出小区管理范围，已向居民解释",
    "经现场核实情况不属实",
    "与已通过的邻里公约相冲突，经协商议事会讨论不予受理",
    "重复登记，已并入同一问题处理",
)
ANONYMOUS = ("匿名住户", "{b}住户（未留姓名）", "快递员刘师傅", "外卖骑手", "{b}租户", "热心居民")
ACCEPTED_NOTES = ("已受理，交物业核实处理", "已受理，楼栋长跟进", "现场查看，约定处理时间",
                  "已受理，提交协商议事会讨论", "已受理，联系共建单位协助")  # fmt: skip
RESOLVED_NOTES = ("已解决，电话回访居民", "已解决，上门回访", "处理完毕，居民确认")
REOPEN_NOTE = "居民反映问题复发，重新处理"
PROPERTY_DESK = "翠竹苑物业服务中心"

# Resources: (title, kind, availability); {skill} is a talented resident's own skill.
PARTNER_RESOURCES: dict[str, tuple[tuple[str, ResourceKind, str], ...]] = {
    "南园街道社区健康服务中心": (
        ("家庭医生签约与义诊", ResourceKind.SKILL, "每月第二个周六上午"),
        ("健康讲座", ResourceKind.SKILL, "每季度一次"),
        ("血压计、血糖仪借用", ResourceKind.GOODS, "10套"),
    ),
    "翠竹实验小学": (
        ("学校运动场周末开放", ResourceKind.VENUE, "周六、周日 7:00–9:00"),
        ("四点半课堂师资", ResourceKind.VOLUNTEER_SERVICE, "工作日 16:30–18:00"),
        ("多功能厅借用", ResourceKind.VENUE, "寒暑假，提前一周预约"),
    ),
    "鹏程律师事务所": (
        ("法律咨询日", ResourceKind.SKILL, "每月第一个周三下午"),
        ("纠纷调解律师", ResourceKind.SKILL, "预约上门"),
    ),
    "南园供电所": (
        ("用电安全入户检查", ResourceKind.SKILL, "每季度一次"),
        ("应急照明灯", ResourceKind.GOODS, "30套"),
    ),
}
PROPERTY_RESOURCES = (
    ("架空层活动场地", ResourceKind.VENUE, "每天 8:00–21:00"),
    ("维修工具借用", ResourceKind.GOODS, "登记借用，三日内归还"),
    ("工程维修人员", ResourceKind.SKILL, "工作日白天"),
    ("公共收益资金", ResourceKind.FUNDS, "¥30,000/年，经业主大会同意"),
)
SELF_ORGANIZATION_RESOURCES: dict[str, tuple[tuple[str, ResourceKind, str], ...]] = {
    "翠竹夕阳红舞蹈队": (("节日文艺演出", ResourceKind.OTHER, "节假日"),),
    "翠竹志愿服务队": (
        ("夜间志愿巡逻", ResourceKind.VOLUNTEER_SERVICE, "每晚 19:00–21:00"),
        ("垃圾分类督导", ResourceKind.VOLUNTEER_SERVICE, "每天 7:00–9:00"),
    ),
    "银龄互助会": (("独居老人结对探访", ResourceKind.VOLUNTEER_SERVICE, "每周两次"),),
    "亲子读书会": (("绘本图书", ResourceKind.GOODS, "300余册"),),
    "翠竹书画社": (("春节义写春联", ResourceKind.SKILL, "春节前两周"),),
}
OTHER_RESOURCES = (
    ("民生微实事资金", ResourceKind.FUNDS, "南园街道办事处", "每年每小区约¥200,000"),
    ("党群服务中心会议室", ResourceKind.VENUE, "翠竹社区党委", "工作日，提前预约"),
    ("爱心商户优惠", ResourceKind.GOODS, "好邻居便利店", "长者九折"),
    ("暖蜂驿站", ResourceKind.VENUE, "翠竹社区工作站", "全天开放"),
    ("业委会议事室", ResourceKind.VENUE, "翠竹苑业主委员会", "每周三晚"),
)
AVAILABILITY_BY_PERSON = ("周末预约", "工作日晚上", "每月两次", "随时电话联系", "节假日")
PROVIDER_WEIGHTS = _Weights(
    {
        ProviderKind.PARTNER_UNIT: 28,
        ProviderKind.TALENT: 27,
        ProviderKind.SELF_ORGANIZATION: 25,
        ProviderKind.PROPERTY_COMPANY: 10,
        ProviderKind.OTHER: 10,
    }
)

# Projects: (title, description, acceptance note, residents' evaluation)
PROJECT_TEMPLATES: dict[ProjectKind, tuple[tuple[str, str, str, str], ...]] = {
    ProjectKind.LIVELIHOOD_MICRO: (
        ("地下车库照明改造", "更换车库灯具并加装感应照明。", "灯具全部到位，照度检测合格。",
         "车库亮堂多了，晚上停车放心。"),
        ("电动自行车集中充电棚建设", "建设集中充电棚，配套消防设施。", "充电棚通过消防验收。",
         "再也不用把电动车推上楼了。"),
        ("儿童游乐设施更新", "拆除破损设施，更换安全地垫和组合滑梯。", "设施经第三方安全检测合格。",
         "孩子们很喜欢，希望多安排保洁。"),
        ("长者助餐点建设", "与社区长者饭堂合作设小区助餐点。", "助餐点试运行一个月，运转正常。",
         "饭菜可口，价格实惠。"),
        ("楼道消防设施更新", "更换过期灭火器，加装应急照明。", "消防器材全部更换并登记。",
         "安全感提升了。"),
        ("健身路径器材更换", "更换老化健身器材12件。", "器材安装牢固，验收合格。",
         "早上锻炼的人更多了。"),
        ("{b}无障碍坡道和扶手加装", "在单元入口加装坡道和扶手。", "坡道坡度符合规范。",
         "推轮椅方便多了。"),
        ("高空抛物监控安装", "在重点楼栋加装高空抛物监控。", "监控画面接入物业监控中心。",
         "高空抛物明显少了。"),
        ("垃圾分类屋升级改造", "加装除臭喷淋、洗手池和照明。", "改造完成，异味明显减轻。",
         "干净整洁，投放方便。"),
        ("党群微阵地共享书屋", "改造架空层为共享书屋。", "书屋开放，首批图书上架。",
         "孩子放学有地方看书了。"),
    ),
    ProjectKind.PARTNERSHIP: (
        ("四点半课堂", "与翠竹实验小学共建，放学后课业辅导。", "本学期开课60次，服务学生80人。",
         "老师认真负责，家长放心。"),
        ("家庭医生进小区义诊", "社区健康服务中心每月入小区义诊。",
         "全年义诊12次，服务居民600人次。", "在家门口就能量血压、问医生。"),
        ("法律咨询进小区", "律师事务所每月一次法律咨询。", "全年接待咨询120人次，调解纠纷5起。",
         "律师讲得很清楚。"),
        ("用电安全入户检查", "供电所入户检查老旧线路。", "检查住户300户，整改隐患42处。",
         "帮我们换了老化的插座。"),
    ),
    ProjectKind.SELF_GOVERNANCE: (
        ("楼道杂物清理行动", "楼栋长带领居民清理楼道杂物。", "清理楼道24条，建立月度巡查。",
         "楼道宽敞了，逃生也安全。"),
        ("文明养犬劝导", "志愿者在遛狗高峰时段劝导文明养犬。", "劝导300余人次，粪便明显减少。",
         "草坪干净了。"),
        ("邻里公约宣传", "入户宣传新通过的邻里公约。", "入户宣传800户，签名承诺600户。",
         "大家都知道规矩了。"),
        ("停车秩序自治管理", "业主志愿者协助规范小区停车。", "消防通道占用基本消除。",
         "消防通道终于通了。"),
    ),
    ProjectKind.OTHER: (
        ("小区开放日", "组织邻里开放日，展示自组织风采。", "活动参与居民500余人。",
         "认识了不少新邻居。"),
        ("暖蜂驿站共建", "为快递员、外卖骑手设歇脚点。", "驿站开放，日均服务30人次。",
         "骑手们很感谢。"),
        ("邻里美食节", "居民自带家乡菜，以食会友。", "活动参与居民300余人。", "热闹又温馨。"),
    ),
}  # fmt: skip
PROJECT_KIND_WEIGHTS = _Weights(
    {
        ProjectKind.LIVELIHOOD_MICRO: 55,
        ProjectKind.PARTNERSHIP: 18,
        ProjectKind.SELF_GOVERNANCE: 20,
        ProjectKind.OTHER: 7,
    }
)
PROJECT_STAGE_WEIGHTS = _Weights(
    {
        ProjectStage.COMPLETED: 45,
        ProjectStage.IN_PROGRESS: 20,
        ProjectStage.AWAITING_ACCEPTANCE: 10,
        ProjectStage.PROPOSED: 15,
        ProjectStage.TERMINATED: 10,
    }
)
MORE_NEEDS = _Weights({0: 50, 1: 35, 2: 15})  # a project answers 1–3 needs
RESOURCES_USED = _Weights({0: 30, 1: 50, 2: 20})
STOP_REASONS = (
    "业主意见分歧较大，经协商议事会表决暂缓实施",
    "施工方案未通过消防审查",
    "资金未获批复",
    "需求已由物业自行解决，项目终止",
    "涉及公共部位改造，业主大会未通过",
)
BRANCH = "翠竹苑小区党支部"
CONTRACTORS = ("深圳市安居建筑工程有限公司", "深圳市绿源环境工程有限公司",
               "深圳市鹏城电梯工程有限公司", "深圳市平安消防工程有限公司")  # fmt: skip

PERSON_COLUMNS = ("id", "uuid", "name", "phone", "building_id", "unit", "room",
                  "is_party_member", "skills", "talent_rights", "note", "created_at",
                  "updated_at")  # fmt: skip
NEED_COLUMNS = ("id", "uuid", "title", "description", "category_id", "raised_by", "person_id",
                "phone", "building", "unit", "room", "source", "urgency", "status",
                "status_reason", "handled_by", "registered_on", "due_on", "solution",
                "satisfaction", "created_at", "updated_at")  # fmt: skip
HISTORY_COLUMNS = ("need_id", "from_status", "to_status", "note", "changed_at")
RESOURCE_COLUMNS = ("id", "uuid", "title", "kind", "provider_kind", "provider",
                    "organization_id", "person_id", "description", "availability", "contact",
                    "phone", "registered_on", "valid_until",
                    "created_at", "updated_at")  # fmt: skip
PROJECT_COLUMNS = ("id", "uuid", "title", "kind", "stage", "stop_reason", "description",
                   "budget_fen", "spent_fen", "registered_on", "start_on", "end_on",
                   "accepted_on", "acceptance_note", "rating_count", "rating_average_centi",
                   "evaluation", "created_at", "updated_at")  # fmt: skip
PARTY_COLUMNS = ("project_id", "role", "name", "person_id", "organization_id")
INITIATOR, ORGANIZER, IMPLEMENTER = (
    PartyRole.INITIATOR.value,
    PartyRole.ORGANIZER.value,
    PartyRole.IMPLEMENTER.value,
)


class DemoExistsError(DomainError):
    """The data dir already holds records; demo data is never mixed into real data."""


class _Dice(random.Random):
    """random.Random with cheaper draws: the demo makes millions of them at 100,000 records
    per list, and a demo needs no perfectly unbiased integers."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def weighted(self, weights: "_Weights"):
        return weights.keys[bisect_right(weights.cumulative, self.random() * weights.total)]


def _name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.02 else rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    if rng.random() < 0.01:
        given = given[:-1] + rng.choice(RARE_NAME_CHARS)
    return surname + given


def _phone(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return ""
    if rng.random() < 0.05:
        return f"0755-{rng.randint(2000_0000, 8999_9999)}"
    return f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"


def _uuid(rng: random.Random) -> str:
    """A version 4 uuid from the seeded generator (uuid.UUID(int=…, version=4), quicker)."""
    h = f"{rng.getrandbits(128) & _UUID_CLEAR | _UUID_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))  # version and variant bits
_UUID_SET = (4 << 76) | (0x8000 << 48)


@dataclass
class _Org:
    id: int
    kind: OrganizationKind
    name: str
    contact: str
    phone: str


@dataclass
class _Lists:
    """What the three lists are made from: the roster just made, and the day they end on."""

    rng: _Dice
    today: date
    now: datetime
    # (id, name, phone, building, unit, room) of every person; talents add their skills.
    residents: list[tuple[int, str, str, str, str, str]]
    talents: list[tuple[int, str, str, str]]
    orgs: dict[OrganizationKind, list[_Org]]
    buildings: list[str]
    leaders: dict[str, str]  # building → its leader's name
    secretary: str
    categories: dict[str, int]

    @property
    def last(self) -> date:
        """Everything the demo records has happened by yesterday."""
        return self.today - timedelta(days=1)

    def talent(self) -> tuple[str, int | None, int | None]:
        person = self.rng.choice(self.talents or self.residents)
        return person[1], person[0], None

    def resident(self) -> tuple[str, int | None, int | None]:
        person = self.rng.choice(self.residents)
        return person[1], person[0], None

    def org(self, kind: OrganizationKind) -> tuple[str, int | None, int | None]:
        org = self.rng.choice(self.orgs[kind])
        return org.name, None, org.id


def _at(day: date, minute: int) -> datetime:
    """A time on a working day in Shenzhen (UTC+8), stored as naive UTC."""
    return datetime.combine(day, time()) + timedelta(minutes=minute - 8 * 60)


def _history(
    c: _Lists,
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
    at = _at(registered, rng.randint(510, 1050))  # 8:30–17:30
    rows = [(need_id, None, "pending", NEED_SOURCE_NOTES[source], at)]
    span = (end - registered).days
    days = [rng.randint(0, span) for _ in path]
    if len(days) > 1:
        days.sort()
    previous = "pending"
    for day, (to, note) in zip(days, path, strict=True):
        later = _at(registered + DAYS[day], rng.randint(510, 1050))
        at = later if later > at else at + timedelta(minutes=rng.randint(5, 90))
        rows.append((need_id, previous, to._value_, note, at))
        previous = to._value_
    return rows


def _renumber(rows: list[tuple], day: int, first_id: int) -> tuple[list[tuple], list[int]]:
    """Ids in the order records were registered, as in real use; the lists' date indexes then
    grow at their end instead of taking 100,000 random inserts. Returns the rows in that order
    and each generated row's id (by its place in ``rows``)."""
    order = sorted(range(len(rows)), key=lambda i: rows[i][day])
    ids = [0] * len(rows)
    for rank, i in enumerate(order):
        ids[i] = first_id + rank
    return [(ids[i], *rows[i][1:]) for i in order], ids


def _relink(rows: list[tuple], ids: list[int]) -> list[tuple]:
    """Rows pointing at generated records (first value), pointed at their ids, in id order."""
    return sorted([(ids[r[0]], *r[1:]) for r in rows], key=itemgetter(0))


def _needs(
    c: _Lists, n: int, first_id: int
) -> tuple[list[tuple], list[tuple], list[int], list[NeedStatus], list[date], list[str]]:
    """Needs and their status history; the ids, statuses, days and buildings are given by
    the order the needs were made in, for the projects to pick from."""
    rng, today, last, now = c.rng, c.today, c.last, c.now
    templates = [(c.categories[name], t) for name, ts in NEED_TEMPLATES.items() for t in ts]
    names = {i: name for name, i in c.categories.items()}
    rows, history, kept_status, kept_day, kept_building = [], [], [], [], []
    for i in range(n):
        status = rng.weighted(NEED_STATUS_WEIGHTS)
        category_id, (title, description, solution) = rng.choice(templates)
        if rng.random() < 0.88:
            person_id, raised_by, phone, building, unit, room = rng.choice(c.residents)
        else:  # not everyone leaves a name, and not everyone is in the roster
            building = rng.choice(c.buildings)
            unit, room, phone, person_id = str(rng.randint(1, 2)), "", "", None
            raised_by = rng.choice(ANONYMOUS).format(b=building)
        source = rng.weighted(NEED_SOURCE_WEIGHTS)
        urgency = rng.weighted(URGENCY_WEIGHTS)
        # Open needs are recent; closed ones go back three years.
        if status is NeedStatus.PENDING:
            registered = today - DAYS[rng.randint(1, 25)]
        elif status is NeedStatus.IN_PROGRESS:
            registered = today - DAYS[rng.randint(3, 75)]
        else:
            registered = today - DAYS[rng.randint(1, 3 * 365)]
        due = None
        if urgency is Urgency.CRITICAL:
            due = registered + DAYS[rng.randint(2, 7)]
        elif urgency is Urgency.URGENT:
            due = registered + DAYS[rng.randint(7, 20)]
        elif rng.random() < 0.85:
            due = registered + DAYS[rng.randint(20, 60)]
        reason = handled_by = ""
        if status is NeedStatus.REFERRED:
            reason = rng.choice(REFERRAL_REASONS.get(names[category_id], REFERRAL_REASONS[""]))
        elif status is NeedStatus.REJECTED:
            reason = rng.choice(REJECTION_REASONS)
        if status is NeedStatus.PENDING:
            end = registered
        else:
            days = rng.randint(0, 7) if status is NeedStatus.IN_PROGRESS else rng.randint(1, 40)
            end = min(registered + DAYS[days], last)
            handled_by = rng.choice(
                (c.secretary, c.leaders.get(building) or c.secretary, PROPERTY_DESK)
            )
        history += _history(c, i, status, source, reason, registered, end)
        resolved = status is NeedStatus.RESOLVED
        satisfaction = None
        if resolved and rng.random() < 0.9:
            satisfaction = rng.weighted(SATISFACTION_WEIGHTS)._value_
        u = unit or "1"
        rows.append(
            (
                i,
                _uuid(rng),
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
        )
        kept_status.append(status)
        kept_day.append(registered)
        kept_building.append(building)
    rows, ids = _renumber(rows, NEED_COLUMNS.index("registered_on"), first_id)
    return rows, _relink(history, ids), ids, kept_status, kept_day, kept_building


def _resources(c: _Lists, n: int, first_id: int) -> tuple[list[tuple], list[int]]:
    rng = c.rng
    rows = []
    for i in range(n):
        provider_kind = rng.weighted(PROVIDER_WEIGHTS)
        if provider_kind is ProviderKind.TALENT and not c.talents:
            provider_kind = ProviderKind.OTHER
        person_id = organization_id = None
        if provider_kind is ProviderKind.TALENT:
            person_id, provider, phone, skills = rng.choice(c.talents)
            title = f"{rng.choice(skills.split('、'))}（义务）"
            kind, availability, contact = (
                ResourceKind.SKILL,
                rng.choice(AVAILABILITY_BY_PERSON),
                provider,
            )
        elif provider_kind is ProviderKind.OTHER:
            title, kind, provider, availability = rng.choice(OTHER_RESOURCES)
            org = next((o for k in c.orgs.values() for o in k if o.name == provider), None)
            organization_id = org and org.id
            contact, phone = (org.contact, org.phone) if org else ("", "")
        else:
            org_kind = OrganizationKind(provider_kind.value)
            org = rng.choice(c.orgs[org_kind])
            options = {
                ProviderKind.PARTNER_UNIT: PARTNER_RESOURCES.get(org.name, ()),
                ProviderKind.SELF_ORGANIZATION: SELF_ORGANIZATION_RESOURCES.get(org.name, ()),
                ProviderKind.PROPERTY_COMPANY: PROPERTY_RESOURCES,
            }[provider_kind]
            if provider_kind is ProviderKind.PARTNER_UNIT:
                options = (*options, ("结对共建公益资金", ResourceKind.FUNDS, "¥10,000/年"))
            title, kind, availability = rng.choice(options or PROPERTY_RESOURCES)
            provider, organization_id, contact, phone = org.name, org.id, org.contact, org.phone
        registered = c.today - timedelta(days=rng.randint(1, 3 * 365))
        # Agreements run out: some resources are no longer available.
        valid_until = None
        if rng.random() < 0.6:
            valid_until = registered + timedelta(days=rng.randint(90, 3 * 365))
        rows.append(
            (
                i,
                _uuid(rng),
                title,
                kind.value,
                provider_kind.value,
                provider,
                organization_id,
                person_id,
                f"{provider}提供：{title}，{availability}。",
                availability,
                contact,
                phone,
                registered,
                valid_until,
                c.now,
                c.now,
            )
        )
    return _renumber(rows, RESOURCE_COLUMNS.index("registered_on"), first_id)


def _projects(
    c: _Lists,
    n: int,
    first_id: int,
    need_ids: list[int],
    statuses: list[NeedStatus],
    need_days: list[date],
    need_buildings: list[str],
    resource_ids: list[int],
) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]]:
    """Projects with their parties and the needs and resources they link."""
    rng = c.rng
    resources = len(resource_ids)
    everything = range(len(statuses))
    by_status: dict[NeedStatus, list[int]] = {s: [] for s in NeedStatus}
    for index, status in enumerate(statuses):
        by_status[status].append(index)
    settled = c.today - timedelta(days=240)
    # Where a project's needs come from: a completed project answered needs now solved.
    pools: dict[ProjectStage, Sequence[int]] = {
        ProjectStage.COMPLETED: [
            i for i in by_status[NeedStatus.RESOLVED] if need_days[i] <= settled
        ]
        or by_status[NeedStatus.RESOLVED],
        ProjectStage.AWAITING_ACCEPTANCE: by_status[NeedStatus.IN_PROGRESS],
        ProjectStage.IN_PROGRESS: by_status[NeedStatus.IN_PROGRESS],
        ProjectStage.PROPOSED: by_status[NeedStatus.PENDING] + by_status[NeedStatus.IN_PROGRESS],
        ProjectStage.TERMINATED: everything,
    }
    spent_share = {
        ProjectStage.PROPOSED: (0.0, 0.0),
        ProjectStage.IN_PROGRESS: (0.1, 0.7),
        ProjectStage.AWAITING_ACCEPTANCE: (0.8, 1.0),
        ProjectStage.COMPLETED: (0.85, 1.0),
        ProjectStage.TERMINATED: (0.0, 0.4),
    }
    last = c.last

    def after(day: date, low: int, high: int) -> date:
        return min(day + DAYS[rng.randint(low, high)], last)

    rows, parties, need_links, resource_links = [], [], [], []
    for i in range(n):
        project_id = i
        kind, stage = rng.weighted(PROJECT_KIND_WEIGHTS), rng.weighted(PROJECT_STAGE_WEIGHTS)
        title, description, acceptance, evaluation = rng.choice(PROJECT_TEMPLATES[kind])
        pool = pools[stage] or everything
        first = rng.choice(pool)
        answered = {first}
        for _ in range(rng.weighted(MORE_NEEDS)):
            answered.add(rng.choice(pool if rng.random() < 0.9 else everything))
        need_links += [(project_id, need_ids[x]) for x in sorted(answered)]
        if resources:
            used = {rng.randint(0, resources - 1) for _ in range(rng.weighted(RESOURCES_USED))}
            resource_links += [(project_id, resource_ids[x]) for x in sorted(used)]
        registered = after(need_days[first], 2, 30)
        start = end = accepted = None
        if stage is ProjectStage.PROPOSED and rng.random() < 0.4:
            start = registered + DAYS[rng.randint(20, 60)]  # planned
        elif (
            stage
            in (ProjectStage.IN_PROGRESS, ProjectStage.AWAITING_ACCEPTANCE, ProjectStage.COMPLETED)
            or rng.random() < 0.5
        ):
            start = after(registered, 3, 40)
        if stage in (ProjectStage.AWAITING_ACCEPTANCE, ProjectStage.COMPLETED) and start:
            end = after(start, 15, 120)
        if stage is ProjectStage.COMPLETED and end:
            accepted = after(end, 3, 30)
        if kind is ProjectKind.LIVELIHOOD_MICRO:  # ¥8,000–¥200,000
            budget = rng.randint(80, 2000) * 10_000
            if rng.random() < 0.2:
                budget = rng.randint(800_000, 20_000_000)  # to the fen: ¥12,345.67
        elif rng.random() < 0.4:
            budget = 0  # done with donated time and goods
        else:
            budget = rng.randint(50, 3000) * 1_000
        low, high = spent_share[stage]
        spent = int(budget * rng.uniform(low, high))
        rating_count, rating, note, comments = 0, None, "", ""
        if stage is ProjectStage.COMPLETED:
            rating_count = rng.randint(8, 150)
            r = rng.random()
            rating = (
                rng.randint(380, 500)
                if r < 0.85
                else rng.randint(250, 379)
                if r < 0.97
                else rng.randint(100, 249)
            )
            note, comments = acceptance, evaluation
        if kind is ProjectKind.LIVELIHOOD_MICRO and rng.random() < 0.5:
            title = f"{registered.year}年{title}"
        rows.append(
            (
                project_id,
                _uuid(rng),
                title.format(b=need_buildings[first] or "1栋"),
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
        )
        parties += _parties(c, project_id, kind, stage)
    rows, ids = _renumber(rows, PROJECT_COLUMNS.index("registered_on"), first_id)
    return rows, _relink(parties, ids), _relink(need_links, ids), _relink(resource_links, ids)


def _parties(c: _Lists, project_id: int, kind: ProjectKind, stage: ProjectStage) -> list[tuple]:
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


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _datetime_text(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(" ", "microseconds")


def _insert(s: Session, model: type[Base], columns: tuple[str, ...], rows: list[tuple]) -> None:
    """One executemany straight on the driver: at 100,000 rows several times faster than
    SQLAlchemy's per-row parameter handling. Values are stored as the ORM stores them: each
    goes through its column type's bind processor, or, for dates and times (a million of
    them), through isoformat, checked here to give the processor's very text."""
    if not rows:
        return
    table = model.__table__
    if table.name in NAME_KEYS and NAME_KEYS[table.name][1] not in columns:
        # The pinyin sort key the models add on every other insert.
        source = columns.index(NAME_KEYS[table.name][0])
        columns = (*columns, NAME_KEYS[table.name][1])
        rows = [(*row, name_key(row[source] or "")) for row in rows]
    if "uuid" in table.c and "uuid" not in columns:
        # Child rows get theirs here; seeded from the rows themselves, so a seed still gives
        # the same demo.
        rng = random.Random(f"{table.name}:{len(rows)}:{rows[0]!r}")
        columns = (*columns, "uuid")
        rows = [(*row, _uuid(rng)) for row in rows]
    dialect = s.get_bind().dialect
    processors = []
    for i, name in enumerate(columns):
        column_type = table.c[name].type
        processor = column_type.dialect_impl(dialect).bind_processor(dialect)
        if processor is None:
            continue
        quick = {DateTime: _datetime_text, Date: _date_text}.get(type(column_type))
        sample = next((row[i] for row in rows if row[i] is not None), None)
        if quick is not None and (sample is None or quick(sample) == processor(sample)):
            processor = quick
        processors.append((i, processor))
    if processors:
        converted = []
        for row in rows:
            values = list(row)
            for i, p in processors:
                values[i] = p(values[i])
            converted.append(tuple(values))
        rows = converted
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    s.connection().exec_driver_sql(sql, rows)


@contextmanager
def _bulk_session(db: Database) -> Iterator[Session]:
    """A transaction on a connection of its own, for writing a million rows quickly.

    - Without the search index's triggers, which update the index row by row: rebuilding it
      once afterwards is several times faster (at 100,000 needs: 20 s through the triggers,
      6 s + 2 s around them).
    - With foreign keys checked once at the end, as the migrations do, instead of one lookup
      per parent per row (a third of the time of the link tables).
    - With a 64 MiB page cache: the uuid and person indexes take random inserts, which thrash
      the default 2 MiB (100,000 needs: 7.8 s → 5.0 s).
    """
    engine = make_engine(db.path)
    event.listen(engine, "connect", _bulk_pragmas)  # after the house pragmas
    try:
        with Session(engine) as s, s.begin():
            yield s
            broken = s.connection().exec_driver_sql("PRAGMA foreign_key_check").first()
            if broken is not None:
                raise RuntimeError(f"demo data breaks a foreign key: {tuple(broken)}")
    finally:
        engine.dispose()
    if db.search_index is not None:
        db.search_index.open(db.engine)  # finds the lists out of step and rebuilds them


def _bulk_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys=OFF")
    dbapi_connection.execute("PRAGMA cache_size=-65536")


def make_demo(
    db: Database,
    scale: int = DEFAULT_SCALE,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> int:
    """Fill an empty database with ``scale`` people, needs, resources and projects (linked
    to each other); returns ``scale``. Same seed and ``today`` → same records; everything
    recorded happened before ``today`` (default: the real today), so due dates can be overdue.
    ``progress(done, total)`` counts records over the four lists."""
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be 1..{MAX_SCALE}")
    rng = _Dice(seed)
    now = utcnow()
    total = 4 * scale
    with _bulk_session(db) as s:
        if _has_records(s):
            raise DemoExistsError("data dir is not empty")
        s.merge(
            NeighborhoodRecord(
                id=1, name=NEIGHBORHOOD[0], community=NEIGHBORHOOD[1], street=NEIGHBORHOOD[2]
            )
        )
        grid_ids = []
        for name in GRIDS:
            grid = GridRecord(name=name)
            s.add(grid)
            s.flush()
            grid_ids.append(grid.id)
        buildings: list[tuple[int, int, int]] = []  # (id, units, floors)
        building_names: dict[int, str] = {}
        for number in range(1, 13):
            units = rng.choice((2, 2, 3))
            rec = BuildingRecord(
                name=f"{number}栋", grid_id=grid_ids[(number - 1) // 4], unit_count=units
            )
            s.add(rec)
            s.flush()
            buildings.append((rec.id, units, rng.randint(18, 33)))
            building_names[rec.id] = rec.name

        first_id = (s.scalar(select(func.max(PersonRecord.id))) or 0) + 1
        people, roles = [], []
        talents: list[tuple[int, str, str, str]] = []
        leaders = {b[0]: None for b in buildings}
        for i in range(scale):
            person_id = first_id + i
            building_id, units, floors = rng.choice(buildings)
            party = rng.random() < 0.12
            row = {
                "id": person_id,
                "uuid": _uuid(rng),
                "name": _name(rng),
                "phone": _phone(rng),
                "building_id": building_id,
                "unit": str(rng.randint(1, units)),
                "room": f"{rng.randint(2, floors)}{rng.randint(1, 6):02d}",
                "is_party_member": party,
                "skills": "",
                "talent_rights": "",
                "note": "",
                "created_at": now,
                "updated_at": now,
            }
            if leaders[building_id] is None and rng.random() < 0.5:
                leaders[building_id] = person_id
                roles.append((person_id, PersonRole.BUILDING_LEADER))
            if rng.random() < 0.03:
                roles.append((person_id, PersonRole.TALENT))
                row["skills"] = "、".join(rng.sample(SKILLS, rng.randint(1, 3)))
                rights = [r.value for r in TalentRight if rng.random() < 0.7]
                row["talent_rights"] = ",".join(sorted(rights))
                talents.append((person_id, row["name"], row["phone"], row["skills"]))
            if rng.random() < 0.06:
                roles.append((person_id, PersonRole.SELF_ORGANIZATION_MEMBER))
            if rng.random() < 0.08:
                roles.append((person_id, PersonRole.VOLUNTEER))
            people.append(row)
        # The owners' committee: 7 members, at least half party members (the reform's rule).
        party_ids = [p["id"] for p in people if p["is_party_member"]]
        others = [p["id"] for p in people if not p["is_party_member"]]
        committee = rng.sample(party_ids, min(4, len(party_ids)))
        # Never more non-members than members, even in a tiny demo with few party members.
        committee += rng.sample(others, min(7 - len(committee), len(others), len(committee)))
        roles += [(pid, PersonRole.OWNERS_COMMITTEE_MEMBER) for pid in committee]

        chunk = 20_000
        for start in range(0, len(people), chunk):
            rows = [tuple(p[c] for c in PERSON_COLUMNS) for p in people[start : start + chunk]]
            _insert(s, PersonRecord, PERSON_COLUMNS, rows)
            if progress:
                progress(min(start + chunk, len(people)), total)
        roles_rows = [(pid, role.value) for pid, role in roles]
        _insert(s, PersonRoleRecord, ("person_id", "role"), roles_rows)

        orgs: dict[OrganizationKind, list[_Org]] = {kind: [] for kind in OrganizationKind}
        for kind, name, note in ORGANIZATIONS:
            committee_term = kind is OrganizationKind.OWNERS_COMMITTEE
            org = OrganizationRecord(
                uuid=_uuid(rng),
                kind=kind.value,
                name=name,
                note=note,
                contact_name=_name(rng),
                phone=_phone(rng) or "0755-26880000",
                term_start=date(2024, 6, 1) if committee_term else None,
                term_end=date(2029, 5, 31) if committee_term else None,
            )
            s.add(org)
            s.flush()
            orgs[kind].append(_Org(org.id, kind, name, org.contact_name, org.phone))

        by_id = {p["id"]: p for p in people}
        secretary = by_id[party_ids[0]]["name"] if party_ids else people[0]["name"]
        lists = _Lists(
            rng=rng,
            today=today or date.today(),
            now=now,
            residents=[
                (
                    p["id"],
                    p["name"],
                    p["phone"],
                    building_names[p["building_id"]],
                    p["unit"],
                    p["room"],
                )
                for p in people
            ],
            talents=talents,
            orgs=orgs,
            buildings=[building_names[b[0]] for b in buildings],
            leaders={building_names[b]: by_id[p]["name"] for b, p in leaders.items() if p},
            secretary=secretary,
            categories=_categories(s),
        )
        del by_id, people

        first_need = (s.scalar(select(func.max(NeedRecord.id))) or 0) + 1
        needs, history, need_ids, statuses, days, places = _needs(lists, scale, first_need)
        _insert(s, NeedRecord, NEED_COLUMNS, needs)
        _insert(s, NeedStatusChangeRecord, HISTORY_COLUMNS, history)
        del needs, history
        if progress:
            progress(2 * scale, total)

        first_resource = (s.scalar(select(func.max(ResourceRecord.id))) or 0) + 1
        resources, resource_ids = _resources(lists, scale, first_resource)
        _insert(s, ResourceRecord, RESOURCE_COLUMNS, resources)
        del resources
        if progress:
            progress(3 * scale, total)

        first_project = (s.scalar(select(func.max(ProjectRecord.id))) or 0) + 1
        projects, parties, need_links, resource_links = _projects(
            lists, scale, first_project, need_ids, statuses, days, places, resource_ids
        )
        _insert(s, ProjectRecord, PROJECT_COLUMNS, projects)
        _insert(s, ProjectPartyRecord, PARTY_COLUMNS, parties)
        _insert(s, ProjectNeedRecord, ("project_id", "need_id"), need_links)
        _insert(s, ProjectResourceRecord, ("project_id", "resource_id"), resource_links)
        if progress:
            progress(total, total)
    make_demo_visits_and_meetings(db, seed, today or date.today(), scale)
    make_demo_compacts(db, today or date.today())
    make_demo_committee(db, seed, today or date.today())
    make_demo_federation(db, seed, today or date.today())
    make_demo_partners(db, seed, today or date.today())
    return scale


def _has_records(s: Session) -> bool:
    """Any record counts: grids or buildings typed in by hand would clash by name, and demo
    needs must never mix with real ones. The trash counts too."""
    models = (PersonRecord, NeighborhoodRecord, GridRecord, BuildingRecord, OrganizationRecord,
              NeedRecord, ResourceRecord, ProjectRecord, VisitRecord, MeetingRecord,
              CompactRecord)  # fmt: skip
    return any(s.scalar(select(func.count()).select_from(model)) for model in models)


def create_demo(
    data_dir: Path,
    scale: int = DEFAULT_SCALE,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> int:
    """A demo neighborhood in ``data_dir`` (``make_demo``), all or nothing.

    It is built in a temporary folder inside the data dir and moved into place when complete,
    so a demo killed midway leaves no database that could pass ``check`` or stop the next
    demo; the next one removes the folder left behind. DemoExistsError when the data dir
    holds records; a database without any is filled in one step through SQLite's backup API.
    """
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be 1..{MAX_SCALE}")
    target = db_path(data_dir)
    if target.exists():
        existing = open_database(data_dir)
        try:
            with existing.session() as s:
                if _has_records(s):
                    raise DemoExistsError("data dir is not empty")
        finally:
            existing.close()
    for leftover in data_dir.glob(f"{DEMO_FOLDER_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a demo killed midway
    scratch = Path(tempfile.mkdtemp(prefix=DEMO_FOLDER_PREFIX, dir=data_dir))
    try:
        db = open_database(scratch)
        try:
            make_demo(db, scale, seed, progress, today)
        finally:
            db.close()
        if target.exists():
            _copy_into(db_path(scratch), target)
        else:
            _move_into_place(scratch, data_dir)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return scale


def _move_into_place(scratch: Path, data_dir: Path) -> None:
    """The finished files into the data dir, the database last: its arrival is the commit."""
    target, index = db_path(data_dir), index_path(data_dir)
    # Leftovers of a database that is gone would be read as part of the new one.
    for stale in (*_companions(target), index, *_companions(index)):
        stale.unlink(missing_ok=True)
    if index_path(scratch).exists():  # in step with the database: no rebuild at first open
        _settle(index_path(scratch))
        os.replace(index_path(scratch), index)
    _settle(db_path(scratch))
    if target.exists():  # made meanwhile (a window started on this folder): never replaced
        raise DemoExistsError("data dir is not empty")
    os.replace(db_path(scratch), target)
    if os.name == "posix":  # the renames themselves survive a power cut once the folder is synced
        folder = os.open(data_dir, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def _settle(path: Path) -> None:
    """Everything in ``path``'s write-ahead log into the file itself, which alone is moved."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = _companions(path)[0]
    if wal.exists() and wal.stat().st_size:
        raise RuntimeError(f"{path.name}: write-ahead log left after closing")


def _companions(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _copy_into(source: Path, target: Path) -> None:
    """Replace an empty database's content with ``source``'s in one transaction."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _categories(s: Session) -> dict[str, int]:
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
