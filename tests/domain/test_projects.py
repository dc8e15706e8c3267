"""The projects list's rules: stages, validation of money, ratings and dates, cleaning."""

from datetime import date
from decimal import Decimal

import pytest

from desktop.domain.errors import Problem
from desktop.domain.money import MAX_YUAN
from desktop.domain.projects import (
    FINAL_STAGES,
    STAGE_ORDER,
    TEXT_MAX,
    TITLE_MAX,
    Party,
    PartyRole,
    Project,
    ProjectStage,
    can_move,
    clean_project,
    next_stage,
    validate_project,
)

PROPOSED, IN_PROGRESS, AWAITING, COMPLETED, TERMINATED = (
    ProjectStage.PROPOSED,
    ProjectStage.IN_PROGRESS,
    ProjectStage.AWAITING_ACCEPTANCE,
    ProjectStage.COMPLETED,
    ProjectStage.TERMINATED,
)


def project(**fields: object) -> Project:
    return Project(**{"title": "地下车库照明改造", "registered_on": date(2026, 3, 1), **fields})


# --- stages --------------------------------------------------------------------------------


def test_next_stage_walks_the_order() -> None:
    assert STAGE_ORDER == (PROPOSED, IN_PROGRESS, AWAITING, COMPLETED)
    assert next_stage(PROPOSED) is IN_PROGRESS
    assert next_stage(IN_PROGRESS) is AWAITING
    assert next_stage(AWAITING) is COMPLETED
    assert next_stage(COMPLETED) is None
    assert next_stage(TERMINATED) is None


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (PROPOSED, IN_PROGRESS),
        (IN_PROGRESS, AWAITING),
        (AWAITING, COMPLETED),
        (PROPOSED, TERMINATED),
        (IN_PROGRESS, TERMINATED),
        (AWAITING, TERMINATED),
    ],
)
def test_allowed_moves(current: ProjectStage, target: ProjectStage) -> None:
    assert can_move(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (PROPOSED, AWAITING),  # one step at a time
        (PROPOSED, COMPLETED),
        (IN_PROGRESS, COMPLETED),
        (IN_PROGRESS, PROPOSED),  # never back
        (COMPLETED, AWAITING),
        (COMPLETED, TERMINATED),  # a final stage is final
        (TERMINATED, PROPOSED),
        (TERMINATED, IN_PROGRESS),
        (TERMINATED, COMPLETED),
    ],
)
def test_refused_moves(current: ProjectStage, target: ProjectStage) -> None:
    assert not can_move(current, target)


@pytest.mark.parametrize("stage", list(ProjectStage))
def test_staying_put_is_allowed(stage: ProjectStage) -> None:
    assert can_move(stage, stage)


def test_final_stages() -> None:
    assert {COMPLETED, TERMINATED} == FINAL_STAGES


# --- validation ----------------------------------------------------------------------------


def test_a_sound_project_has_no_problems() -> None:
    assert validate_project(project(budget=Decimal("8000.00"), spent=Decimal("0.00"))) == {}


def test_title_required_and_length() -> None:
    assert validate_project(clean_project(project(title=" \x0b "))) == {"title": Problem.REQUIRED}
    assert validate_project(project(title="项" * TITLE_MAX)) == {}
    assert validate_project(project(title="项" * (TITLE_MAX + 1))) == {"title": Problem.TOO_LONG}


@pytest.mark.parametrize("key", ["budget", "spent"])
def test_negative_money_is_refused(key: str) -> None:
    assert validate_project(project(**{key: Decimal("-0.01")})) == {key: Problem.NEGATIVE_AMOUNT}
    assert validate_project(project(**{key: Decimal("0.00")})) == {}


@pytest.mark.parametrize("key", ["budget", "spent"])
def test_amounts_with_too_many_digits_are_refused(key: str) -> None:
    assert validate_project(project(**{key: MAX_YUAN})) == {}
    too_big = MAX_YUAN + Decimal("0.01")
    assert validate_project(project(**{key: too_big})) == {key: Problem.TOO_LONG}
    assert validate_project(project(**{key: Decimal("1e30")})) == {key: Problem.TOO_LONG}


def test_terminated_needs_a_stop_reason() -> None:
    assert validate_project(project(stage=TERMINATED)) == {"stop_reason": Problem.REASON_REQUIRED}
    assert validate_project(project(stage=TERMINATED, stop_reason="资金未获批复")) == {}
    assert validate_project(project(stage=COMPLETED)) == {}


def test_end_not_before_start() -> None:
    start = date(2026, 4, 1)
    assert validate_project(project(start_on=start, end_on=date(2026, 3, 31))) == {
        "end_on": Problem.DATE_ORDER
    }
    assert validate_project(project(start_on=start, end_on=start)) == {}
    assert validate_project(project(start_on=None, end_on=date(2026, 3, 31))) == {}


@pytest.mark.parametrize("rating", ["1", "1.00", "3.75", "5", "5.00"])
def test_ratings_inside_the_range(rating: str) -> None:
    assert validate_project(project(rating_count=12, rating_average=Decimal(rating))) == {}


@pytest.mark.parametrize("rating", ["0", "0.99", "5.01", "6", "-1"])
def test_ratings_outside_the_range(rating: str) -> None:
    assert validate_project(project(rating_count=12, rating_average=Decimal(rating))) == {
        "rating_average": Problem.RATING_RANGE
    }


def test_rating_count_not_negative() -> None:
    assert validate_project(project(rating_count=-1)) == {"rating_count": Problem.RATING_RANGE}
    assert validate_project(project(rating_count=0, rating_average=None)) == {}


@pytest.mark.parametrize("key", ["description", "acceptance_note", "evaluation", "stop_reason"])
def test_long_texts(key: str) -> None:
    assert validate_project(project(**{key: "字" * TEXT_MAX})) == {}
    assert validate_project(project(**{key: "字" * (TEXT_MAX + 1)})) == {key: Problem.TOO_LONG}


def test_party_name_too_long_names_its_role() -> None:
    parties = [Party(PartyRole.ORGANIZER, "组" * 161), Party(PartyRole.INITIATOR, "王䶮")]
    assert validate_project(project(parties=parties)) == {"organizer": Problem.TOO_LONG}


# --- cleaning and parties ------------------------------------------------------------------


def test_clean_project_cleans_text_parties_and_links() -> None:
    cleaned = clean_project(
        project(
            title=" A&B <b>改造</b>\x0b ",
            description="第一行\r\n第二行",
            parties=[
                Party(PartyRole.INITIATOR, "  王\x00䶮 ", person_id=3),
                Party(PartyRole.ORGANIZER, " \x0b "),  # nobody: dropped
                Party(PartyRole.IMPLEMENTER, "鹏程律师事务所", organization_id=9),
            ],
            need_ids=[5, 2, 5, 9],
            resource_ids=[3, 3],
        )
    )
    assert cleaned.title == "A&B <b>改造</b>"
    assert cleaned.description == "第一行\n第二行"
    assert cleaned.parties == [
        Party(PartyRole.INITIATOR, "王䶮", person_id=3),
        Party(PartyRole.IMPLEMENTER, "鹏程律师事务所", organization_id=9),
    ]
    assert cleaned.need_ids == [2, 5, 9]
    assert cleaned.resource_ids == [3]


def test_party_by_role() -> None:
    p = project(parties=[Party(PartyRole.INITIATOR, "𠮷祥"), Party(PartyRole.IMPLEMENTER, "物业")])
    initiator = p.party(PartyRole.INITIATOR)
    assert initiator is not None and initiator.name == "𠮷祥"
    assert p.party(PartyRole.ORGANIZER) is None
