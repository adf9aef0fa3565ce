"""Lexicons: word classes by meaning (goods, volunteers, donation verbs …) that rules name as `@class`.

The classes live in `data/lexicons/*.toml`, one table a class:

    [volunteers]
    means = "people who volunteer"
    words = ["志愿者", "红马甲"]

Chinese nouns are head-final compounds: the last morpheme says what kind of thing it is (…岗, …站, …哨
are posts), the modifiers before it say which (值守, 查验, 联防). So a class may list `heads` and
`modifiers` besides whole `words`; it then holds every compound modifier + head too, and a made-up
`联防值守岗` is matched by its last modifier and head (`值守岗`) although no list names it. Verbs compose the
same way (发放, 派发, 分发: a first morpheme and a second). Whole words stay for what is idiosyncratic
(卡点, 红马甲).

    [checkpoint_nouns]
    means = "control points …"
    counts = "posts"                # what a head of this class counts: two classes that count
    words = ["卡点", "哨卡"]          # different things may not share a head
    heads = ["岗", "站", "哨"]
    modifiers = ["值守", "查验", "管控"]

A class is defined (with `means`) in one file; other files may add words, heads and modifiers to it
(`regional.toml` adds the Taiwan and Hong Kong words of several classes). Words are literal text in
simplified script, as the normalized text has them. Knows nothing of metrics or rules.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

CLASS_NAME = regex.compile(r"[a-z][a-z0-9_]*")
REFERENCE = regex.compile(r"@([a-z][a-z0-9_]*)")
# A class named inside a pattern, where it stands for any one of its words: (?<={@deploying_verbs}\d+名)人员
INLINE_REFERENCE = regex.compile(r"\{@([a-z][a-z0-9_]*)\}")


class LexiconError(ValueError):
    """Lexicon files that do not validate; the message lists every problem, one a line."""


@dataclass(frozen=True)
class Lexicon:
    """Word classes: name → words (in file order), and what each class means."""

    words: dict[str, tuple[str, ...]]  # name → whole words, then every compound of its modifiers and heads
    means: dict[str, str]
    sources: dict[str, tuple[str, ...]]  # name → the files that give it words
    heads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    modifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    counts: dict[str, str] = field(default_factory=dict)  # name → what its heads count, where it says

    def expand(self, entries: Iterable[str]) -> list[str]:
        """Rule words with every `@class` replaced by its words, escaped as literal patterns.

        Raises KeyError naming the first unknown class.
        """
        out: list[str] = []
        for entry in entries:
            reference = REFERENCE.fullmatch(entry)
            if reference is None:
                out.append(entry)
            else:
                out += _escaped(tuple(self.words[reference.group(1)]))  # (a tuple already, unless made by hand)
        return out

    def shown(self, entries: Iterable[str]) -> list[str]:
        """Rule words for people to read: a class as `@name(its words)`, a compounding class as
        `@name(its whole words; modifiers… + heads…)`."""
        return [f"{e}({self.described(m.group(1))})" if (m := REFERENCE.fullmatch(e)) and m.group(1) in self.words
                else e for e in entries]

    def described(self, name: str) -> str:
        """A class's vocabulary as written: its whole words, then `modifiers + heads` where it composes."""
        whole = [w for w in self.words[name] if w not in set(self.compounds(name))]
        if not self.heads.get(name):
            return " ".join(whole)
        return (" ".join(whole) + "; " if whole else "") + (
            f"{'|'.join(self.modifiers.get(name, ()))} + {'|'.join(self.heads[name])}")

    def compounds(self, name: str) -> list[str]:
        """The compounds modifier + head of a class, in order, less those that are whole words already."""
        return compose(self.modifiers.get(name, ()), self.heads.get(name, ()))

    def inlined(self, pattern: str) -> str:
        """A pattern with each `{@class}` inside it replaced by a group of the class's words, escaped, longest first
        (so that an alternation tries 恢复设立 before 设立). Raises KeyError naming the first unknown class."""
        return INLINE_REFERENCE.sub(
            lambda found: "(?:" + "|".join(sorted(_escaped(tuple(self.words[found.group(1)])), key=len, reverse=True))
            + ")", pattern)

    def literal(self, entries: Iterable[str]) -> list[str]:
        """Like `expand`, but the words unescaped (for lists of measure words, not patterns)."""
        out: list[str] = []
        for entry in entries:
            reference = REFERENCE.fullmatch(entry)
            out += list(self.words[reference.group(1)]) if reference else [entry]
        return out


@lru_cache(maxsize=1024)
def _escaped(words: tuple[str, ...]) -> tuple[str, ...]:
    """A class's words escaped as literal patterns: worked out once per class, not at each rule that names it (the
    shipped rules name classes 45,000 words' worth)."""
    return tuple(regex.escape(word) for word in words)


def compose(modifiers: Iterable[str], heads: Iterable[str]) -> list[str]:
    """Every compound modifier + head, modifiers in order, each with every head in order.

    A morpheme doubled (排 + 排) is no compound: 排排 is only ever the seam of 安排 and 排查.
    """
    heads = list(heads)
    return [modifier + head for modifier in modifiers for head in heads if modifier != head]


_PARTS = ("words", "heads", "modifiers")


def parse_lexicons(files: Iterable[tuple[str, str]], *, check_heads: bool = True) -> Lexicon:
    """(name, TOML text) pairs → a validated Lexicon. Raises LexiconError listing every problem.

    Besides each file's own problems: a class with heads and no modifiers (or the other way round), and
    (with `check_heads`) a head shared by two classes that count different things (`counts`), which would
    make one compound mean two kinds of thing.
    """
    problems: list[str] = []
    parts: dict[str, dict[str, list[str]]] = {part: {} for part in _PARTS}
    means: dict[str, str] = {}
    counts: dict[str, str] = {}
    sources: dict[str, list[str]] = {}
    means_in: dict[str, str] = {}
    for name, text in files:
        if isinstance(text, dict):
            data = text  # already parsed (the classes of a rule file)
        else:
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as error:
                problems.append(f"{name}: not valid TOML ({error})")
                continue
        for class_name, table in data.items():
            where = f"{name} [{class_name}]"
            if not CLASS_NAME.fullmatch(class_name) or not isinstance(table, dict):
                problems.append(f"{where}: a class is a table named in lower case letters, digits and _")
                continue
            for key in sorted(set(table) - {"means", "counts", *_PARTS}):
                problems.append(f"{where}: unknown key '{key}'")
            sources.setdefault(class_name, []).append(name)
            if "means" in table:
                if class_name in means:
                    problems.append(f"{where}: 'means' given again (the class is defined in {means_in[class_name]})")
                elif not isinstance(table["means"], str) or not table["means"].strip():
                    problems.append(f"{where}: 'means' must say what the class holds")
                else:
                    means[class_name] = table["means"]
                    means_in[class_name] = name
            if "counts" in table:
                if not isinstance(table["counts"], str) or not CLASS_NAME.fullmatch(table["counts"]):
                    problems.append(f"{where}: 'counts' must name what the heads count, in lower case letters")
                else:
                    counts[class_name] = table["counts"]
            if not any(part in table for part in _PARTS):
                problems.append(f"{where}: 'words' must be a non-empty list of non-empty strings")
                continue
            for part in _PARTS:
                if part in table:
                    _add_words(where, part, table[part], parts[part].setdefault(class_name, []), problems)
    words = parts["words"]
    for class_name in sorted(set(parts["heads"]) ^ set(parts["modifiers"])):
        problems.append(f"{', '.join(sources[class_name])} [{class_name}]: 'heads' and 'modifiers' go together "
                        "(a compound is a modifier and a head)")
    for class_name in sorted(set(sources) - set(means)):
        problems.append(f"{', '.join(sources[class_name])} [{class_name}]: no file defines it with 'means'")
    if check_heads:
        problems += _contradicting_heads(parts["heads"], counts, sources)
    if problems:
        raise LexiconError("\n".join(problems))
    everything = {}
    for class_name in sources:
        whole = words.get(class_name, [])
        made = [w for w in compose(parts["modifiers"].get(class_name, ()), parts["heads"].get(class_name, ()))
                if w not in set(whole)]
        everything[class_name] = tuple(dict.fromkeys(whole + made))
    return Lexicon(
        everything,
        means,
        {c: tuple(s) for c, s in sources.items()},
        {c: tuple(h) for c, h in parts["heads"].items()},
        {c: tuple(m) for c, m in parts["modifiers"].items()},
        counts,
    )


def _add_words(where: str, part: str, listed: object, known: list[str], problems: list[str]) -> None:
    """Check one list of a class (words, heads or modifiers) and add its words to `known`."""
    if not isinstance(listed, list) or not listed or not all(isinstance(w, str) and w.strip() for w in listed):
        problems.append(f"{where}: '{part}' must be a non-empty list of non-empty strings")
        return
    for word in listed:
        if word != word.strip():
            problems.append(f"{where}: {word!r} has spaces around it")
        elif word in known:
            problems.append(f"{where}: {word!r} is listed twice")
        else:
            known.append(word)


def _contradicting_heads(heads: dict[str, list[str]], counts: dict[str, str],
                         sources: dict[str, list[str]]) -> list[str]:
    """A problem for each head listed in two noun classes (classes that say what they `count`) that count
    different things. Verb classes (no `counts`) may share morphemes: 送 is in giving and in handing out."""
    owners: dict[str, list[str]] = {}
    for class_name, listed in heads.items():
        if class_name in counts:
            for head in listed:
                owners.setdefault(head, []).append(class_name)
    problems = []
    for head, classes in owners.items():
        if len({counts[c] for c in classes}) > 1:
            problems.append(f"{sources[classes[-1]][-1]}: head {head!r} is listed in classes that count different "
                            "things: " + ", ".join(f"[{c}] ({counts[c]}, {sources[c][-1]})" for c in classes))
    return problems


def lexicon_files() -> list[tuple[str, str]]:
    """The (name, text) of the package's lexicon files, in name order."""
    folder = resources.files("fangkong.data").joinpath("lexicons")
    return sorted(
        (f"fangkong/data/lexicons/{entry.name}", entry.read_text("utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package's lexicons, validated once."""
    return parse_lexicons(lexicon_files())
