"""Dates and times: stored as naive UTC, shown as Shanghai wall-clock time."""

from datetime import date, datetime, timedelta

import pytest

from desktop.domain.dates import (
    SHANGHAI,
    format_date,
    format_local_datetime,
    local_to_utc,
    to_local,
    utc_to_local,
    week_of,
)


def test_local_to_utc_is_eight_hours_earlier() -> None:
    assert local_to_utc(datetime(2026, 11, 25, 14, 30)) == datetime(2026, 11, 25, 6, 30)


def test_local_to_utc_crosses_midnight_backwards() -> None:
    assert local_to_utc(datetime(2026, 1, 1, 2, 0)) == datetime(2025, 12, 31, 18, 0)


def test_utc_to_local_crosses_midnight_forwards() -> None:
    assert utc_to_local(datetime(2025, 12, 31, 18, 0)) == datetime(2026, 1, 1, 2, 0)


def test_results_are_naive() -> None:
    assert local_to_utc(datetime(2026, 6, 1, 9, 0)).tzinfo is None
    assert utc_to_local(datetime(2026, 6, 1, 1, 0)).tzinfo is None


@pytest.mark.parametrize(
    "local",
    [
        datetime(2026, 11, 25, 14, 30),
        datetime(2026, 3, 29, 2, 30),  # Europe's spring-forward night: Shanghai has no DST
        datetime(2026, 10, 25, 2, 30),
        datetime(2024, 2, 29, 23, 59, 59),
        datetime(2026, 1, 1, 0, 0),
    ],
)
def test_round_trip(local: datetime) -> None:
    assert utc_to_local(local_to_utc(local)) == local
    assert local_to_utc(utc_to_local(local)) == local


def test_same_offset_all_year() -> None:
    for month in range(1, 13):
        local = datetime(2026, month, 15, 12, 0)
        assert local - local_to_utc(local) == timedelta(hours=8)


def test_to_local_and_formatting() -> None:
    assert to_local(None) is None
    local = to_local(datetime(2026, 11, 25, 6, 5))
    assert local is not None and (local.hour, local.minute) == (14, 5)
    assert format_local_datetime(datetime(2026, 11, 25, 6, 5)) == "2026年11月25日 14:05"
    assert format_local_datetime(datetime(2026, 11, 24, 16, 0)) == "2026年11月25日 00:00"
    # A time that carries its zone (as the receiver stores it) is converted, not relabelled.
    aware = datetime.fromisoformat("2026-03-31T15:00:00+00:00")
    assert format_local_datetime(aware) == "2026年3月31日 23:00"
    assert format_local_datetime(aware.astimezone(SHANGHAI)) == "2026年3月31日 23:00"
    assert format_local_datetime(None) == ""
    assert format_date(date(2026, 1, 5)) == "2026年1月5日"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 11, 23), date(2026, 11, 23)),  # a Monday
        (date(2026, 11, 25), date(2026, 11, 23)),  # a Wednesday
        (date(2026, 11, 29), date(2026, 11, 23)),  # a Sunday ends the week
        (date(2026, 11, 30), date(2026, 11, 30)),
        (date(2025, 12, 31), date(2025, 12, 29)),  # across the year's end
        (date(2024, 3, 1), date(2024, 2, 26)),  # across February 29
    ],
)
def test_week_of(day: date, monday: date) -> None:
    first, last = week_of(day)
    assert first == monday
    assert last == monday + timedelta(days=6)
    assert first.weekday() == 0 and last.weekday() == 6
    assert first <= day <= last
