"""Committee terms and the 50% party-member rule; cross-appointments."""

from datetime import date

import pytest

from desktop.domain.committee import (
    CommitteeMember,
    CommitteeTerm,
    CrossAppointment,
    PartyShare,
    validate_term,
)
from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import committee
from desktop.services.organizations import delete_organizations, save_organization
from desktop.services.people import delete_people
from desktop.store.database import Database
from tests.services.conftest import Roster

NAME = "欧阳䶮𠮷 <b>&"


@pytest.mark.parametrize(
    ("members", "party", "meets", "percent"),
    [
        (8, 4, True, 50),
        (9, 4, False, 44),
        (9, 3, False, 33),
        (9, 5, True, 56),
        (7, 4, True, 57),
        (199, 99, False, 49),
        (1, 1, True, 100),
        (0, 0, False, 0),
        (5, 0, False, 0),
    ],
)
def test_the_rule_is_exact(members: int, party: int, meets: bool, percent: int) -> None:
    share = PartyShare(members, party)
    assert (share.meets_rule, share.percent) == (meets, percent)


def org(db: Database, kind: OrganizationKind, name: str) -> int:
    saved = save_organization(db, Organization(kind=kind, name=name))
    assert saved.id is not None
    return saved.id


def term(organization_id: int | None, party: int, others: int, **fields) -> CommitteeTerm:
    members = [CommitteeMember(f"党员{i}", "委员", True) for i in range(party)]
    members += [CommitteeMember(f"群众{i}", "委员", False) for i in range(others)]
    return CommitteeTerm(
        organization_id,
        fields.pop("formed_on", date(2024, 6, 1)),
        fields.pop("term_start", date(2024, 6, 1)),
        members=members,
        **fields,
    )


def test_a_term_short_of_the_rule_is_saved_and_says_so(db: Database, roster: Roster) -> None:
    committee_id = org(db, OrganizationKind.OWNERS_COMMITTEE, "翠竹苑业主委员会")
    t = term(committee_id, 3, 6)
    t.members[0] = CommitteeMember(NAME, "主任", True, roster.people["李伟"])
    saved = committee.save_term(db, t)
    assert saved.id is not None and saved.organization_name == "翠竹苑业主委员会"
    again = committee.get_term(db, saved.id)
    assert [m.name for m in again.members][:2] == [NAME, "党员1"]
    assert again.members[0].person_id == roster.people["李伟"]
    assert again.members[0].position == "主任"
    assert (again.party_share.members, again.party_share.party_members) == (9, 3)
    assert not again.party_share.meets_rule and again.party_share.percent == 33
    assert [x.id for x in committee.terms_short_of_rule(db, date(2026, 1, 1))] == [saved.id]


def test_members_are_replaced_on_edit(db: Database) -> None:
    committee_id = org(db, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    saved = committee.save_term(db, term(committee_id, 3, 6))
    saved.members = saved.members[:8]  # drop a non-member: 3 of 8 — still short
    saved.members[3].is_party_member = True  # 4 of 8 — meets it exactly
    edited = committee.save_term(db, saved)
    assert edited.party_share == PartyShare(8, 4) and edited.party_share.meets_rule
    assert len(committee.list_terms(db)) == 1
    assert committee.terms_short_of_rule(db, date(2026, 1, 1)) == []


def test_home_warns_only_of_each_committees_latest_term_in_office(db: Database) -> None:
    committee_id = org(db, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    old = committee.save_term(
        db,
        term(
            committee_id,
            1,
            6,
            formed_on=date(2019, 6, 1),
            term_start=date(2019, 6, 1),
            term_end=date(2024, 5, 31),
        ),
    )
    new = committee.save_term(
        db, term(committee_id, 4, 3, formed_on=date(2024, 6, 1), term_end=date(2029, 5, 31))
    )
    assert [t.id for t in committee.list_terms(db)] == [new.id, old.id]
    assert committee.terms_short_of_rule(db, date(2026, 1, 1)) == []
    new.members = new.members[1:]  # 3 of 6: 50% — meets it
    committee.save_term(db, new)
    assert committee.terms_short_of_rule(db, date(2026, 1, 1)) == []
    new.members = new.members[1:]  # 2 of 5
    committee.save_term(db, new)
    assert [t.id for t in committee.terms_short_of_rule(db, date(2026, 1, 1))] == [new.id]
    assert committee.terms_short_of_rule(db, date(2029, 6, 1)) == []  # out of office


def test_term_validation(db: Database) -> None:
    company = org(db, OrganizationKind.PROPERTY_COMPANY, "物业公司")
    with pytest.raises(ValidationError) as caught:
        committee.save_term(db, term(company, 1, 0))  # a company has no terms
    assert caught.value.problems == {"organization": Problem.REQUIRED}
    bad = term(None, 0, 0, term_end=date(2024, 1, 1))
    assert validate_term(bad) == {
        "organization": Problem.REQUIRED,
        "members": Problem.REQUIRED,
        "term_end": Problem.TERM_ORDER,
    }
    blank_names = term(1, 0, 0)
    blank_names.members = [CommitteeMember("  ", "委员")]
    with pytest.raises(ValidationError) as caught:
        committee.save_term(db, blank_names)
    assert caught.value.problems["members"] is Problem.REQUIRED


def test_delete_term(db: Database) -> None:
    committee_id = org(db, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    saved = committee.save_term(db, term(committee_id, 2, 2))
    committee.delete_term(db, saved.id or 0)
    with pytest.raises(NotFoundError):
        committee.get_term(db, saved.id or 0)


def test_cross_appointments(db: Database, roster: Roster) -> None:
    committee_id = org(db, OrganizationKind.OWNERS_COMMITTEE, NAME)
    company_id = org(db, OrganizationKind.PROPERTY_COMPANY, "鹏安物业")
    first = committee.save_cross_appointment(
        db,
        CrossAppointment(
            roster.people["张伟"], committee_id, "支部委员", "业委会副主任", date(2024, 6, 1)
        ),
    )
    ended = committee.save_cross_appointment(
        db,
        CrossAppointment(
            roster.people["李伟"],
            company_id,
            "支部书记",
            "物业党建指导员",
            date(2022, 1, 1),
            date(2023, 12, 31),
        ),
    )
    listed = committee.list_cross_appointments(db)
    assert [a.id for a in listed] == [first.id, ended.id]  # current ones first
    assert (listed[0].person_name, listed[0].organization_name) == ("张伟", NAME)
    assert committee.get_cross_appointment(db, ended.id or 0).until == date(2023, 12, 31)
    with pytest.raises(ValidationError) as caught:
        committee.save_cross_appointment(
            db,
            CrossAppointment(
                roster.people["张伟"],
                org(db, OrganizationKind.PARTNER_UNIT, "学校"),
                "",
                "",
                date(2024, 1, 2),
                date(2024, 1, 1),
            ),
        )
    assert caught.value.problems == {
        "organization": Problem.REQUIRED,
        "post": Problem.REQUIRED,
        "until": Problem.DATE_ORDER,
    }
    # A person or organization moved to the trash takes their appointments out of the list.
    delete_people(db, [roster.people["李伟"]])
    delete_organizations(db, [committee_id])
    assert committee.list_cross_appointments(db) == []
    committee.delete_cross_appointment(db, first.id or 0)
    with pytest.raises(NotFoundError):
        committee.get_cross_appointment(db, first.id or 0)


def test_committee_organizations(db: Database) -> None:
    company = org(db, OrganizationKind.PROPERTY_COMPANY, "物业公司")
    board = org(db, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    org(db, OrganizationKind.SELF_ORGANIZATION, "舞蹈队")
    found = committee.committee_organizations(db)
    assert {(o.id, o.kind) for o in found} == {
        (company, OrganizationKind.PROPERTY_COMPANY),
        (board, OrganizationKind.OWNERS_COMMITTEE),
    }


def test_demo_committee(db: Database) -> None:
    from desktop.domain.needs import NeedQuery
    from desktop.services.demo import make_demo
    from desktop.services.evaluations import list_evaluations
    from desktop.services.needs import list_needs

    make_demo(db, scale=200, seed=3, today=date(2026, 11, 25))
    current, earlier = committee.list_terms(db)
    assert current.party_share.meets_rule and current.is_current(date(2026, 11, 25))
    assert not earlier.party_share.meets_rule
    assert committee.terms_short_of_rule(db, date(2026, 11, 25)) == []
    assert len(committee.list_cross_appointments(db)) == 2
    periods = sorted((e.period, e.organization_kind.value) for e in list_evaluations(db))
    assert periods == [
        ("2026Q2", "owners_committee"),
        ("2026Q2", "property_company"),
        ("2026Q3", "owners_committee"),
        ("2026Q3", "property_company"),
    ]
    disputes = list_needs(db, NeedQuery(disputes_only=True), limit=100)
    last_year = [d for d in disputes if date(2025, 10, 1) <= d.registered_on < date(2026, 10, 1)]
    year_before = [d for d in disputes if date(2024, 10, 1) <= d.registered_on < date(2025, 10, 1)]
    assert 0 < len(last_year) < len(year_before)  # down, and not to nothing
    assert {d.category for d in disputes} == {"物业服务"}
