"""The neighborhood itself, its grids and its buildings."""

from sqlalchemy import select

from desktop.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop.domain.roster import NAME_MAX, Building, Grid, Neighborhood, validate_neighborhood
from desktop.domain.text import clean_text
from desktop.services.common import count_where
from desktop.store.database import Database
from desktop.store.models import BuildingRecord, GridRecord, NeighborhoodRecord, PersonRecord

NEIGHBORHOOD_ID = 1


class BuildingInUseError(DomainError):
    """A building still has residents in the roster (trash included)."""

    def __init__(self, name: str, people: int) -> None:
        super().__init__(f"{name}: {people}")
        self.name = name
        self.people = people


def get_neighborhood(db: Database) -> Neighborhood:
    with db.session() as s:
        rec = s.get(NeighborhoodRecord, NEIGHBORHOOD_ID)
        if rec is None:
            return Neighborhood()
        return Neighborhood(name=rec.name, community=rec.community, street=rec.street)


def save_neighborhood(db: Database, hood: Neighborhood) -> Neighborhood:
    hood = Neighborhood(
        *(clean_text(v, single_line=True) for v in (hood.name, hood.community, hood.street))
    )
    if problems := validate_neighborhood(hood):
        raise ValidationError(problems)
    with db.session() as s:
        rec = s.get(NeighborhoodRecord, NEIGHBORHOOD_ID)
        if rec is None:
            rec = NeighborhoodRecord(id=NEIGHBORHOOD_ID)
            s.add(rec)
        rec.name, rec.community, rec.street = hood.name, hood.community, hood.street
    return hood


def list_grids(db: Database) -> list[Grid]:
    with db.session() as s:
        rows = s.scalars(select(GridRecord).order_by(GridRecord.id)).all()  # as created
        return [Grid(name=r.name, id=r.id) for r in rows]


def save_grid(db: Database, grid: Grid) -> Grid:
    name = clean_text(grid.name, single_line=True)
    _check_short_name(name)
    with db.session() as s:
        clash = s.scalar(select(GridRecord.id).where(GridRecord.name == name))
        if clash is not None and clash != grid.id:
            raise ValidationError({"name": Problem.DUPLICATE_NAME})
        rec = _get(s, GridRecord, grid.id) if grid.id else GridRecord()
        rec.name = name
        s.add(rec)
        s.flush()
        return Grid(name=rec.name, id=rec.id)


def delete_grid(db: Database, grid_id: int) -> None:
    """Buildings of the grid stay; they just no longer belong to a grid."""
    with db.session() as s:
        s.delete(_get(s, GridRecord, grid_id))


def list_buildings(db: Database) -> list[Building]:
    with db.session() as s:
        rows = s.scalars(select(BuildingRecord)).all()
        items = [
            Building(name=r.name, grid_id=r.grid_id, unit_count=r.unit_count, id=r.id) for r in rows
        ]
    return sorted(items, key=lambda b: building_sort_key(b.name))


def building_sort_key(name: str) -> tuple[int, str]:
    """Order 2栋 before 10栋: by the first number in the name, then by the name."""
    digits = ""
    for ch in name:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return (int(digits) if digits else 1_000_000, name)


def save_building(db: Database, building: Building) -> Building:
    name = clean_text(building.name, single_line=True)
    _check_short_name(name)
    if not 1 <= building.unit_count <= 99:
        raise ValidationError({"unit_count": Problem.TOO_LONG})
    with db.session() as s:
        clash = s.scalar(select(BuildingRecord.id).where(BuildingRecord.name == name))
        if clash is not None and clash != building.id:
            raise ValidationError({"name": Problem.DUPLICATE_NAME})
        rec = _get(s, BuildingRecord, building.id) if building.id else BuildingRecord()
        rec.name, rec.grid_id, rec.unit_count = name, building.grid_id, building.unit_count
        s.add(rec)
        s.flush()
        return Building(name=rec.name, grid_id=rec.grid_id, unit_count=rec.unit_count, id=rec.id)


def delete_building(db: Database, building_id: int) -> None:
    """Refused while anyone (trash included) lives there: addresses must not vanish."""
    with db.session() as s:
        rec = _get(s, BuildingRecord, building_id)
        people = count_where(s, PersonRecord, PersonRecord.building_id == building_id)
        if people:
            raise BuildingInUseError(rec.name, people)
        s.delete(rec)


def _check_short_name(name: str) -> None:
    if not name:
        raise ValidationError({"name": Problem.REQUIRED})
    if len(name) > NAME_MAX:
        raise ValidationError({"name": Problem.TOO_LONG})


def _get(session, model, record_id):
    rec = session.get(model, record_id)
    if rec is None:
        raise NotFoundError(f"{model.__tablename__} {record_id}")
    return rec
