"""Neighborhood compacts (邻里公约): numbered articles, versions, adoption, comparison.

A compact has versions. A draft is edited freely; adopting it at a deliberation meeting
makes it read-only for good. A revision starts a new draft from the adopted text. Article
numbers (第一条 …) are never typed: they follow the order of the articles.
"""

import difflib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from desktop.domain.errors import Problem, too_long
from desktop.domain.numerals import article_label, chapter_label
from desktop.domain.text import clean_text, cleaned

TITLE_MAX = 100
ARTICLE_MAX = 2000
MAX_ARTICLES = 300
VERSION_MAX_LENGTH = {"title": TITLE_MAX, "preamble": 2 * ARTICLE_MAX, "closing": 2 * ARTICLE_MAX}


@dataclass
class Chapter:
    """A group of articles; a compact without chapters has one untitled chapter."""

    title: str = ""
    articles: list[str] = field(default_factory=list)


@dataclass
class Adoption:
    meeting_id: int | None
    adopted_on: date
    votes_for: int = 0
    votes_against: int = 0
    votes_abstain: int = 0
    households: int = 0  # households represented at the vote


@dataclass
class CompactVersion:
    number: int
    title: str
    preamble: str = ""
    chapters: list[Chapter] = field(default_factory=lambda: [Chapter()])
    closing: str = ""
    adoption: Adoption | None = None
    id: int | None = None

    @property
    def is_draft(self) -> bool:
        return self.adoption is None

    def articles(self) -> list[str]:
        return [a for c in self.chapters for a in c.articles]

    def has_chapters(self) -> bool:
        return any(c.title for c in self.chapters)

    def numbered(self) -> list[tuple[str | None, str, str]]:
        """(chapter heading or None, 第N条, text) in order; numbering runs across chapters."""
        out: list[tuple[str | None, str, str]] = []
        n = 0
        for i, chapter in enumerate(self.chapters, start=1):
            heading = f"{chapter_label(i)}　{chapter.title}" if self.has_chapters() else None
            for text in chapter.articles:
                n += 1
                out.append((heading, article_label(n), text))
        return out


class CompactState(Enum):
    DRAFT = "draft"  # no version adopted yet
    ADOPTED = "adopted"  # the newest version is adopted
    REVISING = "revising"  # adopted, and a revision is being drafted


@dataclass
class Compact:
    title: str
    versions: list[CompactVersion] = field(default_factory=list)
    id: int | None = None
    uuid: str | None = None

    @property
    def current(self) -> CompactVersion | None:
        """The version in force: the newest adopted one."""
        adopted = [v for v in self.versions if not v.is_draft]
        return adopted[-1] if adopted else None

    @property
    def draft(self) -> CompactVersion | None:
        return next((v for v in reversed(self.versions) if v.is_draft), None)

    @property
    def state(self) -> CompactState:
        if self.current is None:
            return CompactState.DRAFT
        return CompactState.REVISING if self.draft is not None else CompactState.ADOPTED


@dataclass
class CompactRow:
    id: int
    title: str
    state: CompactState
    version: int
    adopted_on: date | None
    articles: int


# -- editing a draft ---------------------------------------------------------------------------
def clean_version(v: CompactVersion) -> CompactVersion:
    chapters = [
        cleaned(c, lines=("title",), articles=[clean_text(a) for a in c.articles])
        for c in v.chapters
    ] or [Chapter()]
    return cleaned(v, lines=("title",), texts=("preamble", "closing"), chapters=chapters)


def validate_version(v: CompactVersion) -> dict[str, Problem]:
    problems: dict[str, Problem] = {}
    if not v.title:
        problems["title"] = Problem.REQUIRED
    elif "title" in too_long(v, VERSION_MAX_LENGTH):
        problems["title"] = Problem.TOO_LONG
    articles = v.articles()
    if not articles or not all(articles):
        problems["articles"] = Problem.REQUIRED
    if len(articles) > MAX_ARTICLES or any(len(a) > ARTICLE_MAX for a in articles):
        problems["articles"] = Problem.TOO_LONG
    if {"preamble", "closing"} & too_long(v, VERSION_MAX_LENGTH).keys():
        problems["preamble"] = Problem.TOO_LONG
    if v.adoption is not None:
        a = v.adoption
        if min(a.votes_for, a.votes_against, a.votes_abstain, a.households) < 0:
            problems["adoption"] = Problem.NEGATIVE_AMOUNT
    return problems


def split_article(text: str, at: int) -> tuple[str, str]:
    """One article becomes two at character ``at`` (blanks at the cut dropped)."""
    return text[:at].rstrip(), text[at:].lstrip()


def move_article(articles: list[str], index: int, offset: int) -> list[str]:
    target = index + offset
    if not (0 <= index < len(articles) and 0 <= target < len(articles)):
        return list(articles)
    moved = list(articles)
    moved[index], moved[target] = moved[target], moved[index]
    return moved


# -- comparing two versions ------------------------------------------------------------------
class ChangeKind(Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    SAME = "same"


@dataclass
class ArticleChange:
    kind: ChangeKind
    old_label: str | None  # 第N条 in the older version
    old_text: str | None
    new_label: str | None
    new_text: str | None


def compare(old: CompactVersion, new: CompactVersion) -> list[ArticleChange]:
    """Article by article, in order: kept, changed, added and removed articles. Changed means
    an article replaced by one that reads mostly the same (a similarity of at least 0.5)."""
    a, b = old.articles(), new.articles()
    out: list[ArticleChange] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += [
                ArticleChange(
                    ChangeKind.SAME, article_label(i + 1), a[i], article_label(j + 1), b[j]
                )
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        pairs = _pair_similar(a[i1:i2], b[j1:j2])
        i, j = i1, j1
        for pi, pj in [*((i1 + x, j1 + y) for x, y in pairs), (i2, j2)]:
            out += [
                ArticleChange(ChangeKind.REMOVED, article_label(k + 1), a[k], None, None)
                for k in range(i, pi)
            ]
            out += [
                ArticleChange(ChangeKind.ADDED, None, None, article_label(k + 1), b[k])
                for k in range(j, pj)
            ]
            if pi < i2:
                out.append(
                    ArticleChange(
                        ChangeKind.CHANGED,
                        article_label(pi + 1),
                        a[pi],
                        article_label(pj + 1),
                        b[pj],
                    )
                )
            i, j = pi + 1, pj + 1
    return out


def _pair_similar(olds: list[str], news: list[str]) -> list[tuple[int, int]]:
    """The most (old, new) pairs, in order, of articles that read mostly the same (a
    similarity of at least 0.5; ties go to the closer texts): the changed articles. Pairing
    greedily from the top would miss an edited article that follows an added one."""

    def similarity(o: str, n: str) -> float:
        m = difflib.SequenceMatcher(a=o, b=n)
        return m.ratio() if m.real_quick_ratio() >= 0.5 and m.quick_ratio() >= 0.5 else 0.0

    # Edited articles stay near their place: only pairs within a band are compared, which
    # keeps a wholesale rewording of a long compact quick.
    band = abs(len(olds) - len(news)) + 8
    ratio = [
        [similarity(o, n) if abs(x - y) <= band else 0.0 for y, n in enumerate(news)]
        for x, o in enumerate(olds)
    ]
    # best[x][y]: (pairs, total similarity) for olds[x:] and news[y:]
    best = [[(0, 0.0)] * (len(news) + 1) for _ in range(len(olds) + 1)]
    for x in range(len(olds) - 1, -1, -1):
        for y in range(len(news) - 1, -1, -1):
            best[x][y] = max(best[x + 1][y], best[x][y + 1])
            if ratio[x][y] >= 0.5:
                n, r = best[x + 1][y + 1]
                best[x][y] = max(best[x][y], (n + 1, r + ratio[x][y]))
    pairs, x, y = [], 0, 0
    while x < len(olds) and y < len(news):
        if ratio[x][y] >= 0.5 and best[x][y] == (
            best[x + 1][y + 1][0] + 1,
            best[x + 1][y + 1][1] + ratio[x][y],
        ):
            pairs.append((x, y))
            x, y = x + 1, y + 1
        elif best[x][y] == best[x + 1][y]:
            x += 1
        else:
            y += 1
    return pairs
