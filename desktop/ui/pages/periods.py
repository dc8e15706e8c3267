"""The date-range filter offered on the lists: all, last 30 days, this quarter, this year."""

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.store.database import Database
from desktop.ui.i18n import translate
from desktop.ui.pages.list_page import Filter


def _periods(_db: Database) -> list[tuple[str, str]]:
    return [
        (translate("Periods", "Last 30 days"), "30d"),
        (translate("Periods", "This quarter"), "quarter"),
        (translate("Periods", "This year"), "year"),
    ]


def _set_registered(query: Any, key: str | None) -> None:
    query.registered_from, query.registered_to = period_range(key)


# The filter on the date a record was registered.
REGISTERED = Filter(
    "period_filter",
    QT_TRANSLATE_NOOP("Periods", "Any date"),
    _periods,
    _set_registered,
    context="Periods",
)


def period_range(key: str | None, today: date | None = None) -> tuple[date | None, date | None]:
    today = today or date.today()
    if key == "30d":
        return today - timedelta(days=30), today
    if key == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        return date(today.year, first_month, 1), today
    if key == "year":
        return date(today.year, 1, 1), today
    return None, None
