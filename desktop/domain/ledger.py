"""Ledgers (台账): the three lists as Excel sheets, the same format for export and import.

This module knows the columns and how one cell's value becomes a field and back. It knows
nothing of openpyxl or the database: a cell value here is what openpyxl reads or writes
(None, str, int, float, Decimal, date, datetime).
"""

import re
import uuid as uuid_module
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum

from desktop.domain import needs, projects, resources
from desktop.domain.errors import Problem
from desktop.domain.labels import choices, word
from desktop.domain.money import parse_yuan
from desktop.domain.needs import NeedSource, NeedStatus, Satisfaction, Urgency
from desktop.domain.projects import ProjectKind, ProjectStage
from desktop.domain.resources import ProviderKind, ResourceKind
from desktop.domain.text import clean_text

# 转办 / 不予受理 need a reason, and the needs sheet has no column for it: an imported need in
# one of those statuses takes its 解决情况 as the reason, or this text when that is empty.
IMPORT_REASON = "台账导入"
# The note kept in a need's status history when an import sets or changes its status.
IMPORT_NOTE = "台账导入"
REFS_SEPARATOR = "、"
_REFS_SPLIT = re.compile(r"[、;；,，\s]+")
# What XML 1.0 (so .xlsx) cannot hold even after clean_text: lone surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EXCEL_LAST_SERIAL = 2958465  # 9999-12-31


class LedgerKind(Enum):
    NEEDS = "needs"
    RESOURCES = "resources"
    PROJECTS = "projects"


class ColumnType(Enum):
    TEXT = "text"
    DATE = "date"
    CHOICE = "choice"  # one of the Chinese labels in Column.choices (or, for 类别, the database)
    MONEY = "money"  # yuan, exact to the fen
    INT = "int"
    DECIMAL = "decimal"  # exact to two places (平均评分)
    UUID = "uuid"  # 编号: the record's uuid, empty for a new record
    REFS = "refs"  # uuids of linked records, separated by 、 (; ， and spaces accepted)
    YES_NO = "yes_no"  # 是 / 否


@dataclass(frozen=True)
class Column:
    header: str
    field: str  # the domain field (or the key of the exported record)
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    max_length: int | None = None  # TEXT only
    multiline: bool = False  # TEXT: keeps its line breaks
    # CHOICE: the domain's word → enum member (desktop.domain.labels, a contract of the
    # ledgers). None for 类别, whose choices live in the database.
    choices: Mapping[str, Enum] | None = None
    width: int = 12  # in Excel's character widths


@dataclass(frozen=True)
class LedgerSpec:
    kind: LedgerKind
    title: str  # the sheet's name and what the ledger is called in messages
    columns: tuple[Column, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def column(self, header: str) -> Column | None:
        return next((c for c in self.columns if c.header == header), None)

    def column_for_field(self, field: str) -> Column | None:
        return next((c for c in self.columns if c.field == field), None)


T, D, C = ColumnType.TEXT, ColumnType.DATE, ColumnType.CHOICE
# Each text column holds what its field may hold: the domain's one limit.
N, R, P = needs.MAX_LENGTH, resources.MAX_LENGTH, projects.MAX_LENGTH
NEEDS = LedgerSpec(
    LedgerKind.NEEDS,
    "需求清单",
    (
        Column("编号", "uuid", ColumnType.UUID, width=38),
        Column("标题", "title", T, True, N["title"], width=30),
        Column("描述", "description", T, max_length=N["description"], multiline=True, width=40),
        Column("提出人", "raised_by", T, max_length=N["raised_by"]),
        Column("联系电话", "phone", T, max_length=N["phone"], width=15),
        Column("楼栋", "building", T, max_length=N["building"], width=8),
        Column("单元", "unit", T, max_length=N["unit"], width=6),
        Column("房号", "room", T, max_length=N["room"], width=8),
        Column("类别", "category", C, True),
        Column("来源", "source", C, choices=choices(NeedSource)),
        Column("紧急程度", "urgency", C, choices=choices(Urgency), width=10),
        Column("状态", "status", C, choices=choices(NeedStatus)),
        Column("登记日期", "registered_on", D, True),
        Column("办结期限", "due_on", D),
        Column("解决情况", "solution", T, max_length=N["solution"], multiline=True, width=40),
        Column("满意度", "satisfaction", C, choices=choices(Satisfaction)),
        Column("回访日期", "followed_up_on", D),
        Column("物业矛盾", "is_dispute", ColumnType.YES_NO, width=10),
    ),
)
RESOURCES = LedgerSpec(
    LedgerKind.RESOURCES,
    "资源清单",
    (
        Column("编号", "uuid", ColumnType.UUID, width=38),
        Column("名称", "title", T, True, R["title"], width=30),
        Column("类别", "kind", C, True, choices=choices(ResourceKind)),
        Column("提供方类型", "provider_kind", C, choices=choices(ProviderKind), width=14),
        Column("提供方", "provider", T, max_length=R["provider"], width=20),
        Column("描述", "description", T, max_length=R["description"], multiline=True, width=40),
        Column("可用情况", "availability", T, max_length=R["availability"], width=20),
        Column("联系人", "contact", T, max_length=R["contact"]),
        Column("联系电话", "phone", T, max_length=R["phone"], width=15),
        Column("登记日期", "registered_on", D, True),
        Column("有效期至", "valid_until", D),
    ),
)
PROJECTS = LedgerSpec(
    LedgerKind.PROJECTS,
    "项目清单",
    (
        Column("编号", "uuid", ColumnType.UUID, width=38),
        Column("标题", "title", T, True, P["title"], width=30),
        Column("类型", "kind", C, True, choices=choices(ProjectKind)),
        Column("阶段", "stage", C, True, choices=choices(ProjectStage), width=10),
        Column("终止原因", "stop_reason", T, max_length=P["stop_reason"], multiline=True),
        Column("简介", "description", T, max_length=P["description"], multiline=True, width=40),
        Column("预算（元）", "budget", ColumnType.MONEY, width=14),
        Column("已支出（元）", "spent", ColumnType.MONEY, width=14),
        Column("发起人", "initiator", T, max_length=projects.PARTY_NAME_MAX, width=16),
        Column("组织者", "organizer", T, max_length=projects.PARTY_NAME_MAX, width=16),
        Column("实施者", "implementer", T, max_length=projects.PARTY_NAME_MAX, width=16),
        Column("立项日期", "registered_on", D, True),
        Column("开始日期", "start_on", D),
        Column("结束日期", "end_on", D),
        Column("验收日期", "accepted_on", D),
        Column("验收意见", "acceptance_note", T, max_length=P["acceptance_note"], multiline=True),
        Column("评价人数", "rating_count", ColumnType.INT),
        Column("平均评分", "rating_average", ColumnType.DECIMAL),
        Column("居民评价", "evaluation", T, max_length=P["evaluation"], multiline=True, width=30),
        Column("关联需求编号", "need_uuids", ColumnType.REFS, width=40),
        Column("关联资源编号", "resource_uuids", ColumnType.REFS, width=40),
    ),
)
del T, D, C, N, R, P
LEDGERS: dict[LedgerKind, LedgerSpec] = {s.kind: s for s in (NEEDS, RESOURCES, PROJECTS)}


# -- cells → fields (import) ---------------------------------------------------------------
class CellError(ValueError):
    """A cell's value cannot become its field; the message is the Chinese sentence shown."""


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """Any cell as text. Numbers Excel stored for text (13812345678, room 1203) come back
    without ".0"; a date in a text column comes back as 2026-05-01."""
    if value is None:
        return ""
    if isinstance(value, str):
        # Excel writes characters XML cannot hold (\x0b from chat apps) as _x000B_.
        return _EXCEL_ESCAPE.sub(_unescape, value) if "_x" in value else value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value)
    if isinstance(value, datetime):
        if value.hour or value.minute or value.second:
            return value.strftime("%Y-%m-%d %H:%M:%S")
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def parse_text(value: object, column: Column) -> str:
    text = clean_text(cell_text(value), single_line=not column.multiline)
    if column.max_length is not None and len(text) > column.max_length:
        raise CellError(f"内容过长：共 {len(text)} 字，最多 {column.max_length} 字，请删减。")
    return text


def _checked_date(year: int, month: int, day: int, shown: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(_bad_date(shown)) from None


def _bad_date(shown: str) -> str:
    return f"“{shown}”不是有效的日期，请写成 2026-05-01 这样的日期，或使用 Excel 的日期格式。"


def parse_date(value: object) -> date | None:
    """A real Excel date, ``YYYY-MM-DD`` (also / . or 年月日), ``YYYYMMDD``, or an Excel
    date serial number that lost its format."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(_bad_date(cell_text(value)))
    if isinstance(value, int | float | Decimal):
        number = float(value)
        if number.is_integer() and 19000101 <= number <= 99991231:
            text = str(int(number))
            return _checked_date(int(text[:4]), int(text[4:6]), int(text[6:]), text)
        if 1 <= number <= _EXCEL_LAST_SERIAL:
            return _EXCEL_EPOCH + timedelta(days=int(number))
        raise CellError(_bad_date(cell_text(value)))
    text = clean_text(cell_text(value), single_line=True)
    for pattern in (_DATE_TEXT, _COMPACT_DATE):
        match = pattern.fullmatch(text)
        if match:
            return _checked_date(*(int(g) for g in match.groups()), shown=text)
    # A date written with a time (2026-05-01 00:00:00), as some programs export.
    match = _DATE_TEXT.match(text)
    if match and re.fullmatch(r"\s*\d{1,2}:\d{2}(:\d{2})?", text[match.end() :]):
        return _checked_date(*(int(g) for g in match.groups()), shown=text)
    raise CellError(_bad_date(text))


def parse_choice(value: object, choices: Mapping[str, Enum]) -> Enum | None:
    text = clean_text(cell_text(value), single_line=True)
    if not text:
        return None
    if text in choices:
        return choices[text]
    raise choice_error(text, list(choices))


def choice_error(text: str, labels: list[str]) -> CellError:
    return CellError(f"“{text}”不是可选的值，应为：{'、'.join(labels)}。")


def parse_money(value: object) -> Decimal | None:
    if is_blank(value):
        return None
    if isinstance(value, bool):
        amount = None
    elif isinstance(value, int | Decimal):
        amount = parse_yuan(str(value))
    elif isinstance(value, float):
        amount = parse_yuan(repr(value))  # the shortest text that is this float: 1234.5
    else:
        amount = parse_yuan(clean_text(cell_text(value), single_line=True))
    if amount is None:
        raise CellError(f"“{cell_text(value)}”不是金额，请填写数字，例如 1234.50。")
    return amount


def parse_int(value: object) -> int | None:
    if is_blank(value):
        return None
    text = clean_text(cell_text(value), single_line=True).replace(",", "")
    if isinstance(value, bool) or not re.fullmatch(r"[+-]?\d+", text):
        raise CellError(f"“{cell_text(value)}”不是整数，请填写 0、1、2 这样的数。")
    return int(text)


def parse_decimal(value: object) -> Decimal | None:
    if is_blank(value):
        return None
    text = repr(value) if isinstance(value, float) else cell_text(value)
    try:
        number = Decimal(clean_text(text, single_line=True))
    except InvalidOperation:
        number = None
    if isinstance(value, bool) or number is None or not number.is_finite():
        raise CellError(f"“{cell_text(value)}”不是数字，请填写 4.5 这样的数。")
    return number.quantize(Decimal("0.01"))


def parse_uuid(value: object) -> str | None:
    """The canonical lower-case form, so a uuid Excel upper-cased still finds its record."""
    text = clean_text(cell_text(value), single_line=True)
    if not text:
        return None
    try:
        return str(uuid_module.UUID(text))
    except ValueError:
        raise CellError(
            f"编号“{text}”无法识别。编号是本软件导出台账时写入的，请不要修改；新记录请留空。"
        ) from None


def parse_refs(value: object) -> list[str]:
    text = clean_text(cell_text(value))
    found: list[str] = []
    for part in _REFS_SPLIT.split(text):
        if not part:
            continue
        try:
            canonical = str(uuid_module.UUID(part))
        except ValueError:
            raise CellError(
                f"“{part}”不是编号。请填写台账中“编号”列的值，多个编号用“、”隔开。"
            ) from None
        if canonical not in found:
            found.append(canonical)
    return found


YES, NO = "是", "否"
_YES_NO = {YES: True, NO: False, "Y": True, "N": False, "TRUE": True, "FALSE": False}


def parse_yes_no(value: object) -> bool | None:
    """是 / 否 (also Excel's TRUE / FALSE); None when the cell is empty."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = clean_text(cell_text(value), single_line=True).upper()
    if text in _YES_NO:
        return _YES_NO[text]
    raise CellError(f"“{cell_text(value)}”应为“{YES}”或“{NO}”。")


def parse_cell(value: object, column: Column) -> object:
    """One cell as its field's value (None when empty); raises CellError with the reason."""
    match column.type:
        case ColumnType.TEXT:
            return parse_text(value, column)
        case ColumnType.DATE:
            return parse_date(value)
        case ColumnType.CHOICE:
            if column.choices is None:  # 类别: checked against the database by the service
                return clean_text(cell_text(value), single_line=True) or None
            return parse_choice(value, column.choices)
        case ColumnType.MONEY:
            return parse_money(value)
        case ColumnType.INT:
            return parse_int(value)
        case ColumnType.DECIMAL:
            return parse_decimal(value)
        case ColumnType.UUID:
            return parse_uuid(value)
        case ColumnType.REFS:
            return parse_refs(value)
        case ColumnType.YES_NO:
            return parse_yes_no(value)
    raise AssertionError(column.type)


# -- fields → cells (export) ---------------------------------------------------------------
def export_text(value: str | None) -> str:
    """Text as a cell can hold it: the control characters that make openpyxl refuse a whole
    workbook (\\x0b from chat apps) removed, line breaks kept, every real character kept."""
    text = clean_text(value)
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def to_cell(value: object, column: Column) -> object:
    """A field's value as the cell value the ledger writes (None for an empty cell)."""
    if value is None:
        return None
    match column.type:
        case ColumnType.TEXT | ColumnType.UUID:
            return export_text(str(value)) or None
        case ColumnType.CHOICE:
            return word(value) if isinstance(value, Enum) else export_text(str(value))
        case ColumnType.REFS:
            return REFS_SEPARATOR.join(value) or None  # type: ignore[arg-type]
        case ColumnType.YES_NO:
            return YES if value else NO
    return value


# -- problems of a whole record, worded for one column ------------------------------------
_FIELD_PROBLEMS = {
    ("due_on", Problem.DATE_ORDER): "办结期限早于登记日期，请核对。",
    ("followed_up_on", Problem.DATE_ORDER): "回访日期早于登记日期，请核对。",
    ("valid_until", Problem.DATE_ORDER): "有效期至早于登记日期，请核对。",
    ("end_on", Problem.DATE_ORDER): "结束日期早于开始日期，请核对。",
    ("stop_reason", Problem.REASON_REQUIRED): "阶段为“已终止”时须填写终止原因。",
    ("status_reason", Problem.REASON_REQUIRED): "已转办、不予受理的需求须写明原因。",
    ("rating_count", Problem.RATING_RANGE): "评价人数不能为负数。",
    ("rating_average", Problem.RATING_RANGE): "平均评分应在 1 到 5 之间。",
    ("is_dispute", Problem.DISPUTE_CATEGORY): (
        "只有类别为“物业服务”的需求才能标为物业矛盾，请改类别或改为“否”。"
    ),
}


def problem_message(problem: Problem, column: Column) -> str:
    """A domain Problem (validate_need & co.) as the sentence for this column's cell."""
    if (column.field, problem) in _FIELD_PROBLEMS:
        return _FIELD_PROBLEMS[column.field, problem]
    texts = {
        Problem.REQUIRED: "必填，不能为空。",
        Problem.TOO_LONG: (
            f"内容过长，最多 {column.max_length} 字，请删减。"
            if column.max_length
            else "内容过长，请删减。"
        ),
        Problem.REASON_REQUIRED: "须写明原因。",
        Problem.DATE_ORDER: "日期先后不对，请核对。",
        Problem.STATUS_FLOW: "不能这样改变状态。",
        Problem.NEGATIVE_AMOUNT: "金额不能为负数。",
        Problem.RATING_RANGE: "超出允许的范围。",
    }
    return texts.get(problem, "内容不符合要求，请核对。")
