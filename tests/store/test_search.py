"""Search through the four lists: results equal a brute-force filter, index or not."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import search
from desktop.store.database import Database, open_database
from desktop.store.search import indexed_words
from desktop.store.search_index import fts_phrase
from tests.store.search_data import AWKWARD, LISTS, SearchList, brute_force, fill

QUERIES = [
    # 1 and 2 characters: instr on the base table, never the trigram index
    "王",
    "伟",
    "1",
    "12",
    "张伟",
    "李伟",
    "电梯",
    "漏水",
    "栋",
    "䶮",
    "𠮷",
    # 3 characters and more: the index proposes, instr confirms
    "120",
    "1203",
    "张伟华",
    "13812",
    "1381234",
    "电梯灯",
    "电梯灯不亮",
    "𠮷祥",
    "王䶮 ",
    "鹏程律师",
    "0755-2688",
    "（第1期）",
    "党员先锋",
    # mixed lengths, several words
    "张伟 1203",
    "1203 张伟",
    "电梯 漏水",
    "张 伟",
    "电梯灯 1栋",
    "  张伟   1203  ",
    # markup, quotes and FTS5 query syntax typed as plain text
    "A&B",
    '"x"',
    '"',
    '""',
    '"""',
    "<b>",
    "</b>",
    "<b>加粗</b>",
    "NEAR(",
    "NEAR(电梯, 2)",
    "AND",
    "OR NOT",
    "a*b",
    "*",
    "^start",
    "col:title",
    "title:",
    "(",
    ")",
    "-",
    "+",
    "%",
    "100%",
    "_",
    "满意_度",
    "'",
    "'单引号'",
    "\\",
    "Tom",
    "tom",
    "TOM",
    "Tom tom",
    # nothing matches
    "不存在的词",
    "张伟华 0755",
    "\x00",
    "电梯\x00灯",
    *AWKWARD,
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    data_dir = tmp_path_factory.mktemp("search")
    db = open_database(data_dir)
    assert db.search_index is not None and db.search_index.ready
    fill(db)
    yield db, data_dir
    db.close()


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("search_list", LISTS, ids=lambda s: s.table)
def test_search_equals_brute_force(
    filled: tuple[Database, Path], search_list: SearchList, text: str
) -> None:
    db, data_dir = filled
    expected = brute_force(data_dir, search_list.table, text)
    assert sorted(search_list.ids(db, text)) == expected
    assert search_list.total(db, text) == len(expected)


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("search_list", LISTS, ids=lambda s: s.table)
def test_search_without_the_index_gives_the_same(
    filled: tuple[Database, Path],
    search_list: SearchList,
    text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, data_dir = filled
    assert db.search_index is not None
    monkeypatch.setattr(db.search_index, "ready", False)
    expected = brute_force(data_dir, search_list.table, text)
    assert sorted(search_list.ids(db, text)) == expected
    assert search_list.total(db, text) == len(expected)


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("search_list", LISTS, ids=lambda s: s.table)
def test_pages_that_only_probe_the_index_give_the_same(
    filled: tuple[Database, Path],
    search_list: SearchList,
    text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When the index proposes many rows a page walks the list's order and probes it."""
    db, data_dir = filled
    monkeypatch.setattr(search, "DRIVING_HITS", 0)
    assert sorted(search_list.ids(db, text)) == brute_force(data_dir, search_list.table, text)


def test_the_data_has_hits_for_each_kind_of_query(filled: tuple[Database, Path]) -> None:
    """Guards the test above against passing on empty answers."""
    _db, data_dir = filled
    for text in ("王", "张伟", "1203", "张伟 1203", "电梯灯", "A&B", '"x"', "<b>", "NEAR(", "%"):
        assert any(brute_force(data_dir, s.table, text) for s in LISTS), text


def test_two_character_chinese_search_finds_rows(filled: tuple[Database, Path]) -> None:
    """SQLite 3.40.1 answers nothing for a 2-character LIKE on a trigram table."""
    db, data_dir = filled
    people = LISTS[0]
    assert sorted(people.ids(db, "张伟")) == brute_force(data_dir, "person", "张伟")
    assert len(people.ids(db, "张伟")) == 2


def test_only_words_of_three_characters_go_to_the_index() -> None:
    assert indexed_words("王 张伟 张伟华 1203 𠮷祥 a\x00b") == ["张伟华", "1203"]


def test_fts_phrase_quotes_everything() -> None:
    assert fts_phrase(["电梯灯"]) == '"电梯灯"'
    assert fts_phrase(['"x"', "NEAR("]) == '"""x""" "NEAR("'
