"""Two copies of one data folder, edited apart, compared and merged record by record."""

import json
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.copies import Side
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Topic
from desktop.domain.needs import Need, NeedStatus
from desktop.services import meetings, needs
from desktop.services.demo import make_demo
from desktop.store.database import Database, open_database
from desktop.store.merge import compare_copies, merge_copies
from desktop.sync.protocol import integrity_problem
from desktop.sync.snapshot import take_snapshot
from tests.trash_items import purge_records

DAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo neighborhood: the copy both PCs start from."""
    folder = tmp_path_factory.mktemp("merge-demo")
    db = open_database(folder)
    make_demo(db, scale=30, seed=11)
    db.close()
    return folder


class Pc:
    """One PC's copy of the data folder."""

    def __init__(self, folder: Path, template: Path) -> None:
        shutil.copytree(template, folder)
        self.folder = folder
        self.db: Database = open_database(folder)

    def snapshot(self, name: str) -> Path:
        return take_snapshot(self.folder / "shuren.sqlite3", self.folder.parent / f"{name}.sqlite3")

    def close(self) -> None:
        self.db.close()

    def new_need(self, title: str) -> Need:
        category = needs.list_categories(self.db)[0].id
        return needs.save_need(
            self.db, Need(title=title, category_id=category, raised_by="住户", registered_on=DAY)
        )

    def retitle(self, index: int, title: str) -> Need:
        need = sorted(needs.list_needs(self.db, needs.NeedQuery(), limit=100), key=lambda n: n.id)[
            index
        ]
        full = needs.get_need(self.db, need.id)
        full.title = title
        return needs.save_need(self.db, full)

    def titles(self) -> set[str]:
        return {n.title for n in needs.list_needs(self.db, needs.NeedQuery(), limit=10_000)}


@pytest.fixture
def pcs(tmp_path: Path, template: Path):
    a = Pc(tmp_path / "a", template)
    b = Pc(tmp_path / "b", template)
    base = a.snapshot("base")  # the version both acknowledged before they parted
    yield a, b, base
    a.close()
    b.close()


def merged_titles(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT title FROM need WHERE deleted_at IS NULL").fetchall()
    return {r[0] for r in rows}


def test_records_added_on_each_pc_are_joined(pcs) -> None:
    a, b, base = pcs
    a.new_need("甲电脑登记：3栋电梯异响")
    b.new_need("乙电脑登记：5栋楼道灯不亮")
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")

    diff = compare_copies(ours, theirs, base)
    (need_diff,) = [d for d in diff.lists if d.table == "need"]
    assert need_diff.only_here == ["甲电脑登记：3栋电梯异响"]
    assert need_diff.only_there == ["乙电脑登记：5栋楼道灯不亮"]
    assert not need_diff.edited_both

    report = merge_copies(ours, theirs, base)
    assert report.added == {"need": 1}
    assert not report.conflicts
    titles = merged_titles(ours)
    assert {"甲电脑登记：3栋电梯异响", "乙电脑登记：5栋楼道灯不亮"} <= titles
    assert titles == a.titles() | b.titles()
    assert integrity_problem(ours) is None


def test_a_record_edited_on_one_pc_takes_that_edit(pcs) -> None:
    a, b, base = pcs
    b.retitle(0, "乙电脑改过的标题")
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    diff = compare_copies(ours, theirs, base)
    (need_diff,) = [d for d in diff.lists if d.table == "need"]
    (edited,) = need_diff.edited_there
    assert edited.endswith(" → 乙电脑改过的标题")
    report = merge_copies(ours, theirs, base)
    assert report.updated == {"need": 1} and not report.conflicts
    assert "乙电脑改过的标题" in merged_titles(ours)


def test_a_record_edited_on_both_keeps_the_later_and_sets_the_other_aside(pcs) -> None:
    a, b, base = pcs
    a.retitle(1, "甲电脑的修改")
    time.sleep(0.01)
    later = b.retitle(1, "乙电脑较晚的修改")
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    diff = compare_copies(ours, theirs, base)
    (need_diff,) = [d for d in diff.lists if d.table == "need"]
    assert need_diff.edited_both == ["甲电脑的修改 → 乙电脑较晚的修改"]

    report = merge_copies(ours, theirs, base)
    (conflict,) = report.conflicts
    assert (conflict.table, conflict.uuid, conflict.kept) == ("need", later.uuid, Side.THERE)
    titles = merged_titles(ours)
    assert "乙电脑较晚的修改" in titles and "甲电脑的修改" not in titles
    with closing(sqlite3.connect(ours)) as conn:
        kept, other = conn.execute(
            "SELECT kept_values, other_values FROM merge_conflict WHERE record_uuid = ?",
            (later.uuid,),
        ).fetchone()
    assert json.loads(kept)["title"] == "乙电脑较晚的修改"
    assert json.loads(other)["title"] == "甲电脑的修改"  # the record's history keeps both


def test_children_and_links_follow_their_record(pcs) -> None:
    """A topic added to a meeting on the other PC arrives under the same meeting, and a status
    change there arrives in the need's history; integer ids differ between the copies."""
    a, b, base = pcs
    a.new_need("甲先占用一个编号")  # so the two copies' next ids differ
    with b.db.session() as s:
        (draft_id,) = (
            s.connection()
            .exec_driver_sql(
                "SELECT id FROM meeting WHERE finalized_at IS NULL AND deleted_at IS NULL LIMIT 1"
            )
            .one()
        )
    full = meetings.get_meeting(b.db, draft_id)
    full.topics.append(Topic("乙电脑加的议题", "讨论内容", None, None, None, "达成共识"))
    meetings.save_meeting(b.db, full)
    need = b.new_need("乙电脑的需求")
    needs.change_status(b.db, need.id, NeedStatus.IN_PROGRESS, "已派单")
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")

    merge_copies(ours, theirs, base)
    with closing(sqlite3.connect(ours)) as conn:
        topic = conn.execute(
            "SELECT m.uuid FROM meeting_topic t JOIN meeting m ON m.id = t.meeting_id"
            " WHERE t.title = '乙电脑加的议题'"
        ).fetchone()
        history = conn.execute(
            "SELECT c.to_status FROM need_status_change c JOIN need n ON n.id = c.need_id"
            " WHERE n.title = '乙电脑的需求' ORDER BY c.id"
        ).fetchall()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert topic == (full.uuid,)
    assert [h[0] for h in history][-1] == NeedStatus.IN_PROGRESS.value


def test_without_the_base_a_record_only_there_is_added_and_none_is_deleted(pcs) -> None:
    a, b, _base = pcs
    gone = a.retitle(2, "甲将删除的需求")
    needs.delete_needs(a.db, [gone.id])
    b.new_need("乙电脑的新需求")
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    report = merge_copies(ours, theirs)
    assert report.added == {"need": 1}
    assert "乙电脑的新需求" in merged_titles(ours)


def test_a_deletion_on_the_other_pc_is_merged_with_the_base(pcs) -> None:
    a, b, base = pcs
    row = sorted(needs.list_needs(b.db, needs.NeedQuery(), limit=100), key=lambda n: n.id)[3]
    victim = needs.get_need(b.db, row.id)
    needs.delete_needs(b.db, [victim.id])
    purge_records(b.db, RecordKind.NEED, [victim.id])
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    report = merge_copies(ours, theirs, base)
    assert report.removed == {"need": 1}
    with closing(sqlite3.connect(ours)) as conn:
        assert conn.execute("SELECT 1 FROM need WHERE uuid = ?", (victim.uuid,)).fetchone() is None


def test_the_same_building_added_on_both_pcs_stays_one(pcs) -> None:
    a, b, base = pcs
    for pc in (a, b):
        with pc.db.session() as s:
            s.connection().exec_driver_sql(
                "INSERT INTO building (uuid, name, unit_count) VALUES (lower(hex(randomblob(16))),"
                " '新建的9栋', 2)"
            )
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    merge_copies(ours, theirs, base)
    with closing(sqlite3.connect(ours)) as conn:
        assert conn.execute(
            "SELECT count(*) FROM building WHERE name = '新建的9栋'"
        ).fetchone() == (1,)


def test_the_merge_is_all_or_nothing(pcs, monkeypatch) -> None:
    a, b, base = pcs
    b.new_need("乙电脑的需求")
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    before = ours.read_bytes()
    from desktop.store import merge

    def broken(self, table):
        raise RuntimeError("boom")

    monkeypatch.setattr(merge._Writer, "delete", broken)
    with pytest.raises(RuntimeError):
        merge_copies(ours, theirs, base)
    assert ours.read_bytes() == before


def test_identical_copies_have_no_difference(pcs) -> None:
    a, b, base = pcs
    ours, theirs = a.snapshot("ours"), b.snapshot("theirs")
    diff = compare_copies(ours, theirs, base)
    assert diff.empty
    assert diff.lines() == ["两份数据的记录内容相同。"]
    assert merge_copies(ours, theirs, base).lines() == ["两份数据的记录内容相同，没有需要合并的。"]


def test_lines_name_the_records(pcs) -> None:
    a, b, base = pcs
    a.new_need("甲<b>&䶮")
    b.new_need("乙𠮷")
    diff = compare_copies(a.snapshot("ours"), b.snapshot("theirs"), base)
    text = "\n".join(diff.lines())
    assert "【需求】" in text and "“甲<b>&䶮”" in text and "“乙𠮷”" in text
