"""Periods of the indicators: parsing, the period before, the current one, the change."""

from datetime import date

import pytest

from desktop.domain.indicators import (
    COUNT_KEYS,
    DEFINITIONS,
    INDICATOR_KEYS,
    Period,
    PeriodKind,
    change_pct,
    current_period,
    format_change,
    parse_period,
)


def test_the_keys_are_the_fixed_contract_in_order():
    assert INDICATOR_KEYS == (
        "meetings_held",
        "problems_solved",
        "consensus_reached",
        "agreements_signed",
        "pairing_activities",
        "practical_services",
        "dispute_mediations",
        "self_organizations_incubated",
        "property_disputes",
        "property_disputes_change_pct",
        "talents_discovered",
        "talents_cultivated",
        "needs_by_category",
        "needs_by_status",
    )
    assert "property_disputes_change_pct" not in COUNT_KEYS
    assert "needs_by_status" not in COUNT_KEYS


def test_every_key_has_a_written_chinese_definition():
    assert set(DEFINITIONS) == set(INDICATOR_KEYS)
    for definition in DEFINITIONS.values():
        for part in (definition.title, definition.counted, definition.records):
            assert part and not part.isascii()
        assert definition.period_rule.startswith(("按", "基期"))
    assert DEFINITIONS["meetings_held"].title == "召开协商议事会"
    assert "北京时间" in DEFINITIONS["problems_solved"].period_rule


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2026Q1", "2026Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026q2", "2026Q2", date(2026, 4, 1), date(2026, 6, 30)),
        (" 2026-Q3 ", "2026Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026Q4", "2026Q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2024", "2024", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_parse_period(text, label, start, end):
    assert parse_period(text) == Period(label, start, end)


@pytest.mark.parametrize("text", ["", "2026Q5", "2026Q0", "26Q1", "Q3", "2026年", "abc", "1999"])
def test_a_bad_period_says_how_to_write_one_in_chinese(text):
    with pytest.raises(ValueError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert message.startswith(f"统计期“{text}”") and "\n" not in message
    assert not message.isascii()


def test_previous_has_the_same_length_across_year_ends():
    assert parse_period("2026Q1").previous() == parse_period("2025Q4")
    assert parse_period("2026Q3").previous() == parse_period("2026Q2")
    assert parse_period("2026").previous() == parse_period("2025")
    assert parse_period("2024Q1").previous().end == date(2023, 12, 31)


def test_current_period_and_titles():
    assert current_period(date(2026, 3, 31)) == parse_period("2026Q1")
    assert current_period(date(2026, 4, 1), "quarter") == parse_period("2026Q2")
    assert current_period(date(2026, 11, 25), PeriodKind.YEAR) == parse_period("2026")
    assert parse_period("2026Q3").title == "2026年第三季度"
    assert parse_period("2026").title == "2026年"
    assert parse_period("2026").kind is PeriodKind.YEAR
    assert parse_period("2026").quarters()[3] == parse_period("2026Q4")
    assert date(2026, 9, 30) in parse_period("2026Q3")
    assert date(2026, 10, 1) not in parse_period("2026Q3")


def test_change_against_the_baseline():
    assert change_pct(35, 100) == -65.0
    assert change_pct(2, 3) == -33.3
    assert change_pct(3, 2) == 50.0
    assert change_pct(5, 0) is None
    assert format_change(-65.1) == "下降 65.1%"
    assert format_change(12.5) == "上升 12.5%"
    assert format_change(0.0) == "持平"
    assert "无法比较" in format_change(None)
