"""Writers: a facts DataFrame → CSV text (UTF-8, \\n line ends, quoted as needed), and atomic files.

`formats.py` builds every output format on these.

The plain CSV keeps every cell exact (its readers are programs). The spreadsheet flavour
(`excel=True`) starts with a BOM and passes every text cell through `spreadsheet_safe`, the one
formula guard any spreadsheet writer must use.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fangkong.numbers.numerals import format_value

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd


# Cells that begin with these are read as formulas (or DDE commands) by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A text cell made inert for spreadsheets: one starting like a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _pandas_na() -> object:
    """pandas' NA where pandas is imported, else a marker no cell is: a run that never made a frame (the
    CLI's CSV) need not import pandas to tell its missing cells."""
    pandas = sys.modules.get("pandas")
    return pandas.NA if pandas is not None else _NO_NA


_NO_NA = object()


def is_missing(value: object) -> bool:
    """True for the cells a frame leaves empty: None, pd.NA, NaN."""
    return value is None or value is _pandas_na() or (isinstance(value, float) and value != value)


def is_number_column(frame: pd.DataFrame, column: str) -> bool:
    """True where the column holds numbers (int or float dtype; booleans are not numbers here)."""
    import pandas as pd
    dtype = frame[column].dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def csv_cells(rows: Iterable[tuple], floats: Sequence[bool], guard: Sequence[bool]) -> Iterator[list[str]]:
    """Rows → CSV cells: float columns (`floats`) written plainly by `format_value`, missing cells empty, and
    the `guard` columns passed through `spreadsheet_safe`."""
    float_at = [i for i, f in enumerate(floats) if f]
    guard_at = [i for i, g in enumerate(guard) if g]
    na = _pandas_na()
    for row in rows:
        # is_missing inline (every cell of every row passes here): None, pd.NA, and NaN (the one value != itself)
        cells = ["" if v is None or v is na or v != v else str(v) for v in row]
        for i in float_at:
            if cells[i]:
                cells[i] = format_value(float(row[i]))
        for i in guard_at:
            cells[i] = spreadsheet_safe(cells[i])
        yield cells


def csv_rows(frame: pd.DataFrame, *, excel: bool = False) -> Iterator[list[str]]:
    """The frame's rows as CSV cells (no header); with `excel`, text cells (not number columns) are guarded."""
    import pandas as pd
    columns = list(frame.columns)
    floats = [pd.api.types.is_float_dtype(frame[column].dtype) for column in columns]
    guard = [excel and not is_number_column(frame, column) for column in columns]
    return csv_cells(frame.itertuples(index=False, name=None), floats, guard)


def write_csv(frame: pd.DataFrame, out: TextIO, *, excel: bool = False) -> None:
    """Write the facts as CSV to a text stream: a header, then one row per fact.

    With `excel`, a UTF-8 BOM comes first and text cells are guarded against formula injection.
    """
    writer = csv.writer(out, lineterminator="\n")
    if excel:
        out.write("\ufeff")
    writer.writerow(list(frame.columns))
    writer.writerows(csv_rows(frame, excel=excel))


def to_csv_text(frame: pd.DataFrame, *, excel: bool = False) -> str:
    """The CSV as a string (see write_csv)."""
    buffer = io.StringIO()
    write_csv(frame, buffer, excel=excel)
    return buffer.getvalue()


def write_csv_file(frame: pd.DataFrame, path: str | os.PathLike, *, excel: bool = False) -> None:
    """Write the CSV to `path` atomically: into a temporary file in the same folder, then renamed.

    An interrupted or failed write leaves any previous file at `path` untouched, never truncated.
    """
    _write_atomically(path, lambda handle: write_csv(frame, handle, excel=excel))


def write_text_file(text: str, path: str | os.PathLike) -> None:
    """Write `text` (UTF-8) to `path` atomically, as write_csv_file does."""
    _write_atomically(path, lambda handle: handle.write(text))


def _write_atomically(path: str | os.PathLike, write: Callable[[TextIO], object]) -> None:
    atomic = AtomicPath(path)
    try:
        with open(atomic.temporary, "w", encoding="utf-8", newline="") as handle:
            write(handle)
        atomic.commit()
    except BaseException:
        atomic.discard()
        raise


class AtomicPath:
    """A file written under a temporary name in the target's folder, renamed over the target by `commit`.

    Until then the target (if any) is untouched; `discard` removes the temporary file (and an SQLite
    journal beside it).
    """

    def __init__(self, path: str | os.PathLike):
        self.target = Path(path)
        handle, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.", suffix=".tmp")
        os.close(handle)
        self.temporary = Path(name)

    def commit(self) -> None:
        """Flush the temporary file to disk, give it the target's mode and rename it over the target."""
        with open(self.temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(self.temporary, _file_mode(self.target))
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        """Remove the temporary file; the target stays as it was."""
        for leftover in (self.temporary, self.temporary.with_name(self.temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _file_mode(target: Path) -> int:
    """The mode the file would have had if created plainly: the old file's, else 0o666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
