"""`shuren list visits|meetings --json`: one JSON document with every live record, whole."""

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from desktop.domain.meetings import Attendance, Meeting, Participant, ParticipantRole, Topic
from desktop.domain.visits import Visit, VisitKind
from desktop.services import meetings, visits
from desktop.store.database import open_database

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_list_visits_and_meetings_as_json(data_dir):
    db = open_database(data_dir)
    visits.save_visit(
        db,
        Visit(
            kind=VisitKind.DOOR_KNOCKING,
            resident="欧阳䶮",
            issue="A&B <b>",
            visited_on=date(2026, 11, 2),
        ),
    )
    m = meetings.save_meeting(
        db,
        Meeting(
            title="议事会",
            starts_at=datetime(2026, 11, 20, 14, 30),
            participants=[
                Participant(ParticipantRole.BRANCH, "李书记", attendance=Attendance.PRESENT)
            ],
            topics=[Topic("电梯", votes_for=9, votes_against=1, votes_abstain=0, consensus="同意")],
        ),
    )
    meetings.finalize_meeting(db, m.id)
    db.close()

    out = run("list", "visits", "--data-dir", str(data_dir), "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["kind"] == "visits" and doc["count"] == 1
    assert doc["items"][0]["resident"] == "欧阳䶮" and doc["items"][0]["issue"] == "A&B <b>"
    assert doc["items"][0]["kind"] == "door_knocking"

    out = run("list", "meetings", "--data-dir", str(data_dir), "--json")
    assert out.returncode == 0, out.stderr
    (item,) = json.loads(out.stdout)["items"]
    assert item["starts_at"] == "2026-11-20T14:30"  # the local time, as typed
    assert item["topics"][0]["votes_for"] == 9 and item["topics"][0]["consensus"] == "同意"
    assert item["participants"][0]["attendance"] == "present"
    assert item["finalized_at"] is not None
