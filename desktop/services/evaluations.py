"""The branch's evaluations (评价) of the property company and of the owners' committee:
scores 1–5 on named criteria, with comments; printable."""

from fractions import Fraction

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.committee import (
    EVALUATED_KINDS,
    STARTER_CRITERIA,
    Evaluation,
    EvaluationRow,
    EvaluationScore,
    clean_evaluation,
    validate_evaluation,
)
from desktop.domain.roster import OrganizationKind
from desktop.services.committee import check_organization_of
from desktop.services.common import Problems, get_loaded, save_checked
from desktop.services.mapping import from_row, new_row, to_row
from desktop.store.database import Database
from desktop.store.models import EvaluationRecord, EvaluationScoreRecord, OrganizationRecord
from desktop.store.trash import move_to_trash, record_to_save


def starter_evaluation(kind: OrganizationKind) -> list[EvaluationScore]:
    """The starter criteria for a new evaluation of this kind of organization."""
    return [EvaluationScore(c) for c in STARTER_CRITERIA.get(kind, ())]


def list_evaluations(db: Database, organization_id: int | None = None) -> list[EvaluationRow]:
    """Live evaluations of live organizations, the newest first."""
    scores = (
        select(
            EvaluationScoreRecord.evaluation_id,
            func.count().label("n"),
            func.sum(EvaluationScoreRecord.score).label("total"),
        )
        .group_by(EvaluationScoreRecord.evaluation_id)
        .subquery()
    )
    stmt = (
        select(
            EvaluationRecord.id,
            EvaluationRecord.organization_id,
            OrganizationRecord.name,
            OrganizationRecord.kind,
            EvaluationRecord.period,
            EvaluationRecord.evaluated_on,
            scores.c.n,
            scores.c.total,
        )
        .join(OrganizationRecord, OrganizationRecord.id == EvaluationRecord.organization_id)
        .outerjoin(scores, scores.c.evaluation_id == EvaluationRecord.id)
        .where(EvaluationRecord.deleted_at.is_(None), OrganizationRecord.deleted_at.is_(None))
        .order_by(EvaluationRecord.evaluated_on.desc(), EvaluationRecord.id.desc())
    )
    if organization_id is not None:
        stmt = stmt.where(EvaluationRecord.organization_id == organization_id)
    with db.session() as s:
        return [
            EvaluationRow(
                i,
                org_id,
                name,
                OrganizationKind(kind),
                period,
                on,
                n or 0,
                Fraction(total, n) if n else None,
            )
            for i, org_id, name, kind, period, on, n, total in s.execute(stmt)
        ]


def _to_evaluation(s: Session, rec: EvaluationRecord) -> Evaluation:
    org = s.get(OrganizationRecord, rec.organization_id)
    scores = s.scalars(
        select(EvaluationScoreRecord)
        .where(EvaluationScoreRecord.evaluation_id == rec.id)
        .order_by(EvaluationScoreRecord.position, EvaluationScoreRecord.id)
    )
    return from_row(
        Evaluation,
        rec,
        scores=[from_row(EvaluationScore, x) for x in scores],
        organization_name=org.name if org else "",
        organization_kind=OrganizationKind(org.kind) if org else None,
    )


def get_evaluation(db: Database, evaluation_id: int) -> Evaluation:
    return get_loaded(db, EvaluationRecord, evaluation_id, "evaluation", _to_evaluation)


def save_evaluation(db: Database, evaluation: Evaluation) -> Evaluation:
    """Create or update, with its scores (replaced as a whole, in the order given)."""
    return save_checked(
        db, evaluation, clean_evaluation, validate_evaluation, _save, _evaluated_organization
    )


def _evaluated_organization(s: Session, e: Evaluation, problems: Problems) -> None:
    check_organization_of(s, problems, e.organization_id, EVALUATED_KINDS)


def _save(s: Session, e: Evaluation) -> Evaluation:
    rec = record_to_save(s, EvaluationRecord, e.id, e.uuid, "evaluation")
    if e.id is not None:
        s.execute(
            delete(EvaluationScoreRecord).where(EvaluationScoreRecord.evaluation_id == rec.id)
        )
    to_row(rec, e)
    s.flush()
    for position, score in enumerate(e.scores):
        s.add(new_row(EvaluationScoreRecord, score, evaluation_id=rec.id, position=position))
    s.flush()
    return _to_evaluation(s, rec)


def delete_evaluations(db: Database, ids: list[int]) -> int:
    return move_to_trash(db, EvaluationRecord, ids)
