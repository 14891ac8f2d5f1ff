"""Sorting in the reader's language, identical on every machine (no `locale` module, no ICU).

Babel has no collation. Chinese sorts by pinyin, CLDR's default for zh, with pypinyin (pure
Python; its reading data is pinned by the lock, so every machine sorts alike): syllable by
syllable, the tone as a number (ba1 < ba2 < bai), then by the text. PyICU would give full
CLDR collation but needs compiling against the system's ICU, whose version (and so the order)
differs between machines.

The other languages use one locale-independent rule that matches CLDR's root order for the
words we sort (focus labels, states, hub names): letters first without their diacritics and
case (é with e, not after z; Ä with A; ß as ss; Arabic أ إ آ with ا), katakana as hiragana
(both in gojūon order, the voicing mark second), then the accented form, then the text itself,
so the order is total. Kanji in Japanese sort by code point: reading them needs a dictionary.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache

KATAKANA = range(0x30A1, 0x30F7)  # ァ..ヶ; minus 0x60 is the same kana in hiragana
TATWEEL = "\u0640"  # Arabic elongation: typography, not a letter
LONG_VOWEL = "ー"  # sorts as the vowel of the kana before it (バーデン as ばあでん), as in JIS X 4061
VOWELS = {
    kana: vowel
    for vowel, row in {
        "あ": "ぁあかさたなはまやゃらわゎ",
        "い": "ぃいきしちにひみりゐ",
        "う": "ぅうくすつっぬふむゆゅるゔ",
        "え": "ぇえけせてねへめれゑ",
        "お": "ぉおこそとのほもょよろを",
    }.items()
    for kana in row
}


def base_letters(text: str) -> str:
    """The primary level: decomposed, without combining marks, case-folded, katakana as hiragana."""
    decomposed = unicodedata.normalize("NFKD", text.replace(TATWEEL, ""))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    kana = [chr(ord(char) - 0x60) if ord(char) in KATAKANA else char for char in letters]
    for index, char in enumerate(kana):
        if char == LONG_VOWEL and index and kana[index - 1] in VOWELS:
            kana[index] = VOWELS[kana[index - 1]]
    return "".join(kana)


def general_key(text: str) -> tuple[str, str, str]:
    return base_letters(text), unicodedata.normalize("NFKD", text).casefold(), text


@cache
def _pinyin() -> Callable[[str], list[str]]:
    from pypinyin import Style, lazy_pinyin  # imported only for Chinese: its dictionaries are large

    return lambda text: lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors="default")


def pinyin_key(text: str) -> tuple[tuple[str, ...], tuple[str, str, str]]:
    syllables = tuple(base_letters(part) for part in _pinyin()(text))
    return syllables, general_key(text)


def sort_key(lang: str) -> Callable[[str], tuple]:
    """The key that sorts texts of `lang` in that language's order."""
    return pinyin_key if lang.split("-")[0].lower() == "zh" else general_key


def collated(lang: str, items: list, text: Callable[[object], str] = str) -> list:
    """`items` sorted by `text(item)` in the order of `lang`."""
    key = sort_key(lang)
    return sorted(items, key=lambda item: key(text(item)))
