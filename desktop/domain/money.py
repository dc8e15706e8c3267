"""Yuan amounts, exact: Decimal in the domain, integer fen (分) in the database."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
# Far above any neighborhood's budget, far below what a 64-bit integer holds in fen.
MAX_YUAN = Decimal("9999999999.99")


def to_fen(yuan: Decimal) -> int:
    return int((yuan.quantize(FEN, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def parse_yuan(text: str) -> Decimal | None:
    """“1,234.50”“¥800”“800元” → Decimal; None when it is not an amount."""
    cleaned = text.strip().replace(",", "").replace("，", "").lstrip("¥￥").removesuffix("元")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    try:
        return value.quantize(FEN, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than Decimal carries (1e30): not an amount
        return None


def format_yuan(value: Decimal) -> str:
    return f"{value:,.2f}"
