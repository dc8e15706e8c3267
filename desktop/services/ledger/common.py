"""What every part of the ledgers shares: the errors, the report of an import, the names of
the report's sheets, and the callbacks of a long run."""

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.domain.ledger import LEDGERS, LedgerKind, LedgerSpec

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
ERROR_HEADER = "错误"
ERROR_SHEET = "错误列表"
RESULT_SHEET = "导入结果"


class LedgerFileError(Exception):
    """The file cannot be read or written as a ledger; ``str()`` is the Chinese sentence."""


class LedgerCancelled(Exception):
    """``cancelled()`` answered True: nothing was written (a partial export is deleted)."""


@dataclass(frozen=True)
class RowError:
    """One problem in the file: the sheet, the Excel row number (1 is the header row), the
    column's header ("" for the row as a whole) and a Chinese sentence saying what to do."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        column = f"“{self.column}”列" if self.column else ""
        return f"“{self.sheet}”第 {self.row} 行{column}：{self.message}"


@dataclass
class ImportReport:
    """What an import did. With errors nothing was written and the counts are 0; with
    ``dry_run`` nothing was written and the counts say what an import would do."""

    kind: LedgerKind
    sheet: str = ""
    rows: int = 0  # data rows read (blank rows are skipped)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        title = LEDGERS[self.kind].title
        if self.errors:
            return (
                f"{title}中有 {len(self.errors)} 处错误，未导入任何记录。"
                "请按错误说明修改表格后重新导入。"
            )
        counts = f"新增 {self.created} 条，更新 {self.updated} 条，未变 {self.unchanged} 条"
        if self.dry_run:
            return f"试导入{title}（未写入）：共 {self.rows} 行，将{counts}。"
        return f"已导入{title}：共 {self.rows} 行，{counts}。"


def spec_of(kind: LedgerKind | str) -> LedgerSpec:
    return LEDGERS[LedgerKind(kind)]
