"""Sync to the street office in the background (docs/architecture.md, "Sync").

One sync at a time: a request while one runs is merged into it. Automatic syncs come from a
timer (every 30 minutes after a success, back-off 1, 2, 4 … 60 minutes after trouble the
network may cure) and from the network coming back. An error only the secretary can fix
(wrong token, bad address, a refused shrink) stops automatic syncs until she changes the
settings or presses 立即同步, so nothing nags or pops up at random times.

desktop.sync is imported inside the background work only (but for the back-off arithmetic):
start-up does not pay for it, and every call into it runs through ui/tasks.
"""

import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.dates import SHANGHAI, format_date, to_local
from desktop.services import audit, backups
from desktop.sync import backoff  # plain arithmetic, shared with `shuren sync`
from desktop.ui.events import AppEvents
from desktop.ui.i18n import translate
from desktop.ui.tasks import Progress, run_task, run_with_progress

if TYPE_CHECKING:  # QtNetwork is loaded at start(), after the window is up
    from PySide6.QtNetwork import QNetworkInformation

log = logging.getLogger(__name__)

SUCCESS_INTERVAL = timedelta(seconds=backoff.SUCCESS_INTERVAL)
START_DELAY = timedelta(seconds=10)  # let the window settle before the first upload
# When the network returns after a street-wide outage, a hundred branches would upload in the
# same second; each waits a random moment within this span instead.
NETWORK_SPREAD = timedelta(seconds=60)
PENDING_DELAY_MS = 2000  # edits come in bursts: size the pending changes once they pause


@dataclass(frozen=True)
class SyncState:
    """What the page and the status bar show; emitted whole on every change."""

    loaded: bool = False  # settings and status read at least once
    server: str = ""
    configured: bool = False  # a server address and a token are saved
    auto: bool = True
    running: bool = False
    sent_kib: int = 0  # progress of the running sync
    total_kib: int = 0
    last_success_at: datetime | None = None  # UTC-aware
    version: int | None = None  # the version the street office last acknowledged
    pending_bytes: int | None = None  # None: not known (yet)
    error: str | None = None  # Chinese, from the last attempt
    waiting_for_secretary: bool = False  # no automatic retry until she acts
    shrunk: Mapping[str, tuple[int, int]] | None = None  # a refused shrink awaiting her word
    next_attempt_at: datetime | None = None  # UTC-aware; None: no automatic sync planned
    result: Any = None  # client.SyncResult of the last sync of this session
    cancelled: bool = False  # the last sync was cancelled
    # Another PC's copy is current at the street office (its version); this PC's waits for
    # the secretary's choice. ``behind``: nothing changed here since the last sync.
    diverged: int | None = None
    behind: bool = False
    resolving: bool = False  # a restore, a merge or 以本机为准 is running
    damaged: bool = False  # the data file failed its check: nothing is uploaded


class SyncScheduler(QObject):
    changed = Signal(object)  # SyncState
    # A sync the secretary asked for was refused because lists shrank: {table: (old, new)}.
    shrink_confirmation_needed = Signal(object)
    # The outcome of ``resolve``: resolve.Restored, resolve.Merged or client.SyncResult; or the
    # Chinese sentence saying why it failed.
    resolved = Signal(object)
    resolve_failed = Signal(str)

    def __init__(
        self,
        data_dir: Path,
        events: AppEvents | None = None,
        network: QObject | None = None,
        parent: QObject | None = None,
        network_spread: timedelta = NETWORK_SPREAD,
    ) -> None:
        """``network``: anything with QNetworkInformation's ``reachability()`` and
        ``reachabilityChanged``; by default the platform's, loaded at ``start()``."""
        super().__init__(parent)
        self._network_spread = network_spread
        self._data_dir = data_dir
        self._state = SyncState()
        self._started = False
        self._network = network
        self._reachability: QNetworkInformation.Reachability | None = None
        self._failures = 0
        self._delay: timedelta | None = None
        self._progress: Progress | None = None
        self._manual = False  # the running sync was asked for by the secretary
        self._reads = 0  # settings and status reads started (see ``reload``)
        self._settings_changed = False
        self._pending_busy = False
        self._pending_again = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._tick)
        self._pending_timer = QTimer(self, singleShot=True, interval=PENDING_DELAY_MS)
        self._pending_timer.timeout.connect(self.refresh_pending)
        if events is not None:
            events.data_changed.connect(self._data_changed)
            events.sync_state_changed.connect(self.settings_changed)

    # -- public ---------------------------------------------------------------------------
    @property
    def state(self) -> SyncState:
        return self._state

    def start(self) -> None:
        """Once the window is on screen: read the settings, watch the network, plan a sync."""
        if self._started:
            return
        self._started = True
        self._watch_network()
        self._settings_changed = True  # the first plan after loading is a short delay
        self.reload()

    def stop(self) -> None:
        """At shutdown: cancel a running sync (it is safe to repeat) and plan nothing more."""
        self._started = False
        self._timer.stop()
        self._pending_timer.stop()
        self._delay = None
        if self._progress is not None:
            self._progress.cancel()
        if self._network is not None:
            self._network.reachabilityChanged.disconnect(self._reachability_changed)
            self._network = None

    def reload(self) -> None:
        """Read the saved settings and the last status (in the background)."""

        def work() -> tuple[Any, bool, Any, bool]:
            from desktop.sync import config, status

            settings = config.load_config(self._data_dir)
            token = config.load_token(self._data_dir)
            damaged = backups.last_check_failed(self._data_dir)
            return settings, bool(token), status.load_status(self._data_dir), damaged

        # Reads overlap (a sync ends while the last one is still reading): only the newest may
        # set the state, or an older status file would undo what a sync just did.
        self._reads += 1
        read = self._reads
        run_task(
            work,
            lambda loaded: read == self._reads and self._loaded(loaded),
            lambda exc: read == self._reads and self._load_failed(exc),
        )

    def settings_changed(self) -> None:
        """The secretary saved new settings: whatever stopped automatic sync may be fixed."""
        self._failures = 0
        self._settings_changed = True
        self._update(waiting_for_secretary=False, shrunk=None)
        self.reload()

    def sync_now(self, confirm_shrink: bool = False) -> bool:
        """立即同步 or 确认并上传: runs even after an error that stopped automatic sync.
        False when a sync is already running (this request is merged into it), and while the
        data file is damaged."""
        if self._state.damaged:
            return False
        if self._state.running:
            self._manual = True  # its outcome is now the secretary's to see
            return False
        if not self._state.configured:
            return False
        self._run(manual=True, confirm_shrink=confirm_shrink)
        return True

    def resolve(self, choice: str) -> bool:
        """Settle a divergence: "server" (以街道办的数据为准), "local" (以本机为准) or
        "merge" (合并). The outcome comes as ``resolved`` or ``resolve_failed``."""
        if self._state.running:
            return False
        self._timer.stop()
        self._delay = None
        self._update(running=True, resolving=True, sent_kib=0, total_kib=0, result=None)
        data_dir = self._data_dir

        def work(progress: Progress) -> Any:
            from desktop.sync import resolve

            act = {
                "server": resolve.restore_from_street,
                "local": resolve.keep_local,
                "merge": resolve.merge_with_street,
            }[choice]
            return audit.resolution_noted(
                data_dir,
                choice,
                lambda: act(
                    data_dir,
                    progress=lambda done, total: progress.report(done // 1024, total // 1024),
                    cancelled=progress.cancelled,
                ),
            )

        self._progress = run_with_progress(
            work, self._resolve_done, self._resolve_error, self._progressed
        )
        return True

    def _resolve_done(self, outcome: Any) -> None:
        self._progress = None
        self._failures = 0
        self._update(
            running=False,
            resolving=False,
            error=None,
            diverged=None,
            behind=False,
            waiting_for_secretary=False,
            shrunk=None,
        )
        self.resolved.emit(outcome)
        self._plan(SUCCESS_INTERVAL)
        self.reload()
        self.refresh_pending()

    def _resolve_error(self, exc: Exception) -> None:
        from desktop.store.replace import ChangedMeanwhile
        from desktop.sync.client import SyncError

        self._progress = None
        self._update(running=False, resolving=False)
        if isinstance(exc, ChangedMeanwhile):
            message = translate(
                "SyncScheduler",
                "The data was changed while this was being done, so nothing was replaced. "
                "Please try again.",
            )
        elif isinstance(exc, SyncError):
            message = exc.by_hand()
        else:
            log.error("resolving a divergence failed", exc_info=exc)
            message = unexpected_sync_error()
        self.resolve_failed.emit(message)
        self.reload()

    def set_damaged(self, damaged: bool) -> None:
        """The window's check of the data file: a damaged file is never uploaded."""
        if damaged == self._state.damaged:
            return
        self._update(damaged=damaged)
        if damaged:
            self._plan(SUCCESS_INTERVAL)  # plans nothing while damaged
        elif self._started and self._state.loaded:
            self._plan(START_DELAY)

    def cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()

    def retry_interval(self) -> timedelta | None:
        """The wait before the next automatic sync, None when none is planned."""
        return self._delay

    def refresh_pending(self) -> None:
        """Size the changes not yet uploaded (~0.3 s on a big file, so in the background)."""
        if not self._state.configured or self._state.running:
            return  # a finished sync refreshes it
        if self._pending_busy:
            self._pending_again = True
            return
        self._pending_busy = True

        def work() -> int:
            from desktop.sync import client

            return client.pending_bytes(self._data_dir)

        def done(size: int) -> None:
            self._pending_busy = False
            self._update(pending_bytes=size)
            self._pending_again_if_asked()

        def failed(_exc: Exception) -> None:
            self._pending_busy = False
            self._update(pending_bytes=None)
            self._pending_again_if_asked()

        run_task(work, done, failed)

    # -- loading --------------------------------------------------------------------------
    def _loaded(self, loaded: tuple[Any, bool, Any, bool]) -> None:
        settings, has_token, status, damaged = loaded
        configured = bool(settings.server and has_token)
        first = not self._state.loaded
        if status.diverged is not None:  # unresolved, maybe from an earlier session
            self._update(diverged=status.diverged.server_version, waiting_for_secretary=True)
        elif self._state.diverged is not None and not self._state.running:  # settled meanwhile
            self._update(diverged=None, behind=False)
        self._update(
            loaded=True,
            server=settings.server,
            configured=configured,
            auto=settings.auto,
            last_success_at=status.last_success_at,
            version=status.version,
            # This session's own outcome is fresher than the file, once there is one.
            error=status.last_error if first else self._state.error,
            damaged=damaged or self._state.damaged,
        )
        if not configured:
            self._update(pending_bytes=None)
        if self._settings_changed:
            self._settings_changed = False
            self._plan(START_DELAY)
            self.refresh_pending()
        elif not self._state.running and not self._timer.isActive():
            self._plan(self._delay or SUCCESS_INTERVAL)

    def _load_failed(self, _exc: Exception) -> None:
        self._update(
            loaded=True,
            configured=False,
            error=translate(
                "SyncScheduler",
                "The sync settings could not be read. Open the Sync page and save them again.",
            ),
        )

    # -- planning -------------------------------------------------------------------------
    def _may_sync_automatically(self) -> bool:
        s = self._state
        return (
            self._started
            and s.configured
            and s.auto
            and not s.waiting_for_secretary
            and not s.running
            and not s.damaged
        )

    def _plan(self, delay: timedelta) -> None:
        """Plan the next automatic sync, or none when automatic sync may not run now."""
        if not self._may_sync_automatically():
            self._timer.stop()
            self._delay = None
            self._update(next_attempt_at=None)
            return
        self._delay = delay
        self._timer.start(int(delay.total_seconds() * 1000))
        self._update(next_attempt_at=datetime.now(UTC) + delay)

    def _tick(self) -> None:
        if self._may_sync_automatically():
            self._run(manual=False, confirm_shrink=False)

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if self._network is None:
            # No backend, or one that says Unknown: the timer with back-off still runs.
            if QNetworkInformation.loadDefaultBackend():
                self._network = QNetworkInformation.instance()
            else:
                log.info("no network information backend; syncing on the timer only")
        if self._network is not None:
            self._reachability = self._network.reachability()
            self._network.reachabilityChanged.connect(self._reachability_changed)

    def _reachability_changed(self, reachability: "QNetworkInformation.Reachability") -> None:
        from PySide6.QtNetwork import QNetworkInformation

        before, self._reachability = self._reachability, reachability
        # Rising to Local or better counts: a street office server may sit on an intranet
        # that the backend never calls Online.
        rising = before is None or reachability.value > before.value
        reachable = reachability.value >= QNetworkInformation.Reachability.Local.value
        if rising and reachable and self._may_sync_automatically():
            self._failures = 0
            delay = self._network_spread * random.random()
            log.info("network reachable again (%s): syncing in %s", reachability.name, delay)
            self._plan(delay)

    def _data_changed(self, _kind: str) -> None:
        if self._state.configured:
            self._pending_timer.start()

    def _pending_again_if_asked(self) -> None:
        if self._pending_again:
            self._pending_again = False
            self.refresh_pending()

    # -- running --------------------------------------------------------------------------
    def _run(self, *, manual: bool, confirm_shrink: bool) -> None:
        self._manual = manual
        self._timer.stop()
        self._delay = None
        self._update(
            running=True,
            sent_kib=0,
            total_kib=0,
            next_attempt_at=None,
            cancelled=False,
            result=None,
        )
        data_dir = self._data_dir

        def attempt(progress: Progress) -> Any:
            from desktop.sync import client

            report = backups.damage_report(data_dir)
            if report is not None:  # marked damaged since this sync was planned
                raise backups.DamagedDatabaseError(report.problems)
            # Kibibytes: Qt signals carry 32-bit ints and a file may pass 2 GiB.
            return client.sync_once(
                data_dir,
                confirm_shrink=confirm_shrink,
                progress=lambda done, total: progress.report(done // 1024, total // 1024),
                cancelled=progress.cancelled,
            )

        def work(progress: Progress) -> Any:  # every attempt, automatic or not, is noted
            return audit.sync_noted(data_dir, lambda: attempt(progress))

        self._progress = run_with_progress(work, self._succeeded, self._failed, self._progressed)

    def _progressed(self, sent_kib: int, total_kib: int) -> None:
        self._update(sent_kib=sent_kib, total_kib=total_kib)

    def _succeeded(self, result: Any) -> None:
        self._progress = None
        self._failures = 0
        self._update(
            running=False,
            result=result,
            error=None,
            waiting_for_secretary=False,
            shrunk=None,
            diverged=None,
            behind=False,
            last_success_at=datetime.now(UTC),  # until the status file is read again
            version=getattr(result, "version", self._state.version),
        )
        self._plan(SUCCESS_INTERVAL)
        self.reload()
        self.refresh_pending()

    def _failed(self, exc: Exception) -> None:
        from desktop.sync.client import Cancelled, Diverged, ShrinkRefused, SyncError
        from desktop.sync.errors import DataFileDamaged

        self._progress = None
        manual = self._manual
        self._update(running=False)
        if isinstance(exc, backups.DamagedDatabaseError | DataFileDamaged):
            self._update(damaged=True, error=damaged_sync_error())
            self._plan(SUCCESS_INTERVAL)  # plans nothing while damaged
        elif isinstance(exc, Diverged):
            # Nothing more goes up until she chooses on the Sync page.
            self._update(
                error=exc.message,
                diverged=exc.server_version,
                behind=exc.behind,
                waiting_for_secretary=True,
            )
            self._plan(SUCCESS_INTERVAL)
        elif isinstance(exc, Cancelled):
            self._update(cancelled=True)
            self._plan(SUCCESS_INTERVAL)
        elif isinstance(exc, ShrinkRefused):
            # Never uploaded without her word; never asked out of the blue either.
            self._update(error=exc.message, shrunk=dict(exc.shrunk), waiting_for_secretary=True)
            self._plan(SUCCESS_INTERVAL)  # plans nothing while she has not answered
            if manual:
                self.shrink_confirmation_needed.emit(dict(exc.shrunk))
        elif isinstance(exc, SyncError) and not exc.retry:
            self._update(error=exc.message, waiting_for_secretary=True)
            self._plan(SUCCESS_INTERVAL)
        else:
            message = exc.message if isinstance(exc, SyncError) else unexpected_sync_error()
            self._failures += 1
            self._update(error=message)
            self._plan(timedelta(seconds=backoff.retry_delay(self._failures)))
        self.reload()
        self.refresh_pending()

    def _update(self, **changes: Any) -> None:
        new = replace(self._state, **changes)
        if new != self._state:
            self._state = new
            self.changed.emit(new)


# -- texts shared by the status bar and the page ---------------------------------------------


def unexpected_sync_error() -> str:
    return translate(
        "SyncScheduler",
        "The sync stopped because of an unexpected problem. It will be tried again later; if "
        "this keeps happening, tell the street office and send them the log file from the "
        "data folder.",
    )


def damaged_sync_error() -> str:
    return translate(
        "SyncScheduler",
        "Nothing was uploaded: the data file is damaged. Restore a sound backup (Settings, "
        "Restore from a backup); sync starts again once the file passes its check.",
    )


def short_time(value: datetime) -> str:
    """“11月25日 14:30” this year, with the year otherwise."""
    local = to_local(value) or value
    if local.year == datetime.now(SHANGHAI).year:
        return f"{local.month}月{local.day}日 {local:%H:%M}"
    return f"{format_date(local)} {local:%H:%M}"


def human_size(size: int) -> str:
    """Sizes as a secretary reads them: 约 84 KB, 约 1.2 MB."""
    if size < 1024:
        return translate("SyncScheduler", "less than 1 KB")
    if size < 1024 * 1024:
        return translate("SyncScheduler", "about {size} KB").format(size=round(size / 1024))
    return translate("SyncScheduler", "about {size} MB").format(size=f"{size / 1024**2:.1f}")


def first_sentence(text: str, limit: int = 40) -> str:
    head = text.split("。")[0]
    return head if len(head) <= limit else head[: limit - 1] + "…"


def status_bar_text(state: SyncState) -> str:
    """“已同步 11月25日 14:30” / “同步中……” / “同步失败：……” / “未设置同步”."""
    if not state.loaded:
        return ""
    if state.running:
        if state.total_kib:
            return translate("SyncScheduler", "Syncing… {percent}%").format(
                percent=min(100, state.sent_kib * 100 // state.total_kib)
            )
        return translate("SyncScheduler", "Syncing…")
    if not state.configured:
        return translate("SyncScheduler", "Sync not set up")
    if state.damaged:
        return translate("SyncScheduler", "Sync paused: the data file is damaged")
    if state.shrunk:
        return translate("SyncScheduler", "Sync paused: many records are gone, please confirm")
    if state.diverged is not None:
        return translate("SyncScheduler", "Sync paused: another PC updated the street copy")
    if state.error:
        return translate("SyncScheduler", "Sync failed: {reason}").format(
            reason=first_sentence(state.error)
        )
    if state.last_success_at is None:
        return translate("SyncScheduler", "Not synced yet")
    text = translate("SyncScheduler", "Synced {when}").format(
        when=short_time(state.last_success_at)
    )
    if state.pending_bytes:
        text += translate("SyncScheduler", " · {size} to upload").format(
            size=human_size(state.pending_bytes)
        )
    return text
