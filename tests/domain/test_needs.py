"""The needs list's rules: the status flow, overdue, cleaning and validation."""

from datetime import date, timedelta

import pytest

from desktop.domain.errors import Problem
from desktop.domain.needs import (
    OPEN_STATUSES,
    STATUSES_NEEDING_REASON,
    TEXT_MAX,
    TITLE_MAX,
    Need,
    NeedStatus,
    can_move,
    clean_need,
    is_overdue,
    validate_need,
)

# 待受理, 处理中, 已解决, 已转办, 不予受理
P, W, R, F, J = (
    NeedStatus.PENDING,
    NeedStatus.IN_PROGRESS,
    NeedStatus.RESOLVED,
    NeedStatus.REFERRED,
    NeedStatus.REJECTED,
)
TODAY = date(2026, 11, 25)


def need(**fields: object) -> Need:
    values: dict = {"title": "3栋电梯经常停运", "category_id": 1, "registered_on": TODAY}
    return Need(**{**values, **fields})


# --- the status flow -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target"),
    [(P, W), (P, R), (P, F), (P, J), (W, R), (W, F), (W, J), (R, W), (F, W), (J, W)],
)
def test_allowed_moves(current: NeedStatus, target: NeedStatus) -> None:
    assert can_move(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    # Back to 待受理 never; a closed need only reopens (处理中), never jumps to another end.
    [(W, P), (R, P), (F, P), (J, P), (R, F), (R, J), (F, R), (F, J), (J, R), (J, F)],
)
def test_refused_moves(current: NeedStatus, target: NeedStatus) -> None:
    assert not can_move(current, target)


@pytest.mark.parametrize("status", list(NeedStatus))
def test_staying_put_is_always_allowed(status: NeedStatus) -> None:
    assert can_move(status, status)


def test_every_status_is_reachable_from_pending_and_every_end_can_reopen() -> None:
    assert {s for s in NeedStatus if can_move(P, s)} == set(NeedStatus)
    for closed in set(NeedStatus) - OPEN_STATUSES:
        assert {s for s in NeedStatus if s != closed and can_move(closed, s)} == {W}


def test_statuses_needing_a_reason() -> None:
    assert {F, J} == STATUSES_NEEDING_REASON
    assert {P, W} == OPEN_STATUSES


# --- overdue -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [
        (P, TODAY - timedelta(days=1), True),
        (W, TODAY - timedelta(days=30), True),
        (P, TODAY, False),  # due today is not late yet
        (W, TODAY + timedelta(days=1), False),
        (P, None, False),
        (R, TODAY - timedelta(days=1), False),
        (F, TODAY - timedelta(days=1), False),
        (J, TODAY - timedelta(days=1), False),
    ],
)
def test_is_overdue(status: NeedStatus, due: date | None, overdue: bool) -> None:
    assert is_overdue(status, due, TODAY) is overdue


# --- cleaning ------------------------------------------------------------------------------


def test_clean_need_strips_controls_and_keeps_every_real_character() -> None:
    cleaned = clean_need(
        need(
            title="  䶮𠮷\x0b 电梯  停运 ",
            description="第一行\r\n第二行\x07",
            raised_by=" 王\x00䶮 ",
            building=" 3栋 ",
            status_reason=" 已转办\n燃气公司 ",
            solution="A&B <b>粗体</b>",
        )
    )
    assert cleaned.title == "䶮𠮷 电梯 停运"
    assert cleaned.description == "第一行\n第二行"
    assert cleaned.raised_by == "王䶮"
    assert cleaned.building == "3栋"
    assert cleaned.status_reason == "已转办\n燃气公司"
    assert cleaned.solution == "A&B <b>粗体</b>"  # markup is text, kept exactly


def test_clean_need_keeps_ids_dates_and_choices() -> None:
    original = need(
        id=7, uuid="u", person_id=3, status=F, status_reason="x", due_on=TODAY + timedelta(days=3)
    )
    cleaned = clean_need(original)
    assert cleaned == original
    assert cleaned is not original


# --- validation ----------------------------------------------------------------------------


def test_a_sound_need_has_no_problems() -> None:
    assert validate_need(need()) == {}


@pytest.mark.parametrize("title", ["", " ", "\x0b"])
def test_title_is_required(title: str) -> None:
    assert validate_need(clean_need(need(title=title))) == {"title": Problem.REQUIRED}


def test_title_length() -> None:
    assert validate_need(need(title="需" * TITLE_MAX)) == {}
    assert validate_need(need(title="需" * (TITLE_MAX + 1))) == {"title": Problem.TOO_LONG}


def test_category_is_required() -> None:
    assert validate_need(need(category_id=None)) == {"category": Problem.REQUIRED}


@pytest.mark.parametrize("status", [F, J])
def test_referred_and_rejected_need_a_reason(status: NeedStatus) -> None:
    assert validate_need(need(status=status)) == {"status_reason": Problem.REASON_REQUIRED}
    assert validate_need(clean_need(need(status=status, status_reason=" \n "))) == {
        "status_reason": Problem.REASON_REQUIRED
    }
    assert validate_need(need(status=status, status_reason="已转办燃气公司")) == {}


@pytest.mark.parametrize("status", [P, W, R])
def test_other_statuses_need_no_reason(status: NeedStatus) -> None:
    assert validate_need(need(status=status)) == {}


def test_due_date_not_before_registration() -> None:
    assert validate_need(need(due_on=TODAY - timedelta(days=1))) == {"due_on": Problem.DATE_ORDER}
    assert validate_need(need(due_on=TODAY)) == {}
    assert validate_need(need(due_on=None)) == {}


@pytest.mark.parametrize("key", ["raised_by", "handled_by", "building", "unit", "room", "phone"])
def test_short_fields_too_long(key: str) -> None:
    assert validate_need(need(**{key: "字" * 80})) == {}
    assert validate_need(need(**{key: "字" * 81})) == {key: Problem.TOO_LONG}


@pytest.mark.parametrize("key", ["description", "solution", "status_reason"])
def test_long_fields_too_long(key: str) -> None:
    assert validate_need(need(**{key: "字" * TEXT_MAX})) == {}
    assert validate_need(need(**{key: "字" * (TEXT_MAX + 1)})) == {key: Problem.TOO_LONG}


def test_problems_are_reported_together() -> None:
    problems = validate_need(
        need(title="", category_id=None, status=J, due_on=TODAY - timedelta(days=2))
    )
    assert problems == {
        "title": Problem.REQUIRED,
        "category": Problem.REQUIRED,
        "status_reason": Problem.REASON_REQUIRED,
        "due_on": Problem.DATE_ORDER,
    }
