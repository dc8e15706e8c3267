"""A talented resident's records: when discovered, a cultivation (training or role), and a
use of the four rights noted by hand (evaluations and others; meetings and projects are read
from their own records)."""

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import Problem
from desktop.domain.roster import TalentRight
from desktop.domain.talents import (
    Cultivation,
    CultivationKind,
    RightSource,
    RightUse,
    clean_cultivation,
    clean_right_use,
    validate_cultivation,
    validate_right_use,
)
from desktop.services import talents
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordDialog, RecordForm, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import OptionalDate, choice_combo, date_edit
from desktop.ui.labels import right_label
from desktop.ui.models.federation import cultivation_kind_label, right_source_label


class DiscoveryDialog(RecordForm):
    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        name: str,
        current: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("DiscoveryDialog", "When was {name} discovered?").format(name=name), parent
        )
        self.ctx, self.person_id = ctx, person_id
        self.discovered_on = OptionalDate(current, translate("DiscoveryDialog", "Set"))
        self.add_field(
            "discovered_on", translate("DiscoveryDialog", "Discovered on"), self.discovered_on
        )
        self.watch_inputs(self.discovered_on)
        self.revalidate()

    def problems(self) -> dict[str, Problem]:
        return {}

    def save(self) -> bool:
        day = self.discovered_on.value()
        return self.store(lambda: talents.set_discovered(self.ctx.db, self.person_id, day))


class CultivationDialog(RecordDialog):
    validate = validate_cultivation
    save_record = talents.save_cultivation

    titles = Titles("CultivationDialog", QT_TRANSLATE_NOOP("CultivationDialog", "Cultivation"))
    starts_in = "description"

    def build(self) -> None:
        item = self.record
        self.happened_on = date_edit(item.happened_on)
        self.kind = choice_combo(
            [(cultivation_kind_label(k), k) for k in CultivationKind], item.kind
        )
        self.description = text_box(item.description)
        self.description.setPlaceholderText(
            translate("CultivationDialog", "e.g. Training on deliberation rules; convener of …")
        )
        self.add_field("happened_on", translate("CultivationDialog", "Date"), self.happened_on)
        self.add_field("kind", translate("CultivationDialog", "Kind"), self.kind, True)
        self.add_field(
            "description", translate("CultivationDialog", "Description"), self.description, True
        )

    def current(self) -> Cultivation:
        return clean_cultivation(self.edited_rows())


class RightUseDialog(RecordDialog):
    """Only the sources typed by hand are offered: an evaluation, or other."""

    validate = validate_right_use
    save_record = talents.save_right_use

    titles = Titles("RightUseDialog", QT_TRANSLATE_NOOP("RightUseDialog", "Use of a right"))
    starts_in = "note"

    def build(self) -> None:
        use = self.record
        self.right = choice_combo([(right_label(r), r) for r in TalentRight], use.right)
        self.used_on = date_edit(use.used_on)
        self.source = choice_combo(
            [(right_source_label(s), s) for s in (RightSource.EVALUATION, RightSource.OTHER)],
            use.source,
        )
        self.note = text_box(use.note)
        self.note.setPlaceholderText(
            translate("RightUseDialog", "What was done, e.g. scored the property company's service")
        )
        self.add_field("right", translate("RightUseDialog", "Right"), self.right, True)
        self.add_field("used_on", translate("RightUseDialog", "Date"), self.used_on, True)
        self.add_field("source", translate("RightUseDialog", "From"), self.source, True)
        self.add_field("note", translate("RightUseDialog", "What was done"), self.note, True)

    def current(self) -> RightUse:
        return clean_right_use(self.edited_rows(source_id=None))
