"""Normalize: glosses out, traditional → simplified, full-width → half-width, spaces in numbers closed.

Every step goes through `MappedText`, so a span of the normalized text maps back to the original.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from fangkong.text.textmap import MappedText

_PINYIN = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"

_GLOSS = regex.compile(
    rf"""
    (?<=[\p{{Han}}?？\ufffd])[(（][{_PINYIN}]{{1,7}}[)）]   # 網(wǎng), 鎮（zhèn）, 醫（yī)
  | (?<=[?？\ufffd])[{_PINYIN}]{{1,7}}[)）]               # garbled: the opening bracket lost, 總？cè）
    """,
    regex.VERBOSE,
)
# Every gloss ends in a pinyin letter and a closing bracket: a text without one (most reports, brackets or not)
# is not scanned for glosses. The standard library's re, on a plain set of characters, finds that several times
# faster than regex (the same characters: no class, no flag).
_GLOSS_END = re.compile(rf"[{_PINYIN}][)）]")

# Full-width ASCII (U+FF01–U+FF5E) and the ideographic space map one-to-one onto ASCII.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALF_WIDTH[0x3000] = 0x20
_HALF_WIDTH[0x00A0] = 0x20
# Any character the table changes: a text without one (most reports) is not translated at all.
# (re, as for _GLOSS_END: the same set of characters, searched about nine times faster than by regex)
_WIDE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_HALF_WIDTH)) + "]")
_NARROW = {chr(code): chr(narrow) for code, narrow in _HALF_WIDTH.items()}

_SPACE_IN_NUMBER = regex.compile(
    r"""
    (?<=\d)[ \t]+(?=[\p{Han}])     # 50 余人, 302 国道
  | (?<=(?<![\d.,])\d{1,2})[ ](?=\d{1,2}\p{Han})   # 1 5人: a short number broken by one space
  | (?<=[\p{Han}])[ \t]+(?=\d)     # 标语 54条
    """,
    regex.VERBOSE,
)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (character-wise where a phrase would change it)."""
    converter = _converter()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        new = converter.convert(line)
        if len(new) != len(line):
            new = "".join(c if len(c2 := converter.convert(c)) != 1 else c2 for c in line)
        out.append(new)
    return "\n".join(out)


def to_half_width(text: str) -> str:
    """`text.translate(_HALF_WIDTH)`, made as one `str.replace` per distinct wide character the text holds (a
    report holds three or four): str.translate looks every character up in the table, four times slower."""
    position = 0
    while match := _WIDE.search(text, position):
        wide = match.group()
        text = text.replace(wide, _NARROW[wide])  # one character for one: the positions stay
        position = match.start()
    return text


def remove_glosses(text: MappedText) -> MappedText:
    """Drop pinyin glosses that follow characters: 網(wǎng) → 網."""
    if not _GLOSS_END.search(text.text):  # nothing a gloss ends with: nothing to scan for
        return text
    return text.rewrite(_GLOSS, lambda match: "")


def normalize(text: MappedText) -> MappedText:
    """Plain report text → normalized text (offsets still map to the original).

    Each step first asks, in one C-level scan, whether the text has anything it changes, and is skipped where
    not: most reports are already simplified, half-width and free of glosses."""
    text = remove_glosses(text)
    if _WIDE.search(text.text):
        text = text.replace_same_length(to_half_width(text.text))
    text = text.replace_same_length(to_simplified(text.text))
    if " " not in text.text and "\t" not in text.text:  # every space closed up is a space or a tab
        return text
    return text.rewrite(_SPACE_IN_NUMBER, lambda match: "")
