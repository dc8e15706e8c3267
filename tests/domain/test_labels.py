"""The domain's one Chinese word per enum value: complete, and read by every part that shows
one (window, ledgers, command line, paper)."""

from enum import Enum

import pytest

from desktop.domain import ledger
from desktop.domain.labels import PRINTED, WORDS, choices, printed_word, quota_text, word
from desktop.domain.needs import NeedStatus
from desktop.domain.partners import QuotaState

ENUMS = sorted({type(member) for member in WORDS}, key=lambda e: e.__name__)


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_value_of_a_worded_enum_has_a_word(enum: type[Enum]):
    assert all(word(member) for member in enum)
    # Two values of one enum never read the same: a word must lead back to its value.
    assert len(choices(enum)) == len(enum)


def test_paper_words_differ_only_where_listed():
    assert set(PRINTED) <= set(WORDS)
    assert all(PRINTED[m] != WORDS[m] for m in PRINTED)
    assert printed_word(NeedStatus.PENDING) == word(NeedStatus.PENDING)


def test_the_ledgers_choices_are_the_domains_words():
    for spec in ledger.LEDGERS.values():
        for column in spec.columns:
            for text, member in (column.choices or {}).items():
                assert text == word(member)
                assert ledger.to_cell(member, column) == text


def test_quota_cell_texts():
    assert quota_text(QuotaState.MET, 2) == "✓ 已完成 2 次"
    assert quota_text(QuotaState.MISSING, 2) == "缺"
