"""Output formats: facts → csv, tsv, jsonl, parquet, xlsx or sqlite, written batch by batch.

A writer is opened on a path (written atomically: a temporary file in the same folder, renamed at
`close`, removed by `abort`) or on a text stream such as stdout (the binary formats are spooled to a
temporary file and copied to the stream at `close`). `write_facts`
takes one batch of Fact records (a report's, in row order) and `write_frame` a DataFrame; the text
formats write each batch at once, parquet writes a row group per chunk of about CHUNK_ROWS rows, xlsx
and sqlite add their rows at once and a wide `summary` (fangkong.output.summary.summarize) at `close`.

Writers are generic over the columns: each column's kind (text, float, int, bool) comes from its dtype
(facts.DTYPES, or the frame's), so new columns need no change here. In xlsx and sqlite numbers are
numbers; in xlsx, as in the `excel` CSV, text cells go through `spreadsheet_safe`.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fangkong.facts.record import COLUMNS, Fact, row_key, to_frame
from fangkong.output.delimited import DelimitedWriter, TsvWriter
from fangkong.output.fact_writer import EXTRAS, FactWriter, MissingExtra, OutputError, Writing, column_kinds, need_extra
from fangkong.output.jsonl import JsonlWriter
from fangkong.output.parquet import ParquetWriter
from fangkong.output.sqlite import SqliteWriter
from fangkong.output.summary import head_columns, metric_order, summarize
from fangkong.output.xlsx import XlsxWriter
from fangkong.text.load import Report

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

__all__ = [
    "FORMATS", "STREAM_FORMATS", "SUFFIXES", "WRITERS", "FactWriter", "MissingExtra", "OutputError", "ReportBatches",
    "WideWriter", "check_format", "column_kinds", "format_for", "open_writer", "wide_table",
]

FORMATS = ("csv", "tsv", "jsonl", "parquet", "xlsx", "sqlite")
SUFFIXES = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
    ".xlsx": "xlsx", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite",
}
def format_for(path: str | os.PathLike | None, given: str | None = None) -> str:
    """The format to write: `given` where set, else the one the path's suffix names, else csv."""
    if given:
        if given not in FORMATS:
            raise ValueError(f"unknown format {given!r}")
        return given
    if path is None or str(path) == "-":
        return "csv"
    return SUFFIXES.get(Path(path).suffix.lower(), "csv")


class ReportBatches:
    """Facts as the pipeline yields them → a writer, one doc at a time in row order.

    A doc's facts are written as soon as its last report is done (`report_done`), or when a fact of
    another doc comes; only one doc's facts are held. `reports` (the run's list) tells how many reports
    share a doc name; without it a doc is written when the next doc starts or at `finish`. For a run that
    finds its reports as it goes, `announced(reports)` passes them on, telling each one (and the next)
    before it is extracted, so that only the names of reports not yet done are held.
    """

    def __init__(self, writer: FactWriter, reports: Iterable[Report] = ()):
        self.writer = writer
        self.left = Counter(report.doc for report in reports)
        self.pending: list[Fact] = []
        self.doc: str | None = None
        self.facts = 0

    def add(self, fact: Fact) -> None:
        """Take the next fact from the pipeline."""
        if fact.doc != self.doc:
            self.flush()
            self.doc = fact.doc
        self.pending.append(fact)
        self.facts += 1

    def announced(self, reports: Iterable[Report]) -> Iterator[Report]:
        """`reports`, one at a time, each counted before it is passed on, and the one after it too (so a
        report's doc is written at its end unless the next report has the same name)."""
        upcoming = iter(reports)
        current = next(upcoming, None)
        if current is not None:
            self.left[current.doc] += 1
        while current is not None:
            following = next(upcoming, None)
            if following is not None:
                self.left[following.doc] += 1
            yield current
            current = following

    def report_done(self, report: Report) -> None:
        """A report is done: its doc's facts are written if no other report of that name is still to come."""
        self.left[report.doc] -= 1
        if self.left[report.doc] <= 0:
            del self.left[report.doc]
            if report.doc == self.doc:
                self.flush()

    def flush(self) -> None:
        """Write the facts held (sorted into row order), if any."""
        if self.pending:
            batch, self.pending = sorted(self.pending, key=row_key), []
            self.writer.write_facts(batch)

    def finish(self) -> None:
        """Write what is held and close the writer."""
        self.flush()
        self.writer.close()


WRITERS: dict[str, type[FactWriter]] = {
    "csv": DelimitedWriter, "tsv": TsvWriter, "jsonl": JsonlWriter,
    "parquet": ParquetWriter, "xlsx": XlsxWriter, "sqlite": SqliteWriter,
}
# written to a stream as they come; the others are spooled first
STREAM_FORMATS = tuple(name for name, writer in WRITERS.items() if writer.streamed)


def check_format(format: str) -> None:
    """Raise MissingExtra where the format's optional dependency is not installed."""
    if format in EXTRAS:
        need_extra(format)


def open_writer(format: str, target: str | os.PathLike | TextIO | None = None, *, excel: bool = False,
                columns: Sequence[str] = COLUMNS, dtypes: Mapping[str, object] | None = None,
                keep_duplicates: bool = False) -> FactWriter:
    """A writer of `format` on `target`: a path (written atomically), a text stream, or None for stdout.

    csv, tsv and jsonl go to a stream as they come; parquet, xlsx and sqlite are written to a temporary file
    and copied to the stream's bytes when complete. `excel` is for csv and tsv (BOM and formula guard; xlsx
    always guards). `keep_duplicates`: the summary of xlsx and sqlite keeps the copies of earlier reports.
    Raises MissingExtra when the format's optional dependency is missing, OutputError when the file cannot be
    created.
    """
    if format not in WRITERS:
        raise ValueError(f"unknown format {format!r}")
    check_format(format)
    if target is None or str(target) == "-":
        target = sys.stdout
    options = {"columns": columns, "dtypes": dtypes}
    if format in ("csv", "tsv"):
        return WRITERS[format](target, excel=excel, **options)
    writer = WRITERS[format](target, **options)
    if keep_duplicates:
        writer.keep_duplicates = True  # read at the first chunk, after opening
    return writer


class WideWriter(Writing):
    """A writer of the wide summary (one row per report, `summary.summarize`) instead of the facts.

    Takes facts doc by doc like any writer (`write_facts`), holding one summary row per doc, not the facts;
    at `close` the table's columns are known (the metrics that occurred, or `metrics`) and it is written
    in `format` to `target` as the fact writers write facts. A report that copies an earlier one has no row,
    unless `keep_duplicates` (then the table has a `duplicate_of` column).
    """

    def __init__(self, format: str, target: str | os.PathLike | TextIO | None = None, *, excel: bool = False,
                 metrics: Sequence[str] | None = None, keep_duplicates: bool = False):
        check_format(format)
        self.format, self.target, self.excel, self.metrics = format, target, excel, metrics
        self.keep_duplicates = keep_duplicates
        self.rows: list[pd.DataFrame] = []
        self.inner: FactWriter | None = None

    def write_facts(self, facts: Iterable[Fact]) -> None:
        """Take one doc's facts: they become its summary row."""
        facts = list(facts)
        if facts:
            row = summarize(to_frame(facts), keep_duplicates=self.keep_duplicates)
            if len(row):
                self.rows.append(row)

    def table(self) -> pd.DataFrame:
        """The summary of every doc taken so far."""
        return wide_table(self.rows, self.metrics, keep_duplicates=self.keep_duplicates)

    def close(self) -> None:
        """Write the table and finish the file."""
        wide = self.table()
        self.inner = open_writer(self.format, self.target, excel=self.excel, columns=list(wide.columns),
                                 dtypes=dict(wide.dtypes))
        self.inner.write_frame(wide)
        self.inner.close()

    def abort(self) -> None:
        """Give up: nothing is written (a previous file at the path stays as it was)."""
        if self.inner is not None:
            self.inner.abort()


def wide_table(rows: Sequence[pd.DataFrame], metrics: Sequence[str] | None = None, *,
               keep_duplicates: bool = False) -> pd.DataFrame:
    """Summary rows of several docs (each from `summarize`, with the same `keep_duplicates`) → one wide table,
    metric columns in catalogue order (or `metrics`' order), NaN and False where a doc has none of a metric."""
    import pandas as pd
    head = head_columns(keep_duplicates)
    if not rows:
        return summarize(to_frame([]), metrics, keep_duplicates=keep_duplicates)
    found = [c for frame in rows for c in frame.columns if c not in head and not c.endswith("_over")]
    chosen = list(metrics) if metrics is not None else metric_order(found)
    whole = pd.concat(rows, ignore_index=True)
    for metric in chosen:
        if metric not in whole:
            whole[metric] = float("nan")
        over = f"{metric}_over"
        whole[over] = whole[over].fillna(False).astype("bool") if over in whole else False
        whole[metric] = whole[metric].astype("float64")
    return whole[head + [c for m in chosen for c in (m, f"{m}_over")]].reset_index(drop=True)
