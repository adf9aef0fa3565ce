"""What every writer shares: FactWriter (write_facts, write_frame, close, abort), the text and the
chunked writers' bases, column kinds from dtypes, spooling to a stream, write errors, extras."""

from __future__ import annotations

import contextlib
import operator
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fangkong.facts.record import COLUMNS, DTYPES, Fact
from fangkong.output.summary import metric_order, summarize
from fangkong.output.writers import AtomicPath, is_missing

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

EXTRAS = {"parquet": ("pyarrow", "parquet"), "xlsx": ("openpyxl", "xlsx")}
CHUNK_ROWS = 10_000
# the columns summarize reads: all a chunk holds for the summary of xlsx and sqlite, whose rows are written at once
SUMMARY_INPUTS = ("doc", "metric", "value", "qualifier", "role", "title", "published", "place", "duplicate_of")
class OutputError(Exception):
    """The output could not be written (disk full, no permission …); `target` names it, `reason` says why."""

    def __init__(self, target: str, reason: str):
        super().__init__(f"cannot write {target}: {reason}")
        self.target = target
        self.reason = reason


class MissingExtra(ImportError):
    """A format whose optional dependency is not installed; the message says what to install."""


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


def plain_number(value: float) -> int | float:
    """A float as JSON and spreadsheets like it: an integral one as an int (30, not 30.0)."""
    return int(value) if value.is_integer() else value


def plain_value(value: object, kind: str) -> object:
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


class Writing:
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


class FactWriter(Writing):
    """Base of the format writers: open on a target, `write_facts`/`write_frame` batch by batch, then `close`.

    `abort` (or leaving a `with` block by an exception) removes the temporary file: a previous file at the
    path stays as it was. Failures to write raise OutputError; a closed pipe raises BrokenPipeError as is.
    `rows` counts the rows written so far.
    """

    format = ""
    streamed = False  # written to a text stream as the facts come; the others are spooled to a file first

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
            if hasattr(target, "write") and self.streamed:
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


class TextWriter(FactWriter):
    """Text formats: written to a stream (flushed after every batch) or to a UTF-8 file."""

    streamed = True

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


class ChunkedWriter(FactWriter):
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
        return pd.DataFrame({c: pd.array([plain_value(row[i], self.kinds[c]) for row in rows],
                                         dtype=dtypes[self.kinds[c]])
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


def need_extra(format: str):
    module, extra = EXTRAS[format]
    try:
        return __import__(module)
    except ImportError as error:
        raise MissingExtra(f"{format} output needs {module}: pip install 'fangkong[{extra}]'") from error
