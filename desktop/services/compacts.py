"""Compacts and their versions: drafts edited, adopted versions never changed again."""

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.compact_templates import template_version
from desktop.domain.compacts import (
    Adoption,
    Chapter,
    Compact,
    CompactRow,
    CompactVersion,
    clean_version,
    validate_version,
)
from desktop.domain.errors import DomainError, NotFoundError, Problem, ValidationError
from desktop.services.common import checked, get_loaded, live_record
from desktop.store.database import Database
from desktop.store.models import (
    BuildingRecord,
    CompactRecord,
    CompactVersionRecord,
    PersonRecord,
)
from desktop.store.trash import move_to_trash


class CompactAdoptedError(DomainError):
    """An adopted version is read-only; start a revision instead."""


class DraftExistsError(DomainError):
    """A compact has at most one draft at a time."""


def _to_version(r: CompactVersionRecord) -> CompactVersion:
    adoption = None
    if r.adopted_on is not None:
        adoption = Adoption(
            r.meeting_id, r.adopted_on, r.votes_for, r.votes_against, r.votes_abstain, r.households
        )
    chapters = [Chapter(c["title"], list(c["articles"])) for c in json.loads(r.body)]
    return CompactVersion(r.number, r.title, r.preamble, chapters, r.closing, adoption, r.id)


def _body(v: CompactVersion) -> str:
    return json.dumps(
        [{"title": c.title, "articles": c.articles} for c in v.chapters], ensure_ascii=False
    )


def _version_record(compact_id: int, number: int, text: CompactVersion) -> CompactVersionRecord:
    """A new stored version ``number`` of the compact holding ``text`` (not adopted)."""
    return CompactVersionRecord(
        compact_id=compact_id,
        number=number,
        title=text.title,
        preamble=text.preamble,
        body=_body(text),
        closing=text.closing,
    )


def _load(s: Session, rec: CompactRecord) -> Compact:
    versions = s.scalars(
        select(CompactVersionRecord)
        .where(CompactVersionRecord.compact_id == rec.id)
        .order_by(CompactVersionRecord.number)
    ).all()
    return Compact(rec.title, [_to_version(v) for v in versions], rec.id, rec.uuid)


def list_compacts(db: Database, *, deleted: bool = False) -> list[CompactRow]:
    with db.session() as s:
        records = s.scalars(
            select(CompactRecord)
            .where(
                CompactRecord.deleted_at.is_not(None)
                if deleted
                else CompactRecord.deleted_at.is_(None)
            )
            .order_by(CompactRecord.title, CompactRecord.id)
        ).all()
        rows = []
        for rec in records:
            c = _load(s, rec)
            shown = c.current or c.draft
            rows.append(
                CompactRow(
                    rec.id,
                    rec.title,
                    c.state,
                    shown.number if shown else 0,
                    c.current.adoption.adopted_on if c.current and c.current.adoption else None,
                    len(shown.articles()) if shown else 0,
                )
            )
        return rows


def get_compact(db: Database, compact_id: int) -> Compact:
    return get_loaded(db, CompactRecord, compact_id, "compact", _load)


def create_compact(db: Database, draft: CompactVersion) -> Compact:
    """A new compact whose first version is ``draft``."""
    draft = checked(draft, clean_version, validate_version)
    with db.session() as s:
        rec = CompactRecord(title=draft.title)
        s.add(rec)
        s.flush()
        s.add(_version_record(rec.id, 1, draft))
        s.flush()
        return _load(s, rec)


def create_from_template(db: Database, name: str) -> Compact:
    return create_compact(db, template_version(name))


def save_draft(db: Database, compact_id: int, draft: CompactVersion) -> Compact:
    """Replace the text of the compact's draft. An adopted version is refused."""
    draft = checked(draft, clean_version, validate_version)
    with db.session() as s:
        rec = _live(s, compact_id)
        row = _version_row(s, compact_id, draft.number)
        if row.adopted_on is not None:
            raise CompactAdoptedError(f"compact {compact_id} version {draft.number}")
        row.title, row.preamble, row.closing = draft.title, draft.preamble, draft.closing
        row.body = _body(draft)
        rec.title = draft.title
        s.flush()
        return _load(s, rec)


def adopt(db: Database, compact_id: int, number: int, adoption: Adoption) -> Compact:
    """The draft voted at a deliberation meeting becomes the compact in force, read-only."""
    if (
        min(adoption.votes_for, adoption.votes_against, adoption.votes_abstain, adoption.households)
        < 0
    ):
        raise ValidationError({"adoption": Problem.NEGATIVE_AMOUNT})
    with db.session() as s:
        rec = _live(s, compact_id)
        row = _version_row(s, compact_id, number)
        if row.adopted_on is not None:
            raise CompactAdoptedError(f"compact {compact_id} version {number}")
        row.meeting_id, row.adopted_on = adoption.meeting_id, adoption.adopted_on
        row.votes_for, row.votes_against = adoption.votes_for, adoption.votes_against
        row.votes_abstain, row.households = adoption.votes_abstain, adoption.households
        s.flush()
        return _load(s, rec)


def start_revision(db: Database, compact_id: int) -> Compact:
    """A new draft from the adopted text (the version in force stays as it is)."""
    with db.session() as s:
        rec = _live(s, compact_id)
        compact = _load(s, rec)
        if compact.draft is not None:
            raise DraftExistsError(str(compact_id))
        base = compact.current
        assert base is not None  # a compact without an adopted version has its draft
        s.add(_version_record(compact_id, compact.versions[-1].number + 1, base))
        s.flush()
        return _load(s, rec)


def discard_draft(db: Database, compact_id: int) -> Compact:
    """Drop the draft of a revision (a compact's only, unadopted version cannot be dropped:
    move the compact to the trash instead)."""
    with db.session() as s:
        rec = _live(s, compact_id)
        compact = _load(s, rec)
        draft = compact.draft
        if draft is None or compact.current is None:
            raise DomainError("no revision to discard")
        s.delete(_version_row(s, compact_id, draft.number))
        s.flush()
        return _load(s, rec)


def households(db: Database) -> list[tuple[str, str, str]]:
    """Households of the roster, by building / unit / room (for the signing sheet)."""
    with db.session() as s:
        rows = s.execute(
            select(BuildingRecord.name, PersonRecord.unit, PersonRecord.room)
            .join(BuildingRecord, BuildingRecord.id == PersonRecord.building_id)
            .where(PersonRecord.deleted_at.is_(None), PersonRecord.room != "")
            .distinct()
        ).all()
    from desktop.services.neighborhood import building_sort_key

    def key(r: tuple[str, str, str]) -> tuple:
        unit = int(r[1]) if r[1].isdigit() else 999
        room = int(r[2]) if r[2].isdigit() else 99_999
        return (building_sort_key(r[0]), unit, room, r[1], r[2])

    return sorted(((r[0], r[1], r[2]) for r in rows), key=key)


def count_compacts(db: Database) -> int:
    with db.session() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(CompactRecord)
                .where(CompactRecord.deleted_at.is_(None))
            )
            or 0
        )


def _live(s: Session, compact_id: int) -> CompactRecord:
    return live_record(s, CompactRecord, compact_id, "compact")


def _version_row(s: Session, compact_id: int, number: int) -> CompactVersionRecord:
    row = s.scalar(
        select(CompactVersionRecord).where(
            CompactVersionRecord.compact_id == compact_id, CompactVersionRecord.number == number
        )
    )
    if row is None:
        raise NotFoundError(f"compact {compact_id} version {number}")
    return row


def delete_compacts(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, CompactRecord, ids)
