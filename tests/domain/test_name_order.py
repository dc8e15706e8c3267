"""The pinyin sort key of names: the order people expect, surnames read as surnames, rare
characters never lost."""

from desktop.domain.name_order import NO_READING, name_key


def ordered(*names: str) -> list[str]:
    return sorted(names, key=name_key)


def test_names_sort_by_pinyin_not_by_code_point() -> None:
    # By code point: 丁 上官 东方 于 付 (U+4E01, 4E0A, 4E1C, 4E8E, 4ED8).
    assert ordered("于敏", "付强", "东方明", "上官婉儿", "丁一") == [
        "丁一",
        "东方明",
        "付强",
        "上官婉儿",
        "于敏",
    ]


def test_one_surname_stays_together_and_shorter_names_come_first() -> None:
    assert ordered("章伟", "张伟", "张", "张明", "黎明", "李娜", "李") == [
        "黎明",
        "李",
        "李娜",
        "张",
        "张明",
        "张伟",
        "章伟",
    ]


def test_surnames_are_read_as_surnames() -> None:
    assert name_key("曾国藩").startswith("zeng1曾")  # not céng
    assert name_key("单雄信").startswith("shan4单")  # not dān
    assert name_key("万俟卨").startswith("mo4万 qi2俟")
    assert name_key("诸葛亮").startswith("zhu1诸 ge3葛")
    assert ordered("曾国藩", "蔡伦") == ["蔡伦", "曾国藩"]  # c … z
    # Only at the start of a name: 曾 inside a given name keeps the word's reading.
    assert "ceng2曾" in name_key("王曾")


def test_names_are_read_a_character_at_a_time() -> None:
    assert name_key("于思敏") == "yu2于 si1思 min3敏"  # not the word 于思 (yú sāi)


def test_rare_characters_still_sort() -> None:
    assert name_key("䶮") == "yan3䶮"  # Extension A, in the tables
    assert name_key("王䶮") == "wang2王 yan3䶮"
    assert name_key("𠮷祥") == "ji2𠮷 xiang2祥"  # Extension B: as its variant 吉
    assert ordered("𠮷祥", "吉祥", "季军", "黄河") == ["黄河", "吉祥", "𠮷祥", "季军"]
    unknown = "\U0002a6d6"  # an Extension B character with no reading known here
    assert name_key(unknown + "明") == f"{NO_READING}{unknown} ming2明"
    assert ordered(unknown + "明", "祖冲之") == ["祖冲之", unknown + "明"]  # after z


def test_latin_digits_and_marks() -> None:
    assert name_key("Tom") == name_key("Ｔｏｍ") == name_key(" tom ") == "tom"
    assert ordered("Tom", "唐", "童") == ["唐", "Tom", "童"]  # tang < tom < tong
    assert name_key("阿依·买买提") == "a1阿 yi1依 mai3买 mai3买 ti2提"  # the · ignored
    assert name_key("") == ""
    assert ordered("3号", "阿明") == ["3号", "阿明"]
