"""Two copies of one branch's data: how they differ, and what merging them did.

Two copies arise when the secretary copies her data folder to a second PC and both go on
recording. Records are matched by uuid. With the version both copies last shared (the base),
a record changed on one side only is simply taken from that side; without it, the later edit
wins. A record edited on both sides keeps the later edit, and the other is set aside in the
merge report and in the record's history (the merge_conflict table).
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Side(StrEnum):
    HERE = "here"  # this PC's copy
    THERE = "there"  # the street office's copy, uploaded by another PC


# The lists a secretary knows, each with the column that names a record in it. A table not
# named here (a meeting's topics, a need's history …) counts as part of the record it
# belongs to.
LISTS: dict[str, tuple[str, str]] = {
    "need": ("需求", "title"),
    "resource": ("资源", "title"),
    "project": ("项目", "title"),
    "visit": ("走访记录", "resident"),
    "meeting": ("会议", "title"),
    "compact": ("公约", "title"),
    "person": ("人员", "name"),
    "organization": ("组织", "name"),
    "grid": ("网格", "name"),
    "building": ("楼栋", "name"),
    "need_category": ("需求类别", "name"),
    "partner_agreement": ("共建协议", "content"),
    "partner_activity": ("共建活动", "description"),
    "committee_term": ("业委会届次", "term_start"),
    "cross_appointment": ("交叉任职", "post"),
    "evaluation": ("评价", "period"),
    "patrol": ("联合巡查", "route"),
    "organization_activity": ("自组织活动", "description"),
    "station_service": ("驿站服务记录", "month"),
    "talent_cultivation": ("能人培养", "description"),
    "talent_right_use": ("能人行使权利", "note"),
    "neighborhood": ("小区信息", "name"),
    "merge_conflict": ("合并记录", "title"),
}
TITLE_LENGTH = 40  # a record's title as listed, cut to this many characters


def list_label(table: str) -> str:
    return LISTS[table][0] if table in LISTS else table


def short_title(text: object) -> str:
    title = " ".join(str(text or "").split())
    if len(title) > TITLE_LENGTH:
        title = title[: TITLE_LENGTH - 1] + "…"
    return title or "（无标题）"


@dataclass
class ListDiff:
    """One list's differences: titles of the records in each case."""

    table: str
    only_here: list[str] = field(default_factory=list)
    only_there: list[str] = field(default_factory=list)
    edited_both: list[str] = field(default_factory=list)
    edited_here: list[str] = field(default_factory=list)  # changed on this PC only
    edited_there: list[str] = field(default_factory=list)  # changed on the other only

    @property
    def label(self) -> str:
        return list_label(self.table)

    @property
    def empty(self) -> bool:
        return not (
            self.only_here
            or self.only_there
            or self.edited_both
            or self.edited_here
            or self.edited_there
        )


@dataclass
class CopyDiff:
    lists: list[ListDiff]
    # True when the base was at hand: "edited on both" then means changed on both sides since
    # the copies parted; without it, every record that differs is listed as edited on both.
    with_base: bool

    @property
    def empty(self) -> bool:
        return all(d.empty for d in self.lists)

    def lines(self, per_case: int = 5) -> list[str]:
        """The differences in plain Chinese, a few titles per case."""
        if self.empty:
            return ["两份数据的记录内容相同。"]
        out = []
        for d in self.lists:
            if d.empty:
                continue
            parts = []
            for what, titles in (
                ("只在本机", d.only_here),
                ("只在街道办（另一台电脑）", d.only_there),
                ("两边都改过" if self.with_base else "两边不同", d.edited_both),
                ("只在本机改过", d.edited_here),
                ("只在另一台电脑改过", d.edited_there),
            ):
                if titles:
                    shown = "、".join(f"“{t}”" for t in titles[:per_case])
                    more = f" 等 {len(titles)} 条" if len(titles) > per_case else ""
                    parts.append(f"{what}：{shown}{more}")
            out.append(f"【{d.label}】" + "；".join(parts))
        return out


@dataclass(frozen=True)
class Conflict:
    """A record changed on both sides: which edit was kept."""

    table: str
    uuid: str
    title: str
    kept: Side

    def line(self) -> str:
        kept = "本机" if self.kept is Side.HERE else "另一台电脑"
        other = "另一台电脑" if self.kept is Side.HERE else "本机"
        return (
            f"【{list_label(self.table)}】“{self.title}”：保留了{kept}较新的修改，"
            f"{other}的那份已存入合并记录。"
        )


@dataclass
class MergeReport:
    added: dict[str, int] = field(default_factory=dict)  # list -> records taken from there
    updated: dict[str, int] = field(default_factory=dict)  # changed there only: taken
    removed: dict[str, int] = field(default_factory=dict)  # deleted there only: deleted here
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what could not be joined, said why

    def lines(self) -> list[str]:
        out = []
        for what, counts in (
            ("从另一台电脑加入", self.added),
            ("按另一台电脑更新", self.updated),
            ("按另一台电脑删除", self.removed),
        ):
            if counts:
                listed = "、".join(f"{list_label(t)} {n} 条" for t, n in counts.items())
                out.append(f"{what}：{listed}。")
        out += [c.line() for c in self.conflicts]
        out += self.skipped
        return out or ["两份数据的记录内容相同，没有需要合并的。"]
