"""Add or edit a need; a change of status is explained and kept in the history."""

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from desktop.domain.errors import Problem
from desktop.domain.needs import (
    MAX_LENGTH,
    PROPERTY_SERVICE_CATEGORY,
    TRANSITIONS,
    Need,
    NeedSource,
    NeedStatus,
    Satisfaction,
    Urgency,
    clean_need,
    validate_need,
)
from desktop.domain.roster import PeopleQuery
from desktop.services import needs, people
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import address_row, person_suggestions, text_box, typed_address
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import (
    NamePicker,
    OptionalDate,
    choice_combo,
    date_edit,
    line_edit,
    phone_edit,
)
from desktop.ui.labels import (
    need_source_label,
    need_status_label,
    satisfaction_label,
    urgency_label,
)


class NeedDialog(RecordDialog):
    titles = Titles(
        "NeedDialog",
        QT_TRANSLATE_NOOP("NeedDialog", "New need"),
        QT_TRANSLATE_NOOP("NeedDialog", "Edit need"),
    )

    def __init__(
        self, ctx: AppContext, need: Need | None = None, parent: QWidget | None = None
    ) -> None:
        self.editing = need is not None  # a need given, stored or filled in from elsewhere
        super().__init__(ctx, need, parent)

    blank = partial(Need, title="")

    def build(self) -> None:
        self.setMinimumWidth(560)
        self.original_status = self.record.status if self.editing else None
        # Fields are created and added in the order of the rows: Tab walks them so.
        self._build_subject(self.record)
        self._build_resident(self.record)
        self._build_handling(self.record, editing=self.editing)
        self._add_rows(editing=self.editing)
        self.watch_inputs(self.building, self.unit, self.room)  # one row of three
        if not self.editing:
            self.watch_inputs(self.note)  # a new need's status starts its history: no row

    def _build_subject(self, n: Need) -> None:
        """What the need is: title, category, the dispute mark and the description."""
        self.title_edit = line_edit(n.title, MAX_LENGTH["title"])
        self.title_edit.setPlaceholderText(
            translate("NeedDialog", "e.g. Lift in building 3 often stops")
        )
        self.category = choice_combo(
            [(c.name, c.id) for c in needs.list_categories(self.ctx.db)], n.category_id
        )
        self.dispute = QCheckBox(translate("NeedDialog", "Property dispute"))
        self.dispute.setChecked(n.is_dispute)
        self.dispute.setToolTip(
            translate(
                "NeedDialog",
                "A dispute between residents and the property company; counted in "
                "the statistics. Only for needs of the category 物业服务.",
            )
        )
        self._category_changed()
        self.category.currentIndexChanged.connect(lambda _i: self._category_changed())
        self.description = text_box(n.description)

    def _build_resident(self, n: Need) -> None:
        """Who raised it and where they live; picking a name from the roster fills the rest."""
        ctx = self.ctx
        self.raised_by = NamePicker(
            n.raised_by,
            lambda t: person_suggestions(ctx, t),
            self._person_picked,
            max_length=MAX_LENGTH["raised_by"],
        )
        self.phone = phone_edit(n.phone, MAX_LENGTH["phone"])
        self.building, self.unit, self.room = typed_address(
            ctx.db,
            (n.building, n.unit, n.room),
            MAX_LENGTH,
            (translate("NeedDialog", "Unit"), translate("NeedDialog", "Room")),
        )

    def _build_handling(self, n: Need, editing: bool) -> None:
        """How it is handled: source, urgency, status (an existing need offers only the
        statuses it may move to), the reason and note of a change, dates, outcome."""
        self.source = choice_combo([(need_source_label(s), s) for s in NeedSource], n.source)
        self.urgency = choice_combo([(urgency_label(u), u) for u in Urgency], n.urgency)
        allowed = (
            [s for s in NeedStatus if s == n.status or s in TRANSITIONS[n.status]]
            if editing
            else list(NeedStatus)
        )
        self.status = QComboBox()
        for s in allowed:
            self.status.addItem(need_status_label(s), s)
        self.status.setCurrentIndex(self.status.findData(n.status))
        self.reason = line_edit(n.status_reason, MAX_LENGTH["status_reason"])
        self.reason.setPlaceholderText(
            translate("NeedDialog", "Required when referred or not accepted")
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("NeedDialog", "What happened (kept in the history)"))
        self.handled_by = line_edit(n.handled_by, MAX_LENGTH["handled_by"])
        self.registered_on = date_edit(n.registered_on)
        self.due_on = OptionalDate(n.due_on, translate("NeedDialog", "Set"))
        self.solution = text_box(n.solution)
        self.satisfaction = choice_combo(
            [(translate("NeedDialog", "(not rated)"), None)]
            + [(satisfaction_label(s), s) for s in Satisfaction],
            n.satisfaction,
        )
        self.followed_up_on = OptionalDate(n.followed_up_on, translate("NeedDialog", "Set"))

    def _add_rows(self, editing: bool) -> None:
        """The form's rows; the note on a change of status only when editing."""
        address = address_row(self.building, self.unit, self.room)
        self.add_field("title", translate("NeedDialog", "Title"), self.title_edit, required=True)
        self.add_field(
            "category", translate("NeedDialog", "Category"), self.category, required=True
        )
        self.add_field("is_dispute", translate("NeedDialog", "Dispute"), self.dispute, checked=True)
        self.add_field("description", translate("NeedDialog", "Description"), self.description)
        self.add_field("raised_by", translate("NeedDialog", "Raised by"), self.raised_by)
        self.add_field("phone", translate("NeedDialog", "Phone"), self.phone)
        self.add_field("building", translate("NeedDialog", "Building / unit / room"), address)
        self.add_field("source", translate("NeedDialog", "Source"), self.source)
        self.add_field("urgency", translate("NeedDialog", "Urgency"), self.urgency)
        self.add_field("status", translate("NeedDialog", "Status"), self.status, required=True)
        self.add_field(
            "status_reason", translate("NeedDialog", "Reason"), self.reason, checked=True
        )
        if editing:
            self.add_field("note", translate("NeedDialog", "Note on the change"), self.note)
        self.add_field("handled_by", translate("NeedDialog", "Handled by"), self.handled_by)
        self.add_field(
            "registered_on",
            translate("NeedDialog", "Registered on"),
            self.registered_on,
            required=True,
        )
        self.add_field("due_on", translate("NeedDialog", "Due by"), self.due_on, checked=True)
        self.add_field("solution", translate("NeedDialog", "How it was solved"), self.solution)
        self.add_field(
            "satisfaction", translate("NeedDialog", "Resident satisfaction"), self.satisfaction
        )
        self.add_field(
            "followed_up_on",
            translate("NeedDialog", "Followed up on"),
            self.followed_up_on,
            not_before="registered_on",
        )

    def _category_changed(self) -> None:
        """The mark means something only for 物业服务: elsewhere it is cleared and greyed,
        and the box says why."""
        allowed = self.category.currentText() == PROPERTY_SERVICE_CATEGORY
        if not allowed:
            self.dispute.setChecked(False)
        self.dispute.setEnabled(allowed)
        self.dispute.setText(
            translate("NeedDialog", "Property dispute")
            if allowed
            else translate("NeedDialog", "Property dispute (only for the category 物业服务)")
        )

    def _person_picked(self, label: str) -> None:
        """Fill phone and address from the roster when the secretary picks a person."""
        name = label.split("（")[0]
        rows = people.list_people(self.ctx.db, PeopleQuery(text=name), 0, 20)
        match = next(
            (
                r
                for r in rows
                if label.startswith(r.name) and f"{r.building} {r.unit} {r.room}" in label
            ),
            None,
        )
        if match is None:
            return
        if not self.phone.text():
            self.phone.setText(match.phone)
        if not self.building.currentText():
            self.building.setEditText(match.building)
            self.unit.setText(match.unit)
            self.room.setText(match.room)

    def current(self) -> Need:
        return clean_need(
            self.edited_rows(
                category_id=self.category.currentData(),
                person_id=self.record.person_id
                if self.raised_by.text() == self.record.raised_by
                else None,
                building=self.building.currentText(),
                unit=self.unit.text(),
                room=self.room.text(),
            )
        )

    def problems(self) -> dict[str, Problem]:
        return validate_need(self.current(), self.category.currentText())

    def save(self) -> bool:
        need, note = self.current(), self.note.text()
        return self.store(lambda: needs.save_need(self.ctx.db, need, note))
