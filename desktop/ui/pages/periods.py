"""The date-range filter offered on the lists: all, last 30 days, this quarter, this year."""

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox

from desktop.ui.i18n import translate


def period_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(translate("Periods", "Any date"), None)
    combo.addItem(translate("Periods", "Last 30 days"), "30d")
    combo.addItem(translate("Periods", "This quarter"), "quarter")
    combo.addItem(translate("Periods", "This year"), "year")
    return combo


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
