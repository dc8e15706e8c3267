"""Demo compacts: one adopted compact with two versions, each adopted at a deliberation
meeting, and one draft."""

from dataclasses import asdict
from datetime import date

import pytest

from desktop.domain.compacts import ChangeKind, CompactState, compare
from desktop.domain.meetings import MeetingKind, MeetingQuery
from desktop.services import compacts, meetings
from desktop.services.demo import DemoExistsError, make_demo
from desktop.services.demo.compacts import make_demo_compacts
from desktop.store.database import open_database

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    db = open_database(folder)
    make_demo(db, scale=10, seed=3, today=TODAY)
    yield db
    db.close()


def by_title(db) -> dict:
    return {r.title: compacts.get_compact(db, r.id) for r in compacts.list_compacts(db)}


def test_one_adopted_compact_with_two_versions_and_one_draft(demo):
    found = by_title(demo)
    assert found.keys() == {"文明养犬公约", "停车秩序公约"}
    dogs, parking = found["文明养犬公约"], found["停车秩序公约"]
    assert dogs.state is CompactState.ADOPTED
    assert [v.number for v in dogs.versions] == [1, 2]
    assert all(not v.is_draft for v in dogs.versions)
    assert parking.state is CompactState.DRAFT and len(parking.versions) == 1


def test_adopted_at_final_deliberation_meetings_oldest_first(demo):
    held = meetings.list_meetings(
        demo, MeetingQuery(kind=MeetingKind.DELIBERATION, final=True, descending=False)
    )
    assert len(held) >= 2
    v1, v2 = by_title(demo)["文明养犬公约"].versions
    assert v1.adoption.meeting_id == held[0].id
    assert v1.adoption.adopted_on == held[0].starts_at.date()
    assert v2.adoption.meeting_id == held[1].id
    assert v1.adoption.adopted_on < v2.adoption.adopted_on < TODAY
    for v in (v1, v2):
        a = v.adoption
        assert a.votes_for > a.votes_against and a.households >= a.votes_for


def test_the_revision_rewords_one_article_and_adds_one(demo):
    v1, v2 = by_title(demo)["文明养犬公约"].versions
    kinds = [c.kind for c in compare(v1, v2)]
    assert kinds.count(ChangeKind.CHANGED) == 1
    assert kinds.count(ChangeKind.ADDED) == 1
    assert kinds.count(ChangeKind.REMOVED) == 0
    assert kinds.count(ChangeKind.SAME) == len(v1.articles()) - 1
    assert len(v2.articles()) == len(v1.articles()) + 1


def test_a_demo_with_compacts_refuses_a_second_demo(demo):
    with pytest.raises(DemoExistsError):
        make_demo(demo, scale=5, seed=3, today=TODAY)


def test_compacts_alone_refuse_a_demo(db):
    compacts.create_from_template(db, "垃圾分类")
    with pytest.raises(DemoExistsError):
        make_demo(db, scale=5, seed=3, today=TODAY)


def test_without_meetings_the_adoptions_stand_on_their_own_dates(db):
    make_demo_compacts(db, TODAY)
    v1, v2 = by_title(db)["文明养犬公约"].versions
    assert (v1.adoption.meeting_id, v2.adoption.meeting_id) == (None, None)
    assert v1.adoption.adopted_on < v2.adoption.adopted_on < TODAY


def test_same_today_same_compacts(tmp_path):
    """No dice: the same meetings and ``today`` give the same compacts (the demo's meetings
    are themselves the same for a seed, tests/services/test_demo_meetings.py)."""

    def content(database):
        out = []
        for c in by_title(database).values():
            data = asdict(c)
            data.pop("id"), data.pop("uuid")
            for v in data["versions"]:
                v.pop("id")
            out.append(data)
        return out

    made = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        db = open_database(tmp_path / name)
        try:
            make_demo_compacts(db, TODAY)
            made.append(content(db))
        finally:
            db.close()
    assert made[0] == made[1] and len(made[0]) == 2
