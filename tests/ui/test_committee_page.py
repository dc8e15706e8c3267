"""业委会与物业 driven like a secretary: a term short of the 50% rule, cross-appointments and
an evaluation printed through the preview."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.domain.committee import (
    CommitteeMember,
    CommitteeTerm,
    Evaluation,
    EvaluationScore,
    PartyShare,
)
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Address, Organization, OrganizationKind, Person
from desktop.services import committee, evaluations, organizations, people
from desktop.ui.dialogs.committee_term import CommitteeTermDialog, verdict_text
from desktop.ui.dialogs.cross_appointment import CrossAppointmentDialog
from desktop.ui.dialogs.evaluation import EvaluationDialog
from desktop.ui.pages.committee import CommitteePage
from tests.ui.keyboard import type_text

NAME = "欧阳䶮𠮷 <b>&"


@pytest.fixture
def orgs(ctx) -> dict[str, int]:
    board = organizations.save_organization(
        ctx.db, Organization(OrganizationKind.OWNERS_COMMITTEE, "翠竹苑业主委员会")
    )
    company = organizations.save_organization(
        ctx.db, Organization(OrganizationKind.PROPERTY_COMPANY, "鹏安物业")
    )
    return {"board": board.id or 0, "company": company.id or 0}


def test_a_term_short_of_the_rule_says_so_and_is_saved(ctx, orgs, qtbot, monkeypatch):
    person = people.save_person(
        ctx.db, Person(name=NAME, is_party_member=True, address=Address(room="1203"))
    )
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dialog = CommitteeTermDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.is_valid()  # no members yet
    # Picked from the roster: the person's party membership is the default.
    dialog.members._roster(NAME[:2])
    dialog.members._picked(next(iter(dialog.members._roster.shown)))
    for name in ("群众甲", "群众乙"):
        type_text(dialog.members.picker, name)
        dialog.members.picker._timer.stop()  # no suggestion pop-up: added as typed
        dialog.members.add_button.click()
    members = dialog.members.members()
    assert [(m.name, m.is_party_member, m.person_id) for m in members] == [
        (NAME, True, person.id),
        ("群众甲", False, None),
        ("群众乙", False, None),
    ]
    short = verdict_text(PartyShare(3, 1))  # in whichever language is installed
    assert "33%" in short and dialog.verdict.text() == short
    dialog.save_button.click()
    assert dialog.saved is not None and warned and short in warned[0]
    # The page: the verdict in the list and in words in the details.
    page = CommitteePage(ctx)
    qtbot.addWidget(page)
    assert page.terms.table.rowCount() == 1
    assert "33%" in page.terms.table.item(0, 4).text()
    page.open_record(dialog.saved.id or 0)
    details = page.terms.details.toPlainText()
    assert NAME in details and short in details


def test_four_of_eight_meets_the_rule_without_a_warning(ctx, orgs, qtbot):
    members = [CommitteeMember(f"委员{i}", "委员", i < 4) for i in range(8)]
    term = committee.save_term(
        ctx.db, CommitteeTerm(orgs["board"], date(2024, 6, 1), date(2024, 6, 1), members=members)
    )
    dialog = CommitteeTermDialog(ctx, term)
    qtbot.addWidget(dialog)
    assert dialog.verdict.text() == verdict_text(PartyShare(8, 4))
    assert verdict_text(PartyShare(8, 4)) != verdict_text(PartyShare(9, 4)).replace("44", "50")
    party = dialog.members.table.item(7, 2)
    party.setCheckState(Qt.CheckState.Checked)  # 5 of 8 now
    assert "63%" in dialog.verdict.text()  # 5 of 8, rounded half up
    dialog.save_button.click()  # no message box: the rule is met
    assert committee.get_term(ctx.db, term.id or 0).party_share.party_members == 5


def test_cross_appointment_needs_a_person_from_the_roster(ctx, orgs, qtbot):
    person = people.save_person(ctx.db, Person(name="张伟"))
    dialog = CrossAppointmentDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.person, "张伟")
    dialog.person._timer.stop()  # the suggestions are asked for below, without the pop-up
    type_text(dialog.post, "业委会副主任")
    assert not dialog.is_valid()  # typed, not picked
    assert dialog._roster("张伟") == [("张伟", "张伟")]
    dialog._picked("张伟")
    assert dialog.is_valid()
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.person_id == person.id
    page = CommitteePage(ctx)
    qtbot.addWidget(page)
    assert page.appointments.table.item(0, 0).text() == "张伟"
    assert page.appointments.table.item(0, 3).text() == "业委会副主任"


def test_new_evaluation_offers_the_starter_criteria_per_kind(ctx, orgs, qtbot):
    dialog = EvaluationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.organization.setCurrentIndex(dialog.organization.findData(orgs["company"]))
    assert [s.criterion for s in dialog.scores.scores()][:2] == ["服务态度", "保洁绿化"]
    dialog.organization.setCurrentIndex(dialog.organization.findData(orgs["board"]))
    assert [s.criterion for s in dialog.scores.scores()][:2] == ["依法履职", "财务公开"]
    dialog.period.setText("2026Q5")
    assert not dialog.is_valid()
    dialog.save_button.click()  # not saved: the reason shows under the field
    assert "2026Q3" in dialog.errors["period"].text()
    dialog.period.setText("2026Q4")
    dialog.scores.add(EvaluationScore(NAME, 2, "<i>慢</i>"))
    assert dialog.is_valid()
    dialog.save_button.click()
    saved = evaluations.get_evaluation(ctx.db, dialog.saved.id or 0)
    assert saved.scores[-1] == EvaluationScore(NAME, 2, "<i>慢</i>")


def test_evaluation_is_printed_through_the_preview(ctx, orgs, qtbot, monkeypatch):
    evaluations.save_evaluation(
        ctx.db,
        Evaluation(
            orgs["company"],
            "2026Q3",
            date(2026, 9, 28),
            NAME,
            "较好",
            [EvaluationScore("服务态度", 5)],
        ),
    )
    shown = []
    import desktop.ui.print_preview as preview

    monkeypatch.setattr(preview.PrintPreview, "exec", lambda self: shown.append(self) or 0)
    page = CommitteePage(ctx)
    qtbot.addWidget(page)
    assert page.evaluations.table.item(0, 4).text() == "5.0"
    assert not page.print_action.isEnabled()
    page.evaluations.table.selectRow(0)
    assert page.print_action.isEnabled()
    assert NAME in page.evaluations.details.toPlainText()
    page.print_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].page_count() == 1
    assert "物业服务企业的评价表" in shown[0].title


def test_page_explains_when_no_organization_exists(ctx, qtbot):
    page = CommitteePage(ctx)
    qtbot.addWidget(page)
    assert not page.terms.new_action.isEnabled()
    assert not page.notice.isHidden() and page.notice.text()


def test_home_lists_a_term_short_of_the_rule_and_opens_it(ctx, orgs, qtbot):
    from desktop.ui.pages.home import HomePage

    home = HomePage(ctx)
    qtbot.addWidget(home)
    assert home.boxes["committee"].isHidden()  # nothing to say
    members = [CommitteeMember(f"委员{i}", "委员", i < 4) for i in range(9)]  # 4 of 9
    term = committee.save_term(
        ctx.db, CommitteeTerm(orgs["board"], date.today(), date.today(), members=members)
    )
    ctx.events.changed(RecordKind.COMMITTEE_TERM)
    assert not home.boxes["committee"].isHidden()
    item = home.committee.item(0)
    assert "44%" in item.text() and "翠竹苑业主委员会" in item.text()
    requested = []
    ctx.events.record_requested.connect(lambda kind, rid: requested.append((kind, rid)))
    home.committee.itemActivated.emit(item)
    assert requested == [(RecordKind.COMMITTEE_TERM.value, term.id)]
