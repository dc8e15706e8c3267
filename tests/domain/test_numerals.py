"""Chinese numerals for article and chapter numbers: 第一条 … 第一百一十条."""

import pytest

from desktop.domain.numerals import article_label, chapter_label, chinese_number


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (2, "二"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (105, "一百零五"),
        (110, "一百一十"),
        (119, "一百一十九"),
        (200, "二百"),
        (230, "二百三十"),
        (999, "九百九十九"),
    ],
)
def test_chinese_number(n, text):
    assert chinese_number(n) == text


@pytest.mark.parametrize("n", [0, -3, 1000, 12345])
def test_out_of_range_in_digits(n):
    assert chinese_number(n) == str(n)


def test_labels():
    assert article_label(1) == "第一条"
    assert article_label(10) == "第十条"
    assert article_label(12) == "第十二条"
    assert article_label(105) == "第一百零五条"
    assert chapter_label(3) == "第三章"
    assert chapter_label(11) == "第十一章"
