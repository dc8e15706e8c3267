"""The Chinese word for every value of the domain's enums, once.

The window, the ledgers, the command line and paper all read these words. The ledgers' choice
columns are a contract: an Excel sheet written by an earlier version is read back by these
words, so a word here changes only with care. Paper prints a few words shorter (PRINTED).
"""

from enum import Enum

from desktop.domain.audit import AuditEvent, Outcome
from desktop.domain.meetings import ActionStatus, Attendance, MeetingKind, ParticipantRole
from desktop.domain.needs import NeedSource, NeedStatus, Satisfaction, Urgency
from desktop.domain.partners import PartnerActivityKind, PartnerType, QuotaState
from desktop.domain.projects import PartyRole, ProjectKind, ProjectStage
from desktop.domain.resources import ProviderKind, ResourceKind
from desktop.domain.roster import OrganizationKind, PersonRole, TalentRight
from desktop.domain.visits import ReferralTarget, VisitKind

WORDS: dict[Enum, str] = {
    AuditEvent.START: "启动",
    AuditEvent.UNLOCK: "解锁",
    AuditEvent.UNLOCK_FAILED: "解锁失败",
    AuditEvent.PASSWORD_CHANGE: "修改密码",
    AuditEvent.LEDGER_EXPORT: "导出台账",
    AuditEvent.LEDGER_IMPORT: "导入台账",
    AuditEvent.PRINT_ARCHIVE: "打印含姓名电话的文件",
    AuditEvent.PHONE_REVEAL: "显示完整号码",
    AuditEvent.RESTORE: "恢复数据",
    AuditEvent.MERGE: "合并数据",
    AuditEvent.SYNC: "同步",
    AuditEvent.EMPTY_TRASH: "彻底删除回收站记录",
    AuditEvent.RETENTION: "修改保存期限",
    Outcome.OK: "成功",
    Outcome.FAILED: "失败",
    Outcome.REFUSED: "被拒绝",
    PersonRole.BUILDING_LEADER: "楼栋长",
    PersonRole.TALENT: "贤达能人",
    PersonRole.OWNERS_COMMITTEE_MEMBER: "业委会委员",
    PersonRole.SELF_ORGANIZATION_MEMBER: "自组织成员",
    PersonRole.VOLUNTEER: "志愿者",
    TalentRight.DELIBERATION: "议事权",
    TalentRight.SUGGESTION: "建议权",
    TalentRight.SUPERVISION: "监督权",
    TalentRight.EVALUATION: "评议权",
    OrganizationKind.PROPERTY_COMPANY: "物业服务企业",
    OrganizationKind.OWNERS_COMMITTEE: "业主委员会",
    OrganizationKind.SELF_ORGANIZATION: "自组织",
    OrganizationKind.PARTNER_UNIT: "共建单位",
    NeedSource.RECEPTION_DAY: "书记接待日",
    NeedSource.DOOR_KNOCKING: "敲门行动",
    NeedSource.DELIBERATION_MEETING: "协商议事会",
    NeedSource.BUILDING_PATROL: "楼栋长巡查",
    NeedSource.OTHER: "其他",
    Urgency.NORMAL: "一般",
    Urgency.URGENT: "较急",
    Urgency.CRITICAL: "紧急",
    NeedStatus.PENDING: "待受理",
    NeedStatus.IN_PROGRESS: "处理中",
    NeedStatus.RESOLVED: "已解决",
    NeedStatus.REFERRED: "已转办",
    NeedStatus.REJECTED: "不予受理",
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY_SATISFIED: "基本满意",
    Satisfaction.DISSATISFIED: "不满意",
    ResourceKind.VENUE: "场地",
    ResourceKind.FUNDS: "资金",
    ResourceKind.SKILL: "技能",
    ResourceKind.GOODS: "物资",
    ResourceKind.VOLUNTEER_SERVICE: "志愿服务",
    ResourceKind.OTHER: "其他",
    ProviderKind.PARTNER_UNIT: "共建单位",
    ProviderKind.TALENT: "贤达能人",
    ProviderKind.SELF_ORGANIZATION: "自组织",
    ProviderKind.PROPERTY_COMPANY: "物业服务企业",
    ProviderKind.OTHER: "其他",
    ProjectKind.LIVELIHOOD_MICRO: "民生微实事",
    ProjectKind.PARTNERSHIP: "共建项目",
    ProjectKind.SELF_GOVERNANCE: "自治项目",
    ProjectKind.OTHER: "其他",
    ProjectStage.PROPOSED: "立项",
    ProjectStage.IN_PROGRESS: "实施中",
    ProjectStage.AWAITING_ACCEPTANCE: "待验收",
    ProjectStage.COMPLETED: "已完成",
    ProjectStage.TERMINATED: "已终止",
    PartyRole.INITIATOR: "发起人",
    PartyRole.ORGANIZER: "组织者",
    PartyRole.IMPLEMENTER: "实施者",
    VisitKind.RECEPTION_DAY: "书记接待日",
    VisitKind.DOOR_KNOCKING: "敲门行动",
    ReferralTarget.COMMUNITY: "所属社区",
    ReferralTarget.PROPERTY_COMPANY: "物业服务企业",
    ReferralTarget.OWNERS_COMMITTEE: "业主委员会",
    ReferralTarget.STREET_DEPARTMENT: "街道科室",
    ReferralTarget.OTHER: "其他",
    MeetingKind.DELIBERATION: "协商议事会",
    MeetingKind.BUILDING_LEADERS: "楼栋长月度例会",
    MeetingKind.BRANCH: "支部会议",
    ParticipantRole.BRANCH: "支部",
    ParticipantRole.OWNERS_COMMITTEE: "业主委员会",
    ParticipantRole.PROPERTY_COMPANY: "物业服务企业",
    ParticipantRole.BUILDING_LEADER: "楼栋长",
    ParticipantRole.TALENT: "贤达能人",
    ParticipantRole.RESIDENT_REPRESENTATIVE: "居民代表",
    ParticipantRole.PARTNER_UNIT: "共建单位",
    Attendance.PRESENT: "到会",
    Attendance.EXCUSED: "请假",
    Attendance.ABSENT: "缺席",
    Attendance.UNKNOWN: "未登记",
    ActionStatus.OPEN: "未开始",
    ActionStatus.IN_PROGRESS: "处理中",
    ActionStatus.DONE: "已完成",
    PartnerType.AGENCY: "机关",
    PartnerType.ENTERPRISE: "企业",
    PartnerType.SCHOOL: "学校",
    PartnerActivityKind.PAIRING: "结对活动",
    PartnerActivityKind.PRACTICAL_SERVICE: "为民实事",
    PartnerActivityKind.DISPUTE_MEDIATION: "纠纷调处",
    QuotaState.MET: "✓",
    QuotaState.MISSING: "缺",
    QuotaState.OPEN: "进行中",
    QuotaState.NOT_YET_DUE: "未到期",
    QuotaState.NOT_PAIRED: "未结对",
}

# Where paper (minutes, sign-in sheets) prints another word than the screen: a participant's
# role as the minutes name it (支部 → 党员; 支部委员 beside a post, see documents.labels), and
# an action item under way as the minutes have always said it.
PRINTED: dict[Enum, str] = {
    ParticipantRole.BRANCH: "党员",
    ParticipantRole.OWNERS_COMMITTEE: "业委会",
    ParticipantRole.PROPERTY_COMPANY: "物业",
    ActionStatus.IN_PROGRESS: "进行中",
}


def word(member: Enum) -> str:
    """The Chinese word for an enum value, as the window, the ledgers and the command line
    show it."""
    return WORDS[member]


def printed_word(member: Enum) -> str:
    """The word paper prints for an enum value."""
    return PRINTED.get(member, WORDS[member])


def choices(enum: type[Enum]) -> dict[str, Enum]:
    """Word → value for every value of an enum, in the enum's order (a ledger's choices)."""
    return {WORDS[member]: member for member in enum}


def words_of(enum: type[Enum]) -> dict[str, str]:
    """Stored value → word for every value of an enum (a breakdown keyed by values)."""
    return {member.value: WORDS[member] for member in enum}


def quota_text(state: QuotaState, count: int = 0) -> str:
    """One cell of the 三个一 table: “✓ 已完成 2 次”, “缺”, “进行中”, “未到期”, “未结对”."""
    if state is QuotaState.MET:
        return f"{WORDS[state]} 已完成 {count} 次"
    return WORDS[state]
