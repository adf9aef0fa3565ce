"""`fangkong review FACTS REPORTS… -o PAGE`, and the page `extract --html` writes: the HTML review page."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from fangkong.cli.explain import check_encoding
from fangkong.output.writers import FORMULA_STARTS, write_text_file
from fangkong.run.pipeline import find_reports
from fangkong.text.load import ExtractError, Report

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

REVIEW_HELP = """Write an HTML page to check facts by eye: an overview table, bar charts, and each report's
text with every fact highlighted (click one for its details; filter by metric).

FACTS is a CSV written by `fangkong extract` (plain or --excel); REPORTS are the files and folders it
was extracted from, given the same way (doc names must match), so that the texts can be shown. The
page is one file that works offline. It needs matplotlib (pip install "fangkong[html]").

\b
Examples:
  fangkong extract reports/ -o facts.csv && fangkong review facts.csv reports/ -o review.html
  fangkong extract reports/ --html review.html -o facts.csv      # the same in one run
"""


def say(level: str, message: str) -> None:
    """One message line on stderr: `fangkong: LEVEL: MESSAGE`."""
    click.echo(f"fangkong: {level}: {message}", err=True)


def write_page(facts: pd.DataFrame, reports: Iterable[Report], path: str, encoding: str | None = None) -> None:
    """Render the review page of `facts` with the texts of `reports` and write it to `path` (atomically).

    A report that cannot be read is one warning line (its facts are listed without text); a missing
    matplotlib or an unwritable path is a ClickException.
    """
    from fangkong.output.review import MissingExtra, load_reports, render_page  # pandas: imported when a page is made

    def on_error(failure: ExtractError) -> None:
        say("warning", f"{failure.path}: {failure.reason} (shown without its text)")

    texts = load_reports(reports, encoding, on_error)
    try:
        page = render_page(facts, texts)
    except MissingExtra as error:
        raise click.ClickException(str(error)) from error
    try:
        write_text_file(page, path)
    except OSError as error:
        raise click.ClickException(f"cannot write {path}: {error.strerror or error}") from error


def read_facts(path: str) -> pd.DataFrame:
    """A facts CSV (plain or --excel; `-` for stdin) → a DataFrame in the extractor's dtypes. Raises
    ClickException if unusable."""
    import pandas as pd
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                data = handle.read()
        excel = data[:3] == b"\xef\xbb\xbf"  # --excel output: a BOM, and formula-like cells guarded
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise click.ClickException(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from error
    needed = ("doc", "metric", "value", "qualifier", "evidence", "start", "end")
    absent = [c for c in needed if c not in frame.columns]
    if absent:
        raise click.ClickException(f"{path}: not a fangkong facts CSV (no {', '.join(absent)} column)")
    for column in frame.columns:
        if column in ("value", "value_high"):
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        elif column in ("start", "end"):
            numbers = pd.to_numeric(frame[column], errors="coerce")
            if numbers.isna().any():
                raise click.ClickException(f"{path}: column {column} holds a value that is not a number")
            frame[column] = numbers.astype("int64")
        else:
            text = frame[column].astype("string")
            if excel:
                text = text.map(_unguard, na_action="ignore").astype("string")
            frame[column] = text.mask(text == "") if column != "evidence" else text
    return frame


def _unguard(cell: str) -> str:
    """An --excel cell back to the text it guards ('=1 → =1)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


@click.command(help=REVIEW_HELP, short_help="Write the HTML page to check facts by eye.")
@click.argument("facts_csv", metavar="FACTS", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", metavar="REPORTS...", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Write the HTML page here.")
@click.option("--encoding", default=None, help="Decode every report with this encoding (as given to extract).")
def review(facts_csv: str, paths: tuple[str, ...], output: str, encoding: str | None) -> None:
    check_encoding(encoding)
    facts = read_facts(facts_csv)
    try:
        reports = find_reports(paths)
    except FileNotFoundError as error:
        raise click.BadParameter(f"no such file or folder: {error}", param_hint="REPORTS") from error
    write_page(facts, reports, output, encoding)
