"""Partner units, agreements, activities and the 三个一 tracker on hand-built data."""

from datetime import date

import pytest

from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.needs import Need
from desktop.domain.partners import (
    Agreement,
    PartnerActivity,
    PartnerActivityKind,
    PartnerType,
    QuotaState,
    quarter_bounds,
)
from desktop.domain.projects import Project
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import needs, organizations, partners, projects
from desktop.services.trash import list_trash, restore
from tests.trash_items import restore_records

PAIRING = PartnerActivityKind.PAIRING
SERVICE = PartnerActivityKind.PRACTICAL_SERVICE
MEDIATION = PartnerActivityKind.DISPUTE_MEDIATION
MET, MISSING, OPEN = QuotaState.MET, QuotaState.MISSING, QuotaState.OPEN
DUE_LATER, NOT_PAIRED = QuotaState.NOT_YET_DUE, QuotaState.NOT_PAIRED


def unit(db, name: str, kind=OrganizationKind.PARTNER_UNIT, partner_type=None) -> int:
    org = organizations.save_organization(
        db, Organization(kind=kind, name=name, partner_type=partner_type)
    )
    assert org.id is not None
    return org.id


def activity(db, org: int, kind: PartnerActivityKind, day: date, **fields) -> PartnerActivity:
    return partners.save_activity(
        db, PartnerActivity(org, kind, day, description=fields.pop("description", "活动"), **fields)
    )


def states(t) -> list[tuple[QuotaState, QuotaState]]:
    return [(q.pairing.state, q.practical_service.state) for q in t.quarters]


def test_partner_units_listed_with_type_others_and_trash_left_out(db):
    school = unit(db, "翠竹实验小学", partner_type=PartnerType.SCHOOL)
    unit(db, "鹏程律师事务所", partner_type=PartnerType.ENTERPRISE)
    unit(db, "夕阳红舞蹈队", kind=OrganizationKind.SELF_ORGANIZATION)
    gone = unit(db, "已撤销单位")
    organizations.delete_organizations(db, [gone])
    listed = partners.list_partners(db)
    assert [(p.name, p.partner_type) for p in listed] == [
        ("翠竹实验小学", PartnerType.SCHOOL),
        ("鹏程律师事务所", PartnerType.ENTERPRISE),
    ]
    assert partners.get_partner(db, school).name == "翠竹实验小学"
    with pytest.raises(NotFoundError):
        partners.get_partner(db, gone)


def test_quarter_bounds():
    assert quarter_bounds(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_bounds(2026, 2) == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarter_bounds(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))


def test_tracker_quarter_boundaries_and_future(db):
    org = unit(db, "南园供电所")
    activity(db, org, PAIRING, date(2026, 3, 31))  # the last day of Q1
    activity(db, org, SERVICE, date(2026, 4, 1))  # the first day of Q2
    activity(db, org, PAIRING, date(2025, 12, 31))  # last year: not counted
    (t,) = partners.tracker(db, 2026, today=date(2026, 5, 10))
    assert states(t) == [
        (MET, MISSING),
        (OPEN, MET),
        (DUE_LATER, DUE_LATER),
        (DUE_LATER, DUE_LATER),
    ]
    assert t.quarters[0].pairing.count == 1
    assert t.dispute_mediation.state is OPEN
    # Seen from the first day of Q2, Q1's missing service is already missing.
    (t,) = partners.tracker(db, 2026, today=date(2026, 4, 1))
    assert states(t)[0] == (MET, MISSING)
    # On Q1's last day it was still open.
    (t,) = partners.tracker(db, 2026, today=date(2026, 3, 31))
    assert states(t)[0] == (MET, OPEN)
    assert states(t)[1] == (DUE_LATER, MET)  # recorded early still counts for Q2


def test_mediation_is_yearly_and_missing_after_the_year(db):
    org = unit(db, "区人民医院")
    activity(db, org, MEDIATION, date(2025, 11, 3))
    (t,) = partners.tracker(db, 2025, today=date(2026, 1, 5))
    assert t.dispute_mediation.state is MET and t.dispute_mediation.count == 1
    (t,) = partners.tracker(db, 2026, today=date(2027, 1, 1))
    assert t.dispute_mediation.state is MISSING
    assert states(t) == [(MISSING, MISSING)] * 4


def test_trashed_activities_do_not_count_and_come_back(db):
    org = unit(db, "翠竹实验小学")
    done = activity(db, org, PAIRING, date(2026, 2, 10))
    assert partners.delete_activities(db, [done.id]) == 1
    (t,) = partners.tracker(db, 2026, today=date(2026, 6, 1))
    assert t.quarters[0].pairing.state is MISSING
    assert partners.list_activities(db, org) == []
    trashed = [i for i in list_trash(db) if i.id == done.id and i.title == "活动"]
    assert len(trashed) == 1
    restore(db, trashed)
    (t,) = partners.tracker(db, 2026, today=date(2026, 6, 1))
    assert t.quarters[0].pairing.state is MET


def test_quarters_before_the_first_agreement_are_not_owed(db):
    org = unit(db, "鹏程律师事务所")
    partners.save_agreement(
        db,
        Agreement(
            org, signed_on=date(2026, 4, 20), term_start=date(2026, 5, 1), content="法律咨询进小区"
        ),
    )
    (t,) = partners.tracker(db, 2026, today=date(2026, 8, 1))
    assert states(t)[:3] == [(NOT_PAIRED, NOT_PAIRED), (MISSING, MISSING), (OPEN, OPEN)]
    assert t.dispute_mediation.state is OPEN  # the year ends after the pairing began


def test_quota_gaps_warn_only_near_the_period_end(db):
    a = unit(db, "甲单位")
    b = unit(db, "乙单位")
    activity(db, a, PAIRING, date(2026, 3, 1))
    activity(db, b, PAIRING, date(2026, 1, 9))
    activity(db, b, SERVICE, date(2026, 1, 9))
    # 31 days left in Q1 (today included): too early to warn.
    assert partners.quota_gaps(db, date(2026, 3, 1)) == []
    gaps = partners.quota_gaps(db, date(2026, 3, 20))
    assert [(g.name, g.kind, g.days_left) for g in gaps] == [("甲单位", SERVICE, 12)]
    assert gaps[0].organization_id == a and gaps[0].period_end == date(2026, 3, 31)
    assert partners.quota_gaps(db, date(2026, 3, 20), warn_days=5) == []


def test_quota_gaps_for_the_years_mediation(db):
    a = unit(db, "甲单位")
    b = unit(db, "乙单位")
    for org in (a, b):
        activity(db, org, PAIRING, date(2026, 10, 8))
        activity(db, org, SERVICE, date(2026, 10, 9))
    activity(db, b, MEDIATION, date(2026, 6, 1))
    assert partners.quota_gaps(db, date(2026, 11, 1)) == []  # 61 days left
    gaps = partners.quota_gaps(db, date(2026, 11, 2))
    assert [(g.name, g.kind, g.days_left) for g in gaps] == [("甲单位", MEDIATION, 60)]


def test_agreements_saved_listed_validated_and_trashed(db):
    org = unit(db, "翠竹实验小学")
    text = "四点半课堂 <b>A&B</b> 欧阳䶮𠮷"
    saved = partners.save_agreement(
        db, Agreement(org, date(2025, 9, 1), date(2025, 9, 1), date(2027, 8, 31), text)
    )
    older = partners.save_agreement(db, Agreement(org, date(2024, 9, 1), content="第一期"))
    assert [a.id for a in partners.list_agreements(db, org)] == [saved.id, older.id]
    assert partners.get_agreement(db, saved.id).content == text
    with pytest.raises(ValidationError) as exc:
        partners.save_agreement(
            db, Agreement(org, date(2025, 9, 1), date(2025, 9, 1), date(2025, 8, 1), "")
        )
    assert exc.value.problems == {"content": Problem.REQUIRED, "term_end": Problem.TERM_ORDER}
    not_partner = unit(db, "舞蹈队", kind=OrganizationKind.SELF_ORGANIZATION)
    with pytest.raises(NotFoundError):
        partners.save_agreement(db, Agreement(not_partner, content="x"))
    assert partners.delete_agreements(db, [older.id]) == 1
    assert [a.id for a in partners.list_agreements(db, org)] == [saved.id]
    assert restore_records(db, RecordKind.PARTNER_AGREEMENT, [older.id]) == 1


def test_activity_links_to_needs_and_projects(db):
    org = unit(db, "南园街道社区健康服务中心")
    category = needs.list_categories(db)[0].id
    need_a = needs.save_need(db, Need(title="老人量血压", category_id=category)).id
    need_b = needs.save_need(db, Need(title="义诊", category_id=category)).id
    project = projects.save_project(db, Project(title="健康小屋")).id
    saved = activity(
        db,
        org,
        SERVICE,
        date(2026, 5, 6),
        participants="李医生、张伟",
        description="义诊 <i>",
        need_ids=[need_a, need_b, need_a],
        project_ids=[project],
    )
    got = partners.get_activity(db, saved.id)
    assert (got.need_ids, got.project_ids) == (sorted([need_a, need_b]), [project])
    assert got.description == "义诊 <i>" and got.participants == "李医生、张伟"
    # A trashed need drops out of the activity, and its link survives for its return.
    needs.delete_needs(db, [need_b])
    assert partners.get_activity(db, saved.id).need_ids == [need_a]
    got.need_ids = [need_a]
    partners.save_activity(db, got)
    restore_records(db, RecordKind.NEED, [need_b])
    assert partners.get_activity(db, saved.id).need_ids == sorted([need_a, need_b])
    # Removing a link in the form drops it.
    got.need_ids, got.project_ids = [need_b], []
    partners.save_activity(db, got)
    again = partners.get_activity(db, saved.id)
    assert (again.need_ids, again.project_ids) == ([need_b], [])


def test_activity_validation_and_year_filter(db):
    org = unit(db, "甲单位")
    with pytest.raises(ValidationError) as exc:
        partners.save_activity(db, PartnerActivity(org, PAIRING, description="  "))
    assert exc.value.problems == {"description": Problem.REQUIRED}
    activity(db, org, PAIRING, date(2025, 6, 1))
    this_year = activity(db, org, SERVICE, date(2026, 6, 1))
    assert [a.id for a in partners.list_activities(db, org, year=2026)] == [this_year.id]
    assert len(partners.list_activities(db, org)) == 2
