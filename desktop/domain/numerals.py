"""Chinese numerals for numbered articles and chapters: 第一条 … 第九十九条, 第一章."""

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; beyond 999 in digits."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    parts = []
    if hundreds:
        parts.append(_DIGITS[hundreds] + "百")
    if tens:
        parts.append(("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十")
    elif hundreds and ones:
        parts.append("零")
    if ones:
        parts.append(_DIGITS[ones])
    return "".join(parts)


def article_label(n: int) -> str:
    return f"第{chinese_number(n)}条"


def chapter_label(n: int) -> str:
    return f"第{chinese_number(n)}章"
