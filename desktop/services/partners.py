"""Partner units: their agreements and activities (linked to needs and projects), and the
三个一 tracker — per partner, each quarter's pairing activity and practical service and the
year's dispute mediation — with the gaps the home page warns of."""

from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError
from desktop.domain.partners import (
    QUARTERLY,
    QUARTERS,
    Agreement,
    Partner,
    PartnerActivity,
    PartnerActivityKind,
    PartnerTracker,
    PartnerType,
    QuarterCells,
    QuotaCell,
    QuotaGap,
    QuotaState,
    cell_state,
    clean_activity,
    clean_agreement,
    days_left,
    quarter_bounds,
    quarter_of,
    validate_activity,
    validate_agreement,
)
from desktop.domain.roster import OrganizationKind
from desktop.services.common import (
    checked,
    get_live,
    live_record,
    newest_first,
)
from desktop.services.mapping import from_row, to_row
from desktop.services.projects import live_titles
from desktop.store.database import Database
from desktop.store.models import (
    NeedRecord,
    OrganizationRecord,
    PartnerActivityNeedRecord,
    PartnerActivityProjectRecord,
    PartnerActivityRecord,
    PartnerAgreementRecord,
    ProjectRecord,
)
from desktop.store.trash import move_to_trash, record_to_save

YEAR_WARN_DAYS = 60  # the year's mediation is flagged in its last two months
PARTNER = OrganizationKind.PARTNER_UNIT.value


# -- partner units -------------------------------------------------------------------------
def _to_partner(rec: OrganizationRecord) -> Partner:
    return Partner(
        id=rec.id,
        name=rec.name,
        partner_type=PartnerType(rec.partner_type) if rec.partner_type else None,
        contact_name=rec.contact_name,
        phone=rec.phone,
        note=rec.note,
    )


def list_partners(db: Database) -> list[Partner]:
    """Live partner units, by name."""
    with db.session() as s:
        rows = s.scalars(
            select(OrganizationRecord)
            .where(OrganizationRecord.kind == PARTNER, OrganizationRecord.deleted_at.is_(None))
            .order_by(OrganizationRecord.name, OrganizationRecord.id)
        )
        return [_to_partner(r) for r in rows]


def get_partner(db: Database, organization_id: int) -> Partner:
    with db.session() as s:
        return _to_partner(_live_partner(s, organization_id))


def _live_partner(s: Session, organization_id: int) -> OrganizationRecord:
    rec = s.get(OrganizationRecord, organization_id)
    if rec is None or rec.deleted_at is not None or rec.kind != PARTNER:
        raise NotFoundError(f"partner unit {organization_id}")
    return rec


# -- agreements ----------------------------------------------------------------------------
def _to_agreement(rec: PartnerAgreementRecord) -> Agreement:
    return from_row(Agreement, rec)


def list_agreements(db: Database, organization_id: int) -> list[Agreement]:
    """A partner's live agreements, newest first."""
    return newest_first(
        db,
        PartnerAgreementRecord,
        PartnerAgreementRecord.organization_id == organization_id,
        PartnerAgreementRecord.deleted_at.is_(None),
        newest=PartnerAgreementRecord.signed_on,
        convert=_to_agreement,
    )


def get_agreement(db: Database, agreement_id: int) -> Agreement:
    return get_live(db, PartnerAgreementRecord, agreement_id, "partner agreement", _to_agreement)


def save_agreement(db: Database, agreement: Agreement) -> Agreement:
    agreement = checked(agreement, clean_agreement, validate_agreement)
    with db.session() as s:
        _live_partner(s, agreement.organization_id)
        rec = record_to_save(
            s, PartnerAgreementRecord, agreement.id, agreement.uuid, "partner agreement"
        )
        to_row(rec, agreement)
        s.flush()
        return _to_agreement(rec)


def delete_agreements(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, PartnerAgreementRecord, ids)


# -- activities ----------------------------------------------------------------------------
def _links(s: Session, activity_ids: list[int]) -> tuple[dict[int, list[int]], ...]:
    """Each activity's live linked needs and projects (a trashed need is not shown)."""
    needs: dict[int, list[int]] = {}
    projects: dict[int, list[int]] = {}
    for target, link, record, column in (
        (needs, PartnerActivityNeedRecord, NeedRecord, PartnerActivityNeedRecord.need_id),
        (
            projects,
            PartnerActivityProjectRecord,
            ProjectRecord,
            PartnerActivityProjectRecord.project_id,
        ),
    ):
        rows = s.execute(
            select(link.activity_id, column)
            .join(record, record.id == column)
            .where(link.activity_id.in_(activity_ids), record.deleted_at.is_(None))
            .order_by(link.activity_id, column)
        )
        for activity_id, linked in rows:
            target.setdefault(activity_id, []).append(linked)
    return needs, projects


def _to_activities(s: Session, recs: list[PartnerActivityRecord]) -> list[PartnerActivity]:
    needs, projects = _links(s, [r.id for r in recs])
    return [
        PartnerActivity(
            organization_id=r.organization_id,
            kind=PartnerActivityKind(r.kind),
            held_on=r.held_on,
            participants=r.participants,
            description=r.description,
            need_ids=needs.get(r.id, []),
            project_ids=projects.get(r.id, []),
            id=r.id,
            uuid=r.uuid,
        )
        for r in recs
    ]


def list_activities(
    db: Database, organization_id: int, year: int | None = None
) -> list[PartnerActivity]:
    """A partner's live activities (of one year, if given), newest first."""
    conditions = [
        PartnerActivityRecord.organization_id == organization_id,
        PartnerActivityRecord.deleted_at.is_(None),
    ]
    if year is not None:
        conditions += [
            PartnerActivityRecord.held_on >= date(year, 1, 1),
            PartnerActivityRecord.held_on <= date(year, 12, 31),
        ]
    with db.session() as s:
        recs = list(
            s.scalars(
                select(PartnerActivityRecord)
                .where(*conditions)
                .order_by(PartnerActivityRecord.held_on.desc(), PartnerActivityRecord.id.desc())
            )
        )
        return _to_activities(s, recs)


def get_activity(db: Database, activity_id: int) -> PartnerActivity:
    with db.session() as s:
        rec = live_record(s, PartnerActivityRecord, activity_id, "partner activity")
        return _to_activities(s, [rec])[0]


def save_activity(db: Database, activity: PartnerActivity) -> PartnerActivity:
    """Create or update an activity with its links; a link to a trashed need or project is
    kept (it comes back with the record), links removed in the form are dropped."""
    activity = checked(activity, clean_activity, validate_activity)
    with db.session() as s:
        _live_partner(s, activity.organization_id)
        rec = record_to_save(
            s, PartnerActivityRecord, activity.id, activity.uuid, "partner activity"
        )
        rec.organization_id, rec.kind = activity.organization_id, activity.kind.value
        rec.held_on, rec.participants = activity.held_on, activity.participants
        rec.description = activity.description
        s.flush()
        _relink(s, rec.id, PartnerActivityNeedRecord, NeedRecord, "need_id", activity.need_ids)
        _relink(
            s,
            rec.id,
            PartnerActivityProjectRecord,
            ProjectRecord,
            "project_id",
            activity.project_ids,
        )
        s.flush()
        return _to_activities(s, [rec])[0]


def _relink(s: Session, activity_id: int, link, record, column: str, wanted: list[int]) -> None:
    """Make the activity's links of one kind the live ones in ``wanted`` (plus any to a
    record now in the trash, which the form could not show)."""
    live = set(
        s.scalars(select(record.id).where(record.id.in_(wanted), record.deleted_at.is_(None)))
    )
    target = getattr(link, column)
    stored = set(s.scalars(select(target).where(link.activity_id == activity_id)))
    trashed = set(
        s.scalars(select(record.id).where(record.id.in_(stored), record.deleted_at.is_not(None)))
    )
    drop = stored - live - trashed
    if drop:
        s.execute(delete(link).where(link.activity_id == activity_id, target.in_(drop)))
    for record_id in sorted(live - stored):
        s.add(link(activity_id=activity_id, **{column: record_id}))


def project_titles(db: Database, ids: list[int]) -> dict[int, str]:
    """Titles of an activity's linked projects (the form and the details pane)."""
    return live_titles(db, ProjectRecord, ids)


def delete_activities(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, PartnerActivityRecord, ids)


# -- the 三个一 tracker --------------------------------------------------------------------
def _counts(s: Session, year: int) -> dict[tuple[int, str, int], int]:
    """(partner, kind, quarter) → live activities held that year (a branch records tens a
    year, so counting here is simpler than date arithmetic in SQL)."""
    rows = s.execute(
        select(
            PartnerActivityRecord.organization_id,
            PartnerActivityRecord.kind,
            PartnerActivityRecord.held_on,
        ).where(
            PartnerActivityRecord.deleted_at.is_(None),
            PartnerActivityRecord.held_on >= date(year, 1, 1),
            PartnerActivityRecord.held_on <= date(year, 12, 31),
        )
    ).all()
    counts: dict[tuple[int, str, int], int] = {}
    for org, kind, held_on in rows:
        key = (org, kind, quarter_of(held_on))
        counts[key] = counts.get(key, 0) + 1
    return counts


def _paired_since(s: Session) -> dict[int, date]:
    """When each partner's pairing began: the start of its earliest live agreement."""
    start = func.min(
        func.coalesce(PartnerAgreementRecord.term_start, PartnerAgreementRecord.signed_on)
    )
    rows = s.execute(
        select(PartnerAgreementRecord.organization_id, start)
        .where(PartnerAgreementRecord.deleted_at.is_(None))
        .group_by(PartnerAgreementRecord.organization_id)
    ).all()
    return {
        org: value if isinstance(value, date) else date.fromisoformat(value) for org, value in rows
    }


def tracker(db: Database, year: int, today: date | None = None) -> list[PartnerTracker]:
    """Every live partner unit's 三个一 for ``year``, by name.

    A quarter not yet begun is 未到期, the current one open until met, a past one without
    the activity missing. A period that ended before the partner's first agreement is not
    owed; a partner with no agreement recorded owes every period."""
    today = today or date.today()
    with db.session() as s:
        partners = s.execute(
            select(OrganizationRecord.id, OrganizationRecord.name)
            .where(OrganizationRecord.kind == PARTNER, OrganizationRecord.deleted_at.is_(None))
            .order_by(OrganizationRecord.name, OrganizationRecord.id)
        ).all()
        counts = _counts(s, year)
        since = _paired_since(s)
    return [
        _partner_tracker(org, name, year, today, counts, since.get(org)) for org, name in partners
    ]


def partner_tracker(
    db: Database, organization_id: int, year: int, today: date | None = None
) -> PartnerTracker:
    found = [t for t in tracker(db, year, today) if t.organization_id == organization_id]
    if not found:
        raise NotFoundError(f"partner unit {organization_id}")
    return found[0]


def _partner_tracker(
    org: int,
    name: str,
    year: int,
    today: date,
    counts: dict[tuple[int, str, int], int],
    since: date | None,
) -> PartnerTracker:
    quarters = []
    for q in QUARTERS:
        first, last = quarter_bounds(year, q)
        cells = [
            QuotaCell(cell_state(n, first, last, today, since), n)
            for kind in QUARTERLY
            for n in [counts.get((org, kind.value, q), 0)]
        ]
        quarters.append(QuarterCells(q, *cells))
    mediations = sum(
        counts.get((org, PartnerActivityKind.DISPUTE_MEDIATION.value, q), 0) for q in QUARTERS
    )
    year_cell = QuotaCell(
        cell_state(mediations, date(year, 1, 1), date(year, 12, 31), today, since), mediations
    )
    return PartnerTracker(org, name, year, quarters, year_cell)


def quota_gaps(db: Database, today: date | None = None, warn_days: int = 30) -> list[QuotaGap]:
    """Partners still owing this quarter's pairing activity or practical service when the
    quarter ends within ``warn_days`` days, or the year's dispute mediation when the year
    ends within 60 days. Sorted by days left, then partner."""
    today = today or date.today()
    quarter = quarter_of(today)
    _first, quarter_end = quarter_bounds(today.year, quarter)
    year_end = date(today.year, 12, 31)
    gaps = []
    for t in tracker(db, today.year, today):
        cells = t.quarters[quarter - 1]
        if days_left(today, quarter_end) <= warn_days:
            for kind, cell in zip(QUARTERLY, (cells.pairing, cells.practical_service), strict=True):
                if cell.state is QuotaState.OPEN:
                    gaps.append(
                        QuotaGap(
                            t.organization_id,
                            t.name,
                            kind,
                            days_left(today, quarter_end),
                            quarter_end,
                        )
                    )
        if (
            days_left(today, year_end) <= YEAR_WARN_DAYS
            and t.dispute_mediation.state is QuotaState.OPEN
        ):
            gaps.append(
                QuotaGap(
                    t.organization_id,
                    t.name,
                    PartnerActivityKind.DISPUTE_MEDIATION,
                    days_left(today, year_end),
                    year_end,
                )
            )
    gaps.sort(key=lambda g: (g.days_left, g.name, g.organization_id))
    return gaps
