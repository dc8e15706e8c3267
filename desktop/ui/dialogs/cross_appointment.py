"""Add or edit a cross-appointment (交叉任职): a person of the branch who also holds a post on
the owners' committee or at the property company."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop.domain.committee import (
    APPOINTMENT_MAX_LENGTH,
    CrossAppointment,
    clean_cross_appointment,
    validate_cross_appointment,
)
from desktop.domain.roster import PERSON_MAX_LENGTH
from desktop.services import committee
from desktop.ui.dialogs.fields import RosterNames, person_label, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import NamePicker, OptionalDate, choice_combo, editable_combo, line_edit
from desktop.ui.labels import organization_kind_label

BRANCH_POSTS = ("支部书记", "支部副书记", "支部委员", "党员")


class CrossAppointmentDialog(RecordDialog):
    validate = validate_cross_appointment
    save_record = committee.save_cross_appointment

    titles = Titles(
        "CrossAppointment",
        QT_TRANSLATE_NOOP("CrossAppointment", "New cross-appointment"),
        QT_TRANSLATE_NOOP("CrossAppointment", "Edit cross-appointment"),
    )

    def blank(self) -> CrossAppointment:
        orgs = committee.committee_organizations(self.ctx.db)
        return CrossAppointment(None, orgs[0].id if orgs else None)

    def build(self) -> None:
        ctx, a = self.ctx, self.record
        orgs = committee.committee_organizations(ctx.db)
        self._person_id = a.person_id
        self._roster = RosterNames(ctx.db, person_label)
        self.person = NamePicker(
            a.person_name, self._roster, self._picked, max_length=PERSON_MAX_LENGTH["name"]
        )
        self.person.textEdited.connect(self._typed)
        self.branch_post = editable_combo(
            list(BRANCH_POSTS),
            a.branch_post or BRANCH_POSTS[2],
            APPOINTMENT_MAX_LENGTH["branch_post"],
        )
        self.organization = choice_combo(
            [(f"{o.name}（{organization_kind_label(o.kind)}）", o.id) for o in orgs],
            a.organization_id,
        )
        self.post = line_edit(a.post, APPOINTMENT_MAX_LENGTH["post"])
        self.post.setPlaceholderText(translate("CrossAppointment", "e.g. deputy chair"))
        self.since = OptionalDate(a.since, translate("CrossAppointment", "Set"))
        self.until = OptionalDate(a.until, translate("CrossAppointment", "Set"))
        self.note = text_box(a.note, 56)
        self.add_field(
            "person",
            translate("CrossAppointment", "Person (from the roster)"),
            self.person,
            required=True,
        )
        self.add_field(
            "branch_post", translate("CrossAppointment", "Post in the branch"), self.branch_post
        )
        self.add_field(
            "organization",
            translate("CrossAppointment", "Also serves at"),
            self.organization,
            required=True,
        )
        self.add_field(
            "post", translate("CrossAppointment", "Post there"), self.post, required=True
        )
        self.add_field("since", translate("CrossAppointment", "Since"), self.since)
        self.add_field("until", translate("CrossAppointment", "Until"), self.until, checked=True)
        self.add_field("note", translate("CrossAppointment", "Note"), self.note)

    def _picked(self, label: str) -> None:
        person = self._roster.shown.get(label)
        if person is not None:
            self._person_id = person.id
            self.revalidate()

    def _typed(self, _text: str) -> None:
        self._person_id = None  # typing again: pick from the roster again

    def current(self) -> CrossAppointment:
        return clean_cross_appointment(
            CrossAppointment(
                self._person_id,
                self.organization.currentData(),
                self.branch_post.currentText(),
                self.post.text(),
                self.since.value(),
                self.until.value(),
                self.note.toPlainText(),
                self.record.id,
                self.person.text(),
            )
        )
