"""Words and numbers printed on paper."""

from datetime import datetime
from pathlib import Path

import pytest

import desktop.documents
from desktop.documents.labels import MINUTES_NAME, meeting_time, votes
from desktop.domain.labels import printed_word
from desktop.domain.meetings import ActionStatus, Attendance, MeetingKind, ParticipantRole
from desktop.domain.numerals import chinese_number


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (30, "三十"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (999, "九百九十九"),
        (1000, "1000"),
        (0, "0"),
    ],
)
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_every_enum_value_has_a_word():
    for enum in (MeetingKind, ParticipantRole, Attendance, ActionStatus):
        assert all(printed_word(member) for member in enum)
    assert set(MINUTES_NAME) == set(MeetingKind)


def test_times_and_votes():
    assert meeting_time(datetime(2026, 11, 25, 9, 5)) == "2026年11月25日 09:05"
    assert votes(27, 2, 1) == "同意 27 票，反对 2 票，弃权 1 票"
    assert votes(5, None, None) == "同意 5 票，反对 0 票，弃权 0 票"
    assert votes(None, None, None) == ""


def test_nothing_in_documents_imports_qt():
    for path in Path(desktop.documents.__file__).parent.glob("*.py"):
        assert "PySide6" not in path.read_text(encoding="utf-8"), path.name
