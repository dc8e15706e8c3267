"""Talented residents: discovery, cultivation, and the four rights — derived from finalized
meetings and from projects (idempotently), or recorded by hand."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from desktop.domain.dates import local_to_utc
from desktop.domain.errors import Problem, ValidationError
from desktop.domain.meetings import Attendance, Meeting, Participant, ParticipantRole
from desktop.domain.projects import Party, PartyRole, Project
from desktop.domain.roster import TalentRight
from desktop.domain.talents import Cultivation, CultivationKind, RightSource, RightUse
from desktop.services import meetings, projects, talents
from desktop.services.people import delete_people
from desktop.store.database import Database
from tests.services.conftest import Roster
from tests.services.migrated import copy_of


@pytest.fixture
def db(workdir: Path, empty_database: Path) -> Iterator[Database]:
    database = copy_of(empty_database, workdir / uuid4().hex)
    yield database
    database.close()


def meeting(
    db: Database, roster: Roster, *, final: bool = True, attendance: Attendance = Attendance.PRESENT
) -> int:
    # 07:30 in Shanghai is the previous day in UTC: the use is dated as the secretary sees it.
    assert local_to_utc(datetime(2026, 10, 8, 7, 30)).date() == date(2026, 10, 7)
    saved = meetings.save_meeting(
        db,
        Meeting(
            "关于加装电梯的协商议事会",
            starts_at=datetime(2026, 10, 8, 7, 30),
            participants=[
                Participant(
                    ParticipantRole.TALENT,
                    "王䶮",
                    person_id=roster.people["王䶮"],
                    attendance=attendance,
                ),
                Participant(
                    ParticipantRole.RESIDENT_REPRESENTATIVE,
                    "𠮷祥",
                    person_id=roster.people["𠮷祥"],
                    attendance=Attendance.PRESENT,
                ),
                Participant(
                    ParticipantRole.TALENT,
                    "张伟",
                    person_id=roster.people["张伟"],
                    attendance=Attendance.PRESENT,
                ),  # not a talented resident
            ],
        ),
    )
    assert saved.id is not None
    if final:
        meetings.finalize_meeting(db, saved.id)
    return saved.id


def uses(db: Database, person_id: int) -> list[tuple[TalentRight, date, RightSource, int | None]]:
    return sorted(
        (
            (u.right, u.used_on, u.source, u.source_id)
            for u in talents.list_right_uses(db, person_id)
        ),
        key=str,
    )


def test_talents_listed_with_discovery_and_counts(db: Database, roster: Roster) -> None:
    wang = roster.people["王䶮"]
    talents.set_discovered(db, wang, date(2026, 2, 1))
    talents.save_cultivation(
        db, Cultivation(wang, date(2026, 3, 1), CultivationKind.TRAINING, "议事规则培训 <b>&")
    )
    talents.save_cultivation(
        db, Cultivation(wang, date(2026, 5, 1), CultivationKind.ROLE, "担任议事会召集人")
    )
    evaluated = RightUse(
        wang,
        TalentRight.EVALUATION,
        date(2026, 6, 30),
        RightSource.EVALUATION,
        note="参与物业季度评价",
    )
    talents.save_right_use(db, evaluated)
    rows = {r.name: r for r in talents.list_talents(db)}
    assert set(rows) == {"王䶮", "𠮷祥"}
    assert rows["王䶮"].discovered_on == date(2026, 2, 1) and rows["王䶮"].building == "2栋"
    assert rows["王䶮"].cultivations == 2
    assert rows["王䶮"].uses == {TalentRight.EVALUATION: 1}
    assert (rows["𠮷祥"].discovered_on, rows["𠮷祥"].cultivations, rows["𠮷祥"].uses) == (
        None,
        0,
        {},
    )
    assert [c.description for c in talents.list_cultivation(db, wang)] == [
        "担任议事会召集人",
        "议事规则培训 <b>&",
    ]
    delete_people(db, [wang])
    assert [r.name for r in talents.list_talents(db)] == ["𠮷祥"]


def test_meetings_give_deliberation_once(db: Database, roster: Roster) -> None:
    final = meeting(db, roster)
    meeting(db, roster, final=False)  # a draft counts for nothing yet
    meeting(db, roster, attendance=Attendance.EXCUSED)  # nor does staying away
    assert talents.refresh_right_uses(db) == 1
    assert talents.refresh_right_uses(db) == 0  # idempotent
    assert uses(db, roster.people["王䶮"]) == [
        (TalentRight.DELIBERATION, date(2026, 10, 8), RightSource.MEETING, final)
    ]
    assert uses(db, roster.people["张伟"]) == []  # listed as talent, but not one
    assert uses(db, roster.people["𠮷祥"]) == []  # a talent, but as a resident representative
    note = talents.list_right_uses(db, roster.people["王䶮"])[0].note
    assert note == "关于加装电梯的协商议事会"
    meetings.delete_meetings(db, [final])
    assert talents.refresh_right_uses(db) == 1  # the meeting went to the trash: so did the use
    assert uses(db, roster.people["王䶮"]) == []


def test_projects_give_suggestion_and_supervision(db: Database, roster: Roster) -> None:
    wang, ji = roster.people["王䶮"], roster.people["𠮷祥"]
    saved = projects.save_project(
        db,
        Project(
            "楼道微改造",
            registered_on=date(2026, 4, 1),
            start_on=date(2026, 5, 10),
            parties=[
                Party(PartyRole.INITIATOR, "王䶮", person_id=wang),
                Party(PartyRole.ORGANIZER, "𠮷祥", person_id=ji),
                Party(PartyRole.IMPLEMENTER, "𠮷祥", person_id=ji),
            ],
        ),
    )
    assert talents.refresh_right_uses(db) == 2
    assert uses(db, wang) == [
        (TalentRight.SUGGESTION, date(2026, 4, 1), RightSource.PROJECT, saved.id)
    ]
    # Organizer and implementer of one project: one supervision, not two.
    assert uses(db, ji) == [
        (TalentRight.SUPERVISION, date(2026, 5, 10), RightSource.PROJECT, saved.id)
    ]
    saved.start_on = date(2026, 6, 1)
    projects.save_project(db, saved)
    assert talents.refresh_right_uses(db) == 1
    assert uses(db, ji)[0][1] == date(2026, 6, 1)
    assert talents.refresh_right_uses(db) == 0


def test_refresh_leaves_hand_records_alone(db: Database, roster: Roster) -> None:
    wang = roster.people["王䶮"]
    manual = talents.save_right_use(
        db, RightUse(wang, TalentRight.SUPERVISION, date(2026, 7, 1), note="监督垃圾分类督导")
    )
    assert talents.refresh_right_uses(db) == 0
    assert [u.id for u in talents.list_right_uses(db, wang)] == [manual.id]
    assert talents.delete_right_use(db, manual.id or 0)
    assert talents.list_right_uses(db, wang) == []


def test_derived_uses_cannot_be_typed_or_deleted_by_hand(db: Database, roster: Roster) -> None:
    wang = roster.people["王䶮"]
    with pytest.raises(ValidationError) as err:
        talents.save_right_use(
            db, RightUse(wang, TalentRight.DELIBERATION, source=RightSource.MEETING, note="x")
        )
    assert err.value.problems == {"source": Problem.REQUIRED}
    with pytest.raises(ValidationError):
        talents.save_right_use(db, RightUse(wang, TalentRight.DELIBERATION, note=" "))
    meeting(db, roster)
    talents.refresh_right_uses(db)
    derived = talents.list_right_uses(db, wang)[0]
    assert not talents.delete_right_use(db, derived.id or 0)


def test_cultivation_needs_a_description(db: Database, roster: Roster) -> None:
    with pytest.raises(ValidationError) as err:
        talents.save_cultivation(db, Cultivation(roster.people["王䶮"], description="  "))
    assert err.value.problems == {"description": Problem.REQUIRED}
    saved = talents.save_cultivation(db, Cultivation(roster.people["王䶮"], description="培训"))
    assert talents.delete_cultivation(db, saved.id or 0)
    assert talents.list_cultivation(db, roster.people["王䶮"]) == []


def test_a_project_not_started_yet_is_no_supervision_yet(db: Database, roster: Roster) -> None:
    ji = roster.people["𠮷祥"]
    projects.save_project(
        db,
        Project(
            "加装电梯",
            registered_on=date(2026, 11, 1),
            start_on=date(2027, 1, 19),
            parties=[Party(PartyRole.ORGANIZER, "𠮷祥", person_id=ji)],
        ),
    )
    assert talents.refresh_right_uses(db, today=date(2026, 11, 25)) == 0
    assert uses(db, ji) == []
    assert talents.refresh_right_uses(db, today=date(2027, 1, 19)) == 1
    assert [use[:2] for use in uses(db, ji)] == [(TalentRight.SUPERVISION, date(2027, 1, 19))]
