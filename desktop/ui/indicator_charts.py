"""The charts of the 统计 page (QtCharts): needs by category (horizontal bars, the category
names readable on the left), needs by status (bars named with the status and the count,
so colour is never the only signal) and the year's quarterly trend (grouped bars).

Every chart takes its fonts from the widget, i.e. the application font with the bundled CJK
families, and follows 设置 → 特大; QtCharts' themes would otherwise pick their own fonts, which
draw boxes on a PC with no Chinese font."""

from html import escape

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from desktop.domain.needs import NeedStatus
from desktop.ui.i18n import translate
from desktop.ui.labels import need_status_label

CATEGORY_COLOUR = QColor("#3b6ea5")
# Status colours after the list pages' tones (waiting grey, in progress blue, done green).
STATUS_COLOURS = {
    NeedStatus.PENDING: QColor("#9e9e9e"),
    NeedStatus.IN_PROGRESS: QColor("#3b7dd8"),
    NeedStatus.RESOLVED: QColor("#3a9a4f"),
    NeedStatus.REFERRED: QColor("#e0a030"),
    NeedStatus.REJECTED: QColor("#5f5f5f"),
}
# Okabe–Ito: told apart by most people with colour-blindness; the legend names each one.
TREND_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9")


def integer_axis(maximum: int) -> QValueAxis:
    """A value axis of whole numbers with a little room above the longest bar for its label."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    top = max(1, maximum)
    if top <= 8:
        axis.setRange(0, top + 1)
        axis.setTickCount(top + 2)
    else:
        axis.setRange(0, top * 1.15)
        axis.applyNiceNumbers()
    return axis


def counted_by(
    series: QAbstractBarSeries, names: list[str], title: str, top: int, *, sideways: bool = False
) -> None:
    """The series' bars named along one axis and counted in whole numbers (``title``, up to
    ``top``) along the other: names at the bottom, or at the left when ``sideways``."""
    chart = series.chart()
    categories = QBarCategoryAxis()
    categories.append(names)
    counts = integer_axis(top)
    counts.setTitleText(title)
    left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
    chart.addAxis(categories, left if sideways else bottom)
    chart.addAxis(counts, bottom if sideways else left)
    series.attachAxis(categories)
    series.attachAxis(counts)


class _Chart(QChartView):
    """A chart view whose texts use the widget's font, re-applied when the text size changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart().setMargins(QMargins(4, 4, 4, 4))
        self.chart().legend().setVisible(False)
        # Not a Tab stop: its bars answer the mouse only; the figure cards above list the same
        # records from the keyboard (and a screen reader still finds the chart by its title).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.apply_fonts()
        super().changeEvent(event)

    def title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def apply_fonts(self) -> None:
        chart = self.chart()
        chart.setTitleFont(self.title_font())
        chart.legend().setFont(self.font())
        for axis in chart.axes():
            axis.setLabelsFont(self.font())
            axis.setTitleFont(self.font())
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries):
                for bar_set in series.barSets():
                    bar_set.setLabelFont(self.font())
        line = self.fontMetrics().height()
        self.setMinimumHeight(self.minimum_lines() * line)

    def minimum_lines(self) -> int:
        return 16

    def _reset(self, title: str) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(title)
        self.setAccessibleName(title)
        return chart


class CategoryChart(_Chart):
    """Needs by category. ``group_activated(category)`` when a bar is clicked."""

    group_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.categories: list[str] = []
        self.bar_set: QBarSet | None = None

    def set_data(self, counts: dict[str, int], title: str) -> None:
        chart = self._reset(title)
        # Horizontal bars are drawn bottom-up: reverse so the list's first category is on top.
        self.categories = list(reversed(counts))
        self.bar_set = QBarSet(translate("IndicatorCharts", "Needs"))
        self.bar_set.append([float(counts[c]) for c in self.categories])
        self.bar_set.setColor(CATEGORY_COLOUR)
        self.bar_set.setLabelColor(QColor("#222222"))
        self.bar_set.clicked.connect(self._clicked)
        series = QHorizontalBarSeries()
        series.append(self.bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        names = QBarCategoryAxis()
        # Axis labels are rich text: a category called "<b>" would turn bold and vanish.
        names.append([escape(c, quote=False) for c in self.categories])
        values = integer_axis(max(counts.values(), default=0))
        values.setTitleText(translate("IndicatorCharts", "Number of needs"))
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        self.apply_fonts()

    def minimum_lines(self) -> int:
        return max(14, 2 * len(self.categories) + 6)

    def bar_set_values(self) -> list[int]:
        """The bars' lengths, in the order of ``categories``."""
        if self.bar_set is None:
            return []
        return [int(self.bar_set.at(i)) for i in range(self.bar_set.count())]

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.categories):
            self.group_activated.emit(self.categories[index])


class StatusChart(_Chart):
    """Needs by status: one bar per status in the status's colour; the axis says the status and
    its count (待受理 8), so the colour is never the only signal. Each status is its own bar
    set (stacked, zero elsewhere) so that each bar can have its own colour.
    ``group_activated(status value)`` when a bar is clicked."""

    group_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: QHorizontalStackedBarSeries | None = None
        self.names: list[str] = []

    def set_data(self, counts: dict[str, int], title: str) -> None:
        chart = self._reset(title)
        statuses = list(reversed(NeedStatus))  # drawn bottom-up: 待受理 on top
        numbers = [counts.get(s.value, 0) for s in statuses]
        self.names = [
            translate("IndicatorCharts", "{status}: {count}").format(
                status=need_status_label(s), count=n
            )
            for s, n in zip(statuses, numbers, strict=True)
        ]
        self.series = QHorizontalStackedBarSeries()
        for i, status in enumerate(statuses):
            bar_set = QBarSet(need_status_label(status))
            bar_set.append([float(numbers[i]) if j == i else 0.0 for j in range(len(statuses))])
            bar_set.setColor(STATUS_COLOURS[status])
            bar_set.clicked.connect(lambda _index, s=status.value: self.group_activated.emit(s))
            self.series.append(bar_set)
        self.series.setBarWidth(0.6)
        chart.addSeries(self.series)
        counted_by(
            self.series,
            self.names,
            translate("IndicatorCharts", "Number of needs"),
            max(numbers, default=0),
            sideways=True,
        )
        self.apply_fonts()


class TrendChart(_Chart):
    """The year's figures quarter by quarter, one coloured bar per figure, named in the legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: QBarSeries | None = None
        self.quarters: list[str] = []
        self.chart().legend().setVisible(True)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def set_data(self, values: dict[str, list[int]], names: dict[str, str], title: str) -> None:
        """``values``: key → Q1..Q4 counts; ``names``: key → the figure's title (legend)."""
        chart = self._reset(title)
        self.series = QBarSeries()
        for colour, (key, counts) in zip(TREND_COLOURS, values.items(), strict=False):
            bar_set = QBarSet(names[key])
            bar_set.append([float(v) for v in counts])
            bar_set.setColor(QColor(colour))
            bar_set.setLabelColor(QColor("#222222"))
            self.series.append(bar_set)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        chart.addSeries(self.series)
        self.quarters = [
            translate("IndicatorCharts", "Q1"),
            translate("IndicatorCharts", "Q2"),
            translate("IndicatorCharts", "Q3"),
            translate("IndicatorCharts", "Q4"),
        ]
        top = max((max(v, default=0) for v in values.values()), default=0)
        counted_by(self.series, self.quarters, translate("IndicatorCharts", "Count"), top)
        self.apply_fonts()

    def minimum_lines(self) -> int:
        return 20
