"""Relations: which facts are totals and which are their parts (共收到捐款30万元，其中党员捐款10万元).

Works on facts located in the normalized text; the marker words live in `data/context.toml` ([relations]).
"""

from __future__ import annotations

import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

TOTAL, PART, SINGLE = "total", "part", "single"
_LEAD_IN = regex.compile(r"[\s\p{P}]*")  # only blanks and punctuation: a marker that opens its sentence
_LAST_BREAK = regex.compile(r"(?r)[,，;；:：。!?！？\n]")  # searched backwards: the last clause break
_TRAILING = " \t,，;；:：、"
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Located:
    """A fact as relations and context see it: metric, value, qualifier, its span in the normalized text and
    the index of its sentence."""

    metric: str
    value: float
    qualifier: str
    start: int
    end: int
    sentence: int


@dataclass(frozen=True)
class _Markers:
    part: regex.Pattern
    total: regex.Pattern
    total_window: int
    increment: regex.Pattern
    cumulative: regex.Pattern


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    data = tomllib.loads(resources.files("fangkong.data").joinpath("context.toml").read_text("utf-8"))["relations"]
    longest_first = sorted(data["part_markers"], key=len, reverse=True)
    return _Markers(
        regex.compile("|".join(regex.escape(m) for m in longest_first)),
        regex.compile("|".join(f"(?:{p})" for p in data["total_markers"])),
        int(data["total_window"]),
        regex.compile("|".join(regex.escape(m) for m in data["increment_markers"])),
        regex.compile("|".join(regex.escape(m) for m in data["cumulative_markers"])),
    )


def _fits_under(total: Located, parts: Sequence[Located], *, whole: bool) -> bool:
    """True where `parts` can be parts of `total`: each no larger (a 其中 list, `whole` False), or summing
    to it (`whole` True: a list without 其中; at most it where the total is a lower bound or approximate)."""
    if not parts:
        return False
    if not whole:
        return total.qualifier in ("over", "approx") or all(p.value <= total.value * (1 + _TOLERANCE) for p in parts)
    summed = sum(p.value for p in parts)
    if total.qualifier in ("over", "approx"):
        return summed <= total.value * 1.1
    return abs(summed - total.value) <= _TOLERANCE * max(1.0, total.value)


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause ending at `hi` begins (not before `lo`); punctuation right before `hi` is passed over."""
    while hi > lo and text[hi - 1] in _TRAILING:
        hi -= 1
    found = _LAST_BREAK.search(text, lo, hi)
    return found.end() if found else lo


def _totals_before(facts: Sequence[Located], before: Sequence[int], text: str, lo: int, clause_from: int,
                   metrics: set[str], parent: Sequence[int | None]) -> dict[str, int]:
    """For each of `metrics`, the index of the total its parts after a part marker belong to: the last fact of it
    in the clause starting at `clause_from` (right before the marker), or in the clause before a clause that
    held a total, back through such a run of clauses but not past `lo` nor past a clause without one."""
    totals: dict[str, int] = {}
    reach = clause_from
    for i in reversed(before):
        fact = facts[i]
        if fact.end <= reach:
            break
        if fact.metric in metrics and fact.metric not in totals and parent[i] is None:
            totals[fact.metric] = i
            reach = _clause_start(text, lo, _clause_start(text, lo, fact.start))
    return totals


def relate(facts: Sequence[Located], text: str, sentences: Sequence[tuple[int, int]]) -> list[int | None]:
    """Facts in text order → for each, the index of the total it is a part of, else None.

    `sentences` are the (start, end) spans of the report's sentences in `text` (the normalized text),
    `Located.sentence` indexes them. A fact is a total where some fact names it as parent.
    Two kinds of list are recognised, per metric:
    - a part marker (其中, 包括 …) after a fact: the same metric's facts after the marker, up to the
      next marker or the sentence's end, are parts of the last such fact in the clause right before the
      marker (the last clause of the sentence before, where the marker opens its sentence), or in a run of
      clauses right before it that each hold a total of the marker's parts (共捐款28.6万元，捐赠口罩3.2万只。
      其中…), each no larger than it;
    - a total marker (共计, 合计, 共 …) just before a fact in its clause: the same metric's facts listed
      right before it (or right after it) in the sentence are its parts where they sum to it.
    A day's increment (今日新增排查12人) is also a part of the running total of its metric (累计排查326人) in its
    sentence or the one next to it.
    """
    markers = _markers()
    parent: list[int | None] = [None] * len(facts)
    by_sentence: dict[int, list[int]] = {}
    for index, fact in enumerate(facts):
        by_sentence.setdefault(fact.sentence, []).append(index)
    is_total: set[int] = set()

    for sentence_id, members in by_sentence.items():
        start, end = sentences[sentence_id]
        marks = [m.start() for m in markers.part.finditer(text, start, end)]
        for number, mark in enumerate(marks):
            stop = marks[number + 1] if number + 1 < len(marks) else end
            first_after = bisect_left(members, mark, key=lambda i: facts[i].start)
            before, (lo, hi) = members[:first_after], (start, mark)
            if not before and sentence_id and _LEAD_IN.fullmatch(text, start, mark):
                before, (lo, hi) = by_sentence.get(sentence_id - 1, []), sentences[sentence_id - 1]
            last_after = bisect_left(members, stop, key=lambda i: facts[i].start)
            after = [i for i in members[first_after:last_after] if parent[i] is None and i not in is_total]
            totals = _totals_before(facts, before, text, lo, _clause_start(text, lo, hi),
                                    {facts[i].metric for i in after}, parent)
            for metric in dict.fromkeys(facts[i].metric for i in after):
                total = totals.get(metric)
                parts = [i for i in after if facts[i].metric == metric]
                if total is not None and _fits_under(facts[total], [facts[i] for i in parts], whole=False):
                    for i in parts:
                        parent[i] = total
                    is_total.add(total)

    for sentence_id, members in by_sentence.items():
        sentence_start = sentences[sentence_id][0]
        for position, index in enumerate(members):
            fact = facts[index]
            if index in is_total or parent[index] is not None:
                continue
            floor = max(sentence_start, facts[members[position - 1]].end) if position else sentence_start
            look_from = _lead_start(text, floor, fact.start, markers.total_window)
            if not markers.total.search(text, look_from, fact.start) and not markers.total.match(text, fact.start):
                continue
            for step in (-1, 1):
                parts = _listed(facts, members, position, step, parent, is_total)
                if len(parts) >= 2 and _fits_under(fact, [facts[i] for i in parts], whole=True):
                    for i in parts:
                        parent[i] = index
                    is_total.add(index)
                    break
    _increments(facts, text, sentences, markers, parent, is_total)
    return parent


def _lead_start(text: str, floor: int, at: int, window: int) -> int:
    """Where the words leading up to a fact at `at` begin: `window` characters back but not before `floor`, and
    no farther back than its clause's start."""
    look_from = max(floor, at - window)
    return _clause_start(text, look_from, at) if at > look_from else look_from


def _marked(pattern: regex.Pattern, text: str, fact: Located, sentence_start: int, window: int) -> bool:
    """True where a word of `pattern` stands before the fact in its clause, within `window` characters."""
    return pattern.search(text, _lead_start(text, sentence_start, fact.start, window), fact.start) is not None


def _increments(facts: Sequence[Located], text: str, sentences: Sequence[tuple[int, int]], markers: _Markers,
                parent: list[int | None], is_total: set[int]) -> None:
    """A day's increment (今日新增排查12人) made part of the running total of its metric (累计排查326人) in its
    sentence or the next or previous one, where that total is no smaller; `parent` and `is_total` are updated."""
    window = markers.total_window
    increment = [_marked(markers.increment, text, fact, sentences[fact.sentence][0], window) for fact in facts]
    if not any(increment):
        return  # most reports: no day's increment, no running total looked for
    cumulative = [_marked(markers.cumulative, text, fact, sentences[fact.sentence][0], window) for fact in facts]
    increments = [i for i in range(len(facts))
                  if increment[i] and not cumulative[i] and parent[i] is None and i not in is_total]
    for i in increments:
        fact = facts[i]
        running = [j for j, other in enumerate(facts)
                   if j != i and other.metric == fact.metric and abs(other.sentence - fact.sentence) <= 1
                   and parent[j] is None and other.value >= fact.value and cumulative[j] and not increment[j]]
        if running:
            nearest = min(running, key=lambda j: abs(facts[j].start - fact.start))
            parent[i] = nearest
            is_total.add(nearest)


def _listed(facts: Sequence[Located], members: Sequence[int], position: int, step: int,
            parent: Sequence[int | None], is_total: set[int]) -> list[int]:
    """The run of same-metric facts next to members[position] (before it for step -1, after for +1) that are
    still free, up to where their sum reaches the fact's value."""
    total = facts[members[position]]
    listed, summed = [], 0.0
    cursor = position + step
    while 0 <= cursor < len(members):
        index = members[cursor]
        if facts[index].metric != total.metric or parent[index] is not None or index in is_total:
            break
        listed.append(index)
        summed += facts[index].value
        if summed >= total.value * (1 - _TOLERANCE):
            break
        cursor += step
    return listed


def roles(parent: Sequence[int | None]) -> list[str]:
    """Parent indexes (from `relate`) → each fact's role: total, part or single."""
    totals = {p for p in parent if p is not None}
    return [PART if p is not None else TOTAL if i in totals else SINGLE for i, p in enumerate(parent)]
