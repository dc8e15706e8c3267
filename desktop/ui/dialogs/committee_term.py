"""Add or edit a term of the owners' committee with its members; the 50% party-member rule is
judged as members are added, and a term short of it is saved all the same, with a warning."""

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.committee import (
    MEMBER_MAX_LENGTH,
    MEMBER_POSITIONS,
    CommitteeMember,
    CommitteeTerm,
    PartyShare,
    clean_term,
    validate_term,
)
from desktop.domain.errors import Problem
from desktop.domain.roster import OrganizationKind
from desktop.services import committee
from desktop.ui.context import AppContext
from desktop.ui.dialogs.fields import RosterNames, person_label, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import NamePicker, OptionalDate, choice_combo, date_edit, editable_combo

NAME, POSITION, PARTY = range(3)


def verdict_text(share: PartyShare) -> str:
    """The rule's verdict in words, e.g. “本届业委会 9 名委员中党员 3 名（33%），未达到……”."""
    if not share.members:
        return translate("CommitteeTerm", "No members yet: add the members of this term.")
    values = {"members": share.members, "party": share.party_members, "percent": share.percent}
    if share.meets_rule:
        return translate(
            "CommitteeTerm",
            "{party} of the {members} members of this term are party members ({percent}%): "
            "the rule of at least 50% party members is met.",
        ).format(**values)
    return translate(
        "CommitteeTerm",
        "{party} of the {members} members of this term are party members ({percent}%): "
        "the rule of at least 50% party members is NOT met.",
    ).format(**values)


class MembersEditor(QWidget):
    """The members as a small table: name, position, party member (as at formation)."""

    def __init__(self, ctx: AppContext, members: list[CommitteeMember], on_change) -> None:
        super().__init__()
        self.ctx = ctx
        self._on_change = on_change
        self._roster = RosterNames(ctx.db, person_label, keep_label=True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [
                translate("CommitteeTerm", "Name"),
                translate("CommitteeTerm", "Position"),
                translate("CommitteeTerm", "Party member"),
            ]
        )
        self.table.setColumnWidth(NAME, 160)
        self.table.setColumnWidth(POSITION, 90)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(200)
        self.picker = NamePicker(
            "", self._roster, self._picked, max_length=MEMBER_MAX_LENGTH["name"]
        )
        self.add_button = QPushButton(translate("CommitteeTerm", "Add member"))
        self.remove_button = QPushButton(translate("CommitteeTerm", "Remove selected"))
        self.add_button.clicked.connect(self._add_typed)
        self.remove_button.clicked.connect(self._remove)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._person_ids: list[int | None] = []
        for m in members:
            self.add(m)
        self.table.itemChanged.connect(lambda _item: self._on_change())

    def _picked(self, label: str) -> None:
        """From the roster: the person's party membership is offered as the default."""
        person = self._roster.shown.get(label)
        if person is not None:
            self.add(CommitteeMember(person.name, "委员", person.is_party_member, person.id))
            self.picker.clear()

    def _add_typed(self) -> None:
        name = self.picker.text().strip()
        if name:
            self.add(CommitteeMember(name.split("（")[0], "委员", False))
            self.picker.clear()

    def add(self, member: CommitteeMember) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, NAME, QTableWidgetItem(member.name))
        position = editable_combo(
            list(MEMBER_POSITIONS), member.position, MEMBER_MAX_LENGTH["position"]
        )
        position.currentTextChanged.connect(lambda _t: self._on_change())
        self.table.setCellWidget(row, POSITION, position)
        party = QTableWidgetItem(translate("CommitteeTerm", "Party member"))
        party.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        party.setCheckState(
            Qt.CheckState.Checked if member.is_party_member else Qt.CheckState.Unchecked
        )
        self.table.setItem(row, PARTY, party)
        self._person_ids.append(member.person_id)
        self.table.blockSignals(False)
        self._on_change()

    def _remove(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
            del self._person_ids[row]
        self._on_change()

    def members(self) -> list[CommitteeMember]:
        found = []
        for row in range(self.table.rowCount()):
            name_item, party = self.table.item(row, NAME), self.table.item(row, PARTY)
            position = self.table.cellWidget(row, POSITION)
            found.append(
                CommitteeMember(
                    name_item.text() if name_item else "",
                    position.currentText() if isinstance(position, QComboBox) else "",
                    party is not None and party.checkState() == Qt.CheckState.Checked,
                    self._person_ids[row],
                )
            )
        return found


class CommitteeTermDialog(RecordDialog):
    titles = Titles(
        "CommitteeTerm",
        QT_TRANSLATE_NOOP("CommitteeTerm", "New committee term"),
        QT_TRANSLATE_NOOP("CommitteeTerm", "Edit committee term"),
    )
    starts_in = None

    def __init__(
        self, ctx: AppContext, term: CommitteeTerm | None = None, parent: QWidget | None = None
    ) -> None:
        self.committees = [
            o
            for o in committee.committee_organizations(ctx.db)
            if o.kind is OrganizationKind.OWNERS_COMMITTEE
        ]
        super().__init__(ctx, term, parent)

    def blank(self) -> CommitteeTerm:
        first = self.committees[0].id if self.committees else None
        return CommitteeTerm(first, formed_on=date.today(), term_start=date.today())

    def build(self) -> None:
        ctx, committees = self.ctx, self.committees
        self.setMinimumWidth(620)
        t = self.record
        self.organization = choice_combo([(o.name, o.id) for o in committees], t.organization_id)
        self.formed_on = date_edit(t.formed_on)
        self.term_start = date_edit(t.term_start)
        self.term_end = OptionalDate(t.term_end, translate("CommitteeTerm", "Set"))
        self.verdict = QLabel(wordWrap=True)
        self.verdict.setObjectName("verdict")
        self.members = MembersEditor(ctx, t.members, self.changed)
        self.note = text_box(t.note, 56)
        self.add_field(
            "organization",
            translate("CommitteeTerm", "Committee"),
            self.organization,
            required=True,
        )
        self.add_field(
            "formed_on",
            translate("CommitteeTerm", "Formed (elected) on"),
            self.formed_on,
            required=True,
        )
        self.add_field(
            "term_start", translate("CommitteeTerm", "Term starts"), self.term_start, required=True
        )
        self.add_field(
            "term_end", translate("CommitteeTerm", "Term ends"), self.term_end, checked=True
        )
        self.add_field(
            "members",
            translate("CommitteeTerm", "Members"),
            self.members,
            required=True,
            checked=True,
        )
        self.form.addRow("", self.verdict)
        self.add_field("note", translate("CommitteeTerm", "Note"), self.note)

    def current(self) -> CommitteeTerm:
        return clean_term(
            CommitteeTerm(
                self.organization.currentData(),
                self.formed_on.date().toPython(),
                self.term_start.date().toPython(),
                self.term_end.value(),
                self.note.toPlainText(),
                self.members.members(),
                self.record.id,
            )
        )

    def revalidate(self) -> bool:
        if hasattr(self, "members"):  # not while the members are being filled in
            share = self.current().party_share
            self.verdict.setText(verdict_text(share))
            self.verdict.setStyleSheet("" if share.meets_rule else "color: #a31515;")
        return super().revalidate()

    def problems(self) -> dict[str, Problem]:
        if not hasattr(self, "members"):
            return {}
        return validate_term(self.current())

    def save(self) -> bool:
        term = self.current()
        if not self.store(lambda: committee.save_term(self.ctx.db, term)):
            return False
        share = self.saved.party_share
        if not share.meets_rule:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                verdict_text(share)
                + "\n"
                + translate(
                    "CommitteeTerm",
                    "The term has been saved as recorded; the shortfall is shown "
                    "on the term and on the home page.",
                ),
            )
        return True
