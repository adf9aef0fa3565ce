"""Gaps: the quantities no rule claimed, grouped by measure word and the head noun of what they count.

A rule-pack author (or we, on `unlabeled/`) reads the groups most frequent first to see which kinds of fact
the rules miss. The quantities are exactly the `other` rows of `extract --include-other`. The head is the
noun after the measure word (3个核酸采样点 → the longest word of any lexicon class that starts there, else
its first two characters), or, where nothing nominal follows, the label before the number (志愿者120名).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from fangkong.rules.lexicon import load_lexicon
from fangkong.rules.model import OTHER, RuleSet
from fangkong.rules.reader import load_rules
from fangkong.run.pipeline import extract_report_signed, iter_reports
from fangkong.text.load import ExtractError, LoadError, load_bytes
from fangkong.text.normalize import normalize

COLUMNS = ("unit", "head", "count", "example_1", "example_2")
EXAMPLE_REACH = 12  # characters of context on each side of the number in an example
LONGEST_WORD = 8  # the longest head looked up among the lexicons' words
HEAD_LENGTH = 2  # an unknown head is its first two characters: most nouns have two
_HAN = regex.compile(r"\p{Han}+")


@dataclass(frozen=True)
class Gap:
    """One group of unclaimed quantities: the measure word, the head noun, how many, two examples."""

    unit: str
    head: str
    count: int
    example_1: str
    example_2: str


@dataclass(frozen=True)
class _Vocabulary:
    words: frozenset[str]  # every word of the lexicon's noun classes
    function_words: tuple[str, ...]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    lexicon = load_lexicon()
    function_words = lexicon.words["function_words"]
    # the nouns: words of the classes that say what they count (a verb such as 参与 heads nothing)
    words = frozenset(w for name, listed in lexicon.words.items() if name in lexicon.counts for w in listed)
    return _Vocabulary(words, tuple(sorted(function_words, key=len, reverse=True)))


def counted_head(text: str, start: int, unit_end: int) -> str:
    """The head noun of what the quantity text[start:unit_end] counts, in the normalized `text`; "" if none.

    A lexicon word right after the measure word (3个社区), else one right before the number (志愿者120名), else
    the first characters after the measure word (26个核酸检测点 → 核酸), else the last ones before the number.
    Function words (的, 在, 共, 有 …) are no head: after the measure word they start another phrase, before the
    number they only lead up to it.
    """
    vocabulary = _vocabulary()
    after = _HAN.match(text, unit_end, min(len(text), unit_end + LONGEST_WORD))
    after_run = after.group() if after is not None and not after.group().startswith(vocabulary.function_words) else ""
    before_run = next((m.group() for m in _HAN.finditer(text, max(0, start - LONGEST_WORD), start)
                       if m.end() == start), "")
    while before_run.endswith(vocabulary.function_words):
        before_run = before_run[:-1]
    known_after = [after_run[:n] for n in range(len(after_run), 1, -1) if after_run[:n] in vocabulary.words]
    known_before = [before_run[-n:] for n in range(len(before_run), 1, -1) if before_run[-n:] in vocabulary.words]
    for found in (known_after, known_before):
        if found:
            return found[0]
    return after_run[:HEAD_LENGTH] or before_run[-HEAD_LENGTH:]


def _example(doc: str, text: str, start: int, end: int) -> str:
    snippet = text[max(0, start - EXAMPLE_REACH):end + EXAMPLE_REACH].replace("\n", " ").strip()
    return f"{doc}: {snippet}"


def iter_unclaimed(paths: str | os.PathLike | Iterable[str | os.PathLike], *, ruleset: RuleSet | None = None,
                   encoding: str | None = None,
                   on_error: Callable[[ExtractError], None] | None = None) -> Iterator[tuple[str, str, str]]:
    """Reports → (unit, head, example) for each quantity no rule claimed, in report order.

    The quantities are the `other` rows `extract --include-other` gives for the same reports and rules; a
    report that cannot be read goes to `on_error(ExtractError)` (raised where it is None).
    """
    ruleset = ruleset or load_rules()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for report in iter_reports(paths):
        # read, decoded and extracted as `extract` does it (a report that fails is one error, the rest go on)
        facts = [fact for fact in extract_report_signed(report, True, encoding, on_error, None, ruleset,
                                                        signed=False).facts if fact.metric == OTHER]
        if not facts:
            continue
        # the heads are read in the normalized text (simplified, as the lexicons are): the report once more
        try:
            mapped = normalize(load_bytes(report.path.read_bytes() if report.data is None else report.data,
                                          encoding).plain)
        except (OSError, LoadError) as error:  # gone or changed since it was extracted: one error, the rest go on
            failure = ExtractError(str(report.path), getattr(error, "strerror", None) or str(error))
            if on_error is None:
                raise failure from error
            on_error(failure)
            continue
        for fact in facts:
            start, end = mapped.span_from_original(fact.start, fact.end)
            yield fact.unit, counted_head(mapped.text, start, end), _example(report.doc, mapped.text, start, end)


def gaps(unclaimed: Iterable[tuple[str, str, str]]) -> list[Gap]:
    """(unit, head, example) triples → one Gap per (unit, head), most frequent first (then by unit, head)."""
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for unit, head, example in unclaimed:
        key = (unit, head)
        counts[key] += 1
        shown = examples.setdefault(key, [])
        if len(shown) < 2:
            shown.append(example)
    ordered = sorted(counts, key=lambda key: (-counts[key], key))
    return [Gap(unit, head, counts[(unit, head)], *(examples[(unit, head)] + ["", ""])[:2]) for unit, head in ordered]
