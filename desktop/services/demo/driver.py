"""The demo's driver: the roster and the four lists in one bulk transaction, then the records
made through the services (visits, meetings, compacts, the committee, the federation, partners).
Each part draws from the seed in a fixed order, so a seed always gives the same neighborhood."""

from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.services.demo.bulk import bulk_session
from desktop.services.demo.committee import make_demo_committee
from desktop.services.demo.compacts import make_demo_compacts
from desktop.services.demo.dice import Dice
from desktop.services.demo.federation import make_demo_federation
from desktop.services.demo.meetings import make_demo_visits_and_meetings
from desktop.services.demo.needs import add_needs
from desktop.services.demo.partners import make_demo_partners
from desktop.services.demo.projects import add_projects
from desktop.services.demo.resources import add_resources
from desktop.services.demo.roster import make_roster
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    CompactRecord,
    GridRecord,
    MeetingRecord,
    NeedRecord,
    NeighborhoodRecord,
    OrganizationRecord,
    PersonRecord,
    ProjectRecord,
    ResourceRecord,
    VisitRecord,
    utcnow,
)

DEFAULT_SCALE = 600
MAX_SCALE = 100_000


class DemoExistsError(DomainError):
    """The data dir already holds records; demo data is never mixed into real data."""


def make_demo(
    db: Database,
    scale: int = DEFAULT_SCALE,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> int:
    """Fill an empty database with ``scale`` people, needs, resources and projects (linked
    to each other); returns ``scale``. Same seed and ``today`` → same records; everything
    recorded happened before ``today`` (default: the real today), so due dates can be overdue.
    ``progress(done, total)`` counts records over the four lists."""
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be 1..{MAX_SCALE}")
    today = today or date.today()
    _make_lists(db, scale, Dice(seed), today, progress)
    make_demo_visits_and_meetings(db, seed, today, scale)
    make_demo_compacts(db, today)
    make_demo_committee(db, seed, today)
    make_demo_federation(db, seed, today)
    make_demo_partners(db, seed, today)
    return scale


def _make_lists(
    db: Database,
    scale: int,
    rng: Dice,
    today: date,
    progress: Callable[[int, int], None] | None,
) -> None:
    """The roster and ``scale`` needs, resources and projects, in one transaction."""
    total = 4 * scale
    with bulk_session(db) as s:
        if has_records(s):
            raise DemoExistsError("data dir is not empty")
        roster = make_roster(s, rng, scale, today, utcnow(), progress)
        needs = add_needs(s, roster, scale)
        if progress:
            progress(2 * scale, total)
        resource_ids = add_resources(s, roster, scale)
        if progress:
            progress(3 * scale, total)
        add_projects(s, roster, scale, needs, resource_ids)
        if progress:
            progress(total, total)


def has_records(s: Session) -> bool:
    """Any record counts: grids or buildings typed in by hand would clash by name, and demo
    needs must never mix with real ones. The trash counts too."""
    models = (
        PersonRecord,
        NeighborhoodRecord,
        GridRecord,
        BuildingRecord,
        OrganizationRecord,
        NeedRecord,
        ResourceRecord,
        ProjectRecord,
        VisitRecord,
        MeetingRecord,
        CompactRecord,
    )
    return any(s.scalar(select(func.count()).select_from(model)) for model in models)
