"""Record or edit a partner unit's activity — 结对活动, 为民实事 or 纠纷调处 — with the needs
and projects it answers, picked by searching their titles."""

from functools import partial

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.domain.errors import Problem
from desktop.domain.partners import (
    PartnerActivity,
    PartnerActivityKind,
    clean_activity,
    validate_activity,
)
from desktop.services import partners
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordForm
from desktop.ui.dialogs.project import LinkList, need_links, project_choices
from desktop.ui.i18n import translate
from desktop.ui.inputs import choice_combo, date_edit
from desktop.ui.partner_labels import activity_kind_label


class ActivityDialog(RecordForm):
    def __init__(
        self, ctx: AppContext, activity: PartnerActivity, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            translate("ActivityDialog", "Edit partner activity")
            if activity.id
            else translate("ActivityDialog", "New partner activity"),
            parent,
        )
        self.setMinimumWidth(560)
        self.ctx = ctx
        self.activity = activity
        self.saved: PartnerActivity | None = None
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
        self.watch_inputs(self.kind, self.held_on, self.participants, self.description)
        self.need_links.changed.connect(self.changed)
        self.project_links.changed.connect(self.changed)
        self.revalidate()
        self.description.setFocus()

    def current(self) -> PartnerActivity:
        a = self.activity
        return clean_activity(
            PartnerActivity(
                organization_id=a.organization_id,
                kind=self.kind.currentData(),
                held_on=self.held_on.date().toPython(),
                participants=self.participants.toPlainText(),
                description=self.description.toPlainText(),
                need_ids=self.need_links.ids(),
                project_ids=self.project_links.ids(),
                id=a.id,
                uuid=a.uuid,
            )
        )

    def problems(self) -> dict[str, Problem]:
        return validate_activity(self.current())

    def save(self) -> bool:
        return self.store(lambda: partners.save_activity(self.ctx.db, self.current()))
