"""A cache of extracted reports: a report's facts and warnings, filed under its content and what shaped them.

The key of a report is a digest of its bytes, the rule set's version (rule and data files), the code's
version (the package's version and its source files) and the options that change the output
(`include_other`, `encoding`). An unchanged file is then not extracted again, and editing a rule file,
upgrading fangkong or changing an option makes every entry stale. Entries are JSON files, one per key,
written atomically; one that cannot be read or does not parse is a miss and is written again, never a crash.
Only reports extracted without an error are stored. The doc name is not part of the key: the same
bytes under another name reuse the entry, with the doc name put back. The entry also keeps the report's body
signature (duplicates.signature), so a cached report is still found as a copy; its facts are stored unmarked
(whether a report is a copy depends on the run, not on its bytes).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fangkong.facts.duplicates import Signature, from_list, to_list
from fangkong.facts.record import Fact
from fangkong.run.pipeline import fact_from_row

FORMAT = 2  # bumped when the layout of an entry changes
_FIELDS = tuple(field.name for field in dataclasses.fields(Fact))
_TEXTS = ("doc", "metric", "unit", "qualifier", "evidence", "sentence", "rule")
_OPTIONAL_TEXTS = ("section", "title", "published", "source", "place", "as_of", "province", "city", "county", "adcode",
                   "town", "village")


@dataclass(frozen=True)
class Entry:
    """What the cache holds for a report: its facts (in order) and the warnings it gave, without the path."""

    facts: tuple[Fact, ...]
    warnings: tuple[str, ...] = ()
    signature: Signature | None = None


@cache
def code_version() -> str:
    """A digest of the package's version, of its Python source files and of the gazetteer's version: a cache made
    by other code or with other place data is stale."""
    from fangkong import __version__
    from fangkong.facts.gazetteer import data_version

    digest = hashlib.sha256(__version__.encode() + b"\0" + data_version().encode())  # another gazetteer, other places
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


_AT = {name: index for index, name in enumerate(_FIELDS)}
_TEXT_AT = tuple(_AT[name] for name in _TEXTS)
_OPTIONAL_TEXT_AT = tuple(_AT[name] for name in _OPTIONAL_TEXTS)
_DOC, _VALUE, _VALUE_HIGH, _START, _END, _ID, _PARENT = (
    _AT[name] for name in ("doc", "value", "value_high", "start", "end", "id", "parent"))


def _fact(row: list, doc: str | None = None) -> Fact:
    """A stored row → a Fact, under the doc name `doc` where given (its doc, and the doc in its row id and its
    parent's, doc#n); ValueError where a field is missing or of the wrong type (a corrupt entry).

    Built in one go from the row (no dataclasses.replace): this is the whole cost of a warm re-run per fact.
    """
    if type(row) is not list or len(row) != len(_FIELDS):
        raise ValueError("a stored fact has the wrong number of fields")
    value, high = row[_VALUE], row[_VALUE_HIGH]
    if not (isinstance(value, int | float) and (high is None or isinstance(high, int | float))
            and type(row[_START]) is int and type(row[_END]) is int
            and all(isinstance(row[i], str) for i in _TEXT_AT)
            and all(row[i] is None or isinstance(row[i], str) for i in _OPTIONAL_TEXT_AT)):
        raise ValueError("a stored fact has a field of the wrong type")
    row = row.copy()
    row[_VALUE] = float(value)
    row[_VALUE_HIGH] = None if high is None else float(high)
    if doc is not None and doc != row[_DOC]:
        row[_DOC] = doc
        row[_ID] = _renamed_row(row[_ID], doc)
        row[_PARENT] = _renamed_row(row[_PARENT], doc)
    return fact_from_row(row)


def _renamed_row(name: str | None, doc: str) -> str | None:
    """A row id (doc#n) under another doc name."""
    return f"{doc}#{name.rsplit('#', 1)[1]}" if name and "#" in name else name


class ReportCache:
    """A folder of cache entries (created when missing). `key` names an entry; `get` and `put` read and write it."""

    def __init__(self, directory: str | os.PathLike, rules_version: str, *, include_other: bool = False,
                 encoding: str | None = None):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        salt = json.dumps([FORMAT, code_version(), rules_version, include_other, encoding])
        self._salt = hashlib.sha256(salt.encode()).digest()

    def key(self, data: bytes) -> str:
        """A report's bytes → the hex key of its entry under this cache's rules, code and options."""
        return hashlib.blake2b(data, digest_size=20, key=self._salt[:32]).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, doc: str) -> Entry | None:
        """The entry under `key` with its facts renamed to `doc`, or None when absent, unreadable or corrupt."""
        try:
            with open(os.path.join(self.directory, key[:2], key + ".json"), "rb") as handle:  # no Path per report
                record = json.loads(handle.read())
            if record["format"] != FORMAT or record["key"] != key:
                return None
            facts = tuple([_fact(row, doc) for row in record["facts"]])
            warnings = tuple(str(message) for message in record["warnings"])
            signature = from_list(record["signature"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Entry(facts, warnings, signature)

    def put(self, key: str, entry: Entry) -> None:
        """Store `entry` under `key` atomically (a temporary file renamed); a write that fails is left out quietly."""
        path = self._path(key)
        record = {"format": FORMAT, "key": key, "warnings": list(entry.warnings),
                  "signature": to_list(entry.signature),
                  "facts": [[getattr(fact, name) for name in _FIELDS] for fact in entry.facts]}
        temporary = None
        try:
            path.parent.mkdir(exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{key}.",
                                             suffix=".tmp", delete=False) as handle:
                temporary = handle.name
                handle.write(json.dumps(record, ensure_ascii=False))  # one write, not one per token
            os.replace(temporary, path)
        except OSError:
            if temporary:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
