"""Rules: declarative TOML data that name a metric from a quantity and the words around it.

A rule file holds `[defaults]` and a list of `[[rule]]` tables. Each rule says which metric it
gives, which unit classes it accepts, the trigger words that must stand near the number (before
it, after it, or either side, within `window` characters of the clause), optional `context`
words of which one must also be in the clause or sentence, and `exclude` words that veto it.
Rules are validated on load (every problem listed at once) and compiled once.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .lexicon import REFERENCE, Lexicon, LexiconError, lexicon_files, load_lexicon, parse_lexicons
from .quantities import Quantity, measure_words

if TYPE_CHECKING:
    from .matcher import Hits

METRICS = (
    "checkpoints", "volunteers", "donations_money", "donations_goods", "leaflets",
    "banners_posters", "loudspeakers", "broadcasts", "publicity_vehicles", "media_posts",
    "wechat_groups", "households_screened", "people_screened", "vehicles_checked",
    "persuaded_back", "quarantined", "disinfection_area", "garbage_removed", "party_members",
    "cadres", "temporary_party_branches", "party_posts", "work_groups",
    "supervision_inspections", "accountability", "tests_performed", "vaccinations",
    "enterprises_resumed",
)
UNIT_CLASSES = ("person", "person-times", "household", "vehicle", "vehicle-times", "times", "money",
                "area", "mass", "volume", "length", "count")
SIDES = ("before", "after", "either")
SCOPES = ("clause", "sentence", "paragraph")
_RULE_KEYS = {"id", "metric", "units", "unit_words", "triggers", "side", "window", "context",
              "context_scope", "exclude", "exclude_after", "exclude_before", "exclude_scope", "exclude_unless",
              "note", "scope", "priority", "shared", "lists"}
# A trigger right after a negation does not fire: 未接种疫苗, 没有返乡, 无劝返. (无偿 "free of
# charge", 不断 "continuously", 非常 "very" are not negations.)
_NEGATION = regex.compile(r"(?:未|没有|没|尚未|无(?!偿)|不(?!断|停|间断|少|仅|但)|非(?!常))\p{Han}{0,2}$")
# In Chinese the counted noun usually follows the measure word (47名志愿者); a trigger before the
# number counts as this many characters farther away.
BEFORE_PENALTY = 3
# A noun that names what is counted stands close before its number (标语54条, 志愿者就达到120余人);
# farther back it is usually the subject of another verb (专班共计对全镇10个村).
NOUN_BEFORE_WINDOW = 4
# A trigger outside the number's clause (for rules whose scope is the sentence or paragraph)
# counts as this many characters farther away than one inside it.
OUTSIDE_CLAUSE_PENALTY = 8
# No rule looks further than this from its number, however long the clause, sentence or
# paragraph (a page of one unpunctuated line): keeps matching linear in the text's length.
REACH = 400
# A trigger that governs a number through the list it heads counts as this many characters farther.
LIST_PENALTY = 2
# The noun phrase a number counts runs from its measure word to the next separator; a noun trigger in it
# after a 的-phrase (12名来自县直各单位的下沉党员) or quote marks (156个“先锋岗”) is its head however long the
# modifier, up to this many characters from the number.
NOUN_PHRASE_REACH = 24
# `exclude_after` words must follow the number within this many characters, before any separator.
EXCLUDE_AFTER_REACH = 4
_SEPARATOR = regex.compile(r"[、,，;；:：。!?！？\n]")
_LAST_SENTENCE_END = regex.compile(r"[。!?！？]", regex.REVERSE)
MATCH_TIMEOUT = 1.0  # seconds any one rule pattern may take on one clause
# A user's rule file may name a metric of its own (masks_distributed): any such identifier.
USER_METRIC = regex.compile(r"[a-z][a-z0-9_]*")
_RULE_HEADER = regex.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\][ \t]*(?:#.*)?$", regex.M)
_DEFAULTS_HEADER = regex.compile(r"^[ \t]*\[[ \t]*defaults[ \t]*\][ \t]*(?:#.*)?$", regex.M)
_ID_LINE = regex.compile(r"^[ \t]*id[ \t]*=", regex.M)
_TABLE_HEADER = regex.compile(r"^[ \t]*\[", regex.M)
_TOML_ERROR_LINE = regex.compile(r"\(at line (\d+), column \d+\)")


class RuleTimeout(UserWarning):
    """A rule pattern that ran out of time on a text; it counted as no match there."""


def _timed_out(pattern: regex.Pattern) -> None:
    warnings.warn(RuleTimeout(f"a rule pattern ran out of time ({MATCH_TIMEOUT:g} s) and counted as no match: "
                              f"{pattern.pattern[:60]!r}"), stacklevel=3)


class RuleError(ValueError):
    """Rule files that do not validate; the message lists every problem, one a line."""


@dataclass(frozen=True)
class Rule:
    """One compiled rule."""

    id: str
    metric: str
    units: frozenset[str]
    unit_words: frozenset[str]
    triggers: regex.Pattern
    side: str
    window: int
    scope: str
    context: regex.Pattern | None
    context_scope: str
    exclude: regex.Pattern | None
    exclude_after: regex.Pattern | None
    priority: int  # higher wins over nearer: actions (劝返, 问责) over the nouns they govern
    shared: bool  # triggers are actions that govern every number of a list, not nouns owned by one
    source: str  # the file it came from
    lists: bool = False  # a trigger before a list's first item governs every later item too
    exclude_before: regex.Pattern | None = None  # words that veto where they end right at the number
    exclude_scope: str = "clause"  # or "sentence", "paragraph": where `exclude` words veto
    exclude_unless: regex.Pattern | None = None  # words after the number that lift the `exclude` veto
    words: tuple[str, ...] = ()  # the triggers as written in the file, for listings


@dataclass(frozen=True)
class Match:
    """A rule that claims a quantity, and the trigger that made it fire."""

    rule: Rule
    trigger_start: int
    trigger_end: int
    distance: int


@dataclass(frozen=True)
class RuleSet:
    """All rules, with the defaults that veto any of them."""

    rules: tuple[Rule, ...]
    exclude: regex.Pattern | None
    # Words that end the noun phrase after a number (54个社区均建立了微信群): a noun trigger beyond them
    # names something else.
    phrase_breaks: regex.Pattern | None = None
    # A digest of every rule file's name and text: a cache made with other rules is stale.
    version: str = ""
    # Words that veto any rule where they follow the number directly (2名疑似病例: a case count).
    exclude_after: regex.Pattern | None = None
    # Place nouns: a number whose measure word they follow counts places (5个行政村纷纷成立突击队),
    # not the noun trigger farther on or before it.
    places: regex.Pattern | None = None
    # Topic scope: a clause or sentence that names another campaign (脱贫攻坚, 春耕, 换届) and no word of
    # the epidemic holds no fact, whatever its verbs.
    off_topic: regex.Pattern | None = None
    on_topic: regex.Pattern | None = None
    # People counted as themselves (30名居民): a noun trigger in a phrase they head is not what is counted.
    subjects: regex.Pattern | None = None
    # Function words (的, 在, 和 …): no noun of a counted thing begins with one.
    function_words: regex.Pattern | None = None
    # Verbs of joining (报名, 加入, 组成): people counted as themselves become what follows them.
    joining_verbs: regex.Pattern | None = None
    # Every modifier of the lexicon's compounds (值守, 服务, 志愿 …): a noun followed by them is itself a modifier.
    modifiers: frozenset[str] = frozenset()
    # Every word of a noun class (one that says what it counts) and every noun trigger: a noun right after a
    # measure word names what the number counts, even where a 的-phrase follows it (18个检测点位的物资).
    nouns: regex.Pattern | None = None
    # Verbs of carrying out (进行, 实施, 均已): a clause they open acts on the number that ends the clause before.
    carrying_verbs: regex.Pattern | None = None
    # Words of totalling (共有, 共计, 达到): a number they lead with nothing after its measure word counts the
    # noun named before it in the sentence (像这样的交通卡口，全镇一共有473个).
    totalling_words: regex.Pattern | None = None
    # Labels of a count (人数, 总数): a clause that names one counts what the label's modifier says.
    count_labels: regex.Pattern | None = None
    # Heads of nouns no rule counts (平台, 中心): a noun trigger right before one is its modifier.
    other_heads: regex.Pattern | None = None
    # Groups (队伍, 小组): a count of people right after one counts its members, whom no action before governs.
    group_nouns: regex.Pattern | None = None
    # Per-unit sizes (每组, 每个检测点配备): the first number after one in its clause is a norm, not a count.
    per_unit: regex.Pattern | None = None
    # Verbs of sending people (出动, 抽调): the people counted right after one are the agents of what follows.
    deploying_verbs: regex.Pattern | None = None


_DEFAULT_FLAGS = regex.compile("").flags


class LazyPattern:
    """A regular expression compiled when first searched: `pattern` and `flags` are known at once.

    A rule's words are found by the one-pass matcher, which needs only the pattern's text; the regex is
    searched only without the matcher or for its few real regexes. Compiling the large alternations of the
    lexicon's compounds up front cost more than half of loading the rules.
    """

    __slots__ = ("pattern", "_compiled")
    flags = _DEFAULT_FLAGS

    def __init__(self, pattern: str):
        self.pattern = pattern
        self._compiled: regex.Pattern | None = None

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("pattern", "_compiled"):  # pickling asks before __init__ ran
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return getattr(self._compiled, name)

    def __getstate__(self) -> str:
        return self.pattern

    def __setstate__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = None

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r})"


# The word lists of a rule file's [defaults], each the RuleSet field of that name (merged across files).
DEFAULT_WORD_KEYS = ("exclude", "phrase_breaks", "exclude_after", "places", "off_topic", "on_topic", "subjects",
                     "function_words", "joining_verbs", "carrying_verbs", "totalling_words",
                     "count_labels", "other_heads",
                     "group_nouns", "per_unit",
                     "deploying_verbs")


def _words_pattern(words: list[str]) -> LazyPattern | None:
    if not words:
        return None
    return LazyPattern("|".join(f"(?:{w})" for w in sorted(words, key=len, reverse=True)))


def _nested_quantifier(pattern: str) -> bool:
    """True where a group holding a repeat (+, *, {…}) at any depth is itself repeated: (a+)+, ((a*))*.

    Such patterns can backtrack without bound. Escapes and character classes ([(+]+) are skipped.
    """
    repeated_inside = [False]  # one flag per open group, the outermost being the pattern itself
    for i, char in syntax_chars(pattern):
        if char == "(":
            repeated_inside.append(False)
        elif char == ")" and len(repeated_inside) > 1:
            inside = repeated_inside.pop()
            repeated = i + 1 < len(pattern) and pattern[i + 1] in "+*{"
            if inside and repeated:
                return True
            repeated_inside[-1] = repeated_inside[-1] or inside or repeated
        elif char in "+*{":
            repeated_inside[-1] = True
    return False


def syntax_chars(pattern: str) -> Iterator[tuple[int, str]]:
    """(index, character) of each character of a regular expression outside escapes and character classes.

    An escape (`\\x`) or a class (`[…]`) yields nothing; a class that never closes yields its `[`, and a
    backslash at the very end yields itself, so that callers see the pattern as unbalanced.
    """
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if i + 1 >= len(pattern):
                yield i, char
            i += 2
            continue
        if char == "[":
            end = _class_end(pattern, i)
            if end > len(pattern):
                yield i, char
            i = end
            continue
        yield i, char
        i += 1


def _class_end(pattern: str, start: int) -> int:
    """The index just past the character class that opens at `start`."""
    i = start + 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)  # a ] first in the class is a literal
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _check_words(where: str, key: str, words, problems: list[str], lexicon: Lexicon | None = None) -> list[str]:
    """The patterns of a rule's word list, `@class` references expanded; each problem appended."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        problems.append(f"{where}: '{key}' must be a list of non-empty strings")
        return []
    lexicon = lexicon or load_lexicon()
    _expand(where, key, [w for w in words if REFERENCE.fullmatch(w)], problems, lexicon)  # unknown classes
    good = []
    for word in words:
        if (reference := REFERENCE.fullmatch(word)) is not None:
            # a class's words are escaped literals, valid by construction: thousands of compounds need no compile
            good += lexicon.expand([word]) if reference.group(1) in lexicon.words else []
            continue
        if _nested_quantifier(word):
            problems.append(f"{where}: '{key}' pattern {word!r} has nested quantifiers (catastrophic backtracking)")
            continue
        try:
            regex.compile(word)
        except regex.error as error:
            problems.append(f"{where}: '{key}' pattern {word!r} is not a valid pattern ({error})")
            continue
        good.append(word)
    return good


def rules_version(files: Iterable[tuple[str, str]]) -> str:
    """(name, text) pairs of rule (and data) files → a short hex digest that changes when any of them does."""
    digest = hashlib.sha256()
    for name, text in files:
        digest.update(name.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:12]


def _expand(where: str, key: str, words: list[str], problems: list[str], lexicon: Lexicon,
            literal: bool = False) -> list[str]:
    unknown = [w for w in words if (m := REFERENCE.fullmatch(w)) and m.group(1) not in lexicon.words]
    for word in unknown:
        problems.append(f"{where}: '{key}' names {word}, which no lexicon in fangkong/data/lexicons defines "
                        "(nor a [classes] table of the rule files)")
    known = [w for w in words if w not in unknown]
    return lexicon.literal(known) if literal else lexicon.expand(known)


def rule_lines(text: str) -> tuple[int | None, list[int]]:
    """A rule file's TOML text → the line of its `[defaults]` table (or None) and one line per `[[rule]]`.

    Each rule's line is that of its `id = …` where the rule has one, else that of its `[[rule]]` header
    (lines count from 1). Written another way (an inline array of tables) the list is empty.
    """
    def line_of(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    defaults = _DEFAULTS_HEADER.search(text)
    lines = []
    for header in _RULE_HEADER.finditer(text):
        following = _TABLE_HEADER.search(text, header.end())
        id_line = _ID_LINE.search(text, header.end(), following.start() if following else len(text))
        lines.append(line_of((id_line or header).start()))
    return (line_of(defaults.start()) if defaults else None), lines


def _metric_ok(metric: object, any_metric: bool) -> bool:
    if any_metric:
        return isinstance(metric, str) and USER_METRIC.fullmatch(metric) is not None and metric != "other"
    return metric in METRICS


def parse_rules(files: Iterable[tuple[str, str]], *, any_metric: bool = False) -> RuleSet:
    """(name, TOML text) pairs → a validated RuleSet. Raises RuleError listing every problem.

    Each problem reads `NAME:LINE: rule ID: what is wrong`. The shipped files name catalogue metrics
    only; with `any_metric` (a user's files) a rule may name any metric `[a-z][a-z0-9_]*` but `other`.
    """
    files = list(files)
    problems: list[str] = []
    rules: list[Rule] = []
    default_words: dict[str, list[str]] = {key: [] for key in DEFAULT_WORD_KEYS}
    noun_triggers: list[str] = []  # the trigger words of rules whose triggers are nouns (not shared)
    seen: dict[str, str] = {}
    known_units = set(measure_words().classes)
    parsed = _parsed(files, problems)
    lexicon = _pack_lexicon(parsed, problems)
    for name, text, data in parsed:
        defaults_line, lines = rule_lines(text)
        defaults, entries = data.get("defaults", {}), data.get("rule", [])
        if not isinstance(defaults, dict):
            problems.append(f"{name}:1: 'defaults' must be a [defaults] table")
            defaults = {}
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            problems.append(f"{name}:1: 'rule' must be [[rule]] tables")
            entries = []
        if len(lines) != len(entries):
            lines = []
        where = f"{name}:{defaults_line or 1}: [defaults]"
        for key, words in default_words.items():
            words += _check_words(where, key, defaults.get(key, []), problems, lexicon)
        default_window = defaults.get("window", 12)
        for index, entry in enumerate(entries, 1):
            rule_id = entry.get("id") if isinstance(entry.get("id"), str) else None
            line = f"{name}:{lines[index - 1] if lines else 1}"
            where = f"{line}: rule {rule_id or f'#{index}'}"
            if not rule_id:
                problems.append(f"{where}: 'id' is missing")
            elif rule_id in seen:
                problems.append(f"{where}: id repeats the one at {seen[rule_id]}")
            else:
                seen[rule_id] = line
            for key in sorted(set(entry) - _RULE_KEYS):
                problems.append(f"{where}: unknown key '{key}'")
            metric = entry.get("metric")
            if not _metric_ok(metric, any_metric):
                problems.append(f"{where}: metric {metric!r} is not in the catalogue"
                                + (" (a metric of your own: lower-case letters, digits, _)" if any_metric else ""))
            units = entry.get("units", [])
            if not units or not isinstance(units, list) or set(units) - set(UNIT_CLASSES):
                problems.append(f"{where}: 'units' must list unit classes from {', '.join(UNIT_CLASSES)}")
                units = []
            unit_words = entry.get("unit_words", [])
            if isinstance(unit_words, list) and all(isinstance(w, str) for w in unit_words):
                unit_words = _expand(where, "unit_words", unit_words, problems, lexicon, literal=True)
            if not isinstance(unit_words, list) or set(unit_words) - known_units:
                unknown = ", ".join(sorted(set(unit_words) - known_units)) if isinstance(unit_words, list) else ""
                problems.append(f"{where}: 'unit_words' names measure words not in measure_words.toml: {unknown}")
                unit_words = []
            triggers = (_check_words(where, "triggers", entry["triggers"], problems, lexicon)
                        if "triggers" in entry else [])
            if "triggers" not in entry:
                problems.append(f"{where}: 'triggers' is missing")
            elif entry["triggers"] == []:
                problems.append(f"{where}: 'triggers' is empty; list at least one word")
            side = entry.get("side", "either")
            if side not in SIDES:
                problems.append(f"{where}: 'side' must be one of {', '.join(SIDES)}")
            window = entry.get("window", default_window)
            if not isinstance(window, int) or not 0 < window <= 200:
                problems.append(f"{where}: 'window' must be a whole number from 1 to 200")
            scope = entry.get("scope", "clause")
            context_scope = entry.get("context_scope", "clause")
            exclude_scope = entry.get("exclude_scope", "clause")
            if scope not in SCOPES or context_scope not in SCOPES:
                problems.append(f"{where}: 'scope' and 'context_scope' must be one of {', '.join(SCOPES)}")
            if exclude_scope not in SCOPES:
                problems.append(f"{where}: 'exclude_scope' must be clause, sentence or paragraph")
            shared = entry.get("shared", False)
            lists = entry.get("lists", False)
            if not isinstance(shared, bool) or not isinstance(lists, bool):
                problems.append(f"{where}: 'shared' and 'lists' must be true or false")
            elif lists and not shared:
                problems.append(f"{where}: 'lists' needs 'shared = true' (only actions govern a whole list)")
            priority = entry.get("priority", 0)
            if not isinstance(priority, int) or isinstance(priority, bool):
                problems.append(f"{where}: 'priority' must be a whole number")
            context = _check_words(where, "context", entry.get("context", []), problems, lexicon)
            exclude = _check_words(where, "exclude", entry.get("exclude", []), problems, lexicon)
            exclude_after = _check_words(where, "exclude_after", entry.get("exclude_after", []), problems, lexicon)
            exclude_before = _check_words(where, "exclude_before", entry.get("exclude_before", []), problems, lexicon)
            exclude_unless = _check_words(where, "exclude_unless", entry.get("exclude_unless", []), problems, lexicon)
            if not shared:
                noun_triggers += [t for t in triggers if t not in noun_triggers]
            if triggers and rule_id and _metric_ok(metric, any_metric) and units:
                rules.append(Rule(
                    id=rule_id, metric=metric, units=frozenset(units), unit_words=frozenset(unit_words),
                    triggers=_words_pattern(triggers), side=side, window=window, scope=scope,
                    context=_words_pattern(context), context_scope=context_scope,
                    exclude=_words_pattern(exclude), exclude_after=_words_pattern(exclude_after),
                    priority=priority if isinstance(priority, int) else 0, shared=shared is True, source=name,
                    lists=lists is True and shared is True, exclude_before=_words_pattern(exclude_before),
                    words=tuple(entry["triggers"]), exclude_scope=exclude_scope,
                    exclude_unless=_words_pattern(exclude_unless),
                ))
    if problems:
        raise RuleError("\n".join(problems))
    return RuleSet(tuple(rules), version=rules_version(files + _data_files()),
                   modifiers=frozenset(m for listed in lexicon.modifiers.values() for m in listed),
                   nouns=_words_pattern(lexicon.expand([f"@{name}" for name in lexicon.counts]) + noun_triggers),
                   **{key: _words_pattern(words) for key, words in default_words.items()})


def lexicon_of(files: Iterable[tuple[str, str]]) -> Lexicon:
    """(name, TOML text) of rule files → the lexicon their rules see: the shipped classes and their
    `[classes.NAME]` tables. Raises RuleError listing every problem of those tables."""
    problems: list[str] = []
    lexicon = _pack_lexicon(_parsed(files, problems), problems)
    if problems:
        raise RuleError("\n".join(problems))
    return lexicon


def _parsed(files: Iterable[tuple[str, str]], problems: list[str]) -> list[tuple[str, str, dict]]:
    """(name, TOML text) pairs → (name, text, data) for each file that parses; each that does not is a problem
    naming its line."""
    parsed = []
    for name, text in files:
        try:
            parsed.append((name, text, tomllib.loads(text)))
        except tomllib.TOMLDecodeError as error:
            at = _TOML_ERROR_LINE.search(str(error))
            problems.append(f"{name}:{at.group(1) if at else 1}: not valid TOML ({error})")
    return parsed


def _pack_lexicon(parsed: list[tuple[str, str, dict]], problems: list[str]) -> Lexicon:
    """The shipped lexicon, with the `[classes.NAME]` tables of the rule files added (a rule pack's own heads,
    modifiers and words, or more of a shipped class's); their problems appended."""
    tables = [(name, data["classes"]) for name, _, data in parsed if "classes" in data]
    if not tables:
        return load_lexicon()
    for name, classes in tables:
        if not isinstance(classes, dict):
            problems.append(f"{name}:1: 'classes' must be [classes.NAME] tables")
    files = lexicon_files() + [(n, c) for n, c in tables if isinstance(c, dict)]
    try:
        return parse_lexicons(files)
    except LexiconError as error:
        problems += str(error).splitlines()
    try:  # the words are still known where only heads contradict: no second problem for each @class named
        return parse_lexicons(files, check_heads=False)
    except LexiconError:
        return load_lexicon()


def _data_files() -> list[tuple[str, str]]:
    """The data files every rule set depends on: measure words, chrome, lexicons."""
    return [(f"fangkong/data/{entry.name}", entry.read_text("utf-8"))
            for entry in sorted(resources.files("fangkong.data").iterdir(), key=lambda e: e.name)
            if entry.name.endswith(".toml")] + lexicon_files()


def rule_files(directory: Path | None = None) -> list[tuple[str, str]]:
    """The (name, text) of every *.toml rule file: the package's own, or those in `directory`."""
    if directory is not None:
        files = [(str(p), p.read_text("utf-8")) for p in sorted(Path(directory).glob("*.toml"))]
        if not files:
            raise RuleError(f"{directory}: no *.toml rule files")
        return files
    package = resources.files("fangkong.rules")
    return sorted(
        (f"fangkong/rules/{entry.name}", entry.read_text("utf-8"))
        for entry in package.iterdir()
        if entry.name.endswith(".toml")
    )


def user_rule_files(paths: Iterable[str | os.PathLike]) -> list[tuple[str, str]]:
    """Rule files and folders a user names → the (name, text) of each file, in the order given.

    A folder stands for its `*.toml` files in sorted order; a file is read whatever its suffix. Raises
    RuleError for a path that does not exist, a folder without `*.toml` files, or a file that cannot be read
    as UTF-8; a file named twice is read once.
    """
    files: dict[str, tuple[str, str]] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.toml") if p.is_file())
            if not found:
                raise RuleError(f"{path}: no *.toml rule files")
        elif path.exists():
            found = [path]
        else:
            raise RuleError(f"{path}: no such rule file or folder")
        for file in found:
            try:
                files.setdefault(str(file.resolve()), (str(file), file.read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
                raise RuleError(f"{file}: cannot be read as UTF-8 text ({reason})") from error
    return list(files.values())


def merge_rules(shipped: RuleSet, user: RuleSet, version: str = "") -> RuleSet:
    """The shipped rules with a user's added: a user rule with a shipped rule's id takes its place (and its
    position in the order that breaks ties); the others follow the shipped ones in the user's order. The
    defaults' exclude and phrase_breaks words of both apply."""
    by_id = {rule.id: rule for rule in user.rules}
    shipped_ids = {rule.id for rule in shipped.rules}
    rules = [by_id.get(rule.id, rule) for rule in shipped.rules]
    rules += [rule for rule in user.rules if rule.id not in shipped_ids]
    return RuleSet(tuple(rules), version=version or user.version, modifiers=shipped.modifiers | user.modifiers,
                   nouns=_either(shipped.nouns, user.nouns),
                   **{key: _either(getattr(shipped, key), getattr(user, key)) for key in DEFAULT_WORD_KEYS})


def _either(a: regex.Pattern | None, b: regex.Pattern | None) -> regex.Pattern | None:
    if a is None or b is None:
        return a or b
    return LazyPattern(f"(?:{a.pattern})|(?:{b.pattern})")


@lru_cache(maxsize=1)
def _shipped_rules() -> RuleSet:
    return parse_rules(rule_files())


def load_rules(paths: str | os.PathLike | Sequence[str | os.PathLike] | None = None, *,
               defaults: bool = True) -> RuleSet:
    """The rules a run uses: the shipped ones (validated and compiled once) plus a user's rule files.

    `paths` are rule files or folders of `*.toml` (see user_rule_files); their rules may name metrics of
    their own, and are merged with the shipped ones by merge_rules. With `defaults=False` only the user's
    rules are used. `version` is a digest of every file used. Raises RuleError listing every problem.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths or [])
    if not paths:
        if not defaults:
            raise RuleError("no rules: the shipped ones left out and no rule files given")
        return _shipped_rules()
    return rules_from_files(user_rule_files(paths), defaults=defaults)


def rules_from_files(files: Sequence[tuple[str, str]], *, defaults: bool = True) -> RuleSet:
    """A user's rule files as (name, text) → their rules merged with the shipped ones (or alone, without
    `defaults`), as load_rules makes them. Raises RuleError listing every problem."""
    user = parse_rules(files, any_metric=True)
    if not defaults:
        return user
    shipped = _shipped_rules()
    # each digest already covers its files and the data files
    return merge_rules(shipped, user, rules_version([("shipped", shipped.version), ("user", user.version)]))


def _search(pattern: regex.Pattern | None, text: str, start: int, end: int, hits: Hits | None = None) -> bool:
    """True where `pattern` matches wholly inside text[start:end]; looked up in `hits` (the text's scan) where given."""
    if pattern is None or end <= start:
        return False
    try:
        if hits is not None and (found := hits.search(pattern, start, end)) is not None:
            return found
        return pattern.search(text, start, end, timeout=MATCH_TIMEOUT) is not None
    except TimeoutError:
        _timed_out(pattern)
        return False


def _overlapped(pattern: regex.Pattern, text: str, start: int, end: int, hits: Hits | None = None,
                timeout: float | None = None) -> list[tuple[int, int]]:
    """The spans of `pattern.finditer(text, start, end, overlapped=True)`, from `hits` where they can tell."""
    if hits is not None and (spans := hits.spans(pattern, start, end)) is not None:
        return spans
    return [m.span() for m in pattern.finditer(text, start, end, overlapped=True, timeout=timeout)]


def _triggers(rule: Rule, text: str, start: int, end: int, hits: Hits | None = None) -> list[tuple[int, int]]:
    if end <= start:
        return []
    try:
        spans = _overlapped(rule.triggers, text, start, end, hits, MATCH_TIMEOUT)
    except TimeoutError:
        _timed_out(rule.triggers)
        return []
    return [(s, e) for s, e in spans if not _NEGATION.search(text, max(0, s - 4), s)]


def _distance(quantity: Quantity, t_start: int, t_end: int, shared: bool = False) -> int:
    """Characters between a trigger and a quantity, plus BEFORE_PENALTY on the side its kind of
    trigger seldom stands: a noun before the number (it usually follows: 47名志愿者), an action
    after it (it usually precedes: 排查返乡人员86人)."""
    if t_end <= quantity.start:
        return quantity.start - t_end + (0 if shared else BEFORE_PENALTY)
    return max(0, t_start - quantity.end) + (BEFORE_PENALTY if shared else 0)


# Numbers coordinated (1000只和900只口罩) share their noun, and so do two counts of one thing side by
# side (突击队14个162人).
_CONJUNCTION = regex.compile(r"\s*(?:和|及|与|或|以及|、)\s*")
_SIDE_BY_SIDE = regex.compile(r"\s*(?:和|及|与|或|以及|、)?\s*")
_LIST_SEPARATOR = "、"


def _owned_elsewhere(text: str, quantity: Quantity, t_start: int, t_end: int, others: list[Quantity]) -> bool:
    """True where a noun trigger belongs to another number of the clause.

    It does when another number stands between it and this one (24个行政村43个执勤卡点: 卡点 is the
    43's), unless the two numbers are merely coordinated (1000只和900只口罩); and when it stands in
    another item of a 、-list that has a number of its own (宣传车3辆、喇叭8个).
    """
    lo, hi = (t_end, quantity.start) if t_end <= quantity.start else (quantity.end, t_start)
    item_start = text.rfind(_LIST_SEPARATOR, max(0, t_start - 200), t_start) + 1
    item_start = item_start or max(0, t_start - 200)
    item_end = text.find(_LIST_SEPARATOR, t_end, t_end + 200)
    item_end = t_end + 200 if item_end < 0 else item_end
    quantity_in_item = item_start <= quantity.start and quantity.end <= item_end
    for other in others:
        if other is quantity:
            continue
        if lo <= other.start and other.end <= hi:
            gap = (quantity.end, other.start) if other.start >= quantity.end else (other.end, quantity.start)
            if not _SIDE_BY_SIDE.fullmatch(text, *gap):
                return True
        if not quantity_in_item and item_start <= other.start and other.end <= item_end:
            return True
        if _nearer_beyond(quantity, other, t_start, t_end) and not _CONJUNCTION.fullmatch(text, t_end, other.start):
            return True
    return False


_PEOPLE = frozenset({"person", "person-times"})
_LEVEL = "级"
# How far after a noun trigger the head of its compound may start (广播 + 电视 + 平台).
HEAD_AFTER = 3


def _modifies_another_head(ruleset: RuleSet, text: str, t_start: int, t_end: int, limit: int,
                           hits: Hits | None, groups: bool = False) -> bool:
    """True where a noun trigger is a modifier in a compound headed by a noun no rule counts, or (`groups`, for
    a count of things) by a group noun: Chinese compounds are head-final, so 8个乡镇广播电视平台 counts
    platforms, not loudspeakers, and 20个党员先锋队 teams, not party members."""
    heads = [pattern for pattern in (ruleset.other_heads, ruleset.group_nouns if groups else None) if pattern]
    # the head may start inside the trigger and run past it (流动宣传 + 宣传队: 14个党员流动宣传队 counts teams)
    for at in range(t_start + 1, min(limit, t_end + HEAD_AFTER + 1)):
        if not _HAN_CHAR.match(text, at):
            return False
        for pattern in heads:
            head = _word_at(pattern, text, at, limit, hits)
            if head is not None and head[1] > t_end:
                return True
    return False


def _opens_next_item(text: str, quantity: Quantity, t_start: int, t_end: int, others: list[Quantity]) -> bool:
    """True where an action after the number opens the next item of a list, which has a number of its own
    (杀虫药物1668.2公斤、清理卫生死角680处: 清理 governs the 680). An action after a list's last number
    governs the list (口罩2000个、手套500双，捐赠给卫生院)."""
    if not _SEPARATOR.search(text, quantity.end, t_start):
        return False
    end = _SEPARATOR.search(text, t_end, t_end + REACH)
    end = end.start() if end else t_end + REACH
    return any(t_end <= other.start < end for other in others)


def _nearer_beyond(quantity: Quantity, other: Quantity, t_start: int, t_end: int) -> bool:
    """True where a noun trigger after `quantity` has `other` right after it, nearer than `quantity`.

    In 17个村设立检查点34个 the 检查点 is the 34's, not the 17's. Only this way round: in
    两箱口罩共2000只 the 口罩 before 2000 is still the 2000's too.
    """
    if t_start >= quantity.end and other.start >= t_end:
        return other.start - t_end < t_start - quantity.end
    return False


def _within_reach(span: tuple[int, int], quantity: Quantity) -> tuple[int, int]:
    return max(span[0], quantity.start - REACH), min(span[1], quantity.end + REACH)


def _nearby(quantities: list[Quantity], quantity: Quantity) -> list[Quantity]:
    """The quantities (in text order) that start within REACH of `quantity`."""
    lo = bisect_left(quantities, quantity.start - REACH, key=lambda q: q.start)
    hi = bisect_right(quantities, quantity.end + REACH, key=lambda q: q.start)
    return quantities[lo:hi]


# What ends the noun phrase a number counts: a separator, or the end of a sentence.
_PHRASE_END = regex.compile(r"[、,，;；:：。!?！？\n]")
# A list of modifiers closed by 等 before the head noun: 党员、网格员、退役军人等(志愿者).
_COORDINATED = regex.compile(r"[^,，;；:：。!?！？\n]*等")
# Marks that stand inside a noun phrase without being part of any word: quotes and title marks.
_QUOTES = regex.compile(r"[“”‘’\"'《》〈〉「」『』]")


def _head_gap(text: str, quantity: Quantity, t_start: int, noun_end: int | None = None) -> int | None:
    """Characters between a number and a noun trigger after it, counted as the noun phrase's structure says.

    In the noun phrase after the measure word, a modifier ending in 的 and quote marks are not distance:
    in 12名来自县直各单位的下沉党员 the 党员 is 2 characters from the number, in 6个“党员先锋岗” 0; nor is a
    list closed by 等 (80多名党员、网格员、退役军人等志愿者). A noun of the lexicon right after the measure word
    (ending at `noun_end`) is what is counted, so a 的 after it starts no modifier (18个检测点位的物资). None where
    the trigger is not in the number's noun phrase (a separator between them) or lies beyond
    NOUN_PHRASE_REACH; then the plain distance applies.
    """
    if t_start - quantity.end > NOUN_PHRASE_REACH:
        return None
    if _COORDINATED.fullmatch(text, quantity.end, t_start):
        return 0  # 80多名党员、网格员、退役军人等志愿者: a list closed by 等 names the head after it
    if _PHRASE_END.search(text, quantity.end, t_start):
        return None
    if noun_end is not None and noun_end > quantity.end and "的" in text[noun_end:t_start]:
        return None  # 18个检测点位的物资: the number counts the noun before the 的
    start = text.rfind("的", quantity.end, t_start) + 1 or quantity.end
    return max(0, t_start - start - len(_QUOTES.findall(text, start, t_start)))


def _an_article(quantity: Quantity) -> bool:
    """True for a plain 1 before its noun (1名网格员, 1个出入口): an article, "a", not a count. Counted
    ones stand after their noun (诫勉谈话1人) or under a verb that governs them (捐赠了1吨)."""
    return quantity.value == 1 and quantity.value_high is None and quantity.qualifier == "exact"


def _carried_into(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                  sentence: tuple[int, int], hits: Hits | None) -> tuple[int, int] | None:
    """The next clause, as a span, where the number ends its clause and that clause opens with a verb of carrying
    out (进行, 实施, 均已 …) whose object the number is: 密接者317人，进行集中隔离医学观察. Else None."""
    if ruleset.carrying_verbs is None or clause[1] - quantity.end > 1 or clause[1] >= sentence[1]:
        return None
    start = clause[1] + 1
    end = _SEPARATOR.search(text, start, sentence[1])
    end = end.start() if end else sentence[1]
    return (start, end) if _word_at(ruleset.carrying_verbs, text, start, end, hits) is not None else None


def _off_topic(ruleset: RuleSet, text: str, span: tuple[int, int], hits: Hits | None) -> bool:
    """True where `span` names another campaign and no word of the epidemic (topic scope); once a span a text."""
    if hits is not None and (key := ("off_topic", span)) in hits.memo:
        return hits.memo[key]
    answer = _search(ruleset.off_topic, text, *span, hits) and not _search(ruleset.on_topic, text, *span, hits)
    if hits is not None:
        hits.memo[key] = answer
    return answer


def _before_separator(text: str, start: int, limit: int) -> int:
    """The end of the EXCLUDE_AFTER_REACH characters after `start`, cut at the first separator."""
    end = min(limit, start + EXCLUDE_AFTER_REACH)
    found = _SEPARATOR.search(text, start, end)
    return found.start() if found else end


def _excluded(rule: Rule, text: str, clause: tuple[int, int], quantity: Quantity, t_start: int, t_end: int,
              sentence: tuple[int, int], hits: Hits | None = None,
              paragraph: tuple[int, int] | None = None) -> bool:
    """True where an `exclude` word stands in the clause before the number or its trigger, or just after
    the later of the two (1名村民核酸检测结果: 检测结果 follows the trigger). Farther on it is another
    phrase's word (捐款2.34万元给……工作人员购买保险: the 购买 is the receivers'). With `exclude_scope =
    "sentence"` (or "paragraph") anywhere in the sentence (paragraph). An `exclude_unless` word after the
    number in the sentence lifts the veto (购买口罩2000个捐赠给……: bought, then given)."""
    if rule.exclude_scope != "clause":
        hit = _search(rule.exclude, text, *_span(rule.exclude_scope, clause, sentence, paragraph or sentence), hits)
    else:
        hit = _search(rule.exclude, text, _own_item(rule, text, clause, quantity, t_start),
                      min(clause[1], max(quantity.end, t_end) + EXCLUDE_AFTER_REACH), hits)
    return hit and not _search(rule.exclude_unless, text, quantity.end, sentence[1], hits)


def _own_item(rule: Rule, text: str, clause: tuple[int, int], quantity: Quantity, t_start: int) -> int:
    """Where `exclude` words start to count: the clause's start, or, for an action that opens the number's own
    item of a 、-list, that item's start (张贴、发放宣传材料38500份、推送信息23条: the 张贴 is another item's)."""
    if not rule.shared or t_start >= quantity.start or t_start < clause[0]:
        return clause[0]
    item = text.rfind(_LIST_SEPARATOR, clause[0], quantity.start) + 1
    return item if item and item <= t_start else clause[0]


def _word_at(pattern: regex.Pattern | None, text: str, at: int, limit: int,
             hits: Hits | None = None) -> tuple[int, int] | None:
    """A word of `pattern` starting at `at` (a noun right after a measure word: 5个行政村, 30名居民; a verb
    opening a clause), as a span, or None."""
    if pattern is None:
        return None
    spans = hits.spans(pattern, at, min(limit, at + 8)) if hits is not None else None
    if spans is not None:
        return spans[0] if spans and spans[0][0] == at else None
    try:
        found = pattern.match(text, at, min(limit, at + 8), timeout=MATCH_TIMEOUT)
    except TimeoutError:
        _timed_out(pattern)
        return None
    return found.span() if found else None


# A character between a place noun and a noun trigger that makes the place no modifier of the trigger: in
# 3个村级卡点 the 级 joins them, in 3000名居民在志愿者… the 在 does not, nor an opening quote (214个行政村“村村响”).
_NOT_A_MODIFIER = frozenset("在对向为给和与及的“‘「『《")


def _has_own_noun(ruleset: RuleSet, text: str, quantity: Quantity, limit: int, hits: Hits | None) -> bool:
    """True where a Han character right after the measure word starts a noun, no function word (5名社长, not
    5名和 or 5名在)."""
    return (quantity.end < limit and _HAN_CHAR.match(text, quantity.end) is not None
            and _word_at(ruleset.function_words, text, quantity.end, limit, hits) is None)


_HAN_CHAR = regex.compile(r"\p{Han}")


def _in_a_phrase_of(ruleset: RuleSet, text: str, subject: tuple[int, int] | None, t_start: int, before: bool,
                    hits: Hits | None) -> bool:
    """True where a noun trigger after the number is not what it counts, because people counted as themselves
    head the phrase: 3000多名居民在志愿者的引导下 (the 志愿者 in their 在-phrase), 两位老人听说…医护人员 (another
    clause's noun). A verb of joining between them makes the people what the trigger names: 30名居民报名组建
    志愿队 counts volunteers."""
    if subject is None or before or t_start <= subject[1]:
        return False
    if text[subject[1]] in _NOT_A_MODIFIER:
        return True
    between = text[subject[1]:t_start]
    if len(between) < 2 or _modifiers_only(ruleset, between):
        return False  # 居民服务微信群, 群众志愿服务队: the people are a modifier of the compound
    return not _search(ruleset.joining_verbs, text, subject[1], t_start, hits)


def _another_noun_first(ruleset: RuleSet, text: str, quantity: Quantity, noun: tuple[int, int] | None,
                        t_start: int) -> bool:
    """True where the noun right after the measure word is what the number counts and a noun trigger farther
    on is another phrase's: 18个检测点位的物资 counts sites. Not where the trigger is that noun or continues
    its compound within a character or through modifiers (3个村级卡点, 5名党员志愿者, 14个党员流动宣传队)."""
    if noun is None or t_start <= noun[0] or t_start - noun[1] < 2:
        return False
    if _COORDINATED.fullmatch(text, quantity.end, t_start):
        return False  # 80多名党员、网格员、退役军人等志愿者: the noun is a member of a list the trigger heads
    return not _modifiers_only(ruleset, text[noun[1]:t_start])


def _modifiers_only(ruleset: RuleSet, text: str) -> bool:
    """True where `text` is one modifier of the lexicon or two in a row (服务, 志愿服务, 联防值守)."""
    return text in ruleset.modifiers or any(
        text[:i] in ruleset.modifiers and text[i:] in ruleset.modifiers for i in range(1, len(text)))


def _counts_places(ruleset: RuleSet, text: str, place: tuple[int, int] | None, before: bool,
                   t_start: int, t_end: int, hits: Hits | None = None) -> bool:
    """True where a noun trigger does not name what the number counts because places do.

    The number counts the place noun after it (5个行政村纷纷成立党员突击队, 小组从辖区六个镇入手) unless the
    trigger follows the place noun within a character (3个村级卡点); and a trigger inside a longer place
    noun (小组 in 7个村民小组) names that place.
    """
    if place is not None and t_start != place[0] and (
            before or t_start - place[1] >= 2 or (t_start > place[1] and text[place[1]] in _NOT_A_MODIFIER)):
        return True
    if ruleset.places is None:
        return False
    return any(s <= t_start and t_end <= e and e - s > t_end - t_start
               for s, e in _overlapped(ruleset.places, text, max(0, t_start - 4), t_end + 4, hits))


def _ends_at(pattern: regex.Pattern, text: str, position: int, hits: Hits | None = None) -> bool:
    """True where a match of `pattern` ends exactly at `position` (在12个卡点: 在 ends at the 12)."""
    return any(e == position for _, e in _overlapped(pattern, text, max(0, position - 8), position, hits))


# A colon, then at most a short noun, before a number: the number opens a list announced before the colon.
_COLON_ITEM = regex.compile(r"[:：]\s*[^\s,，、;；。:：]{0,8}$")
# A heading line (short, no full stop, maybe a colon), then a new line that names its number within a few
# characters, after an item mark: the number opens the list the heading announces (爱心捐款名单⏎张三 500元).
_HEADED_ITEM = regex.compile(
    r"""(?:^|\n)[^\n。!?！？]{1,24}\n          # the heading line
        [ \t　]*(?:[0-9０-９]{1,3}[.、．)）]\s*)?   # an item mark: 1. 2、 3)
        [^\n,，、;；。:：]{0,10}$                # the item's short name before its number
    """, regex.VERBOSE)


def _after_colon(text: str, head: Quantity) -> bool:
    """True where a list's first item follows a colon (收到爱心物资：⏎口罩3000只) or opens the line after a heading
    (爱心捐款名单⏎张三 500元): the verb before heads it."""
    return (_COLON_ITEM.search(text, max(0, head.start - 20), head.start) is not None
            or _HEADED_ITEM.search(text, max(0, head.start - 40), head.start) is not None)


def _list_match(rule: Rule, text: str, head: Quantity, clause: tuple[int, int],
                hits: Hits | None = None) -> Match | None:
    """The nearest trigger of a list rule before the list's first item, in its sentence, or None."""
    end = _LAST_SENTENCE_END.search(text, max(0, head.start - REACH), head.start)
    lo = max(end.end() if end else 0, head.start - rule.window - 8)
    if _search(rule.exclude, text, lo, head.end + EXCLUDE_AFTER_REACH, hits) and not _search(
            rule.exclude_unless, text, head.end, head.end + REACH, hits):
        return None
    spans = [(s, e) for s, e in _triggers(rule, text, lo, head.start, hits) if head.start - e <= rule.window]
    if not spans:
        return None
    t_start, t_end = max(spans, key=lambda span: span[1])
    distance = head.start - t_end + LIST_PENALTY + (OUTSIDE_CLAUSE_PENALTY if t_start < clause[0] else 0)
    return Match(rule, t_start, t_end, distance)


# 由 … N … 组成: a group made of the people counted. The group is named before 由 or after 组成的.
_COMPOSED_BY = regex.compile(r"由[^,，;；:：。!?！？\n]{0,16}$")
_COMPOSED_OF = regex.compile(r"[^,，;；:：。!?！？\n、]{0,10}?(?:组成|构成)(的)?")
GROUP_NAME_REACH = 10


def _composed_group(text: str, quantity: Quantity, clause: tuple[int, int]) -> tuple[int, int] | None:
    """The span that names the group a number's people make up, in a 由 … N … 组成 frame, or None: before 由 in
    志愿者队伍由31名工作人员组成, after 组成的 in 由65名村民组成的志愿服务队."""
    by = _COMPOSED_BY.search(text, max(clause[0], quantity.start - 17), quantity.start)
    of = _COMPOSED_OF.match(text, quantity.end, clause[1])
    if by is None or of is None:
        return None
    if of.group(1):
        return of.end(), min(clause[1], of.end() + GROUP_NAME_REACH)
    return max(clause[0], by.start() - GROUP_NAME_REACH), by.start()


def _per_unit(ruleset: RuleSet, text: str, clause: tuple[int, int], quantity: Quantity, others: list[Quantity],
              hits: Hits | None) -> bool:
    """True where a per-unit word (每组, 每份) stands before the number in its clause with no other number between:
    每份10个 is a size, not a count; in 每份20元成本的午餐200余份 the 200 is a count again."""
    if ruleset.per_unit is None:
        return False
    spans = _overlapped(ruleset.per_unit, text, clause[0], quantity.start, hits)
    if not spans:
        return False
    last_end = max(end for _, end in spans)
    return not any(last_end <= other.start and other.end <= quantity.start for other in others)


def _a_bare_total(ruleset: RuleSet, text: str, quantity: Quantity, clause: tuple[int, int],
                  hits: Hits | None) -> bool:
    """True where a word of totalling ends right at the number and nothing follows its measure word in the
    clause (志愿者服务人数达到4847人, 网格员……共有112名): the number totals a noun named before it."""
    if ruleset.totalling_words is None or (quantity.end < clause[1] and not _SEPARATOR.match(text, quantity.end)):
        return False
    return _ends_at(ruleset.totalling_words, text, quantity.start, hits)


# The separator that opens the clause a trigger stands in: the last one before it (、 joins items, opens nothing).
_CLAUSE_OPENING = regex.compile(r"[,，;；:：。!?！？\n](?!.*[,，;；:：。!?！？\n])", regex.DOTALL)


def _totals_across(ruleset: RuleSet, text: str, clause: tuple[int, int], quantity: Quantity, t_start: int,
                   hits: Hits | None) -> bool:
    """True where a bare total may take a noun from an earlier clause of its sentence: its own clause names no
    count of its own (宣传引导人数3889人 counts those guided) and the noun stands in no 、-list (党员、教师、妇女
    队长，一共五十多人 totals the whole list, not its last member)."""
    if _search(ruleset.count_labels, text, clause[0], quantity.start, hits):
        return False
    opening = _CLAUSE_OPENING.search(text, max(0, t_start - REACH), t_start)
    return _LIST_SEPARATOR not in text[opening.end() if opening else 0:clause[0]]


def _span(name: str, clause: tuple[int, int], sentence: tuple[int, int],
          paragraph: tuple[int, int]) -> tuple[int, int]:
    return {"clause": clause, "sentence": sentence, "paragraph": paragraph}[name]


def match_quantity(
    ruleset: RuleSet,
    text: str,
    quantity: Quantity,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    paragraph: tuple[int, int] | None = None,
    others: list[Quantity] | None = None,
    head: Quantity | None = None,
    hits: Hits | None = None,
) -> Match | None:
    """The rule that claims `quantity`, or None.

    `clause`, `sentence` and `paragraph` are the spans around the quantity in the normalized
    `text`; `others` are the quantities of the same clause (a trigger between two numbers belongs
    to the nearer one); `head` is the first quantity of the list the quantity stands in, if that is
    another one (rules with `lists` look for their trigger before it too). The highest priority
    wins, then the nearest trigger, then rule order. `hits` (matcher.scan of `text` with this ruleset)
    make it look words up instead of searching for them; the answer is the same.
    """
    paragraph = paragraph or sentence
    clause, sentence, paragraph = (_within_reach(span, quantity) for span in (clause, sentence, paragraph))
    others = _nearby(others or [], quantity)
    if _search(ruleset.exclude, text, clause[0], quantity.start, hits):
        return None
    if _per_unit(ruleset, text, clause, quantity, others or [], hits):
        return None
    if _off_topic(ruleset, text, clause, hits) or _off_topic(ruleset, text, sentence, hits):
        return None
    if ruleset.exclude_after is not None and _search(
            ruleset.exclude_after, text, quantity.end, _before_separator(text, quantity.end, clause[1]), hits):
        return None
    place = _word_at(ruleset.places, text, quantity.end, clause[1], hits)
    subject = _word_at(ruleset.subjects, text, quantity.end, clause[1], hits)
    if place is not None and subject is not None and subject[1] > place[1]:
        place = None  # the longest word there is the noun: 30名村民 counts villagers, not villages (村)
    if place is not None and text.startswith(_LEVEL, place[1]):
        place = None  # 村级, 县级: the place says the level of what follows, it is no noun of its own

    @cache
    def noun_span() -> tuple[int, int] | None:
        """The noun of the lexicon right after the measure word (looked up once, when first asked); none where
        级 makes it a modifier (156个村级党员责任区)."""
        found = _word_at(ruleset.nouns, text, quantity.end, clause[1], hits)
        return None if found is not None and text.startswith(_LEVEL, found[1]) else found

    @cache
    def carried_into() -> tuple[int, int] | None:
        """The clause after the number's that carries an action out on it (looked up once, when first asked)."""
        return _carried_into(ruleset, text, quantity, clause, sentence, hits)

    def noun_end() -> int:
        """Where a noun of the lexicon right after the measure word ends, or the measure word's end."""
        found = noun_span()
        return found[1] if found else quantity.end
    # Two counts side by side (突击队14个162人) share the noun before the first.
    lead = next((other.start for other in others if other.end == quantity.start), quantity.start)
    total = _a_bare_total(ruleset, text, quantity, clause, hits)
    composed = _composed_group(text, quantity, clause)
    if composed is not None and not any(
            _triggers(rule, text, *composed, hits) for rule in ruleset.rules
            if not rule.shared and rule.units & quantity.unit_classes):
        composed = None  # a group no rule counts people of (由20名党员组成的突击队): the members' noun decides
    # 核酸检测队伍6人: six members of a team, not six people tested
    members = ruleset.group_nouns is not None and bool(quantity.unit_classes & _PEOPLE) and _ends_at(
        ruleset.group_nouns, text, quantity.start, hits)
    # 出动2000余人次参与采样: the people sent out do the sampling; they are not sampled
    agents = ruleset.deploying_verbs is not None and bool(quantity.unit_classes & _PEOPLE) and _ends_at(
        ruleset.deploying_verbs, text, quantity.start, hits)
    candidates: list[tuple[Match, int]] = []
    for order, rule in enumerate(ruleset.rules):
        if not (rule.units & quantity.unit_classes):
            continue
        if rule.unit_words and quantity.unit not in rule.unit_words:
            continue
        # No trigger word near: the rule cannot fire (unless through a list's head), so skip its other tests.
        if hits is not None and not (rule.lists and head is not None) and hits.idle(
                rule, quantity.start - rule.window - 8,
                quantity.end + (rule.window + 8 if rule.shared else max(rule.window + 8, NOUN_PHRASE_REACH))):
            continue
        scope = _span(rule.scope, clause, sentence, paragraph)
        if rule.context is not None and not _search(
            rule.context, text, *_span(rule.context_scope, clause, sentence, paragraph), hits
        ):
            continue
        if rule.exclude_before is not None and _ends_at(rule.exclude_before, text, quantity.start, hits):
            continue
        if rule.exclude_after is not None and _search(
            rule.exclude_after, text, quantity.end, _before_separator(text, quantity.end, scope[1]), hits
        ):
            continue
        best: Match | None = None
        spans = []
        carried_spans: list[tuple[int, int]] = []
        if rule.side in ("before", "either"):
            # a bare total (……卡口，全镇一共有473个) looks for its noun back across clauses of its sentence
            lo = min(scope[0], sentence[0]) if total else scope[0]
            spans += _triggers(rule, text, max(lo, quantity.start - rule.window - 8), quantity.start, hits)
        if rule.side in ("after", "either"):
            # from the measure word on, so a tail like 元钱 can itself be a trigger; a noun as far as the
            # noun phrase may reach
            reach = rule.window + 8 if rule.shared else max(rule.window + 8, NOUN_PHRASE_REACH)
            spans += _triggers(rule, text, quantity.unit_start, min(scope[1], quantity.end + reach), hits)
            if rule.shared and (carried := carried_into()):
                # 317人，进行集中隔离医学观察: the next clause carries out the action on the number, explicitly, so
                # nearer than any verb before it (检查密接者317人，进行集中隔离 counts people isolated)
                carried_spans = _triggers(rule, text, carried[0], min(carried[1], carried[0] + rule.window), hits)
                spans += carried_spans
        if composed is not None and not rule.shared:
            # 志愿者队伍由31名工作人员组成: the number counts the group's members, named by the group
            members = [(s, e) for s, e in _triggers(rule, text, *composed, hits)]
            if members and not _excluded(rule, text, clause, quantity, members[0][0], members[0][1], sentence, hits,
                                         paragraph):
                candidates.append((Match(rule, *members[-1], 0), order))
            continue
        for t_start, t_end in spans:
            if best is not None and (t_start, t_end) in carried_spans:
                break  # the rule's own word near the number is the better evidence; carried spans come last
            head_gap = None
            before = t_end <= quantity.start
            if before:
                gap = (lead if not rule.shared and t_end <= lead else quantity.start) - t_end
            elif not rule.shared and place is None and subject is None and (
                    head_gap := _head_gap(text, quantity, t_start, noun_end())) is not None:
                # (where a place or a subject follows the measure word, that is the phrase's noun already)
                gap = head_gap
            else:
                gap = max(0, t_start - quantity.end)
            if gap > (min(rule.window, NOUN_BEFORE_WINDOW) if before and not rule.shared and not total
                      else rule.window):
                continue
            if total and before and t_end <= clause[0] and not _totals_across(
                    ruleset, text, clause, quantity, t_start, hits):
                continue
            if not rule.shared and _owned_elsewhere(text, quantity, t_start, t_end, others):
                continue
            if not rule.shared and _modifies_another_head(
                    ruleset, text, t_start, t_end, quantity.start if before else clause[1], hits,
                    groups=not quantity.unit_classes & _PEOPLE):
                continue
            if members and rule.shared and before:
                continue
            if agents and rule.shared and not before:
                continue
            if rule.shared and not before and _opens_next_item(text, quantity, t_start, t_end, others):
                continue
            if not before and _an_article(quantity):
                continue
            if not before and not rule.shared and _search(ruleset.phrase_breaks, text, quantity.end, t_start, hits):
                continue
            if not rule.shared and _counts_places(ruleset, text, place, before, t_start, t_end, hits):
                continue
            if not rule.shared and _in_a_phrase_of(ruleset, text, subject, t_start, before, hits):
                continue
            if not rule.shared and not before and subject is None and _another_noun_first(
                    ruleset, text, quantity, noun_span(), t_start):
                continue
            if before and not rule.shared and _CONJUNCTION.fullmatch(text, t_end, quantity.start) and _has_own_noun(
                    ruleset, text, quantity, clause[1], hits):
                continue  # 9名党员和5名社长: the 5 has a noun of its own after it, 党员 is the 9's
            if _excluded(rule, text, clause, quantity, t_start, t_end, sentence, hits, paragraph):
                continue
            distance = _distance(quantity, t_start, t_end, rule.shared) if before or head_gap is None else head_gap
            if not before and not rule.shared and _COORDINATED.match(text, t_end, quantity.end + NOUN_PHRASE_REACH):
                distance += NOUN_PHRASE_REACH  # a member of a 等-list yields to the list's head, where one is found
            if (t_start, t_end) in carried_spans:
                distance = 0
            elif t_start < clause[0] or t_end > clause[1]:
                distance += OUTSIDE_CLAUSE_PENALTY
            if best is None or distance < best.distance:
                best = Match(rule, t_start, t_end, distance)
        if best is None and rule.lists and head is not None and (head is not quantity or _after_colon(text, head)):
            best = _list_match(rule, text, head, clause, hits)
        if best is not None:
            candidates.append((best, order))
    if not candidates:
        return None
    # A trigger inside a longer trigger of another rule (干部 in 党员干部) yields to it.
    kept = [
        (m, order) for m, order in candidates
        if not any(
            o.trigger_start <= m.trigger_start and m.trigger_end <= o.trigger_end
            and (o.trigger_end - o.trigger_start) > (m.trigger_end - m.trigger_start)
            for o, _ in candidates
        )
    ]
    return min(kept, key=lambda item: (-item[0].rule.priority, item[0].distance, item[1]))[0]
