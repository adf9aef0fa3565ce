"""`fangkong summarize FACTS`: the facts of `fangkong extract` → one row per report (or per place or month), a
column per metric."""

from __future__ import annotations

import sys

import click

from fangkong.output.formats import FORMATS, STREAM_FORMATS, MissingExtra, OutputError, format_for, open_writer
from fangkong.output.summary import LEVELS, MissingColumns, summarize, summarize_by

from .review import read_facts

SUMMARIZE_HELP = """One row per report: doc, title, published, place, then a column per metric holding the
sum of its total and single facts (the parts of a total never count twice), and <metric>_over, true
where any summed value was a lower bound (余, 多, 以上 …). Columns only for the metrics that occur, in the
catalogue's order, or those --metrics names. A report that copies an earlier one of the run (its facts'
duplicate_of is set) is left out unless --keep-duplicates.

--by county (or town, city, province, month; combined: --by county,month) gives one row per group instead:
its key columns (a place's names and adcode; month as YYYY-MM of as_of, else of published), the number of
reports, and the same sums and flags. Facts without a key form a group of their own with empty keys.

FACTS is a CSV written by `fangkong extract` (plain or --excel), or - for standard input.

\b
Examples:
  fangkong extract reports/ -o facts.csv && fangkong summarize facts.csv -o summary.xlsx
  fangkong summarize facts.csv --metrics checkpoints,volunteers > two.csv
  fangkong summarize facts.csv --by county,month -o counties.xlsx
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


def parse_levels(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    """`county,month` → ["county", "month"]; None where not given; BadParameter for an unknown or repeated level."""
    if value is None:
        return None
    levels = [level.strip() for level in value.split(",") if level.strip()]
    unknown = [level for level in levels if level not in LEVELS]
    if unknown or not levels:
        raise click.BadParameter(f"{unknown[0] if unknown else value!r} is not a level: use {', '.join(LEVELS)}, "
                                 "or several joined by commas")
    if len(set(levels)) < len(levels):
        raise click.BadParameter(f"a level given twice in {value!r}")
    return levels


@click.command(help=SUMMARIZE_HELP, short_help="One row per report (or place, or month): a column per metric.")
@click.argument("facts", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here (atomically); the suffix picks the format.")
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix, else csv).")
@click.option("--metrics", "metric_list", metavar="A,B", callback=parse_metrics,
              help="Only these metric columns, in this order.")
@click.option("--by", "levels", metavar="LEVEL,…", callback=parse_levels,
              help=f"One row per group instead of per report: {', '.join(LEVELS)}, or several (county,month).")
@click.option("--keep-duplicates", is_flag=True, help="Keep reports that copy an earlier one in the rows and sums.")
@click.option("--excel", is_flag=True, help="CSV/TSV for spreadsheets: a UTF-8 BOM and inert formula-like cells.")
def summarize_command(facts: str, output: str | None, format_: str | None, metric_list: list[str] | None,
                      levels: list[str] | None, keep_duplicates: bool, excel: bool) -> None:
    to_file = bool(output) and output != "-"
    format_ = format_for(output if to_file else None, format_)
    if not to_file and format_ not in STREAM_FORMATS and sys.stdout.isatty():
        raise click.UsageError(f"{format_} is binary, not for a terminal: give -o FILE or pipe it")
    frame = read_facts(facts)
    if levels is None:
        wide = summarize(frame, metric_list, keep_duplicates=keep_duplicates)
    else:
        try:
            wide = summarize_by(frame, levels, metric_list, keep_duplicates=keep_duplicates)
        except MissingColumns as error:
            raise click.ClickException(f"{facts} lacks the columns --by {','.join(levels)} needs: {error} "
                                       "(facts from an older fangkong? extract them again)") from error
    try:
        with open_writer(format_, output if to_file else sys.stdout, excel=excel, columns=list(wide.columns),
                         dtypes=dict(wide.dtypes)) as writer:
            writer.write_frame(wide)
    except MissingExtra as error:
        raise click.ClickException(str(error)) from error
    except OutputError as error:
        raise click.ClickException(str(error)) from error
