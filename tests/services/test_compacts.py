"""Compacts through the services: drafts edited, adoption at a meeting, and an adopted
version that no service call can change; revisions, validation, states, households, trash."""

import copy
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.compacts import Adoption, Chapter, CompactState, CompactVersion
from desktop.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Address, Building
from desktop.services import compacts
from desktop.services.compacts import CompactAdoptedError, DraftExistsError
from desktop.services.neighborhood import save_building
from desktop.store.database import Database
from desktop.store.models import CompactVersionRecord
from tests.services.conftest import add_person
from tests.services.migrated import copy_of_migrated
from tests.trash_items import purge_records, restore_records

ADOPTION = Adoption(None, date(2026, 10, 20), 41, 3, 2, 46)


@pytest.fixture
def db(data_dir):
    database = copy_of_migrated(data_dir)
    yield database
    database.close()


def adopted_compact(db: Database) -> int:
    c = compacts.create_from_template(db, "文明养犬")
    assert c.id is not None
    compacts.adopt(db, c.id, 1, ADOPTION)
    return c.id


def stored_rows(db: Database, compact_id: int) -> list[tuple]:
    """Every column of every stored version, as the database holds them."""
    with db.session() as s:
        records = s.scalars(
            select(CompactVersionRecord)
            .where(CompactVersionRecord.compact_id == compact_id)
            .order_by(CompactVersionRecord.number)
        ).all()
        columns = CompactVersionRecord.__table__.columns.keys()
        return [tuple(getattr(r, c) for c in columns) for r in records]


def adopted_rows(db: Database, compact_id: int) -> list[tuple]:
    adopted_on = CompactVersionRecord.__table__.columns.keys().index("adopted_on")
    return [r for r in stored_rows(db, compact_id) if r[adopted_on] is not None]


# -- drafts and adoption ---------------------------------------------------------------------
def test_create_from_template_is_a_draft(db):
    c = compacts.create_from_template(db, "停车秩序")
    assert c.title == "停车秩序公约" and c.state is CompactState.DRAFT and c.uuid
    (v,) = c.versions
    assert v.number == 1 and v.is_draft and len(v.articles()) == 6
    assert compacts.get_compact(db, c.id) == c


def test_save_draft_replaces_the_text_cleaned(db):
    c = compacts.create_from_template(db, "停车秩序")
    draft = copy.deepcopy(c.versions[0])
    draft.title = "  停车秩序公约（试行） "
    draft.chapters = [Chapter("总则", ["车辆停放在车位内。\r\n"]), Chapter("附则", ["试行一年。"])]
    saved = compacts.save_draft(db, c.id, draft)
    assert saved.title == "停车秩序公约（试行）"
    again = compacts.get_compact(db, c.id)
    assert again == saved
    assert [(h, n, t) for h, n, t in again.versions[0].numbered()] == [
        ("第一章　总则", "第一条", "车辆停放在车位内。"),
        ("第二章　附则", "第二条", "试行一年。"),
    ]


def test_adopt_records_the_meeting_and_the_votes(db):
    compact_id = adopted_compact(db)
    c = compacts.get_compact(db, compact_id)
    assert c.state is CompactState.ADOPTED and c.draft is None
    assert c.current is c.versions[0] and c.current.adoption == ADOPTION


# -- an adopted version can never change -----------------------------------------------------
def test_an_adopted_version_cannot_be_changed_through_any_service_call(db):
    compact_id = adopted_compact(db)
    before = compacts.get_compact(db, compact_id)
    rows = stored_rows(db, compact_id)
    adopted_text = before.versions[0]

    def unchanged() -> None:
        after = compacts.get_compact(db, compact_id)
        assert after.versions[0] == adopted_text
        assert adopted_rows(db, compact_id) == rows  # byte for byte, every column

    # Saving over the adopted number, even with a valid new text.
    edited = copy.deepcopy(adopted_text)
    edited.chapters[0].articles[0] = "养犬居民不必登记。"
    with pytest.raises(CompactAdoptedError):
        compacts.save_draft(db, compact_id, edited)
    unchanged()
    # Saving it with the adoption taken off (as a draft would look) is refused too.
    with pytest.raises(CompactAdoptedError):
        compacts.save_draft(db, compact_id, replace(edited, adoption=None))
    unchanged()
    # Adopting it again, with other votes at another meeting.
    with pytest.raises(CompactAdoptedError):
        compacts.adopt(db, compact_id, 1, Adoption(None, date(2026, 11, 1), 1, 40, 0, 41))
    unchanged()
    # Nothing to discard: the compact has no revision.
    with pytest.raises(DomainError):
        compacts.discard_draft(db, compact_id)
    unchanged()
    # Mutating what the service returned changes nothing stored.
    got = compacts.get_compact(db, compact_id)
    got.versions[0].chapters[0].articles[0] = "改过了"
    got.versions[0].adoption.votes_for = 0
    got.versions[0].title = "改过了"
    got.title = "改过了"
    unchanged()
    assert compacts.get_compact(db, compact_id) == before

    # A revision begins: the adopted version still stays as it was.
    revising = compacts.start_revision(db, compact_id)
    unchanged()
    with pytest.raises(DraftExistsError):
        compacts.start_revision(db, compact_id)
    unchanged()
    draft = copy.deepcopy(revising.draft)
    draft.chapters[0].articles[0] = "养犬居民应当登记并每年接种疫苗。"
    compacts.save_draft(db, compact_id, draft)
    unchanged()
    with pytest.raises(CompactAdoptedError):  # the adopted number, while a draft exists
        compacts.save_draft(db, compact_id, replace(draft, number=1))
    unchanged()
    with pytest.raises(CompactAdoptedError):
        compacts.adopt(db, compact_id, 1, ADOPTION)
    unchanged()
    compacts.discard_draft(db, compact_id)  # drops the revision, never the adopted version
    unchanged()
    assert compacts.get_compact(db, compact_id) == before
    # Adopting the revision leaves version 1 as it was.
    compacts.start_revision(db, compact_id)
    compacts.adopt(db, compact_id, 2, Adoption(None, date(2026, 11, 20), 40, 0, 1, 41))
    assert compacts.get_compact(db, compact_id).versions[0] == adopted_text
    assert adopted_rows(db, compact_id)[0] == rows[0]
    with pytest.raises(DomainError):
        compacts.discard_draft(db, compact_id)
    with pytest.raises(CompactAdoptedError):
        compacts.save_draft(db, compact_id, replace(edited, number=2))
    assert adopted_rows(db, compact_id)[0] == rows[0]


def test_revision_starts_from_the_adopted_text(db):
    compact_id = adopted_compact(db)
    before = compacts.get_compact(db, compact_id)
    c = compacts.start_revision(db, compact_id)
    assert c.state is CompactState.REVISING
    assert [v.number for v in c.versions] == [1, 2]
    draft = c.draft
    assert draft.number == 2 and draft.adoption is None
    adopted = before.current
    assert (draft.title, draft.preamble, draft.chapters, draft.closing) == (
        adopted.title,
        adopted.preamble,
        adopted.chapters,
        adopted.closing,
    )
    assert c.current == adopted


def test_revision_of_a_revision_starts_from_the_newest_adopted_text(db):
    compact_id = adopted_compact(db)
    c = compacts.start_revision(db, compact_id)
    draft = copy.deepcopy(c.draft)
    draft.chapters[0].articles.append("新增一条。")
    compacts.save_draft(db, compact_id, draft)
    compacts.adopt(db, compact_id, 2, ADOPTION)
    c = compacts.start_revision(db, compact_id)
    assert c.draft.number == 3 and c.draft.articles()[-1] == "新增一条。"


def test_a_draft_without_adopted_version_cannot_be_revised_or_discarded(db):
    c = compacts.create_from_template(db, "垃圾分类")
    with pytest.raises(DraftExistsError):
        compacts.start_revision(db, c.id)
    with pytest.raises(DomainError):
        compacts.discard_draft(db, c.id)
    assert compacts.get_compact(db, c.id) == c


def test_unknown_version_or_compact(db):
    c = compacts.create_from_template(db, "垃圾分类")
    with pytest.raises(NotFoundError):
        compacts.adopt(db, c.id, 2, ADOPTION)
    with pytest.raises(NotFoundError):
        compacts.save_draft(db, c.id, replace(c.versions[0], number=5))
    with pytest.raises(NotFoundError):
        compacts.get_compact(db, 999)


# -- validation ----------------------------------------------------------------------------
def test_title_required(db):
    with pytest.raises(ValidationError) as e:
        compacts.create_compact(db, CompactVersion(1, "  ", chapters=[Chapter("", ["甲"])]))
    assert e.value.problems == {"title": Problem.REQUIRED}
    c = compacts.create_from_template(db, "垃圾分类")
    with pytest.raises(ValidationError):
        compacts.save_draft(db, c.id, replace(c.versions[0], title=""))
    assert compacts.get_compact(db, c.id) == c


def test_empty_article_refused(db):
    with pytest.raises(ValidationError) as e:
        compacts.create_compact(db, CompactVersion(1, "公约", chapters=[Chapter("", ["甲", " "])]))
    assert e.value.problems == {"articles": Problem.REQUIRED}
    with pytest.raises(ValidationError):
        compacts.create_compact(db, CompactVersion(1, "公约"))
    assert compacts.count_compacts(db) == 0


@pytest.mark.parametrize("field", ["votes_for", "votes_against", "votes_abstain", "households"])
def test_negative_votes_refused(db, field):
    c = compacts.create_from_template(db, "垃圾分类")
    with pytest.raises(ValidationError) as e:
        compacts.adopt(db, c.id, 1, replace(ADOPTION, **{field: -1}))
    assert e.value.problems == {"adoption": Problem.NEGATIVE_AMOUNT}
    assert compacts.get_compact(db, c.id).state is CompactState.DRAFT


# -- the list ------------------------------------------------------------------------------
def test_list_compacts_states(db):
    draft = compacts.create_from_template(db, "停车秩序").id
    adopted = adopted_compact(db)
    revising = compacts.create_from_template(db, "噪音与装修").id
    compacts.adopt(db, revising, 1, replace(ADOPTION, adopted_on=date(2026, 9, 1)))
    compacts.start_revision(db, revising)
    rows = {r.id: r for r in compacts.list_compacts(db)}
    assert rows.keys() == {draft, adopted, revising}
    assert (rows[draft].state, rows[draft].version, rows[draft].adopted_on) == (
        CompactState.DRAFT,
        1,
        None,
    )
    assert rows[draft].articles == 6
    assert (rows[adopted].state, rows[adopted].adopted_on) == (
        CompactState.ADOPTED,
        ADOPTION.adopted_on,
    )
    assert rows[adopted].articles == 7
    assert rows[revising].state is CompactState.REVISING
    assert (rows[revising].version, rows[revising].adopted_on) == (1, date(2026, 9, 1))
    assert compacts.count_compacts(db) == 3


def test_trash(db):
    keep = compacts.create_from_template(db, "停车秩序").id
    gone = adopted_compact(db)
    assert compacts.delete_compacts(db, [gone]) == 1
    assert [r.id for r in compacts.list_compacts(db)] == [keep]
    assert [r.id for r in compacts.list_compacts(db, deleted=True)] == [gone]
    assert compacts.count_compacts(db) == 1
    for call in (
        lambda: compacts.get_compact(db, gone),
        lambda: compacts.start_revision(db, gone),
        lambda: compacts.adopt(db, gone, 1, ADOPTION),
    ):
        with pytest.raises(NotFoundError):
            call()
    assert restore_records(db, RecordKind.COMPACT, [gone]) == 1
    restored = compacts.get_compact(db, gone)
    assert restored.state is CompactState.ADOPTED and restored.current.adoption == ADOPTION
    compacts.delete_compacts(db, [gone])
    assert purge_records(db, RecordKind.COMPACT, [gone]) == 1
    assert compacts.list_compacts(db, deleted=True) == []
    assert stored_rows(db, gone) == []  # the versions go with it


# -- households for the signing sheet ------------------------------------------------------
def test_households_by_building_unit_room(db, roster):
    b2 = roster.buildings["2栋"]
    # Same household twice (two people), a room without digits, a person without room.
    add_person(db, "李伟妻", address=Address(building_id=b2, unit="1", room="1203"))
    add_person(db, "王五", address=Address(building_id=b2, unit="1", room="301"))
    add_person(db, "无房号", address=Address(building_id=b2, unit="1", room=""))
    b3 = save_building(db, Building(name="3栋", unit_count=2)).id
    add_person(db, "赵六", address=Address(building_id=b3, unit="10", room="101"))
    add_person(db, "钱七", address=Address(building_id=b3, unit="2", room="101"))
    assert compacts.households(db) == [
        ("1栋", "1", "101"),
        ("1栋", "1", "1203"),
        ("1栋", "2", "502"),
        ("2栋", "1", "301"),
        ("2栋", "1", "1203"),
        ("2栋", "2", "801"),
        ("3栋", "2", "101"),
        ("3栋", "10", "101"),
        ("10栋", "1", "302"),
        ("10栋", "2", "1503"),
    ]
