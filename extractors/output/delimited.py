"""CSV and TSV: facts written as they come, a header first; the `excel` CSV guards formulas."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from fangkong.output.fact_writer import TextWriter
from fangkong.output.writers import csv_cells

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    pass


class DelimitedWriter(TextWriter):
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
