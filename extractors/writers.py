"""Writers: a facts DataFrame → CSV text (UTF-8, \\n line ends, quoted as needed).

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
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pandas as pd

from .numerals import format_value

NUMBER_COLUMNS = ("value", "value_high", "start", "end")

# Cells that begin with these are read as formulas (or DDE commands) by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A text cell made inert for spreadsheets: one starting like a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(column: str, value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if column in ("value", "value_high"):
        return format_value(float(value))
    return str(value)


def write_csv(frame: pd.DataFrame, out: TextIO, *, excel: bool = False) -> None:
    """Write the facts as CSV to a text stream: a header, then one row per fact.

    With `excel`, a UTF-8 BOM comes first and text cells are guarded against formula injection.
    """
    writer = csv.writer(out, lineterminator="\n")
    columns = list(frame.columns)
    if excel:
        out.write("\ufeff")
    writer.writerow(columns)
    guard = [excel and column not in NUMBER_COLUMNS for column in columns]
    for row in frame.itertuples(index=False, name=None):
        cells = [_cell(c, v) for c, v in zip(columns, row, strict=True)]
        writer.writerow([spreadsheet_safe(c) if g else c for c, g in zip(cells, guard, strict=True)])


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
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _file_mode(target))
        os.replace(handle.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _file_mode(target: Path) -> int:
    """The mode the file would have had if created plainly: the old file's, else 0o666 less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
