"""The one-pass matcher: every word of every rule pattern found once per text, then looked up by position.

A rule pattern is an alternation of words, longest first (`(?:志愿者)|(?:志愿)`); merged rule sets nest
such alternations. `Matcher` takes every pattern of a RuleSet apart into its alternatives: the literal
words (most of them: lexicon classes expand to escaped literals; `(?:发放|发)口罩` stands for two) go into
one Aho-Corasick automaton, the few real regexes (`(?<!主动)要求`) stay regexes. `Matcher.scan(text)` runs
the automaton once over a normalized text and gives `Hits`, which answer, for one pattern and a window
[start, end), the two questions rules ask, exactly as the pattern's regex would answer them:

- `search`: is there a match wholly inside the window? (`pattern.search(text, start, end)`)
- `spans`: for each position in the window where the pattern matches, the span of its match, the
  first alternative that fits before `end` winning (`pattern.finditer(text, start, end, overlapped=True)`).

A real regex that holds a plain word every match of it holds (要求 in `(?<!主动)要求`, 年 in a pattern of years)
is searched only in a window where that word stands (a plain `str.find`): most windows hold none.

A pattern that cannot be taken apart safely (inline flags, groups, backreferences) is not planned: `Hits`
then return None and the caller falls back to the regex. Knows nothing of what rules mean.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs
import regex

from fangkong.rules import model as _ruleset
from fangkong.rules.model import Rule, RuleSet, _class_end, per_ruleset

_SPECIAL = frozenset(".^$*+?{}[]|()\\")
_DEFAULT_FLAGS = regex.compile("").flags
# Lookarounds and non-capturing groups are safe inside a regex alternative; any other (?…) is not (flags).
_SAFE_GROUP = regex.compile(r"\(\?(?::|=|!|<=|<!)")
# The fields of a RuleSet and of its rules that hold word patterns.
RULE_FIELDS = ("triggers", "context", "exclude", "exclude_after", "exclude_before", "exclude_unless", "exclude_heading")
# (not the words of a whole place, 全镇, 村里: asked only at the opening of a clause that holds a count and a part of it
# after, they are matched there; scanned, every one in a page would be kept, and a page may say 全镇 on every line)
UNSCANNED_FIELDS = frozenset({"whole_scopes"})
RULESET_FIELDS = (*(key for key in _ruleset.DEFAULT_WORD_KEYS if key not in UNSCANNED_FIELDS), "nouns")
_PLANNED_LISTS = 256  # lists of rules a Matcher keeps planned (one per unit of measure in use)
EXPANSION_LIMIT = 64  # words one alternative of groups may stand for
# A hit is one int, start << _SHIFT | order (a third of a tuple's memory on a page of facts); orders stay below.
_SHIFT = 20
# A long text is scanned in chunks of this many characters (each overlapping the next by the longest word
# less one, a word found in the chunk it starts in), so that the automaton's list of matches stays small.
CHUNK = 1 << 16


# What `_syntax` stops at: an escape (or a backslash at the very end), a class's opening, a bracket, a bar.
_SYNTAX = regex.compile(r"\\.?|[\[()|]", flags=regex.DOTALL)


def _syntax(pattern: str) -> Iterator[tuple[int, str]]:
    """The brackets and bars of `syntax_chars(pattern)` (and the `[` or `\\` it yields for an unbalanced
    pattern), in order: what _split_top and _unwrap look at, found by one regex instead of a step per
    character (a rule set's patterns hold about 260,000 characters)."""
    skip = 0  # the end of the escape or class that the last stop opened
    for found in _SYNTAX.finditer(pattern):
        i = found.start()
        if i < skip:
            continue
        char = found.group()
        if char[0] == "\\":
            if len(char) == 1:
                yield i, char
            skip = i + 2
        elif char == "[":
            skip = _class_end(pattern, i)
            if skip > len(pattern):
                yield i, char
        else:
            yield i, char


def _split_top(pattern: str) -> list[str] | None:
    """A pattern's top-level alternatives, or None where its brackets do not balance."""
    parts, depth, begin = [], 0, 0
    for i, char in _syntax(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            parts.append(pattern[begin:i])
            begin = i + 1
        elif char in "[\\":  # a class that never closes, a backslash at the end
            return None
    if depth != 0:
        return None
    parts.append(pattern[begin:])
    return parts


def _unwrap(part: str) -> str | None:
    """The inside of `(?:X)` where that group is the whole of `part`, else None."""
    if not part.startswith("(?:") or not part.endswith(")"):
        return None
    if part.count("(") == 1 and part.count(")") == 1 and "\\" not in part and "[" not in part:
        return part[3:-1]  # the one group there is (most parts: a word of a lexicon class)
    depth = 0
    for i, char in _syntax(part):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return part[3:-1] if i == len(part) - 1 else None
    return None


def alternatives(pattern: str) -> list[str] | None:
    """A pattern → its alternatives in the order the regex tries them, nested `(?:a|b)` groups flattened.

    None where the pattern's brackets do not balance. `(?:a)|(?:(?:b)|(?:c))` → ['a', 'b', 'c'].
    """
    flat = _alternatives(pattern)
    return None if flat is None else list(flat)


@lru_cache(maxsize=16384)
def _alternatives(pattern: str) -> tuple[str, ...] | None:
    """`alternatives`, kept by pattern: a lexicon class's group recurs in many rules' patterns (about 3,000
    distinct groups of 12,000), so each is taken apart once when the Matcher is built."""
    parts = _split_top(pattern)
    if parts is None:
        return None
    out: list[str] = []
    for part in parts:
        inner = _unwrap(part)
        if inner is None:
            out.append(part)
            continue
        flat = _alternatives(inner)
        if flat is None:
            return None
        out += flat
    return tuple(out)


def literal(alternative: str) -> str | None:
    """The text an alternative matches where it is a literal word (escapes undone: `a\\.b` → `a.b`), else None."""
    return _literal(alternative) or None


def _literal(alternative: str) -> str | None:
    """Like `literal`, but the empty alternative is the empty word."""
    out, i = [], 0
    while i < len(alternative):
        char = alternative[i]
        if char == "\\":
            if i + 1 >= len(alternative) or alternative[i + 1].isalnum():
                return None  # \d, \n, \1, \u4e00 …: a class or an escape, not the character
            out.append(alternative[i + 1])
            i += 2
            continue
        if char in _SPECIAL:
            return None
        out.append(char)
        i += 1
    return "".join(out)


def expansions(alternative: str) -> list[str] | None:
    """The words an alternative of literal text and `(?:a|b)` groups of literal words matches, in the order the
    regex tries them (`(?:发放|发)口罩` → 发放口罩, 发口罩); None for anything else (nested or repeated groups,
    classes, lookarounds, an empty word) or more than EXPANSION_LIMIT words.

    At any position the regex's match is the first of these words, in this order, that fits before the end
    of the search: it tries the first choice of each group first and backtracks to the next.
    """
    words = _expansions(alternative)
    return None if words is None else list(words)


@lru_cache(maxsize=16384)
def _expansions(alternative: str) -> tuple[str, ...] | None:
    """`expansions`, kept by alternative (the same words recur in many rules' patterns)."""
    words, i, chunk = [""], 0, []
    while i < len(alternative):
        if alternative.startswith("(?:", i):
            close = alternative.find(")", i)
            inside = alternative[i + 3:close] if close >= 0 else "("
            if "(" in inside or "[" in inside or inside.endswith("\\") or alternative[close + 1:close + 2] in (
                    "?", "*", "+", "{"):
                return None
            options = [_literal(option) for option in inside.split("|")]
            if any(option is None for option in options):
                return None
            head = "".join(chunk)
            chunk = []
            words = [word + head + option for word in words for option in options]
            if len(words) > EXPANSION_LIMIT:
                return None
            i = close + 1
            continue
        step = 2 if alternative[i] == "\\" else 1
        if alternative[i + step:i + step + 1] in ("?", "*", "+", "{"):
            return None  # a repeated character
        piece = _literal(alternative[i:i + step])
        if piece is None:
            return None
        chunk.append(piece)
        i += step
    tail = "".join(chunk)
    words = [word + tail for word in words]
    return tuple(words) if all(words) else None


@dataclass(frozen=True)
class Plan:
    """One pattern taken apart: its literal words (with the order the regex tries them) and its real regexes.

    A word's order is unique and rises in the order the regex tries the alternatives it stands for."""

    words: tuple[tuple[str, int], ...]  # (word, order)
    rest: regex.Pattern | None  # the real-regex alternatives, as one alternation in their order
    # the real regexes that hold a word every match of theirs holds (要求 for (?<!主动)要求), those words, and the
    # others: `gated` is searched only in a window where one of `gates` stands, `loose` wherever asked
    gates: tuple[str, ...] | None = None
    gated: regex.Pattern | None = None
    loose: regex.Pattern | None = None
    gate: re.Pattern | None = None  # the gates as one alternation: is one of them in a window? (one C-level search)
    # each real regex alone with its order, so that `spans` can merge its matches with the words' hits where a gate
    # is open, instead of running (and first compiling) the whole pattern: the lexicon's nouns are 59,000 characters
    reals: tuple[tuple[int, regex.Pattern], ...] = ()

    @property
    def literal_only(self) -> bool:
        """True where hits alone answer `spans` (no real regex among the alternatives)."""
        return self.rest is None


def plan(pattern: regex.Pattern) -> Plan | None:
    """A compiled word pattern → its Plan, or None where it cannot be taken apart with the same meaning."""
    if pattern.flags != _DEFAULT_FLAGS:
        return None
    parts = _alternatives(pattern.pattern)
    if not parts:
        return None
    words, rest, reals = [], [], []
    for part in parts:
        expanded = _expansions(part)
        if expanded is not None:
            words += [(word, len(words) + len(rest) + n) for n, word in enumerate(expanded)]
            continue
        # Alone, a group number or a flag would mean something else than inside the whole pattern.
        if "(?" in _SAFE_GROUP.sub("", part):
            return None
        try:
            compiled = regex.compile(part)
        except regex.error:
            return None
        if compiled.groups or compiled.flags != _DEFAULT_FLAGS:
            return None
        reals.append((len(words) + len(rest), compiled))
        rest.append(part)
    if len(words) + len(rest) >= 1 << _SHIFT:
        return None
    if not rest:
        return Plan(tuple(words), None)
    gates = [required_words(part) for part in rest]
    gated = [part for part, gate in zip(rest, gates, strict=True) if gate is not None]
    loose = [part for part, gate in zip(rest, gates, strict=True) if gate is None]
    whole = _alternation(rest)
    gate_words = tuple(dict.fromkeys(w for g in gates if g is not None for w in g)) or None
    # most plans' real regexes are all gated or all loose: that half is the whole, compiled once
    return Plan(tuple(words), whole, gate_words,
                whole if not loose else _alternation(gated), whole if not gated else _alternation(loose),
                re.compile("|".join(map(re.escape, gate_words))) if gate_words else None, tuple(reals))


def _alternation(parts: list[str]) -> regex.Pattern | None:
    """The regex that tries `parts` in order, or None where there are none."""
    return regex.compile("|".join(f"(?:{p})" for p in parts)) if parts else None


_QUANTIFIERS = frozenset("?*+{")


def required_literal(part: str) -> str | None:
    """The longest run of plain characters at the top level of a regex alternative, outside groups, classes and
    escapes and not repeated, which every match of it holds (`(?<!主动)要求` → 要求, `(?<!\\d)20(?:0\\d)年` → 年);
    None where there is none, or where a bar at the top level makes it optional."""
    best, run, depth, i = "", "", 0, 0
    while i < len(part):
        char = part[i]
        if char == "\\":
            step = 2
        elif char == "[":
            step = _class_end(part, i) - i
        elif char == "{":
            close = part.find("}", i)
            step = (close - i + 1) if close > i else 1
        else:
            step = 1
        if char == "|" and depth == 0:
            return None
        depth += (char == "(") - (char == ")")
        if char in _QUANTIFIERS:
            run = run[:-1]  # the character before is optional or repeated: no part of the run
        if depth == 0 and char not in _SPECIAL and step == 1:
            run += char
        else:
            best = max(best, run, key=len)
            run = "" if char not in _QUANTIFIERS else run
        i += step
    best = max(best, run, key=len)
    return best or None


def required_words(part: str) -> tuple[str, ...] | None:
    """Words one of which every match of a regex alternative holds: its `required_literal`, else the words of a
    group of literal words at its top level that is neither optional nor repeated (`(?<!…)(?:常住人口|户籍人口)` →
    常住人口, 户籍人口; not a group inside a lookaround); None where there is neither."""
    if (word := required_literal(part)) is not None:
        return (word,)
    depth, opened, found = 0, 0, None
    for i, char in _syntax(part):
        if char == "(":
            if depth == 0:
                opened = i
            depth += 1
        elif char == ")":
            depth -= 1
            if (depth == 0 and found is None and part.startswith("(?:", opened)
                    and part[i + 1:i + 2] not in _QUANTIFIERS):
                found = _expansions(part[opened:i + 1])
        elif char == "|" and depth == 0 or char in "[\\":
            return None  # a bar at the top level makes the group optional; `[` or `\\` here: unbalanced
    return found if depth == 0 else None


def ruleset_patterns(ruleset: RuleSet) -> list[regex.Pattern]:
    """Every word pattern a RuleSet's rules and defaults use, each once, in rule order."""
    found: dict[int, regex.Pattern] = {}
    for rule in ruleset.rules:
        for name in RULE_FIELDS:
            if (pattern := getattr(rule, name, None)) is not None:
                found.setdefault(id(pattern), pattern)
    for name in RULESET_FIELDS:
        if (pattern := getattr(ruleset, name, None)) is not None:
            found.setdefault(id(pattern), pattern)
    return list(found.values())


class Matcher:
    """The literal words of a set of patterns, compiled once into one automaton."""

    def __init__(self, patterns: Iterable[regex.Pattern]):
        self.patterns = list(patterns)  # kept, so that the ids below stay theirs
        self.plans: list[Plan] = []
        self._index: dict[int, int] = {}  # id(pattern) → its plan's index
        word_ids: dict[str, int] = {}
        self._members: list[list[tuple[int, int]]] = []  # word id → (plan index, order) of each pattern using it
        self._lengths: list[list[int]] = []  # plan index → the length of the word of each order
        # patterns written alike in several rules (their exclude_after, @places …) share one plan: each of their words
        # found is then kept once, not once a rule (a word of a hostile 50 MB line, found millions of times)
        by_source: dict[tuple[str, int], int] = {}
        for pattern in self.patterns:
            if (shared := by_source.get((pattern.pattern, pattern.flags))) is not None:
                self._index[id(pattern)] = shared
                continue
            planned = plan(pattern)
            if planned is None:
                continue
            by_source[(pattern.pattern, pattern.flags)] = len(self.plans)
            self._index[id(pattern)] = len(self.plans)
            for word, order in planned.words:
                if word not in word_ids:
                    word_ids[word] = len(word_ids)
                    self._members.append([])
                self._members[word_ids[word]].append((len(self.plans), order))
            lengths = [0] * (max(order for _, order in planned.words) + 1 if planned.words else 0)
            for word, order in planned.words:
                lengths[order] = len(word)
            self._lengths.append(lengths)
            self.plans.append(planned)
        self.words = list(word_ids)
        self.empty = [_Table([], lengths, planned) for lengths, planned in zip(self._lengths, self.plans, strict=True)]
        # id(rule) → its triggers' plan, for rules whose patterns are all planned literal words (see Hits.idle)
        self.quiet_rules: dict[int, int] = {}
        self._planned: dict[int, tuple[list, list]] = {}  # id(rules) → (rules, planned(rules))
        self._automaton = (ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.Standard)
                           if self.words else None)
        self._longest = max(map(len, self.words), default=0)

    def note_rules(self, rules: Iterable[Rule]) -> None:
        """Remember the plan of each rule's triggers (Hits.idle may skip a rule none of whose triggers is near)."""
        self._planned.clear()
        for rule in rules:
            if (index := self.plan_of(rule.triggers)) is not None:
                self.quiet_rules[id(rule)] = index

    def planned(self, rules: list[tuple[int, Rule, int, int]]) -> list[tuple[int, Rule, int, int, int | None, bool]]:
        """`rules` (order, rule, reach before, reach after), each with its triggers' plan (None where not planned:
        see note_rules) and its `lists`; worked out once per list of rules (a list is kept with its answer)."""
        cached = self._planned.get(id(rules))
        if cached is None or cached[0] is not rules:
            if len(self._planned) >= _PLANNED_LISTS:
                self._planned.clear()
            cached = self._planned[id(rules)] = (rules, [(*item, self.quiet_rules.get(id(item[1])), item[1].lists)
                                                         for item in rules])
        return cached[1]

    def plan_of(self, pattern: regex.Pattern) -> int | None:
        """The index of a pattern's plan, or None where it was not planned (or is not one of these)."""
        return self._index.get(id(pattern))

    def scan(self, text: str) -> Hits:
        """One pass over a normalized text → its Hits: every occurrence of every word, overlapping."""
        found: list[list[int]] = [[] for _ in self.plans]
        if self._automaton is None:
            return Hits(self, text, found)
        members = self._members
        if len(text) <= CHUNK:  # one chunk (most texts): no copy of it, no check of where a word starts
            for word, start, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
                start <<= _SHIFT
                for index, order in members[word]:
                    found[index].append(start | order)
            return Hits(self, text, found)
        for chunk in range(0, len(text), CHUNK):
            piece = text[chunk:chunk + CHUNK + self._longest - 1]
            for word, start, _ in self._automaton.find_matches_as_indexes(piece, overlapping=True):
                if start < CHUNK:  # else it starts in the next chunk, and is found there
                    for index, order in members[word]:
                        found[index].append((chunk + start) << _SHIFT | order)
        return Hits(self, text, found)


class _Table:
    """One pattern's hits in a text, sorted by start then order: their starts and ends."""

    __slots__ = ("starts", "ends", "orders", "literal_only", "gated", "loose", "gates", "gate", "reals")

    def __init__(self, hits: list[int], lengths: list[int], planned: Plan):
        self.literal_only = planned.rest is None
        self.reals = planned.reals
        self.gated, self.loose, self.gates = planned.gated, planned.loose, planned.gates  # the real regexes (see Plan)
        self.gate = planned.gate
        hits.sort()
        mask = (1 << _SHIFT) - 1
        self.starts = [hit >> _SHIFT for hit in hits]
        self.ends = [(hit >> _SHIFT) + lengths[hit & mask] for hit in hits]
        self.orders = [hit & mask for hit in hits] if planned.reals else None


class Hits:
    """Where the words of a Matcher's patterns stand in one text; answers `search` and `spans` by bisect."""

    def __init__(self, matcher: Matcher, text: str, found: list[list[int]]):
        self.matcher = matcher
        self.text = text
        self._found = found
        # by plan, built on first use; a plan none of whose words is in the text shares its Matcher's empty table
        self._tables: list[_Table | None] = [None if hits else empty
                                             for hits, empty in zip(found, matcher.empty, strict=True)]
        self._index = matcher._index
        self._quiet = matcher.quiet_rules
        self.memo: dict = {}  # what callers work out once per text (the topic of a sentence)

    def _build(self, index: int) -> _Table:
        table = self._tables[index] = _Table(self._found[index], self.matcher._lengths[index],
                                             self.matcher.plans[index])
        self._found[index] = []  # the table has them
        return table

    def _table(self, pattern: regex.Pattern) -> _Table | None:
        index = self._index.get(id(pattern))
        if index is None:
            return None
        return self._tables[index] or self._build(index)

    def search(self, pattern: regex.Pattern, start: int, end: int) -> bool | None:
        """True where `pattern` has a match wholly inside [start, end), as `pattern.search(text, start, end)`.

        None where the pattern was not planned (search it with the regex). Raises TimeoutError where a real
        regex among its alternatives runs out of MATCH_TIMEOUT.
        """
        table = self._table(pattern)
        if table is None:
            return None
        if end <= start:
            return False
        starts, ends = table.starts, table.ends
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return not table.literal_only and self._real_match(table, start, end)

    def _real_match(self, table: _Table, start: int, end: int) -> bool:
        """True where a real regex of the table's plan matches wholly inside [start, end); a gated one is searched
        only where one of its gates stands there. Raises TimeoutError as `search` does."""
        if table.loose is not None and table.loose.search(self.text, start, end,
                                                          timeout=_ruleset.MATCH_TIMEOUT) is not None:
            return True
        return table.gated is not None and self._gate_open(table, start, end) and table.gated.search(
            self.text, start, end, timeout=_ruleset.MATCH_TIMEOUT) is not None

    def _gate_open(self, table: _Table, start: int, end: int) -> bool:
        """False where none of the words that every match of the table's `gated` holds stands wholly inside
        [start, end): then `gated` has no match there, and is not searched. Asked only of a table with gated
        regexes, which has their gates."""
        return table.gate.search(self.text, max(start, 0), end) is not None  # one of table.gates in the window

    def spans(self, pattern: regex.Pattern, start: int, end: int) -> list[tuple[int, int]] | None:
        """The spans `pattern.finditer(text, start, end, overlapped=True)` gives: at each position where one
        of its words starts and fits before `end`, the first in the pattern's order.

        None where the pattern was not planned (use the regex). Where none of the words every match of its real
        regexes holds stands in the window, its words alone answer; else each real regex is searched alone and
        its matches merged with the words' by order (see `_merged_spans`).
        """
        table = self._table(pattern)
        if table is None:
            return None
        if not table.literal_only and (table.loose is not None or self._gate_open(table, start, end)):
            return self._merged_spans(table, start, end)
        starts = table.starts
        i = bisect_left(starts, start)  # (a start below 0 finds the first hit, as 0 would: no hit starts below it)
        if i == len(starts) or starts[i] >= end:
            return []  # no word starts in the window: most windows asked about
        ends = table.ends
        out: list[tuple[int, int]] = []
        while i < len(starts) and starts[i] < end:
            position = starts[i]
            taken = False
            while i < len(starts) and starts[i] == position:
                if not taken and ends[i] <= end:
                    out.append((position, ends[i]))
                    taken = True
                i += 1
        return out

    def _merged_spans(self, table: _Table, start: int, end: int) -> list[tuple[int, int]] | None:
        """`spans` of a pattern with real regexes: at each position, of the words that fit before `end` and the real
        regexes that match there, the one of the lowest order (the alternative the whole pattern tries first).
        None where a real regex runs out of time or matches the empty string, or `start` is below 0 (the regex reads
        that from the end): then the whole pattern answers."""
        if start < 0:
            return None
        best: dict[int, tuple[int, int]] = {}  # position → (order, end)
        starts, ends, orders = table.starts, table.ends, table.orders
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end and starts[i] not in best:  # the first that fits is the lowest order at its start
                best[starts[i]] = (orders[i], ends[i])
            i += 1
        try:
            for order, compiled in table.reals:
                for found in compiled.finditer(self.text, start, end, overlapped=True, timeout=_ruleset.MATCH_TIMEOUT):
                    at, until = found.span()
                    if at == until:
                        return None
                    if at not in best or best[at][0] > order:
                        best[at] = (order, until)
        except TimeoutError:
            return None
        return [(at, best[at][1]) for at in sorted(best)]

    def near(self, rules: list[tuple[int, Rule, int, int]], start: int, end: int,
             in_list: bool) -> list[tuple[int, Rule]]:
        """(order, rule) of each of `rules` (order, rule, reach before, reach after) that is not idle (see `idle`)
        around a number at [start, end): in [start - before, end + after). With `in_list` (the number has a
        list's head) a rule with `lists` is kept whatever its triggers. One call per number instead of one
        `idle` per rule."""
        tables, bisect = self._tables, bisect_left
        out = []
        for order, rule, before, after, index, lists in self.matcher.planned(rules):
            if index is not None and not (in_list and lists):
                table = tables[index] or self._build(index)
                starts = table.starts
                i = bisect(starts, start - before)
                if not (i < len(starts) and starts[i] < end + after) and (
                        table.literal_only or self._rest_idle(table, start - before, end + after)):
                    continue
            out.append((order, rule))
        return out

    def _rest_idle(self, table: _Table, start: int, end: int) -> bool:
        """True where no real regex of the table's plan matches in [start, end) (one that runs out of time does)."""
        try:
            return not self._real_match(table, max(start, 0), end)
        except TimeoutError:
            return False

    def idle(self, rule: Rule, start: int, end: int) -> bool:
        """True where none of a rule's triggers starts in [start, end): no literal word, and no match of a real
        regex among them (searched, and a search that runs out of time counts as a match). Then the rule can
        find no trigger in any window inside [start, end) and cannot fire, whatever its other patterns say."""
        index = self._quiet.get(id(rule))
        if index is None:
            return False
        table = self._tables[index] or self._build(index)
        starts = table.starts
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            return False
        return table.literal_only or self._rest_idle(table, start, end)


_matchers: dict[int, tuple[RuleSet, Matcher]] = {}


def matcher_for(ruleset: RuleSet) -> Matcher:
    """The Matcher of a RuleSet's patterns, compiled on first use and kept for the last few rule sets."""
    return per_ruleset(_matchers, ruleset, _new_matcher)


def _new_matcher(ruleset: RuleSet) -> Matcher:
    matcher = Matcher(ruleset_patterns(ruleset))
    matcher.note_rules(ruleset.rules)
    return matcher


def scan(ruleset: RuleSet, text: str) -> Hits:
    """A normalized text → the Hits of every word the ruleset's patterns use (see Matcher.scan)."""
    return matcher_for(ruleset).scan(text)


# How many short texts (compounds made of a modifier and a head) scan_compound keeps the Hits of, per rule set
COMPOUNDS_KEPT = 4096
_compound_hits: dict[int, tuple[RuleSet, dict[str, Hits]]] = {}


def scan_compound(ruleset: RuleSet, compound: str) -> Hits:
    """`scan` of a short compound (出动 + 人员), kept: the same few compounds are asked in report after report, and a
    scan of a few characters costs mostly the setting up of its empty tables."""
    kept = per_ruleset(_compound_hits, ruleset, lambda _: {})
    found = kept.get(compound)
    if found is None:
        if len(kept) >= COMPOUNDS_KEPT:
            kept.clear()
        found = kept[compound] = scan(ruleset, compound)
    return found
