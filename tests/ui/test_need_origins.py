"""A need's details say where it came from — the visit, the meeting topic, the patrol finding —
and each of those links opens its record in the window."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import QUrl

from desktop.domain.federation import Finding, Patrol
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Meeting, Topic
from desktop.domain.visits import Visit, VisitKind
from desktop.services import meetings, patrols, visits
from desktop.ui.dialogs.meeting import MeetingDialog
from desktop.ui.dialogs.patrol import PatrolDialog
from desktop.ui.dialogs.visit import VisitDialog
from desktop.ui.pages.needs import NeedsPage


@pytest.fixture
def origins(ctx):
    """One need from a door-knocking visit, also taken up at a meeting; one from a patrol."""
    visit = visits.save_visit(
        ctx.db,
        Visit(
            kind=VisitKind.DOOR_KNOCKING,
            visited_on=date(2026, 11, 3),
            resident="欧阳䶮",
            building="3栋",
            issue="楼道灯不亮 A&B <b>",
        ),
    )
    from_visit = visits.visit_to_need(ctx.db, visit.id or 0)
    meeting = meetings.save_meeting(
        ctx.db,
        Meeting(
            title="关于楼道照明的协商议事会",
            starts_at=datetime(2026, 11, 10, 19, 0),
            topics=[Topic("楼道照明改造", need_ids=[from_visit.id or 0])],
        ),
    )
    patrol = patrols.save_patrol(
        ctx.db,
        Patrol(
            held_on=date(2026, 11, 5),
            route="1栋→地下车库",
            participants="张伟",
            findings=[Finding("车库积水，有漏电隐患", "1栋")],
        ),
    )
    from_patrol = patrols.finding_to_need(ctx.db, patrol.findings[0].id or 0)
    return {
        "visit_need": from_visit.id,
        "patrol_need": from_patrol.id,
        "visit": visit.id,
        "meeting": meeting.id,
        "patrol": patrol.id,
    }


def show(page: NeedsPage, need_id: int) -> str:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == need_id)
    page.view.selectRow(row)
    return page.details.toHtml()


def test_details_link_to_the_visit_and_the_meeting_topic(ctx, origins, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    html = show(page, origins["visit_need"])
    text = page.details.toPlainText()
    assert "来源记录" in text
    assert "2026年11月3日 敲门行动：欧阳䶮，楼道灯不亮 A&B <b>" in text  # escaped, shown as typed
    assert "关于楼道照明的协商议事会，议题：楼道照明改造" in text
    assert f"visits:{origins['visit']}" in html
    assert f"meetings:{origins['meeting']}" in html
    requested = []
    ctx.events.record_requested.connect(lambda kind, rid: requested.append((kind, rid)))
    page.details.anchorClicked.emit(QUrl(f"visits:{origins['visit']}"))
    page.details.anchorClicked.emit(QUrl(f"meetings:{origins['meeting']}"))
    assert requested == [
        (RecordKind.VISIT.value, origins["visit"]),
        (RecordKind.MEETING.value, origins["meeting"]),
    ]


def test_details_link_to_the_patrol_finding(ctx, origins, qtbot):
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    html = show(page, origins["patrol_need"])
    expected = "2026年11月5日 联合巡查（1栋→地下车库）：车库积水，有漏电隐患"
    assert expected in page.details.toPlainText()
    assert f"patrols:{origins['patrol']}" in html
    assert "visits:" not in html and "meetings:" not in html


def test_a_need_typed_in_directly_has_no_origin_section(ctx, origins, qtbot):
    from desktop.domain.needs import Need
    from desktop.services import needs

    category = needs.list_categories(ctx.db)[0].id
    plain = needs.save_need(ctx.db, Need(title="直接登记的需求", category_id=category))
    page = NeedsPage(ctx)
    qtbot.addWidget(page)
    show(page, plain.id or 0)
    assert "来源记录" not in page.details.toPlainText()


def test_the_window_opens_each_origin(ctx, origins, qtbot, monkeypatch):
    from desktop.ui.main_window import MainWindow

    opened = []
    for dialog in (VisitDialog, MeetingDialog, PatrolDialog):
        monkeypatch.setattr(dialog, "exec", lambda self: opened.append(type(self).__name__) or 0)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for kind in ("visit", "meeting", "patrol"):
        ctx.events.record_requested.emit(f"{kind}s", origins[kind])
    assert opened == ["VisitDialog", "MeetingDialog", "PatrolDialog"]
    federation = window.page("federation")
    assert window.pages.currentWidget() is federation
    assert federation.leaders.patrols.current().id == origins["patrol"]
