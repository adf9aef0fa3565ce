"""A text that remembers where each of its characters came from in the decoded original.

Every stage before `segment` rewrites text (tags out, glosses out, traditional → simplified…).
`MappedText` carries, for each character of the current text, the span of the original it
stands for, so any span found late in the pipeline maps back to the original exactly.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class MappedText:
    """`text` plus, per character i, the original span `[starts[i], ends[i])`."""

    text: str
    starts: array
    ends: array

    @classmethod
    def identity(cls, original: str) -> MappedText:
        """The original text mapped onto itself."""
        n = len(original)
        return cls(original, array("q", range(n)), array("q", range(1, n + 1)))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the span `[start, end)` of this text to a span of the original."""
        if end <= start:
            point = self.starts[start] if start < len(self.text) else (self.ends[-1] if self.text else 0)
            return point, point
        return self.starts[start], self.ends[end - 1]

    def rewrite(self, pattern: regex.Pattern, replace: Callable[[regex.Match], str | None]) -> MappedText:
        """Return a new MappedText with every match of `pattern` replaced by `replace(match)`.

        `replace` returns the new text for the match, or None to keep it. Characters of a
        replacement all map to the whole original span of the match they replace; a
        replacement of the same length maps character by character instead.
        """
        pieces: list[str] = []
        starts = array("q")
        ends = array("q")
        last = 0
        for match in pattern.finditer(self.text):
            new = replace(match)
            if new is None:
                continue
            begin, stop = match.span()
            pieces.append(self.text[last:begin])
            starts.extend(self.starts[last:begin])
            ends.extend(self.ends[last:begin])
            if new:
                pieces.append(new)
                if len(new) == stop - begin:
                    starts.extend(self.starts[begin:stop])
                    ends.extend(self.ends[begin:stop])
                else:
                    span_start = self.starts[begin] if stop > begin else self._point(begin)
                    span_end = self.ends[stop - 1] if stop > begin else span_start
                    starts.extend([span_start] * len(new))
                    ends.extend([span_end] * len(new))
            last = stop
        if last == 0 and not pieces:
            return self
        pieces.append(self.text[last:])
        starts.extend(self.starts[last:])
        ends.extend(self.ends[last:])
        return MappedText("".join(pieces), starts, ends)

    def translate(self, table: dict[int, str]) -> MappedText:
        """Apply a one-character-to-one-character table; offsets are unchanged."""
        return MappedText(self.text.translate(table), self.starts, self.ends)

    def replace_same_length(self, new_text: str) -> MappedText:
        """Swap in a text of exactly the same length (e.g. a character-wise conversion)."""
        if len(new_text) != len(self.text):
            raise ValueError("replacement text must keep the length")
        return MappedText(new_text, self.starts, self.ends)

    def _point(self, index: int) -> int:
        if index < len(self.starts):
            return self.starts[index]
        return self.ends[-1] if len(self.ends) else 0
