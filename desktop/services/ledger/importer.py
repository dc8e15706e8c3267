"""What every kind's importer shares: a chunk of checked rows matched to the stored records
by 编号, each turned into a domain object by the kind's rules, compared and saved."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.ledger import Column, LedgerSpec, problem_message
from desktop.services.ledger.common import ImportReport, RowError
from desktop.services.ledger.parse import ParsedRow
from desktop.store.database import Database


class Importer:
    """One kind's rules for turning a checked row into a domain object and saving it."""

    record_model: Any
    # Choices an empty cell leaves as they were (a need's status is never reset to nothing).
    KEPT_WHEN_EMPTY: tuple[str, ...] = ()
    # Columns the importer reads in its own way (a category by name, parties, links).
    OWN: tuple[str, ...] = ()

    def __init__(self, db: Database, spec: LedgerSpec, sheet: str, report: ImportReport):
        self.db, self.spec, self.sheet, self.report = db, spec, sheet, report
        self.seen: dict[str, int] = {}  # uuid → the row that first used it

    @property
    def writing(self) -> bool:
        """Once a row is bad the transaction will be rolled back: checking goes on, writing
        stops."""
        return not self.report.dry_run and not self.report.errors

    def start(self, s: Session) -> None:
        """Once, before the first row."""

    def error(self, row: ParsedRow, header: str, message: str) -> None:
        self.report.errors.append(RowError(self.sheet, row.number, header, message))

    def process(self, s: Session, rows: list[ParsedRow]) -> None:
        uuids = [r.values["uuid"] for r in rows if r.values.get("uuid")]
        model = self.record_model
        existing = {rec.uuid: rec for rec in s.scalars(select(model).where(model.uuid.in_(uuids)))}
        self.prefetch(s, rows)
        for row in rows:
            uuid = row.values.get("uuid")
            if uuid:
                if uuid in self.seen:
                    first = self.seen[uuid]
                    self.error(row, "编号", f"与第 {first} 行的编号相同；同一条记录只能出现一次。")
                    continue
                self.seen[uuid] = row.number
            rec = existing.get(uuid) if uuid else None
            if rec is not None and rec.deleted_at is not None:
                message = (
                    "这条记录在回收站中。请先在软件的回收站里恢复它，或清空编号作为新记录导入。"
                )
                self.error(row, "编号", message)
                continue
            errors_before = len(self.report.errors)
            obj, same = self.build(s, row, rec)
            if len(self.report.errors) > errors_before:
                continue
            if same:
                self.report.unchanged += 1
                continue
            if rec is None:
                self.report.created += 1
            else:
                self.report.updated += 1
            if self.writing:
                try:
                    self.save(s, obj)
                except ValidationError as exc:  # the checks above should have caught it
                    self.problems(row, exc.problems)
                except DomainError as exc:
                    self.error(row, "", f"无法保存这一行（{exc}）。")

    def prefetch(self, s: Session, rows: list[ParsedRow]) -> None:
        """Batched look-ups for a chunk of rows."""

    def build(self, s: Session, row: ParsedRow, rec: Any) -> tuple[Any, bool]:
        """The domain object to save and whether it equals the stored record."""
        raise NotImplementedError

    def save(self, s: Session, obj: Any) -> None:
        raise NotImplementedError

    def problems(self, row: ParsedRow, problems: dict) -> None:
        for key, problem in problems.items():
            column = self.column_of(key)
            if column is None:  # a field the sheet does not show
                self.error(row, "", f"这条记录的“{key}”不符合要求，请在软件中核对后再导入。")
            else:
                self.error(row, column.header, problem_message(problem, column))

    def column_of(self, key: str) -> Column | None:
        return self.spec.column_for_field(key)

    def fill(self, obj: Any, row: ParsedRow) -> None:
        """Copy the sheet's values onto ``obj`` — every column of the ledger but the uuid and
        the importer's own; a column the sheet lacks keeps the value, and so does an empty
        cell of a ``KEPT_WHEN_EMPTY`` choice."""
        own = {"uuid", *self.OWN}
        for column in self.spec.columns:
            name = column.field
            if name in own or name not in row.values:
                continue
            if name in self.KEPT_WHEN_EMPTY and row.values[name] is None:
                continue
            setattr(obj, name, row.values[name])
