"""Evaluations of the property company and the owners' committee on scored criteria."""

from datetime import date
from fractions import Fraction

import pytest

from desktop.domain.committee import (
    Evaluation,
    EvaluationScore,
    format_average,
    period_label,
    validate_evaluation,
)
from desktop.domain.errors import NotFoundError, Problem, ValidationError
from desktop.domain.kinds import RecordKind
from desktop.domain.roster import Organization, OrganizationKind
from desktop.services import evaluations
from desktop.services.organizations import save_organization
from desktop.store.database import Database
from tests.trash_items import restore_records

NAME = "欧阳䶮𠮷 <b>&"


def org(db: Database, kind: OrganizationKind, name: str) -> int:
    saved = save_organization(db, Organization(kind=kind, name=name))
    assert saved.id is not None
    return saved.id


def test_starter_criteria_per_kind() -> None:
    company = [
        s.criterion for s in evaluations.starter_evaluation(OrganizationKind.PROPERTY_COMPANY)
    ]
    board = [s.criterion for s in evaluations.starter_evaluation(OrganizationKind.OWNERS_COMMITTEE)]
    assert company[:5] == ["服务态度", "保洁绿化", "安全秩序", "维修及时性", "收费公开"]
    assert board[:4] == ["依法履职", "财务公开", "联系群众", "配合支部工作"]
    assert evaluations.starter_evaluation(OrganizationKind.SELF_ORGANIZATION) == []


def test_save_read_and_list(db: Database) -> None:
    company = org(db, OrganizationKind.PROPERTY_COMPANY, NAME)
    board = org(db, OrganizationKind.OWNERS_COMMITTEE, "业委会")
    saved = evaluations.save_evaluation(
        db,
        Evaluation(
            company,
            " 2026q3 ",
            date(2026, 9, 28),
            "张伟、李伟",
            f"总体较好 {NAME}",
            [
                EvaluationScore("服务态度", 5, "热情"),
                EvaluationScore(NAME, 4, "<i>x</i>"),
                EvaluationScore("维修及时性", 2, "报修一周无人上门"),
                EvaluationScore("  ", 3),
            ],
        ),
    )
    assert saved.period == "2026Q3" and saved.organization_name == NAME
    assert saved.organization_kind is OrganizationKind.PROPERTY_COMPANY
    assert [(s.criterion, s.score) for s in saved.scores] == [
        ("服务态度", 5),
        (NAME, 4),
        ("维修及时性", 2),
    ]  # blank criterion dropped
    assert saved.average == Fraction(11, 3) and format_average(saved.average) == "3.7"
    evaluations.save_evaluation(
        db, Evaluation(board, "2026", date(2026, 12, 20), "", "", [EvaluationScore("依法履职", 4)])
    )
    rows = evaluations.list_evaluations(db)
    assert [(r.period, r.organization_name, r.criteria, r.average) for r in rows] == [
        ("2026", "业委会", 1, Fraction(4)),
        ("2026Q3", NAME, 3, Fraction(11, 3)),
    ]
    assert [r.period for r in evaluations.list_evaluations(db, company)] == ["2026Q3"]
    # Edit: the scores are replaced, in the new order.
    saved.scores = [saved.scores[2], saved.scores[0]]
    saved.scores[0].score = 3
    again = evaluations.save_evaluation(db, saved)
    assert [(s.criterion, s.score) for s in again.scores] == [("维修及时性", 3), ("服务态度", 5)]
    assert evaluations.get_evaluation(db, saved.id or 0).scores == again.scores


def test_validation(db: Database) -> None:
    partner = org(db, OrganizationKind.PARTNER_UNIT, "学校")
    with pytest.raises(ValidationError) as caught:
        evaluations.save_evaluation(db, Evaluation(partner, "2026Q5", scores=[]))
    assert caught.value.problems == {  # a partner unit is not evaluated here
        "organization": Problem.REQUIRED,
        "period": Problem.PERIOD_FORMAT,
        "scores": Problem.REQUIRED,
    }
    with pytest.raises(ValidationError) as caught:
        evaluations.save_evaluation(db, Evaluation(partner, "2026", scores=[EvaluationScore("a")]))
    assert caught.value.problems == {"organization": Problem.REQUIRED}

    def problems(**kw) -> dict:
        fields = {"organization_id": 1, "period": "2026Q1", "scores": [EvaluationScore("a")]}
        fields.update(kw)
        return validate_evaluation(Evaluation(**fields))  # type: ignore[arg-type]

    assert problems() == {}
    assert problems(period="") == {"period": Problem.REQUIRED}
    assert problems(period="26Q1") == {"period": Problem.PERIOD_FORMAT}
    assert problems(scores=[EvaluationScore("a", 0)]) == {"scores": Problem.RATING_RANGE}
    assert problems(scores=[EvaluationScore("a", 6)]) == {"scores": Problem.RATING_RANGE}
    twice = [EvaluationScore("a", 1), EvaluationScore("a", 2)]
    assert problems(scores=twice) == {"scores": Problem.DUPLICATE_NAME}


def test_trash(db: Database) -> None:
    company = org(db, OrganizationKind.PROPERTY_COMPANY, "物业")
    saved = evaluations.save_evaluation(
        db, Evaluation(company, "2026Q1", scores=[EvaluationScore("服务态度", 4)])
    )
    assert evaluations.delete_evaluations(db, [saved.id or 0]) == 1
    assert evaluations.list_evaluations(db) == []
    with pytest.raises(NotFoundError):
        evaluations.get_evaluation(db, saved.id or 0)
    assert restore_records(db, RecordKind.EVALUATION, [saved.id or 0]) == 1
    assert len(evaluations.list_evaluations(db)) == 1


def test_labels() -> None:
    assert period_label("2026Q3") == "2026年第三季度"
    assert period_label("2026") == "2026年度"
    assert format_average(None) == "—"
    assert format_average(Fraction(17, 4)) == "4.3"  # 4.25 rounds half up
    assert format_average(Fraction(5)) == "5.0"


def test_a_deleted_evaluation_is_in_the_trash(db: Database) -> None:
    from desktop.services import trash

    company = org(db, OrganizationKind.PROPERTY_COMPANY, "物业")
    saved = evaluations.save_evaluation(
        db, Evaluation(company, "2026Q2", scores=[EvaluationScore("服务态度", 4)])
    )
    evaluations.delete_evaluations(db, [saved.id or 0])
    items = [i for i in trash.list_trash(db) if i.kind is RecordKind.EVALUATION]
    assert [(i.id, i.title) for i in items] == [(saved.id, "2026Q2")]
    assert trash.restore(db, items) == 1
    assert len(evaluations.list_evaluations(db)) == 1
