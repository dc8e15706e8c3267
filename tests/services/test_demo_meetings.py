"""Demo visits and meetings: every state, with votes, consensus and action items."""

import re
from dataclasses import asdict
from datetime import date

import pytest

from desktop.domain.dates import utc_to_local
from desktop.domain.meetings import ActionStatus, Attendance, MeetingQuery, contradictions
from desktop.domain.numerals import chinese_number
from desktop.domain.visits import VisitQuery
from desktop.services import meetings, visits
from desktop.services.demo import make_demo
from desktop.store.database import open_database

TODAY = date(2026, 11, 25)


def meetings_of(db):
    rows = meetings.list_meetings(db, MeetingQuery(descending=False), limit=100)
    return [meetings.get_meeting(db, r.id) for r in rows]


def test_meetings_in_every_state(db):
    make_demo(db, scale=60, seed=3, today=TODAY)
    all_meetings = meetings_of(db)
    assert any(m.is_final and m.amendments for m in all_meetings)
    assert any(m.is_final and not m.amendments for m in all_meetings)
    assert any(not m.is_final and m.starts_at.date() < TODAY for m in all_meetings)
    assert any(m.starts_at.date() > TODAY for m in all_meetings)
    topics = [t for m in all_meetings for t in m.topics]
    assert any(t.votes_for is not None for t in topics)
    assert any(t.consensus for t in topics)
    assert any(t.need_ids for t in topics)
    statuses = {a.status for m in all_meetings for a in m.actions}
    assert statuses == set(ActionStatus)
    assert any(a.project_id for m in all_meetings for a in m.actions)


def test_visits_of_both_kinds_some_linked_to_needs(db):
    make_demo(db, scale=60, seed=3, today=TODAY)
    rows = visits.list_visits(db, VisitQuery(), limit=1000)
    assert len(rows) >= 40
    assert {r.kind for r in rows} == set(visits.VisitKind)
    assert any(r.need_id for r in rows)
    assert any(r.follow_up_on and r.follow_up_on >= TODAY for r in rows)


def test_same_seed_same_meetings(tmp_path):
    def content(folder):
        folder.mkdir()
        db = open_database(folder)
        make_demo(db, scale=30, seed=9, today=TODAY)
        result = []
        for m in meetings_of(db):
            data = asdict(m)
            for key in ("id", "uuid", "finalized_at"):
                data.pop(key)
            for a in data["amendments"]:
                a.pop("made_at")
            for a in data["actions"]:
                a.pop("id")
            result.append(data)
        db.close()
        return result

    assert content(tmp_path / "a") == content(tmp_path / "b")


@pytest.mark.parametrize(("scale", "seed"), [(600, 1), (60, 3), (30, 9)])
def test_demo_minutes_do_not_contradict_themselves(db, scale, seed):
    """One row per person (the sign-in sheet asks each to sign once and 应到 counts each
    once), the host and the recorder at meetings that were held, and a correction dated after
    the minutes were finalized that names a topic they have."""
    make_demo(db, scale=scale, seed=seed, today=TODAY)
    all_meetings = meetings_of(db)
    assert any(len(p.roles) > 1 for m in all_meetings for p in m.participants)
    for m in all_meetings:
        assert contradictions(m) == [], m.title
        people = [p.person_id or p.name for p in m.participants]
        assert len(people) == len(set(people)), m.title
        if m.starts_at.date() < TODAY:  # held: the host chaired and the recorder wrote
            chair = [p for p in m.participants if p.name in (m.host, m.recorder)]
            assert {p.name for p in chair} == {m.host, m.recorder}, m.title
            assert all(p.attendance is Attendance.PRESENT for p in chair), m.title
        for amendment in m.amendments:
            assert m.finalized_at is not None
            assert amendment.made_on >= utc_to_local(m.finalized_at).date(), m.title
            for numeral in re.findall(r"议题([一二三四五六七八九十]+)", amendment.text):
                assert numeral in [chinese_number(n) for n in range(1, len(m.topics) + 1)]
