"""Soft deletion shared by every list: a record in the trash has ``deleted_at`` set."""

from sqlalchemy import delete, update

from desktop.store.database import Database
from desktop.store.models import Base, utcnow


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
