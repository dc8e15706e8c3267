"""Masking for the notice board: names keep the surname, mobiles the first three and last four
digits, landlines their area code; dates, amounts and other numbers stay as they are."""

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.masking import building_only, mask_name, mask_phone, mask_phones


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("张三明", "张*明"),
        ("欧阳振华", "欧阳*华"),
        ("李明", "李*"),
        ("欧阳华", "欧阳*"),  # a compound surname and a one-character given name
        ("欧阳", "欧*"),  # two characters are a surname and a given name
        ("司马相如", "司马*如"),
        ("张三明亮", "张*亮"),
        ("李", "李"),
        ("𠮷", "𠮷"),
        ("", ""),
        (" 张三明 ", "张*明"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("𠮷祥", "𠮷*"),
        ("𠮷祥云", "𠮷*云"),
        ("王䶮", "王*"),
        ("李𠮷", "李*"),
        ("欧阳𠮷䶮", "欧阳*䶮"),
    ],
)
def test_mask_name_keeps_a_rare_character_whole(name: str, masked: str) -> None:
    """𠮷 is one character (outside the BMP): never cut in half, never counted twice."""
    assert mask_name(name) == masked
    assert "\ufffd" not in masked
    masked.encode("utf-8")  # no lone surrogate


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812341234", "138****1234"),
        ("0755-26881234", "0755-********"),  # a landline keeps its area code only
        ("010-12345678", "010-********"),
        ("0755-2688123", "0755-*******"),  # a seven-digit number
        ("075526881234", "0755-********"),  # a landline typed without the dash
        ("(0755)26881234", "0755-********"),
        (" 13812341234 ", "138****1234"),
        # Typed as people type them (visits do not normalize): masked all the same.
        ("138 1234 1234", "138****1234"),
        ("138-1234-1234", "138****1234"),
        ("+86 138 1234 1234", "138****1234"),
        ("+8613812341234", "138****1234"),
        ("１３８１２３４１２３４", "138****1234"),
        ("0755-26881234-801", "0755-********-801"),  # the extension says nothing of the number
        ("138123412345", "138*****2345"),  # a digit too many: still hidden but the last four
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize("text", ["", "12345", "110", "无", "不详", "0755-123", "见备注"])
def test_mask_phone_leaves_short_or_other_text_unchanged(text: str) -> None:
    assert mask_phone(text) == text


@pytest.mark.parametrize("phone", ["13812341234", "138 1234 1234", "+86 138-1234-1234"])
def test_masked_mobile_shows_no_middle_digits(phone: str) -> None:
    masked = mask_phone(phone)
    assert masked == "138****1234"  # the last four stay, so the resident recognizes the number


@pytest.mark.parametrize("phone", ["0755-26881234", "0755 2688 1234", "0755-26881234-801"])
def test_masked_landline_shows_no_digit_after_the_area_code(phone: str) -> None:
    masked = mask_phone(phone)
    assert masked.startswith("0755-********")
    assert "2688" not in masked and "1234" not in masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13812345601", "138****5601"),
        ("+8613812345602", "138****5602"),
        ("１３８１２３４５６０３", "138****5603"),  # full-width digits
        ("138.1234.5604", "138****5604"),
        ("138 - 1234 - 5605", "138****5605"),
        ("(138)1234-5606", "138****5606"),
        ("138\u30001234\u30005607", "138****5607"),  # ideographic spaces
        ("更正：电话应为+8613812345630", "更正：电话应为138****5630"),
        ("1 3 8 1 2 3 4 5 6 0 8", "138****5608"),
        ("0086 138 1234 5609", "138****5609"),
        ("＋86 138 1234 5610", "138****5610"),
        ("8613812345611", "138****5611"),  # the country code glued to the number
        ("138\u00a01234\u00a05612", "138****5612"),  # no-break spaces
        ("138\u200b1234\u200b5613", "138****5613"),  # zero-width spaces pasted from a chat
        ("138－1234－5614", "138****5614"),  # full-width dashes
        ("138．1234．5615", "138****5615"),  # full-width dots
        ("【138】1234 5616", "138****5616"),
        ("013812345617", "138****5617"),  # the trunk 0 some still dial before a mobile
        ("0138-1234-5623", "138****5623"),
        ("电话:138-1234-5618。", "电话:138****5618。"),
        ("电话（13812345619）", "电话（138****5619）"),  # brackets round the number stay
        ("(+86)13812345620", "138****5620"),
        ("Tel13812345621转", "Tel138****5621转"),
        ("19912345622", "199****5622"),
    ],
)
def test_mask_phones_finds_a_mobile_however_it_is_typed(text: str, masked: str) -> None:
    assert mask_phones(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("0755-12345678", "0755-********"),
        ("(0755)12345678", "0755-********"),
        ("（0755）1234-5678", "0755-********"),
        ("075512345678", "0755-********"),
        ("0755 1234 5678", "0755-********"),
        ("0755．1234．5678", "0755-********"),
        ("0571-8765432", "0571-*******"),  # a seven-digit local number
        ("010-12345678", "010-********"),  # Beijing, Tianjin, 02x: three-digit area codes
        ("021 6688 1234", "021-********"),
        ("02266881234", "022-********"),
        ("+86 755 2688 1234", "0755-********"),  # the area code loses its 0 after +86
        ("0086-10-12345678", "010-********"),
        ("0755-26881234-801", "0755-********-801"),
        ("０７５５－２６８８１２３４", "0755-********"),
    ],
)
def test_mask_phones_keeps_only_the_area_code_of_a_landline(text: str, masked: str) -> None:
    assert mask_phones(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-07",
        "2026.12.07",
        "2026年12月7日 14:30",
        "2026-12-07 至 2027-01-15",
        "2026.12.13 - 2027.10.15",
        "2026.1.30-2026.10.15",  # 1 30 2026 10 15 would read as a mobile but for the dates
        "2026-1-30 — 2026-10-15",
        "1999.1.1 2000.1.1",
        "２０２６．１．３０-２０２６．１０．１５",
        "2000-01-30 2000-01-01",  # 01 30 2000 01 01 is no 0130…, a mobile dialled with a 0
        "2000-01-01 2000-01-01",  # nor 010-…, a Beijing number
        "每户补偿 2,000 元，共 13,800,000.00 元",
        "1380.50元",
        "¥13812.34",
        "3栋2单元1203",
        "1203",
        "邮编 518000",
        "同意 13 票，反对 8 票，弃权 1 票",
        "12345678901",  # eleven digits, but no mobile starts with 12
        "10086123456",
        "11012345678",
        "20261207001",  # a file number
        "23812345678",
        "440301199001011234",  # an ID number holds 13812345678-like runs: not a phone
        "913812345678",  # a mobile inside a longer run of digits
        "138123456789",
        "1381234567",  # one digit short
        "0755-123456",  # a local number too short
        "0755123",
        "86 人同意",
        "400-800-1234",  # a company hotline is no resident's phone
        "95588",
        "138****5678",  # already masked
        "0755-********",
    ],
)
def test_mask_phones_leaves_what_is_not_a_phone(text: str) -> None:
    assert mask_phones(text) == text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("1203 13812345678", "1203 138****5678"),  # the room stays, the phone goes
        ("2026-12-07 13812345678", "2026-12-07 138****5678"),
        ("13812345678 13987654321", "138****5678 139****4321"),
        ("138 1234 5678 139 8765 4321", "138****5678 139****4321"),
        ("138 1234 5678 0755 2688 1234", "138****5678 0755-********"),
        ("0755 2688 1234 138 1234 5678", "0755-******** 138****5678"),
        ("86 13812345678", "86 138****5678"),  # a bare 86 before a blank may be a count
        ("共5户 1 3 8 1 2 3 4 5 6 7 8", "共5户 138****5678"),
    ],
)
def test_mask_phones_keeps_the_digits_around_a_phone(text: str, masked: str) -> None:
    assert mask_phones(text) == masked


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # 1503 1381234 reads as a mobile too, and so does 138 1234 5678.
        ("1503 138 1234 5678", "150********5678"),
        ("139 1391 2345 138 1234 5678", "139***************5678"),
        # 138 0755 2688 reads as a mobile, 0755 2688 1234 as a landline: no last four then.
        ("138 0755 2688 1234", "138************"),
    ],
)
def test_overlapping_readings_are_masked_as_one_number(text: str, masked: str) -> None:
    """Neither reading may show its middle digits: both are hidden together."""
    assert mask_phones(text) == masked


# Property-based: a number typed with any separators people use, in any context.
SEPARATORS = list(" \t\u3000\u00a0\u200b.．·-－—–‐−()（）[]【】")
CONTEXT = st.text(alphabet="电话手机号联系人张王：，。；、 abcXYZ*", max_size=8)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def typed(draw: st.DrawFn, digits: str) -> str:
    """``digits`` as someone might type them: separators anywhere, some digits full-width."""
    out = []
    for n, digit in enumerate(digits):
        if n:
            out.append(draw(st.text(alphabet=SEPARATORS, max_size=3)))
        out.append(digit.translate(FULL_WIDTH) if draw(st.booleans()) else digit)
    return "".join(out)


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@settings(deadline=None, database=None, max_examples=300)
@given(st.data(), mobiles, CONTEXT, CONTEXT)
def test_any_typed_mobile_is_masked(data: st.DataObject, mobile: str, before: str, after: str):
    prefix = data.draw(st.sampled_from(["", "+86", "＋86", "+86 ", "0086", "0086-", "86"]))
    text = f"{before}{prefix}{data.draw(typed(mobile))}{after}"
    assert mask_phones(text) == f"{before}{mobile[:3]}****{mobile[-4:]}{after}"


# Area codes: 010 and 02x with an eight-digit number; the others four digits, seven or eight.
landlines = st.one_of(
    st.tuples(
        st.from_regex(r"0[12][0-9]", fullmatch=True), st.from_regex(r"[0-9]{8}", fullmatch=True)
    ),
    st.tuples(
        st.from_regex(r"0[3-9][0-9]{2}", fullmatch=True),
        st.from_regex(r"[0-9]{7,8}", fullmatch=True),
    ),
)


@settings(deadline=None, database=None, max_examples=300)
@given(st.data(), landlines, CONTEXT, CONTEXT)
def test_any_typed_landline_keeps_only_its_area_code(
    data: st.DataObject, landline: tuple[str, str], before: str, after: str
):
    area, local = landline
    if data.draw(st.booleans()):  # the area code typed whole, maybe in brackets
        marks = [("", ""), ("", "-"), ("", " "), ("", "－"), ("(", ")"), ("（", "）"), ("【", "】")]
        opener, closer = data.draw(st.sampled_from(marks))
        digits = area.translate(FULL_WIDTH) if data.draw(st.booleans()) else area
        number = f"{opener}{digits}{closer}"
    else:  # dialled from abroad: +86 and the area code without its 0
        number = data.draw(st.sampled_from(["+86", "+86 ", "0086-", "+86-"])) + area[1:]
        number += data.draw(st.sampled_from(["", "-", " "]))
    text = f"{before}{number}{data.draw(typed(local))}{after}"
    assert mask_phones(text) == f"{before}{area}-{'*' * len(local)}{after}"


@settings(deadline=None, database=None, max_examples=200)
@given(st.lists(mobiles, min_size=2, max_size=4), st.data())
def test_several_mobiles_in_one_text_are_each_masked(mobiles_: list[str], data: st.DataObject):
    between = st.sampled_from(["，", "、", "或", "；", " 和 ", "/"])
    text = ""
    expected = ""
    for n, mobile in enumerate(mobiles_):
        glue = data.draw(between) if n else ""
        text += glue + data.draw(typed(mobile))
        expected += glue + f"{mobile[:3]}****{mobile[-4:]}"
    assert mask_phones(text) == expected


DATES = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2099, 12, 31))
DATE_STYLES = [
    "{d:%Y-%m-%d}",
    "{d:%Y.%m.%d}",
    "{d.year}.{d.month}.{d.day}",
    "{d:%Y/%m/%d}",
    "{d.year}-{d.month}-{d.day}",
    "{d.year}年{d.month}月{d.day}日",
    "{d:%Y%m%d}",
    "{d:%Y-%m-%d} {d:%H:%M}",
    "{d.year}.{d.month}.{d.day} {d:%H.%M}",
]


@settings(deadline=None, database=None, max_examples=300)
@given(
    st.lists(st.tuples(DATES, st.sampled_from(DATE_STYLES)), min_size=1, max_size=3),
    st.sampled_from([" ", "-", " - ", " 至 ", "—", "，", "～"]),
)
def test_dates_are_never_taken_for_phones(dates: list[tuple[datetime, str]], glue: str):
    text = glue.join(style.format(d=d) for d, style in dates)
    assert mask_phones(text) == text


QUANTITIES = st.one_of(
    st.integers(0, 10**9).map(lambda n: f"{n:,}元"),
    st.decimals(0, 10**7, places=2, allow_nan=False).map(lambda n: f"{n}元"),
    st.from_regex(r"[1-9][0-9]?(栋|号楼|幢)[1-9][0-9]{2,3}(室|号)", fullmatch=True),
    st.tuples(st.integers(0, 99999), st.sampled_from(["户", "票", "人", "平方米", "%", "号"])).map(
        lambda t: f"{t[0]}{t[1]}"
    ),
)


@settings(deadline=None, database=None, max_examples=300)
@given(st.lists(QUANTITIES, min_size=1, max_size=5), st.sampled_from([" ", "，", "、", "；", "\n"]))
def test_amounts_rooms_and_counts_are_never_taken_for_phones(parts: list[str], glue: str):
    text = glue.join(parts)
    assert mask_phones(text) == text


@settings(deadline=None, database=None, max_examples=300)
@given(
    st.lists(st.integers(0, 999999).map(str), min_size=1, max_size=6),
    st.sampled_from(["，", "、", "；", "/", ",", "和"]),
)
def test_short_numbers_in_a_list_are_never_taken_for_phones(numbers: list[str], glue: str):
    """Numbers of up to six digits listed with punctuation; blanks alone could join them
    (1 3 8 1 2 3 4 5 6 7 8 is a phone), so the list's own marks are kept."""
    text = glue.join(numbers)
    assert mask_phones(text) == text


def test_building_only() -> None:
    assert building_only("3栋", "2单元", "1203") == "3栋"
    assert building_only("") == ""
