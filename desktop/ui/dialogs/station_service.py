"""Log a month of a 暖蜂驿站's service: riders served, what was offered, a note. A month
already logged is updated, never doubled."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QSpinBox, QWidget

from desktop.domain.stations import StationMonth, clean_station_month, validate_station_month
from desktop.services import stations
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordDialog
from desktop.ui.i18n import translate


class StationMonthDialog(RecordDialog):
    validate = validate_station_month
    save_record = stations.save_month

    starts_in = "riders_served"

    def __init__(
        self, ctx: AppContext, entry: StationMonth, station: str, parent: QWidget | None = None
    ) -> None:
        title = translate("StationMonthDialog", "Monthly service log: {station}")
        super().__init__(ctx, entry, parent, title=title.format(station=station))

    def build(self) -> None:
        entry = self.record
        self.month = QDateEdit(QDate(entry.month), calendarPopup=True, displayFormat="yyyy年M月")
        self.riders = QSpinBox(minimum=0, maximum=1_000_000)
        self.riders.setValue(entry.riders_served)
        self.riders.setSuffix(translate("StationMonthDialog", " riders"))
        self.services = text_box(entry.services, 48)
        self.services.setPlaceholderText(
            translate("StationMonthDialog", "e.g. hot water, phone charging, rest, first aid")
        )
        self.note = text_box(entry.note, 48)
        self.add_field("month", translate("StationMonthDialog", "Month"), self.month, True)
        self.add_field(
            "riders_served",
            translate("StationMonthDialog", "Riders served"),
            self.riders,
            True,
            checked=True,
        )
        self.add_field("services", translate("StationMonthDialog", "Services"), self.services)
        self.add_field("note", translate("StationMonthDialog", "Note"), self.note)

    def current(self) -> StationMonth:
        month: date = self.month.date().toPython()
        return clean_station_month(
            self.edited(
                month=month,
                riders_served=self.riders.value(),
                services=self.services.toPlainText(),
                note=self.note.toPlainText(),
            )
        )
