"""`fangkong` commands. Everything here parses options and prints; the work is the library's."""

from __future__ import annotations

import sys

import click

import fangkong
from fangkong.facts import to_frame
from fangkong.load import LoadError, load_bytes
from fangkong.pipeline import ExtractError, extract_loaded, find_reports, iter_facts
from fangkong.ruleset import RuleError, load_rules
from fangkong.writers import write_csv

EXTRACT_HELP = """Extract numeric facts from reports into a tidy CSV.

PATHS are report files and folders (walked recursively; .txt, .html, .htm and files without a
suffix; hidden files skipped), or - for one report on standard input.

\b
Examples:
  fangkong extract reports/ > facts.csv
  fangkong extract a.txt b.html -o facts.csv
  curl -s URL | fangkong extract - --name town.html
  fangkong extract reports/ --include-other -o all.csv

\b
Exit codes:
  0  every report extracted
  1  some reports failed (each named on stderr); the rest are still written
  2  usage error: bad option, missing path, bad rule file
"""


def _error(message: str) -> None:
    click.echo(f"fangkong: error: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(fangkong.__version__, "--version", prog_name="fangkong")
def cli() -> None:
    """fangkong: numeric facts from Chinese epidemic-prevention reports, as tidy tables."""


@cli.command(help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help="Write the CSV here instead of standard output.")
@click.option("--name", default="-", show_default=True, help="Doc name for a report read from stdin.")
@click.option("--include-other", is_flag=True, help="Also emit counted quantities no rule claimed (metric 'other').")
@click.option("--encoding", default=None, help="Decode every report with this encoding instead of detecting it.")
def extract(paths: tuple[str, ...], output: str | None, name: str, include_other: bool,
            encoding: str | None) -> None:
    try:
        load_rules()
    except RuleError as error:
        raise click.UsageError(f"bad rule file:\n{error}") from error
    files = [p for p in paths if p != "-"]
    try:
        reports = find_reports(files)
    except FileNotFoundError as error:
        raise click.BadParameter(f"no such file or folder: {error}", param_hint="PATHS") from error
    failed = []

    def on_error(failure: ExtractError) -> None:
        failed.append(failure)
        _error(str(failure))

    facts = []
    if "-" in paths:
        try:
            loaded = load_bytes(sys.stdin.buffer.read(), encoding)
            facts += extract_loaded(loaded, name, include_other=include_other)
        except LoadError as error:
            on_error(ExtractError(name, str(error)))
    facts += iter_facts(reports, include_other=include_other, encoding=encoding, on_error=on_error)
    frame = to_frame(facts)
    if output and output != "-":
        with open(output, "w", encoding="utf-8", newline="") as handle:
            write_csv(frame, handle)
    else:
        write_csv(frame, sys.stdout)
        sys.stdout.flush()
    if failed:
        sys.exit(1)


def main() -> None:
    """Console entry point."""
    cli()


if __name__ == "__main__":
    main()
