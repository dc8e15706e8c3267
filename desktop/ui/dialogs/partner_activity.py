"""Record or edit a partner unit's activity — 结对活动, 为民实事 or 纠纷调处 — with the needs
and projects it answers, picked by searching their titles."""

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QTabWidget

from desktop.domain.partners import (
    PartnerActivity,
    PartnerActivityKind,
    clean_activity,
    validate_activity,
)
from desktop.services import partners
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.dialogs.project import LinkList, need_links, project_choices
from desktop.ui.i18n import translate
from desktop.ui.inputs import choice_combo, date_edit
from desktop.ui.partner_labels import activity_kind_label


class ActivityDialog(RecordDialog):
    validate = validate_activity
    save_record = partners.save_activity

    titles = Titles(
        "ActivityDialog",
        QT_TRANSLATE_NOOP("ActivityDialog", "New partner activity"),
        QT_TRANSLATE_NOOP("ActivityDialog", "Edit partner activity"),
    )
    starts_in = "description"

    def build(self) -> None:
        ctx, activity = self.ctx, self.record
        self.setMinimumWidth(560)
        self.kind = choice_combo(
            [(activity_kind_label(k), k) for k in PartnerActivityKind], activity.kind
        )
        self.held_on = date_edit(activity.held_on)
        self.participants = text_box(activity.participants, 48)
        self.participants.setPlaceholderText(
            translate("ActivityDialog", "Who took part, e.g. the unit's volunteers and residents")
        )
        self.description = text_box(activity.description, 90)
        self.need_links = need_links(
            ctx.db, translate("ActivityDialog", "Link needs"), activity.need_ids
        )
        self.project_links = LinkList(
            translate("ActivityDialog", "Link projects"),
            partial(project_choices, ctx.db),
            partners.project_titles(ctx.db, activity.project_ids),
        )
        self.add_field("kind", translate("ActivityDialog", "Kind"), self.kind, True)
        self.add_field("held_on", translate("ActivityDialog", "Date"), self.held_on, True)
        self.add_field(
            "participants", translate("ActivityDialog", "Participants"), self.participants
        )
        self.add_field(
            "description", translate("ActivityDialog", "What was done"), self.description, True
        )
        links = QTabWidget()
        links.addTab(self.need_links, translate("ActivityDialog", "Needs it answers"))
        links.addTab(self.project_links, translate("ActivityDialog", "Projects"))
        links.setMinimumHeight(150)
        self.body.addWidget(links)
        self.need_links.changed.connect(self.changed)
        self.project_links.changed.connect(self.changed)

    def current(self) -> PartnerActivity:
        return clean_activity(
            self.edited_rows(need_ids=self.need_links.ids(), project_ids=self.project_links.ids())
        )
