"""Explain: a report and its facts → the report's text with each fact's evidence marked and, under each
sentence that holds facts, one line per fact (metric, value, qualifier, rule, role, place, as_of)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from fangkong.facts.record import Fact
from fangkong.numbers.numerals import format_value
from fangkong.output.highlight import plain_spans, runs, sentences
from fangkong.text.load import Loaded


def brackets(evidence: str) -> str:
    """The plain-text mark: [[evidence]]."""
    return f"[[{evidence}]]"


def fact_line(fact: Fact) -> str:
    """One fact as a line under its sentence: `#3 checkpoints 12 个 exact · rule checkpoints.set_up · …`."""
    number = fact.id.rpartition("#")[2] if fact.id else "?"
    value = format_value(fact.value)
    if fact.value_high is not None:
        value += "-" + format_value(fact.value_high)
    parts = [f"#{number} {fact.metric} {value} {fact.unit} {fact.qualifier}".replace("  ", " "), f"rule {fact.rule}"]
    if fact.role == "part" and fact.parent:
        parts.append(f"part of #{fact.parent.rpartition('#')[2]}")
    elif fact.role == "total":
        parts.append("total")
    if fact.place:
        parts.append(fact.place)
    if fact.as_of:
        parts.append(f"as of {fact.as_of}")
    return " · ".join(parts)


def explain(loaded: Loaded, facts: Sequence[Fact], mark: Callable[[str], str] = brackets) -> list[str]:
    """A loaded report and its facts (offsets into `loaded.original`) → the lines to print.

    The report's plain text (markup removed) line by line, each fact's evidence passed through `mark`;
    after each sentence holding the start of some facts, their `fact_line`s, indented. Runs of blank lines
    are printed as one.
    """
    text = loaded.plain.text
    spans = plain_spans(loaded, [(f.start, f.end) for f in facts])
    lines: list[str] = []
    current = ""

    def flush() -> None:
        nonlocal current
        line = current.rstrip()
        if line or (lines and lines[-1]):
            lines.append(line)
        current = ""

    cut = sentences(text)
    starts = [begin for begin, _ in cut]
    touching: dict[int, list[int]] = {}  # sentence → the facts whose evidence reaches into it
    for index, (start, end) in enumerate(spans):
        for sentence in range(bisect_right(starts, start) - 1, bisect_left(starts, end)):
            touching.setdefault(sentence, []).append(index)
    for number, (begin, stop) in enumerate(cut):
        local = [(max(spans[i][0], begin) - begin, min(spans[i][1], stop) - begin) for i in touching.get(number, [])]
        shown, marked = [], []
        for run in runs(text[begin:stop], local):
            if run.facts:
                marked.append(run.text)
                continue
            if marked:
                shown.append(mark("".join(marked)))
                marked = []
            shown.append(run.text)
        if marked:
            shown.append(mark("".join(marked)))
        piece = "".join(shown)
        ends_line = piece.endswith("\n")
        current += piece.rstrip("\n")
        starting = [i for i in touching.get(number, []) if begin <= spans[i][0] < stop]
        if starting:
            flush()
            lines.extend("    " + fact_line(facts[i]) for i in starting)
        elif ends_line:
            flush()
    if current:
        flush()
    while lines and not lines[-1]:
        lines.pop()
    return lines
