"""Writers: a facts DataFrame → CSV text (UTF-8, \\n line ends, quoted as needed)."""

from __future__ import annotations

import csv
import io
from typing import TextIO

import pandas as pd

from .numerals import format_value


def _cell(column: str, value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if column in ("value", "value_high"):
        return format_value(float(value))
    return str(value)


def write_csv(frame: pd.DataFrame, out: TextIO) -> None:
    """Write the facts as CSV to a text stream: a header, then one row per fact."""
    writer = csv.writer(out, lineterminator="\n")
    columns = list(frame.columns)
    writer.writerow(columns)
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_cell(c, v) for c, v in zip(columns, row, strict=True)])


def to_csv_text(frame: pd.DataFrame) -> str:
    """The CSV as a string."""
    buffer = io.StringIO()
    write_csv(frame, buffer)
    return buffer.getvalue()
