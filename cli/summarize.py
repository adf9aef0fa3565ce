"""`fangkong summarize FACTS`: the facts of `fangkong extract` → one row per report, a column per metric."""

from __future__ import annotations

import sys

import click

from fangkong.formats import FORMATS, STREAM_FORMATS, MissingExtra, OutputError, format_for, open_writer
from fangkong.summary import summarize

from .review import read_facts

SUMMARIZE_HELP = """One row per report: doc, title, published, place, then a column per metric holding the
sum of its total and single facts (the parts of a total never count twice), and <metric>_over, true
where any summed value was a lower bound (余, 多, 以上 …). Columns only for the metrics that occur, in the
catalogue's order, or those --metrics names.

FACTS is a CSV written by `fangkong extract` (plain or --excel), or - for standard input.

\b
Examples:
  fangkong extract reports/ -o facts.csv && fangkong summarize facts.csv -o summary.xlsx
  fangkong summarize facts.csv --metrics checkpoints,volunteers > two.csv
  fangkong extract reports/ --wide -o summary.csv        # the same without the facts file
"""


def parse_metrics(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    """`a,b` → ["a", "b"]; None where not given. A click callback."""
    if value is None:
        return None
    metrics = [m.strip() for m in value.split(",") if m.strip()]
    if not metrics:
        raise click.BadParameter("name at least one metric, e.g. checkpoints,volunteers")
    return metrics


@click.command(help=SUMMARIZE_HELP, short_help="One row per report: a column per metric.")
@click.argument("facts", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here (atomically); the suffix picks the format.")
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix, else csv).")
@click.option("--metrics", "metric_list", metavar="A,B", callback=parse_metrics,
              help="Only these metric columns, in this order.")
@click.option("--excel", is_flag=True, help="CSV/TSV for spreadsheets: a UTF-8 BOM and inert formula-like cells.")
def summarize_command(facts: str, output: str | None, format_: str | None, metric_list: list[str] | None,
                      excel: bool) -> None:
    to_file = bool(output) and output != "-"
    format_ = format_for(output if to_file else None, format_)
    if not to_file and format_ not in STREAM_FORMATS and sys.stdout.isatty():
        raise click.UsageError(f"{format_} is binary, not for a terminal: give -o FILE or pipe it")
    frame = read_facts(facts)
    wide = summarize(frame, metric_list)
    try:
        with open_writer(format_, output if to_file else sys.stdout, excel=excel, columns=list(wide.columns),
                         dtypes=dict(wide.dtypes)) as writer:
            writer.write_frame(wide)
    except MissingExtra as error:
        raise click.ClickException(str(error)) from error
    except OutputError as error:
        raise click.ClickException(str(error)) from error
