"""What can go wrong in a sync, said in plain Chinese for the secretary."""

from desktop.sync.protocol import COUNTED_LABELS

AUTOMATIC_RETRY = "稍后会自动再试"  # said of automatic syncs; a restore asked for by hand is not


class SyncError(Exception):
    """``message`` says what happened and what to do; ``retry``: try again later by itself."""

    def __init__(self, message: str, *, retry: bool) -> None:
        super().__init__(message)
        self.message = message
        self.retry = retry

    def by_hand(self) -> str:
        """The message for work the secretary started herself, which nothing retries."""
        return self.message.replace(AUTOMATIC_RETRY, "请稍后再试")


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


class SyncBusy(SyncError):
    """Another sync, restore or merge of this data folder is under way (this or another
    program); it does the work, so this one need not."""

    def __init__(self) -> None:
        super().__init__("正在同步：另一个同步（或恢复、合并）正在进行，这次不再重复。", retry=True)


class Diverged(SyncError):
    """The street office's current copy was uploaded from another copy of this data folder
    (a second PC) since this one last synced: neither may silently replace the other.

    ``behind``: this PC has changed nothing since; taking the street office's copy loses
    nothing here."""

    def __init__(self, server_version: int | None, *, behind: bool = False) -> None:
        if behind:
            message = (
                f"街道办有另一台电脑上传的更新数据（第 {server_version} 版），本机自上次同步以来"
                "没有新的改动。请在“同步”页选择“以街道办的数据为准”把它取回本机"
                "（本机数据会先备份）。"
            )
        else:
            message = (
                f"本支部的数据已由另一台电脑更新（街道办现存第 {server_version} 版），"
                "本机的数据不是在那一版的基础上修改的。为防两边互相覆盖，这次没有采用本机的数据"
                "（已在街道办另存备查）。请在“同步”页查看两边的差别，选择以街道办的数据为准、"
                "以本机为准，或把两份合并。"
            )
        super().__init__(message, retry=False)
        self.server_version = server_version
        self.behind = behind


class DataFileDamaged(SyncError):
    """The data file failed its check: a damaged copy is never sent to the street office."""

    def __init__(self) -> None:
        super().__init__(
            "本机的数据文件已损坏（检查没有通过），为免把损坏的数据传到街道办，没有上传。"
            "请打开熟人小区，按提示从备份恢复。",
            retry=False,
        )
