"""Context: each fact's id, its role and parent (see relations), its place and the date it is counted to.

- place: the place name (…镇, …乡, …街道, …村, …社区, …县/区) in the fact's sentence nearest to it, else
  the first place name in the report's title;
- as_of: the ISO date of a 截至2月10日 / 截止目前 phrase in the fact's sentence, the year taken from
  `published` (the year before where the month is later than published's); a part without one takes its
  total's;
- id: `doc#n`, n the fact's 1-based position in the report's rows.

The suffixes, stop words and phrases are in `data/context.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import attrgetter

import regex

from fangkong.facts.places import Place, nearest_local, nearness, resolve
from fangkong.facts.record import Fact, with_fields
from fangkong.facts.relations import Located, relate, roles
from fangkong.text.segment import Segmented, Sentence
from fangkong.text.textmap import MappedText

_HAN_BEFORE = regex.compile(r"(?r)\p{Han}+")  # matched backwards: the Han characters that end where it is asked
_STEM_MAX = 4


@dataclass(frozen=True)
class _Words:
    suffix: re.Pattern
    stop_chars: frozenset[str]
    stop_stems: frozenset[str]
    stop_words: regex.Pattern
    bound_before: frozenset[str]
    stop_after: dict[str, str]
    free_after: regex.Pattern
    as_of: regex.Pattern
    yesterday: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = tomllib.loads(resources.files("fangkong.data").joinpath("context.toml").read_text("utf-8"))
    place, as_of = data["place"], data["as_of"]

    def alternatives(words: list[str]) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))

    date = r"(?:(?P<year>(?:19|20)\d\d)\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]?"
    return _Words(
        # plain words: the standard library's re finds them faster than regex (the same matches: no class, no flag)
        suffix=re.compile(alternatives(place["suffixes"])),
        stop_chars=frozenset(place["stop_chars"]),
        stop_stems=frozenset(place["stop_stems"]),
        stop_words=regex.compile(alternatives(place["stop_words"])),
        bound_before=frozenset(place["bound_before"]),
        stop_after=dict(place["stop_after"]),
        free_after=regex.compile(alternatives(place["free_after"])),
        as_of=regex.compile(rf"(?:{alternatives(as_of['lead'])})\s*(?:{date}|(?P<now>{alternatives(as_of['now'])}))"),
        yesterday=frozenset(as_of["yesterday"]),
    )


def _stem(text: str, start: int, suffix_start: int) -> int | None:
    """Where the name before the suffix at `suffix_start` begins (not before `start`), or None if there is none.

    Two Han characters by default; up to four, or just one, where the name starts its clause.
    """
    # the run of Han characters before the suffix (up to one more than a stem): a stem is all Han, so no longer
    # than the run, and it starts its clause where it is the whole run (what precedes it is not Han)
    run = _HAN_BEFORE.match(text, max(start, suffix_start - _STEM_MAX - 1), suffix_start)
    if run is None:
        return None
    length = _stem_length(run.group())
    return None if length is None else suffix_start - length


@lru_cache(maxsize=4096)
def _stem_length(run: str) -> int | None:
    """The length of the stem that ends a run of Han characters (see _stem), or None: it depends on the run alone,
    so it is worked out once per run (place names come back, report after report)."""
    words = _words()
    han = len(run)
    for length in range(min(han, _STEM_MAX), 0, -1):
        if length == 2 or length == han:
            stem = run[han - length:]
            if (words.stop_chars.isdisjoint(stem) and stem not in words.stop_stems
                    and stem[-1] not in words.bound_before and not words.stop_words.search(stem)):
                return length
    return None


def find_places(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the place names (南桥村, 云溪街道, 东坪镇) in `text[start:end]`, in order."""
    words = _words()
    end = len(text) if end is None else end
    size = len(text)
    found = []
    for match in words.suffix.finditer(text, start, end):
        suffix_start, suffix_end = match.span()
        if (suffix_end < size and text[suffix_end] in words.stop_after.get(match.group(), "")
                and not words.free_after.match(text, suffix_end)):
            continue
        begin = _stem(text, start, suffix_start)
        if begin is not None:
            found.append((begin, suffix_end))
    return found


def nearest_place(text: str, sentence: tuple[int, int], fact: tuple[int, int],
                  places: Sequence[tuple[int, int]] | None = None) -> str | None:
    """The place name in the sentence nearest to the fact's span (one before it wins a tie), else None.

    `places` are the sentence's place spans where already found (find_places), in order.
    """
    span = nearest_place_span(text, sentence, fact, places)
    return text[span[0]:span[1]] if span else None


def nearest_place_span(text: str, sentence: tuple[int, int], fact: tuple[int, int],
                       places: Sequence[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """The span of nearest_place's name, else None."""
    places = find_places(text, *sentence) if places is None else places
    if len(places) < 2:  # nothing to weigh: most sentences name one place or none
        return places[0] if places else None
    return min(places, key=lambda span: nearness(text, span, fact))


def title_place(title: str | None) -> str | None:
    """The report's subject: the first place name in its title, else None."""
    if not title:
        return None
    places = find_places(title)
    return title[places[0][0]:places[0][1]] if places else None


def as_of_phrases(text: str, sentence: tuple[int, int]) -> list[regex.Match]:
    """The 截至… phrases of a sentence, in order."""
    return list(_words().as_of.finditer(text, *sentence))


def as_of_date(text: str, sentence: tuple[int, int], fact: tuple[int, int], published: str | None,
               phrases: Sequence[regex.Match] | None = None) -> str | None:
    """The ISO date of the 截至… phrase governing the fact (the nearest before it in its sentence, else one
    after it there), or None. A date without a year takes published's (the year before where its month is
    later than published's); 截至目前 is published itself. `phrases` are the sentence's, where already found."""
    phrases = as_of_phrases(text, sentence) if phrases is None else phrases
    if not phrases:
        return None
    return _phrase_date(_governing(phrases, fact[0]), published)


def _governing(phrases: Sequence[regex.Match], fact_start: int) -> regex.Match:
    """Of a sentence's 截至… phrases (not none), the one governing a fact starting at `fact_start`: the nearest
    before it, else the first."""
    before = bisect_left(phrases, fact_start, key=lambda m: m.start())  # phrases starting before the fact
    return phrases[before - 1] if before else phrases[0]


def _phrase_date(phrase: regex.Match, published: str | None) -> str | None:
    """The ISO date a 截至… phrase counts to (as_of_date), or None."""
    words = _words()
    try:
        issued = dt.date.fromisoformat(published) if published else None
    except ValueError:
        issued = None
    if phrase.group("now"):
        if issued is None:
            return None
        if phrase.group("now") in words.yesterday:
            issued -= dt.timedelta(days=1)
        return issued.isoformat()
    month, day = int(phrase.group("month")), int(phrase.group("day"))
    if phrase.group("year"):
        year = int(phrase.group("year"))
    elif issued is not None:
        year = issued.year - (1 if month > issued.month else 0)
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _located(metric: str, value: float, qualifier: str, start: int, end: int, sentence: int) -> Located:
    """`Located(...)`, built without the frozen dataclass's __init__ (an object.__setattr__ per field): one per
    fact."""
    located = object.__new__(Located)
    located.__dict__.update(metric=metric, value=value, qualifier=qualifier, start=start, end=end,
                            sentence=sentence)
    return located


_ROW_ORDER = attrgetter("start", "end", "metric")  # a report's rows: by start, then end, then metric
_START = attrgetter("start")


class _Spans(Sequence[tuple[int, int]]):
    """The (start, end) spans of a report's sentences, made when asked for: a report's facts stand in few of its
    sentences, so the spans of all of them are not listed."""

    __slots__ = ("_sentences",)

    def __init__(self, sentences: Sequence[Sentence]):
        self._sentences = sentences

    def __getitem__(self, index: int) -> tuple[int, int]:  # type: ignore[override]  # (no slice is asked for)
        sentence = self._sentences[index]
        return sentence.start, sentence.end

    def __len__(self) -> int:
        return len(self._sentences)


def _place_columns(place: Place) -> tuple[str | None, ...]:
    """A place's province, city, county, adcode, town and village columns (None where unknown)."""
    return (place.province or None, place.city or None, place.county or None, place.adcode or None,
            place.town or None, place.village or None)


def annotate(facts: Sequence[Fact], mapped: MappedText, parts: Segmented) -> list[Fact]:
    """One report's facts → the same facts in row order (start, end, metric) with id, role, parent, place
    and as_of filled in. `mapped` is the normalized text the facts were found in, `parts` its segmentation."""
    ordered = sorted(facts, key=_ROW_ORDER)
    if not ordered:
        return []
    text = mapped.text
    sentences = _Spans(parts.sentences)
    located = []
    for fact in ordered:
        begin, stop = mapped.span_from_original(fact.start, fact.end)
        sentence = max(0, bisect_right(parts.sentences, max(begin, stop - 1), key=_START) - 1)
        located.append(_located(fact.metric, fact.value, fact.qualifier, begin, stop, sentence))
    parents = relate(located, text, sentences)
    fallback = title_place(parts.title)
    report_places = resolve(text, parts.title)
    report_place = report_places.place
    report_columns = _place_columns(report_place)  # most facts are where the report is: its columns made once
    published = parts.published
    # per sentence, worked out once for all its facts: its place spans, its 截至 phrases, the towns and villages
    # of the report's county in it
    places: dict[int, list[tuple[int, int]]] = {}
    phrases: dict[int, list[regex.Match]] = {}
    local: dict[int, list] = {}
    # per report, worked out once for all the facts that share them: the name at a place span, the date of a
    # phrase, the columns of a town or village
    names: dict[tuple[int, int] | None, str | None] = {}
    dates: dict[int, str | None] = {}
    local_columns: dict[int, tuple[str | None, ...]] = {}
    province, city, county, adcode = report_columns[:4]
    annotated = []
    for number, (fact, where, parent, role) in enumerate(zip(ordered, located, parents, roles(parents),
                                                             strict=True), start=1):
        span = (where.start, where.end)
        sentence_id = where.sentence
        sentence = sentences[sentence_id] if sentences else (0, len(text))
        if sentence_id not in places:
            places[sentence_id] = find_places(text, *sentence)
            phrases[sentence_id] = as_of_phrases(text, sentence)
            local[sentence_id] = report_places.local_in(sentence)
        # the columns of report_places.of_fact: the report's, with the nearest town or village of the sentence
        inside = local[sentence_id]
        if inside:
            nearest = nearest_local(text, inside, span)
            columns = local_columns.get(id(nearest))
            if columns is None:
                columns = local_columns[id(nearest)] = (province, city, county, adcode,
                                                        nearest.town or None, nearest.village or None)
        else:
            columns = report_columns
        place_span = nearest_place_span(text, sentence, span, places[sentence_id])
        if place_span in names:
            name = names[place_span]
        else:
            name = names[place_span] = report_places.name_in(text, place_span)
        sentence_phrases = phrases[sentence_id]
        if sentence_phrases:
            phrase = _governing(sentence_phrases, span[0])
            if id(phrase) in dates:
                as_of = dates[id(phrase)]
            else:
                as_of = dates[id(phrase)] = _phrase_date(phrase, published)
        else:
            as_of = None
        annotated.append(with_fields(
            fact,
            id=f"{fact.doc}#{number}",
            role=role,
            parent=f"{fact.doc}#{parent + 1}" if parent is not None else None,
            place=name or fallback,
            as_of=as_of,
            province=columns[0],
            city=columns[1],
            county=columns[2],
            adcode=columns[3],
            town=columns[4],
            village=columns[5],
        ))
    for index, parent in enumerate(parents):
        if parent is not None and annotated[index].as_of is None and annotated[parent].as_of is not None:
            # a part in the sentence after its total (…截止目前，共收到捐款8.6万元。其中…) is counted to the same day
            annotated[index] = with_fields(annotated[index], as_of=annotated[parent].as_of)
    return annotated
