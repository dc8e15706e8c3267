"""Import: a ledger read, every row checked, and written in one transaction only when no row
is bad (or not at all, for a dry run)."""

import itertools
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.domain.audit import AuditEvent, Outcome
from desktop.domain.ledger import Column, LedgerKind
from desktop.services import audit
from desktop.services import ledger as package  # its CHUNK, read when called
from desktop.services.ledger.common import (
    Cancelled,
    ImportReport,
    LedgerCancelled,
    Progress,
    spec_of,
)
from desktop.services.ledger.importer import Importer
from desktop.services.ledger.need_importer import NeedImporter
from desktop.services.ledger.parse import (
    ParsedRow,
    header_columns,
    look_for_a_lower_header,
    parse_row,
)
from desktop.services.ledger.project_importer import ProjectImporter
from desktop.services.ledger.reading import open_sheet, read_rows
from desktop.services.ledger.resource_importer import ResourceImporter
from desktop.services.xlsx import Row as XlsxRow
from desktop.store.database import Database

IMPORTERS: dict[LedgerKind, type[Importer]] = {
    LedgerKind.NEEDS: NeedImporter,
    LedgerKind.RESOURCES: ResourceImporter,
    LedgerKind.PROJECTS: ProjectImporter,
}


class _Abort(Exception):
    """Roll the import's transaction back (bad rows, or a dry run)."""


def import_ledger(
    db: Database,
    kind: LedgerKind | str,
    path: Path | str,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Read a ledger and create or update records: a row whose 编号 is known updates that
    record, any other row creates one (keeping a well-formed 编号 as its uuid). Every row is
    checked; if any is bad, or with ``dry_run``, nothing is written. Raises LedgerFileError
    when the file is not a readable .xlsx workbook or breaks one of the limits of
    :mod:`desktop.services.xlsx`."""
    spec = spec_of(kind)
    report = ImportReport(spec.kind, dry_run=dry_run)
    with open_sheet(path, spec) as (book, sheet, total):
        report.sheet = sheet.title
        rows = read_rows(book, sheet, path)
        first = next(rows, None)
        if first is not None and first[0] != 1:  # row 1 is empty: no header
            rows = itertools.chain([first], rows)
            first = None
        columns, report.errors = header_columns(spec, sheet.title, first[1] if first else {})
        if report.errors:
            if not columns:
                look_for_a_lower_header(spec, sheet.title, rows, report)
            _note_import(db, report)
            return report
        importer = IMPORTERS[spec.kind](db, spec, sheet.title, report)
        try:
            with db.transaction(), db.session() as s:
                _import_rows(s, importer, columns, rows, total, progress, cancelled)
                if report.errors or dry_run:
                    raise _Abort
        except _Abort:
            pass
    _note_import(db, report)
    if report.errors:
        report.created = report.updated = report.unchanged = 0
    if progress is not None:
        progress(report.rows, report.rows)
    return report


def _note_import(db: Database, report: ImportReport) -> None:
    """The audit log notes a ledger read in (its rows) or refused (its errors); a dry run
    writes nothing and is not noted."""
    kind = report.kind.value
    if report.errors:
        errors = len(report.errors)
        audit.record(
            db.path.parent, AuditEvent.LEDGER_IMPORT, Outcome.REFUSED, kind=kind, errors=errors
        )
    elif not report.dry_run:
        audit.record(db.path.parent, AuditEvent.LEDGER_IMPORT, kind=kind, count=report.rows)


def _import_rows(
    s: Session,
    importer: Importer,
    columns: dict[int, Column],
    rows: Iterator[XlsxRow],
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    """Every data row parsed, and handed to the importer a chunk at a time."""
    chunk_size = package.CHUNK
    spec, sheet, report = importer.spec, importer.sheet, importer.report
    importer.start(s)
    chunk: list[ParsedRow] = []
    for done, (number, values) in enumerate(rows, start=1):
        row = parse_row(spec, sheet, columns, number, values, report)
        if row is not None:
            chunk.append(row)
        if len(chunk) >= chunk_size:
            importer.process(s, chunk)
            chunk = []
        if done % chunk_size == 0:
            if cancelled is not None and cancelled():
                raise LedgerCancelled
            if progress is not None:
                progress(done, max(total, done))
    if chunk:
        importer.process(s, chunk)
