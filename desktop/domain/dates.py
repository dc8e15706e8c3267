"""Dates and times: stored in naive UTC, shown in Asia/Shanghai as 2026年11月25日."""

from datetime import UTC, date, datetime, timedelta, timezone

# China has one offset all year (no daylight saving), so no tz database is needed on Windows.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")


def to_local(value: datetime | None) -> datetime | None:
    """Shanghai time of a stored naive-UTC time, or of any time that carries its zone."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(SHANGHAI)


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def format_local_datetime(value: datetime | None) -> str:
    """A time as the secretary reads it, in Beijing time: 2026年11月25日 14:05."""
    local = to_local(value)
    if local is None:
        return ""
    return f"{format_date(local)} {local:%H:%M}"


def local_to_utc(value: datetime) -> datetime:
    """A wall-clock time the secretary typed (Shanghai) → naive UTC for storage."""
    return value.replace(tzinfo=SHANGHAI).astimezone(UTC).replace(tzinfo=None)


def utc_to_local(value: datetime) -> datetime:
    """Stored naive UTC → the naive Shanghai wall-clock time shown and printed."""
    return value.replace(tzinfo=UTC).astimezone(SHANGHAI).replace(tzinfo=None)


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of ``day``'s week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def utcnow() -> datetime:
    """Naive UTC: SQLite has no time zones; the UI converts to Asia/Shanghai."""
    return datetime.now(UTC).replace(tzinfo=None)
