"""暖蜂驿站: resources flagged as rest stations and their monthly service log (one entry per
station per month; saving a month that exists updates it)."""

from datetime import date

from sqlalchemy import func, select

from desktop.domain.errors import NotFoundError
from desktop.domain.stations import (
    StationMonth,
    StationRow,
    clean_station_month,
    month_start,
    validate_station_month,
)
from desktop.services.common import checked
from desktop.store.database import Database
from desktop.store.models import ResourceRecord, StationServiceRecord


def list_stations(db: Database) -> list[StationRow]:
    """Live rest stations by title, with months logged and riders served in all."""
    res = ResourceRecord
    log = StationServiceRecord
    months = select(func.count()).where(log.resource_id == res.id).correlate(res).scalar_subquery()
    riders = (
        select(func.coalesce(func.sum(log.riders_served), 0))
        .where(log.resource_id == res.id)
        .correlate(res)
        .scalar_subquery()
    )
    last = (
        select(func.max(log.month))
        .where(log.resource_id == res.id)
        .correlate(res)
        .scalar_subquery()
    )
    stmt = (
        select(res.id, res.title, res.provider, months, riders, last)
        .where(res.is_rest_station.is_(True), res.deleted_at.is_(None))
        .order_by(res.title, res.id)
    )
    with db.session() as s:
        return [StationRow(*r) for r in s.execute(stmt).all()]


def _to_month(r: StationServiceRecord) -> StationMonth:
    return StationMonth(r.resource_id, r.month, r.riders_served, r.services, r.note, r.id)


def station_log(db: Database, resource_id: int) -> list[StationMonth]:
    """The station's months, newest first."""
    with db.session() as s:
        rows = s.scalars(
            select(StationServiceRecord)
            .where(StationServiceRecord.resource_id == resource_id)
            .order_by(StationServiceRecord.month.desc())
        )
        return [_to_month(r) for r in rows]


def save_month(db: Database, entry: StationMonth) -> StationMonth:
    """Record a month; a month already logged for the station is updated, never doubled.
    Editing an entry onto another month that is already logged merges into that month."""
    entry = checked(entry, clean_station_month, validate_station_month)
    with db.session() as s:
        station = s.get(ResourceRecord, entry.resource_id)
        if station is None or station.deleted_at is not None:
            raise NotFoundError(f"resource {entry.resource_id}")
        same_month = s.scalar(
            select(StationServiceRecord).where(
                StationServiceRecord.resource_id == entry.resource_id,
                StationServiceRecord.month == entry.month,
            )
        )
        edited = s.get(StationServiceRecord, entry.id) if entry.id is not None else None
        if same_month is not None:
            rec = same_month
            if edited is not None and edited is not same_month:
                s.delete(edited)  # moved onto a month already logged: keep one row
        elif edited is not None:
            rec = edited
        else:
            rec = StationServiceRecord(resource_id=entry.resource_id, month=entry.month)
            s.add(rec)
        rec.month, rec.riders_served = entry.month, entry.riders_served
        rec.services, rec.note = entry.services, entry.note
        s.flush()
        return _to_month(rec)


def delete_month(db: Database, resource_id: int, month: date) -> bool:
    with db.session() as s:
        rec = s.scalar(
            select(StationServiceRecord).where(
                StationServiceRecord.resource_id == resource_id,
                StationServiceRecord.month == month_start(month),
            )
        )
        if rec is None:
            return False
        s.delete(rec)
        return True
