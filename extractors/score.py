"""Score: extracted facts against gold annotations → precision, recall and F1 per metric and overall.

Facts are matched per report (`doc`) and metric on value (relative tolerance 1e-6) and unit class,
as the team's catalogue (METRICS.md) defines them: a gold fact takes the first predicted fact of its
report and metric with the same value and unit class. Gold facts marked `optional` are neither
required nor penalised: one that is matched takes its prediction out of play, one that is not is no
miss. Predictions with metric `other` are ignored.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from fangkong.rules.model import METRICS, USER_METRIC

CORE = METRICS[:5]
QUALIFIERS = ("exact", "over", "approx", "under")
TOLERANCE = 1e-6
# The scorer's table in METRICS.md: every measure word not listed here is of class "count".
UNIT_CLASS_WORDS = {
    "person": ("人", "名", "位", "人员"),
    "person-times": ("人次", "名次"),
    "household": ("户", "户次"),
    "vehicle": ("辆", "台车"),
    "vehicle-times": ("辆次", "台次", "车次"),
    "times": ("次", "场", "轮", "期", "遍", "场次"),
    "money": ("元", "万元", "亿元", "块", "块钱"),
    "area": ("平方米", "㎡", "m2", "平米", "万平方米"),
    "mass": ("吨", "公斤", "千克", "斤"),
}
_CLASS_OF = {word: name for name, words in UNIT_CLASS_WORDS.items() for word in words}
FACT_COLUMNS = ("doc", "metric", "value", "unit")  # what a facts CSV must have; qualifier and evidence are read too
MAX_PROBLEMS = 20  # a file that is wrong throughout is not listed line by line to the end


class ScoreInputError(ValueError):
    """A gold or facts file that cannot be scored; the message lists its problems, one a line (FILE:LINE: …)."""


@dataclass(frozen=True)
class ScoredFact:
    """One fact as the scorer sees it, from a gold file or a facts CSV (`line` is where it was read)."""

    doc: str
    metric: str
    value: float
    unit: str
    qualifier: str = "exact"
    evidence: str = ""
    optional: bool = False
    line: int = 0


@dataclass
class MetricScore:
    """The counts of one metric: true positives, false positives, misses, and matches with the right qualifier."""

    metric: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    qualifier_ok: int = 0

    @property
    def support(self) -> int:
        """Required gold facts."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """Matched predictions over all predictions (0 where there are none)."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Matched gold facts over the required gold facts (0 where there are none)."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    def as_dict(self) -> dict:
        """The counts and figures, for JSON."""
        return {"metric": self.metric, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "qualifier_ok": self.qualifier_ok, "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "support": self.support}


@dataclass(frozen=True)
class ScoreError:
    """One disagreement: MISS (a required gold fact not found), FALSE (a fact not in gold), QUAL (matched,
    but the qualifier differs: `detail` says gold≠predicted)."""

    kind: str
    doc: str
    metric: str
    value: float
    unit: str
    evidence: str
    detail: str = ""


@dataclass
class Score:
    """Figures per metric (in `metrics` order), the errors, and the number of reports scored."""

    metrics: list[MetricScore]
    errors: list[ScoreError] = field(default_factory=list)
    docs: int = 0

    @property
    def scored(self) -> list[MetricScore]:
        """The metrics that have gold facts or predictions: the ones figures are shown for."""
        return [m for m in self.metrics if m.support or m.fp]

    def summary(self) -> dict:
        """Totals and micro figures (over all facts), macro F1 (over the scored metrics), qualifier accuracy."""
        tp = sum(m.tp for m in self.metrics)
        fp = sum(m.fp for m in self.metrics)
        fn = sum(m.fn for m in self.metrics)
        precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        scored = self.scored
        return {
            "docs": self.docs, "gold": tp + fn, "predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn,
            "micro_precision": precision, "micro_recall": recall, "micro_f1": _f1(precision, recall),
            "macro_f1": sum(m.f1 for m in scored) / len(scored) if scored else 0.0,
            "qualifier_accuracy": _ratio(sum(m.qualifier_ok for m in self.metrics), tp),
        }

    def as_dict(self, errors: bool = False) -> dict:
        """Summary and every metric's figures (and the errors, if asked), for JSON."""
        out = {"summary": self.summary(), "metrics": [m.as_dict() for m in self.metrics]}
        if errors:
            out["errors"] = [asdict(e) for e in self.errors]
        return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def unit_class(unit: str | None) -> str:
    """A measure word as written → its unit class in the scorer's table ("count" for any other word)."""
    return _CLASS_OF.get((unit or "").strip(), "count")


def same_value(predicted: float, gold: float) -> bool:
    """True where two values agree within the relative tolerance (absolute for values under 1)."""
    return abs(predicted - gold) <= TOLERANCE * max(1.0, abs(gold))


def _raise(name: str, problems: list[str]) -> None:
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + [f"{name}: … and {len(problems) - MAX_PROBLEMS} more problems"]
    raise ScoreInputError("\n".join(problems))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def read_gold(lines: Iterable[str], name: str = "gold") -> list[ScoredFact]:
    """Lines of a gold file (one JSON object a line, blank lines skipped) → its facts.

    Each object needs `doc`, `metric` (a catalogue key or a metric of your own), `value` (a number) and
    `unit`; `qualifier` (exact, over, approx, under; default exact), `evidence` and `optional` (true or
    false) may follow, other keys are ignored. Raises ScoreInputError listing every problem as NAME:LINE: ….
    """
    facts, problems = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{where}: not a JSON object ({error.msg}, column {error.colno})")
            continue
        if not isinstance(entry, dict):
            problems.append(f"{where}: not a JSON object but {type(entry).__name__}")
            continue
        bad = [f"'{key}' is missing" for key in ("doc", "metric", "value", "unit") if key not in entry]
        doc, metric, value = entry.get("doc"), entry.get("metric"), entry.get("value")
        if "doc" in entry and not (isinstance(doc, str) and doc):
            bad.append("'doc' must be a non-empty string")
        if "metric" in entry and not (isinstance(metric, str) and USER_METRIC.fullmatch(metric)
                                      and metric != "other"):
            bad.append(f"'metric' {metric!r} is not a metric name (lower-case letters, digits, _)")
        if "value" in entry and not _is_number(value):
            bad.append(f"'value' {value!r} is not a number")
        if "unit" in entry and not isinstance(entry["unit"], str):
            bad.append("'unit' must be a string")
        qualifier = entry.get("qualifier") or "exact"
        if qualifier not in QUALIFIERS:
            bad.append(f"'qualifier' {qualifier!r} is not one of {', '.join(QUALIFIERS)}")
        if not isinstance(entry.get("optional", False), bool):
            bad.append("'optional' must be true or false")
        if not isinstance(entry.get("evidence", ""), str):
            bad.append("'evidence' must be a string")
        if bad:
            problems += [f"{where}: {problem}" for problem in bad]
            continue
        facts.append(ScoredFact(doc, metric, float(value), entry["unit"], qualifier, entry.get("evidence", ""),
                                entry.get("optional", False), number))
    if problems:
        _raise(name, problems)
    return facts


def read_facts(handle: Iterable[str], name: str = "facts") -> list[ScoredFact]:
    """A facts CSV as `fangkong extract` writes it (a BOM allowed) → its facts, `other` left out.

    It needs the columns doc, metric, value and unit; qualifier and evidence are used where present.
    Raises ScoreInputError listing the problems (missing columns, values that are not numbers).
    """
    reader = csv.DictReader(handle)
    fieldnames = [column.lstrip("\ufeff") for column in reader.fieldnames or []]
    reader.fieldnames = fieldnames
    missing = [column for column in FACT_COLUMNS if column not in fieldnames]
    if missing:
        _raise(name, [f"{name}:1: not a facts CSV: the column(s) {', '.join(missing)} are missing"])
    facts, problems = [], []
    for row in reader:
        metric = (row["metric"] or "").strip()
        if metric == "other":
            continue
        try:
            value = float(row["value"])
        except (TypeError, ValueError):
            problems.append(f"{name}:{reader.line_num}: value {row['value']!r} is not a number")
            continue
        facts.append(ScoredFact(row["doc"] or "", metric, value, row["unit"] or "",
                                (row.get("qualifier") or "").strip() or "exact", row.get("evidence") or "",
                                line=reader.line_num))
    if problems:
        _raise(name, problems)
    return facts


def read_gold_file(path: str | os.PathLike) -> list[ScoredFact]:
    """A gold file (JSON lines, UTF-8) → its facts; see read_gold. Raises OSError, ScoreInputError."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScoreInputError(f"{path}: not UTF-8 text ({error.reason})") from error
    return read_gold(text.splitlines(), str(path))


def read_facts_file(path: str | os.PathLike) -> list[ScoredFact]:
    """A facts CSV file → its facts; see read_facts. Raises OSError, ScoreInputError."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScoreInputError(f"{path}: not UTF-8 text ({error.reason})") from error
    return read_facts(io.StringIO(text, newline=""), str(path))


def facts_from_frame(frame: pd.DataFrame) -> list[ScoredFact]:
    """A DataFrame of facts (fangkong.extract_* output) → the facts to score, `other` left out."""
    return [ScoredFact(str(row.doc), str(row.metric), float(row.value), str(row.unit),
                       str(row.qualifier) if pd.notna(row.qualifier) else "exact")
            for row in frame.itertuples() if row.metric != "other"]


def metrics_of(gold: Iterable[ScoredFact], facts: Iterable[ScoredFact]) -> list[str]:
    """The metrics to score: the catalogue's, then any other metric found in gold or facts, sorted."""
    found = {fact.metric for fact in [*gold, *facts]} - set(METRICS) - {"other"}
    return [*METRICS, *sorted(found)]


def _match(gold: list[ScoredFact], predicted: list[ScoredFact]):
    """One report's and metric's facts → matched (gold, predicted) pairs, missed required gold, unmatched
    predictions. Required gold facts choose first, so an optional one never takes a required one's match."""
    left = list(predicted)
    pairs, missed = [], []
    for fact in sorted(gold, key=lambda f: f.optional):
        cls = unit_class(fact.unit)
        hit = next((p for p in left if same_value(p.value, fact.value) and unit_class(p.unit) == cls), None)
        if hit is None:
            if not fact.optional:
                missed.append(fact)
            continue
        left.remove(hit)
        if not fact.optional:
            pairs.append((fact, hit))
    return pairs, missed, left


def score(gold: Sequence[ScoredFact], facts: Sequence[ScoredFact], *, docs: Collection[str] | None = None,
          metrics: Sequence[str] | None = None) -> Score:
    """Gold facts and predicted facts → a Score.

    `docs` are the reports scored (default: those named in gold); a report in `docs` without gold facts
    still counts its predictions as false. `metrics` default to metrics_of(gold, facts).
    """
    metrics = list(metrics) if metrics is not None else metrics_of(gold, facts)
    docs = set(docs) if docs is not None else {fact.doc for fact in gold}
    wanted = set(metrics)
    grouped: dict[tuple[str, str], tuple[list, list]] = defaultdict(lambda: ([], []))
    for fact in gold:
        if fact.doc in docs and fact.metric in wanted:
            grouped[(fact.doc, fact.metric)][0].append(fact)
    for fact in facts:
        if fact.doc in docs and fact.metric in wanted:
            grouped[(fact.doc, fact.metric)][1].append(fact)
    counts = {metric: MetricScore(metric) for metric in metrics}
    errors: list[ScoreError] = []
    for (doc, metric), (gold_facts, predicted) in sorted(grouped.items()):
        pairs, missed, extra = _match(gold_facts, predicted)
        count = counts[metric]
        count.tp += len(pairs)
        count.fn += len(missed)
        count.fp += len(extra)
        for g, p in pairs:
            if g.qualifier == p.qualifier:
                count.qualifier_ok += 1
            else:
                errors.append(ScoreError("QUAL", doc, metric, g.value, g.unit, g.evidence,
                                         f"{g.qualifier}≠{p.qualifier}"))
        errors += [ScoreError("MISS", doc, metric, g.value, g.unit, g.evidence) for g in missed]
        errors += [ScoreError("FALSE", doc, metric, p.value, p.unit, p.evidence) for p in extra]
    return Score([counts[m] for m in metrics], errors, len(docs))


def select_metrics(spec: str | None, available: Sequence[str]) -> list[str]:
    """`core`, `all` (or None) or a comma-separated list of metric names → the metrics to score.

    Raises ScoreInputError for a name that is neither in the catalogue nor among `available`.
    """
    if spec in (None, "", "all"):
        return list(available)
    if spec == "core":
        return list(CORE)
    names = [name.strip() for name in spec.split(",") if name.strip()]
    unknown = [name for name in names if name not in available]
    if unknown or not names:
        raise ScoreInputError(f"unknown metric(s): {', '.join(unknown) or spec!r}; "
                              "give core, all or metric names separated by commas")
    return names
