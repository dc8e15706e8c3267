"""`shuren list compacts --json`: every live compact with all its versions, whole."""

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from desktop.domain.compacts import Adoption, Chapter, CompactVersion
from desktop.services import compacts
from desktop.store.database import open_database

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_list_compacts_as_json(data_dir):
    db = open_database(data_dir)
    dogs = compacts.create_compact(
        db,
        CompactVersion(
            1,
            "文明养犬公约",
            preamble="为了邻里和睦。",
            chapters=[Chapter("总则", ["养犬应当登记。"]), Chapter("附则", ["A&B <b>"])],
            closing="自通过之日起施行。",
        ),
    )
    compacts.adopt(db, dogs.id, 1, Adoption(None, date(2026, 9, 30), 30, 2, 1, 33))
    draft = copy.deepcopy(compacts.start_revision(db, dogs.id).draft)
    draft.chapters[1].articles.append("欧阳䶮负责解释。")
    compacts.save_draft(db, dogs.id, draft)
    compacts.create_from_template(db, "停车秩序")
    gone = compacts.create_from_template(db, "垃圾分类")
    compacts.delete_compacts(db, [gone.id])
    db.close()

    out = run("list", "compacts", "--data-dir", str(data_dir), "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["kind"] == "compacts" and doc["count"] == 2 == len(doc["items"])
    items = {item["title"]: item for item in doc["items"]}
    assert items.keys() == {"文明养犬公约", "停车秩序公约"}  # not the one in the trash

    revising = items["文明养犬公约"]
    assert revising["state"] == "revising"
    v1, v2 = revising["versions"]
    assert v1 == {
        "number": 1,
        "title": "文明养犬公约",
        "preamble": "为了邻里和睦。",
        "chapters": [
            {"title": "总则", "articles": ["养犬应当登记。"]},
            {"title": "附则", "articles": ["A&B <b>"]},
        ],
        "closing": "自通过之日起施行。",
        "adoption": {
            "meeting_id": None,
            "adopted_on": "2026-09-30",
            "votes": {"for": 30, "against": 2, "abstain": 1},
            "households": 33,
        },
        "state": "adopted",
    }
    assert v2["number"] == 2 and v2["adoption"] is None and v2["state"] == "draft"
    assert v2["chapters"][1]["articles"] == ["A&B <b>", "欧阳䶮负责解释。"]

    parking = items["停车秩序公约"]
    assert parking["state"] == "draft"
    (only,) = parking["versions"]
    assert only["adoption"] is None and len(only["chapters"][0]["articles"]) == 6

    out = run("list", "compacts", "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    assert "文明养犬公约\t修订中" in out.stdout and out.stdout.strip().endswith("共 2 项")
