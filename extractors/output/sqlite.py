"""SQLite databases: a facts table typed from the dtypes, and a summary table."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from fangkong.output.fact_writer import ChunkedWriter, column_kinds, plain_value

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

SQL_TYPES = {"text": "TEXT", "float": "REAL", "int": "INTEGER", "bool": "INTEGER"}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class SqliteWriter(ChunkedWriter):
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
        self._db.executemany(self._insert, [tuple(plain_value(v, k) for v, k in zip(row, kinds, strict=True))
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
                tuple(plain_value(v, kinds[c]) for c, v in zip(summary.columns, row, strict=True))
                for row in summary.itertuples(index=False, name=None)])
            self._db.execute("CREATE UNIQUE INDEX summary_doc ON summary (doc)")
        self._db.execute("COMMIT")
        self._db.close()

    def _release(self) -> None:
        if hasattr(self, "_db"):
            self._db.close()
