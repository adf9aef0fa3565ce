"""Excel workbooks (the `xlsx` extra, openpyxl): facts sheets of at most a million rows, and a summary."""

from __future__ import annotations

import contextlib
import zipfile
from typing import TYPE_CHECKING

import regex

from fangkong.output.fact_writer import ChunkedWriter, column_kinds, need_extra, plain_number, plain_value
from fangkong.output.writers import spreadsheet_safe

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

XLSX_MAX_ROWS = 1_048_576  # a sheet's limit, header included; more facts continue on facts_2, facts_3 …
XLSX_MAX_CELL = 32_767
XLSX_WIDTHS = {"text": 24, "float": 12, "int": 8, "bool": 8}
# characters an xlsx (XML 1.0) cannot hold; written as U+FFFD
XML_ILLEGAL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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
    value = plain_value(value, kind)
    if value is None:
        return None
    if kind == "float":
        return plain_number(value)
    return _xlsx_text(value) if kind == "text" else value


class XlsxWriter(ChunkedWriter):
    """Excel (openpyxl, write-only so rows go to disk as they come): a `facts` sheet and a `summary` sheet.

    Numbers are number cells; every text cell passes `spreadsheet_safe`. Past a sheet's 1,048,576 rows
    the facts go on in `facts_2`, `facts_3` … with the header repeated.
    """

    format = "xlsx"

    def _start(self) -> None:
        openpyxl = need_extra("xlsx")
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
