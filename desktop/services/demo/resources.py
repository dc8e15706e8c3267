"""The demo's resources (资源): what partner units, the property company, self-organizations,
talented residents and others offer, some of it no longer available."""

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.resources import ProviderKind, ResourceKind
from desktop.domain.roster import OrganizationKind
from desktop.services.demo.bulk import insert, renumber
from desktop.services.demo.columns import RESOURCE_COLUMNS
from desktop.services.demo.dice import Weights, random_uuid
from desktop.services.demo.roster import Roster
from desktop.store.models import ResourceRecord

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
PROVIDER_WEIGHTS = Weights(
    {
        ProviderKind.PARTNER_UNIT: 28,
        ProviderKind.TALENT: 27,
        ProviderKind.SELF_ORGANIZATION: 25,
        ProviderKind.PROPERTY_COMPANY: 10,
        ProviderKind.OTHER: 10,
    }
)


def add_resources(s: Session, c: Roster, n: int) -> list[int]:
    """``n`` resources, written; returns each one's id by the order they were made in."""
    first_id = (s.scalar(select(func.max(ResourceRecord.id))) or 0) + 1
    rows, ids = make_resources(c, n, first_id)
    insert(s, ResourceRecord, RESOURCE_COLUMNS, rows)
    return ids


def make_resources(c: Roster, n: int, first_id: int) -> tuple[list[tuple], list[int]]:
    """Resources (RESOURCE_COLUMNS), ids from ``first_id`` in the order they were registered,
    and each one's id by the order it was made in."""
    rng = c.rng
    rows = []
    for i in range(n):
        provider_kind = rng.weighted(PROVIDER_WEIGHTS)
        if provider_kind is ProviderKind.TALENT and not c.talents:
            provider_kind = ProviderKind.OTHER
        offer = _offer(c, provider_kind)
        title, kind, provider, availability, contact, phone, organization_id, person_id = offer
        registered = c.today - timedelta(days=rng.randint(1, 3 * 365))
        # Agreements run out: some resources are no longer available.
        valid_until = None
        if rng.random() < 0.6:
            valid_until = registered + timedelta(days=rng.randint(90, 3 * 365))
        rows.append(
            (
                i,
                random_uuid(rng),
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
    return renumber(rows, RESOURCE_COLUMNS.index("registered_on"), first_id)


def _offer(
    c: Roster, provider_kind: ProviderKind
) -> tuple[str, ResourceKind, str, str, str, str, int | None, int | None]:
    """What a provider of ``provider_kind`` offers: (title, kind, provider, availability,
    contact, phone, organization id, person id)."""
    rng = c.rng
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
    return title, kind, provider, availability, contact, phone, organization_id, person_id
