"""Demo compacts: one adopted compact with two versions (adopted at a deliberation meeting,
revised — an article reworded, one added — and adopted again at a later one) and one draft,
all from the starter templates. Deterministic for a ``today`` and the demo's meetings."""

import copy
from datetime import date, timedelta

from desktop.domain.compacts import Adoption
from desktop.domain.meetings import MeetingKind, MeetingQuery
from desktop.services import compacts, meetings
from desktop.store.database import Database

LEASH = ("不超过一点五米", "不超过一点二米，在楼道、电梯等狭窄处应当手牵短绳")
ADDED_ARTICLE = "小区在东侧绿地设置宠物活动区，由物业服务企业负责日常保洁，养犬居民共同维护。"


def make_demo_compacts(db: Database, today: date) -> None:
    # The final minutes of deliberation meetings, oldest first: the first adopts the compact,
    # a later one its revision. Without such meetings the adoptions stand on their own dates.
    held = [
        meetings.get_meeting(db, row.id)
        for row in meetings.list_meetings(
            db, MeetingQuery(kind=MeetingKind.DELIBERATION, final=True, descending=False)
        )
    ]
    first = held[0] if held else None
    later = held[1] if len(held) > 1 else None

    dogs = compacts.create_from_template(db, "文明养犬")
    assert dogs.id is not None
    compacts.adopt(db, dogs.id, 1, _adoption(first, today - timedelta(days=75)))
    revision = copy.deepcopy(compacts.start_revision(db, dogs.id).draft)
    assert revision is not None
    articles = revision.chapters[0].articles
    articles[1] = articles[1].replace(*LEASH)
    articles.insert(4, ADDED_ARTICLE)
    compacts.save_draft(db, dogs.id, revision)
    revised_on = later.starts_at.date() if later else today - timedelta(days=20)
    compacts.adopt(db, dogs.id, revision.number, _adoption(later, revised_on))

    compacts.create_from_template(db, "停车秩序")


def _adoption(meeting, fallback: date) -> Adoption:
    """The votes of the meeting's first topic, when it has them."""
    if meeting is None:
        return Adoption(None, fallback, 18, 1, 1, 20)
    topic = next((t for t in meeting.topics if t.votes_for is not None), None)
    votes = (
        (topic.votes_for, topic.votes_against or 0, topic.votes_abstain or 0)
        if topic
        else (18, 1, 1)
    )
    return Adoption(meeting.id, meeting.starts_at.date(), *votes, sum(votes))
