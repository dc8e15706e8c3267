"""The figures the street office reports (统计, `shuren indicators`): their keys, periods and
written definitions.

The keys are a contract (`shuren indicators --json`, the street report): never rename them.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.labels import word, words_of
from desktop.domain.needs import NeedStatus
from desktop.domain.partners import PartnerActivityKind

INDICATOR_KEYS: tuple[str, ...] = (
    "meetings_held",
    "problems_solved",
    "consensus_reached",
    "agreements_signed",
    "pairing_activities",
    "practical_services",
    "dispute_mediations",
    "self_organizations_incubated",
    "property_disputes",
    "property_disputes_change_pct",
    "talents_discovered",
    "talents_cultivated",
    "needs_by_category",
    "needs_by_status",
)
# The keys whose value is one whole number (the others: a percentage and two breakdowns).
COUNT_KEYS: tuple[str, ...] = tuple(
    k
    for k in INDICATOR_KEYS
    if k not in ("property_disputes_change_pct",) and not k.startswith("needs_by_")
)
BREAKDOWN_KEYS: tuple[str, ...] = ("needs_by_category", "needs_by_status")

QUARTER_NAMES = ("一", "二", "三", "四")
_PERIOD = re.compile(r"(\d{4})(?:\s*[-_ ]?\s*[Qq]\s*([1-4]))?")
FIRST_YEAR, LAST_YEAR = 2000, 2099


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Period:
    """A calendar quarter (label 2026Q3) or year (label 2026); ``end`` is inclusive."""

    label: str
    start: date
    end: date

    @classmethod
    def quarter(cls, year: int, number: int) -> "Period":
        start = date(year, 3 * number - 2, 1)
        following = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
        return cls(f"{year}Q{number}", start, following - timedelta(days=1))

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(str(year), date(year, 1, 1), date(year, 12, 31))

    @property
    def kind(self) -> PeriodKind:
        return PeriodKind.QUARTER if "Q" in self.label else PeriodKind.YEAR

    @property
    def title(self) -> str:
        """As the secretary says it: 2026年第三季度, 2026年."""
        if self.kind is PeriodKind.YEAR:
            return f"{self.start.year}年"
        return f"{self.start.year}年第{QUARTER_NAMES[(self.start.month - 1) // 3]}季度"

    def previous(self) -> "Period":
        """The period of the same length just before this one (2026Q1 → 2025Q4)."""
        if self.kind is PeriodKind.YEAR:
            return Period.year(self.start.year - 1)
        number = (self.start.month - 1) // 3 + 1
        if number == 1:
            return Period.quarter(self.start.year - 1, 4)
        return Period.quarter(self.start.year, number - 1)

    def quarters(self) -> list["Period"]:
        """The quarters this period covers (one for a quarter, four for a year)."""
        if self.kind is PeriodKind.QUARTER:
            return [self]
        return [Period.quarter(self.start.year, n) for n in range(1, 5)]

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


def parse_period(text: str) -> Period:
    """``2026Q3`` (also 2026q3, 2026-Q3) or ``2026``; ValueError with a Chinese message."""
    match = _PERIOD.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(
            f"统计期“{text}”的写法不对：请写年份加季度，如 2026Q3，或只写年份，如 2026。"
        )
    year = int(match[1])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"统计期“{text}”的年份应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间。")
    return Period.year(year) if match[2] is None else Period.quarter(year, int(match[2]))


def current_period(today: date, kind: PeriodKind | str = PeriodKind.QUARTER) -> Period:
    """The quarter or year that contains ``today``."""
    if PeriodKind(kind) is PeriodKind.YEAR:
        return Period.year(today.year)
    return Period.quarter(today.year, (today.month - 1) // 3 + 1)


def chosen_periods(
    period: str | None, baseline: str | None, today: date
) -> tuple[Period, Period | None]:
    """The period and baseline a command was given (``--period``, ``--baseline``); the current
    quarter when no period is given. ValueError with a Chinese message for a bad one."""
    chosen = parse_period(period) if period else current_period(today)
    return chosen, parse_period(baseline) if baseline else None


def change_pct(current: int, baseline: int) -> float | None:
    """Percent change against the baseline, one decimal; None when the baseline is 0."""
    if baseline == 0:
        return None
    return round((current - baseline) * 100 / baseline, 1)


def format_change(pct: float | None) -> str:
    """下降 65.1% / 上升 12.5% / 持平; a zero baseline cannot be compared."""
    if pct is None:
        return "基期为 0，无法比较"
    if pct == 0:
        return "持平"
    return f"{'下降' if pct < 0 else '上升'} {abs(pct):.1f}%"


@dataclass(frozen=True)
class Definition:
    """What a figure means, written for the secretary and printed in the street report."""

    title: str  # e.g. 召开协商议事会
    counted: str  # what is counted
    records: str  # from which records
    period_rule: str  # which date decides the period

    @property
    def text(self) -> str:
        """The whole definition in one paragraph (Excel, tooltips)."""
        return f"统计什么：{self.counted} 依据：{self.records} 计入哪一期：{self.period_rule}"


_TRASH = "回收站里的记录不计。"
_NEED_STATUS = "状态按现在的状态（待受理、处理中、已解决、已转办、不予受理）。"

DEFINITIONS: dict[str, Definition] = {
    "meetings_held": Definition(
        "召开协商议事会",
        "会议纪要已定稿的协商议事会，每场算 1 次。还是草稿的会议、楼栋长例会和支部会议不计。",
        f"会议记录（协商议事会）。{_TRASH}",
        "按会议开始的日期（北京时间）。",
    ),
    "problems_solved": Definition(
        "解决问题",
        "状态改为“已解决”的需求，每条需求只算 1 次（本期内多次改为已解决也只算 1 次）。",
        f"需求清单及每条需求的状态变更记录。{_TRASH}",
        "按改为“已解决”的那一天（北京时间）；登记日期不论。",
    ),
    "consensus_reached": Definition(
        "达成共识",
        "已定稿的协商议事会中，写明了“达成共识”内容的议题，每个议题算 1 项。",
        f"会议记录中的议题。会议在回收站里的，其议题不计。{_TRASH}",
        "按会议开始的日期（北京时间）。",
    ),
    "agreements_signed": Definition(
        "签订共建协议",
        "与共建单位签订的共建协议，每份算 1 份。",
        f"共建单位的协议记录。共建单位在回收站里的，其协议不计。{_TRASH}",
        "按协议的签订日期。",
    ),
    "pairing_activities": Definition(
        word(PartnerActivityKind.PAIRING),
        "共建单位与支部开展的结对活动（“三个一”之一），每次算 1 次。",
        f"共建单位的活动记录（类型：结对活动）。共建单位在回收站里的不计。{_TRASH}",
        "按活动日期。",
    ),
    "practical_services": Definition(
        word(PartnerActivityKind.PRACTICAL_SERVICE),
        "共建单位为居民办的实事（“三个一”之一），每件算 1 件。",
        f"共建单位的活动记录（类型：为民实事）。共建单位在回收站里的不计。{_TRASH}",
        "按活动日期。",
    ),
    "dispute_mediations": Definition(
        word(PartnerActivityKind.DISPUTE_MEDIATION),
        "共建单位参与的纠纷调处（“三个一”之一），每次算 1 次。",
        f"共建单位的活动记录（类型：纠纷调处）。共建单位在回收站里的不计。{_TRASH}",
        "按活动日期。",
    ),
    "self_organizations_incubated": Definition(
        "孵化自组织",
        "支部孵化的居民自组织，每个算 1 个；没有填孵化日期的不计。",
        f"组织名录中类型为“自组织”的组织。{_TRASH}",
        "按孵化日期。",
    ),
    "property_disputes": Definition(
        "物业矛盾",
        "标记为“物业矛盾”的需求，每条算 1 件，不论现在是否已解决。",
        f"需求清单（物业服务类、勾选了物业矛盾的需求）。{_TRASH}",
        "按需求的登记日期。",
    ),
    "property_disputes_change_pct": Definition(
        "物业矛盾较基期增减",
        "本期物业矛盾件数比基期多或少的百分比：（本期 − 基期）÷ 基期 × 100%，保留一位小数；"
        "负数表示下降。基期为 0 件时无法比较，不给出数值。",
        "与“物业矛盾”相同，分别统计本期和基期。",
        "基期默认是上一期（上一季度或上一年），也可以另选。",
    ),
    "talents_discovered": Definition(
        "发现贤达能人",
        "支部发现的贤达能人，每人算 1 人；没有填发现日期的不计。",
        f"人员名册中的发现日期。{_TRASH}",
        "按发现日期。",
    ),
    "talents_cultivated": Definition(
        "培养贤达能人",
        "本期内有培养记录（参加培训或承担角色）的贤达能人，每人只算 1 人，不论有几条记录。",
        f"贤达能人的培养记录。人员在回收站里的不计。{_TRASH}",
        "按培养记录的日期。",
    ),
    "needs_by_category": Definition(
        "需求（按类别）",
        "本期登记的需求，按类别分别计数。",
        f"需求清单。{_TRASH}",
        "按需求的登记日期。",
    ),
    "needs_by_status": Definition(
        "需求（按状态）",
        f"本期登记的需求，按状态分别计数；{_NEED_STATUS}",
        f"需求清单。{_TRASH}",
        "按需求的登记日期。",
    ),
}

# How the needs' statuses read in the breakdown (NeedStatus value → 中文).
STATUS_TITLES: dict[str, str] = words_of(NeedStatus)
