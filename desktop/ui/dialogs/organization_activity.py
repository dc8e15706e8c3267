"""Record an activity of a self-organization, and add a member to one."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QSpinBox

from desktop.domain.errors import NotFoundError, Problem
from desktop.domain.roster import PERSON_MAX_LENGTH, PeopleQuery
from desktop.domain.self_organizations import (
    ACTIVITY_KINDS,
    ACTIVITY_MAX_LENGTH,
    MEMBER_MAX_LENGTH,
    MEMBER_ROLES,
    Activity,
    Member,
    clean_activity,
    clean_member,
    validate_activity,
    validate_member,
)
from desktop.services import people
from desktop.services import self_organizations as so
from desktop.ui.dialogs.fields import RosterNames, text_box
from desktop.ui.dialogs.form import RecordDialog, Titles
from desktop.ui.i18n import translate
from desktop.ui.inputs import NamePicker, OptionalDate, date_edit, editable_combo

NO_COUNT = -1  # the spin box's "not counted" value


class ActivityDialog(RecordDialog):
    validate = validate_activity
    save_record = so.save_activity

    titles = Titles(
        "ActivityDialog",
        QT_TRANSLATE_NOOP("ActivityDialog", "New activity"),
        QT_TRANSLATE_NOOP("ActivityDialog", "Edit activity"),
    )

    def build(self) -> None:
        a = self.record
        # the starter list, or any kind typed in
        self.kind = editable_combo(list(ACTIVITY_KINDS), a.kind, ACTIVITY_MAX_LENGTH["kind"])
        self.held_on = date_edit(a.held_on)
        self.count = QSpinBox(minimum=NO_COUNT, maximum=100_000)
        self.count.setSpecialValueText(translate("ActivityDialog", "not counted"))
        self.count.setValue(NO_COUNT if a.participant_count is None else a.participant_count)
        self.participants = text_box(a.participants, 48)
        self.description = text_box(a.description)
        self.add_field("kind", translate("ActivityDialog", "Kind"), self.kind, True)
        self.add_field("held_on", translate("ActivityDialog", "Date"), self.held_on, True)
        self.add_field(
            "participant_count", translate("ActivityDialog", "People"), self.count, checked=True
        )
        self.add_field(
            "participants", translate("ActivityDialog", "Participants"), self.participants
        )
        self.add_field("description", translate("ActivityDialog", "Description"), self.description)

    def current(self) -> Activity:
        count = self.count.value()
        return clean_activity(
            self.edited_rows(participant_count=None if count == NO_COUNT else count)
        )


class MemberDialog(RecordDialog):
    """A person from the roster joins (or a member's role changes)."""

    titles = Titles(
        "MemberDialog",
        QT_TRANSLATE_NOOP("MemberDialog", "Add a member"),
        QT_TRANSLATE_NOOP("MemberDialog", "Edit member"),
    )

    organization_id: int  # the self-organization the member belongs to

    def blank(self) -> None:
        return None  # a new member is made from the person picked

    def build(self) -> None:
        ctx, member = self.ctx, self.record
        self._picked: int | None = member.person_id if member else None
        self._roster = RosterNames(ctx.db)
        self.person = NamePicker(
            member.name if member else "",
            self._roster,
            self._pick,
            max_length=PERSON_MAX_LENGTH["name"],
        )
        self.person.setEnabled(member is None)
        self.person.textEdited.connect(self._typed)
        self.role = editable_combo(
            list(MEMBER_ROLES),
            member.role if member else MEMBER_ROLES[-1],
            MEMBER_MAX_LENGTH["role"],
        )
        self.joined_on = OptionalDate(
            member.joined_on if member else None, translate("MemberDialog", "Set")
        )
        self.add_field("person", translate("MemberDialog", "Resident"), self.person, True)
        self.add_field("role", translate("MemberDialog", "Role"), self.role)
        self.add_field("joined_on", translate("MemberDialog", "Joined on"), self.joined_on)

    def _typed(self, _text: str) -> None:
        self._picked = None  # typing again drops the resident picked before

    def _pick(self, label: str) -> None:
        row = self._roster.shown.get(label)
        self._picked = row.id if row is not None else None
        self.changed()

    def person_id(self) -> int | None:
        """The picked resident; a name typed without picking links when exactly one fits."""
        if self._picked is not None:
            return self._picked
        name = self.person.text().strip()
        if not name:
            return None
        rows = people.list_people(self.ctx.db, PeopleQuery(text=name), 0, 5)
        exact = [r.id for r in rows if r.name == name]
        return exact[0] if len(exact) == 1 else None

    def current(self) -> Member:
        return clean_member(
            Member(
                self.person_id() or 0,
                self.person.text(),
                "",
                self.role.currentText(),
                self.joined_on.value(),
            )
        )

    def problems(self) -> dict[str, Problem]:
        problems = validate_member(self.current())
        if self.person_id() is None:
            problems["person"] = Problem.REQUIRED
        return problems

    def save(self) -> bool:
        member = self.current()
        return self.store(
            lambda: so.save_member(self.ctx.db, self.organization_id, member), self.save_failed
        )

    def save_failed(self, error: Exception) -> bool:
        """The resident left the roster meanwhile: pick another."""
        if not isinstance(error, NotFoundError):
            return False
        self.show_problems({"person": Problem.REQUIRED})
        return True
