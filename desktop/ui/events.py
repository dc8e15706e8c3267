"""The one change signal: services report what changed; pages listening refresh."""

from PySide6.QtCore import QObject, Signal

from desktop.domain.kinds import RecordKind


class AppEvents(QObject):
    # Carries RecordKind.value, e.g. "people".
    data_changed = Signal(str)
    # A link was followed (RecordKind.value, id): the main window opens that record.
    record_requested = Signal(str, int)
    # A masked phone was shown in full in a details pane (RecordKind.value, id): the record's
    # numbers, never the numbers themselves.
    phone_revealed = Signal(str, int)
    # The data file was checked (at start-up, after a restore): carries the store's Health.
    data_file_checked = Signal(object)
    # Sync's settings or state changed outside the 同步 page (a restore saved the address and
    # token, and the version it builds on): the scheduler reads them again.
    sync_state_changed = Signal()
    # 锁定: the window was locked (idle or by hand), unlocked with the password, or refused a
    # wrong one (how many in a row since the last unlock). For the audit log.
    locked = Signal()
    unlocked = Signal()
    unlock_failed = Signal(int)
    # 保存期限: the years chosen (0: off), and how many records had their phone and room
    # cleared by applying it. For the audit log.
    retention_changed = Signal(int)
    retention_applied = Signal(int)

    def changed(self, *kinds: RecordKind) -> None:
        for kind in kinds:
            self.data_changed.emit(kind.value)
