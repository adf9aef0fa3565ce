"""`fangkong` commands. Everything here parses options and prints; the work is the library's."""

from __future__ import annotations

import codecs
import heapq
import importlib
import io
import os
import sys
import warnings
from collections.abc import Iterable
from pathlib import Path

import click

import fangkong
from fangkong.cli.explain import explain_command
from fangkong.cli.gaps import gaps_command
from fangkong.cli.review import review, write_page
from fangkong.facts.duplicates import DuplicateFinder
from fangkong.facts.record import to_frame
from fangkong.output.formats import (
    FORMATS,
    STREAM_FORMATS,
    MissingExtra,
    OutputError,
    ReportBatches,
    WideWriter,
    check_format,
    format_for,
    open_writer,
)
from fangkong.rules.reader import load_rules
from fangkong.run.cache import ReportCache
from fangkong.run.parallel import default_jobs, run_reports
from fangkong.run.pipeline import extract_reports, iter_reports
from fangkong.text.load import ExtractError, Report

from .common import load_ruleset, rule_options
from .interrupts import CtrlC
from .progress import Progress
from .rules import rules
from .summarize import parse_metrics, summarize_command

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXTRACT_HELP = """Extract numeric facts from reports into a tidy table (CSV by default).

PATHS are report files and folders (walked recursively in sorted order; .txt, .html, .htm and
files without a suffix; hidden files skipped), or - for one report on standard input. The
encoding of each file is detected (UTF-8, GB18030/GBK, Big5, UTF-16 with a BOM).

Each report's facts are written as soon as it is done. A report that republishes an earlier one
(another site's copy, a traditional mirror, cut short) has that one's doc in duplicate_of; --wide leaves
it out unless --keep-duplicates. The format is --format, else the suffix
of -o (.csv .tsv .jsonl .parquet .xlsx .sqlite), else CSV. Parquet, xlsx and sqlite go to stdout
only when it is a pipe or a file, whole at the end.

\b
Examples:
  fangkong extract reports/ > facts.csv
  fangkong extract a.txt b.html -o facts.csv
  curl -s URL | fangkong extract - --name town.html
  fangkong extract reports/ --format jsonl | jq .value
  fangkong extract reports/ -o facts.xlsx            # facts and summary sheets
  fangkong extract reports/ -o facts.sqlite          # then: datasette facts.sqlite
  fangkong extract reports/ -f xlsx | ssh host 'cat > facts.xlsx'
  fangkong extract reports/ --jobs 0 --cache ~/.cache/fangkong -o facts.csv
  fangkong extract reports/ --engine dask --format parquet -o facts/   # a Dask cluster
  fangkong extract reports/ --excel -o facts.csv     # CSV to open in a spreadsheet
  fangkong extract reports/ --include-other -o all.csv
  fangkong extract reports/ --rules masks.toml       # your rules added to the shipped ones
  fangkong extract reports/ --rules my_rules/ --no-default-rules   # only yours
  fangkong extract reports/ -o facts.csv --html review.html   # and a page to check them by eye

\b
Exit codes:
  0    every report extracted (binary files skipped with a warning)
  1    some reports failed, each named on stderr; the rest are still written;
       or the output could not be written (an -o file is then left as it was)
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


class _Commands(click.Group):
    """The CLI's commands; those in LATER are imported when first asked for (run, or listed by --help):
    `score` reads CSVs with pandas, which `extract` does not import."""

    LATER = {"score": ("fangkong.cli.score", "score_command")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.LATER})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.LATER and name not in self.commands:
            module, attribute = self.LATER[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C before a run's own handling (rules loading) or in another command
            _interrupted(None, "")


@click.group(cls=_Commands, help=CLI_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version (and the rule set's) and exit.")
def cli() -> None:
    pass


@cli.command(help=EXTRACT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(allow_dash=True),
              help="Write here (atomically) instead of standard output; the suffix picks the format. With "
                   "--engine dask, the parquet dataset's folder.")
@click.option("-f", "--format", "format_", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix, else csv).")
@click.option("--name", default="-", show_default=True, help="Doc name for a report read from stdin.")
@click.option("--include-other", is_flag=True, help="Also emit counted quantities no rule claimed (metric 'other').")
@click.option("--encoding", default=None, help="Decode every report with this encoding instead of detecting it.")
@click.option("--excel", is_flag=True,
              help="CSV/TSV for spreadsheets: a UTF-8 BOM, and cells that start like formulas made inert.")
@rule_options
@click.option("--html", "html_page", type=click.Path(dir_okay=False),
              help="Also write the HTML review page of these facts here (needs matplotlib: fangkong[html]).")
@click.option("--keep-going/--fail-fast", default=True, show_default=True,
              help="On a bad file: report it and go on, or stop there (what was extracted is still written).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no warnings; errors are still shown.")
@click.option("--wide", is_flag=True,
              help="One row per report instead of one per fact: a column per metric (totals and singles summed).")
@click.option("--metrics", "metric_list", metavar="A,B", callback=parse_metrics,
              help="With --wide: only these metric columns, in this order.")
@click.option("--keep-duplicates", is_flag=True,
              help="With --wide (and the summary of xlsx and sqlite): keep republished copies of an earlier report "
                   "in the rows and sums.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Extract in this many worker processes (0: one per core); the output is the same. Default: one "
                   "per core for a run of 200 reports or more, else 1; -j1 keeps any run in one process. "
                   "With --engine dask: the LocalCluster's workers (default one per core).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Keep each report's facts in this folder; an unchanged file under unchanged rules is not "
                   "extracted again.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine's processes; dask: a Dask cluster, writing a parquet dataset "
                   "(needs --format parquet -o DIR and the dask extra).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: the scheduler to use (tcp://HOST:8786) instead of a LocalCluster.")
def extract(paths: tuple[str, ...], output: str | None, format_: str | None, name: str, include_other: bool,
            encoding: str | None, excel: bool, rule_paths: tuple[str, ...], no_defaults: bool,
            html_page: str | None, keep_going: bool, quiet: bool, wide: bool,
            metric_list: list[str] | None, keep_duplicates: bool, jobs: int | None, cache_dir: str | None,
            engine: str, scheduler: str | None) -> None:
    to_file = bool(output) and output != "-"
    format_ = format_for(output if to_file else None, format_)
    if not to_file and format_ not in STREAM_FORMATS and sys.stdout.isatty():
        raise click.UsageError(f"{format_} is binary, not for a terminal: give -o FILE or pipe it")
    if excel and format_ not in ("csv", "tsv", "xlsx"):
        raise click.UsageError(f"--excel is for csv and tsv (xlsx is always made safe), not {format_}")
    ruleset = load_ruleset(rule_paths, no_defaults)
    _check_engine(engine, scheduler, format_, output, excel, keep_going, jobs, wide or bool(html_page))
    if metric_list and not wide:
        raise click.UsageError("--metrics goes with --wide")
    if keep_duplicates and not wide and format_ not in ("xlsx", "sqlite"):
        raise click.UsageError("--keep-duplicates goes with --wide or the summary of an xlsx or sqlite output")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from error
    if html_page:
        from fangkong.output.review import MissingExtra as MissingHtmlExtra
        from fangkong.output.review import check_extra

        try:
            check_extra()
        except MissingHtmlExtra as error:
            raise click.UsageError(str(error)) from error
    given = [p for p in paths if p != "-"]
    try:
        reports = iter_reports(given)  # found as the run goes: a few bytes a file, not the list
    except FileNotFoundError as error:
        raise click.BadParameter(f"no such file or folder: {error}", param_hint="PATHS") from error
    try:
        check_format(format_)
    except MissingExtra as error:
        _say("error", str(error))
        sys.exit(EXIT_SOME_FAILED)
    cache = None
    if cache_dir:
        try:
            cache = ReportCache(cache_dir, ruleset.version, include_other=include_other, encoding=encoding)
        except OSError as error:
            raise click.BadParameter(f"cannot use {cache_dir}: {error.strerror or error}",
                                     param_hint="--cache") from error
    stdin = []
    if "-" in paths:  # stdin's report takes its place in doc order, as any other (and is named in messages)
        try:
            stdin = [Report(Path(name), name, sys.stdin.buffer.read())]
        except KeyboardInterrupt:  # Ctrl-C before the run began: nothing was written yet
            _interrupted(output if to_file else None, "; nothing written")
        reports = heapq.merge(stdin, reports, key=_report_order)
    if engine == "dask":
        sys.exit(_run_dask(list(reports), output, scheduler, jobs, rule_paths, no_defaults, quiet,
                           include_other=include_other, encoding=encoding, cache=cache))
    kept: list | None = [] if html_page else None  # the page needs every fact; the writer streams them
    with warnings.catch_warnings():
        if quiet:
            warnings.simplefilter("ignore")
        sink = (lambda target: WideWriter(format_, target, excel=excel, metrics=metric_list,
                                          keep_duplicates=keep_duplicates)) if wide else None
        total = Progress.count(lambda: len(stdin) + sum(1 for _ in iter_reports(given)), quiet)
        failed = _extract_and_write(reports, total, output if to_file else None, format_, excel, quiet, keep_going,
                                    kept, sink, jobs=jobs, cache=cache, keep_duplicates=keep_duplicates,
                                    include_other=include_other, encoding=encoding, ruleset=ruleset)
    if html_page:
        write_page(to_frame(kept), heapq.merge(stdin, iter_reports(given), key=_report_order), html_page, encoding)
    if failed:
        sys.exit(EXIT_SOME_FAILED)


def _report_order(report: Report) -> tuple[str, str]:
    return report.doc, str(report.path)


def _extract_and_write(reports: Iterable[Report], total: int | None, output: str | None, format_: str,
                       excel: bool, quiet: bool,
                       keep_going: bool, kept: list | None = None, sink=None, jobs: int | None = None,
                       cache: ReportCache | None = None, keep_duplicates: bool = False, **options) -> int:
    """The run: facts of report after report into one writer (to `output`, or stdout where None), messages
    on stderr; each fact also appended to `kept` where given; `sink(target)`, where given, opens the writer
    instead (the wide summary). With `jobs` other than 1, or a `cache`, the reports go through worker
    processes and the cache (same facts, same order). Copies of an earlier report carry its doc in
    `duplicate_of` (`keep_duplicates`: the xlsx and sqlite summary keeps them). Returns how many reports
    failed; exits itself on a write error, a closed pipe or Ctrl-C."""
    progress = Progress(total or 0, enabled=total is not None and Progress.wanted(total, quiet))
    failed: list[ExtractError] = []

    def say(level: str, message: str) -> None:
        if level == "error" or not quiet:
            progress.say(f"fangkong: {level}: {message}")

    def on_error(failure: ExtractError) -> None:
        if failure.skipped:
            say("warning", f"{failure.path}: skipped: {failure.reason}")
            return
        failed.append(failure)
        say("error", str(failure))
        if not keep_going:
            raise _Stop

    def on_warning(path: str, message: str) -> None:
        say("warning", f"{path}: {message}")

    writer = None
    with CtrlC() as ctrl_c:
        try:
            try:
                target = output or sys.stdout
                writer = sink(target) if sink else open_writer(format_, target, excel=excel,
                                                               keep_duplicates=keep_duplicates)
                batches = ReportBatches(writer)
                if jobs is None:  # a long run uses every core; -j1 keeps it in one process
                    reports, jobs = default_jobs(reports)
                reports = batches.announced(reports)

                def on_done(report: Report) -> None:
                    ctrl_c.check()  # a Ctrl-C a finaliser dropped stops the run here
                    batches.report_done(report)
                    progress.done(batches.facts)

                jobs = 1 if jobs is None else jobs
                duplicates = DuplicateFinder()  # the run's: copies are marked in the order of the reports
                if jobs == 1 and cache is None:
                    found = extract_reports(reports, on_error=on_error, on_warning=on_warning, on_done=on_done,
                                            duplicates=duplicates, **options)
                else:
                    found = run_reports(reports, jobs=jobs, cache=cache, on_error=on_error, on_warning=on_warning,
                                        on_done=on_done, duplicates=duplicates, **options)
                try:
                    for fact in found:
                        batches.add(fact)
                        if kept is not None:
                            kept.append(fact)
                except _Stop:
                    say("error", "stopped at the first failure (--fail-fast); facts extracted so far are written")
                ctrl_c.check()  # never commit the output after a Ctrl-C
                progress.close()
                batches.finish()
            except OutputError as error:
                progress.close()
                kept = (", left as it was" if Path(output).exists() else ", nothing written") if output else ""
                _say("error", str(error) + kept)
                _detach_stdout()
                sys.exit(EXIT_SOME_FAILED)
            except BrokenPipeError:
                writer.abort()
                progress.close()
                _detach_stdout()  # a reader that stops early (`| head`) ends the run quietly
                sys.exit(EXIT_OK)
        except KeyboardInterrupt:
            if writer is not None:
                writer.abort()
            progress.close()
            _interrupted(output, "; the output stops short")
    return len(failed)


def _interrupted(output: str | None, otherwise: str) -> None:
    """Ctrl-C: one line naming the -o file left as it was (else `otherwise` says what became of stdout), exit 130."""
    click.echo("", err=True)
    _say("error", "interrupted" + (f"; {output} left as it was" if output else otherwise))
    sys.exit(EXIT_INTERRUPTED)


def _check_engine(engine: str, scheduler: str | None, format_: str, output: str | None, excel: bool,
                  keep_going: bool, jobs: int | None, whole_run: bool) -> None:
    """Usage errors for options that do not go together with the engine asked for."""
    if engine == "local":
        if scheduler:
            raise click.UsageError("--scheduler goes with --engine dask")
        if output and output != "-" and Path(output).is_dir():
            raise click.BadParameter(f"{output} is a folder", param_hint="-o/--output")
        return
    if format_ != "parquet" or not output or output == "-":
        raise click.UsageError("--engine dask writes a parquet dataset: give --format parquet -o DIR")
    if excel or whole_run:
        raise click.UsageError("--excel, --wide and --html are for the local engine; --engine dask writes parquet")
    if not keep_going:
        raise click.UsageError("--fail-fast is not available with --engine dask")
    if scheduler and jobs is not None:
        raise click.UsageError("--jobs sizes a LocalCluster; with --scheduler the cluster's own workers run")


def _run_dask(reports: list[Report], output: str, scheduler: str | None, jobs: int | None,
              rule_paths: tuple[str, ...], no_defaults: bool, quiet: bool, **options) -> int:
    """--engine dask: the reports extracted on a Dask cluster into the parquet dataset `output`; the exit code."""
    from fangkong.rules.reader import user_rule_files
    from fangkong.run.dask_engine import EngineError, RunFailed, run_dask

    failed: list[ExtractError] = []

    def on_error(failure: ExtractError) -> None:
        if failure.skipped:
            if not quiet:
                _say("warning", f"{failure.path}: skipped: {failure.reason}")
            return
        failed.append(failure)
        _say("error", str(failure))

    def on_warning(path: str, message: str) -> None:
        if not quiet:
            _say("warning", f"{path}: {message}")

    try:
        run_dask(reports, output, scheduler=scheduler, workers=jobs or None,
                 rules_files=user_rule_files(rule_paths) if rule_paths else None, defaults=not no_defaults,
                 on_error=on_error, on_warning=on_warning, **options)
    except EngineError as error:
        raise click.UsageError(str(error)) from error
    except RunFailed as error:
        raise click.ClickException(f"the Dask run failed, {output} left as it was: {error}") from error
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror or error}") from error
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _detach_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit cannot fail (and complain) again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):  # not a real file (a test's captured stdout)
        pass


cli.add_command(rules)
cli.add_command(explain_command, "explain")
cli.add_command(review, "review")
cli.add_command(summarize_command, "summarize")
cli.add_command(gaps_command, "gaps")


def main() -> None:
    """Console entry point."""
    cli()


if __name__ == "__main__":
    main()
