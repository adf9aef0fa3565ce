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

from .duplicates import Signature, from_list, to_list
from .facts import Fact

FORMAT = 2  # bumped when the layout of an entry changes
_FIELDS = tuple(field.name for field in dataclasses.fields(Fact))
_TEXTS = ("doc", "metric", "unit", "qualifier", "evidence", "sentence", "rule")
_OPTIONAL_TEXTS = ("section", "title", "published", "source")


@dataclass(frozen=True)
class Entry:
    """What the cache holds for a report: its facts (in order) and the warnings it gave, without the path."""

    facts: tuple[Fact, ...]
    warnings: tuple[str, ...] = ()
    signature: Signature | None = None


@cache
def code_version() -> str:
    """A digest of the package's version and of its Python source files: a cache made by other code is stale."""
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def _fact(row: list) -> Fact:
    """A stored row → a Fact; ValueError where a field is missing or of the wrong type (a corrupt entry)."""
    fact = Fact(**dict(zip(_FIELDS, row, strict=True)))
    numbers_ok = isinstance(fact.value, int | float) and isinstance(fact.value_high, int | float | None)
    offsets_ok = type(fact.start) is int and type(fact.end) is int
    texts_ok = all(isinstance(getattr(fact, name), str) for name in _TEXTS)
    optional_ok = all(isinstance(getattr(fact, name), str | None) for name in _OPTIONAL_TEXTS)
    if not (numbers_ok and offsets_ok and texts_ok and optional_ok):
        raise ValueError("a stored fact has a field of the wrong type")
    return dataclasses.replace(fact, value=float(fact.value),
                               value_high=None if fact.value_high is None else float(fact.value_high))


def _renamed(fact: Fact, doc: str) -> Fact:
    """A stored fact under another doc name: its doc, and the doc in its row id and its parent's (doc#n)."""
    def row(name: str | None) -> str | None:
        return f"{doc}#{name.rsplit('#', 1)[1]}" if name and "#" in name else name

    return dataclasses.replace(fact, doc=doc, id=row(fact.id), parent=row(fact.parent))


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
            record = json.loads(self._path(key).read_text("utf-8"))
            if record["format"] != FORMAT or record["key"] != key:
                return None
            facts = tuple(_fact(row) for row in record["facts"])
            warnings = tuple(str(message) for message in record["warnings"])
            signature = from_list(record["signature"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return Entry(tuple(_renamed(fact, doc) for fact in facts), warnings, signature)

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
                json.dump(record, handle, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            if temporary:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
