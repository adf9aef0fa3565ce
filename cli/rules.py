"""`fangkong rules`: list the rules a run would use; `fangkong rules check`: validate rule files."""

from __future__ import annotations

import csv
import difflib
import json
import sys

import click

from fangkong.rules.lexicon import load_lexicon
from fangkong.rules.model import METRICS, RuleError, RuleSet
from fangkong.rules.reader import lexicon_of, load_rules, parse_rules, user_rule_files

from .common import cut, display_width, load_ruleset, pad, rule_options

RULES_HELP = """List every rule: its id, metric, unit classes, trigger words and file.

With --rules, your rule files are merged with the shipped ones as `fangkong extract` would merge
them (a rule with a shipped id replaces it; new ones are listed last), so you see what a run uses.

\b
Examples:
  fangkong rules
  fangkong rules --rules masks.toml
  fangkong rules --format csv > rules.csv
  fangkong rules --format json | jq '.[].metric'
  fangkong rules check masks.toml
"""

CHECK_HELP = """Validate rule files: every problem is listed as FILE:LINE: rule ID: problem.

PATHS are rule files or folders of *.toml files, checked together as one --rules pack (an id may
not repeat across them). A rule may name a metric of its own; a rule with the id of a shipped rule
is noted, as it replaces that rule.

\b
Example:
  fangkong rules check masks.toml my_rules/

\b
Exit codes:
  0    every file valid
  1    problems found, each listed on standard output
  2    usage error: a path that does not exist
"""
COLUMNS = ("id", "metric", "units", "triggers", "file")
TRIGGER_WIDTH = 32  # display columns for the trigger words in the table; the rest is cut with …


def _file(source: str) -> str:
    return source.removeprefix("fangkong/rules/")


def _rows(ruleset: RuleSet) -> list[dict[str, str]]:
    return [{"id": rule.id, "metric": rule.metric, "units": ",".join(sorted(rule.units)),
             "triggers": " ".join(load_lexicon().shown(rule.words)), "file": _file(rule.source)}
            for rule in ruleset.rules]


def _table(rows: list[dict[str, str]]) -> list[str]:
    for row in rows:
        row["triggers"] = cut(row["triggers"], TRIGGER_WIDTH)
    widths = {c: max([display_width(c)] + [display_width(row[c]) for row in rows]) for c in COLUMNS}
    lines = ["  ".join(pad(c, widths[c]) for c in COLUMNS).rstrip()]
    lines += ["  ".join(pad(row[c], widths[c]) for c in COLUMNS).rstrip() for row in rows]
    return lines


@click.group(help=RULES_HELP, invoke_without_command=True)
@rule_options
@click.option("--format", "form", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="A table to read, or CSV / JSON (all trigger words) for scripts.")
@click.pass_context
def rules(ctx: click.Context, rule_paths: tuple[str, ...], no_defaults: bool, form: str) -> None:
    if ctx.invoked_subcommand is not None:
        return
    ruleset = load_ruleset(rule_paths, no_defaults)
    rows = _rows(ruleset)
    if form == "json":
        for row, rule in zip(rows, ruleset.rules, strict=True):
            row["units"], row["triggers"] = sorted(rule.units), load_lexicon().literal(rule.words)
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
    elif form == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for line in _table(rows):
            click.echo(line)
        metrics = {rule.metric for rule in ruleset.rules}
        click.echo(f"{_count(len(rows), 'rule')} for {_count(len(metrics), 'metric')} (rules {ruleset.version})")


def _notes(ruleset: RuleSet) -> list[str]:
    """What a valid pack does that its author may not mean: replace shipped rules, add metrics (or misspell one)."""
    shipped = {rule.id: rule for rule in load_rules().rules}
    notes = []
    for rule in ruleset.rules:
        if rule.id in shipped:
            notes.append(f"{rule.source}: rule {rule.id}: replaces the shipped rule of that id "
                         f"({_file(shipped[rule.id].source)})")
    new = dict.fromkeys(rule.metric for rule in ruleset.rules if rule.metric not in METRICS)
    for metric in new:
        near = difflib.get_close_matches(metric, METRICS, n=1, cutoff=0.8)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        notes.append(f"metric {metric!r} is not in the catalogue: a metric of your own{hint}")
    return notes


@rules.command(help=CHECK_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def check(paths: tuple[str, ...]) -> None:
    try:
        files = user_rule_files(paths)
        ruleset = parse_rules(files, any_metric=True)
    except RuleError as error:
        problems = str(error).splitlines()
        for line in problems:
            click.echo(line)
        noun = "problem" if len(problems) == 1 else "problems"
        click.echo(f"{len(problems)} {noun} found")
        sys.exit(1)
    for note in _notes(ruleset):
        click.echo(f"note: {note}")
    for name, _ in files:
        count = sum(rule.source == name for rule in ruleset.rules)
        click.echo(f"{name}: OK, {count} rule{'s' if count != 1 else ''}")



CLASSES_HELP = """List the lexicon classes rules name as @class: what each counts, its whole words, its
modifiers and heads, and how many compounds of a modifier and a head it holds.

With --rules, the [classes.NAME] tables of your rule files are added, as a run would add them.

\b
Examples:
  fangkong rules classes
  fangkong rules classes --format json | jq '.[] | select(.name == "checkpoint_nouns")'
"""
CLASS_COLUMNS = ("name", "counts", "words", "modifiers", "heads", "compounds", "means")


@rules.command("classes", help=CLASSES_HELP)
@click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
              type=click.Path(exists=True, dir_okay=True, file_okay=True),
              help="Rule files whose [classes.NAME] tables are added. Repeatable.")
@click.option("--format", "form", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="A table to read, or CSV / JSON (every word) for scripts.")
def classes(rule_paths: tuple[str, ...], form: str) -> None:
    try:
        lexicon = lexicon_of(user_rule_files(rule_paths)) if rule_paths else load_lexicon()
    except RuleError as error:
        raise click.UsageError(f"bad rule file:\n{error}") from error
    rows = []
    for name in lexicon.words:
        made = lexicon.compounds(name)
        rows.append({"name": name, "counts": lexicon.counts.get(name, ""),
                     "words": [w for w in lexicon.words[name] if w not in set(made)],
                     "modifiers": list(lexicon.modifiers.get(name, ())), "heads": list(lexicon.heads.get(name, ())),
                     "compounds": len(made), "means": lexicon.means.get(name, "")})
    if form == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    flat = [{**row, **{k: " ".join(row[k]) for k in ("words", "modifiers", "heads")},
             "compounds": str(row["compounds"])} for row in rows]
    if form == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CLASS_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
        return
    shown = ("name", "counts", "compounds", "words", "modifiers", "heads")
    for row in flat:
        for key in ("words", "modifiers", "heads"):
            row[key] = cut(row[key], 24)
    widths = {c: max([display_width(c)] + [display_width(row[c]) for row in flat]) for c in shown}
    click.echo("  ".join(pad(c, widths[c]) for c in shown).rstrip())
    for row in flat:
        click.echo("  ".join(pad(row[c], widths[c]) for c in shown).rstrip())
    click.echo(f"{len(rows)} classes, {sum(row['compounds'] for row in rows)} compounds of a modifier and a head")


def _count(n: int, noun: str) -> str:
    """3 rules, 1 rule."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
