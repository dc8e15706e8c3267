"""SQLAlchemy models. Every change here needs a migration in migrations/versions."""

import uuid as uuid_module
from datetime import UTC, date, datetime

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
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints so that Alembic's batch mode can find and alter them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC: SQLite has no time zones; the UI converts to Asia/Shanghai."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class NeighborhoodRecord(Base):
    """The one neighborhood this copy of the app serves (a single row, id 1)."""

    __tablename__ = "neighborhood"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    community: Mapped[str] = mapped_column(String(80), default="")
    street: Mapped[str] = mapped_column(String(80), default="")


class GridRecord(Base):
    __tablename__ = "grid"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class BuildingRecord(Base):
    __tablename__ = "building"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    grid_id: Mapped[int | None] = mapped_column(
        ForeignKey("grid.id", ondelete="SET NULL"), nullable=True
    )
    unit_count: Mapped[int] = mapped_column(Integer, default=1)


class PersonRecord(Base):
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(80))
    phone: Mapped[str] = mapped_column(String(40), default="")
    building_id: Mapped[int | None] = mapped_column(
        ForeignKey("building.id", ondelete="SET NULL"), nullable=True, index=True
    )
    unit: Mapped[str] = mapped_column(String(40), default="")
    room: Mapped[str] = mapped_column(String(40), default="")
    is_party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    skills: Mapped[str] = mapped_column(Text, default="")
    # Comma-separated TalentRight values; only meaningful for talented residents.
    talent_rights: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Set when moved to the trash (回收站); NULL for a live record.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # What the search box looks in, kept by SQLite itself: one column to scan instead of
    # three halves the time of a 1–2 character search at 100,000 people.
    search_text: Mapped[str] = mapped_column(
        Text, Computed("name || ' ' || phone || ' ' || room", persisted=True)
    )

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
    )


class PersonRoleRecord(Base):
    __tablename__ = "person_role"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(40), primary_key=True)
    __table_args__ = (Index("ix_person_role_role", "role", "person_id"),)


class OrganizationRecord(Base):
    __tablename__ = "organization"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(160))
    contact_name: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # The owners' committee's term of office (业委会任期).
    term_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    term_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    __table_args__ = (
        CheckConstraint(
            "kind IN ('property_company','owners_committee','self_organization','partner_unit')",
            name="kind",
        ),
    )
