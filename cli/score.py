"""`fangkong score`: precision, recall and F1 of a facts CSV against a gold file."""

from __future__ import annotations

import io
import json
import sys

import click

from fangkong.place_score import PlaceScore, places_of_facts, places_of_facts_file, read_places_file, score_places
from fangkong.run.pipeline import find_reports
from fangkong.score import (
    Score,
    ScoreInputError,
    metrics_of,
    read_facts,
    read_facts_file,
    read_gold_file,
    score,
    select_metrics,
)

SCORE_HELP = """Score a facts CSV (from fangkong extract) against gold facts (--gold) or places (--places).

Facts are matched per report (doc) and metric on value (relative tolerance 1e-6) and unit class;
gold facts marked "optional" are neither required nor penalised. Prints precision, recall and F1
per metric that has gold facts or predictions, then the micro and macro figures over all facts.
Metrics are the catalogue's plus any of your own found in either file; `other` is ignored.

GOLD is one JSON object a line: {"doc": "a.txt", "metric": "volunteers", "value": 47,
"unit": "名", "qualifier": "exact", "evidence": "47名志愿者", "optional": false}.

PLACES is one JSON object a line: {"doc": "a.txt", "adcode": "511011", "county": "东兴区",
"town": "永兴镇"} (empty strings where the report's place is unknown). A report's place is the county
code and town most of its facts carry; prints the county accuracy, the town accuracy over the reports
whose gold names a town, and how many reports of unknown place were given a county.

\b
Examples:
  fangkong extract reports/ --rules masks.toml -o facts.csv
  fangkong score --gold gold.jsonl facts.csv
  fangkong score --gold gold.jsonl facts.csv --docs-from reports/ --errors
  fangkong extract reports/ | fangkong score --gold gold.jsonl - --json
  fangkong score --gold gold.jsonl facts.csv --metrics core --min-f1 0.9
  fangkong score --places places.jsonl facts.csv --errors

\b
Exit codes:
  0    scored
  1    the micro F1 is below --min-f1
  2    usage error: a gold or facts file that cannot be read or is malformed
       (each problem listed with its line), an unknown metric
"""


def _from_stdin_or_file(path: str, read_stream, read_file):
    """`read_stream(stdin as text, "-")` for -, else `read_file(path)`; stdin that is not UTF-8 is an input error."""
    if path == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ScoreInputError(f"-: not UTF-8 text ({error.reason})") from error
        return read_stream(io.StringIO(text, newline=""), "-")
    return read_file(path)


def _facts(path: str):
    return _from_stdin_or_file(path, read_facts, read_facts_file)


def _read(reader, path: str):
    """Run a reader; a malformed or unreadable file is a usage error naming it (and its lines)."""
    try:
        return reader(path)
    except ScoreInputError as error:
        raise click.UsageError(f"cannot score:\n{error}") from error
    except OSError as error:
        raise click.UsageError(f"cannot read {path}: {error.strerror or error}") from error


def _value(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _print_table(result: Score) -> None:
    width = max([26] + [len(m.metric) + 1 for m in result.scored])
    click.echo(f"{'metric':{width}} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for m in result.scored:
        click.echo(f"{m.metric:{width}} {m.support:5d} {m.tp + m.fp:5d} {m.tp:5d} "
                   f"{m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f}")
    s = result.summary()
    click.echo(f"{'all (micro)':{width}} {s['gold']:5d} {s['predicted']:5d} {s['tp']:5d} "
               f"{s['micro_precision']:6.3f} {s['micro_recall']:6.3f} {s['micro_f1']:6.3f}")
    click.echo(f"docs {s['docs']}  macro-F1 {s['macro_f1']:.3f}  qualifier-accuracy {s['qualifier_accuracy']:.3f}")


def _place_facts(path: str) -> dict:
    return _from_stdin_or_file(path, places_of_facts, places_of_facts_file)


def _print_places(result: PlaceScore, errors: bool) -> None:
    if errors:
        for miss in result.misses:
            guess, gold = miss.predicted, miss.gold
            said = f"{guess.adcode} {guess.county} {guess.town}".strip() or "-"
            truth = f"{gold.adcode} {gold.county} {gold.town}".strip() or "-"
            click.echo(f"{miss.kind:6} {miss.doc}  got {said}  gold {truth}")
    click.echo(f"county  {result.county_right:4d}/{result.reports:<4d} {result.county_accuracy:6.3f}")
    click.echo(f"town    {result.town_right:4d}/{result.towns:<4d} {result.town_accuracy:6.3f}")
    click.echo(f"wrong county where the gold says unknown: {result.wrong_on_unknown} of {result.unknown}")


def _print_errors(result: Score) -> None:
    for e in result.errors:
        detail = f" {e.detail}" if e.detail else ""
        click.echo(f"{e.kind:5} {e.doc} {e.metric} {_value(e.value)} {e.unit}{detail}  {e.evidence[:60]}".rstrip())


@click.command("score", help=SCORE_HELP)
@click.argument("facts", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--gold", type=click.Path(dir_okay=False),
              help="The gold annotations: JSON lines, one fact a line.")
@click.option("--places", type=click.Path(dir_okay=False),
              help="Score places instead: the gold places, JSON lines, one report a line.")
@click.option("--docs-from", type=click.Path(exists=True, file_okay=False),
              help="Score every report in this folder (doc names as fangkong extract gives them), so "
                   "facts of a report without gold facts count as false. Default: the reports in GOLD.")
@click.option("--metrics", "metric_spec", default="all", show_default=True, metavar="core|all|NAMES",
              help="core, all, or metric names separated by commas.")
@click.option("--errors", is_flag=True,
              help="Also list each miss (MISS), false fact (FALSE) and wrong qualifier (QUAL).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and --errors) as JSON.")
@click.option("--min-f1", type=click.FloatRange(0, 1), help="Exit 1 where the micro F1 is below this.")
def score_command(facts: str, gold: str | None, places: str | None, docs_from: str | None, metric_spec: str,
                  errors: bool, as_json: bool, min_f1: float | None) -> None:
    if (gold is None) == (places is None):
        raise click.UsageError("give one of --gold (facts) or --places (places)")
    if places is not None:
        result = score_places(_read(read_places_file, places), _read(_place_facts, facts))
        if as_json:
            click.echo(json.dumps(result.as_dict(errors=errors), ensure_ascii=False, indent=1))
        else:
            _print_places(result, errors)
        return
    gold_facts = _read(read_gold_file, gold)
    predicted = _read(_facts, facts)
    try:
        metrics = select_metrics(metric_spec, metrics_of(gold_facts, predicted))
    except ScoreInputError as error:
        raise click.BadParameter(str(error), param_hint="--metrics") from error
    docs = {report.doc for report in find_reports([docs_from])} if docs_from else None
    result = score(gold_facts, predicted, docs=docs, metrics=metrics)
    if as_json:
        click.echo(json.dumps(result.as_dict(errors=errors), ensure_ascii=False, indent=1))
    else:
        if errors:
            _print_errors(result)
        _print_table(result)
    if min_f1 is not None and result.summary()["micro_f1"] < min_f1:
        sys.exit(1)
