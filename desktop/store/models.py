"""SQLAlchemy models. Every change here needs a migration in migrations/versions.

A text column's String(n) is its field's limit in the domain (the one table each record's
module keeps). SQLite does not enforce it, so when a limit changes, the files keep the length
their migration wrote, and no migration is needed: the check of these models against the
migrations does not compare VARCHAR lengths (tests/store/test_database.py)."""

import uuid as uuid_module
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.domain import (
    committee,
    compacts,
    federation,
    meetings,
    needs,
    projects,
    resources,
    roster,
    self_organizations,
    visits,
)
from desktop.domain.dates import utcnow
from desktop.domain.name_order import name_key

# Named constraints so that Alembic's batch mode can find and alter them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def _added_uuid() -> Mapped[str]:
    """The uuid of a table made before revision 0007: nullable in the file (SQLite adds a
    NOT NULL column only with a constant default) and unique by its own index; always filled
    here."""
    return mapped_column(String(36), nullable=True, index=True, unique=True, default=new_uuid)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """The columns of a record the secretary keeps: its uuid (which joins two copies of the
    data), when it was made and last changed, and when it went to the 回收站 (NULL while
    live). Declared once; the tables made before revision 0007 carry ``_added_uuid`` instead."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# Name columns sorted by pinyin: table -> (name column, its sort-key column).
NAME_KEYS: dict[str, tuple[str, str]] = {
    "person": ("name", "name_key"),
    "need": ("raised_by", "raised_by_key"),
    "visit": ("resident", "resident_key"),
}


def _sort_key_column(source: str) -> Mapped[str]:
    """The pinyin sort key of the name in column ``source`` (domain/name_order.py). An insert
    that does not give it gets it from the name (SQLAlchemy Core inserts too); the ORM sets it
    whenever the name is set (``_keep_name_keys``); the demo's driver-level inserts add it
    themselves. Never NULL: the lists' keyset paging compares it."""

    def from_name(context: DefaultExecutionContext) -> str:
        return name_key(context.get_current_parameters().get(source) or "")

    # TEXT, not VARCHAR(n): a parenthesis in a column added after a generated one breaks
    # SQLAlchemy's reading of the generated column's expression (and so the model check).
    return mapped_column(Text, default=from_name, server_default=text("''"))


class NeighborhoodRecord(Base):
    """The one neighborhood this copy of the app serves (a single row, id 1)."""

    __tablename__ = "neighborhood"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    name: Mapped[str] = mapped_column(String(roster.NEIGHBORHOOD_MAX_LENGTH["name"]), default="")
    community: Mapped[str] = mapped_column(
        String(roster.NEIGHBORHOOD_MAX_LENGTH["community"]), default=""
    )
    street: Mapped[str] = mapped_column(
        String(roster.NEIGHBORHOOD_MAX_LENGTH["street"]), default=""
    )


class GridRecord(Base):
    __tablename__ = "grid"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    name: Mapped[str] = mapped_column(String(roster.BUILDING_MAX_LENGTH["name"]), unique=True)


class BuildingRecord(Base):
    __tablename__ = "building"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    name: Mapped[str] = mapped_column(String(roster.BUILDING_MAX_LENGTH["name"]), unique=True)
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True
    )
    unit_count: Mapped[int] = mapped_column(Integer, default=1)


class PersonRecord(Tracked, Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(roster.PERSON_MAX_LENGTH["name"]))
    phone: Mapped[str] = mapped_column(String(roster.PERSON_MAX_LENGTH["phone"]), default="")
    building_id: Mapped[int | None] = mapped_column(
        ForeignKey("building.id", ondelete="SET NULL"), nullable=True, index=True
    )
    unit: Mapped[str] = mapped_column(String(roster.ADDRESS_MAX_LENGTH["unit"]), default="")
    room: Mapped[str] = mapped_column(String(roster.ADDRESS_MAX_LENGTH["room"]), default="")
    is_party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    skills: Mapped[str] = mapped_column(Text, default="")
    # Comma-separated TalentRight values; only meaningful for talented residents.
    talent_rights: Mapped[str] = mapped_column(String(80), default="")
    # When the branch first noticed this talented resident (发现); cultivation is its own table.
    talent_discovered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    # Set when moved to the trash (回收站); NULL for a live record.
    # What the search box looks in, kept by SQLite itself: one column to scan instead of
    # three halves the time of a 1–2 character search at 100,000 people.
    search_text: Mapped[str] = mapped_column(
        Text, Computed("name || ' ' || phone || ' ' || room", persisted=True)
    )
    name_key: Mapped[str] = _sort_key_column("name")

    roles: Mapped[list["PersonRoleRecord"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    __table_args__ = (
        # Live people in name order, covering the search: the list's first screen and its
        # count never touch the table. Partial, so the trash does not weigh on it.
        Index(
            "ix_person_live",
            "name",
            "search_text",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index("ix_person_trash", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
        # The same in pinyin order (the roster's default); the index above still finds a
        # person by the exact name (ledger imports link names to people through it).
        Index(
            "ix_person_live_name_key",
            "name_key",
            "search_text",
            "deleted_at",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )


class PersonRoleRecord(Base):
    __tablename__ = "person_role"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    __table_args__ = (Index("ix_person_role_role", "role", "person_id"),)


class OrganizationRecord(Tracked, Base):
    __tablename__ = "organization"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(roster.ORGANIZATION_MAX_LENGTH["name"]))
    contact_name: Mapped[str] = mapped_column(
        String(roster.ORGANIZATION_MAX_LENGTH["contact_name"]), default=""
    )
    phone: Mapped[str] = mapped_column(String(roster.ORGANIZATION_MAX_LENGTH["phone"]), default="")
    # The owners' committee's term of office (业委会任期).
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    # A partner unit's type: agency, enterprise or school (PartnerType).
    partner_type: Mapped[str | None] = mapped_column(String(20), nullable=True)
    # When a self-organization was incubated (孵化) by the branch.
    incubated_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    __table_args__ = (
        CheckConstraint(
            "kind IN ('property_company','owners_committee','self_organization','partner_unit')",
            name="kind",
        ),
    )


def _live_trash_indexes(table: str, *live_columns: str) -> tuple[Index, Index]:
    """A partial index over live rows (the lists) and one over the trash."""
    return (
        Index(
            f"ix_{table}_live", *live_columns, "deleted_at", sqlite_where=text("deleted_at IS NULL")
        ),
        Index(f"ix_{table}_trash", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL")),
    )


class NeedCategoryRecord(Base):
    """The editable list of need categories (物业服务, 环境卫生, …)."""

    __tablename__ = "need_category"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    name: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class NeedRecord(Tracked, Base):
    __tablename__ = "need"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(needs.MAX_LENGTH["title"]))
    description: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[int] = mapped_column(
        ForeignKey("need_category.id", ondelete="RESTRICT"), index=True
    )
    # Who raised it, as written; person_id links the roster when the name matches.
    raised_by: Mapped[str] = mapped_column(String(needs.MAX_LENGTH["raised_by"]), default="")
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    phone: Mapped[str] = mapped_column(String(needs.MAX_LENGTH["phone"]), default="")
    # The address as text: a ledger's 楼栋 is kept even when the building is not listed.
    building: Mapped[str] = mapped_column(
        String(needs.MAX_LENGTH["building"]), default="", index=True
    )
    unit: Mapped[str] = mapped_column(String(needs.MAX_LENGTH["unit"]), default="")
    room: Mapped[str] = mapped_column(String(needs.MAX_LENGTH["room"]), default="")
    source: Mapped[str] = mapped_column(String(30))
    urgency: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    status_reason: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[str] = mapped_column(String(needs.MAX_LENGTH["handled_by"]), default="")
    registered_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    solution: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str | None] = mapped_column(String(30), nullable=True)
    followed_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # A property dispute (物业矛盾): counted against a baseline period by the indicators.
    is_dispute: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    search_text: Mapped[str] = mapped_column(
        Text,
        Computed(
            "title || ' ' || raised_by || ' ' || phone || ' ' || building || ' '"
            " || room || ' ' || handled_by",
            persisted=True,
        ),
    )
    raised_by_key: Mapped[str] = _sort_key_column("raised_by")
    __table_args__ = (
        *_live_trash_indexes("need", "registered_on", "search_text"),
        Index("ix_need_open", "status", "due_on", sqlite_where=text("deleted_at IS NULL")),
    )


class NeedStatusChangeRecord(Base):
    """Every status change of a need, kept as its history."""

    __tablename__ = "need_status_change"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ResourceRecord(Tracked, Base):
    __tablename__ = "resource"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(resources.MAX_LENGTH["title"]))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    provider_kind: Mapped[str] = mapped_column(String(30))
    provider: Mapped[str] = mapped_column(String(resources.MAX_LENGTH["provider"]), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), nullable=True, index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[str] = mapped_column(
        String(resources.MAX_LENGTH["availability"]), default=""
    )
    contact: Mapped[str] = mapped_column(String(resources.MAX_LENGTH["contact"]), default="")
    phone: Mapped[str] = mapped_column(String(resources.MAX_LENGTH["phone"]), default="")
    registered_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    # A 暖蜂驿站: a rest station for delivery riders, with a monthly service log.
    is_rest_station: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("0"))
    search_text: Mapped[str] = mapped_column(
        Text,
        Computed(
            "title || ' ' || provider || ' ' || availability || ' ' || contact || ' ' || phone",
            persisted=True,
        ),
    )
    __table_args__ = _live_trash_indexes("resource", "registered_on", "search_text")


class ProjectRecord(Tracked, Base):
    __tablename__ = "project"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(projects.MAX_LENGTH["title"]))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    stage: Mapped[str] = mapped_column(String(30), index=True)
    stop_reason: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    # Yuan kept as integer fen: exact, with no float rounding (SQLite has no decimal type).
    budget_fen: Mapped[int] = mapped_column(Integer, default=0)
    spent_fen: Mapped[int] = mapped_column(Integer, default=0)
    registered_on: Mapped[date] = mapped_column(Date)
    start_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    accepted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    acceptance_note: Mapped[str] = mapped_column(Text, default="")
    rating_count: Mapped[int] = mapped_column(Integer, default=0)
    # The average rating ×100 (4.35 → 435), exact like money.
    rating_average_centi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    evaluation: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, Computed("title", persisted=True))
    __table_args__ = _live_trash_indexes("project", "registered_on", "search_text")


class ProjectPartyRecord(Base):
    """Initiator, organizer and implementer of a project: a person or an organization."""

    __tablename__ = "project_party"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(projects.PARTY_MAX_LENGTH["name"]))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), nullable=True, index=True
    )


class ProjectNeedRecord(Base):
    __tablename__ = "project_need"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    need_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProjectResourceRecord(Base):
    __tablename__ = "project_resource"
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True
    )
    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resource.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class VisitRecord(Tracked, Base):
    """A reception-day or door-knocking visit."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    resident: Mapped[str] = mapped_column(String(visits.MAX_LENGTH["resident"]))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    phone: Mapped[str] = mapped_column(String(visits.MAX_LENGTH["phone"]), default="")
    building: Mapped[str] = mapped_column(String(visits.MAX_LENGTH["building"]), default="")
    unit: Mapped[str] = mapped_column(String(visits.MAX_LENGTH["unit"]), default="")
    room: Mapped[str] = mapped_column(String(visits.MAX_LENGTH["room"]), default="")
    issue: Mapped[str] = mapped_column(Text, default="")
    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("need_category.id", ondelete="SET NULL"), nullable=True
    )
    handling: Mapped[str] = mapped_column(Text, default="")
    referred_to: Mapped[str | None] = mapped_column(String(30), nullable=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str | None] = mapped_column(String(30), nullable=True)
    # The need this visit became (one action on the visit creates it).
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("need.id", ondelete="SET NULL"), nullable=True, index=True
    )
    search_text: Mapped[str] = mapped_column(
        Text,
        Computed(
            "resident || ' ' || phone || ' ' || building || ' ' || room || ' ' || issue",
            persisted=True,
        ),
    )
    resident_key: Mapped[str] = _sort_key_column("resident")
    __table_args__ = _live_trash_indexes("visit", "visited_on", "search_text")


class MeetingRecord(Tracked, Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(meetings.MAX_LENGTH["title"]))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # UTC
    place: Mapped[str] = mapped_column(String(meetings.MAX_LENGTH["place"]), default="")
    host: Mapped[str] = mapped_column(String(meetings.MAX_LENGTH["host"]), default="")
    recorder: Mapped[str] = mapped_column(String(meetings.MAX_LENGTH["recorder"]), default="")
    # NULL while a draft; set once, when the secretary finalizes the minutes.
    finalized_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    search_text: Mapped[str] = mapped_column(
        Text, Computed("title || ' ' || place || ' ' || host", persisted=True)
    )
    __table_args__ = _live_trash_indexes("meeting", "starts_at", "search_text")


class MeetingParticipantRecord(Base):
    __tablename__ = "meeting_participant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    # Every role of the person, comma-separated, first role first (domain/meetings.py).
    role: Mapped[str] = mapped_column(String(160))
    name: Mapped[str] = mapped_column(String(80))
    organization: Mapped[str] = mapped_column(String(160), default="")
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    phone: Mapped[str] = mapped_column(String(40), default="")
    attendance: Mapped[str] = mapped_column(String(20))


class MeetingTopicRecord(Base):
    __tablename__ = "meeting_topic"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    discussion: Mapped[str] = mapped_column(Text, default="")
    votes_for: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_against: Mapped[int | None] = mapped_column(Integer, nullable=True)
    votes_abstain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    consensus: Mapped[str] = mapped_column(Text, default="")


class MeetingTopicNeedRecord(Base):
    __tablename__ = "meeting_topic_need"
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_topic.id", ondelete="CASCADE"), primary_key=True
    )
    need_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MeetingActionRecord(Base):
    """An action item decided at a meeting; open ones show on the home page."""

    __tablename__ = "meeting_action"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(80), default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("project.id", ondelete="SET NULL"), nullable=True, index=True
    )


class MeetingAmendmentRecord(Base):
    """A dated correction (更正) to final minutes."""

    __tablename__ = "meeting_amendment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    made_on: Mapped[date] = mapped_column(Date)
    made_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DraftRecord(Base):
    """An autosaved form (meeting or visit), kept until it is saved or discarded, so work
    survives a crash."""

    __tablename__ = "draft"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CompactRecord(Tracked, Base):
    """A neighborhood compact (邻里公约); its text lives in its versions."""

    __tablename__ = "compact"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(compacts.VERSION_MAX_LENGTH["title"]))
    search_text: Mapped[str] = mapped_column(Text, Computed("title", persisted=True))
    __table_args__ = _live_trash_indexes("compact", "title")


class CompactVersionRecord(Base):
    """One version of a compact. Once ``adopted_on`` is set the row is never changed again
    (the service refuses; tests check every path)."""

    __tablename__ = "compact_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    compact_id: Mapped[int] = mapped_column(
        ForeignKey("compact.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(compacts.VERSION_MAX_LENGTH["title"]))
    preamble: Mapped[str] = mapped_column(Text, default="")
    # Chapters and their articles as JSON: [{"title": "", "articles": ["…", …]}, …]
    body: Mapped[str] = mapped_column(Text)
    closing: Mapped[str] = mapped_column(Text, default="")
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True
    )
    adopted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    votes_abstain: Mapped[int] = mapped_column(Integer, default=0)
    households: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (UniqueConstraint("compact_id", "number", name="uq_compact_version_number"),)


# --- Partners, committees, federation, self-organizations, talents (migration 0006) -------


class PartnerAgreementRecord(Tracked, Base):
    """A 共建协议 signed with a partner unit (an organization of kind partner_unit)."""

    __tablename__ = "partner_agreement"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    signed_on: Mapped[date] = mapped_column(Date, index=True)
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    content: Mapped[str] = mapped_column(Text, default="")


class PartnerActivityRecord(Tracked, Base):
    """One of the 三个一: a pairing activity, a practical service or a dispute mediation."""

    __tablename__ = "partner_activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))  # PartnerActivityKind
    held_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint("kind IN ('pairing','practical_service','dispute_mediation')", name="kind"),
        Index("ix_partner_activity_org", "organization_id", "held_on"),
        Index("ix_partner_activity_kind", "kind", "held_on"),
    )


class PartnerActivityNeedRecord(Base):
    __tablename__ = "partner_activity_need"
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("partner_activity.id", ondelete="CASCADE"), primary_key=True
    )
    need_id: Mapped[int] = mapped_column(
        ForeignKey("need.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PartnerActivityProjectRecord(Base):
    __tablename__ = "partner_activity_project"
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("partner_activity.id", ondelete="CASCADE"), primary_key=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("project.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CommitteeTermRecord(Base):
    """One term of the owners' committee (业委会换届), with its members."""

    __tablename__ = "committee_term"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    formed_on: Mapped[date] = mapped_column(Date)
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CommitteeMemberRecord(Base):
    __tablename__ = "committee_member"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    term_id: Mapped[int] = mapped_column(
        ForeignKey("committee_term.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(committee.MEMBER_MAX_LENGTH["name"]))
    position: Mapped[str] = mapped_column(
        String(committee.MEMBER_MAX_LENGTH["position"]), default=""
    )  # 主任, 副主任, 委员
    # As at the term's formation: the 50% party-member rule is judged on that day.
    is_party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    position_order: Mapped[int] = mapped_column(Integer, default=0)


class CrossAppointmentRecord(Base):
    """交叉任职: a branch member who also serves on the committee or the property company."""

    __tablename__ = "cross_appointment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    branch_post: Mapped[str] = mapped_column(
        String(committee.APPOINTMENT_MAX_LENGTH["branch_post"]), default=""
    )  # e.g. 支部委员
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    post: Mapped[str] = mapped_column(
        String(committee.APPOINTMENT_MAX_LENGTH["post"]), default=""
    )  # e.g. 业委会副主任
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    until: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class EvaluationRecord(Tracked, Base):
    """The branch's periodic evaluation (评价) of the property company or the committee."""

    __tablename__ = "evaluation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(
        String(committee.EVALUATION_MAX_LENGTH["period"])
    )  # 2026Q3 or 2026
    evaluated_on: Mapped[date] = mapped_column(Date)
    evaluators: Mapped[str] = mapped_column(Text, default="")
    comment: Mapped[str] = mapped_column(Text, default="")


class EvaluationScoreRecord(Base):
    """One named criterion of an evaluation, scored 1–5, with a comment."""

    __tablename__ = "evaluation_score"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    criterion: Mapped[str] = mapped_column(String(committee.SCORE_MAX_LENGTH["criterion"]))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (CheckConstraint("score BETWEEN 1 AND 5", name="score"),)


class PatrolRecord(Tracked, Base):
    """A joint patrol (联合巡查) of the building-leader federation."""

    __tablename__ = "patrol"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    route: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PatrolFindingRecord(Base):
    """Something a patrol found; ``need_id`` once it was registered as a need."""

    __tablename__ = "patrol_finding"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    patrol_id: Mapped[int] = mapped_column(ForeignKey("patrol.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    building: Mapped[str] = mapped_column(
        String(federation.FINDING_MAX_LENGTH["building"]), default=""
    )
    need_id: Mapped[int | None] = mapped_column(
        ForeignKey("need.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class OrganizationMemberRecord(Base):
    """A member of a self-organization (or another organization)."""

    __tablename__ = "organization_member"
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(
        String(self_organizations.MEMBER_MAX_LENGTH["role"]), default=""
    )  # 负责人, 成员
    joined_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class OrganizationActivityRecord(Base):
    """An activity of a self-organization: 开放日, 公益服务, 美食节 …"""

    __tablename__ = "organization_activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(
        String(self_organizations.ACTIVITY_MAX_LENGTH["kind"])
    )  # free text, offered from a starter list
    held_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[str] = mapped_column(Text, default="")
    participant_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    __table_args__ = (Index("ix_organization_activity_org", "organization_id", "held_on"),)


class StationServiceRecord(Base):
    """A rest station's (暖蜂驿站) service log for one month."""

    __tablename__ = "station_service"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    resource_id: Mapped[int] = mapped_column(ForeignKey("resource.id", ondelete="CASCADE"))
    month: Mapped[date] = mapped_column(Date)  # the first day of the month
    riders_served: Mapped[int] = mapped_column(Integer, default=0)
    services: Mapped[str] = mapped_column(Text, default="")  # 热水、充电、休息 …
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("resource_id", "month", name="uq_station_service_month"),)


class TalentCultivationRecord(Base):
    """How a talented resident was cultivated: a training, or a role taken on."""

    __tablename__ = "talent_cultivation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    happened_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # training | role
    description: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (CheckConstraint("kind IN ('training','role')", name="kind"),)


class TalentRightUseRecord(Base):
    """A talented resident's use of one of the four rights, from a meeting, project or
    evaluation (``source`` and ``source_id``) or noted by hand (source 'other')."""

    __tablename__ = "talent_right_use"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = _added_uuid()
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    right: Mapped[str] = mapped_column(String(20))  # TalentRight
    used_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(20))  # meeting | project | evaluation | other
    source_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint(
            "\"right\" IN ('deliberation','suggestion','supervision','evaluation')",
            name="right",
        ),
        CheckConstraint("source IN ('meeting','project','evaluation','other')", name="source"),
    )


class MergeConflictRecord(Base):
    """A record edited on two PCs before their copies were merged: the edit kept and the one
    set aside, so the record's history holds both (the merge report lists them)."""

    __tablename__ = "merge_conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    merged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    record_table: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    kept_side: Mapped[str] = mapped_column(String(10))  # here | there
    kept_values: Mapped[str] = mapped_column(Text)  # JSON of the row kept
    other_values: Mapped[str] = mapped_column(Text)  # JSON of the row set aside ("null": deleted)
    __table_args__ = (CheckConstraint("kept_side IN ('here','there')", name="kept_side"),)


def _keep_name_keys() -> None:
    """Whenever the ORM sets a name, its sort key follows (new records and edits alike)."""
    models = {m.__tablename__: m for m in (PersonRecord, NeedRecord, VisitRecord)}
    for table, (source, key) in NAME_KEYS.items():

        def follow(target, value, _old, _initiator, key: str = key) -> None:
            setattr(target, key, name_key(value or ""))

        event.listen(getattr(models[table], source), "set", follow)


_keep_name_keys()
