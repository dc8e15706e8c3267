"""Record a reception-day or door-knocking visit."""

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop.domain.needs import Satisfaction
from desktop.domain.visits import (
    MAX_LENGTH,
    ReferralTarget,
    Visit,
    VisitKind,
    clean_visit,
    validate_visit,
)
from desktop.services import drafts, needs, visits
from desktop.ui.dialogs.fields import address_row, person_suggestions, text_box, typed_address
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import (
    NamePicker,
    OptionalDate,
    choice_combo,
    date_edit,
    phone_edit,
)
from desktop.ui.labels import referral_label, satisfaction_label, visit_kind_label


class VisitDialog(RecordDialog):
    validate = validate_visit
    save_record = visits.save_visit
    titles = Titles(
        "VisitDialog",
        QT_TRANSLATE_NOOP("VisitDialog", "New visit"),
        QT_TRANSLATE_NOOP("VisitDialog", "Edit visit"),
    )
    starts_in = "resident"

    draft_id: int | None = None  # the autosaved draft this form carries on

    blank = partial(Visit, kind=VisitKind.RECEPTION_DAY)

    def build(self) -> None:
        # Fields are created and added in the order of the rows: Tab walks them so.
        address = self._build_resident(self.record)
        self._build_issue(self.record)
        self._add_rows(address)
        self.watch_inputs(self.building, self.unit, self.room)  # one row of three

    def finish(self) -> None:
        super().finish()
        self.enable_autosave(self.ctx.db, drafts.VISIT, self.draft_id)

    def _build_resident(self, v: Visit) -> QWidget:
        """The kind and day of the visit, who came and where they live (楼栋 / 单元 / 房号
        in one row, returned)."""
        ctx = self.ctx
        self.kind = choice_combo([(visit_kind_label(k), k) for k in VisitKind], v.kind)
        self.visited_on = date_edit(v.visited_on)
        self.resident = NamePicker(
            v.resident, lambda t: person_suggestions(ctx, t), max_length=MAX_LENGTH["resident"]
        )
        self.phone = phone_edit(v.phone, MAX_LENGTH["phone"])
        self.building, self.unit, self.room = typed_address(
            ctx.db,
            (v.building, v.unit, v.room),
            MAX_LENGTH,
            (translate("VisitDialog", "Unit"), translate("VisitDialog", "Room")),
        )
        return address_row(self.building, self.unit, self.room)

    def _build_issue(self, v: Visit) -> None:
        """What was raised, how it was handled and followed up, and how satisfied they were."""
        ctx = self.ctx
        self.issue = text_box(v.issue, 80)
        self.category = choice_combo(
            [(translate("VisitDialog", "(not set)"), None)]
            + [(c.name, c.id) for c in needs.list_categories(ctx.db)],
            v.category_id,
        )
        self.handling = text_box(v.handling)
        self.referred_to = choice_combo(
            [(translate("VisitDialog", "(not referred)"), None)]
            + [(referral_label(t), t) for t in ReferralTarget],
            v.referred_to,
        )
        self.follow_up_on = OptionalDate(v.follow_up_on, translate("VisitDialog", "Set"))
        self.outcome = text_box(v.outcome, 48)
        self.outcome.setPlaceholderText(translate("VisitDialog", "Once filled in, follow-up done"))
        self.satisfaction = choice_combo(
            [(translate("VisitDialog", "(not rated)"), None)]
            + [(satisfaction_label(s), s) for s in Satisfaction],
            v.satisfaction,
        )

    def _add_rows(self, address: QWidget) -> None:
        self.add_field("kind", translate("VisitDialog", "Kind"), self.kind, True)
        self.add_field("visited_on", translate("VisitDialog", "Date"), self.visited_on, True)
        self.add_field("resident", translate("VisitDialog", "Resident"), self.resident, True)
        self.add_field("phone", translate("VisitDialog", "Phone"), self.phone)
        self.add_field("building", translate("VisitDialog", "Building / unit / room"), address)
        self.add_field("issue", translate("VisitDialog", "What was raised"), self.issue, True)
        self.add_field("category", translate("VisitDialog", "Category"), self.category)
        self.add_field("handling", translate("VisitDialog", "How it was handled"), self.handling)
        self.add_field("referred_to", translate("VisitDialog", "Referred to"), self.referred_to)
        self.add_field(
            "follow_up_on",
            translate("VisitDialog", "Follow up on"),
            self.follow_up_on,
            checked=True,
        )
        self.add_field("outcome", translate("VisitDialog", "Outcome"), self.outcome)
        self.add_field("satisfaction", translate("VisitDialog", "Satisfaction"), self.satisfaction)

    def current(self) -> Visit:
        return clean_visit(
            self.edited_rows(
                person_id=self.record.person_id
                if self.resident.text() == self.record.resident
                else None,
                building=self.building.currentText(),
                unit=self.unit.text(),
                room=self.room.text(),
                category_id=self.category.currentData(),
            )
        )
