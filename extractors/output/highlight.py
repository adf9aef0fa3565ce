"""Highlight: facts' offsets (into the decoded original) → runs of the report's plain text, each run with the
facts whose evidence covers it. The common ground of `explain` (terminal) and `review` (HTML page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from fangkong.text.load import Loaded

_SENTENCE_END = regex.compile(r"[。!?！？]+[”’」』)）]*|\n")
_BLANK_LINES = regex.compile(r"\n[ \t\u3000\xa0]*(?:\n[ \t\u3000\xa0]*)+")


@dataclass(frozen=True)
class Run:
    """A stretch of plain text and the indexes (into the facts given) of the facts shown in it."""

    text: str
    facts: tuple[int, ...] = ()


def plain_spans(loaded: Loaded, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the original text (a fact's start, end) → the spans of the plain text (markup removed) they show."""
    return [loaded.plain.span_from_original(start, end) for start, end in spans]


def runs(text: str, spans: Sequence[tuple[int, int]]) -> list[Run]:
    """`text` cut at every span's ends into runs; each run lists the spans (by index, ascending) that cover it."""
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(spans):
        if 0 <= start < end <= len(text):
            opening.setdefault(start, []).append(index)
            closing.setdefault(end, []).append(index)
    cuts = sorted({0, len(text), *opening, *closing})
    active: set[int] = set()
    pieces = []
    for begin, stop in zip(cuts, cuts[1:], strict=False):
        active.difference_update(closing.get(begin, ()))
        active.update(opening.get(begin, ()))
        pieces.append(Run(text[begin:stop], tuple(sorted(active))))
    return pieces


def sentences(text: str) -> list[tuple[int, int]]:
    """The plain text cut into display sentences: at 。！？ (with closing quotes) and line breaks, ends kept."""
    spans, cursor = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((cursor, match.end()))
        cursor = match.end()
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return spans


def squeeze_blank_lines(text: str) -> str:
    """Runs of blank lines → one blank line (HTML turned to text leaves many); the length changes."""
    return _BLANK_LINES.sub("\n\n", text)
