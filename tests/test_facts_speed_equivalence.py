"""The shortcuts of the facts/context stage give what the definitions they stand for give, on the shared reports.

annotate works a sentence's place spans, 截至 phrases and towns out once per sentence and a report's place names,
dates and columns once per report; find_places works a stem out once per run of Han characters; the pipeline asks
the kind, the "another" and the giver only of facts that share their metric, value and unit class with a fact of
another sentence. Each is checked here against the plain per-fact definition, over every report of
../shared/corpus (skipped where it is absent).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import regex

import fangkong.run.pipeline as pipeline
from fangkong.facts import context
from fangkong.facts.context import as_of_date, find_places, nearest_place_span, title_place
from fangkong.facts.places import resolve
from fangkong.facts.record import Mention, collapse_repeats
from fangkong.rules.reader import load_rules
from fangkong.text.load import LoadError, load_bytes

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FOLDERS = ("reports", "unlabeled")


def _reports() -> list[Path]:
    return [path for folder in FOLDERS for path in sorted((SHARED / folder).glob("*")) if path.is_file()]


needs_shared = pytest.mark.skipif(not (SHARED / "reports").is_dir(), reason="needs ../shared/corpus")


@pytest.fixture(scope="module")
def stage_inputs() -> list[tuple[str, list, list, object, object, list]]:
    """Per shared report: its doc, the facts and mentions given to collapse_repeats, the mapped text and the
    segmentation given to annotate, and annotate's rows (captured from extract_document)."""
    captured: list = []
    real_collapse, real_annotate = pipeline.collapse_repeats, pipeline.annotate

    def collapse(facts, mentions):
        captured.append([list(facts), list(mentions)])
        return real_collapse(facts, mentions)

    def annotate(facts, mapped, parts):
        rows = real_annotate(facts, mapped, parts)
        captured[-1] += [mapped, parts, rows]
        return rows

    pipeline.collapse_repeats, pipeline.annotate = collapse, annotate
    try:
        ruleset = load_rules()
        for path in _reports():
            try:
                loaded = load_bytes(path.read_bytes())
            except LoadError:
                continue
            pipeline.extract_loaded(loaded, path.name, include_other=True, ruleset=ruleset)
            captured[-1].insert(0, path.name)
    finally:
        pipeline.collapse_repeats, pipeline.annotate = real_collapse, real_annotate
    return [tuple(item) for item in captured]


@needs_shared
def test_annotate_equals_the_per_fact_definitions(stage_inputs) -> None:
    """Each row's place, as_of and place columns are those the per-fact functions give for it."""
    checked = 0
    for doc, _, _, mapped, parts, rows in stage_inputs:
        text = mapped.text
        sentences = [(s.start, s.end) for s in parts.sentences] or [(0, len(text))]
        report_places = resolve(text, parts.title)
        fallback = title_place(parts.title)
        by_id = {row.id: row for row in rows}
        for row in rows:
            span = mapped.span_from_original(row.start, row.end)
            sentence = max((s for s in sentences if s[0] <= max(span[0], span[1] - 1)), default=sentences[0])
            place = report_places.name_in(text, nearest_place_span(text, sentence, span)) or fallback
            assert row.place == place, (doc, row.id)
            as_of = as_of_date(text, sentence, span, parts.published)
            if as_of is None and row.parent is not None:
                as_of = by_id[row.parent].as_of
            assert row.as_of == as_of, (doc, row.id)
            where = report_places.of_fact(text, sentence, span)
            columns = tuple(value or None for value in dataclasses.astuple(where))
            assert (row.province, row.city, row.county, row.adcode, row.town, row.village) == columns, (doc, row.id)
            checked += 1
    assert checked > 1000


def _find_places_by_definition(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """find_places as defined: every suffix, its stem tried from the longest the run of Han characters allows."""
    words = context._words()
    found = []
    for match in regex.finditer(words.suffix.pattern, text, pos=start, endpos=end):
        if (match.end() < len(text) and text[match.end()] in words.stop_after.get(match.group(), "")
                and not words.free_after.match(text, match.end())):
            continue
        han = 0
        while han <= context._STEM_MAX and match.start() - han - 1 >= start and regex.match(
                r"\p{Han}", text[match.start() - han - 1]):
            han += 1
        for length in range(min(han, context._STEM_MAX), 0, -1):
            stem = text[match.start() - length:match.start()]
            if (length == 2 or length == han) and words.stop_chars.isdisjoint(stem) and (
                    stem not in words.stop_stems and stem[-1] not in words.bound_before
                    and not words.stop_words.search(stem)):
                found.append((match.start() - length, match.end()))
                break
    return found


@needs_shared
def test_find_places_equals_its_definition_on_every_sentence(stage_inputs) -> None:
    """The stem worked out once per run of Han characters is the one tried suffix by suffix."""
    sentences = 0
    for _, _, _, mapped, parts, _ in stage_inputs:
        for sentence in parts.sentences:
            assert find_places(mapped.text, sentence.start, sentence.end) == _find_places_by_definition(
                mapped.text, sentence.start, sentence.end)
            sentences += 1
    assert sentences > 1000


@needs_shared
def test_repeats_collapse_alike_whatever_a_fact_alone_in_its_sentences_names(stage_inputs) -> None:
    """collapse_repeats never reads the kind, the "another" or the giver of a fact that no fact of the same metric,
    value and unit class in another sentence of its report shares them with: the pipeline leaves them empty, and
    filling them in changes nothing."""
    unasked = 0
    for _, facts, mentions, *_ in stage_inputs:
        keys = [(fact.metric, fact.value, fact.value_high, mention.unit_class)
                for fact, mention in zip(facts, mentions, strict=True)]
        filled = []
        for key, mention in zip(keys, mentions, strict=True):
            if len({m.sentence for k, m in zip(keys, mentions, strict=True) if k == key}) == 1:
                unasked += 1
                mention = Mention(*mention[:3], kind="某物", another=True, giver="某人")
            filled.append(mention)
        assert collapse_repeats(facts, filled) == collapse_repeats(facts, mentions)
    assert unasked > 1000
