"""JSON Lines: one object a fact, written as they come; numbers as numbers, missing cells null."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from fangkong.output.fact_writer import TextWriter, plain_number, plain_value

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    pass


class JsonlWriter(TextWriter):
    """JSON Lines: one object per fact, keys in column order; numbers as numbers, missing cells null."""

    format = "jsonl"

    def _start(self) -> None:
        self._kinds = [self.kinds[c] for c in self.columns]

    def _lines(self, rows: list[tuple]) -> None:
        for row in rows:
            record = {}
            for column, value, kind in zip(self.columns, row, self._kinds, strict=True):
                value = plain_value(value, kind)
                record[column] = plain_number(value) if kind == "float" and value is not None else value
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
