"""The order people expect a list of names in: by pinyin (丁, 东方, 付, 上官, 于 …), not by
code point (丁, 上官, 东方, 于, 付 …).

``name_key`` gives a text that sorts that way by plain comparison (SQLite's BINARY), so it is
stored beside the name and indexed. Each character of the name becomes its syllable, its tone
and the character itself: 张伟 → ``zhang1张 wei3伟``. So names sort by the pinyin of the
surname first; homophones by tone, then by the character, which keeps every 张 together
before the 章; a shorter name before a longer one that starts the same.

- A surname read differently from the word (曾 zēng, 单 shàn, 仇 qiú, 解 xiè, 万俟 mòqí …) is
  read as a surname: only at the start of the name, where the surname is.
- A character with no reading known here sorts by the reading of the character it is a variant
  of (𠮷 as 吉), or else after every name with a reading, in code-point order: it never
  vanishes and never stops the list.
- Latin letters sort as themselves among the syllables (Tom between tang and tong), digits
  before letters; spaces and punctuation (the “·” of 阿依·买买提) are ignored.

Changing the key changes the order of stored rows until they are saved again: a new rule needs
a migration that fills the key again (as 0008 did first).
"""

import unicodedata
from functools import cache, lru_cache

# Compound and polyphonic surnames, read as surnames. Longest first is checked.
SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo4", "qi2"),
    "尉迟": ("yu4", "chi2"),
    "长孙": ("zhang3", "sun1"),
    "澹台": ("tan2", "tai2"),
    "单于": ("chan2", "yu2"),
    "令狐": ("ling2", "hu2"),
    "亓官": ("qi2", "guan1"),
    "诸葛": ("zhu1", "ge3"),
    "单": ("shan4",),
    "曾": ("zeng1",),
    "仇": ("qiu2",),
    "解": ("xie4",),
    "区": ("ou1",),
    "朴": ("piao2",),
    "查": ("zha1",),
    "乐": ("yue4",),
    "覃": ("qin2",),
    "缪": ("miao4",),
    "翟": ("zhai2",),
    "盖": ("ge3",),
    "秘": ("bi4",),
    "召": ("shao4",),
    "员": ("yun4",),
    "种": ("chong2",),
    "折": ("she2",),
    "黑": ("he4",),
    "宓": ("fu2",),
    "句": ("gou1",),
    "洗": ("xian3",),
    "繁": ("po2",),
    "蕃": ("pi2",),
    "隗": ("wei3",),
    "能": ("nai4",),
    "薄": ("bo2",),
    "华": ("hua4",),
    "任": ("ren2",),
    "纪": ("ji3",),
    "燕": ("yan1",),
    "过": ("guo1",),
    "重": ("chong2",),
    "卜": ("bu3",),
    "都": ("du1",),
}
# Characters outside the pinyin tables that are variants of one inside them.
VARIANTS = {"𠮷": "吉"}
NO_READING = "{"  # sorts after every letter: a name no reading is known for comes last
_MARK = "\x00"  # marks what the converter hands back for a character with no reading


@lru_cache(maxsize=1)
def _converter():
    # pypinyin loads its tables (~0.15 s) on first use, not when the app starts.
    from pypinyin import Style, lazy_pinyin

    def convert(ch: str) -> str | None:
        [item] = lazy_pinyin(
            ch, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda run: [_MARK + run]
        )
        return None if item.startswith(_MARK) else item

    return convert


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK ")


@cache
def _reading(ch: str) -> str | None:
    """The syllable of one character, with its tone digit (its first reading: names are read
    a character at a time, not as words, so 于思敏 is yú sī mǐn); None for a character without
    one (a letter, a mark, or a Han character outside the tables)."""
    if not _is_han(ch):
        return None
    return _converter()(VARIANTS.get(ch, ch))


def name_key(name: str) -> str:
    """The sort key of a person's name (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", name).strip()  # full-width Ｔｏｍ as Tom
    readings = [_reading(ch) for ch in text]
    surname = text[:2] if text[:2] in SURNAMES else text[:1]  # compound surnames first
    if surname in SURNAMES:
        readings[: len(surname)] = SURNAMES[surname]
    words: list[str] = []
    latin = ""
    for ch, reading in zip(text, readings, strict=True):
        if reading is None and ch.isalnum() and not _is_han(ch):
            latin += ch.casefold()
            continue
        if latin:
            words.append(latin)
            latin = ""
        if reading is not None:
            words.append(f"{reading}{ch}")
        elif _is_han(ch):
            words.append(f"{NO_READING}{ch}")
        # else: a space or a mark, left out of the order
    if latin:
        words.append(latin)
    return " ".join(words) if words else text
