"""What more than one command shares: the rule-file options and loading the rules they name."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import click

from fangkong.rules.model import RuleError, RuleSet
from fangkong.rules.reader import load_rules

RULES_HELP = ("A rule file, or a folder of *.toml rule files, whose rules are added to the shipped ones "
              "(a rule with a shipped rule's id replaces it). Repeatable.")
NO_DEFAULTS_HELP = "Leave the shipped rules out: use only the --rules files."


def rule_options(command: Callable) -> Callable:
    """Add --rules PATH (repeatable) and --no-default-rules to a click command."""
    command = click.option("--no-default-rules", "no_defaults", is_flag=True, help=NO_DEFAULTS_HELP)(command)
    return click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                        type=click.Path(exists=True, dir_okay=True, file_okay=True), help=RULES_HELP)(command)


def load_ruleset(rule_paths: tuple[str, ...], no_defaults: bool) -> RuleSet:
    """The rules the options name; a bad rule file is a usage error listing every problem (exit 2)."""
    if no_defaults and not rule_paths:
        raise click.UsageError("--no-default-rules needs at least one --rules PATH")
    try:
        return load_rules(rule_paths, defaults=not no_defaults)
    except RuleError as error:
        raise click.UsageError(f"bad rule file:\n{error}") from error


def display_width(text: str) -> int:
    """Columns a text takes on a terminal: two for a wide (CJK) character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def cut(text: str, width: int) -> str:
    """`text` cut with … to fit `width` terminal columns."""
    if display_width(text) <= width:
        return text
    out = ""
    for char in text:
        if display_width(out + char) > width - 1:
            break
        out += char
    return out + "…"


def pad(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns."""
    return text + " " * max(0, width - display_width(text))
