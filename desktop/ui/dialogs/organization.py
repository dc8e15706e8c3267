"""Add or edit an organization: property company, owners' committee, self-organization,
partner unit."""

from datetime import date
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QComboBox

from desktop.domain.partners import PartnerType
from desktop.domain.roster import (
    ORGANIZATION_MAX_LENGTH,
    Organization,
    OrganizationKind,
    clean_organization,
    validate_organization,
)
from desktop.services import organizations
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import OptionalDate, date_edit, line_edit, phone_edit
from desktop.ui.labels import organization_kind_label
from desktop.ui.partner_labels import partner_type_label


class OrganizationDialog(RecordDialog):
    validate = validate_organization
    save_record = organizations.save_organization

    titles = Titles(
        "OrganizationDialog",
        QT_TRANSLATE_NOOP("OrganizationDialog", "New organization"),
        QT_TRANSLATE_NOOP("OrganizationDialog", "Edit organization"),
    )
    starts_in = "name"

    blank = partial(Organization, kind=OrganizationKind.SELF_ORGANIZATION, name="")

    def build(self) -> None:
        # Fields are created and added in the order of the rows: Tab walks them so.
        self._build_fields()
        self._add_rows()
        # Which rows show follows the kind (a term only for the owners' committee).
        self.kind.currentIndexChanged.connect(self._term_fields)
        self.has_term.toggled.connect(self._term_fields)
        self.kind.currentIndexChanged.connect(self._incubation_field)
        self._term_fields()
        self._incubation_field()
        self.kind.currentIndexChanged.connect(self._partner_type_field)
        self._partner_type_field()

    def _build_fields(self) -> None:
        self.kind = QComboBox()
        for kind in OrganizationKind:
            self.kind.addItem(organization_kind_label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(self.record.kind))
        self.name = line_edit(self.record.name, ORGANIZATION_MAX_LENGTH["name"])
        self.contact = line_edit(self.record.contact_name, ORGANIZATION_MAX_LENGTH["contact_name"])
        self.phone = phone_edit(self.record.phone, ORGANIZATION_MAX_LENGTH["phone"])
        self.phone.setPlaceholderText(
            translate("OrganizationDialog", "e.g. 13812345678 or 0755-12345678")
        )
        self.has_term = QCheckBox(
            translate("OrganizationDialog", "Record the term of office"),
            checked=bool(self.record.term_start),
        )
        self.term_start = date_edit(self.record.term_start)
        self.term_end = date_edit(
            self.record.term_end or (date(date.today().year + 5, date.today().month, 1))
        )
        self.incubated_on = OptionalDate(
            self.record.incubated_on, translate("OrganizationDialog", "Incubated by the branch")
        )
        self.partner_type = QComboBox()
        self.partner_type.addItem(translate("OrganizationDialog", "(not set)"), None)
        for partner_type in PartnerType:
            self.partner_type.addItem(partner_type_label(partner_type), partner_type)
        self.partner_type.setCurrentIndex(
            max(0, self.partner_type.findData(self.record.partner_type))
        )
        self.note = text_box(self.record.note, 70)

    def _add_rows(self) -> None:
        self.add_field("kind", translate("OrganizationDialog", "Kind"), self.kind, required=True)
        self.add_field("name", translate("OrganizationDialog", "Name"), self.name, required=True)
        self.add_field(
            "contact_name", translate("OrganizationDialog", "Contact person"), self.contact
        )
        self.add_field("phone", translate("OrganizationDialog", "Phone"), self.phone)
        self.add_field("has_term", "", self.has_term)
        self.add_field(
            "term_start", translate("OrganizationDialog", "Term starts"), self.term_start
        )
        self.add_field(
            "term_end", translate("OrganizationDialog", "Term ends"), self.term_end, checked=True
        )
        self.add_field(
            "incubated_on", translate("OrganizationDialog", "Incubated on"), self.incubated_on
        )
        self.add_field(
            "partner_type", translate("OrganizationDialog", "Partner type"), self.partner_type
        )
        self.add_field("note", translate("OrganizationDialog", "Note"), self.note)

    def _term_fields(self) -> None:
        # Only the owners' committee is elected for a term.
        committee = self.kind.currentData() is OrganizationKind.OWNERS_COMMITTEE
        self.has_term.setVisible(committee)
        for edit in (self.term_start, self.term_end):
            edit.setEnabled(committee and self.has_term.isChecked())
        for key in ("has_term", "term_start", "term_end"):
            self.show_row(key, committee)

    def _incubation_field(self) -> None:
        # Only a self-organization is incubated (孵化) by the branch.
        shown = self.kind.currentData() is OrganizationKind.SELF_ORGANIZATION
        self.show_row("incubated_on", shown)

    def _partner_type_field(self) -> None:
        # Only a partner unit is an agency, an enterprise or a school.
        shown = self.kind.currentData() is OrganizationKind.PARTNER_UNIT
        self.show_row("partner_type", shown)

    def current(self) -> Organization:
        with_term = (
            self.kind.currentData() is OrganizationKind.OWNERS_COMMITTEE
            and self.has_term.isChecked()
        )
        return clean_organization(
            self.edited_rows(
                contact_name=self.contact.text(),
                term_start=self.term_start.date().toPython() if with_term else None,
                term_end=self.term_end.date().toPython() if with_term else None,
                incubated_on=self.incubated_on.value()
                if self.kind.currentData() is OrganizationKind.SELF_ORGANIZATION
                else None,
                partner_type=self.partner_type.currentData()
                if self.kind.currentData() is OrganizationKind.PARTNER_UNIT
                else None,
            )
        )
