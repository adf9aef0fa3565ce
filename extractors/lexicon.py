"""Lexicons: word classes by meaning (goods, volunteers, donation verbs …) that rules name as `@class`.

The classes live in `data/lexicons/*.toml`, one table a class:

    [volunteers]
    means = "people who volunteer"
    words = ["志愿者", "红马甲"]

A class is defined (with `means`) in one file; other files may add words to it (`regional.toml` adds
the Taiwan and Hong Kong words of several classes). Words are literal text in simplified script, as
the normalized text has them. Knows nothing of metrics or rules.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

CLASS_NAME = regex.compile(r"[a-z][a-z0-9_]*")
REFERENCE = regex.compile(r"@([a-z][a-z0-9_]*)")


class LexiconError(ValueError):
    """Lexicon files that do not validate; the message lists every problem, one a line."""


@dataclass(frozen=True)
class Lexicon:
    """Word classes: name → words (in file order), and what each class means."""

    words: dict[str, tuple[str, ...]]
    means: dict[str, str]
    sources: dict[str, tuple[str, ...]]  # name → the files that give it words

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
                out += [regex.escape(word) for word in self.words[reference.group(1)]]
        return out

    def shown(self, entries: Iterable[str]) -> list[str]:
        """Rule words for people to read: a class as `@name(its words)`."""
        return [f"{e}({' '.join(self.words[m.group(1)])})" if (m := REFERENCE.fullmatch(e)) and m.group(1) in self.words
                else e for e in entries]

    def literal(self, entries: Iterable[str]) -> list[str]:
        """Like `expand`, but the words unescaped (for lists of measure words, not patterns)."""
        out: list[str] = []
        for entry in entries:
            reference = REFERENCE.fullmatch(entry)
            out += list(self.words[reference.group(1)]) if reference else [entry]
        return out


def parse_lexicons(files: Iterable[tuple[str, str]]) -> Lexicon:
    """(name, TOML text) pairs → a validated Lexicon. Raises LexiconError listing every problem."""
    problems: list[str] = []
    words: dict[str, list[str]] = {}
    means: dict[str, str] = {}
    sources: dict[str, list[str]] = {}
    means_in: dict[str, str] = {}
    for name, text in files:
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
            for key in sorted(set(table) - {"means", "words"}):
                problems.append(f"{where}: unknown key '{key}'")
            sources.setdefault(class_name, []).append(name)
            known = words.setdefault(class_name, [])
            if "means" in table:
                if class_name in means:
                    problems.append(f"{where}: 'means' given again (the class is defined in {means_in[class_name]})")
                elif not isinstance(table["means"], str) or not table["means"].strip():
                    problems.append(f"{where}: 'means' must say what the class holds")
                else:
                    means[class_name] = table["means"]
                    means_in[class_name] = name
            listed = table.get("words")
            if not isinstance(listed, list) or not listed or not all(isinstance(w, str) and w.strip() for w in listed):
                problems.append(f"{where}: 'words' must be a non-empty list of non-empty strings")
                continue
            for word in listed:
                if word != word.strip():
                    problems.append(f"{where}: {word!r} has spaces around it")
                elif word in known:
                    problems.append(f"{where}: {word!r} is listed twice")
                else:
                    known.append(word)
    for class_name in sorted(set(words) - set(means)):
        problems.append(f"{', '.join(sources[class_name])} [{class_name}]: no file defines it with 'means'")
    if problems:
        raise LexiconError("\n".join(problems))
    return Lexicon(
        {c: tuple(w) for c, w in words.items()},
        means,
        {c: tuple(s) for c, s in sources.items()},
    )


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
