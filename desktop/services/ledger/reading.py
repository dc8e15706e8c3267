"""Opening a ledger to import: the workbook, the ledger's sheet in it and its rows, read with
:mod:`desktop.services.xlsx`; a file that is not a readable workbook, or breaks one of its
limits, is a LedgerFileError."""

import contextlib
from collections.abc import Iterator
from pathlib import Path

from desktop.domain.ledger import LedgerKind, LedgerSpec
from desktop.services.ledger.common import LedgerFileError, spec_of
from desktop.services.xlsx import LimitExceeded, Sheet, WorkbookReader
from desktop.services.xlsx import Row as XlsxRow


def probe_ledger(path: Path | str, kind: LedgerKind | str) -> tuple[str, int]:
    """The sheet an import would read and its row count as the file declares it (0 when it
    declares none); raises LedgerFileError, as the import would, for a file that is not a
    readable .xlsx workbook. Cheap: reads no rows."""
    with open_sheet(path, spec_of(kind)) as (_book, sheet, total):
        return sheet.title, total


@contextlib.contextmanager
def open_sheet(path: Path | str, spec: LedgerSpec):
    """The workbook, the ledger's sheet in it (by its name, else the first) and the sheet's
    data row count as declared (or counted, when it declares none)."""
    path = Path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except FileNotFoundError:
        raise LedgerFileError(f"找不到文件“{path}”。") from None
    except OSError as exc:
        raise LedgerFileError(f"无法读取文件“{path}”（{exc.strerror or exc}）。") from exc
    try:
        try:
            book = WorkbookReader(handle)
            if not book.sheets:
                raise LedgerFileError(f"文件“{path.name}”中没有工作表。")
            sheet = next((s for s in book.sheets if s.title == spec.title), book.sheets[0])
            declared = book.declared_rows(sheet)
            # openpyxl's write-only mode declares one row: count them.
            total = max((declared if declared > 1 else book.count_rows(sheet)) - 1, 0)
        except LedgerFileError:
            raise
        except Exception as exc:  # zip, XML, missing parts, limits
            raise _unreadable(path, exc) from exc
        yield book, sheet, total
    finally:
        handle.close()


def _unreadable(path: Path, exc: Exception) -> LedgerFileError:
    if isinstance(exc, LimitExceeded):
        return LedgerFileError(
            f"文件“{path.name}”{exc}，不能导入。正常的台账远在这个上限之内：请确认文件的来源；"
            "如果它确是台账，请在 Excel 或 WPS 中打开它，删去过长或多余的内容（行数很多时拆分成"
            "几个文件），另存为“Excel 工作簿（*.xlsx）”后再导入。"
        )
    return LedgerFileError(
        f"文件“{path.name}”不是 Excel 工作簿（.xlsx），或文件已损坏，无法读取。"
        "请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再导入。"
    )


def read_rows(book: WorkbookReader, sheet: Sheet, path: Path | str) -> Iterator[XlsxRow]:
    """The sheet's rows: (Excel row number, {0-based column: value}), rows and cells the file
    leaves out left out; damage or a limit met while reading is a LedgerFileError."""
    rows = book.rows(sheet)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:
            raise _unreadable(Path(path), exc) from exc
        yield row
