"""A text that remembers where each of its characters came from in the decoded original.

Every stage before `segment` rewrites text (tags out, glosses out, traditional → simplified…).
`MappedText` carries a piecewise map from the current text back to the original, so any span
found late in the pipeline maps back to the original exactly.

The map is a sorted list of pieces, one per run of text that was either copied (character i of
the run stands for one original character, in order) or written in place of an original span
(every character of the run stands for that whole span). Its size grows with the number of
edits, not with the length of the text, so a 50 MB report costs no more than its own strings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class MappedText:
    """`text` plus its map to the original.

    `pieces` holds (start in text, start in original, length of original span): a length of 0
    marks a copied run (character k of it ↦ original[o + k]); a positive length marks a
    replacement run (each of its characters ↦ original[o : o + length]).
    """

    text: str
    pieces: tuple[tuple[int, int, int], ...]

    @classmethod
    def identity(cls, original: str) -> MappedText:
        """The original text mapped onto itself."""
        return cls(original, ((0, 0, 0),))

    def _piece(self, index: int) -> tuple[int, int, int]:
        return self.pieces[bisect_right(self._starts, index) - 1]

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [p[0] for p in self.pieces]
            object.__setattr__(self, "_starts_cache", cached)
        return cached

    def char_span(self, index: int) -> tuple[int, int]:
        """The original span that character `index` of this text stands for."""
        pieces = self.pieces
        # one piece (a plain-text report, mapped onto itself): no bisect, every index is in it
        start, origin, length = pieces[0] if len(pieces) == 1 else self._piece(index)
        if length:
            return origin, origin + length
        point = origin + index - start
        return point, point + 1

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `[start, end)` of this text to a span of the original."""
        if not self.text:
            return 0, 0
        if end <= start:
            point = self.char_span(min(start, len(self.text) - 1))[0 if start < len(self.text) else 1]
            return point, point
        if len(self.pieces) == 1:  # both ends in the one piece: char_span's arithmetic, once
            piece_start, origin, length = self.pieces[0]
            if length:
                return origin, origin + length
            return origin + start - piece_start, origin + end - piece_start
        return self.char_span(start)[0], self.char_span(end - 1)[1]

    def span_from_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of this text that the original span `[start, end)` became (the inverse of original_span).

        Its start is the first character whose original span ends after `start`, its end the first character
        whose original span starts at or after `end`; found piece by piece (a bisect over the pieces, then
        arithmetic inside one), not character by character.
        """
        if not self.text:
            return 0, 0
        if len(self.pieces) == 1:  # the bisects and _first_in_piece below, worked out for one piece
            piece_start, origin, length = self.pieces[0]
            size = len(self.text)
            last_end = origin + length if length else origin + size - piece_start
            last_start = origin if length else origin + size - piece_start - 1
            first = (piece_start if length else piece_start + max(0, start - origin)) if start < last_end else size
            last = (piece_start if length else piece_start + max(0, end - origin)) if end <= last_start else size
            return first, max(first, last)
        starts, last_ends, last_starts = self._inverse
        first = self._first_in_piece(bisect_right(last_ends, start), start, starts)
        last = self._first_in_piece(bisect_left(last_starts, end), end, starts)
        return first, max(first, last)

    def _first_in_piece(self, index: int, bound: int, starts: list[int]) -> int:
        """The first character of piece `index` whose original span reaches past `bound` (ends after it, or starts
        at or after it: for a copied run the same arithmetic), or the text's end where there is no such piece."""
        if index == len(starts):
            return len(self.text)
        start, origin, length = self.pieces[index]
        return start if length else start + max(0, bound - origin)

    @property
    def _inverse(self) -> tuple[list[int], list[int], list[int]]:
        """Per piece: where it starts in this text, where the original span of its last character ends, and
        where that span starts (both non-decreasing along the text)."""
        cached = self.__dict__.get("_inverse_cache")
        if cached is None:
            starts = self._starts
            ends = [*starts[1:], len(self.text)]
            last_ends = [origin + length if length else origin + end - start
                         for (start, origin, length), end in zip(self.pieces, ends, strict=True)]
            last_starts = [origin if length else origin + end - start - 1
                           for (start, origin, length), end in zip(self.pieces, ends, strict=True)]
            cached = (starts, last_ends, last_starts)
            object.__setattr__(self, "_inverse_cache", cached)
        return cached

    def rewrite(self, pattern: regex.Pattern, replace: Callable[[regex.Match], str | None]) -> MappedText:
        """Return a new MappedText with every match of `pattern` replaced by `replace(match)`.

        `replace` returns the new text for the match, or None to keep it. A replacement of the
        same length maps character by character; any other maps each of its characters to the
        whole original span of the match.
        """
        parts: list[str] = []
        pieces: list[tuple[int, int, int]] = []
        written = 0  # length of the new text so far
        last = 0
        changed = False
        for match in pattern.finditer(self.text):
            new = replace(match)
            if new is None:
                continue
            changed = True
            begin, stop = match.span()
            written = self._copy(last, begin, written, parts, pieces)
            if new and len(new) == stop - begin:
                self._copy_map(begin, stop, written, pieces)
                parts.append(new)
                written += len(new)
            elif new:
                if stop > begin:
                    origin, origin_end = self.char_span(begin)[0], self.char_span(stop - 1)[1]
                else:
                    origin = origin_end = self.original_span(begin, begin)[0]
                pieces.append((written, origin, max(origin_end - origin, 1)))
                parts.append(new)
                written += len(new)
            last = stop
        if not changed:
            return self
        self._copy(last, len(self.text), written, parts, pieces)
        return MappedText("".join(parts), tuple(_merge(pieces)) or ((0, 0, 0),))

    def _copy(self, begin: int, stop: int, written: int, parts: list[str],
              pieces: list[tuple[int, int, int]]) -> int:
        if stop <= begin:
            return written
        parts.append(self.text[begin:stop])
        self._copy_map(begin, stop, written, pieces)
        return written + stop - begin

    def _copy_map(self, begin: int, stop: int, written: int, pieces: list[tuple[int, int, int]]) -> None:
        """Append the map of this text's [begin, stop) as it lands at `written` in the new text."""
        if len(self.pieces) == 1 and not self.pieces[0][2]:
            # one copied run (a plain-text report): the loop below, worked out for it (a gloss-laden report makes
            # this call once per gloss)
            start, origin, _ = self.pieces[0]
            pieces.append((written, origin + begin - start, 0))
            return
        starts = self._starts
        index = bisect_right(starts, begin) - 1
        position = begin
        while position < stop:
            start, origin, length = self.pieces[index]
            piece_end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
            run_end = min(stop, piece_end)
            new_start = written + position - begin
            if length:
                pieces.append((new_start, origin, length))
            else:
                pieces.append((new_start, origin + position - start, 0))
            position = run_end
            index += 1

    def translate(self, table: dict[int, int | str]) -> MappedText:
        """Apply a one-character-to-one-character table; offsets are unchanged."""
        return self.replace_same_length(self.text.translate(table))

    def replace_same_length(self, new_text: str) -> MappedText:
        """Swap in a text of exactly the same length (e.g. a character-wise conversion)."""
        if len(new_text) != len(self.text):
            raise ValueError("replacement text must keep the length")
        return MappedText(new_text, self.pieces)


def _merge(pieces: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Join neighbouring copied runs that continue each other, so the map stays small."""
    merged: list[tuple[int, int, int]] = []
    for piece in pieces:
        if merged:
            start, origin, length = merged[-1]
            if length == 0 and piece[2] == 0 and piece[1] - origin == piece[0] - start:
                continue
        merged.append(piece)
    return merged
