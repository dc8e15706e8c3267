"""统计: the branch's figures for a quarter or a year, each with its written definition and the
records behind it; charts of needs by category and status and the year's quarterly trend;
“导出 Excel”. Everything is computed on a pool thread (run_task), never on the GUI thread."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.indicators import (
    COUNT_KEYS,
    DEFINITIONS,
    Period,
    PeriodKind,
    current_period,
    format_change,
    parse_period,
)
from desktop.domain.needs import NeedStatus
from desktop.indicators import ExportError, Indicators, export_indicators
from desktop.services.indicators import compute_indicators, indicator_records, trend
from desktop.ui.context import AppContext
from desktop.ui.dialogs.indicator_records import IndicatorRecordsDialog
from desktop.ui.figure_cards import FigureCard
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.i18n import translate
from desktop.ui.indicator_charts import CategoryChart, StatusChart, TrendChart
from desktop.ui.labels import need_status_label
from desktop.ui.messages import unexpected_error_text
from desktop.ui.tasks import run_task

# Every whole-number figure is a card, in the order of the reform's own report (the order of
# INDICATOR_KEYS); the change is a note on the property-disputes card, the breakdowns are charts.
CARD_KEYS = COUNT_KEYS
TREND_KEYS = (
    "meetings_held",
    "problems_solved",
    "consensus_reached",
    "pairing_activities",
    "practical_services",
)
FIRST_YEAR = 2021  # the reform's report counts from 2021
SAME_PERIOD_LAST_YEAR, PREVIOUS_PERIOD = "last_year", "previous"
CARD_WIDTH_EM = 17  # a card is at least this many characters wide; columns follow the width
# Sizes follow the application font (no pt here), so 特大 scales the cards too.
PAGE_STYLE = """
QFrame#figureCard { background: #fbfaf8; border: 1px solid #ddd; border-radius: 6px; }
QFrame#figureCard:hover { border-color: #c0392b; }
QFrame#figureCard:focus { border: 2px solid #c0392b; }
QLabel#figureTitle { color: #333; font-weight: bold; }
QLabel#figureNumber { color: #222; }
QLabel#figureNote { color: #0b4f9c; }
QLabel#figureSummary { color: #555; }
QLabel#chartCaption { color: #555; }
"""


def same_period_last_year(period: Period) -> Period:
    if period.kind is PeriodKind.YEAR:
        return Period.year(period.start.year - 1)
    return Period.quarter(period.start.year - 1, (period.start.month - 1) // 3 + 1)


def change_text(pct: float | None, baseline: Period) -> str:
    """较2025年第三季度：下降 65.1% — the domain's words for the change, with the baseline."""
    return translate("StatisticsPage", "Against {baseline}: {change}").format(
        baseline=baseline.title, change=format_change(pct)
    )


def status_caption(period: Period, resolved: int, solved: int) -> str:
    """Under the status chart: what its 已解决 counts, what the 解决问题 card counts, which to
    report (their definitions differ: registered in the period, against resolved in it)."""
    return translate(
        "StatisticsPage",
        "This chart counts the needs registered in {period} by the status they have now: "
        "{resolved_label} {resolved} of them are resolved. The card {solved_title} ({solved}) "
        "counts every need marked resolved in {period}, whenever it was registered. To report "
        "the problems solved to the street office, use {solved_title}.",
    ).format(
        period=period.title,
        resolved_label=need_status_label(NeedStatus.RESOLVED),
        resolved=resolved,
        solved_title=DEFINITIONS["problems_solved"].title,
        solved=solved,
    )


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


def beside(*widgets: QWidget) -> QWidget:
    """Widgets side by side that wrap as one (a label and its drop-downs)."""
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group


class StatisticsPage(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.indicators: Indicators | None = None
        self.computing = False
        self.exporting = False
        self._generation = 0  # a result for an older choice of period is dropped
        self._stale = False
        self.records_dialog: IndicatorRecordsDialog | None = None
        self.setStyleSheet(PAGE_STYLE)

        # Built in the order they appear on the page: Tab walks them so.
        self._build_choices()
        bar = self._choice_bar()
        self._build_cards()
        charts = self._build_charts()
        self._lay_out(bar, charts)

        self._place_cards()
        self._fill_periods()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.baseline_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        # Several kinds often change together: one recomputation for the lot.
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)
        ctx.events.data_changed.connect(lambda _kind: self._debounce.start())
        self.recompute()

    def _build_choices(self) -> None:
        """Quarter or year, which one, what the disputes are compared with; 导出 Excel."""
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(translate("StatisticsPage", "Quarter"), "quarter")
        self.kind_combo.addItem(translate("StatisticsPage", "Year"), "year")
        self.period_combo = QComboBox()
        self.baseline_combo = QComboBox()
        self.baseline_combo.setToolTip(
            translate(
                "StatisticsPage",
                "The period the property disputes of the chosen period are compared with",
            )
        )
        self.export_button = QPushButton(translate("StatisticsPage", "Export the figures to Excel"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_export)
        self.status = QLabel()
        self.status.setObjectName("formNote")
        self.status.setWordWrap(True)

    def _choice_bar(self) -> FlowLayout:
        # The choices wrap to a second line on a narrow window at 特大 rather than widen the
        # page past the screen; each label stays with its drop-downs.
        bar = FlowLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(
            beside(
                QLabel(translate("StatisticsPage", "Period")), self.kind_combo, self.period_combo
            )
        )
        bar.addWidget(
            beside(
                QLabel(translate("StatisticsPage", "Property disputes compared with")),
                self.baseline_combo,
            )
        )
        bar.addWidget(self.export_button)
        return bar

    def _build_cards(self) -> None:
        """One card per figure; a click lists the records behind it."""
        self.cards = {key: FigureCard(key, DEFINITIONS[key]) for key in CARD_KEYS}
        for card in self.cards.values():
            card.activated.connect(self.show_records)
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(10)
        self._columns = 0

    def _build_charts(self) -> QHBoxLayout:
        """Needs by category beside needs by status (with its caption); a click on a bar
        lists its needs. The trend chart goes below them."""
        self.category_chart = CategoryChart()
        self.status_chart = StatusChart()
        self.trend_chart = TrendChart()
        self.category_chart.group_activated.connect(
            lambda name: self.show_records("needs_by_category", name)
        )
        self.status_chart.group_activated.connect(
            lambda status: self.show_records("needs_by_status", status)
        )
        # The status chart and the 解决问题 card count resolved needs differently: the caption
        # says how, with both numbers, and which one goes to the street office.
        self.status_caption = QLabel()
        self.status_caption.setObjectName("chartCaption")
        self.status_caption.setWordWrap(True)
        self.status_caption.setTextFormat(Qt.TextFormat.PlainText)
        status = QVBoxLayout()
        status.addWidget(self.status_chart, 1)
        status.addWidget(self.status_caption)
        charts = QHBoxLayout()
        charts.addWidget(self.category_chart, 3)
        charts.addLayout(status, 2)
        return charts

    def _lay_out(self, bar: FlowLayout, charts: QHBoxLayout) -> None:
        """The choices and the status line above; cards and charts scroll beneath."""
        content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(self.card_grid)
        body.addLayout(charts)
        body.addWidget(self.trend_chart)
        body.addStretch()
        # Scrolls rather than squeezes: at 特大 the cards and charts keep their full height.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        self.scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)

    # -- the period and the baseline --------------------------------------------------------
    def period(self) -> Period:
        return parse_period(self.period_combo.currentData())

    def baseline(self) -> Period:
        period = self.period()
        if self.baseline_combo.currentData() == SAME_PERIOD_LAST_YEAR:
            return same_period_last_year(period)
        return period.previous()

    def select_period(self, text: str) -> None:
        """Choose a period by its code (2026Q3 or 2026), as the chooser would."""
        kind = "quarter" if "Q" in text.upper() else "year"
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
        index = self.period_combo.findData(text.upper())
        if index < 0:
            raise ValueError(f"period {text} is not offered")
        self.period_combo.setCurrentIndex(index)

    def _fill_periods(self) -> None:
        kind = self.kind_combo.currentData()
        current = current_period(self.today, kind)
        first = min(FIRST_YEAR, current.start.year)
        if kind == "year":
            codes = [str(y) for y in range(current.start.year, first - 1, -1)]
        else:
            last = (current.start.year, (current.start.month - 1) // 3 + 1)
            codes = [
                f"{y}Q{q}"
                for y in range(last[0], first - 1, -1)
                for q in range(4, 0, -1)
                if (y, q) <= last
            ]
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for code in codes:
            self.period_combo.addItem(parse_period(code).title, code)
        self.period_combo.setCurrentIndex(0)  # the current quarter or year
        self.period_combo.blockSignals(False)
        self._fill_baselines()

    def _fill_baselines(self) -> None:
        """上一期 by default, as the written definition of the change says; for a quarter the
        same quarter a year earlier can be chosen instead (for a year the two are the same)."""
        period = self.period()
        chosen = self.baseline_combo.currentData() or PREVIOUS_PERIOD
        self.baseline_combo.blockSignals(True)
        self.baseline_combo.clear()
        self.baseline_combo.addItem(
            translate("StatisticsPage", "Previous period ({period})").format(
                period=period.previous().title
            ),
            PREVIOUS_PERIOD,
        )
        if period.kind is PeriodKind.QUARTER:
            self.baseline_combo.addItem(
                translate("StatisticsPage", "Same quarter last year ({period})").format(
                    period=same_period_last_year(period).title
                ),
                SAME_PERIOD_LAST_YEAR,
            )
        self.baseline_combo.setCurrentIndex(max(0, self.baseline_combo.findData(chosen)))
        self.baseline_combo.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_periods()
        self.recompute()

    def _period_changed(self) -> None:
        self._fill_baselines()
        self.recompute()

    # -- computing ---------------------------------------------------------------------------
    def reload(self) -> None:
        """The records changed: recompute now if the page is on screen, else when shown."""
        if self.isVisible():
            self.recompute()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.recompute()
        super().showEvent(event)

    def recompute(self) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        period, baseline = self.period(), self.baseline()
        db = self.ctx.db
        self.computing = True
        self.export_button.setEnabled(False)
        self.status.setText(translate("StatisticsPage", "Counting…"))

        def work() -> tuple[Indicators, dict[str, list[int]]]:
            return compute_indicators(db, period, baseline), trend(db, period.start.year)

        run_task(
            work,
            lambda result: self._computed(generation, *result),
            lambda exc: self._failed(generation, exc),
        )

    def _computed(
        self, generation: int, indicators: Indicators, by_quarter: dict[str, list[int]]
    ) -> None:
        if generation != self._generation:
            return
        self.computing = False
        self.indicators = indicators
        period, baseline = self.period(), self.baseline()
        for key, card in self.cards.items():
            note = ""
            if key == "property_disputes":
                note = change_text(indicators.property_disputes_change_pct, baseline)
            card.set_value(getattr(indicators, key), note)
        shown = period.title
        self.category_chart.set_data(
            dict(indicators.needs_by_category),
            translate("StatisticsPage", "Needs by category, {period}").format(period=shown),
        )
        total = sum(indicators.needs_by_status.values())
        self.status_chart.set_data(
            dict(indicators.needs_by_status),
            translate(
                "StatisticsPage", "Needs registered in {period}, by status now ({count} in all)"
            ).format(period=shown, count=total),
        )
        resolved = indicators.needs_by_status.get(NeedStatus.RESOLVED.value, 0)
        self.status_caption.setText(status_caption(period, resolved, indicators.problems_solved))
        year = period.start.year
        self.trend_chart.set_data(
            {key: list(by_quarter[key]) for key in TREND_KEYS},
            {key: DEFINITIONS[key].title for key in TREND_KEYS},
            translate("StatisticsPage", "Quarter by quarter, {year}").format(
                year=Period.year(year).title
            ),
        )
        self.export_button.setEnabled(not self.exporting)
        self.status.setText(
            translate(
                "StatisticsPage",
                "Figures for {period}. Click a figure or a bar to see the records behind it.",
            ).format(period=shown)
        )

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.computing = False
        self.status.setText(unexpected_error_text(exc))

    # -- the records behind a figure ---------------------------------------------------------
    def show_records(self, key: str, group: str | None = None) -> None:
        period, baseline = self.period(), self.baseline()
        db = self.ctx.db
        if key == "needs_by_category":
            what = translate("StatisticsPage", "Needs of category {name}").format(name=group)
        elif key == "needs_by_status" and group is not None:
            what = translate("StatisticsPage", "Needs with status {name}").format(
                name=need_status_label(NeedStatus(group))
            )
        else:
            what = DEFINITIONS[key].title
        title = f"{what} · {period.title}"
        if self.records_dialog is not None:
            self.records_dialog.close()
        self.records_dialog = IndicatorRecordsDialog(
            title,
            lambda: indicator_records(db, key, period, baseline, group=group),
            self.ctx.events.record_requested.emit,
            self,
        )
        self.records_dialog.show()

    # -- export ------------------------------------------------------------------------------
    def choose_export(self) -> None:
        if self.indicators is None:
            return
        name = translate("StatisticsPage", "Figures {period}").format(
            period=self.indicators.period.title
        )
        path, _filter = QFileDialog.getSaveFileName(
            self,
            translate("StatisticsPage", "Export the figures to Excel"),
            str(_documents() / f"{name}.xlsx"),
            translate("StatisticsPage", "Excel workbook (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path).with_suffix(".xlsx"))

    def export_to(self, path: Path) -> None:
        indicators = self.indicators
        if indicators is None:
            return
        self.exporting = True
        self.export_button.setEnabled(False)
        run_task(
            lambda: export_indicators(path, indicators),
            lambda written: self._exported(Path(written)),
            lambda exc: self._export_failed(path, exc),
        )

    def _exported(self, path: Path) -> None:
        self.exporting = False
        self.export_button.setEnabled(not self.computing)
        self.status.setText(translate("StatisticsPage", "Exported to {path}.").format(path=path))

    def _export_failed(self, path: Path, exc: Exception) -> None:
        self.exporting = False
        self.export_button.setEnabled(not self.computing)
        if isinstance(exc, ExportError):
            text = str(exc)  # the service's Chinese sentence: what happened, what to do
        elif isinstance(exc, OSError):
            text = translate(
                "StatisticsPage",
                'The file "{path}" could not be written. If it is open in Excel, close it and '
                "export again; or choose another folder.",
            ).format(path=path)
        else:
            text = unexpected_error_text(exc)
        QMessageBox.warning(self, translate("StatisticsPage", "Export the figures to Excel"), text)

    # -- layout ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._place_cards()  # the viewport's own width, once the layout has set it
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._place_cards()  # 特大 makes cards wider: fewer of them to a row
        super().changeEvent(event)

    def _place_cards(self) -> None:
        """As many columns as fit at the current text size, so no card is squeezed."""
        card_width = CARD_WIDTH_EM * self.fontMetrics().horizontalAdvance("国")
        width = self.scroll.viewport().width() - 20
        columns = max(1, min(4, width // max(1, card_width)))
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self.card_grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self.card_grid.addWidget(card, i // columns, i % columns)
        for column in range(4):
            self.card_grid.setColumnStretch(column, 1 if column < columns else 0)
