"""A small neighborhood with linked needs, resources and projects, built through services."""

from datetime import date, timedelta
from decimal import Decimal

from desktop.domain.needs import Need, NeedStatus
from desktop.domain.projects import Party, PartyRole, Project
from desktop.domain.resources import ProviderKind, Resource, ResourceKind
from desktop.services import needs, projects, resources
from desktop.store.database import Database

TODAY = date.today()


def fill(db: Database) -> dict[str, list[int]]:
    cats = {c.name: c.id for c in needs.list_categories(db)}
    need_ids = []
    specs = [
        ("3栋电梯经常停运", "设施维修", "3栋", -5),  # overdue
        ("地下车库照明不足", "安全隐患", "5栋", 10),
        ("楼上装修噪音扰民 A&B <b>", "噪音扰民", "3栋", None),
        ("独居老人需要助餐", "养老助老", "7栋", -1),  # overdue
        ("小区东门垃圾清运不及时", "环境卫生", "1栋", 3),
    ]
    for title, category, building, due in specs:
        need = needs.save_need(
            db,
            Need(
                title=title,
                category_id=cats[category],
                raised_by="欧阳䶮",
                building=building,
                registered_on=TODAY - timedelta(days=20),
                due_on=TODAY + timedelta(days=due) if due is not None else None,
            ),
        )
        need_ids.append(need.id)
    needs.change_status(db, need_ids[4], NeedStatus.RESOLVED, "已协调环卫")
    hall = resources.save_resource(
        db,
        Resource(
            title="党群活动室",
            kind=ResourceKind.VENUE,
            provider_kind=ProviderKind.PARTNER_UNIT,
            provider="南园街道",
        ),
    )
    lift = projects.save_project(
        db,
        Project(
            title="加装电梯",
            budget=Decimal("180000.00"),
            need_ids=need_ids[:2],
            resource_ids=[hall.id],
            parties=[Party(PartyRole.INITIATOR, "欧阳䶮")],
        ),
    )
    return {"needs": need_ids, "resources": [hall.id], "projects": [lift.id]}
