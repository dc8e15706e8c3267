"""Yuan amounts: exact in Decimal, integer fen in the database, parsed as people type them."""

from decimal import Decimal

import pytest

from desktop.domain.money import MAX_YUAN, format_yuan, from_fen, parse_yuan, to_fen


@pytest.mark.parametrize(
    ("yuan", "fen"),
    [
        (Decimal("0"), 0),
        (Decimal("0.01"), 1),
        (Decimal("0.10"), 10),
        (Decimal("12345.67"), 1_234_567),
        (Decimal("8000"), 800_000),
        (Decimal("200000.00"), 20_000_000),
        (Decimal("-3.50"), -350),
        (Decimal("99999999999.99"), 9_999_999_999_999),
    ],
)
def test_round_trip_through_fen(yuan: Decimal, fen: int) -> None:
    assert to_fen(yuan) == fen
    assert from_fen(fen) == yuan
    assert str(from_fen(fen)) == f"{yuan:.2f}"  # always two places: 8000 → 8000.00


def test_sums_are_exact() -> None:
    # 0.1 + 0.2 is 0.30000000000000004 in floating point; never here.
    assert Decimal("0.10") + Decimal("0.20") == Decimal("0.30")
    assert from_fen(to_fen(Decimal("0.10")) + to_fen(Decimal("0.20"))) == Decimal("0.30")
    assert sum((from_fen(10) for _ in range(1000)), Decimal(0)) == Decimal("100.00")
    assert to_fen(sum((Decimal("0.01") for _ in range(12345)), Decimal(0))) == 12345


@pytest.mark.parametrize(
    ("yuan", "fen"),
    [
        (Decimal("0.005"), 1),  # half up, not banker's rounding
        (Decimal("0.015"), 2),
        (Decimal("0.025"), 3),
        (Decimal("0.004"), 0),
        (Decimal("1.999"), 200),
        (Decimal("-0.005"), -1),
    ],
)
def test_more_than_two_places_round_half_up(yuan: Decimal, fen: int) -> None:
    assert to_fen(yuan) == fen


def test_from_fen_returns_decimal_with_two_places() -> None:
    value = from_fen(123)
    assert isinstance(value, Decimal)
    assert value.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("800", Decimal("800.00")),
        ("1,234.50", Decimal("1234.50")),
        ("1，234.5", Decimal("1234.50")),  # a full-width comma from a Chinese input method
        ("¥800", Decimal("800.00")),
        ("￥12,345.67", Decimal("12345.67")),
        ("800元", Decimal("800.00")),
        ("  0.1 ", Decimal("0.10")),
        ("0.125", Decimal("0.13")),
        ("-50", Decimal("-50.00")),
        ("200000", Decimal("200000.00")),
    ],
)
def test_parse_yuan(text: str, value: Decimal) -> None:
    parsed = parse_yuan(text)
    assert parsed == value
    assert parsed is not None and parsed.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "元",
        "¥",
        "八百",
        "12.3.4",
        "abc",
        "NaN",
        "Infinity",
        "-inf",
        "1 000",
        "1e30",
        "9" * 40,
    ],
)
def test_parse_yuan_refuses_what_is_not_an_amount(text: str) -> None:
    assert parse_yuan(text) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("0"), "0.00"),
        (Decimal("0.1"), "0.10"),
        (Decimal("1234.5"), "1,234.50"),
        (Decimal("12345.67"), "12,345.67"),
        (Decimal("200000"), "200,000.00"),
        (Decimal("-8000"), "-8,000.00"),
    ],
)
def test_format_yuan(value: Decimal, text: str) -> None:
    assert format_yuan(value) == text
    assert parse_yuan(text) == value


def test_the_largest_amount_fits_in_sqlite() -> None:
    assert to_fen(MAX_YUAN) < 2**63
    assert parse_yuan("9,999,999,999.99") == MAX_YUAN
