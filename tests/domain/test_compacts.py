"""Compacts in the domain: numbering across chapters, splitting and moving articles,
validation, states, and comparing two versions article by article."""

from datetime import date

import pytest

from desktop.domain.compact_templates import TEMPLATES, template_version
from desktop.domain.compacts import (
    Adoption,
    ArticleChange,
    ChangeKind,
    Chapter,
    Compact,
    CompactState,
    CompactVersion,
    clean_version,
    compare,
    move_article,
    split_article,
    validate_version,
)
from desktop.domain.errors import Problem

ADDED, REMOVED, CHANGED, SAME = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.CHANGED,
    ChangeKind.SAME,
)


def version(*articles: str, number: int = 1) -> CompactVersion:
    return CompactVersion(number, "公约", chapters=[Chapter("", list(articles))])


# -- numbering -----------------------------------------------------------------------------
def test_numbering_runs_across_chapters():
    v = CompactVersion(
        1,
        "公约",
        chapters=[Chapter("总则", ["甲", "乙"]), Chapter("养犬", ["丙"]), Chapter("附则", ["丁"])],
    )
    assert v.numbered() == [
        ("第一章　总则", "第一条", "甲"),
        ("第一章　总则", "第二条", "乙"),
        ("第二章　养犬", "第三条", "丙"),
        ("第三章　附则", "第四条", "丁"),
    ]
    assert v.articles() == ["甲", "乙", "丙", "丁"]


def test_no_chapter_headings_without_chapter_titles():
    v = version(*"一二三四五六七八九十壹")
    numbered = v.numbered()
    assert [h for h, _, _ in numbered] == [None] * 11
    assert [label for _, label, _ in numbered][9:] == ["第十条", "第十一条"]


def test_an_empty_chapter_does_not_skip_numbers():
    v = CompactVersion(
        1, "公约", chapters=[Chapter("一", ["甲"]), Chapter("二"), Chapter("三", ["乙"])]
    )
    assert [(h, n) for h, n, _ in v.numbered()] == [
        ("第一章　一", "第一条"),
        ("第三章　三", "第二条"),
    ]


# -- editing -----------------------------------------------------------------------------
def test_split_article_drops_blanks_at_the_cut():
    assert split_article("养犬应当登记。  携犬出户应当束链。", 7) == (
        "养犬应当登记。",
        "携犬出户应当束链。",
    )
    assert split_article("甲乙", 0) == ("", "甲乙")
    assert split_article("甲乙", 2) == ("甲乙", "")


def test_move_article():
    articles = ["甲", "乙", "丙"]
    assert move_article(articles, 0, 1) == ["乙", "甲", "丙"]
    assert move_article(articles, 2, -1) == ["甲", "丙", "乙"]
    assert move_article(articles, 0, -1) == articles  # the first cannot go up
    assert move_article(articles, 2, 1) == articles  # the last cannot go down
    assert move_article(articles, 5, -1) == articles
    assert articles == ["甲", "乙", "丙"]  # the list given is left as it was


# -- validation --------------------------------------------------------------------------
def test_template_versions_are_valid():
    for name in TEMPLATES:
        v = clean_version(template_version(name))
        assert validate_version(v) == {}, name
        assert v.is_draft and v.number == 1


def test_title_required():
    v = clean_version(CompactVersion(1, "  \n ", chapters=[Chapter("", ["甲"])]))
    assert validate_version(v) == {"title": Problem.REQUIRED}


def test_title_too_long():
    assert validate_version(CompactVersion(1, "约" * 101, chapters=[Chapter("", ["甲"])])) == {
        "title": Problem.TOO_LONG
    }


def test_empty_article_refused():
    assert validate_version(clean_version(version("甲", "   "))) == {"articles": Problem.REQUIRED}
    assert validate_version(version()) == {"articles": Problem.REQUIRED}


def test_too_many_or_too_long_articles():
    assert validate_version(version("甲" * 2001)) == {"articles": Problem.TOO_LONG}
    assert validate_version(version(*["甲"] * 301)) == {"articles": Problem.TOO_LONG}


@pytest.mark.parametrize("field", ["votes_for", "votes_against", "votes_abstain", "households"])
def test_negative_votes_refused(field):
    adoption = Adoption(None, date(2026, 11, 1), 10, 1, 1, 30)
    setattr(adoption, field, -1)
    v = version("甲")
    v.adoption = adoption
    assert validate_version(v) == {"adoption": Problem.NEGATIVE_AMOUNT}


# -- states ------------------------------------------------------------------------------
def test_states():
    adopted = version("甲")
    adopted.adoption = Adoption(None, date(2026, 1, 1))
    assert Compact("公约", [version("甲")]).state is CompactState.DRAFT
    assert Compact("公约", [adopted]).state is CompactState.ADOPTED
    revising = Compact("公约", [adopted, version("甲乙", number=2)])
    assert revising.state is CompactState.REVISING
    assert revising.current is adopted and revising.draft is revising.versions[1]


# -- comparing ---------------------------------------------------------------------------
def kinds(changes: list[ArticleChange]) -> list[tuple]:
    return [(c.kind, c.old_text, c.new_text) for c in changes]


OLD = (
    "养犬居民应当依法为犬只办理登记、按时接种狂犬病疫苗。",
    "携犬出户应当束犬链，犬链长度不超过一点五米。",
    "犬只在公共区域排泄的，携犬人应当立即清理粪便。",
    "不得携犬进入儿童游乐区、健身区和小区会所。",
)


def test_identical_versions_are_all_same():
    changes = compare(version(*OLD), version(*OLD))
    assert [c.kind for c in changes] == [SAME] * 4
    assert [(c.old_label, c.new_label) for c in changes][3] == ("第四条", "第四条")


def test_one_article_changed():
    new = list(OLD)
    new[1] = "携犬出户应当束犬链，犬链长度不超过一点二米。"
    changes = compare(version(*OLD), version(*new))
    assert kinds(changes) == [
        (SAME, OLD[0], OLD[0]),
        (CHANGED, OLD[1], new[1]),
        (SAME, OLD[2], OLD[2]),
        (SAME, OLD[3], OLD[3]),
    ]
    assert (changes[1].old_label, changes[1].new_label) == ("第二条", "第二条")


def test_added_article_renumbers_the_rest():
    added = "乘坐电梯时应当怀抱犬只或收紧犬链。"
    new = [OLD[0], added, *OLD[1:]]
    changes = compare(version(*OLD), version(*new))
    assert kinds(changes) == [
        (SAME, OLD[0], OLD[0]),
        (ADDED, None, added),
        (SAME, OLD[1], OLD[1]),
        (SAME, OLD[2], OLD[2]),
        (SAME, OLD[3], OLD[3]),
    ]
    assert changes[1].new_label == "第二条"
    assert (changes[4].old_label, changes[4].new_label) == ("第四条", "第五条")


def test_removed_article():
    new = [OLD[0], OLD[1], OLD[3]]
    changes = compare(version(*OLD), version(*new))
    assert kinds(changes) == [
        (SAME, OLD[0], OLD[0]),
        (SAME, OLD[1], OLD[1]),
        (REMOVED, OLD[2], None),
        (SAME, OLD[3], OLD[3]),
    ]
    assert (changes[2].old_label, changes[2].new_label) == ("第三条", None)


def test_several_edits_at_once():
    """One changed, one removed, one added: each found, nothing else reported."""
    changed = "犬只在公共区域排泄的，携犬人应当立即清理粪便并妥善处理。"
    added = "晚上十点至次日早上七点，应当避免犬只吠叫影响邻居休息。"
    new = [OLD[0], changed, OLD[3], added]  # OLD[1] removed, OLD[2] changed
    changes = compare(version(*OLD), version(*new))
    assert sorted(kinds(changes), key=str) == sorted(
        [
            (SAME, OLD[0], OLD[0]),
            (REMOVED, OLD[1], None),
            (CHANGED, OLD[2], changed),
            (SAME, OLD[3], OLD[3]),
            (ADDED, None, added),
        ],
        key=str,
    )
    assert [c.kind for c in changes] == [SAME, REMOVED, CHANGED, SAME, ADDED]


def test_a_change_after_an_insertion_is_still_a_change():
    added = "乘坐电梯时应当怀抱犬只或收紧犬链。"
    changed = "养犬居民应当依法为犬只办理登记、每年按时接种狂犬病疫苗。"
    new = [added, changed, *OLD[1:]]
    changes = compare(version(*OLD), version(*new))
    assert kinds(changes)[:2] == [(ADDED, None, added), (CHANGED, OLD[0], changed)]
    assert [c.kind for c in changes[2:]] == [SAME] * 3


def test_a_removal_before_a_change_is_still_a_change():
    changed = "携犬出户应当束犬链，犬链长度不超过一点二米。"
    new = [changed, *OLD[2:]]  # OLD[0] removed, OLD[1] changed
    changes = compare(version(*OLD), version(*new))
    assert kinds(changes)[:2] == [(REMOVED, OLD[0], None), (CHANGED, OLD[1], changed)]
    assert [c.kind for c in changes[2:]] == [SAME, SAME]


def test_reorder_keeps_every_text_and_changes_none():
    new = [OLD[1], OLD[0], OLD[2], OLD[3]]
    changes = compare(version(*OLD), version(*new))
    assert not any(c.kind is CHANGED for c in changes)
    # Nothing lost, nothing invented: every old article is kept or removed exactly once, every
    # new one kept or added exactly once.
    assert sorted(c.old_text for c in changes if c.kind in (SAME, REMOVED)) == sorted(OLD)
    assert sorted(c.new_text for c in changes if c.kind in (SAME, ADDED)) == sorted(new)
    moved = {c.old_text for c in changes if c.kind is REMOVED}
    assert moved == {c.new_text for c in changes if c.kind is ADDED}
    assert len(moved) == 1 and moved <= {OLD[0], OLD[1]}
    assert [c for c in changes if c.kind is SAME and c.old_text in (OLD[2], OLD[3])]


def test_empty_old_version_everything_added():
    changes = compare(CompactVersion(1, "公约"), version(*OLD))
    assert kinds(changes) == [(ADDED, None, a) for a in OLD]
    assert [c.new_label for c in changes] == ["第一条", "第二条", "第三条", "第四条"]


def test_everything_removed():
    changes = compare(version(*OLD), CompactVersion(2, "公约"))
    assert kinds(changes) == [(REMOVED, a, None) for a in OLD]


def test_a_rewrite_is_removed_and_added_not_changed():
    new = [OLD[0], "小区设立宠物活动区，由物业服务企业负责日常管理。", *OLD[2:]]
    changes = compare(version(*OLD), version(*new))
    assert [c.kind for c in changes] == [SAME, REMOVED, ADDED, SAME, SAME]


def test_chapters_do_not_matter_to_the_comparison():
    old = version(*OLD)
    new = CompactVersion(
        2, "公约", chapters=[Chapter("总则", list(OLD[:2])), Chapter("细则", list(OLD[2:]))]
    )
    assert [c.kind for c in compare(old, new)] == [SAME] * 4


def test_an_insertion_between_a_removal_and_a_change():
    """Article 2 reworded, a new article 3 written, the old article 3 dropped: the rewording
    is found (pairing the edited articles in order, not one by one from the top)."""
    added = "乘坐电梯时应当怀抱犬只或收紧犬链。"
    changed = "携犬出户应当束犬链，犬链长度不超过一点二米。"
    new = [OLD[0], changed, added, OLD[3]]
    changes = compare(version(*OLD), version(*new))
    assert kinds(changes) == [
        (SAME, OLD[0], OLD[0]),
        (CHANGED, OLD[1], changed),
        (REMOVED, OLD[2], None),
        (ADDED, None, added),
        (SAME, OLD[3], OLD[3]),
    ]
    new = [OLD[0], added, changed, OLD[3]]
    changes = compare(version(*OLD), version(*new))
    assert sorted(kinds(changes), key=str) == sorted(
        [
            (SAME, OLD[0], OLD[0]),
            (ADDED, None, added),
            (CHANGED, OLD[1], changed),
            (REMOVED, OLD[2], None),
            (SAME, OLD[3], OLD[3]),
        ],
        key=str,
    )
    changed_at = next(c for c in changes if c.kind is CHANGED)
    assert (changed_at.old_label, changed_at.new_label) == ("第二条", "第三条")


def test_many_edited_articles_compare_quickly():
    old = version(*(f"第{i}项：居民应当遵守本小区的约定事项并相互监督执行{i}" for i in range(300)))
    new = version(*(f"第{i}项：居民应当遵守本小区的约定事项并相互监督落实{i}" for i in range(300)))
    changes = compare(old, new)
    assert [c.kind for c in changes] == [CHANGED] * 300
