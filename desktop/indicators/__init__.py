"""The indicators (统计): the street office's figures for one period, counted from the records.

Every figure is one SQL query over plain columns (source.py), written once and run on any
sqlite3 connection: the app's own database (desktop/services/indicators.py hands over one of
its connections), a data file opened read-only (`shuren indicators`), or a branch's copy the
street office opened its own way (desktop/sync/receiver/report.py). The periods and written
definitions are in desktop/domain/indicators.py.

No Qt and no SQLAlchemy here, nothing of ours but the domain and the leaf helpers: the street
office's receiver, which runs without PySide6, counts with this package.
"""

from desktop.indicators.figures import Indicators, compute, figure_text, trend
from desktop.indicators.records import IndicatorRecord, records
from desktop.indicators.workbook import (
    ExportError,
    Sheet,
    export_indicators,
    indicator_sheets,
    write_workbook,
)

__all__ = [
    "ExportError",
    "IndicatorRecord",
    "Indicators",
    "Sheet",
    "compute",
    "export_indicators",
    "figure_text",
    "indicator_sheets",
    "records",
    "trend",
    "write_workbook",
]
