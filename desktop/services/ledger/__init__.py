"""Ledgers (台账): the three lists exported to Excel and imported back, in the same format.

Export streams the rows into a workbook made by openpyxl (write-only), under a temporary name
that replaces the target only when complete. Import checks every row and writes in one
transaction, only when no row is bad: an import with one bad row writes nothing; it reads the
workbook with desktop.services.xlsx, within limits that refuse a hostile file. Both report
progress as ``progress(done, total)`` and can be stopped with ``cancelled()``, which raises
:class:`LedgerCancelled`.
"""

import itertools
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError, ValidationError
from desktop.domain.ledger import (
    IMPORT_NOTE,
    IMPORT_REASON,
    Column,
    LedgerKind,
    LedgerSpec,
    label_of,
    problem_message,
)
from desktop.domain.needs import (
    STATUSES_NEEDING_REASON,
    TRANSITIONS,
    Need,
    clean_need,
    validate_need,
)
from desktop.domain.needs import can_move as need_can_move
from desktop.domain.projects import (
    Party,
    PartyRole,
    Project,
    clean_project,
    validate_project,
)
from desktop.domain.projects import can_move as stage_can_move
from desktop.domain.resources import (
    Resource,
    clean_resource,
    validate_resource,
)
from desktop.domain.text import clean_text
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
    spec_of,
)
from desktop.services.ledger.export import export_ledger
from desktop.services.ledger.parse import (
    ParsedRow,
    header_columns,
    look_for_a_lower_header,
    parse_row,
)
from desktop.services.ledger.reading import open_sheet, probe_ledger, read_rows
from desktop.services.ledger.records import count_records, iter_records
from desktop.services.ledger.report import save_report
from desktop.services.needs import need_from_record, save_need
from desktop.services.projects import project_from_record, save_project
from desktop.services.resources import resource_from_record, save_resource
from desktop.store.database import Database
from desktop.store.models import (
    NeedCategoryRecord,
    NeedRecord,
    ProjectRecord,
    ResourceRecord,
)

CHUNK = 500  # rows between progress reports, cancel checks and batched look-ups


# -- import --------------------------------------------------------------------------------
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
            return report
        importer = _IMPORTERS[spec.kind](db, spec, sheet.title, report)
        try:
            with db.session() as s:
                importer.start(s)
                chunk: list[ParsedRow] = []
                for done, (number, values) in enumerate(rows, start=1):
                    row = parse_row(spec, sheet.title, columns, number, values, report)
                    if row is not None:
                        chunk.append(row)
                    if len(chunk) >= CHUNK:
                        importer.process(s, chunk)
                        chunk = []
                    if done % CHUNK == 0:
                        if cancelled is not None and cancelled():
                            raise LedgerCancelled
                        if progress is not None:
                            progress(done, max(total, done))
                if chunk:
                    importer.process(s, chunk)
                if report.errors or dry_run:
                    raise _Abort
        except _Abort:
            pass
    if report.errors:
        report.created = report.updated = report.unchanged = 0
    if progress is not None:
        progress(report.rows, report.rows)
    return report


class _Importer:
    """One kind's rules for turning a checked row into a domain object and saving it."""

    record_model: Any

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

    @staticmethod
    def fill(obj: Any, row: ParsedRow, fields: tuple[str, ...]) -> None:
        """Copy the sheet's values onto ``obj``; a column the sheet lacks keeps the value."""
        for name in fields:
            if name in row.values:
                setattr(obj, name, row.values[name])


class _NeedImporter(_Importer):
    record_model = NeedRecord
    FIELDS = ("title", "description", "raised_by", "phone", "building", "unit", "room",
              "registered_on", "due_on", "solution", "satisfaction")  # fmt: skip
    KEYS: ClassVar[dict[str, str]] = {"category": "category", "status_reason": "status"}

    def start(self, s: Session) -> None:
        # Held here so that save_need's check of the category finds it in the session's
        # identity map (which holds records weakly) instead of asking SQLite on every row.
        self.category_records = list(
            s.scalars(select(NeedCategoryRecord).order_by(NeedCategoryRecord.position))
        )
        self.categories = {c.name: c.id for c in self.category_records}
        self.category_names = {c.id: c.name for c in self.category_records}

    def column_of(self, key: str) -> Column | None:
        return self.spec.column_for_field(self.KEYS.get(key, key))

    def build(self, s: Session, row: ParsedRow, rec: NeedRecord | None) -> tuple[Need, bool]:
        values = row.values
        before = need_from_record(rec) if rec is not None else None
        need = replace(before) if before else Need(title="", uuid=values.get("uuid"))
        self.fill(need, row, self.FIELDS)
        for name in ("source", "urgency", "status", "is_dispute"):  # empty: as it was
            if values.get(name) is not None:
                setattr(need, name, values[name])
        if "category" in values:
            category_id = self.categories.get(values["category"])
            if category_id is None:
                known = "、".join(self.categories)
                message = (
                    f"“{values['category']}”不是软件中的需求类别（现有：{known}）。"
                    "请改用已有类别，或先在软件中添加这个类别。"
                )
                self.error(row, "类别", message)
                return need, False
            need.category_id = category_id
        if before is not None and need.raised_by != before.raised_by:
            need.person_id = None  # linked again to the roster by name when saved
        if need.status in STATUSES_NEEDING_REASON and (
            before is None or before.status is not need.status or not need.status_reason
        ):
            need.status_reason = clean_text(need.solution) or IMPORT_REASON
        need = clean_need(need)
        category_name = self.category_names.get(need.category_id or 0)
        self.problems(row, validate_need(need, category_name))
        if before is not None and not need_can_move(before.status, need.status):
            allowed = "、".join(label_of(x) for x in TRANSITIONS[before.status])
            old, new = label_of(before.status), label_of(need.status)
            self.error(row, "状态", f"状态不能从“{old}”改为“{new}”，只能改为：{allowed}。")
        return need, need == before

    def save(self, s: Session, need: Need) -> None:
        save_need(self.db, need, IMPORT_NOTE, session=s)


class _ResourceImporter(_Importer):
    record_model = ResourceRecord
    FIELDS = ("title", "provider", "description", "availability", "contact", "phone",
              "registered_on", "valid_until")  # fmt: skip

    def build(
        self, s: Session, row: ParsedRow, rec: ResourceRecord | None
    ) -> tuple[Resource, bool]:
        values = row.values
        before = resource_from_record(rec) if rec is not None else None
        resource = replace(before) if before else Resource(title="", uuid=values.get("uuid"))
        self.fill(resource, row, self.FIELDS)
        for name in ("kind", "provider_kind"):
            if values.get(name) is not None:
                setattr(resource, name, values[name])
        if before is not None and (
            resource.provider != before.provider
            or resource.provider_kind is not before.provider_kind
        ):
            resource.person_id = resource.organization_id = None  # linked again when saved
        resource = clean_resource(resource)
        self.problems(row, validate_resource(resource))
        return resource, resource == before

    def save(self, s: Session, resource: Resource) -> None:
        save_resource(self.db, resource, session=s)


ROLE_FIELDS = {"initiator": PartyRole.INITIATOR, "organizer": PartyRole.ORGANIZER,
               "implementer": PartyRole.IMPLEMENTER}  # fmt: skip
_ROLE_ORDER = list(PartyRole)


class _ProjectImporter(_Importer):
    record_model = ProjectRecord
    FIELDS = ("title", "stop_reason", "description", "registered_on", "start_on", "end_on",
              "accepted_on", "acceptance_note", "rating_average", "evaluation")  # fmt: skip

    def prefetch(self, s: Session, rows: list[ParsedRow]) -> None:
        self.refs: dict[str, dict[str, int]] = {}
        for name, model in (("need_uuids", NeedRecord), ("resource_uuids", ResourceRecord)):
            wanted = {u for r in rows for u in r.values.get(name) or ()}
            self.refs[name] = dict(
                s.execute(select(model.uuid, model.id).where(model.uuid.in_(wanted))).all()
            )

    def build(self, s: Session, row: ParsedRow, rec: ProjectRecord | None) -> tuple[Project, bool]:
        values = row.values
        before = project_from_record(s, rec) if rec is not None else None
        project = (
            replace(before, parties=list(before.parties))
            if before
            else Project(title="", uuid=values.get("uuid"))
        )
        self.fill(project, row, self.FIELDS)
        for name in ("kind", "stage"):
            if values.get(name) is not None:
                setattr(project, name, values[name])
        for name in ("budget", "spent"):
            if name in values:
                setattr(project, name, values[name] if values[name] is not None else Decimal("0"))
        if "rating_count" in values:
            project.rating_count = values["rating_count"] or 0
        for name, role in ROLE_FIELDS.items():
            if name not in values:
                continue
            kept = [p for p in project.parties if p.role is not role]
            old = project.party(role)
            new = clean_text(values[name], single_line=True)
            if old is not None and old.name == new:
                kept.append(old)  # the same name keeps its link to the roster
            elif new:
                kept.append(Party(role, new))
            project.parties = kept
        project.parties.sort(key=lambda p: _ROLE_ORDER.index(p.role))
        for name, model, label, attr in (
            ("need_uuids", NeedRecord, "需求", "need_ids"),
            ("resource_uuids", ResourceRecord, "资源", "resource_ids"),
        ):
            if name not in values:
                continue
            ids = []
            header = self.spec.column_for_field(name).header  # type: ignore[union-attr]
            for uuid in values[name]:
                found = self.refs[name].get(uuid)
                if found is None:
                    self.error(
                        row,
                        header,
                        f"找不到编号为 {uuid} 的{label}。请先导入{label}清单，或删除这个编号。",
                    )
                else:
                    ids.append(found)
            if before is not None:  # links to records in the trash are not in the file: keep
                old_ids = getattr(before, attr)
                ids += list(
                    s.scalars(
                        select(model.id).where(model.id.in_(old_ids), model.deleted_at.is_not(None))
                    )
                )
            setattr(project, attr, ids)
        project = clean_project(project)
        self.problems(row, validate_project(project))
        if before is not None and not stage_can_move(before.stage, project.stage):
            old, new = label_of(before.stage), label_of(project.stage)
            message = (
                f"阶段不能从“{old}”改为“{new}”。项目阶段只能逐步推进"
                "（立项→实施中→待验收→已完成），或改为已终止。"
            )
            self.error(row, "阶段", message)
        if before is not None:
            before.parties.sort(key=lambda p: _ROLE_ORDER.index(p.role))
        return project, project == before

    def save(self, s: Session, project: Project) -> None:
        save_project(self.db, project, session=s)


_IMPORTERS: dict[LedgerKind, type[_Importer]] = {
    LedgerKind.NEEDS: _NeedImporter,
    LedgerKind.RESOURCES: _ResourceImporter,
    LedgerKind.PROJECTS: _ProjectImporter,
}


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
    "count_records",
    "export_ledger",
    "import_ledger",
    "iter_records",
    "probe_ledger",
    "save_report",
]
