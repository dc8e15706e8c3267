"""首页 as a to-do list she can trust: tables with columns, overdue rows marked in words and
colour, a follow-up leaving once its result is recorded, and on a new data folder what to
do first."""

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.domain.dates import format_date
from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import ActionItem, Meeting
from desktop.domain.needs import Need, Satisfaction
from desktop.domain.roster import Building, Neighborhood
from desktop.domain.visits import Visit, VisitKind
from desktop.services import meetings, needs, neighborhood, visits
from desktop.ui.dialogs.follow_up import FollowUpDialog
from desktop.ui.pages.home import HomePage
from desktop.ui.status import Tone
from tests.ui.keyboard import type_text

TODAY = date.today()
LONG_ISSUE = "楼上装修每天早上七点就开始电钻，老人休息不好，希望物业出面协调施工时间"


def add_visit(ctx, resident: str, follow_up_on: date | None, **fields) -> int:
    visit = visits.save_visit(
        ctx.db,
        Visit(
            kind=VisitKind.DOOR_KNOCKING,
            visited_on=min(follow_up_on or TODAY, TODAY) - timedelta(days=30),
            resident=resident,
            issue=fields.pop("issue", "楼道灯不亮"),
            follow_up_on=follow_up_on,
            **fields,
        ),
    )
    assert visit.id is not None
    return visit.id


@pytest.fixture
def page(ctx, qtbot):
    widget = HomePage(ctx)
    qtbot.addWidget(widget)
    widget.resize(800, 600)  # a 1024-wide screen leaves the page about this much
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cells(page: HomePage, name: str) -> list[list[str]]:
    table = page.sections[name].table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def headers(page: HomePage, name: str) -> list[str]:
    table = page.sections[name].table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_follow_ups_due_and_overdue_in_a_table_and_the_done_ones_gone(ctx, page):
    late = add_visit(ctx, "逾期未回访", TODAY - timedelta(days=10), issue=LONG_ISSUE)
    add_visit(ctx, "今天回访", TODAY)
    add_visit(
        ctx,
        "早已回访",
        TODAY - timedelta(days=90),
        outcome="已解决，居民表示感谢",
        satisfaction=Satisfaction.SATISFIED,
    )
    add_visit(ctx, "不需回访", None)
    ctx.events.changed(RecordKind.VISIT)
    section = page.sections["follow_ups"]
    assert section.title() == "本周需回访（2，其中逾期 1）"
    assert headers(page, "follow_ups") == ["回访日期", "状态", "居民", "反映的问题"]
    rows = cells(page, "follow_ups")
    assert [r[2] for r in rows] == ["逾期未回访", "今天回访"]
    assert rows[0][:2] == [format_date(TODAY - timedelta(days=10)), "逾期 10 天"]
    assert rows[1][1] == "今天"
    # Overdue in words and in red; the rest in the ordinary colour.
    table = section.table
    assert table.item(0, 1).foreground().color() == Tone.OVERDUE.foreground
    assert table.item(1, 1).foreground().color() != Tone.OVERDUE.foreground
    # The whole sentence, wrapped within the page: no sideways scrolling, nothing cut.
    assert rows[0][3] == LONG_ISSUE and table.item(0, 3).toolTip() == LONG_ISSUE
    assert table.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert table.horizontalHeader().length() <= table.viewport().width()
    assert table.rowHeight(0) > table.rowHeight(1)  # the long one takes a second line
    requested = []
    ctx.events.record_requested.connect(lambda kind, rid: requested.append((kind, rid)))
    table.itemActivated.emit(table.item(0, 2))
    assert requested == [(RecordKind.VISIT.value, late)]


def test_recording_the_result_takes_the_follow_up_off_the_list(ctx, page, monkeypatch):
    late = add_visit(ctx, "逾期未回访", TODAY - timedelta(days=3))
    add_visit(ctx, "今天回访", TODAY)
    ctx.events.changed(RecordKind.VISIT)
    assert not page.record_button.isEnabled()  # nothing chosen yet
    page.follow_ups.selectRow(0)
    assert page.record_button.isEnabled()

    def answer(dialog: FollowUpDialog) -> int:
        dialog.save_button.click()  # a result is required: 保存 says so and stores nothing
        assert dialog.saved is None and dialog.errors["outcome"].text()
        type_text(dialog.outcome, "已修好，居民满意")
        dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(Satisfaction.SATISFIED))
        assert dialog.save_button.isEnabled()
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(FollowUpDialog, "exec", answer)
    page.record_button.click()
    saved = visits.get_visit(ctx.db, late)
    assert (saved.outcome, saved.satisfaction) == ("已修好，居民满意", Satisfaction.SATISFIED)
    assert [r[2] for r in cells(page, "follow_ups")] == ["今天回访"]
    assert page.sections["follow_ups"].title() == "本周需回访（1）"


def test_overdue_action_items_and_needs_are_marked(ctx, page):
    meetings.save_meeting(
        ctx.db,
        Meeting(
            title="关于3栋加装电梯的协商议事会",
            starts_at=datetime.now().replace(microsecond=0) - timedelta(days=20),
            actions=[
                ActionItem("联系施工单位报价", "物业", TODAY - timedelta(days=5)),
                ActionItem("整理居民意见并公示", "楼栋长", TODAY + timedelta(days=5)),
            ],
        ),
    )
    category = needs.list_categories(ctx.db)[0].id
    needs.save_need(
        ctx.db,
        Need(
            title="电动车进楼道充电",
            category_id=category,
            registered_on=TODAY - timedelta(days=30),
            due_on=TODAY - timedelta(days=2),
            building="1栋",
        ),
    )
    ctx.events.changed(RecordKind.MEETING, RecordKind.NEED)
    assert page.sections["actions"].title() == "待落实事项（2，其中逾期 1）"
    assert headers(page, "actions") == ["期限", "状态", "负责人", "待办事项"]
    rows = cells(page, "actions")
    assert [r[1:] for r in rows] == [
        ["逾期 5 天", "物业", "联系施工单位报价"],
        ["未开始", "楼栋长", "整理居民意见并公示"],
    ]
    assert page.actions.item(0, 0).toolTip().endswith("来自：关于3栋加装电梯的协商议事会")
    assert page.actions.item(0, 1).foreground().color() == Tone.OVERDUE.foreground
    assert cells(page, "overdue") == [
        [format_date(TODAY - timedelta(days=2)), "逾期 2 天", "电动车进楼道充电", "1栋"]
    ]


def test_an_empty_data_folder_says_what_to_do_first(ctx, page):
    box = page.set_up_box
    assert box.isVisible()
    assert "□ 1. 填写小区名称、所属社区和街道。" in box.steps.text()
    assert "□ 2. 添加楼栋" in box.steps.text()
    assert box.guide_button.text() == "打开首次使用向导…"
    # No partner unit: the 三个一 box says how to add one, not that all is done.
    quota = page.sections["quota"]
    assert not quota.table.isVisible() and quota.empty.isVisible()
    assert "还没有共建单位" in quota.empty.text()
    assert "都已按期完成" not in quota.empty.text()
    assert "记录回访结果后移除" in page.sections["follow_ups"].empty.text()

    neighborhood.save_neighborhood(ctx.db, Neighborhood("翠竹苑", "翠竹社区", "南园街道"))
    neighborhood.save_building(ctx.db, Building("1栋"))
    ctx.events.changed(RecordKind.NEIGHBORHOOD, RecordKind.BUILDING)
    assert "✓ 1. 小区信息已填写：翠竹苑" in box.steps.text()
    assert "✓ 2. 已添加 1 栋楼。" in box.steps.text()
    assert box.isVisible()  # nothing recorded yet
    add_visit(ctx, "第一位居民", None)
    ctx.events.changed(RecordKind.VISIT)
    assert not box.isVisible()


def test_the_demo_says_it_is_the_demo(ctx, qtbot):
    ctx.demo = True
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.demo_note.isVisible() and "虚构" in page.demo_note.text()
    assert not page.set_up_box.isVisible()  # the demo's steps are not hers to do


def test_large_text_on_a_small_screen_gives_one_column(ctx, qtbot, font_families):
    from desktop.ui.fonts import app_font

    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.two_columns is True
    page.setFont(app_font(font_families, "extra_large"))  # 设置 → 文字大小 → 特大
    assert page.two_columns is False
    overdue = page.sections["overdue"]
    assert overdue.minimumHeight() > 0  # each section keeps room for a few rows; the page scrolls
    follow_ups = page.sections["follow_ups"]
    qtbot.waitUntil(lambda: overdue.geometry().top() > follow_ups.geometry().bottom())  # below
