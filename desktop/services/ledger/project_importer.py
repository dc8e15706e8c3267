"""Importing the projects ledger (项目清单): a row to a Project, with its parties by role and
its links to needs and resources by 编号."""

from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.labels import word
from desktop.domain.projects import (
    Party,
    PartyRole,
    Project,
    clean_project,
    validate_project,
)
from desktop.domain.projects import can_move as stage_can_move
from desktop.domain.text import clean_text
from desktop.services.ledger.importer import Importer
from desktop.services.ledger.parse import ParsedRow
from desktop.services.projects import project_from_record, save_project
from desktop.store.models import NeedRecord, ProjectRecord, ResourceRecord

ROLE_FIELDS = {
    "initiator": PartyRole.INITIATOR,
    "organizer": PartyRole.ORGANIZER,
    "implementer": PartyRole.IMPLEMENTER,
}
_ROLE_ORDER = list(PartyRole)


class ProjectImporter(Importer):
    record_model = ProjectRecord
    KEPT_WHEN_EMPTY = ("kind", "stage")
    # Amounts and counts read as 0 when empty; parties by role; links by uuid.
    OWN = ("budget", "spent", "rating_count", *ROLE_FIELDS, "need_uuids", "resource_uuids")

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
        self.fill(project, row)
        for name in ("budget", "spent"):
            if name in values:
                setattr(project, name, values[name] if values[name] is not None else Decimal("0"))
        if "rating_count" in values:
            project.rating_count = values["rating_count"] or 0
        self.set_parties(project, values)
        self.set_links(s, row, project, before)
        project = clean_project(project)
        self.problems(row, validate_project(project))
        if before is not None and not stage_can_move(before.stage, project.stage):
            old, new = word(before.stage), word(project.stage)
            message = (
                f"阶段不能从“{old}”改为“{new}”。项目阶段只能逐步推进"
                "（立项→实施中→待验收→已完成），或改为已终止。"
            )
            self.error(row, "阶段", message)
        if before is not None:
            before.parties.sort(key=lambda p: _ROLE_ORDER.index(p.role))
        return project, project == before

    @staticmethod
    def set_parties(project: Project, values: dict[str, Any]) -> None:
        """The parties the sheet names, by role; a role the sheet lacks keeps its party."""
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

    def set_links(
        self, s: Session, row: ParsedRow, project: Project, before: Project | None
    ) -> None:
        """The linked needs and resources, by 编号 (an unknown one is an error), plus the
        links the project had to records now in the trash (they are not in the file)."""
        values = row.values
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

    def save(self, s: Session, project: Project) -> None:
        save_project(self.db, project)
