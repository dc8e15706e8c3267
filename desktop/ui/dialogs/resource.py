"""Add or edit a resource."""

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox

from desktop.domain.resources import (
    MAX_LENGTH,
    ProviderKind,
    Resource,
    ResourceKind,
    clean_resource,
    validate_resource,
)
from desktop.services import organizations, resources
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import person_suggestions, text_box
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
from desktop.ui.labels import provider_kind_label, resource_kind_label


def provider_suggestions(ctx: AppContext, text: str) -> list[tuple[str, str]]:
    """Organizations first, then people, matching what was typed."""
    orgs = [(o.name, o.name) for o in organizations.list_organizations(ctx.db, text, limit=10)]
    return orgs + person_suggestions(ctx, text)


class ResourceDialog(RecordDialog):
    validate = validate_resource
    save_record = resources.save_resource

    titles = Titles(
        "ResourceDialog",
        QT_TRANSLATE_NOOP("ResourceDialog", "New resource"),
        QT_TRANSLATE_NOOP("ResourceDialog", "Edit resource"),
    )

    blank = partial(Resource, title="")

    def build(self) -> None:
        ctx, r = self.ctx, self.record
        self.title_edit = line_edit(r.title, MAX_LENGTH["title"])
        self.title_edit.setPlaceholderText(
            translate("ResourceDialog", "e.g. Community hall, weekends")
        )
        self.kind = choice_combo([(resource_kind_label(k), k) for k in ResourceKind], r.kind)
        self.provider_kind = choice_combo(
            [(provider_kind_label(k), k) for k in ProviderKind], r.provider_kind
        )
        self.provider = NamePicker(
            r.provider, lambda t: provider_suggestions(ctx, t), max_length=MAX_LENGTH["provider"]
        )
        self.description = text_box(r.description)
        self.availability = line_edit(r.availability, MAX_LENGTH["availability"])
        self.availability.setPlaceholderText(
            translate("ResourceDialog", "e.g. 2 rooms, Saturday and Sunday 9:00–17:00")
        )
        self.contact = line_edit(r.contact, MAX_LENGTH["contact"])
        self.phone = phone_edit(r.phone, MAX_LENGTH["phone"])
        self.registered_on = date_edit(r.registered_on)
        self.valid_until = OptionalDate(r.valid_until, translate("ResourceDialog", "Set"))
        self.rest_station = QCheckBox(
            translate("ResourceDialog", "Rest station for delivery riders (monthly service log)"),
            checked=r.is_rest_station,
        )
        self.add_field("title", translate("ResourceDialog", "Resource"), self.title_edit, True)
        self.add_field("kind", translate("ResourceDialog", "Kind"), self.kind, True)
        self.add_field(
            "provider_kind", translate("ResourceDialog", "Offered by (kind)"), self.provider_kind
        )
        self.add_field("provider", translate("ResourceDialog", "Offered by"), self.provider)
        self.add_field("description", translate("ResourceDialog", "Description"), self.description)
        self.add_field(
            "availability",
            translate("ResourceDialog", "Quantity / availability"),
            self.availability,
        )
        self.add_field("contact", translate("ResourceDialog", "Contact person"), self.contact)
        self.add_field("phone", translate("ResourceDialog", "Phone"), self.phone)
        self.add_field(
            "registered_on", translate("ResourceDialog", "Registered on"), self.registered_on
        )
        self.add_field(
            "valid_until",
            translate("ResourceDialog", "Valid until"),
            self.valid_until,
            checked=True,
        )
        self.add_field(
            "is_rest_station", translate("ResourceDialog", "Rest station"), self.rest_station
        )

    def current(self) -> Resource:
        same_provider = self.provider.text() == self.record.provider
        return clean_resource(
            self.edited_rows(
                organization_id=self.record.organization_id if same_provider else None,
                person_id=self.record.person_id if same_provider else None,
            )
        )
