"""Add or edit the branch's evaluation of the property company or the owners' committee: a
period, the evaluators, and a score 1–5 with a comment on each criterion (starter lists per
kind of organization, editable each time)."""

from datetime import date
from functools import cached_property

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.domain.committee import (
    EVALUATION_MAX_LENGTH,
    SCORE_MAX,
    SCORE_MIN,
    Evaluation,
    EvaluationScore,
    clean_evaluation,
    format_average,
    validate_evaluation,
)
from desktop.domain.errors import Problem
from desktop.domain.roster import Organization
from desktop.services import committee, evaluations
from desktop.ui.dialogs.fields import list_with_buttons, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import choice_combo, date_edit, line_edit
from desktop.ui.labels import organization_kind_label

CRITERION, SCORE, COMMENT = range(3)


def current_quarter(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


class ScoresEditor(QWidget):
    """Criterion · score (1–5) · comment, one row each; rows can be added and removed."""

    def __init__(self, scores: list[EvaluationScore], on_change) -> None:
        super().__init__()
        self._on_change = on_change
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("EvaluationDialog", "Criterion"),
                translate("EvaluationDialog", "Score"),
                translate("EvaluationDialog", "Comment"),
            ]
        )
        self.table.setColumnWidth(CRITERION, 130)
        self.table.setColumnWidth(SCORE, 70)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(230)
        self.add_button = QPushButton(translate("EvaluationDialog", "Add criterion"))
        self.remove_button = QPushButton(translate("EvaluationDialog", "Remove selected"))
        self.starter_button = QPushButton(translate("EvaluationDialog", "Starter criteria"))
        self.add_button.clicked.connect(self._add_blank)
        self.remove_button.clicked.connect(self._remove)
        list_with_buttons(
            self.table,
            (self.add_button, self.remove_button, self.starter_button),
            self,
            view_stretch=0,
            tight=True,
        )
        self.set_scores(scores)
        self.table.itemChanged.connect(lambda _item: self._on_change())

    def set_scores(self, scores: list[EvaluationScore]) -> None:
        self.table.setRowCount(0)
        for score in scores:
            self.add(score, notify=False)
        self._on_change()

    def add(self, score: EvaluationScore, *, notify: bool = True) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, CRITERION, QTableWidgetItem(score.criterion))
        spin = QSpinBox(minimum=SCORE_MIN, maximum=SCORE_MAX, value=score.score)
        spin.setSuffix(translate("EvaluationDialog", " pt"))
        spin.setAccessibleName(translate("EvaluationDialog", "Score"))
        spin.valueChanged.connect(lambda _v: self._on_change())
        self.table.setCellWidget(row, SCORE, spin)
        self.table.setItem(row, COMMENT, QTableWidgetItem(score.comment))
        self.table.blockSignals(False)
        if notify:
            self._on_change()

    def _add_blank(self) -> None:
        """A new row, its criterion ready for typing."""
        self.add(EvaluationScore(""))
        self.table.editItem(self.table.item(self.table.rowCount() - 1, CRITERION))

    def _remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self._on_change()

    def scores(self) -> list[EvaluationScore]:
        found = []
        for row in range(self.table.rowCount()):
            criterion, comment = self.table.item(row, CRITERION), self.table.item(row, COMMENT)
            spin = self.table.cellWidget(row, SCORE)
            found.append(
                EvaluationScore(
                    criterion.text() if criterion else "",
                    spin.value() if isinstance(spin, QSpinBox) else 0,
                    comment.text() if comment else "",
                )
            )
        return found


class EvaluationDialog(RecordDialog):
    save_record = evaluations.save_evaluation
    titles = Titles(
        "EvaluationDialog",
        QT_TRANSLATE_NOOP("EvaluationDialog", "New evaluation"),
        QT_TRANSLATE_NOOP("EvaluationDialog", "Edit evaluation"),
    )
    starts_in = None

    @cached_property
    def orgs(self) -> list[Organization]:
        return committee.committee_organizations(self.ctx.db)

    def blank(self) -> Evaluation:
        first = self.orgs[-1].id if self.orgs else None  # the company
        return Evaluation(first, current_quarter(date.today()))

    def build(self) -> None:
        self.setMinimumWidth(640)
        e = self.record
        self.organization = choice_combo(
            [(f"{o.name}（{organization_kind_label(o.kind)}）", o.id) for o in self.orgs],
            e.organization_id,
        )
        self.period = line_edit(e.period, EVALUATION_MAX_LENGTH["period"])
        self.period.setPlaceholderText(translate("EvaluationDialog", "2026Q3 or 2026"))
        self.evaluated_on = date_edit(e.evaluated_on)
        self.evaluators = line_edit(e.evaluators, EVALUATION_MAX_LENGTH["evaluators"])
        self.evaluators.setPlaceholderText(translate("EvaluationDialog", "Names, separated by 、"))
        self.scores = ScoresEditor(e.scores or self._starter(), self.changed)
        self.scores.starter_button.clicked.connect(lambda: self.scores.set_scores(self._starter()))
        self.comment = text_box(e.comment, 70)
        self.add_field(
            "organization",
            translate("EvaluationDialog", "Organization evaluated"),
            self.organization,
            required=True,
        )
        self.add_field(
            "period",
            translate("EvaluationDialog", "Period"),
            self.period,
            required=True,
            checked=True,
        )
        self.add_field(
            "evaluated_on",
            translate("EvaluationDialog", "Evaluated on"),
            self.evaluated_on,
            required=True,
        )
        self.add_field("evaluators", translate("EvaluationDialog", "Evaluators"), self.evaluators)
        self.add_field(
            "scores",
            translate("EvaluationDialog", "Scores"),
            self.scores,
            required=True,
            checked=True,
        )
        self.add_field("comment", translate("EvaluationDialog", "Overall comment"), self.comment)
        self.organization.currentIndexChanged.connect(self._organization_changed)

    def _starter(self) -> list[EvaluationScore]:
        org = next((o for o in self.orgs if o.id == self.organization.currentData()), None)
        return evaluations.starter_evaluation(org.kind) if org else []

    def _organization_changed(self) -> None:
        """A new evaluation whose criteria were not touched takes the other kind's list."""
        if self.record.id is None and all(s.comment == "" for s in self.scores.scores()):
            self.scores.set_scores(self._starter())

    def current(self) -> Evaluation:
        e = self.record
        return clean_evaluation(
            Evaluation(
                self.organization.currentData(),
                self.period.text(),
                self.evaluated_on.date().toPython(),
                self.evaluators.text(),
                self.comment.toPlainText(),
                self.scores.scores(),
                e.id,
                e.uuid,
            )
        )

    def average_text(self) -> str:
        return format_average(self.current().average)

    def problems(self) -> dict[str, Problem]:
        if not hasattr(self, "scores") or not hasattr(self, "comment"):
            return {}
        return validate_evaluation(self.current())
