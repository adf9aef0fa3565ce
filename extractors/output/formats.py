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

import contextlib
import csv
import json
import operator
import os
import shutil
import sqlite3
import sys
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import regex

from fangkong.facts.record import COLUMNS, DTYPES, Fact, row_key, to_frame
from fangkong.output.summary import head_columns, metric_order, summarize
from fangkong.output.writers import AtomicPath, csv_cells, is_missing, spreadsheet_safe
from fangkong.text.load import Report

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

FORMATS = ("csv", "tsv", "jsonl", "parquet", "xlsx", "sqlite")
STREAM_FORMATS = ("csv", "tsv", "jsonl")  # written to a stream as they come; the others are spooled first
SUFFIXES = {
    ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
    ".xlsx": "xlsx", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite",
}
EXTRAS = {"parquet": ("pyarrow", "parquet"), "xlsx": ("openpyxl", "xlsx")}
CHUNK_ROWS = 10_000
# the columns summarize reads: all a chunk holds for the summary of xlsx and sqlite, whose rows are written at once
SUMMARY_INPUTS = ("doc", "metric", "value", "qualifier", "role", "title", "published", "place", "duplicate_of")
XLSX_MAX_ROWS = 1_048_576  # a sheet's limit, header included; more facts continue on facts_2, facts_3 …
XLSX_MAX_CELL = 32_767
XLSX_WIDTHS = {"text": 24, "float": 12, "int": 8, "bool": 8}
# characters an xlsx (XML 1.0) cannot hold; written as U+FFFD
XML_ILLEGAL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SQL_TYPES = {"text": "TEXT", "float": "REAL", "int": "INTEGER", "bool": "INTEGER"}


class OutputError(Exception):
    """The output could not be written (disk full, no permission …); `target` names it, `reason` says why."""

    def __init__(self, target: str, reason: str):
        super().__init__(f"cannot write {target}: {reason}")
        self.target = target
        self.reason = reason


class MissingExtra(ImportError):
    """A format whose optional dependency is not installed; the message says what to install."""


def format_for(path: str | os.PathLike | None, given: str | None = None) -> str:
    """The format to write: `given` where set, else the one the path's suffix names, else csv."""
    if given:
        if given not in FORMATS:
            raise ValueError(f"unknown format {given!r}")
        return given
    if path is None or str(path) == "-":
        return "csv"
    return SUFFIXES.get(Path(path).suffix.lower(), "csv")


# the kinds of the dtype names the facts' columns have (facts.DTYPES): told without importing pandas
_NAMED_KINDS = {"string": "text", "float64": "float", "int64": "int", "bool": "bool", "boolean": "bool"}


def column_kinds(dtypes: Mapping[str, object]) -> dict[str, str]:
    """Column → its kind, `text`, `float`, `int` or `bool`, from its pandas dtype (or dtype name)."""
    kinds = {}
    for column, dtype in dtypes.items():
        if isinstance(dtype, str) and dtype in _NAMED_KINDS:
            kinds[column] = _NAMED_KINDS[dtype]
            continue
        import pandas as pd

        dtype = pd.api.types.pandas_dtype(dtype)
        if pd.api.types.is_bool_dtype(dtype):
            kinds[column] = "bool"
        elif pd.api.types.is_integer_dtype(dtype):
            kinds[column] = "int"
        elif pd.api.types.is_float_dtype(dtype):
            kinds[column] = "float"
        else:
            kinds[column] = "text"
    return kinds


def _plain_number(value: float) -> int | float:
    """A float as JSON and spreadsheets like it: an integral one as an int (30, not 30.0)."""
    return int(value) if value.is_integer() else value


def _plain(value: object, kind: str) -> object:
    """A cell as a plain Python value of its kind (None where missing): what sqlite3, json and openpyxl take."""
    if is_missing(value):
        return None
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    if kind == "bool":
        return bool(value)
    return str(value)


def _row_of(columns: Sequence[str]) -> Callable[[Fact], tuple]:
    """A Fact → the tuple of these fields, in one C call (operator.attrgetter gives a bare value for one field)."""
    if len(columns) < 2:
        if not columns:
            return lambda fact: ()
        single = operator.attrgetter(columns[0])
        return lambda fact: (single(fact),)
    return operator.attrgetter(*columns)


class _Writing:
    """What every writer shares: a `with` block closes it (or aborts it on an exception), and a stream of
    facts is taken a doc at a time."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()

    def write_all(self, facts: Iterable[Fact]) -> None:
        """Write a stream of facts that come doc after doc (as `fangkong.iter_facts` yields them), a doc at a time."""
        for _, batch in groupby(facts, key=lambda fact: fact.doc):
            self.write_facts(batch)


class FactWriter(_Writing):
    """Base of the format writers: open on a target, `write_facts`/`write_frame` batch by batch, then `close`.

    `abort` (or leaving a `with` block by an exception) removes the temporary file: a previous file at the
    path stays as it was. Failures to write raise OutputError; a closed pipe raises BrokenPipeError as is.
    `rows` counts the rows written so far.
    """

    format = ""

    def __init__(self, target: str | os.PathLike | TextIO, *, columns: Sequence[str] = COLUMNS,
                 dtypes: Mapping[str, object] | None = None):
        self.columns = list(columns)
        dtypes = DTYPES if dtypes is None else dtypes
        self.kinds = column_kinds({c: dtypes[c] for c in self.columns})
        self._row = _row_of(self.columns)
        self.name = "standard output" if hasattr(target, "write") else str(target)
        self.atomic: AtomicPath | None = None
        self.stream: TextIO | None = None
        self.rows = 0
        self._finished = False
        with self._errors():
            if hasattr(target, "write") and self.format in STREAM_FORMATS:
                self.stream = target
            elif hasattr(target, "write"):
                self.atomic = _Spool(target)
            else:
                self.atomic = AtomicPath(target)
            self._open()

    def write_facts(self, facts: Iterable[Fact]) -> None:
        """Write Fact records (one report's, in row order) as rows."""
        self.write_rows(list(map(self._row, facts)))

    def write_frame(self, frame: pd.DataFrame) -> None:
        """Write a DataFrame with the writer's columns (extra columns ignored) as rows."""
        self.write_rows(list(frame[self.columns].itertuples(index=False, name=None)))

    def write_rows(self, rows: list[tuple]) -> None:
        """Write rows of cells in the writer's column order."""
        if rows:
            with self._errors():
                self._write(rows)
                self.rows += len(rows)

    def close(self) -> None:
        """Finish the file (summary, footer) and, for a path, rename it over the target."""
        if self._finished:
            return
        with self._errors():
            self._close()
            if self.atomic is not None:
                self.atomic.commit()
        self._finished = True

    def abort(self) -> None:
        """Give up: the temporary file is removed and a previous file at the path is left untouched."""
        if self._finished:
            return
        self._finished = True
        with contextlib.suppress(Exception):  # already failing: the first error is the one to report
            self._release()
        if self.atomic is not None:
            self.atomic.discard()

    def _errors(self):
        return _WriteErrors(self)

    # what each format does
    def _open(self) -> None:
        raise NotImplementedError

    def _write(self, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _release(self) -> None:
        """Close whatever is open without finishing it (on abort)."""


class _WriteErrors:
    """Turns an OSError or sqlite3.Error inside a writer into one OutputError naming the target."""

    def __init__(self, writer: FactWriter):
        self.writer = writer

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> bool:
        if error is None or isinstance(error, BrokenPipeError) or not isinstance(error, OSError | sqlite3.Error):
            return False
        self.writer.abort()
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise OutputError(self.writer.name, reason) from error


class _TextWriter(FactWriter):
    """Text formats: written to a stream (flushed after every batch) or to a UTF-8 file."""

    def _open(self) -> None:
        if self.stream is None:
            self.stream = open(self.atomic.temporary, "w", encoding="utf-8", newline="")
            self._owned = True
        else:
            self._owned = False
        self._start()
        self.stream.flush()

    def _write(self, rows: list[tuple]) -> None:
        self._lines(rows)
        self.stream.flush()

    def _close(self) -> None:
        self.stream.flush()
        if self._owned:
            self.stream.close()

    def _release(self) -> None:
        if self._owned:
            self.stream.close()

    def _start(self) -> None:
        raise NotImplementedError

    def _lines(self, rows: list[tuple]) -> None:
        raise NotImplementedError


class DelimitedWriter(_TextWriter):
    """CSV (or TSV): a header, then a row per fact; numbers written plainly, missing cells empty.

    `excel`: a UTF-8 BOM first and text cells made inert (`spreadsheet_safe`), for spreadsheets.
    Cells holding the delimiter, a quote or a line break are quoted (RFC 4180, as pandas reads them).
    """

    format = "csv"
    delimiter = ","

    def __init__(self, target, *, excel: bool = False, **options):
        self.excel = excel
        super().__init__(target, **options)

    def _start(self) -> None:
        if self.excel:
            self.stream.write("\ufeff")
        self.csv = csv.writer(self.stream, delimiter=self.delimiter, lineterminator="\n")
        self.csv.writerow(self.columns)
        kinds = [self.kinds[c] for c in self.columns]
        self._floats = [k == "float" for k in kinds]
        self._guard = [self.excel and k not in ("float", "int") for k in kinds]

    def _lines(self, rows: list[tuple]) -> None:
        self.csv.writerows(csv_cells(rows, self._floats, self._guard))


class TsvWriter(DelimitedWriter):
    """TSV: as the CSV, separated by tabs."""

    format = "tsv"
    delimiter = "\t"


class JsonlWriter(_TextWriter):
    """JSON Lines: one object per fact, keys in column order; numbers as numbers, missing cells null."""

    format = "jsonl"

    def _start(self) -> None:
        self._kinds = [self.kinds[c] for c in self.columns]

    def _lines(self, rows: list[tuple]) -> None:
        for row in rows:
            record = {}
            for column, value, kind in zip(self.columns, row, self._kinds, strict=True):
                value = _plain(value, kind)
                record[column] = _plain_number(value) if kind == "float" and value is not None else value
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")


class _ChunkedWriter(FactWriter):
    """A binary format, written to a file (or a spool for a stream); rows are also gathered in chunks, each
    ending between docs, for the summary or parquet's row groups."""

    summary = True
    rows_in_chunks = False  # whole rows in the chunk (parquet), else only what the summary reads
    keep_duplicates = False  # the summary's rows and sums keep the copies of earlier reports

    def _open(self) -> None:
        self.summary = self.summary and "metric" in self.columns and "doc" in self.columns
        if self.rows_in_chunks:
            self._held = list(self.columns)
        else:
            self._held = [c for c in self.columns if c in SUMMARY_INPUTS] if self.summary else []
        self._picks = [self.columns.index(c) for c in self._held]
        self._chunk: list[tuple] = []
        self._summaries: list[pd.DataFrame] = []
        self._metrics: dict[str, None] = {}
        self._start()

    def _write(self, rows: list[tuple]) -> None:
        self._add(rows)
        if not self._held:
            return
        picks = self._picks
        self._chunk.extend(rows if self.rows_in_chunks else [tuple(row[i] for i in picks) for row in rows])
        if len(self._chunk) >= CHUNK_ROWS:
            self._flush_chunk(whole_docs=True)

    def _close(self) -> None:
        self._flush_chunk()
        self._finish(self._summary() if self.summary else None)

    def _flush_chunk(self, whole_docs: bool = False) -> None:
        """Hand the chunk on; with `whole_docs` the rows of its last doc wait, as more of them may come."""
        cut = len(self._chunk)
        if whole_docs and "doc" in self._held:
            doc = self._held.index("doc")
            last = self._chunk[-1][doc]
            while cut and self._chunk[cut - 1][doc] == last:
                cut -= 1
        if not cut:
            return
        rows, self._chunk = self._chunk[:cut], self._chunk[cut:]
        self._chunk_done(rows)
        if self.summary:
            frame = self._frame(rows)
            self._metrics.update(dict.fromkeys(frame["metric"]))
            self._summaries.append(summarize(frame, keep_duplicates=self.keep_duplicates))

    def _frame(self, rows: list[tuple]) -> pd.DataFrame:
        import pandas as pd
        dtypes = {"text": "string", "float": "float64", "int": "int64", "bool": "boolean"}
        return pd.DataFrame({c: pd.array([_plain(row[i], self.kinds[c]) for row in rows], dtype=dtypes[self.kinds[c]])
                             for i, c in enumerate(self._held)})

    def _summary(self) -> pd.DataFrame | None:
        """The wide summary of every chunk (a doc's rows are in one chunk: chunks end between docs)."""
        import pandas as pd
        if not self.summary:
            return None
        empty = summarize(self._frame([]), keep_duplicates=self.keep_duplicates)
        if not self._summaries:
            return empty
        metrics = metric_order(self._metrics)
        whole = pd.concat(self._summaries, ignore_index=True)
        head = empty.columns  # doc, title, published, place (and duplicate_of where copies are kept)
        frame = pd.DataFrame({c: whole[c] for c in head})
        for metric in metrics:
            frame[metric] = whole[metric].astype("float64")
            frame[f"{metric}_over"] = whole[f"{metric}_over"].astype("boolean").fillna(False).astype("bool")
        return frame

    # what each chunked format does
    def _start(self) -> None:
        raise NotImplementedError

    def _add(self, rows: list[tuple]) -> None:
        """Rows written at once (xlsx, sqlite); parquet waits for the chunk."""

    def _chunk_done(self, rows: list[tuple]) -> None:
        """A chunk of rows is complete (parquet writes its row group)."""

    def _finish(self, summary: pd.DataFrame | None) -> None:
        raise NotImplementedError


class _Spool:
    """A binary format bound for a stream: written to a temporary file, copied to the stream's bytes at `commit`."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        handle, name = tempfile.mkstemp(prefix="fangkong-", suffix=".tmp")
        os.close(handle)
        self.temporary = Path(name)

    def commit(self) -> None:
        """Copy the finished file to the stream, then remove it."""
        try:
            self.stream.flush()
            out = getattr(self.stream, "buffer", self.stream)
            with open(self.temporary, "rb") as handle:
                shutil.copyfileobj(handle, out)
            out.flush()
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary file."""
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


def _need(format: str):
    module, extra = EXTRAS[format]
    try:
        return __import__(module)
    except ImportError as error:
        raise MissingExtra(f"{format} output needs {module}: pip install 'fangkong[{extra}]'") from error


class ParquetWriter(_ChunkedWriter):
    """Parquet (pyarrow): one row group per chunk; strings, float64, int64 and booleans by column kind."""

    format = "parquet"
    summary = False
    rows_in_chunks = True

    def _start(self) -> None:
        pa = _need("parquet")
        import pyarrow.parquet as pq

        types = {"text": pa.string(), "float": pa.float64(), "int": pa.int64(), "bool": pa.bool_()}
        self._pa = pa
        self._schema = pa.schema([(c, types[self.kinds[c]]) for c in self.columns])
        self._parquet = pq.ParquetWriter(str(self.atomic.temporary), self._schema)

    def _chunk_done(self, rows: list[tuple]) -> None:
        arrays = [self._pa.array([_plain(row[i], self.kinds[c]) for row in rows], type=self._schema.field(c).type)
                  for i, c in enumerate(self.columns)]
        self._parquet.write_table(self._pa.Table.from_arrays(arrays, schema=self._schema))

    def _finish(self, summary: pd.DataFrame | None) -> None:
        self._parquet.close()

    def _release(self) -> None:
        if hasattr(self, "_parquet"):
            self._parquet.close()


def _xlsx_text(value: str) -> str:
    """A text cell as an xlsx holds it: formula-safe, XML-clean, within a cell's length."""
    value = spreadsheet_safe(XML_ILLEGAL.sub("\ufffd", value))
    return value if len(value) <= XLSX_MAX_CELL else value[:XLSX_MAX_CELL - 1] + "…"


def _widths(sheet, kinds: list[str]) -> None:
    """Column widths a reader can start from: text wide, numbers and flags narrow (set before the first row)."""
    from openpyxl.utils import get_column_letter

    for number, kind in enumerate(kinds, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = XLSX_WIDTHS[kind]


def _xlsx_cell(value: object, kind: str) -> object:
    value = _plain(value, kind)
    if value is None:
        return None
    if kind == "float":
        return _plain_number(value)
    return _xlsx_text(value) if kind == "text" else value


class XlsxWriter(_ChunkedWriter):
    """Excel (openpyxl, write-only so rows go to disk as they come): a `facts` sheet and a `summary` sheet.

    Numbers are number cells; every text cell passes `spreadsheet_safe`. Past a sheet's 1,048,576 rows
    the facts go on in `facts_2`, `facts_3` … with the header repeated.
    """

    format = "xlsx"

    def _start(self) -> None:
        openpyxl = _need("xlsx")
        self._book = openpyxl.Workbook(write_only=True)
        self._sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self._sheets += 1
        self._sheet = self._book.create_sheet("facts" if self._sheets == 1 else f"facts_{self._sheets}")
        self._sheet.freeze_panes = "A2"
        _widths(self._sheet, [self.kinds[c] for c in self.columns])
        self._sheet.append([_xlsx_text(c) for c in self.columns])
        self._sheet_rows = 1

    def _add(self, rows: list[tuple]) -> None:
        kinds = [self.kinds[c] for c in self.columns]
        for row in rows:
            if self._sheet_rows >= XLSX_MAX_ROWS:
                self._new_sheet()
            self._sheet.append([_xlsx_cell(v, k) for v, k in zip(row, kinds, strict=True)])
            self._sheet_rows += 1

    def _finish(self, summary: pd.DataFrame | None) -> None:
        if summary is not None:
            sheet = self._book.create_sheet("summary")
            sheet.freeze_panes = "B2"
            kinds = list(column_kinds(dict(summary.dtypes)).values())
            _widths(sheet, kinds)
            sheet.append([_xlsx_text(c) for c in summary.columns])
            for row in summary.itertuples(index=False, name=None):
                sheet.append([_xlsx_cell(v, k) for v, k in zip(row, kinds, strict=True)])
        from openpyxl.writer.excel import ExcelWriter

        # what Workbook.save does, holding the archive so that a failed save can be closed quietly (_release)
        self._archive = zipfile.ZipFile(self.atomic.temporary, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        ExcelWriter(self._book, self._archive).save()

    def _release(self) -> None:
        # Close what a failed or interrupted file leaves open now, or Python reports each at exit.
        for sheet in self._book.worksheets if hasattr(self, "_book") else ():
            rows = getattr(sheet, "_rows", None)  # openpyxl's write-only row generator
            if rows is not None:
                with contextlib.suppress(Exception):
                    rows.close()
        archive = getattr(self, "_archive", None)
        if archive is not None and archive.fp is not None:
            handle, archive.fp = archive.fp, None  # no directory is written to a file that is given up
            with contextlib.suppress(OSError):
                handle.close()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class SqliteWriter(_ChunkedWriter):
    """SQLite: a `facts` table and a `summary` table, typed by column kind (TEXT, REAL, INTEGER; booleans 0/1).

    Indexed on doc and metric, ready for `datasette facts.db` or any SQL client.
    """

    format = "sqlite"

    def _start(self) -> None:
        self._db = sqlite3.connect(str(self.atomic.temporary), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")  # the file is renamed into place only when complete
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("BEGIN")
        self._create("facts", self.columns, self.kinds)
        self._insert = f"INSERT INTO facts VALUES ({', '.join('?' * len(self.columns))})"

    def _create(self, table: str, columns: Sequence[str], kinds: Mapping[str, str]) -> None:
        body = ", ".join(f"{_quote(c)} {SQL_TYPES[kinds[c]]}" for c in columns)
        self._db.execute(f"CREATE TABLE {table} ({body})")

    def _add(self, rows: list[tuple]) -> None:
        kinds = [self.kinds[c] for c in self.columns]
        self._db.executemany(self._insert, [tuple(_plain(v, k) for v, k in zip(row, kinds, strict=True))
                                            for row in rows])

    def _finish(self, summary: pd.DataFrame | None) -> None:
        for column in ("doc", "metric"):
            if column in self.columns:
                self._db.execute(f"CREATE INDEX facts_{column} ON facts ({_quote(column)})")
        if summary is not None:
            kinds = column_kinds(dict(summary.dtypes))
            self._create("summary", list(summary.columns), kinds)
            marks = ", ".join("?" * len(summary.columns))
            self._db.executemany(f"INSERT INTO summary VALUES ({marks})", [
                tuple(_plain(v, kinds[c]) for c, v in zip(summary.columns, row, strict=True))
                for row in summary.itertuples(index=False, name=None)])
            self._db.execute("CREATE UNIQUE INDEX summary_doc ON summary (doc)")
        self._db.execute("COMMIT")
        self._db.close()

    def _release(self) -> None:
        if hasattr(self, "_db"):
            self._db.close()


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


def check_format(format: str) -> None:
    """Raise MissingExtra where the format's optional dependency is not installed."""
    if format in EXTRAS:
        _need(format)


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


class WideWriter(_Writing):
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
