"""`fangkong gaps REPORTS…`: the quantities no rule claimed, grouped by measure word and head noun."""

from __future__ import annotations

import csv
import sys

import click

from fangkong.gaps import COLUMNS, gaps, iter_unclaimed
from fangkong.text.load import ExtractError

from .common import cut, display_width, load_ruleset, pad, rule_options

GAPS_HELP = """List every quantity no rule claimed, grouped by its measure word and the head noun of what it
counts, most frequent first: what the rules leave on the table.

The counts add up to the `other` rows of `fangkong extract --include-other` on the same reports and
rules. CSV (columns unit, head, count, example_1, example_2) when piped or with -o; a table on a terminal.

\b
Examples:
  fangkong gaps reports/ | head -20
  fangkong gaps reports/ --rules masks.toml -o gaps.csv
"""
TABLE_ROWS = 40  # groups a terminal table shows; CSV has them all


@click.command(help=GAPS_HELP, short_help="Quantities no rule claimed, by measure word and head noun.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the CSV here.")
@rule_options
def gaps_command(paths: tuple[str, ...], output: str | None, rule_paths: tuple[str, ...], no_defaults: bool) -> None:
    ruleset = load_ruleset(rule_paths, no_defaults)
    failed = []

    def on_error(failure: ExtractError) -> None:
        failed.append(failure)
        click.echo(f"error: {failure}", err=True)

    groups = gaps(iter_unclaimed(paths, ruleset=ruleset, on_error=on_error))
    rows = [[g.unit, g.head, str(g.count), g.example_1, g.example_2] for g in groups]
    if output:
        try:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                _write_csv(handle, rows)
        except OSError as error:
            raise click.ClickException(f"{output}: {error.strerror or error}") from error
    elif sys.stdout.isatty():
        _table(rows)
    else:
        _write_csv(sys.stdout, rows)
    if failed:
        sys.exit(1)


def _write_csv(handle, rows: list[list[str]]) -> None:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)


def _table(rows: list[list[str]]) -> None:
    total = sum(int(row[2]) for row in rows)
    shown = [[count, unit, head, cut(example, 60)] for unit, head, count, example, _ in rows[:TABLE_ROWS]]
    header = ["count", "unit", "head", "example"]
    widths = [max(len(header[0]), *(len(r[0]) for r in shown))] if shown else [5]
    widths += [max([len(header[i])] + [display_width(r[i]) for r in shown]) for i in (1, 2)]
    click.echo("  ".join([header[0].rjust(widths[0]), pad(header[1], widths[1]), pad(header[2], widths[2]),
                          header[3]]))
    for count, unit, head, example in shown:
        click.echo("  ".join([count.rjust(widths[0]), pad(unit, widths[1]), pad(head, widths[2]), example]))
    click.echo(f"{len(rows)} groups, {total} unclaimed quantities"
               + (f" (the first {TABLE_ROWS} groups shown; -o FILE or a pipe gives all)" if len(rows) > TABLE_ROWS
                  else ""))
