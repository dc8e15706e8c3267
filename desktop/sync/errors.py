"""What can go wrong in a sync, said in plain Chinese for the secretary."""

from desktop.sync.protocol import COUNTED_LABELS


class SyncError(Exception):
    """``message`` says what happened and what to do; ``retry``: try again later by itself."""

    def __init__(self, message: str, *, retry: bool) -> None:
        super().__init__(message)
        self.message = message
        self.retry = retry


class ShrinkRefused(SyncError):
    """The new copy has far fewer records than the one at the street office."""

    def __init__(self, shrunk: dict[str, tuple[int, int]]) -> None:
        lists = "，".join(
            f"{COUNTED_LABELS.get(table, table)}由 {old} 条减为 {new} 条"
            for table, (old, new) in shrunk.items()
        )
        super().__init__(
            f"这次的数据比上次上传的少了很多（{lists}）。为防误删，暂不上传；"
            "如确是有意删除，请在“同步”页确认后再上传。",
            retry=False,
        )
        self.shrunk = shrunk


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("同步已取消，已传的部分会保留，下次接着传。", retry=True)
