"""The pipeline: the one module that knows the order of the stages.

load → normalize → segment → quantities → rules → facts, and from the segmented text the body's signature,
which the run's duplicate finder turns into `duplicate_of`. Writers and the CLI sit on top.
"""

from __future__ import annotations

import dataclasses
import hashlib
import heapq
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from fangkong.facts.context import annotate
from fangkong.facts.duplicates import DuplicateFinder, Signature, body_text, mark, signature
from fangkong.facts.record import Fact, Mention, collapse_repeats, repeat_key, row_key, to_frame, with_fields
from fangkong.numbers.quantities import Quantity, find_quantities, measure_words
from fangkong.rules.inherit import Found, evidence_span, inherit
from fangkong.rules.lists import list_company, list_heads
from fangkong.rules.match import (
    PERSON,
    another_mention,
    carried_as_well,
    counts_people,
    giver_named,
    governed_as_well,
    kind_named,
    match_quantity,
)
from fangkong.rules.model import OTHER, RuleSet, RuleTimeout, per_ruleset
from fangkong.rules.reader import load_rules
from fangkong.rules.words import scan
from fangkong.text.load import (
    BinaryFileError,
    ExtractError,
    Loaded,
    LoadError,
    Report,
    load_bytes,
    load_text,
    replaced_warning,
)
from fangkong.text.normalize import normalize
from fangkong.text.segment import line_label, segment

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd

_COMMA_ONLY = regex.compile(r"\s*[,，]\s*")
_BRACKETS = regex.compile(r"[()（）/／·\s]")  # 人(次), 人/次, 人·次 and 人 次 (letter-spaced, wrapped) are written 人次
REPORT_SUFFIXES = {".txt", ".html", ".htm", ""}
# A sentence longer than SENTENCE_LIMIT (an unpunctuated page) is shown as the SENTENCE_WINDOW characters
# around the fact: enough to check it by eye, and the rows of a page of facts stay small.
SENTENCE_LIMIT = 500
SENTENCE_WINDOW = 200


_FACT_FIELDS = tuple(field.name for field in dataclasses.fields(Fact))
_FACT_DEFAULTS = {field.name: field.default for field in dataclasses.fields(Fact)
                  if field.default is not dataclasses.MISSING}


def fact_from_row(row: Iterable) -> Fact:
    """A Fact from its fields in field order (a cache entry's or a worker's row), equal to `Fact(*row)`.

    Built without the frozen dataclass's __init__ (an object.__setattr__ per field): four times cheaper, and
    the warm cache and the workers' rows build every fact of a run this way.
    """
    fact = object.__new__(Fact)
    fact.__dict__.update(zip(_FACT_FIELDS, row, strict=True))
    return fact


def _new_fact(**fields) -> Fact:
    """`Fact(**fields)`, its defaults filled in, built as fact_from_row builds (the pipeline makes one per number)."""
    fact = object.__new__(Fact)
    fact.__dict__.update(_FACT_DEFAULTS, **fields)
    return fact


def _with_unit_classes(quantity: Quantity, unit_classes: frozenset[str]) -> Quantity:
    """`dataclasses.replace(quantity, unit_classes=unit_classes)`, built as `_new_fact` builds (no replace's walk over
    the fields, no frozen __init__)."""
    copy = object.__new__(Quantity)
    copy.__dict__.update(vars(quantity), unit_classes=unit_classes)
    return copy


def _found(quantity: Quantity, clause: tuple[int, int], sentence: tuple[int, int], paragraph: tuple[int, int],
           others: list[Quantity], heading: tuple[int, int] | None,
           outer: tuple[tuple[int, int], ...] = ()) -> Found:
    """`Found(quantity, clause, sentence, paragraph, others, heading, outer)` without the frozen dataclass's __init__
    (an object.__setattr__ per field): one is built per number of every report."""
    found = object.__new__(Found)
    found.__dict__.update(quantity=quantity, clause=clause, sentence=sentence, paragraph=paragraph, others=others,
                          heading=heading, outer=outer)
    return found


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


_KIND_METRICS: dict[int, tuple[RuleSet, frozenset[str]]] = {}


def _kind_metrics(ruleset: RuleSet) -> frozenset[str]:
    """The metrics some rule of which names kinds of things (大米, 矿泉水): worked out once per rule set, not per
    report."""
    return per_ruleset(_KIND_METRICS, ruleset, lambda rules: frozenset(rule.metric for rule in rules.rules
                                                                     if rule.kinds))


@dataclass(frozen=True)
class Extracted:
    """A report's facts, and the signature of its body that the duplicate finder compares (None: not asked
    for, or too short)."""

    facts: list[Fact]
    signature: Signature | None = None


def _joined_clauses(text: str, found: list[tuple]) -> list[tuple]:
    """`found` (sentence id, sentence, clause, quantities) with each clause that holds one number and nothing else
    joined to the clause just before it, across a comma, where that one holds a number too: 共摸排27000余户，86000余人
    counts both in the verb of the first. (A bare number after a clause of no number is a total or an aside.)"""
    joined = list(found)
    for index in range(1, len(found)):
        sentence_id, sentence, (start, end), quantities = found[index]
        before = found[index - 1]
        if (len(quantities) != 1 or before[0] != sentence_id or not _COMMA_ONLY.fullmatch(text, before[2][1], start)
                or text[start:quantities[0].start].strip() or text[quantities[0].end:end].strip()):
            continue
        joined[index] = (sentence_id, sentence, (before[2][0], end), quantities)
    return joined


# Blanks, or a tag of markup (whole, or cut at the span's end), at either end of a span of the original.
# (| and , : the bars and commas between the cells of a Markdown or a comma-separated table)
_EDGE_START = regex.compile(r"(?:\s|[|｜,，]|</?[A-Za-z][^<>]*>|&nbsp;?)+")
_EDGE_END = regex.compile(r"(?:\s|[|｜,，]|</?[A-Za-z][^<>]*>|&nbsp;?|</?[A-Za-z]?[^<>]*$)+$")


def _as_written(original: str, start: int, end: int, unit: str, plain: str | None) -> str:
    """The unit's span of the original, or the part of it that the unit column writes, in the original's script: its
    start where that is the measure word (12个人: 个), its end where that is the noun of people (七八十号人: 人)."""
    if plain is None or end - start != len(unit):
        return original[start:end]
    return original[start:start + len(plain)] if unit.startswith(plain) else original[end - len(plain):end]


def _unit_written(written: str) -> str:
    """A unit as the original writes it, brackets and blanks out (人（次） → 人次); "" where the original holds markup
    there instead (a tag, an entity such as &nbsp;, a table's bar or comma)."""
    return "" if any(mark in written for mark in "<>|｜,，&") else _BRACKETS.sub("", written)


def _trimmed(original: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blanks and tags at its ends: words a normalising step wrote in place of a gap or a tag (a
    table's column header, tables.py; a cell's tab, load.py) map to it, and evidence neither starts nor ends with it."""
    if (found := _EDGE_START.match(original, start, end)) is not None:
        start = found.end()
    if start < end and (found := _EDGE_END.search(original, start, end)) is not None:
        end = found.start()
    return start, end


def extract_loaded(loaded: Loaded, doc: str, *, include_other: bool = False,
                   ruleset: RuleSet | None = None, one_pass: bool = True) -> list[Fact]:
    """One loaded report → its facts, in row order, repeats collapsed, with id, role, place and as_of.

    With `one_pass` (the default) every rule word is found in one scan of the text and looked up by
    position; without it every rule searches the words around every number. The facts are the same.
    """
    return extract_document(loaded, doc, include_other=include_other, ruleset=ruleset, one_pass=one_pass).facts


def extract_document(loaded: Loaded, doc: str, *, include_other: bool = False, ruleset: RuleSet | None = None,
                     one_pass: bool = True, signed: bool = False) -> Extracted:
    """One loaded report → its facts as `extract_loaded` gives them and, with `signed`, the signature of its
    normalised body without page chrome (duplicates.signature), from the same normalize and segment."""
    ruleset = ruleset or load_rules()
    mapped = normalize(loaded.plain)
    text = mapped.text
    original = loaded.original
    parts = segment(text)
    found_signature = signature(body_text(text, ((s.start, s.end) for s in parts.sentences))) if signed else None
    facts: list[Fact] = []
    mentions: list[Mention] = []  # per fact, what tells a repeat from another fact
    asked: dict[int, tuple] = {}  # per fact a rule claimed (its index in facts): what kind, another, giver ask
    kinds = _kind_metrics(ruleset)  # metrics whose nouns name kinds of things
    written_as = measure_words().written_as
    found = _joined_clauses(text, [(sentence_id, sentence, clause, quantities)
                                   for sentence_id, sentence in enumerate(parts.sentences)
                                   for clause in sentence.clauses
                                   if (quantities := find_quantities(text, *clause))])
    hits = scan(ruleset, text) if one_pass and found else None  # a text without numbers needs no words
    # a count in 个 of a noun of people (20个返乡村民) counts people too
    found = [(sentence_id, sentence, clause,
              [_with_unit_classes(quantity, quantity.unit_classes | PERSON)
               if counts_people(ruleset, text, quantity, clause[1], hits) else quantity for quantity in quantities])
             for sentence_id, sentence, clause, quantities in found]
    everything = [quantity for *_, quantities in found for quantity in quantities]
    heads = list_heads(text, everything, ruleset.object_markers, ruleset.people_nouns)
    where = [_found(quantity, clause, (sentence.start, sentence.end), sentence.paragraph, quantities, sentence.heading,
                    sentence.outer)
             for _, sentence, clause, quantities in found for quantity in quantities]
    # every number matched on its own, then those no rule claimed take the claim of their list or total
    matches = inherit(ruleset, text, where, [
        match_quantity(ruleset, text, at.quantity, at.clause, at.sentence, at.paragraph, at.others,
                       everything[head], hits, at.heading, at.outer)
        for at, head in zip(where, heads, strict=True)], heads, hits)
    company = list_company(everything, heads, [match.rule.metric if match is not None else None for match in matches])
    index = 0
    # the title names a giver shortly (某集团捐款), the body at length: no giver is told apart in a line that is the
    # title (each line asked once: a long unpunctuated line holds many sentences)
    title_lines: dict[tuple[int, int], bool] = {}
    for sentence_id, sentence, clause, quantities in found:
        sentence_span = (sentence.start, sentence.end)
        in_title = title_lines.get(sentence.paragraph)
        if in_title is None:
            in_title = title_lines[sentence.paragraph] = (
                parts.title is not None and text[slice(*sentence.paragraph)].strip() == parts.title)
        for quantity in quantities:
            matched = matches[index]
            index += 1
            if matched is None and not include_other:
                continue
            span_start, span_end = quantity.start, quantity.end
            if matched is not None:
                span_start, span_end = evidence_span(ruleset, text, where[index - 1], matched,
                                                     everything[index - 2] if index >= 2 else None, hits)
            start, end = _trimmed(original, *mapped.original_span(span_start, span_end))
            unit_start, unit_end = mapped.original_span(quantity.unit_start, quantity.unit_end)
            if quantity.unit_start >= quantity.number_start and unit_start < mapped.original_span(
                    quantity.start, quantity.unit_start)[1]:
                unit_end = unit_start  # one character written for number and unit (俩 for 两个): the unit is named
            facts.append(_new_fact(
                doc=doc,
                metric=matched.rule.metric if matched else OTHER,
                value=quantity.value,
                value_high=quantity.value_high,
                # 人（次） and 人/次 are written 人次; an implied unit (捐款35万: 元) has no span and is named
                # (a unit written in place of markup, a table header's unit after a cell's tag, is named too)
                unit=_unit_written(_as_written(original, unit_start, unit_end, quantity.unit,
                                               written_as.get(quantity.unit))) or quantity.unit,
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
            # what tells a repeat from another fact beyond its sentence, unit and list is asked below, only of
            # the facts that may repeat one
            mentions.append(Mention(sentence_id, quantity.unit_classes, company[index - 1], "", False, ""))
            if matched is None:
                continue
            asked[len(facts) - 1] = (matched, quantity, clause, sentence_span, in_title)
            # a second claim on the number: 其中湖北返乡人员23人，均已落实居家隔离 (screened, as the total says, and
            # isolated, all of them: the evidence runs on to the action); 排查一般接触人员112人，落实居家隔离 (isolated,
            # as the next clause says, and screened, as the verb before says: the evidence starts at the verb)
            if (also := carried_as_well(ruleset, text, quantity, clause, sentence_span, matched, hits)) is not None:
                shown_span = (quantity.start, also.trigger_end)
            elif (also := governed_as_well(ruleset, text, quantity, clause, sentence_span, matched,
                                           where[index - 1].paragraph, where[index - 1].others, hits)) is not None:
                shown_span = (also.trigger_start, quantity.end)
            else:
                continue
            also_start, also_end = _trimmed(original, *mapped.original_span(*shown_span))
            facts.append(with_fields(facts[-1], metric=also.rule.metric, rule=also.rule.id,
                                     sentence=sentence_shown(text, sentence_span, shown_span),
                                     evidence=original[also_start:also_end], start=also_start, end=also_end))
            mentions.append(mentions[-1])
    if asked:
        # collapse_repeats weighs the kind, the "another" and the giver of a fact only against another fact of the
        # same metric, value and unit class in another sentence: a fact with no such fact keeps the empty ones
        sentences_of: dict[tuple, set[int]] = {}
        for fact, mention in zip(facts, mentions, strict=True):
            sentences_of.setdefault(repeat_key(fact, mention), set()).add(mention.sentence)
        for at, (matched, quantity, clause, sentence_span, in_title) in asked.items():
            fact, mention = facts[at], mentions[at]
            if len(sentences_of[repeat_key(fact, mention)]) > 1:
                mentions[at] = mention._replace(
                    # the word that names the kind of thing counted (大米, 矿泉水), where the metric's rules name kinds
                    kind=kind_named(ruleset, matched.rule.metric, text, quantity, clause, hits)
                    if matched.rule.metric in kinds else "",
                    another=another_mention(ruleset, text, quantity, clause, sentence_span, hits),
                    giver=giver_named(ruleset, text, matched, quantity, clause, hits) if not in_title else "",
                    label=line_label(text, quantity.start))
    return Extracted(annotate(collapse_repeats(facts, mentions), mapped, parts), found_signature)


# A short report that takes every stage's first-use loading: a number a rule claims, a place, a 截至 date
_SAMPLE = "截至2月10日，石桥镇设立卡点11个，发放宣传单2000份，志愿者60名参与值守。"


def prepare(ruleset: RuleSet | None = None) -> None:
    """Load in this process, once, what extracting any report needs first (the gazetteer and its automaton, the
    rule words' automaton, the compiled patterns and word lists), by extracting a short sample: worker
    processes forked after it start with all of it, instead of each loading its own (about 0.2 s each).

    Says nothing and raises nothing: a warning about the sample (a rule of yours that times out on it) or an
    error in it would be the run's own to report, and each report still loads what was not loaded here."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extract_document(load_text(_SAMPLE), "-", ruleset=ruleset or load_rules(), signed=True)
    except Exception:  # the reports will meet it themselves, and say so
        pass


def extract_text(text: str, doc: str = "-", *, include_other: bool = False,
                 ruleset: RuleSet | None = None) -> pd.DataFrame:
    """A report's text (plain or HTML) → a DataFrame of its facts, with the CSV's columns.

    `ruleset` defaults to the shipped rules (load_rules(paths) adds a rule pack of yours)."""
    return to_frame(extract_loaded(load_text(text), doc, include_other=include_other, ruleset=ruleset))


def extract_bytes(data: bytes, doc: str = "-", *, include_other: bool = False,
                  encoding: str | None = None, ruleset: RuleSet | None = None) -> pd.DataFrame:
    """A report's raw bytes → a DataFrame of its facts. Raises LoadError for non-text bytes."""
    return to_frame(extract_loaded(load_bytes(data, encoding), doc, include_other=include_other, ruleset=ruleset))


def _is_report(name: str) -> bool:
    """A file name that is a report's: not hidden, and its suffix (as Path.suffix reads it, no Path built) a
    report's."""
    dot = name.rfind(".")
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    return not name.startswith(".") and suffix.lower() in REPORT_SUFFIXES


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
    if len(given) == 1:  # one walk is in order already
        return _once(_walk_given(given[0]))
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
        elif _is_report(entry.name):
            yield Report(Path(entry.path), prefix + entry.name)


def _once(reports: Iterable[Report]) -> Iterator[Report]:
    """Each file once, at its first place: a file reached twice (a link, overlapping arguments) is read once."""
    seen: set[bytes] = set()
    folders: dict[str, str] = {}  # a folder's real path, resolved once for all its files
    for report in reports:
        path = os.fspath(report.path)
        if os.path.islink(path):
            real = os.path.realpath(path)
        else:
            folder, name = os.path.split(path)
            if folder not in folders:
                folders[folder] = os.path.realpath(folder or ".")
            real = os.path.join(folders[folder], name)
        key = hashlib.blake2b(os.fsencode(real), digest_size=16).digest()
        if key not in seen:
            seen.add(key)
            yield report


def _fail(failure: ExtractError, cause: Exception, on_error: Callable[[ExtractError], None] | None) -> None:
    """Hand a failed report to `on_error`, or raise it where there is none."""
    if on_error is None:
        raise failure from cause
    on_error(failure)


def extract_reports(reports: Iterable[Report], *, include_other: bool = False, encoding: str | None = None,
                    on_error: Callable[[ExtractError], None] | None = None,
                    on_warning: Callable[[str, str], None] | None = None,
                    on_done: Callable[[Report], None] | None = None,
                    ruleset: RuleSet | None = None, duplicates: DuplicateFinder | None = None) -> Iterator[Fact]:
    """Extract report after report, yielding each report's facts in the order they were found.

    A report that cannot be read or decoded goes to `on_error` as an ExtractError (raised where
    `on_error` is None); a warning about a report that was still extracted (replaced bytes) goes
    to `on_warning(path, message)`. `on_done(report)` is called once per report, whatever became of it,
    after its last fact was taken. `ruleset` defaults to the package's rules. With `duplicates` (the run's
    finder) the facts of a report that copies an earlier one carry that one's doc in `duplicate_of`.
    """
    ruleset = ruleset or load_rules()
    for report in reports:
        extracted = extract_report_signed(report, include_other, encoding, on_error, on_warning, ruleset,
                                          signed=duplicates is not None)
        if duplicates is None:
            yield from extracted.facts
        else:
            yield from mark(extracted.facts, duplicates.first_copy(report.doc, extracted.signature))
        if on_done is not None:
            on_done(report)


def extract_report_signed(report: Report, include_other: bool, encoding: str | None,
                          on_error: Callable[[ExtractError], None] | None,
                          on_warning: Callable[[str, str], None] | None, ruleset: RuleSet,
                          signed: bool = True) -> Extracted:
    """One report → its facts and (with `signed`) its body's signature; a failure goes to on_error and gives
    no facts and no signature."""
    try:
        if report.unreadable is not None:
            raise report.unreadable
        data = report.path.read_bytes() if report.data is None else report.data
        loaded = load_bytes(data, encoding)
    except (OSError, LoadError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        _fail(ExtractError(str(report.path), reason, skipped=isinstance(error, BinaryFileError)), error, on_error)
        return Extracted([])
    message = replaced_warning(loaded)
    if message and on_warning is not None:
        on_warning(str(report.path), message)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RuleTimeout)
            extracted = extract_document(loaded, report.doc, include_other=include_other, ruleset=ruleset,
                                         signed=signed)
        for timeout in dict.fromkeys(str(w.message) for w in caught if w.category is RuleTimeout):
            if on_warning is not None:
                on_warning(str(report.path), timeout)  # once per pattern and report
        for other in caught:
            if other.category is not RuleTimeout:
                warnings.warn(other.message, other.category, stacklevel=3)  # the frame that takes the facts
    except Exception as error:  # a bug met by one report must not lose the batch
        reason = f"internal error, please report it: {type(error).__name__}: {error}"
        _fail(ExtractError(str(report.path), reason), error, on_error)
        return Extracted([])
    return extracted


def iter_facts(paths: str | os.PathLike | Iterable[str | os.PathLike], *, include_other: bool = False,
               encoding: str | None = None,
               on_error: Callable[[ExtractError], None] | None = None,
               ruleset: RuleSet | None = None) -> Iterator[Fact]:
    """Files and folders of reports → their facts one at a time, in the order of `extract_paths`' rows.

    For streaming: only the report being extracted is held in memory, and a report's facts come as soon
    as it is done (reports with the same doc name are sorted together first). Bad files are handled as
    in `extract_paths`. A report that copies an earlier one has that one's doc in `duplicate_of`.
    """
    return _iter_facts(paths, include_other, encoding, on_error, 0, ruleset)


def _iter_facts(paths: str | os.PathLike | Iterable[str | os.PathLike], include_other: bool, encoding: str | None,
                on_error: Callable[[ExtractError], None] | None, depth: int,
                ruleset: RuleSet | None = None) -> Iterator[Fact]:
    """iter_facts, its default warnings pointing `depth` frames further out (to extract_paths' caller)."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]

    def warn(path: str, message: str) -> None:
        warnings.warn(f"{path}: {message}", stacklevel=5 + depth)  # the frame that takes the facts

    if on_error is None:
        def on_error(failure: ExtractError) -> None:
            warnings.warn(str(failure), stacklevel=6 + depth)
    ruleset = ruleset or load_rules()
    duplicates = DuplicateFinder()
    # reports come in doc order, those sharing a doc name together: a doc's facts go out when it ends
    for _, same_doc in groupby(iter_reports(paths), key=lambda report: report.doc):
        held: list[Fact] = []
        for report in same_doc:
            held.extend(extract_reports([report], include_other=include_other, encoding=encoding,
                                        on_error=on_error, on_warning=warn, ruleset=ruleset,
                                        duplicates=duplicates))
        yield from sorted(held, key=row_key)


def extract_paths(paths: str | os.PathLike | Iterable[str | os.PathLike], *, include_other: bool = False,
                  encoding: str | None = None,
                  on_error: Callable[[ExtractError], None] | None = None,
                  ruleset: RuleSet | None = None) -> pd.DataFrame:
    """Files and folders of reports → one DataFrame of all their facts.

    A report that cannot be read or decoded is passed to `on_error`; by default it is skipped
    with a warning (as are replaced bytes), so one bad file never loses the rest. A report that copies an
    earlier one (in doc order) has that one's doc in `duplicate_of`.
    """
    return to_frame(_iter_facts(paths, include_other, encoding, on_error, 2, ruleset))
