"""`fangkong` commands. Everything here parses options and prints; the work is the library's."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import click

import fangkong
from fangkong.cli.explain import explain_command
from fangkong.cli.review import review, write_page
from fangkong.facts import Fact, to_frame
from fangkong.pipeline import ExtractError, Report, find_reports, iter_facts
from fangkong.review import MissingExtra, check_extra
from fangkong.ruleset import load_rules
from fangkong.writers import write_csv, write_csv_file

from .common import load_ruleset, rule_options
from .rules import rules
from .score import score_command

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXTRACT_HELP = """Extract numeric facts from reports into a tidy CSV.

PATHS are report files and folders (walked recursively in sorted order; .txt, .html, .htm and
files without a suffix; hidden files skipped), or - for one report on standard input. The
encoding of each file is detected (UTF-8, GB18030/GBK, Big5, UTF-16 with a BOM).

\b
Examples:
  fangkong extract reports/ > facts.csv
  fangkong extract a.txt b.html -o facts.csv
  curl -s URL | fangkong extract - --name town.html
  fangkong extract reports/ --excel -o facts.csv     # to open in a spreadsheet
  fangkong extract reports/ --include-other -o all.csv
  fangkong extract reports/ --rules masks.toml       # your rules added to the shipped ones
  fangkong extract reports/ --rules my_rules/ --no-default-rules   # only yours
  fangkong extract reports/ -o facts.csv --html review.html   # and a page to check them by eye

\b
Exit codes:
  0    every report extracted (binary files skipped with a warning)
  1    some reports failed, each named on stderr; the rest are still written
  2    usage error: bad option, missing path, bad rule file (see: fangkong rules check)
  130  interrupted (Ctrl-C); an -o file is left as it was
"""


def _say(level: str, message: str) -> None:
    click.echo(f"fangkong: {level}: {message}", err=True)


class _Stop(Exception):
    """Raised inside the extraction loop to end it at the first failure (--fail-fast)."""


CLI_HELP = """fangkong: numeric facts from Chinese epidemic-prevention reports, as tidy tables.

\b
Examples:
  fangkong extract reports/ -o facts.csv
  fangkong rules                                  # every metric and rule
  fangkong rules check masks.toml                 # validate a rule file of yours
  fangkong score --gold gold.jsonl facts.csv      # precision, recall, F1
  eval "$(_FANGKONG_COMPLETE=bash_source fangkong)"   # tab completion in bash
"""


def version_line() -> str:
    """`fangkong, version X (rules DIGEST)`: the package's version and the shipped rule set's."""
    return f"fangkong, version {fangkong.__version__} (rules {load_rules().version})"


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_line())
        ctx.exit()


@click.group(help=CLI_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version (and the rule set's) and exit.")
def cli() -> None:
    pass


@cli.command(help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the CSV here (atomically) instead of standard output.")
@click.option("--name", default="-", show_default=True, help="Doc name for a report read from stdin.")
@click.option("--include-other", is_flag=True, help="Also emit counted quantities no rule claimed (metric 'other').")
@click.option("--encoding", default=None, help="Decode every report with this encoding instead of detecting it.")
@click.option("--excel", is_flag=True,
              help="CSV for spreadsheets: a UTF-8 BOM, and cells that start like formulas made inert.")
@rule_options
@click.option("--html", "html_page", type=click.Path(dir_okay=False),
              help="Also write the HTML review page of these facts here (needs matplotlib: fangkong[html]).")
@click.option("--keep-going/--fail-fast", default=True, show_default=True,
              help="On a bad file: report it and go on, or stop there (what was extracted is still written).")
def extract(paths: tuple[str, ...], output: str | None, name: str, include_other: bool,
            encoding: str | None, excel: bool, rule_paths: tuple[str, ...], no_defaults: bool,
            html_page: str | None, keep_going: bool) -> None:
    ruleset = load_ruleset(rule_paths, no_defaults)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from error
    if html_page:
        try:
            check_extra()
        except MissingExtra as error:
            raise click.UsageError(str(error)) from error
    try:
        reports = find_reports(p for p in paths if p != "-")
    except FileNotFoundError as error:
        raise click.BadParameter(f"no such file or folder: {error}", param_hint="PATHS") from error
    failed: list[ExtractError] = []

    def on_error(failure: ExtractError) -> None:
        if failure.skipped:
            _say("warning", f"{failure.path}: skipped: {failure.reason}")
            return
        failed.append(failure)
        _say("error", str(failure))
        if not keep_going:
            raise _Stop

    def on_warning(path: str, message: str) -> None:
        _say("warning", f"{path}: {message}")

    facts: list[Fact] = []
    try:
        try:
            if "-" in paths:
                reports = [Report(Path(name), name, sys.stdin.buffer.read()), *reports]  # named in messages too
            for fact in iter_facts(reports, include_other=include_other, encoding=encoding,
                                   on_error=on_error, on_warning=on_warning, ruleset=ruleset):
                facts.append(fact)
        except _Stop:
            _say("error", "stopped at the first failure (--fail-fast); facts extracted so far are written")
        frame = to_frame(facts)
        if output and output != "-":
            try:
                write_csv_file(frame, output, excel=excel)
            except OSError as error:
                raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from error
        else:
            _write_stdout(frame, excel)
        if html_page:
            write_page(frame, reports, html_page, encoding)
    except KeyboardInterrupt:
        click.echo("", err=True)
        _say("error", "interrupted; nothing written" + (f", {output} left as it was" if output else ""))
        sys.exit(EXIT_INTERRUPTED)
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _write_stdout(frame, excel: bool) -> None:
    """CSV to stdout; a reader that stops early (`| head`) ends the run quietly."""
    try:
        write_csv(frame, sys.stdout, excel=excel)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again flushing stdout at exit: point it at /dev/null first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_OK)


cli.add_command(rules)
cli.add_command(score_command)
cli.add_command(explain_command, "explain")
cli.add_command(review, "review")


def main() -> None:
    """Console entry point."""
    cli()


if __name__ == "__main__":
    main()
