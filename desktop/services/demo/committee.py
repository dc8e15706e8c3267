"""Demo owners' committee and property company: the current term (meeting the 50% rule) and the
previous one (which did not), two cross-appointments, evaluations of each organization for the
last two quarters, and property disputes (物业矛盾) flagged on 物业服务 needs — more in the year
before, fewer lately, so the indicator's change against a baseline is not zero.
Deterministic for a seed and a ``today``."""

import random
from datetime import date

from sqlalchemy import select, update

from desktop.domain.committee import (
    CommitteeMember,
    CommitteeTerm,
    CrossAppointment,
    Evaluation,
    EvaluationScore,
)
from desktop.domain.needs import PROPERTY_SERVICE_CATEGORY
from desktop.domain.roster import OrganizationKind, PersonRole
from desktop.services import committee, evaluations
from desktop.store.database import Database
from desktop.store.models import (
    NeedCategoryRecord,
    NeedRecord,
    OrganizationRecord,
    PersonRecord,
    PersonRoleRecord,
)

# Disputes flagged per quarter, the oldest of eight quarters first: down over the two years.
DISPUTES_PER_QUARTER = (4, 4, 3, 3, 2, 2, 1, 1)
COMMENTS = {
    OrganizationKind.PROPERTY_COMPANY: (
        "总体服务有改进，报修响应仍需加快；公共收益应按季公示。",
        "保洁和安保明显改善，居民反映较好。",
    ),
    OrganizationKind.OWNERS_COMMITTEE: (
        "依法履职，财务按时公开，与支部配合良好。",
        "联系群众较多，议事规范仍需加强。",
    ),
}
SCORE_NOTES = {1: "差距较大", 2: "有待改进", 3: "基本达到", 4: "较好", 5: "很好"}


def quarter_start(day: date, back: int = 0) -> date:
    """The first day of ``day``'s quarter, ``back`` quarters earlier."""
    index = day.year * 4 + (day.month - 1) // 3 - back
    return date(index // 4, index % 4 * 3 + 1, 1)


def make_demo_committee(db: Database, seed: int, today: date) -> None:
    orgs, board_ids, people = _committee_candidates(db)
    board = orgs.get(OrganizationKind.OWNERS_COMMITTEE.value)
    company = orgs.get(OrganizationKind.PROPERTY_COMPANY.value)
    if board is None or company is None or len(people) < 20:
        return
    # The committee-role people first, party members before the others.
    ordered = sorted(people, key=lambda p: (p[0] not in board_ids, not p[2], p[0]))
    party = [p for p in ordered if p[2]]
    others = [p for p in ordered if not p[2]]
    if len(party) < 7 or len(others) < 9:
        return
    _save_terms(db, board, company, party, others, today)
    orgs_by_kind = {
        OrganizationKind.PROPERTY_COMPANY: company,
        OrganizationKind.OWNERS_COMMITTEE: board,
    }
    _evaluate(db, random.Random(seed * 7_919 + 12), orgs_by_kind, today)
    _flag_disputes(db, today)


def _committee_candidates(db: Database) -> tuple[dict, set[int], list]:
    """The owners' committee and property company ids, the committee-role people, everyone."""
    with db.session() as s:
        orgs = dict(
            s.execute(
                select(OrganizationRecord.kind, OrganizationRecord.id)
                .where(
                    OrganizationRecord.kind.in_(
                        [
                            OrganizationKind.OWNERS_COMMITTEE.value,
                            OrganizationKind.PROPERTY_COMPANY.value,
                        ]
                    )
                )
                .order_by(OrganizationRecord.id.desc())
            ).all()
        )
        board_ids = set(
            s.scalars(
                select(PersonRoleRecord.person_id).where(
                    PersonRoleRecord.role == PersonRole.OWNERS_COMMITTEE_MEMBER.value
                )
            )
        )
        people = s.execute(
            select(PersonRecord.id, PersonRecord.name, PersonRecord.is_party_member)
            .order_by(PersonRecord.id)
            .limit(300)
        ).all()
    return orgs, board_ids, list(people)


def _term(
    board: int, dates: tuple[date, date, date], note: str, people: list, posts: list[str]
) -> CommitteeTerm:
    """A term (formed, starting, ending on ``dates``) of ``people`` (id, name, party member)
    holding ``posts`` in order."""
    members = [CommitteeMember(p[1], posts[i], p[2], p[0]) for i, p in enumerate(people)]
    return CommitteeTerm(board, *dates, note, members)


def _save_terms(
    db: Database, board: int, company: int, party: list, others: list, today: date
) -> None:
    current = party[:4] + others[:3]  # 4 of 7: meets the rule
    posts = ["主任", "副主任", "副主任"] + ["委员"] * 4
    dates = (date(2024, 5, 18), date(2024, 6, 1), date(2029, 5, 31))
    committee.save_term(db, _term(board, dates, "第三届业主委员会", current, posts))
    earlier = party[4:7] + others[3:9]  # 3 of 9: fell short, recorded as it was
    posts = ["主任", "副主任"] + ["委员"] * 7
    dates = (date(2019, 5, 25), date(2019, 6, 1), date(2024, 5, 31))
    note = "第二届业主委员会（换届前党员比例不足）"
    committee.save_term(db, _term(board, dates, note, earlier, posts))
    committee.save_cross_appointment(
        db, CrossAppointment(current[0][0], board, "支部委员", "业委会主任", date(2024, 6, 1))
    )
    committee.save_cross_appointment(
        db,
        CrossAppointment(
            party[7][0] if len(party) > 7 else current[1][0],
            company,
            "党员",
            "物业服务中心党建联络员",
            quarter_start(today, 6),
        ),
    )


def _evaluate(
    db: Database, rng: random.Random, orgs: dict[OrganizationKind, int], today: date
) -> None:
    """Two quarters of evaluations for the property company and the owners' committee."""
    for kind, org_id in orgs.items():
        for back, comment in zip((2, 1), COMMENTS[kind], strict=True):
            start = quarter_start(today, back)
            period = f"{start.year}Q{(start.month - 1) // 3 + 1}"
            scores = []
            for s_ in evaluations.starter_evaluation(kind):
                score = rng.choice((3, 4, 4, 5)) if back == 1 else rng.choice((2, 3, 4, 4))
                scores.append(EvaluationScore(s_.criterion, score, SCORE_NOTES[score]))
            evaluations.save_evaluation(
                db,
                Evaluation(
                    org_id,
                    period,
                    quarter_start(today, back - 1),
                    "王建国、欧阳振华、李秀英",
                    comment,
                    scores,
                ),
            )


def _flag_disputes(db: Database, today: date) -> None:
    with db.session() as s:
        category = s.scalar(
            select(NeedCategoryRecord.id).where(
                NeedCategoryRecord.name == PROPERTY_SERVICE_CATEGORY
            )
        )
        if category is None:
            return
        chosen: list[int] = []
        allowed = 0  # the recent year flags at most half of the year before (disputes down)
        for back, count in zip(range(8, 0, -1), DISPUTES_PER_QUARTER, strict=True):
            if back == 4:
                allowed = max(1, len(chosen) // 2)
            if back <= 4:
                count = min(count, allowed)
            first, last = quarter_start(today, back), quarter_start(today, back - 1)
            found = list(
                s.scalars(
                    select(NeedRecord.id)
                    .where(
                        NeedRecord.category_id == category,
                        NeedRecord.deleted_at.is_(None),
                        NeedRecord.registered_on >= first,
                        NeedRecord.registered_on < last,
                    )
                    .order_by(NeedRecord.registered_on, NeedRecord.id)
                    .limit(count)
                )
            )
            chosen += found
            if back <= 4:
                allowed -= len(found)
        if chosen:
            s.execute(update(NeedRecord).where(NeedRecord.id.in_(chosen)).values(is_dispute=True))
