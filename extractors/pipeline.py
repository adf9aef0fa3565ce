"""The pipeline: the one module that knows the order of the stages.

load → normalize → segment → quantities → rules → facts. Writers and the CLI sit on top.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .facts import Fact, collapse_repeats, to_frame
from .load import BinaryFileError, Loaded, LoadError, load_bytes, load_text
from .normalize import normalize
from .quantities import find_quantities
from .ruleset import RuleSet, RuleTimeout, load_rules, match_quantity
from .segment import segment

REPORT_SUFFIXES = {".txt", ".html", ".htm", ""}
OTHER = "other"
# A sentence longer than SENTENCE_LIMIT (an unpunctuated page) is shown as the SENTENCE_WINDOW characters
# around the fact: enough to check it by eye, and the rows of a page of facts stay small.
SENTENCE_LIMIT = 500
SENTENCE_WINDOW = 200


class ExtractError(Exception):
    """A report that could not be extracted; `path` names it and the message says why.

    `skipped` is true where the file is not a report at all (binary bytes): a warning, not a failure.
    """

    def __init__(self, path: str, reason: str, skipped: bool = False):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.skipped = skipped


def replaced_warning(loaded: Loaded) -> str | None:
    """The one-line warning for a report whose undecodable bytes were replaced, else None."""
    if not loaded.replaced:
        return None
    noun = "byte sequence" if loaded.replaced == 1 else "byte sequences"
    return f"{loaded.replaced} undecodable {noun} replaced with U+FFFD (decoded as {loaded.encoding})"


def sentence_shown(text: str, sentence: tuple[int, int], fact: tuple[int, int]) -> str:
    """The sentence around a fact, or for an overlong one the SENTENCE_WINDOW characters around it, cut with …."""
    start, end = sentence
    if end - start <= SENTENCE_LIMIT:
        return text[start:end].strip()
    half = max(0, SENTENCE_WINDOW - (fact[1] - fact[0])) // 2
    lo = max(start, fact[0] - half)
    hi = min(end, max(fact[1], lo + SENTENCE_WINDOW))
    lo = max(start, hi - SENTENCE_WINDOW)
    return ("…" if lo > start else "") + text[lo:hi].strip() + ("…" if hi < end else "")


@dataclass(frozen=True)
class Report:
    """A report: where it is, the doc name its facts carry, and its bytes where they came another way (stdin)."""

    path: Path
    doc: str
    data: bytes | None = None
    unreadable: OSError | None = None  # a folder that could not be listed: reported like a file that can't be read


def extract_loaded(loaded: Loaded, doc: str, *, include_other: bool = False,
                   ruleset: RuleSet | None = None) -> list[Fact]:
    """One loaded report → its facts, in text order, repeats collapsed."""
    ruleset = ruleset or load_rules()
    mapped = normalize(loaded.plain)
    text = mapped.text
    original = loaded.original
    parts = segment(text)
    facts: list[Fact] = []
    sentence_ids: list[int] = []
    unit_classes: list[frozenset[str]] = []
    for sentence_id, sentence in enumerate(parts.sentences):
        sentence_span = (sentence.start, sentence.end)
        for clause in sentence.clauses:
            quantities = find_quantities(text, *clause)
            for quantity in quantities:
                matched = match_quantity(ruleset, text, quantity, clause, sentence_span, sentence.paragraph,
                                         quantities)
                if matched is None and not include_other:
                    continue
                span_start, span_end = quantity.start, quantity.end
                if matched is not None:
                    span_start = min(span_start, matched.trigger_start)
                    span_end = max(span_end, matched.trigger_end)
                start, end = mapped.original_span(span_start, span_end)
                unit_start, unit_end = mapped.original_span(quantity.unit_start, quantity.unit_end)
                facts.append(Fact(
                    doc=doc,
                    metric=matched.rule.metric if matched else OTHER,
                    value=quantity.value,
                    value_high=quantity.value_high,
                    unit=original[unit_start:unit_end],
                    qualifier=quantity.qualifier,
                    evidence=original[start:end],
                    start=start,
                    end=end,
                    sentence=sentence_shown(text, sentence_span, (span_start, span_end)),
                    section=sentence.section,
                    title=parts.title,
                    published=parts.published,
                    source=parts.source,
                    rule=matched.rule.id if matched else OTHER,
                ))
                sentence_ids.append(sentence_id)
                unit_classes.append(quantity.unit_classes)
    return collapse_repeats(facts, sentence_ids, unit_classes)


def extract_text(text: str, doc: str = "-", *, include_other: bool = False) -> pd.DataFrame:
    """A report's text (plain or HTML) → a DataFrame of its facts, with the CSV's columns."""
    return to_frame(extract_loaded(load_text(text), doc, include_other=include_other))


def extract_bytes(data: bytes, doc: str = "-", *, include_other: bool = False,
                  encoding: str | None = None) -> pd.DataFrame:
    """A report's raw bytes → a DataFrame of its facts. Raises LoadError for non-text bytes."""
    return to_frame(extract_loaded(load_bytes(data, encoding), doc, include_other=include_other))


def _is_report(path: Path) -> bool:
    return not path.name.startswith(".") and path.suffix.lower() in REPORT_SUFFIXES


def find_reports(paths: Iterable[str | os.PathLike]) -> list[Report]:
    """Files and folders → the reports in them (folders walked recursively, sorted, hidden skipped).

    Sorted by doc name (then path); a file reached twice is listed once. Raises FileNotFoundError for a
    path that does not exist.
    """
    return list(iter_reports(paths))


def iter_reports(paths: Iterable[str | os.PathLike]) -> Iterator[Report]:
    """The reports of `find_reports`, in the same order, found one at a time as the folders are walked.

    What is held stays small however many files there are: a 16-byte digest per file (a file reached twice
    is read once), not the list. Raises FileNotFoundError at once for a path that does not exist.
    """
    given = [Path(p) for p in paths]
    for path in given:
        if not path.exists():
            raise FileNotFoundError(str(path))
    return _once(heapq.merge(*map(_walk_given, given), key=lambda report: (report.doc, str(report.path))))


def _walk_given(path: Path) -> Iterator[Report]:
    if path.is_dir():
        yield from _walk(path, "")
    else:
        yield Report(path, path.name)


def _walk(folder: Path, prefix: str) -> Iterator[Report]:
    """The reports under `folder` in the order of their doc names (prefix + path inside the folder)."""
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as error:  # a folder that cannot be listed is reported like a file that cannot be read
        yield Report(folder, prefix or "./", unreadable=error)
        return
    keyed = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():  # links to folders are not followed: no symlink loop
                keyed.append((entry.name + "/", entry))
        else:
            keyed.append((entry.name, entry))
    # a folder's files sort among its subfolders' as their doc names do ("a.txt" < "a/…" < "a0.txt")
    for key, entry in sorted(keyed, key=lambda item: item[0]):
        if key.endswith("/"):
            yield from _walk(Path(entry.path), prefix + key)
        elif _is_report(Path(entry.path)):
            yield Report(Path(entry.path), prefix + entry.name)


def _once(reports: Iterable[Report]) -> Iterator[Report]:
    """Each file once, at its first place: a file reached twice (a link, overlapping arguments) is read once."""
    seen: set[bytes] = set()
    for report in reports:
        key = hashlib.blake2b(os.fsencode(str(report.path.resolve())), digest_size=16).digest()
        if key not in seen:
            seen.add(key)
            yield report


def _fail(failure: ExtractError, cause: Exception, on_error: Callable[[ExtractError], None] | None) -> None:
    """Hand a failed report to `on_error`, or raise it where there is none."""
    if on_error is None:
        raise failure from cause
    on_error(failure)


def iter_facts(reports: Iterable[Report], *, include_other: bool = False, encoding: str | None = None,
               on_error: Callable[[ExtractError], None] | None = None,
               on_warning: Callable[[str, str], None] | None = None,
               ruleset: RuleSet | None = None) -> Iterator[Fact]:
    """Extract report after report, yielding facts.

    A report that cannot be read or decoded goes to `on_error` as an ExtractError (raised where
    `on_error` is None); a warning about a report that was still extracted (replaced bytes) goes
    to `on_warning(path, message)`. `ruleset` defaults to the package's rules.
    """
    ruleset = ruleset or load_rules()
    for report in reports:
        try:
            if report.unreadable is not None:
                raise report.unreadable
            data = report.path.read_bytes() if report.data is None else report.data
            loaded = load_bytes(data, encoding)
        except (OSError, LoadError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            _fail(ExtractError(str(report.path), reason, skipped=isinstance(error, BinaryFileError)), error, on_error)
            continue
        message = replaced_warning(loaded)
        if message and on_warning is not None:
            on_warning(str(report.path), message)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", RuleTimeout)
                facts = extract_loaded(loaded, report.doc, include_other=include_other, ruleset=ruleset)
            for timeout in dict.fromkeys(str(w.message) for w in caught if w.category is RuleTimeout):
                if on_warning is not None:
                    on_warning(str(report.path), timeout)  # once per pattern and report
            for other in caught:
                if other.category is not RuleTimeout:
                    warnings.warn(other.message, other.category, stacklevel=2)
        except Exception as error:  # a bug met by one report must not lose the batch
            reason = f"internal error, please report it: {type(error).__name__}: {error}"
            _fail(ExtractError(str(report.path), reason), error, on_error)
            continue
        yield from facts


def extract_paths(paths: str | os.PathLike | Iterable[str | os.PathLike], *, include_other: bool = False,
                  encoding: str | None = None,
                  on_error: Callable[[ExtractError], None] | None = None) -> pd.DataFrame:
    """Files and folders of reports → one DataFrame of all their facts.

    A report that cannot be read or decoded is passed to `on_error`; by default it is skipped
    with a warning (as are replaced bytes), so one bad file never loses the rest.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]

    def warn(path: str, message: str) -> None:
        warnings.warn(f"{path}: {message}", stacklevel=4)

    if on_error is None:
        def on_error(failure: ExtractError) -> None:
            warnings.warn(str(failure), stacklevel=4)
    return to_frame(iter_facts(find_reports(paths), include_other=include_other, encoding=encoding,
                               on_error=on_error, on_warning=warn))
