"""Ledgers (台账): the three lists exported to Excel and imported back, in the same format.

Export streams the rows into a workbook made by openpyxl (write-only), under a temporary name
that replaces the target only when complete. Import checks every row and writes in one
transaction, only when no row is bad: an import with one bad row writes nothing; it reads the
workbook with desktop.services.xlsx, within limits that refuse a hostile file. Both report
progress as ``progress(done, total)`` and can be stopped with ``cancelled()``, which raises
:class:`LedgerCancelled`.

The parts: common (errors, ImportReport), records (reading the database), sheet_writer and
export, reading (opening a file) and parse (its header and cells), importer and one importer
per kind with importing (the run), report (the import report workbook).
"""

from desktop.services.ledger.common import (
    ERROR_HEADER,
    ERROR_SHEET,
    RESULT_SHEET,
    Cancelled,
    ImportReport,
    LedgerCancelled,
    LedgerFileError,
    Progress,
    RowError,
)
from desktop.services.ledger.export import export_ledger
from desktop.services.ledger.importing import import_ledger
from desktop.services.ledger.project_importer import ROLE_FIELDS
from desktop.services.ledger.reading import probe_ledger
from desktop.services.ledger.records import iter_records
from desktop.services.ledger.report import save_report

# Rows between progress reports, cancel checks and batched look-ups. The parts read it from
# here when they run, so that one setting (a test's too) governs them all.
CHUNK = 500

__all__ = [
    "CHUNK",
    "ERROR_HEADER",
    "ERROR_SHEET",
    "RESULT_SHEET",
    "ROLE_FIELDS",
    "Cancelled",
    "ImportReport",
    "LedgerCancelled",
    "LedgerFileError",
    "Progress",
    "RowError",
    "export_ledger",
    "import_ledger",
    "iter_records",
    "probe_ledger",
    "save_report",
]
