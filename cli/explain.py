"""`fangkong explain REPORT`: the report with each fact's evidence highlighted and the facts under each sentence."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import click
from click import utils as click_utils

from fangkong.output.explain import brackets, explain
from fangkong.run.pipeline import extract_loaded
from fangkong.text.load import BinaryFileError, LoadError, load_bytes

from .common import load_ruleset, rule_options

EXPLAIN_HELP = """Print a report with each fact's evidence highlighted and, under each sentence, its facts.

REPORT is a report file, or - for standard input. On a terminal the evidence is coloured; piped or
redirected, it is marked [[like this]]. Each fact line reads: #n metric value unit qualifier · rule id,
then total / part of #n, the place and the as-of date where known (#n is the fact's id in the CSV, doc#n).

\b
Examples:
  fangkong explain reports/town.txt
  fangkong explain reports/town.txt | less
"""


def check_encoding(encoding: str | None) -> None:
    """A usage error (exit 2) for an --encoding Python does not know."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError as error:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from error


def _highlight(evidence: str) -> str:
    return click.style(evidence, fg="black", bg="yellow", bold=True)


@click.command(help=EXPLAIN_HELP, short_help="Print a report with each fact's evidence highlighted.")
@click.argument("report", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--include-other", is_flag=True, help="Also show counted quantities no rule claimed (metric 'other').")
@click.option("--encoding", default=None, help="Decode the report with this encoding instead of detecting it.")
@rule_options
@click.option("--color/--no-color", default=None,
              help="Colour the evidence, or mark it [[…]] (default: colour on a terminal only).")
def explain_command(report: str, include_other: bool, encoding: str | None, rule_paths: tuple[str, ...],
                    no_defaults: bool, color: bool | None) -> None:
    ruleset = load_ruleset(rule_paths, no_defaults)
    check_encoding(encoding)
    try:
        data = sys.stdin.buffer.read() if report == "-" else Path(report).read_bytes()
    except OSError as error:
        raise click.BadParameter(f"cannot read {report}: {error.strerror or error}", param_hint="REPORT") from error
    try:
        loaded = load_bytes(data, encoding)
    except BinaryFileError as error:
        raise click.ClickException(f"{report}: not a report: {error}") from error
    except LoadError as error:
        raise click.ClickException(f"{report}: {error}") from error
    doc = "-" if report == "-" else Path(report).name
    facts = extract_loaded(loaded, doc, include_other=include_other, ruleset=ruleset)
    coloured = not click_utils.should_strip_ansi(sys.stdout, color)
    for line in explain(loaded, facts, _highlight if coloured else brackets):
        click.echo(line, color=coloured)
