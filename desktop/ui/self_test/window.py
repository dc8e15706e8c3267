"""The window's checks: the main window opens off-screen on the demo, every page of the
registry is shown in turn, and every kind of record form opens and closes.

The forms are found, not listed: every RecordForm subclass in desktop.ui.dialogs. Most open
on a new record as ``Form(ctx)``; ``samples`` gives the few that need more (a visit to follow
up, the organization a member joins) what they need from the demo. A new kind of form that
needs something else fails here until it gets its sample.
"""

import importlib
import logging
import pkgutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from types import TracebackType

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from desktop.ui.self_test import Check, CheckFailed, Run
from desktop.ui.tasks import pending_tasks, wait_for_tasks

log = logging.getLogger(__name__)

SETTLE_SECONDS = 20.0  # the longest a page's background loading may take on a slow PC
GUARD_MS = 100


def settle(seconds: float = SETTLE_SECONDS) -> None:
    """Let the background work started so far finish and its results reach the widgets."""
    deadline = time.monotonic() + seconds
    QApplication.processEvents()
    while pending_tasks():
        if time.monotonic() > deadline:
            raise CheckFailed(f"后台任务 {seconds:.0f} 秒内没有完成")
        wait_for_tasks(50)
        QApplication.processEvents()


class Guard(QObject):
    """While the window is up: an error raised in a slot is noted (not shown in a box), and a
    modal box nobody expected (which would wait forever for a click that never comes) is
    noted and closed. ``take()`` hands over what was noted since the last call."""

    def __init__(self) -> None:
        super().__init__()
        self.noted: list[str] = []
        self.expected: QWidget | None = None  # the form under test: modal, and meant to be
        self._timer = QTimer(self, interval=GUARD_MS)
        self._timer.timeout.connect(self._close_unexpected)
        self._timer.start()
        self._hook = sys.excepthook
        sys.excepthook = self._error

    def _error(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("error in the window during the self-test", exc_info=(kind, error, tb))
        self.noted.append(f"程序出错（{kind.__name__}）")

    def _close_unexpected(self) -> None:
        box = QApplication.activeModalWidget()
        if box is None or box is self.expected or isinstance(box, QProgressDialog):
            return
        self.noted.append(f"弹出了意外的对话框“{box.windowTitle()}”")
        if isinstance(box, QDialog):
            box.reject()
        else:
            box.close()

    def take(self) -> list[str]:
        noted, self.noted = self.noted, []
        return noted

    def stop(self) -> None:
        self._timer.stop()
        sys.excepthook = self._hook


def _raise_noted(run: Run, what: str) -> None:
    noted = run.guard.take() if run.guard is not None else []
    if noted:
        raise CheckFailed(f"{what}时{'；'.join(dict.fromkeys(noted))}（详情见日志）")


def main_window(run: Run) -> str:
    """The window on the demo, as the app opens it, with every page of the navigation shown."""
    from desktop.ui.context import AppContext, open_settings
    from desktop.ui.events import AppEvents
    from desktop.ui.main_window import MainWindow

    run.need(run.db, "演示数据")
    run.need(run.families, "字体")
    run.guard = Guard()
    run.ctx = AppContext(
        db=run.db,
        events=AppEvents(),
        data_dir=run.data_dir,
        settings=open_settings(run.data_dir),
        font_families=run.families,
        lang="zh_CN",
        demo=True,
    )
    run.db.hold_writes()  # as at start: writes wait for the window's check of the file
    window = run.window = MainWindow(run.ctx)
    window.show()
    settle()
    if not window.data_file_ok:
        raise CheckFailed("窗口对演示数据文件的检查没有通过")
    shown = []
    for row, spec in enumerate(window.page_specs):
        window.navigation.setCurrentRow(row)
        settle()
        page = window.page(spec.name)
        if window.pages.currentWidget() is not page or not page.isVisible():
            raise CheckFailed(f"页面“{window.navigation.item(row).text()}”没有显示出来")
        shown.append(window.navigation.item(row).text())
        _raise_noted(run, f"打开页面“{shown[-1]}”")
    return f"主窗口已在屏幕外打开，{len(shown)} 个页面逐一显示：{'、'.join(shown)}"


def record_form_kinds() -> list[type]:
    """Every kind of record form: the RecordForm subclasses in desktop.ui.dialogs."""
    import desktop.ui.dialogs as package
    from desktop.ui.dialogs.form import RecordDialog, RecordForm

    kinds: dict[type, None] = {}
    for module in pkgutil.iter_modules(package.__path__):
        found = importlib.import_module(f"{package.__name__}.{module.name}")
        for value in vars(found).values():
            if (
                isinstance(value, type)
                and issubclass(value, RecordForm)
                and value not in (RecordForm, RecordDialog)
            ):
                kinds[value] = None
    return sorted(kinds, key=lambda k: (k.__module__, k.__name__))


Sample = Callable[[object], QDialog]  # the context → the form, open on a record of the demo


def samples(run: Run) -> dict[type, Sample]:
    """The forms that need more than the context, with what they need from the demo."""
    from desktop.domain.partners import Agreement, PartnerActivity, PartnerActivityKind
    from desktop.domain.roster import TalentRight
    from desktop.domain.self_organizations import Activity
    from desktop.domain.stations import StationMonth
    from desktop.domain.talents import Cultivation, RightUse
    from desktop.domain.visits import VisitQuery
    from desktop.services import committee, compacts, neighborhood, people, visits
    from desktop.ui.dialogs import (
        building,
        compact,
        follow_up,
        organization_activity,
        partner_activity,
        partner_agreement,
        station_service,
        talent_record,
    )

    db = run.db
    person = people.all_people(db)[0]
    org = committee.committee_organizations(db)[0].id  # the forms only carry its id
    visit = visits.list_visits(db, VisitQuery(), limit=1)[0].id
    first_compact = compacts.get_compact(db, compacts.list_compacts(db)[0].id)
    version = first_compact.draft or first_compact.current
    month = StationMonth(0, date.today().replace(day=1))
    return {
        building.BuildingDialog: lambda ctx: building.BuildingDialog(
            ctx, grids=neighborhood.list_grids(db)
        ),
        compact.CompactEditor: lambda ctx: compact.CompactEditor(ctx, first_compact.id, version),
        follow_up.FollowUpDialog: lambda ctx: follow_up.FollowUpDialog(ctx, visit),
        organization_activity.ActivityDialog: lambda ctx: organization_activity.ActivityDialog(
            ctx, Activity(org)
        ),
        organization_activity.MemberDialog: lambda ctx: organization_activity.MemberDialog(
            ctx, organization_id=org
        ),
        partner_activity.ActivityDialog: lambda ctx: partner_activity.ActivityDialog(
            ctx, PartnerActivity(org, PartnerActivityKind.PAIRING)
        ),
        partner_agreement.AgreementDialog: lambda ctx: partner_agreement.AgreementDialog(
            ctx, Agreement(org)
        ),
        station_service.StationMonthDialog: lambda ctx: station_service.StationMonthDialog(
            ctx, month, "驿站"
        ),
        talent_record.CultivationDialog: lambda ctx: talent_record.CultivationDialog(
            ctx, Cultivation(person.id)
        ),
        talent_record.DiscoveryDialog: lambda ctx: talent_record.DiscoveryDialog(
            ctx, person.id, person.name, None
        ),
        talent_record.RightUseDialog: lambda ctx: talent_record.RightUseDialog(
            ctx, RightUse(person.id, TalentRight.SUGGESTION)
        ),
    }


def dialogs(run: Run) -> str:
    """Each kind of record form opens over the window and closes again without a trace."""
    run.need(run.window, "主窗口")
    kinds = record_form_kinds()
    given = samples(run)
    # A bundle that left form modules out would otherwise pass on the few it has.
    unseen = sorted(k.__name__ for k in given if k not in kinds)
    if unseen:
        raise CheckFailed(f"安装不完整：找不到表单 {'、'.join(unseen)} 所在的模块")
    broken = []
    for kind in kinds:
        make = given.get(kind, kind)
        try:
            with _opened(run, make(run.ctx)):
                pass
        except Exception as exc:
            log.exception("record form %s did not open", kind.__name__)
            broken.append(f"{kind.__module__.rsplit('.', 1)[-1]}.{kind.__name__}（{exc}）")
        _raise_noted(run, f"打开表单 {kind.__name__} ")
    if broken:
        raise CheckFailed(f"{len(broken)} 种表单打不开：{'、'.join(broken)}")
    return f"{len(kinds)} 种记录表单都能打开和关闭"


@contextmanager
def _opened(run: Run, dialog: QDialog) -> Iterator[QDialog]:
    """The form shown (modal, as the pages show it, but without waiting), then closed."""
    assert run.guard is not None
    run.guard.expected = dialog
    try:
        dialog.setParent(run.window, dialog.windowFlags())
        dialog.open()
        settle()
        if not dialog.isVisible():
            raise CheckFailed("没有显示出来")
        yield dialog
    finally:
        dialog.reject()
        dialog.deleteLater()
        settle()
        run.guard.expected = None


def close_all(run: Run) -> None:
    """The window closed and the demo's data file released, so the folder can be removed."""
    if run.window is not None:
        run.window.close()
        run.window.deleteLater()
        run.window = None
    wait_for_tasks()
    QApplication.processEvents()
    if run.guard is not None:
        run.guard.stop()
        run.guard = None
    if run.db is not None:
        run.db.close()
        run.db = None
    run.ctx = None


CHECKS: list[Check] = [
    ("窗口和页面", main_window),
    ("对话框", dialogs),
]
