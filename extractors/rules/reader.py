"""Reading rule files: TOML rule files and packs → a validated, compiled RuleSet (every problem listed
at once), the shipped rules, a user's packs merged over them, the rules' digest."""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from fangkong.numbers.quantities import measure_words
from fangkong.rules.lexicon import (
    INLINE_REFERENCE,
    REFERENCE,
    Lexicon,
    LexiconError,
    lexicon_files,
    load_lexicon,
    parse_lexicons,
)

if TYPE_CHECKING:
    pass

# The metric of a quantity no rule claims (rows of --include-other).
from fangkong.rules.model import (
    DEFAULT_WORD_KEYS,
    METRICS,
    SCOPES,
    SIDES,
    UNIT_CLASSES,
    USER_METRIC,
    LazyPattern,
    Rule,
    RuleError,
    RuleSet,
    _words_pattern,
    syntax_chars,
)

_RULE_KEYS = {"id", "metric", "units", "unit_words", "triggers", "side", "window", "context",
              "context_scope", "exclude", "exclude_after", "exclude_before", "exclude_scope", "exclude_unless",
              "exclude_heading", "note", "scope", "priority", "shared", "lists", "kinds", "givers", "participants_act",
              "authority_handouts"}
_RULE_HEADER = regex.compile(r"^[ \t]*\[\[[ \t]*rule[ \t]*\]\][ \t]*(?:#.*)?$", regex.M)
_DEFAULTS_HEADER = regex.compile(r"^[ \t]*\[[ \t]*defaults[ \t]*\][ \t]*(?:#.*)?$", regex.M)
_ID_LINE = regex.compile(r"^[ \t]*id[ \t]*=", regex.M)
_TABLE_HEADER = regex.compile(r"^[ \t]*\[", regex.M)
_TOML_ERROR_LINE = regex.compile(r"\(at line (\d+), column \d+\)")
# A rule word with none of the characters of regex syntax: a literal, which compiles whatever it holds
_PLAIN_WORD = regex.compile(r"[^.^$*+?{}\[\]|()\\]*")


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


def _check_words(where: str, key: str, words, problems: list[str], lexicon: Lexicon | None = None) -> list[str]:
    """The patterns of a rule's word list, `@class` references expanded (a whole entry, or `{@class}` inside a
    pattern); each problem appended."""
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
        if (named := INLINE_REFERENCE.findall(word)):
            if unknown := [name for name in named if name not in lexicon.words]:
                problems.append(f"{where}: '{key}' pattern {word!r} names "
                                f"{', '.join('@' + name for name in unknown)}, which no lexicon defines")
                continue
            word = lexicon.inlined(word)
        if _nested_quantifier(word):
            problems.append(f"{where}: '{key}' pattern {word!r} has nested quantifiers (catastrophic backtracking)")
            continue
        if _PLAIN_WORD.fullmatch(word):
            good.append(word)  # no character of regex syntax: a literal, valid as it stands (most words)
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
    parsed = _with_named_patterns(_parsed(files, problems), problems)
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
            kinds = entry.get("kinds", False)
            if not isinstance(kinds, bool):
                problems.append(f"{where}: 'kinds' must be true or false")
            elif kinds and shared:
                problems.append(f"{where}: 'kinds' needs noun triggers, not 'shared = true' (an action names no kind)")
            givers = entry.get("givers", False)
            if not isinstance(givers, bool):
                problems.append(f"{where}: 'givers' must be true or false")
            authority_handouts = entry.get("authority_handouts", False)
            if not isinstance(authority_handouts, bool):
                problems.append(f"{where}: 'authority_handouts' must be true or false")
            participants_act = entry.get("participants_act", False)
            if not isinstance(participants_act, bool):
                problems.append(f"{where}: 'participants_act' must be true or false")
            elif participants_act and not shared:
                problems.append(f"{where}: 'participants_act' needs 'shared = true' (only actions are done by people)")
            priority = entry.get("priority", 0)
            if not isinstance(priority, int) or isinstance(priority, bool):
                problems.append(f"{where}: 'priority' must be a whole number")
            context = _check_words(where, "context", entry.get("context", []), problems, lexicon)
            exclude = _check_words(where, "exclude", entry.get("exclude", []), problems, lexicon)
            exclude_after = _check_words(where, "exclude_after", entry.get("exclude_after", []), problems, lexicon)
            exclude_before = _check_words(where, "exclude_before", entry.get("exclude_before", []), problems, lexicon)
            exclude_unless = _check_words(where, "exclude_unless", entry.get("exclude_unless", []), problems, lexicon)
            exclude_heading = _check_words(where, "exclude_heading", entry.get("exclude_heading", []), problems,
                                           lexicon)
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
                    exclude_unless=_words_pattern(exclude_unless), kinds=kinds is True and shared is not True,
                    givers=givers is True, authority_handouts=authority_handouts is True,
                    participants_act=participants_act is True,
                    exclude_heading=_words_pattern(exclude_heading),
                ))
    if problems:
        raise RuleError("\n".join(problems))
    return RuleSet(tuple(rules), version=rules_version(files + _data_files()),
                   # (the modifiers of noun classes, those that say what they count: a verb's first morpheme, 捐 of
                   # 捐赠, or a marker's, 由 of 由最初的, modifies no noun)
                   modifiers=frozenset(m for name, listed in lexicon.modifiers.items() if name in lexicon.counts
                                       for m in listed),
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


# A named pattern inside a pattern of a rule file: {%name}, defined in a [patterns] table of any rule file.
NAMED_PATTERN = regex.compile(r"\{%([a-z][a-z0-9_]*)\}")
_PATTERN_NAME = regex.compile(r"[a-z][a-z0-9_]*")


def _with_named_patterns(parsed: list[tuple[str, str, dict]], problems: list[str]) -> list[tuple[str, str, dict]]:
    """The parsed rule files with each `{%name}` in their word lists replaced by the pattern of that name, as written,
    from the `[patterns]` tables of all of them (one pattern written once, used by several rules); each problem
    (a bad name or pattern, a name defined twice, an unknown name used) appended."""
    named: dict[str, str] = {}
    defined_in: dict[str, str] = {}
    for name, _, data in parsed:
        table = data.get("patterns", {})
        if not isinstance(table, dict):
            problems.append(f"{name}:1: 'patterns' must be a [patterns] table of name = \"pattern\"")
            continue
        for key, pattern in table.items():
            where = f"{name}:1: [patterns] {key}"
            if not _PATTERN_NAME.fullmatch(key):
                problems.append(f"{where}: a pattern's name is lower-case letters, digits and _")
            elif key in named:
                problems.append(f"{where}: defined again (first in {defined_in[key]})")
            elif not isinstance(pattern, str) or not pattern:
                problems.append(f"{where}: must be a non-empty string")
            else:
                named[key], defined_in[key] = pattern, name
    if not named and not any(NAMED_PATTERN.search(text) for _, text, _ in parsed):
        return parsed  # most rule files: no named pattern defined or used
    named = _nested_names_resolved(named, defined_in, problems)

    def substituted(value, where: str):
        if isinstance(value, str):
            for unknown in sorted({n for n in NAMED_PATTERN.findall(value) if n not in named}):
                problems.append(f"{where}: names {{%{unknown}}}, which no [patterns] table defines")
            return NAMED_PATTERN.sub(lambda found: named.get(found.group(1), found.group(0)), value)
        if isinstance(value, list):
            return [substituted(item, where) for item in value]
        return value

    out = []
    for name, text, data in parsed:
        data = dict(data)
        if isinstance(data.get("defaults"), dict):
            data["defaults"] = {k: substituted(v, f"{name}: [defaults] {k}") for k, v in data["defaults"].items()}
        if isinstance(data.get("rule"), list):
            data["rule"] = [{k: substituted(v, f"{name}: rule {entry.get('id', '?')} {k}") for k, v in entry.items()}
                            if isinstance(entry, dict) else entry for entry in data["rule"]]
        out.append((name, text, data))
    return out


def _nested_names_resolved(named: dict[str, str], defined_in: dict[str, str], problems: list[str]) -> dict[str, str]:
    """`named` (name → pattern) with each `{%name}` inside a pattern replaced by that name's pattern, itself resolved
    (handed_out_not_given names not_after_free); a name no table defines, or one that leads back to itself, is a
    problem appended, and stays as written."""
    resolved: dict[str, str] = {}

    def resolve(key: str, seen: tuple[str, ...]) -> str:
        if key not in resolved:
            def inner(found: regex.Match) -> str:
                name = found.group(1)
                where = f"{defined_in[key]}:1: [patterns] {key}"
                if name not in named:
                    problems.append(f"{where}: names {{%{name}}}, which no [patterns] table defines")
                elif name in seen or name == key:
                    problems.append(f"{where}: names {{%{name}}}, which leads back to {key}")
                else:
                    return resolve(name, (*seen, key))
                return found.group(0)

            resolved[key] = NAMED_PATTERN.sub(inner, named[key])
        return resolved[key]

    return {key: resolve(key, ()) for key in named}


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
