"""Importing the needs ledger (需求清单): a row to a Need."""

from dataclasses import replace
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.labels import word
from desktop.domain.ledger import IMPORT_NOTE, IMPORT_REASON, Column
from desktop.domain.needs import (
    STATUSES_NEEDING_REASON,
    TRANSITIONS,
    Need,
    clean_need,
    validate_need,
)
from desktop.domain.needs import can_move as need_can_move
from desktop.domain.text import clean_text
from desktop.services.ledger.importer import Importer
from desktop.services.ledger.parse import ParsedRow
from desktop.services.needs import need_from_record, save_need
from desktop.store.models import NeedCategoryRecord, NeedRecord


class NeedImporter(Importer):
    record_model = NeedRecord
    KEPT_WHEN_EMPTY = ("source", "urgency", "status", "is_dispute")
    OWN = ("category",)
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
        self.fill(need, row)
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
            allowed = "、".join(word(x) for x in TRANSITIONS[before.status])
            old, new = word(before.status), word(need.status)
            self.error(row, "状态", f"状态不能从“{old}”改为“{new}”，只能改为：{allowed}。")
        return need, need == before

    def save(self, s: Session, need: Need) -> None:
        save_need(self.db, need, IMPORT_NOTE)
