"""Parquet (the `parquet` extra, pyarrow): a row group per chunk, columns typed from the dtypes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fangkong.output.fact_writer import ChunkedWriter, need_extra, plain_value

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd


class ParquetWriter(ChunkedWriter):
    """Parquet (pyarrow): one row group per chunk; strings, float64, int64 and booleans by column kind."""

    format = "parquet"
    summary = False
    rows_in_chunks = True

    def _start(self) -> None:
        pa = need_extra("parquet")
        import pyarrow.parquet as pq

        types = {"text": pa.string(), "float": pa.float64(), "int": pa.int64(), "bool": pa.bool_()}
        self._pa = pa
        self._schema = pa.schema([(c, types[self.kinds[c]]) for c in self.columns])
        self._parquet = pq.ParquetWriter(str(self.atomic.temporary), self._schema)

    def _chunk_done(self, rows: list[tuple]) -> None:
        arrays = [self._pa.array([plain_value(row[i], self.kinds[c]) for row in rows], type=self._schema.field(c).type)
                  for i, c in enumerate(self.columns)]
        self._parquet.write_table(self._pa.Table.from_arrays(arrays, schema=self._schema))

    def _finish(self, summary: pd.DataFrame | None) -> None:
        self._parquet.close()

    def _release(self) -> None:
        if hasattr(self, "_parquet"):
            self._parquet.close()
