"""The sync scheduler: one sync at a time, back-off, no nagging, the network as a trigger.

The real client syncs with a real street office (tests/ui/street_office.py); only the
network's reachability is played by the test.
"""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

from desktop.domain.kinds import RecordKind
from desktop.sync import client
from desktop.sync.client import Cancelled
from desktop.ui.sync_scheduler import (
    START_DELAY,
    SUCCESS_INTERVAL,
    SyncScheduler,
    SyncState,
    human_size,
    status_bar_text,
)
from tests.ui.street_office import (
    OFFLINE,
    WRONG_TOKEN,
    StreetOffice,
    add_needs,
    shrink_since_last_upload,
)

Reachability = QNetworkInformation.Reachability
MINUTE = timedelta(minutes=1)
NO_SPREAD = timedelta(0)


class FakeNetwork(QObject):
    """QNetworkInformation's two members the scheduler uses, driven by the test."""

    reachabilityChanged = Signal(object)  # Qt's name

    def __init__(self, reachability: QNetworkInformation.Reachability) -> None:
        super().__init__()
        self.value = reachability

    def reachability(self) -> QNetworkInformation.Reachability:
        return self.value

    def become(self, reachability: QNetworkInformation.Reachability) -> None:
        self.value = reachability
        self.reachabilityChanged.emit(reachability)


@pytest.fixture
def unset_office(ctx, shared_street, monkeypatch):
    """A branch on the real street office; the data folder not yet pointed at it."""
    street = StreetOffice(shared_street, ctx.data_dir, monkeypatch)
    yield street
    street.close()


@pytest.fixture
def office(unset_office):
    unset_office.configure()
    return unset_office


@pytest.fixture
def network():
    return FakeNetwork(Reachability.Online)


@pytest.fixture
def scheduler(ctx, qtbot, office, network):
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=network, network_spread=NO_SPREAD)
    sched.start()
    qtbot.waitUntil(lambda: sched.state.loaded and sched.state.configured, timeout=5000)
    yield sched
    sched.stop()


def tick(qtbot, scheduler: SyncScheduler) -> None:
    """The timer fires (without waiting minutes for it), and the sync it starts ends."""
    scheduler._timer.timeout.emit()
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=10_000)


def test_first_automatic_sync_is_planned_shortly_after_start(scheduler, office):
    assert scheduler.retry_interval() == START_DELAY
    assert scheduler.state.next_attempt_at is not None
    # Nothing at once: start-up is not slowed (the first sync waits for the timer).
    assert not scheduler.state.running and scheduler._timer.isActive()
    assert office.calls == [] and office.requests == []


def test_a_second_request_while_one_runs_is_merged(scheduler, office, network, qtbot):
    office.hold_upload()
    assert scheduler.sync_now()
    assert office.held.wait(10)
    assert scheduler.state.running
    assert not scheduler.sync_now()  # merged
    scheduler._timer.timeout.emit()
    network.become(Reachability.Disconnected)
    network.become(Reachability.Online)
    office.release()
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=10_000)
    assert office.calls == [False]
    assert scheduler.state.result.version == 1
    assert scheduler.retry_interval() == SUCCESS_INTERVAL  # and nothing else is due


def test_back_off_grows_after_retryable_failures_and_resets_after_success(scheduler, office, qtbot):
    office.configure(server=office.dead_url)  # the line is down: nothing answers
    waits = []
    for _ in range(8):
        tick(qtbot, scheduler)
        waits.append(scheduler.retry_interval())
    assert waits == [MINUTE * m for m in (1, 2, 4, 8, 16, 32, 60, 60)]
    assert scheduler.state.error == OFFLINE
    assert status_bar_text(scheduler.state) == "同步失败：" + OFFLINE.rstrip("。")
    office.configure()  # the line is back (saved behind the scheduler's back: no reset)
    tick(qtbot, scheduler)  # this one succeeds
    assert scheduler.retry_interval() == SUCCESS_INTERVAL == timedelta(minutes=30)
    assert scheduler.state.error is None
    office.configure(server=office.dead_url)
    tick(qtbot, scheduler)
    assert scheduler.retry_interval() == MINUTE  # the count started again
    assert len(office.calls) == 10
    assert office.version() == 1


def test_no_automatic_retry_after_an_error_only_the_secretary_can_fix(
    scheduler, office, network, qtbot
):
    office.configure(token=office.wrong_token)
    tick(qtbot, scheduler)
    assert scheduler.state.error == WRONG_TOKEN
    assert scheduler.state.waiting_for_secretary
    assert scheduler.retry_interval() is None
    assert not scheduler._timer.isActive()
    network.become(Reachability.Disconnected)
    network.become(Reachability.Online)
    scheduler._timer.timeout.emit()
    # Both triggers are handled as they come: neither started a sync nor planned one.
    assert not scheduler.state.running
    assert not scheduler._timer.isActive() and scheduler.retry_interval() is None
    assert office.calls == [False]
    # New settings lift the stop: an automatic sync is planned again.
    office.configure()
    scheduler.settings_changed()
    qtbot.waitUntil(lambda: scheduler.retry_interval() == START_DELAY, timeout=5000)
    assert not scheduler.state.waiting_for_secretary


def test_sync_now_runs_even_after_such_an_error(scheduler, office, qtbot):
    office.configure(token=office.wrong_token)
    tick(qtbot, scheduler)
    assert scheduler.state.waiting_for_secretary
    office.configure()  # put right on disk, without telling the scheduler
    assert scheduler.sync_now()
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=10_000)
    assert office.calls == [False, False]
    assert not scheduler.state.waiting_for_secretary
    assert scheduler.retry_interval() == SUCCESS_INTERVAL
    assert office.version() == 1


def test_network_coming_back_triggers_a_sync(ctx, qtbot, office):
    network = FakeNetwork(Reachability.Disconnected)
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=network, network_spread=NO_SPREAD)
    sched.start()
    qtbot.waitUntil(lambda: sched.state.configured, timeout=5000)
    try:
        network.become(Reachability.Online)
        qtbot.waitUntil(lambda: len(office.calls) == 1 and not sched.state.running, timeout=10_000)
        network.become(Reachability.Online)  # no change: no second sync
        # A sync for the network is planned at once (no spread here): none was.
        assert sched.retry_interval() == SUCCESS_INTERVAL
        assert not sched.state.running and len(office.calls) == 1
        assert sched.state.last_success_at is not None
        assert office.version() == 1
    finally:
        sched.stop()


def test_branches_back_online_together_spread_their_uploads(ctx, qtbot, office):
    network = FakeNetwork(Reachability.Disconnected)
    spread = timedelta(seconds=60)
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=network, network_spread=spread)
    sched.start()
    qtbot.waitUntil(lambda: sched.state.configured, timeout=5000)
    try:
        before = datetime.now(UTC)
        network.become(Reachability.Online)
        assert not sched.state.running and office.calls == []  # not this very second
        planned = sched.state.next_attempt_at
        assert planned is not None and before <= planned <= before + spread + timedelta(seconds=1)
    finally:
        sched.stop()


def test_unknown_reachability_still_syncs_on_the_timer(ctx, qtbot, office):
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=FakeNetwork(Reachability.Unknown))
    sched.start()
    try:
        qtbot.waitUntil(lambda: sched.retry_interval() == START_DELAY, timeout=5000)
        tick(qtbot, sched)
        assert office.calls == [False]
        assert office.version() == 1
    finally:
        sched.stop()


def test_nothing_runs_automatically_when_auto_is_off(ctx, qtbot, unset_office, network):
    office = unset_office
    office.configure(auto=False)
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=network)
    sched.start()
    try:
        qtbot.waitUntil(lambda: sched.state.configured, timeout=5000)
        assert not sched.state.auto
        assert sched.retry_interval() is None
        network.become(Reachability.Disconnected)
        network.become(Reachability.Online)
        # The network is heard as it changes: no sync started, none planned.
        assert not sched.state.running and not sched._timer.isActive()
        assert office.calls == []
        assert sched.sync_now()  # by hand it still works
        qtbot.waitUntil(lambda: office.calls == [False], timeout=5000)
        qtbot.waitUntil(lambda: not sched.state.running, timeout=10_000)
        assert office.version() == 1
    finally:
        sched.stop()


def test_nothing_runs_when_not_set_up(ctx, qtbot, unset_office, network):
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=network)
    sched.start()
    try:
        qtbot.waitUntil(lambda: sched.state.loaded, timeout=5000)
        assert not sched.state.configured
        assert status_bar_text(sched.state) == "未设置同步"
        assert not sched.sync_now()
        network.become(Reachability.Disconnected)
        network.become(Reachability.Online)
        assert not sched.state.running and not sched._timer.isActive()
        assert unset_office.calls == [] and sched.retry_interval() is None
    finally:
        sched.stop()


def test_shrink_from_the_timer_waits_for_the_secretary_without_a_dialog(
    scheduler, office, ctx, qtbot
):
    shrink_since_last_upload(ctx.db, office)
    # The autouse fixture fails the test on any message box.
    asked = []
    scheduler.shrink_confirmation_needed.connect(asked.append)
    tick(qtbot, scheduler)
    assert asked == []
    assert scheduler.state.shrunk == {"need": (24, 3)}
    assert scheduler.retry_interval() is None
    assert status_bar_text(scheduler.state) == "同步暂停：记录少了很多，请确认"
    assert office.version() == 1
    assert scheduler.sync_now(confirm_shrink=True)
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=10_000)
    assert office.calls == [False, True]
    assert scheduler.state.shrunk is None
    assert office.version() == 2


def test_shrink_from_sync_now_asks(scheduler, office, ctx, qtbot):
    shrink_since_last_upload(ctx.db, office)
    asked = []
    scheduler.shrink_confirmation_needed.connect(asked.append)
    assert scheduler.sync_now()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [{"need": (24, 3)}]
    # Nothing more without her answer: no sync runs and none is planned.
    assert not scheduler.state.running and scheduler.retry_interval() is None
    assert office.calls == [False]
    assert office.version() == 1


def test_pending_size_is_worked_out_once_edits_pause(scheduler, office, ctx, qtbot):
    assert scheduler.sync_now()  # the street office gets everything: nothing left to send
    qtbot.waitUntil(lambda: scheduler.state.pending_bytes == 0, timeout=10_000)
    qtbot.waitUntil(lambda: not scheduler._pending_busy, timeout=5000)
    before = office.pending_calls
    add_needs(ctx.db, 5)
    for _ in range(5):
        ctx.events.changed(RecordKind.NEED)
    qtbot.waitUntil(lambda: bool(scheduler.state.pending_bytes), timeout=10_000)
    # Every look asked for has reported (one more would have started as the last one ended)
    # and none is planned: the count is final.
    qtbot.waitUntil(lambda: not scheduler._pending_busy, timeout=5000)
    assert not scheduler._pending_timer.isActive()
    assert office.pending_calls == before + 1  # debounced: one look for five edits
    assert scheduler.state.pending_bytes == client.pending_bytes(ctx.data_dir)


def test_stop_cancels_a_running_sync(scheduler, office, qtbot):
    office.hold_upload()
    scheduler.sync_now()
    assert office.held.wait(10)
    scheduler.stop()
    office.release()
    qtbot.waitUntil(lambda: bool(office.outcomes), timeout=10_000)
    assert isinstance(office.outcomes[0], Cancelled)
    assert office.version() is None  # the upload was never finished


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "不到 1 KB"), (900, "不到 1 KB"), (84 * 1024, "约 84 KB"), (1_300_000, "约 1.2 MB")],
)
def test_sizes_read_plainly(font_families, size, text):
    assert human_size(size) == text


def test_status_bar_texts(font_families):
    assert status_bar_text(SyncState()) == ""
    assert status_bar_text(SyncState(loaded=True)) == "未设置同步"
    assert status_bar_text(SyncState(loaded=True, configured=True)) == "尚未同步"
    assert status_bar_text(SyncState(loaded=True, running=True)) == "同步中……"
    assert (
        status_bar_text(SyncState(loaded=True, running=True, sent_kib=30, total_kib=120))
        == "同步中…… 25%"
    )


def damaged_marker(data_dir) -> None:
    from desktop.store.health import Health, record_health

    record_health(data_dir, Health(ok=False, problems=("Page 33: btreeInitPage() error 11",)))


def test_nothing_is_synced_while_the_data_file_is_damaged(ctx, qtbot, office, network):
    damaged_marker(ctx.data_dir)  # the last check of the file failed
    sched = SyncScheduler(ctx.data_dir, ctx.events, network=network, network_spread=NO_SPREAD)
    sched.start()
    try:
        qtbot.waitUntil(lambda: sched.state.loaded and sched.state.configured, timeout=5000)
        assert sched.state.damaged
        assert sched.retry_interval() is None and not sched._timer.isActive()
        assert not sched.sync_now()
        network.become(Reachability.Disconnected)
        network.become(Reachability.Online)
        assert not sched._timer.isActive()
        assert status_bar_text(sched.state) == "同步已暂停：数据文件已损坏"
        assert office.calls == []
        # A restore (or a passed check) lifts it: the first sync is planned again.
        from desktop.store.health import marker_path

        marker_path(ctx.data_dir).unlink()
        sched.set_damaged(False)
        assert sched.retry_interval() == START_DELAY
    finally:
        sched.stop()


def test_a_sync_already_planned_does_not_upload_a_file_found_damaged(scheduler, office, ctx, qtbot):
    damaged_marker(ctx.data_dir)
    assert scheduler.sync_now()  # the window had not heard yet
    qtbot.waitUntil(lambda: not scheduler.state.running, timeout=5000)
    assert office.calls == []  # the client was never called
    assert office.version() is None
    assert scheduler.state.damaged
    assert scheduler.retry_interval() is None
    assert "数据文件已损坏" in scheduler.state.error


def test_an_older_read_of_the_status_never_undoes_a_newer_one(ctx, scheduler, monkeypatch):
    """A sync that ends while the status is still being read after the one before: the read
    that finishes last is not the newest, and must not put 尚未同步 back."""
    from desktop.sync import status as sync_status
    from desktop.ui import sync_scheduler

    started = []
    monkeypatch.setattr(
        sync_scheduler, "run_task", lambda work, done, failed: started.append((work, done))
    )
    scheduler.reload()
    (older_work, older_done) = started[0]
    older = older_work()  # read before the sync's success was written
    synced_at = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    sync_status.save_status(ctx.data_dir, sync_status.SyncStatus(last_success_at=synced_at))
    scheduler.reload()
    (newer_work, newer_done) = started[1]
    newer_done(newer_work())
    older_done(older)  # arrives last
    assert scheduler.state.last_success_at == synced_at
