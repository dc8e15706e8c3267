"""统计 page: figures of a hand-built neighborhood whose right answers are known, the records
behind a figure, the charts, 导出 Excel, recomputing on a change and 特大 text."""

from datetime import date, datetime
from html import escape

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox
from sqlalchemy import update

from desktop.domain.kinds import RecordKind
from desktop.domain.meetings import Meeting, MeetingKind, Topic
from desktop.domain.needs import Need, NeedCategory, NeedStatus
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import meetings, needs, organizations
from desktop.store.models import NeedStatusChangeRecord
from desktop.ui.dialogs.indicator_records import IndicatorRecordModel, kind_label
from desktop.ui.fonts import app_font
from desktop.ui.pages.statistics import StatisticsPage
from desktop.ui.tasks import pending_tasks

RARE = "欧阳䶮𠮷 <b>&"


def _need(db, title: str, category: str, on: date, *, dispute: bool = False) -> int:
    cats = {c.name: c.id for c in needs.list_categories(db)}
    need = needs.save_need(
        db,
        Need(
            title=title,
            category_id=cats[category],
            raised_by="王芳",
            building="3栋",
            registered_on=on,
            is_dispute=dispute,
        ),
    )
    return need.id


def _meeting(db, title: str, at: datetime, consensus: list[str], *, final: bool = True) -> int:
    topics = [Topic(title=f"议题{i + 1}", consensus=c) for i, c in enumerate(consensus)]
    saved = meetings.save_meeting(
        db, Meeting(title=title, kind=MeetingKind.DELIBERATION, starts_at=at, topics=topics)
    )
    if final:
        meetings.finalize_meeting(db, saved.id)
    return saved.id


def build(db) -> dict[str, int]:
    """2025Q2: 2 final meetings (3 consensus items), 1 draft; 4 needs (2 disputes), 1 solved;
    1 self-organization. 2025Q1: 4 disputes. 2024Q2: 1 dispute. 2025Q3: 1 final meeting."""
    ids = {
        "solved": _need(db, RARE, "物业服务", date(2025, 4, 10), dispute=True),
        "dispute": _need(db, "电梯维保不到位", "物业服务", date(2025, 6, 20), dispute=True),
        "plain": _need(db, "楼道灯不亮", "物业服务", date(2025, 5, 1)),
        "parking": _need(db, "夜间乱停车", "停车交通", date(2025, 5, 5)),
        "meeting_a": _meeting(db, "加装电梯议事会", datetime(2025, 4, 15, 10), ["同意", "分摊"]),
        "meeting_b": _meeting(db, "停车议事会", datetime(2025, 6, 1, 19), ["划线", ""]),
    }
    _meeting(db, "未定稿的会", datetime(2025, 5, 9, 10), ["草稿"], final=False)
    _meeting(db, "三季度议事会", datetime(2025, 8, 2, 10), ["好"])
    for day in (date(2025, 1, 5), date(2025, 2, 5), date(2025, 3, 5), date(2025, 3, 31)):
        _need(db, "一季度物业矛盾", "物业服务", day, dispute=True)
    _need(db, "去年物业矛盾", "物业服务", date(2024, 5, 5), dispute=True)
    needs.change_status(db, ids["solved"], NeedStatus.RESOLVED, "已协调")
    with db.session() as s:  # the change is stamped now; move it into the period
        s.execute(
            update(NeedStatusChangeRecord)
            .where(NeedStatusChangeRecord.need_id == ids["solved"])
            .values(changed_at=datetime(2025, 5, 10, 2))
        )
    organizations.save_organization(
        db,
        Organization(
            kind=OrganizationKind.SELF_ORGANIZATION,
            name="夕阳红舞蹈队",
            incubated_on=date(2025, 5, 20),
        ),
    )
    needs.save_category(db, NeedCategory(name=RARE))  # no needs: a bar of 0
    return ids


@pytest.fixture
def data(ctx):
    return build(ctx.db)


def make_page(ctx, qtbot, today: date = date(2025, 5, 15)) -> StatisticsPage:
    page = StatisticsPage(ctx, today=today)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    wait_computed(qtbot, page)
    return page


def wait_computed(qtbot, page: StatisticsPage) -> None:
    qtbot.waitUntil(lambda: not page.computing, timeout=10_000)


def numbers(page: StatisticsPage) -> dict[str, str]:
    return {key: card.number.text() for key, card in page.cards.items()}


def test_cards_show_the_figures_of_the_current_quarter(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    assert page.period_combo.currentText() == "2025年第二季度"  # today's quarter by default
    shown = numbers(page)
    assert shown["meetings_held"] == "2"  # the draft and the Q3 meeting do not count
    assert shown["consensus_reached"] == "3"  # a topic without consensus does not
    assert shown["problems_solved"] == "1"
    assert shown["property_disputes"] == "2"
    assert shown["self_organizations_incubated"] == "1"
    assert shown["agreements_signed"] == "0"
    # Default baseline: the previous quarter (4 disputes) — said in the chooser and the card.
    assert "2025年第一季度" in page.baseline_combo.currentText()
    note = page.cards["property_disputes"].note
    assert note.isVisible() and "下降 50.0%" in note.text() and "2025年第一季度" in note.text()
    assert page.export_button.isEnabled()


def test_changing_the_period_or_baseline_recomputes(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    page.baseline_combo.setCurrentIndex(page.baseline_combo.findData("last_year"))
    wait_computed(qtbot, page)
    assert "2024年第二季度" in page.baseline_combo.currentText()
    assert "上升 100.0%" in page.cards["property_disputes"].note.text()  # 1 → 2

    page.select_period("2025Q1")
    wait_computed(qtbot, page)
    shown = numbers(page)
    assert (shown["meetings_held"], shown["property_disputes"]) == ("0", "4")
    assert "基期为 0" in page.cards["property_disputes"].note.text()  # 2024Q1 had none

    page.select_period("2025")
    wait_computed(qtbot, page)
    assert page.baseline_combo.count() == 1  # for a year 上一期 and 上年同期 are the same
    shown = numbers(page)
    assert (shown["meetings_held"], shown["property_disputes"]) == ("3", "6")
    assert "上升 500.0%" in page.cards["property_disputes"].note.text()  # 2024: 1


def test_a_result_for_an_older_choice_is_dropped(ctx, data, qtbot):
    page = make_page(ctx, qtbot, today=date(2025, 12, 1))
    page.select_period("2025Q1")
    page.select_period("2025Q3")  # chosen before the 2025Q1 figures arrive
    wait_computed(qtbot, page)
    # Both computations have reported (the older one's result is not merely late).
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)
    assert page.indicators.period.label == "2025Q3"
    assert numbers(page)["meetings_held"] == "1"


def test_records_dialog_lists_exactly_the_records_and_opens_them(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    card = page.cards["property_disputes"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    dialog = page.records_dialog
    assert dialog is not None and "物业矛盾" in dialog.windowTitle()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    model = dialog.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    need = kind_label(RecordKind.NEED)
    assert rows == [["2025年4月10日", need, RARE], ["2025年6月20日", need, "电梯维保不到位"]]
    assert "共 2 条" in dialog.status.text()

    with qtbot.waitSignal(ctx.events.record_requested) as opened:
        dialog.view.activated.emit(model.index(1, 0))
    assert opened.args == [RecordKind.NEED.value, data["dispute"]]


def test_keyboard_opens_a_card_and_a_bar_opens_its_needs(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    card = page.cards["meetings_held"]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    dialog = page.records_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    titles = [r.title for r in dialog.model.records]
    assert titles == ["加装电梯议事会", "停车议事会"]

    page.category_chart.group_activated.emit("停车交通")
    dialog = page.records_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    assert [r.id for r in dialog.model.records] == [data["parking"]]
    assert "停车交通" in dialog.windowTitle()


def test_a_category_named_with_markup_shows_as_typed(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    page.category_chart.group_activated.emit(RARE)
    dialog = page.records_dialog
    qtbot.waitUntil(lambda: not dialog.loading, timeout=10_000)
    assert RARE in dialog.heading.text()
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert dialog.model.rowCount() == 0 and "共 0 条" in dialog.status.text()


def test_definition_shows_what_from_which_records_and_which_date(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    card = page.cards["problems_solved"]
    qtbot.mouseClick(card.explain, Qt.MouseButton.LeftButton)
    shown = card.definition_dialog
    assert shown is not None and shown.isVisible()
    text = shown.text.text()
    definition = card.definition
    for part in (definition.counted, definition.records, definition.period_rule):
        assert part.replace("“", "").replace("”", "")[:8] in text.replace("“", "").replace("”", "")
    assert page.records_dialog is None  # 口径说明 is not a click on the card


def test_charts_have_a_bar_per_category_and_status_and_a_year_trend(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    category = page.category_chart
    assert category.categories[-1] == "物业服务"  # drawn bottom-up: first category on top
    counts = dict(zip(category.categories, category.bar_set_values(), strict=True))
    assert counts["物业服务"] == 3 and counts["停车交通"] == 1 and counts["环境卫生"] == 0
    assert len(counts) == len(needs.list_categories(ctx.db))

    # The axis draws rich text: the name is escaped so that it shows as typed.
    axis = next(a for a in category.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert escape(RARE, quote=False) in axis.categories() and counts[RARE] == 0
    # Chart texts use the bundled CJK fonts (the test machine has no other Chinese font).
    assert set(axis.labelsFont().families()) & set(ctx.font_families)
    assert set(category.chart().titleFont().families()) & set(ctx.font_families)

    status = page.status_chart
    words = [name.replace("：", ": ") for name in status.names]  # before/after the merge
    assert words == ["不予受理: 0", "已转办: 0", "已解决: 1", "处理中: 0", "待受理: 3"]
    assert len(status.series.barSets()) == 5

    trend = page.trend_chart
    sets = {s.label(): [int(s.at(i)) for i in range(s.count())] for s in trend.series.barSets()}
    assert sets["召开协商议事会"] == [0, 2, 1, 0]
    assert sets["达成共识"] == [0, 3, 1, 0]
    assert sets["解决问题"] == [0, 1, 0, 0]
    assert len(sets) == 5


def test_status_chart_says_how_its_resolved_differs_from_problems_solved(ctx, data, qtbot):
    """A need registered in Q1 and resolved in Q2 is a problem solved in Q2, yet not among
    the needs registered in Q2: the two numbers differ, and the caption says why."""
    earlier = _need(ctx.db, "一季度登记的需求", "环境卫生", date(2025, 3, 20))
    needs.change_status(ctx.db, earlier, NeedStatus.RESOLVED, "已清理")
    with ctx.db.session() as s:
        s.execute(
            update(NeedStatusChangeRecord)
            .where(NeedStatusChangeRecord.need_id == earlier)
            .values(changed_at=datetime(2025, 4, 2, 2))
        )
    page = make_page(ctx, qtbot)
    assert numbers(page)["problems_solved"] == "2"
    assert "已解决: 1" in [name.replace("：", ": ") for name in page.status_chart.names]
    assert page.status_chart.chart().title() == "2025年第二季度登记的需求 · 现在的状态（共 4 条）"
    caption = page.status_caption
    assert caption.isVisible() and caption.wordWrap()
    text = caption.text()
    assert "2025年第二季度登记的需求现在的状态" in text and "“已解决”1 条" in text
    assert "“解决问题”（2）" in text and "不论何时登记" in text
    assert text.endswith("向街道办报告解决问题的数量，请用“解决问题”。")


def test_page_recomputes_when_records_change(ctx, data, qtbot):
    page = make_page(ctx, qtbot)
    _need(ctx.db, "新的物业矛盾", "物业服务", date(2025, 5, 30), dispute=True)
    ctx.events.changed(RecordKind.NEED)
    qtbot.waitUntil(lambda: page.cards["property_disputes"].number.text() == "3", timeout=10_000)

    page.hide()  # off screen: counted when shown again, not on every change
    _need(ctx.db, "又一件", "物业服务", date(2025, 5, 31), dispute=True)
    # The change reaches the page once the burst of changes is over (a debounce); by the time
    # that has fired, a recomputation would have started: none may have.
    with qtbot.waitSignal(page._debounce.timeout, timeout=10_000):
        ctx.events.changed(RecordKind.NEED)
    assert not page.computing
    assert page.cards["property_disputes"].number.text() == "3"
    page.show()
    qtbot.waitUntil(lambda: page.cards["property_disputes"].number.text() == "4", timeout=10_000)


def test_export_writes_the_workbook_in_the_background(ctx, data, qtbot, tmp_path, monkeypatch):
    page = make_page(ctx, qtbot)
    target = tmp_path / f"统计 {RARE}.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export_button.click()
    assert page.exporting and not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: not page.exporting, timeout=10_000)
    sheet = load_workbook(target).worksheets[0]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert values["召开协商议事会"] == 2
    assert values["物业矛盾"] == 2
    assert str(target) in page.status.text()
    assert page.export_button.isEnabled()


def test_export_that_cannot_write_says_so(ctx, data, qtbot, tmp_path, monkeypatch):
    page = make_page(ctx, qtbot)
    blocked = tmp_path / "occupied.xlsx"
    blocked.mkdir()  # like a file Excel holds open: it cannot be replaced
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    page.export_to(blocked)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert str(blocked) in said[0] and "Excel 中打开" in said[0] and "请先关闭" in said[0]
    assert "Traceback" not in said[0] and blocked.is_dir()
    assert page.export_button.isEnabled()


def test_extra_large_text_does_not_clip_the_cards(ctx, data, qtbot):
    app = QApplication.instance()
    standard = app.font()
    page = make_page(ctx, qtbot)
    page.resize(1010, 700)  # the window at 1280 wide, less the navigation
    qtbot.wait(20)
    standard_columns = page._columns
    try:
        app.setFont(app_font(ctx.font_families, "extra_large"))
        qtbot.wait(50)
        for card in page.cards.values():
            assert card.width() >= card.minimumSizeHint().width()
            for label in card.findChildren(QLabel):
                if not label.isVisible():
                    continue
                metrics = label.fontMetrics()
                if label.wordWrap():
                    assert label.height() >= label.heightForWidth(label.width()) - 1, label.text()
                else:
                    assert label.width() >= metrics.horizontalAdvance(label.text()), label.text()
                    assert label.height() >= metrics.height(), label.text()
            button = card.explain
            assert button.width() >= button.sizeHint().width()
        assert page._columns < standard_columns  # fewer, wider cards at 特大
        assert page.category_chart.minimumHeight() > 14 * 20
    finally:
        app.setFont(standard)


def test_record_model(qtmodeltester):
    from desktop.indicators import IndicatorRecord

    model = IndicatorRecordModel()
    model.set_records(
        [
            IndicatorRecord(RecordKind.NEED, 1, RARE, date(2025, 4, 10)),
            IndicatorRecord(RecordKind.TALENT, 2, "李四", date(2025, 4, 11)),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, IndicatorRecordModel.TITLE).data() == RARE
    assert model.index(1, IndicatorRecordModel.DATE).data() == "2025年4月11日"
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, 0).data(tip) and not model.index(1, 0).data(tip)
