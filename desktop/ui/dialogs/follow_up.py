"""记录回访结果: the follow-up of a visit is done once its result is written down."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.dates import format_date
from desktop.domain.errors import Problem
from desktop.domain.needs import Satisfaction
from desktop.domain.text import clean_text
from desktop.domain.visits import MAX_LENGTH
from desktop.services import visits
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import choice_combo
from desktop.ui.labels import satisfaction_label


class FollowUpDialog(RecordDialog):
    titles = Titles(
        "FollowUpDialog", QT_TRANSLATE_NOOP("FollowUpDialog", "Record the follow-up result")
    )

    def __init__(self, ctx: AppContext, visit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, visits.get_visit(ctx.db, visit_id), parent)

    def build(self) -> None:
        v = self.record
        about = QLabel(
            translate("FollowUpDialog", "{resident}, visited {date}: {issue}").format(
                resident=v.resident, date=format_date(v.visited_on), issue=v.issue
            ),
            wordWrap=True,
        )
        self.outcome = text_box(v.outcome, 96)
        self.outcome.setPlaceholderText(
            translate("FollowUpDialog", "What the follow-up found, e.g. 已修好，居民满意")
        )
        self.satisfaction = choice_combo(
            [(translate("FollowUpDialog", "(not rated)"), None)]
            + [(satisfaction_label(s), s) for s in Satisfaction],
            v.satisfaction,
        )
        self.form.addRow(translate("FollowUpDialog", "Visit"), about)
        self.form.addRow(
            translate("FollowUpDialog", "Follow up on"), QLabel(format_date(v.follow_up_on))
        )
        self.add_field("outcome", translate("FollowUpDialog", "Result"), self.outcome, True)
        self.add_field(
            "satisfaction", translate("FollowUpDialog", "Satisfaction"), self.satisfaction
        )

    def current(self) -> tuple[str, Satisfaction | None]:
        return clean_text(self.outcome.toPlainText()), self.satisfaction.currentData()

    def problems(self) -> dict[str, Problem]:
        outcome, _satisfaction = self.current()
        if not outcome:
            return {"outcome": Problem.REQUIRED}
        if len(outcome) > MAX_LENGTH["outcome"]:
            return {"outcome": Problem.TOO_LONG}
        return {}

    def save(self) -> bool:
        outcome, satisfaction = self.current()
        return self.store(
            lambda: visits.record_follow_up(self.ctx.db, self.record.id or 0, outcome, satisfaction)
        )
