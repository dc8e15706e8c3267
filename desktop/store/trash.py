"""Soft deletion shared by every list: a record in the trash has ``deleted_at`` set."""

from typing import Any, TypeVar

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError
from desktop.store.database import Database
from desktop.store.models import Base, utcnow

_Record = TypeVar("_Record", bound=Any)


def record_to_save(
    s: Session,
    model: type[_Record],
    record_id: int | None,
    uuid: str | None,
    what: str,
    *,
    add: bool = True,
) -> _Record:
    """For a save: a new row (keeping the uuid the record came with), or the live row being
    edited; NotFoundError when that one is gone or in the trash (for a record that has one).
    ``add``: a new row joins the session at once; the caller adds it itself when it queries
    before its fields are set (an incomplete row must not be flushed)."""
    if record_id is None:
        rec = model()
        if uuid:
            rec.uuid = uuid
        if add:
            s.add(rec)
        return rec
    rec = s.get(model, record_id)
    if rec is None or getattr(rec, "deleted_at", None) is not None:
        raise NotFoundError(f"{what} {record_id}")
    return rec


def move_to_trash(db: Database, model: type[Base], ids: list[int]) -> int:
    """Returns how many live records were moved (records already in the trash are skipped)."""
    with db.session() as s:
        return s.execute(
            update(model)
            .where(model.id.in_(ids), model.deleted_at.is_(None))
            .values(deleted_at=utcnow())
        ).rowcount


def restore_from_trash(db: Database, model: type[Base], ids: list[int]) -> int:
    with db.session() as s:
        return s.execute(
            update(model)
            .where(model.id.in_(ids), model.deleted_at.is_not(None))
            .values(deleted_at=None)
        ).rowcount


def purge_from_trash(db: Database, model: type[Base], ids: list[int]) -> int:
    """Destroy records already in the trash; secure_delete wipes their pages in the file."""
    with db.session() as s:
        return s.execute(
            delete(model).where(model.id.in_(ids), model.deleted_at.is_not(None))
        ).rowcount
