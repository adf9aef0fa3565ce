"""`fangkong` commands. Everything here parses options and prints; the work is the library's."""

from __future__ import annotations

import codecs
import os
import sys
from itertools import chain
from pathlib import Path

import click

import fangkong
from fangkong.cache import ReportCache
from fangkong.facts import Fact, to_frame
from fangkong.parallel import run_reports
from fangkong.pipeline import ExtractError, Report, iter_facts, iter_reports
from fangkong.ruleset import RuleError, load_rules
from fangkong.writers import write_csv, write_csv_file

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
  fangkong extract reports/ --rules my_rules/        # your own rule files
  fangkong extract reports/ --jobs 0 --cache ~/.cache/fangkong -o facts.csv

\b
Exit codes:
  0    every report extracted (binary files skipped with a warning)
  1    some reports failed, each named on stderr; the rest are still written
  2    usage error: bad option, missing path, bad rule file
  130  interrupted (Ctrl-C); an -o file is left as it was
"""


def _say(level: str, message: str) -> None:
    click.echo(f"fangkong: {level}: {message}", err=True)


class _Stop(Exception):
    """Raised inside the extraction loop to end it at the first failure (--fail-fast)."""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(fangkong.__version__, "--version", prog_name="fangkong")
def cli() -> None:
    """fangkong: numeric facts from Chinese epidemic-prevention reports, as tidy tables."""


@cli.command(help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="Write the CSV here (atomically) instead of standard output; with --engine dask, the "
                   "dataset's folder.")
@click.option("--name", default="-", show_default=True, help="Doc name for a report read from stdin.")
@click.option("--include-other", is_flag=True, help="Also emit counted quantities no rule claimed (metric 'other').")
@click.option("--encoding", default=None, help="Decode every report with this encoding instead of detecting it.")
@click.option("--excel", is_flag=True,
              help="CSV for spreadsheets: a UTF-8 BOM, and cells that start like formulas made inert.")
@click.option("--rules", "rules_dir", type=click.Path(exists=True, file_okay=False),
              help="Use the *.toml rule files in this folder instead of the shipped ones.")
@click.option("--keep-going/--fail-fast", default=True, show_default=True,
              help="On a bad file: report it and go on, or stop there (what was extracted is still written).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Extract in this many worker processes (0: one per core; default 1); the output is the same. "
                   "With --engine dask: the LocalCluster's workers (default one per core).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Keep each report's facts in this folder; an unchanged file under unchanged rules is not "
                   "extracted again.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask cluster, writing a parquet dataset "
                   "(needs --format parquet -o DIR and the dask extra).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (tcp://HOST:8786) instead of a LocalCluster.")
@click.option("--format", "output_format", type=click.Choice(["csv", "parquet"]), default="csv",
              show_default=True, help="csv; parquet: a partitioned dataset, written by --engine dask.")
def extract(paths: tuple[str, ...], output: str | None, name: str, include_other: bool,
            encoding: str | None, excel: bool, rules_dir: str | None, keep_going: bool, jobs: int | None,
            cache_dir: str | None, engine: str, scheduler: str | None, output_format: str) -> None:
    _check_engine(engine, scheduler, output_format, output, excel, keep_going, jobs)
    try:
        ruleset = load_rules(rules_dir)
    except (RuleError, OSError, UnicodeDecodeError) as error:
        raise click.UsageError(f"bad rule file:\n{error}") from error
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from error
    try:
        reports = iter_reports(p for p in paths if p != "-")  # walked as the run goes: memory stays flat
    except FileNotFoundError as error:
        raise click.BadParameter(f"no such file or folder: {error}", param_hint="PATHS") from error
    cache = None
    if cache_dir:
        try:
            cache = ReportCache(cache_dir, ruleset.version, include_other=include_other, encoding=encoding)
        except OSError as error:
            raise click.BadParameter(f"cannot use {cache_dir}: {error.strerror or error}",
                                     param_hint="--cache") from error
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
                reports = chain([Report(Path(name), name, sys.stdin.buffer.read())], reports)  # named in messages too
            if engine == "dask":
                _run_dask(reports, output, scheduler, jobs, rules_dir, include_other, encoding, cache, on_error,
                          on_warning)
                sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)
            options = {"include_other": include_other, "encoding": encoding, "on_error": on_error,
                       "on_warning": on_warning, "ruleset": ruleset}
            jobs = 1 if jobs is None else jobs
            if jobs == 1 and cache is None:
                found = iter_facts(reports, **options)
            else:
                found = run_reports(reports, jobs=jobs, cache=cache, **options)
            for fact in found:
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
    except KeyboardInterrupt:
        click.echo("", err=True)
        _say("error", "interrupted; nothing written" + (f", {output} left as it was" if output else ""))
        sys.exit(EXIT_INTERRUPTED)
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _check_engine(engine: str, scheduler: str | None, output_format: str, output: str | None, excel: bool,
                  keep_going: bool, jobs: int | None) -> None:
    """Usage errors for options that do not go together with the engine asked for."""
    if engine == "local":
        if output_format == "parquet":
            raise click.UsageError("--format parquet is written by --engine dask; the local engine writes CSV")
        if scheduler:
            raise click.UsageError("--scheduler goes with --engine dask")
        if output and output != "-" and Path(output).is_dir():
            raise click.BadParameter(f"{output} is a folder", param_hint="-o/--output")
        return
    if output_format != "parquet" or not output or output == "-":
        raise click.UsageError("--engine dask writes a parquet dataset: give --format parquet -o DIR")
    if excel:
        raise click.UsageError("--excel is for CSV; --engine dask writes parquet")
    if not keep_going:
        raise click.UsageError("--fail-fast is not available with --engine dask")
    if scheduler and jobs is not None:
        raise click.UsageError("--jobs sizes a LocalCluster; with --scheduler the cluster's own workers run")


def _run_dask(reports, output, scheduler, jobs, rules_dir, include_other, encoding, cache, on_error,
              on_warning) -> None:
    """--engine dask: the reports extracted on a Dask cluster into the parquet dataset `output`."""
    from fangkong.dask_engine import EngineError, RunFailed, run_dask
    from fangkong.ruleset import rule_files

    try:
        run_dask(reports, output, scheduler=scheduler, workers=jobs or None,
                 rules_files=rule_files(Path(rules_dir)) if rules_dir else None, include_other=include_other,
                 encoding=encoding, cache=cache, on_error=on_error, on_warning=on_warning)
    except EngineError as error:
        raise click.UsageError(str(error)) from error
    except RunFailed as error:
        raise click.ClickException(f"the Dask run failed, {output} left as it was: {error}") from error
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from error


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


def main() -> None:
    """Console entry point."""
    cli()


if __name__ == "__main__":
    main()
