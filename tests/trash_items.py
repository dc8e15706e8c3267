"""Restore and purge records the way the 回收站 page does: its rows, through services.trash.

The page hands ``trash.restore``/``trash.purge`` the rows it shows. A row can be stale (the record
left the trash since the list was read); such a row is sent as is, so a test can prove that a live
record is never restored twice nor destroyed.
"""

from datetime import UTC, datetime

from desktop.domain.kinds import RecordKind
from desktop.services import trash
from desktop.store.database import Database


def trash_rows(db: Database, kind: RecordKind, ids: list[int]) -> list[trash.TrashItem]:
    """The page's rows for these records: the listed one, or a stale row when it is not listed."""
    listed = {i.id: i for i in trash.list_trash(db) if i.kind is kind}
    stale = datetime.now(UTC)
    return [listed.get(i) or trash.TrashItem(kind, i, "", stale) for i in ids]


def restore_records(db: Database, kind: RecordKind, ids: list[int]) -> int:
    return trash.restore(db, trash_rows(db, kind, ids))


def purge_records(db: Database, kind: RecordKind, ids: list[int]) -> int:
    return trash.purge(db, trash_rows(db, kind, ids))
