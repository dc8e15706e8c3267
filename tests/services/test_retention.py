"""保存期限: the phone and room of needs and visits closed more than N years ago are cleared —
previewed first, then in one transaction — and the old values leave the data file."""

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, text, update

from desktop.domain.needs import Need, NeedStatus
from desktop.domain.visits import Visit, VisitKind
from desktop.services import retention
from desktop.services.needs import change_status, get_need, list_categories, save_need
from desktop.services.visits import get_visit, save_visit
from desktop.store.database import Database
from desktop.store.datadir import db_path
from desktop.store.models import NeedRecord, NeedStatusChangeRecord
from tests.services.migrated import copy_of_migrated

TODAY = date(2030, 6, 1)  # three years back: 2027-06-01
PHONE = "13987654321"
ROOM = "R7731"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = copy_of_migrated(data_dir)
    yield database
    database.close()


def need(db: Database, title: str, status: NeedStatus, closed: date | None, **fields) -> int:
    """A need with a phone and room, moved to ``status`` on the day ``closed``."""
    category = list_categories(db)[0].id
    fields = {"phone": PHONE, "room": ROOM, "registered_on": date(2020, 1, 1), **fields}
    saved = save_need(db, Need(title=title, category_id=category, **fields))
    assert saved.id is not None
    if status is not NeedStatus.PENDING:
        change_status(db, saved.id, status, reason="转办街道" if status.value != "resolved" else "")
    if closed is not None:
        with db.session() as s:
            s.execute(
                update(NeedStatusChangeRecord)
                .where(NeedStatusChangeRecord.need_id == saved.id)
                .values(changed_at=datetime(closed.year, closed.month, closed.day, 9))
            )
    return saved.id


def visit(
    db: Database,
    issue: str,
    on: date,
    follow_up_on: date | None = None,
    phone: str = PHONE,
    room: str = ROOM,
) -> int:
    saved = save_visit(
        db,
        Visit(
            kind=VisitKind.RECEPTION_DAY,
            visited_on=on,
            resident="陈静",
            issue=issue,
            phone=phone,
            room=room,
            follow_up_on=follow_up_on,
        ),
    )
    assert saved.id is not None
    return saved.id


@pytest.fixture
def records(db: Database) -> dict[str, int]:
    return {
        "old resolved": need(db, "楼道灯坏了", NeedStatus.RESOLVED, date(2026, 3, 1)),
        "old referred": need(db, "违章搭建", NeedStatus.REFERRED, date(2027, 5, 31)),
        "closed on the cutoff": need(db, "井盖松动", NeedStatus.RESOLVED, date(2027, 6, 1)),
        "recent resolved": need(db, "电梯停运", NeedStatus.RESOLVED, date(2029, 1, 1)),
        "old but open": need(db, "停车难", NeedStatus.IN_PROGRESS, date(2021, 1, 1)),
        "old, nothing to clear": need(
            db, "绿化", NeedStatus.RESOLVED, date(2021, 1, 1), phone="", room=""
        ),
        "old visit": visit(db, "邻居装修噪音", date(2026, 2, 1)),
        "old visit, late follow-up": visit(db, "漏水", date(2026, 2, 1), date(2028, 1, 1)),
        "recent visit": visit(db, "快递柜", date(2029, 5, 1)),
    }


def test_preview_lists_what_would_be_cleared_and_changes_nothing(db, records) -> None:
    shown = retention.preview(db, 3, TODAY)
    assert shown.cutoff == date(2027, 6, 1)
    assert [(r.title, r.closed_on) for r in shown.needs] == [
        ("楼道灯坏了", date(2026, 3, 1)),
        ("违章搭建", date(2027, 5, 31)),
    ]
    assert [(r.title, r.closed_on) for r in shown.visits] == [("邻居装修噪音", date(2026, 2, 1))]
    assert shown.total == 3
    assert get_need(db, records["old resolved"]).phone == PHONE  # only looked at


def test_apply_clears_phone_and_room_of_exactly_those(db, records) -> None:
    result = retention.apply(db, 3, TODAY)
    assert (result.needs, result.visits, result.total) == (2, 1, 3)
    cleared = {"old resolved", "old referred", "old visit"}
    for name, record_id in records.items():
        if name == "old, nothing to clear":
            continue
        record = (get_visit if "visit" in name else get_need)(db, record_id)
        kept = (record.phone, record.room) == (PHONE, ROOM)
        assert kept is (name not in cleared), name
    old = get_need(db, records["old resolved"])
    assert (old.title, old.status) == ("楼道灯坏了", NeedStatus.RESOLVED)  # the rest stays
    assert retention.preview(db, 3, TODAY).total == 0  # nothing left to clear


def test_more_years_clear_less(db, records) -> None:
    assert retention.preview(db, 4, TODAY).total == 2  # 2026-03-01 and the visit of 2026-02
    shown = retention.preview(db, 1, TODAY)  # before 2029-06-01
    assert len(shown.needs) == 4
    # A visit closes at its follow-up, when it has one.
    assert [(r.title, r.closed_on) for r in shown.visits] == [
        ("邻居装修噪音", date(2026, 2, 1)),
        ("漏水", date(2028, 1, 1)),
        ("快递柜", date(2029, 5, 1)),
    ]


def test_a_need_without_history_counts_from_its_last_change(db) -> None:
    """An imported need with no status history: closed when it was last changed."""
    kept = need(db, "旧台账", NeedStatus.RESOLVED, None)
    with db.session() as s:
        s.execute(delete(NeedStatusChangeRecord).where(NeedStatusChangeRecord.need_id == kept))
    assert retention.preview(db, 3, date.today()).total == 0  # changed today
    with db.session() as s:
        s.execute(
            update(NeedRecord).where(NeedRecord.id == kept).values(updated_at=datetime(2020, 1, 1))
        )
    assert [r.title for r in retention.preview(db, 3, date.today()).needs] == ["旧台账"]


def test_years_out_of_range_are_refused(db) -> None:
    with pytest.raises(ValueError):
        retention.preview(db, 0, TODAY)
    with pytest.raises(ValueError):
        retention.apply(db, 11, TODAY)


def test_the_old_values_leave_the_data_file(db, records, data_dir) -> None:
    """secure_delete: the cleared numbers are not left in free space of the file or its WAL."""

    def checkpoint() -> None:
        with db.session() as s:
            s.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    def on_disk() -> bytes:
        path = db_path(data_dir)
        wal = path.with_name(path.name + "-wal")
        return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    for number in range(40):  # neighbours on the same pages, as in a real list
        need(db, f"其他需求{number}", NeedStatus.PENDING, None, phone="13600000000", room="202")
        visit(db, f"其他走访{number}", date(2029, 5, 1), phone="13600000000", room="202")
    checkpoint()
    assert PHONE.encode() in on_disk()  # the check can see it
    kept_needs = ("closed on the cutoff", "recent resolved", "old but open")
    kept_visits = ("old visit, late follow-up", "recent visit")
    with db.session() as s:  # the records kept hold the same number: give them another
        for table, names in (("need", kept_needs), ("visit", kept_visits)):
            for name in names:
                s.execute(
                    text(f"UPDATE {table} SET phone = '13500000000', room = '101' WHERE id = :id"),
                    {"id": records[name]},
                )
    checkpoint()
    assert PHONE.encode() in on_disk()
    assert retention.apply(db, 3, TODAY).total == 3
    checkpoint()
    data = on_disk()
    assert PHONE.encode() not in data
    assert ROOM.encode() not in data
