"""Places: where a report is on China's administrative map, and the town or village each of its facts is about.

A report's mentions are found in one scan of its normalized text (leftmost-longest names of provinces, cities,
counties, short or full, and towns; telephone area codes; villages by their endings). Named counties and
towns nominate counties (short names only where nothing else does, and with a second name of the place);
every mention weighs for the nominated counties that contain it (a city for its counties, a town for the
counties that have a town of that name, villages for the leading ones). The heaviest county wins where it is
the only heaviest; a tie leaves the report unresolved. Without a nominated county a city (then a province)
that is named enough is the report's place. The report is about a town (village) where its title names one,
where the text gives it its county as address, or where it has most of the mentions and the report's own
words do not say county (全县 against 全镇). docs/places.md tells the whole of it.

Mentions that put a place elsewhere (来自武汉, 湖北籍) do not count. The words are in `data/places.toml`."""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from operator import itemgetter

import ahocorasick_rs
import regex

from fangkong.facts import gazetteer as gz

CHUNK = 1 << 16  # characters scanned at a time (see _scan)
_CLAUSE_BREAK = regex.compile(r"[,，;；:：、]")
_PHONE = regex.compile(r"(?<![\d])[(（]?(0\d{2,3})[)）]?[-—\s]?\d{7,8}(?!\d)")


def nearness(text: str, span: tuple[int, int], fact: tuple[int, int]) -> tuple[int, int, int]:
    """How far a name's span is from a fact's, to sort by: the clause breaks between them, then the characters,
    then one after the fact after one before it (设卡点15个 in 递铺街道设卡点15个，天子湖镇… is 递铺街道's)."""
    if span[1] <= fact[0]:
        between, after = (span[1], fact[0]), 0
    elif span[0] >= fact[1]:
        between, after = (fact[1], span[0]), 1
    else:
        return 0, 0, 0
    return len(_CLAUSE_BREAK.findall(text, *between)), between[1] - between[0], after


@dataclass(frozen=True)
class Place:
    """Where a report, or one fact, is: names in simplified script, "" where unknown; adcode the county's
    6-digit code (the city's for a report placed only at city level)."""

    province: str = ""
    city: str = ""
    county: str = ""
    adcode: str = ""
    town: str = ""
    village: str = ""


NOWHERE = Place()


@dataclass(frozen=True)
class _Local:
    """A town or village of the report's county named in its text."""

    start: int
    end: int
    town: str
    village: str


def nearest_local(text: str, inside: Sequence[_Local], fact: tuple[int, int]) -> _Local:
    """Of a sentence's towns and villages (ReportPlaces.local_in, not empty), the one nearest to the fact."""
    if len(inside) == 1:  # nothing to weigh: most sentences name one
        return inside[0]
    return min(inside, key=lambda m: nearness(text, (m.start, m.end), fact))


@dataclass(frozen=True)
class ReportPlaces:
    """A report's place and the towns and villages of its county that its text names (for its facts)."""

    place: Place = NOWHERE
    local: tuple[_Local, ...] = field(default=())

    def of_fact(self, text: str, sentence: tuple[int, int], fact: tuple[int, int]) -> Place:
        """The place of a fact: the report's, with the town or village of its sentence nearest to the fact
        where the sentence names one in the report's county."""
        inside = self.local_in(sentence)
        if not inside:
            return self.place
        nearest = nearest_local(text, inside, fact)
        return Place(self.place.province, self.place.city, self.place.county, self.place.adcode,
                     nearest.town, nearest.village)

    def local_in(self, sentence: tuple[int, int]) -> list[_Local]:
        """The towns and villages of `local` inside the sentence's span, in order (of_fact's candidates)."""
        starts = self._starts
        inside = self.local[bisect_left(starts, sentence[0]):bisect_right(starts, sentence[1] - 1)]
        return [m for m in inside if m.end <= sentence[1]]

    @cached_property
    def _starts(self) -> list[int]:
        """Where each of `local` starts (they are sorted by it): listed once, for every fact of the report."""
        return [m.start for m in self.local]

    def name_in(self, text: str, span: tuple[int, int] | None) -> str | None:
        """The place name found at `span` of the text (find_places), as the gazetteer names it: a town or village
        of the report's county named over it (星村镇 for 星村, 长山镇 for 邹平长山镇), else the town name it ends
        with; else as found. None where there is no span."""
        if span is None:
            return None
        found = text[span[0]:span[1]]
        over = [m for m in self.local if m.start < span[1] and span[0] < m.end]
        if over:
            return over[-1].village or over[-1].town
        gazetteer = _gazetteer()
        if gazetteer is None or found in gazetteer.towns:
            return found
        generic = load_words().generic
        for begin in range(1, len(found) - 2):  # a name of three characters at least (长山镇, not 社区)
            rest = found[begin:]
            if rest not in generic and rest in gazetteer.towns:
                return rest
        return found


@dataclass(frozen=True)
class Words:
    """The language knowledge of data/places.toml."""

    generic: frozenset[str]
    not_town: regex.Pattern
    town_endings: tuple[str, ...]
    village_endings: re.Pattern
    village_ending_words: tuple[str, ...]
    village_stem_min: int
    before: tuple[str, ...]
    after: tuple[str, ...]
    about: dict[str, re.Pattern]
    weights: dict[str, float]


@lru_cache(maxsize=1)
def load_words() -> Words:
    """data/places.toml, read once."""
    data = tomllib.loads(resources.files("fangkong.data").joinpath("places.toml").read_text("utf-8"))
    names = data["names"]

    def alternatives(words: list[str]) -> re.Pattern:
        # plain words, longest first: the standard library's re finds them in a whole text a third faster than
        # regex (the same matches: no class, no flag)
        return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    return Words(
        generic=frozenset(names["generic"]),
        town_endings=tuple(names["town_endings"]),
        not_town=regex.compile(f"[{regex.escape(names['not_in_town'])}]"),
        village_endings=alternatives(names["village_endings"]),
        village_ending_words=tuple(names["village_endings"]),
        village_stem_min=int(names["village_stem_min"]),
        before=tuple(data["elsewhere"]["before"]),
        after=tuple(data["elsewhere"]["after"]),
        about={level: alternatives(words) for level, words in data["about"].items()},
        weights={name: float(value) for name, value in data["weights"].items()},
    )


@lru_cache(maxsize=1)
def _gazetteer() -> gz.Gazetteer | None:
    return gz.load() if gz.available() else None


@lru_cache(maxsize=1)
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[str], int] | None:
    """One automaton over every province, city, county and town name (generic names left out), its names and
    the length of the longest."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return None
    words = load_words()
    # a town of two characters that does not end as towns do (地区, 城市) is a common word
    towns = {t for t in gazetteer.towns if len(t) > 2 or t.endswith(words.town_endings)}
    patterns = sorted((set(gazetteer.names) | towns) - words.generic)
    automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    return automaton, patterns, max(map(len, patterns))


@dataclass
class _Evidence:
    """What a report's text says about where it is."""

    counties: dict[int, float] = field(default_factory=lambda: defaultdict(float))  # nominated: weight
    county_mentions: Counter = field(default_factory=Counter)
    county_spans: list[tuple[int, int, int]] = field(default_factory=list)  # start, end, county: full or short
    support: dict[int, float] = field(default_factory=lambda: defaultdict(float))  # any unit: weight
    towns: list[tuple[int, int, str, float]] = field(default_factory=list)  # start, end, name, weight
    shorts: dict[int, float] = field(default_factory=lambda: defaultdict(float))  # counties by short names


def _scan(automaton: ahocorasick_rs.AhoCorasick, longest: int, text: str) -> list[tuple[int, int, int]]:
    """The automaton's leftmost-longest matches in the text: (pattern, start, end). A long text is scanned in
    chunks (overlapping by the longest name less one), so that what the automaton copies stays small."""
    found = []
    last_end = 0
    for chunk in range(0, len(text), CHUNK):
        piece = text[chunk:chunk + CHUNK + longest - 1]
        for pattern, start, end in automaton.find_matches_as_indexes(piece):
            if start < CHUNK and chunk + start >= last_end:  # else it is found with the next chunk
                found.append((pattern, chunk + start, chunk + end))
                last_end = chunk + end
    return found


def _gather(text: str, title_span: tuple[int, int], gazetteer: gz.Gazetteer, words: Words) -> _Evidence:
    automaton, patterns, longest = _automaton()
    weights = words.weights
    named = _named(gazetteer)
    before, after = words.before, words.after
    title_start, title_end = title_span
    evidence = _Evidence()
    for pattern, start, end in _scan(automaton, longest, text):
        if text[max(0, start - 4):start].endswith(before) or text.startswith(after, end):  # 来自武汉, 湖北籍
            continue
        name = patterns[pattern]
        boost = weights["title"] if title_start <= start < title_end else 1.0
        units = named.get(name, False)
        if units is False:
            units = named[name] = _units_named(name, gazetteer)
        if units is None:
            evidence.towns.append((start, end, name, boost))
            continue
        inside = None
        for index, level, full in units:
            if not full:
                if inside is None:
                    # a short name whose first or last character makes a word with its neighbour is inside a
                    # word (人民和)
                    inside = ((start > 0 and text[start - 1:start + 1] in gazetteer.words)
                              or text[end - 1:end + 1] in gazetteer.words)
                if inside:
                    continue
            if level == gz.COUNTY:
                evidence.county_spans.append((start, end, index))
                if full:
                    again = evidence.county_mentions[index] > 0
                    evidence.county_mentions[index] += 1
                    evidence.counties[index] += weights["county_again"] if again else weights["county"] * boost
                else:
                    evidence.shorts[index] += weights["county_short"] * boost
            elif level == gz.CITY:
                evidence.support[index] += weights["city" if full else "city_short"] * boost
            else:
                evidence.support[index] += weights["province"] * boost
    for match in _PHONE.finditer(text):
        city = gazetteer.area_codes.get(match.group(1))
        if city is not None:
            evidence.support[city] += weights["phone"]
    return evidence


@lru_cache(maxsize=1)
def _named(gazetteer: gz.Gazetteer) -> dict[str, tuple[tuple[int, str, bool], ...] | None]:
    """What each name the automaton found stands for (_units_named), filled in as names are met: worked out once
    a process, not at every mention."""
    return {}


def _units_named(name: str, gazetteer: gz.Gazetteer) -> tuple[tuple[int, str, bool], ...] | None:
    """None for a town's name; else the units a mention of the name can be: (index, level, whether the name is
    the unit's full one), a county left out where it is a short name that also names a city or province (a bare
    西安 is the city, not 辽源's 西安区)."""
    if name in gazetteer.towns:
        return None
    units = gazetteer.names.get(name, ())
    higher = any(gazetteer.units[i].level != gz.COUNTY for i in units)
    found = []
    for index in units:
        level, full = gazetteer.units[index].level, gazetteer.is_full(index, name)
        if not (higher and level == gz.COUNTY and not full):
            found.append((index, level, full))
    return tuple(found)


def _villages_named(text: str, county: int, gazetteer: gz.Gazetteer, words: Words,
                    endings: Sequence[tuple[int, int]]) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """The villages of a county named in the text: start, end, name, the towns that have one so named."""
    villages = gazetteer.villages(county)
    tails = _village_tails(gazetteer, county, words.village_stem_min, words.village_ending_words)
    stem_min = words.village_stem_min
    found = []
    last_end = -1
    for ending_start, ending_end in endings:
        # every name tried below ends in the shortest stem and this ending: where no village's name ends so (most
        # 村 of a text: 村民, 进村), none is tried
        if ending_start < stem_min or text[ending_start - stem_min:ending_end] not in tails:
            continue
        for length in range(6, stem_min - 1, -1):
            begin = ending_start - length
            if begin < 0 or begin < last_end:
                continue
            name = text[begin:ending_end]
            if name in villages:
                found.append((begin, ending_end, name, villages[name]))
                last_end = ending_end
                break
    return found


@lru_cache(maxsize=1024)
def _village_tails(gazetteer: gz.Gazetteer, county: int, stem_min: int, endings: tuple[str, ...]) -> frozenset[str]:
    """What _villages_named looks at first: the shortest stem and the ending that each of a county's village names
    ends in (a name that ends in no ending is never found)."""
    return frozenset(name[-(stem_min + len(ending)):] for name in gazetteer.villages(county) for ending in endings
                     if name.endswith(ending) and len(name) >= stem_min + len(ending))


def _score(county: int, evidence: _Evidence, gazetteer: gz.Gazetteer, words: Words,
           town_counts: dict[str, tuple[int, float]], villages: Sequence[tuple[int, int, str, tuple[str, ...]]]
           ) -> float:
    weights = words.weights
    score = evidence.counties.get(county, 0.0) + evidence.shorts.get(county, 0.0)
    named_towns = set()
    for name, (count, boost) in town_counts.items():
        if county in gazetteer.towns[name]:
            score += weights["town"] * boost + weights["town_again"] * (count - 1)
            named_towns.add(name)
    city = gazetteer.city_of[county]
    if city is not None:
        score += evidence.support.get(city, 0.0)
    score += evidence.support.get(gazetteer.province_of[county], 0.0)
    for name in {v[2] for v in villages}:
        in_town = any(set(v[3]) & named_towns for v in villages if v[2] == name)
        if in_town or not town_counts:  # where towns are named, only their villages tell their counties apart
            score += weights["village"] + (weights["village_in_town"] if in_town else 0.0)
    return score


def _about(text: str, words: Words, level: str) -> int:
    """How many words of the level (county, town, village) that speak of the report's own place the text holds."""
    # counted by subn, in C: a page of one 50 MB line must not become a list of millions of strings (findall), and
    # a Python step per match (finditer) was most of the time
    return words.about[level].subn("", text)[1]


def _main(counts: Counter, title_names: Sequence[str], share: float) -> str:
    """The one name the report is about: the first its title names, else one with `share` of the mentions."""
    for name in title_names:
        if name in counts:
            return name
    if not counts:
        return ""
    name, count = max(counts.items(), key=itemgetter(1))  # most_common(1), without its heapq round trip
    return name if count >= share * sum(counts.values()) else ""


def resolve(text: str, title: str | None = None) -> ReportPlaces:
    """A report's normalized text (and its title) → its place and the towns and villages of its county named
    in it. Without the gazetteer's package, or where nothing resolves, the place is empty."""
    gazetteer = _gazetteer()
    if gazetteer is None or not text:
        return ReportPlaces()
    words = load_words()
    weights = words.weights
    title_start = text.find(title) if title else -1
    title_span = (title_start, title_start + len(title)) if title_start >= 0 else (0, 0)
    evidence = _gather(text, title_span, gazetteer, words)
    town_counts: dict[str, tuple[int, float]] = {}
    for _, _, name, boost in evidence.towns:
        count, best = town_counts.get(name, (0, 1.0))
        town_counts[name] = (count + 1, max(best, boost))
    nominated = set(evidence.counties)
    for name in town_counts:
        if name.endswith(words.town_endings):
            nominated.update(gazetteer.towns[name])
    endings = [(m.start(), m.end()) for m in words.village_endings.finditer(text)]
    if not nominated:
        # short names alone name a county where they are named enough and so is its city, its province, one of
        # its towns or one of its villages: a short name can be a word or part of one (通道, 人民和), two
        # independent names of one place are not
        nominated = {c for c, w in evidence.shorts.items() if w >= weights["short_alone"]
                     and (evidence.support.get(gazetteer.city_of[c] or -1) or
                          evidence.support.get(gazetteer.province_of[c]) or
                          any(c in gazetteer.towns[name] for name in town_counts) or
                          _villages_named(text, c, gazetteer, words, endings))}
    # villages weigh only among the leading counties: reading a county's villages is the costly part
    base = sorted(((_score(c, evidence, gazetteer, words, town_counts, ()), c) for c in nominated), reverse=True)
    scored = []
    for score, county in base:
        if score < base[0][0] - weights["village_margin"] or len(scored) >= weights["village_counties"]:
            scored.append((score, county, []))
            continue
        villages = _villages_named(text, county, gazetteer, words, endings)
        scored.append((_score(county, evidence, gazetteer, words, town_counts, villages), county, villages))
    scored.sort(key=lambda item: -item[0])
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0] + 1e-9):
        _, county, villages = scored[0]
        if not _city_report(county, evidence, gazetteer, town_counts, weights):
            return _placed(text, title_span, county, villages, evidence, gazetteer, words)
        scored = scored[:1]
    place = _above_county(evidence, gazetteer, words, [c for s, c, _ in scored if s == scored[0][0]]
                          if scored else [])
    if place.city and not scored:
        return _descend(text, title_span, place, evidence, gazetteer, words, endings)
    return ReportPlaces(place)


def _city_report(county: int, evidence: _Evidence, gazetteer: gz.Gazetteer,
                 town_counts: dict[str, tuple[int, float]], weights: dict[str, float]) -> bool:
    """True where a report names its county in passing but is about the county's city (named far more)."""
    city = gazetteer.city_of[county]
    if city is None or any(county in gazetteer.towns[name] for name in town_counts):
        return False
    own = evidence.counties.get(county, 0.0) + evidence.shorts.get(county, 0.0)
    return evidence.support.get(city, 0.0) >= weights["city_over_county"] * own


def _descend(text: str, title_span: tuple[int, int], place: Place, evidence: _Evidence,
             gazetteer: gz.Gazetteer, words: Words, endings: Sequence[tuple[int, int]]) -> ReportPlaces:
    """A report placed in a city: in the one county of the city that has villages the report names, else the
    city itself."""
    counties = _counties_of(gazetteer, place.province, place.city)
    found = [(county, villages) for county in counties
             if (villages := _villages_named(text, county, gazetteer, words, endings))]
    if len(found) == 1:
        return _placed(text, title_span, found[0][0], found[0][1], evidence, gazetteer, words)
    return ReportPlaces(place)


@lru_cache(maxsize=512)
def _counties_of(gazetteer: gz.Gazetteer, province: str, city: str) -> tuple[int, ...]:
    """The counties of a city, as unit indexes (looked up once a city: a walk over every unit)."""
    return tuple(i for i, unit in enumerate(gazetteer.units)
                 if unit.level == gz.COUNTY and unit.city == city and unit.province == province)


def _above_county(evidence: _Evidence, gazetteer: gz.Gazetteer, words: Words, tied: list[int]) -> Place:
    """A report with no one county: its city where one is named enough, else its province, else nowhere."""
    threshold = words.weights["city_alone"]
    cities = {i: w + evidence.support.get(gazetteer.province_of[i], 0.0)
              for i, w in evidence.support.items() if gazetteer.units[i].level == gz.CITY}
    for county in tied:
        city = gazetteer.city_of[county]
        if city is not None and city in cities:
            cities[city] += words.weights["county"]
    best = sorted(cities.items(), key=lambda item: -item[1])
    if best and best[0][1] >= threshold and (len(best) == 1 or best[0][1] > best[1][1]):
        unit = gazetteer.units[best[0][0]]
        return Place(unit.province, unit.city, "", unit.code)
    provinces: dict[int, float] = defaultdict(float)
    for index, weight in evidence.support.items():
        provinces[gazetteer.province_of[index]] += weight
    best = sorted(provinces.items(), key=lambda item: -item[1])
    if best and best[0][1] >= threshold and (len(best) == 1 or best[0][1] > best[1][1]):
        return Place(gazetteer.units[best[0][0]].province)
    return NOWHERE


def _listed_as(stem: str, listed: Sequence[tuple[str, str]]) -> str | None:
    """The county's town a town written with this stem is (上营镇 for 上营乡, a township made a town; 新华街道 for
    新华街街道), else None. `listed` are the county's towns as (stem, town), in the gazetteer's order (_listed)."""
    size = len(stem)
    for town_stem, town in listed:
        if town_stem == stem or (len(town_stem) == size + 1 and town_stem.startswith(stem)):
            return town
    return None


@lru_cache(maxsize=1024)
def _listed(gazetteer: gz.Gazetteer, county: int, town_endings: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """A county's towns that end as towns do, each with its stem (the name less its ending), in the gazetteer's
    order: split once per county, not at every town a report writes after the county's name."""
    listed = []
    for town in gazetteer.towns_of(county):
        ending = next((e for e in town_endings if town.endswith(e)), None)
        if ending is not None:
            listed.append((town[:-len(ending)], town))
    return tuple(listed)


def _towns_after_county(text: str, county: int, gazetteer: gz.Gazetteer, words: Words,
                        known: set[int]) -> list[_Local]:
    """Towns the text names right after the county's name (合江县荔江镇), as the gazetteer lists them, or as
    written where it does not list them (towns are merged, renamed and made towns after it was made)."""
    found = []
    unit = gazetteer.units[county]
    for match in _towns_after_names(text, [n for n in (unit.county, unit.short) if n], _town_pattern(words)):
        name = match.group("town")
        if match.start("town") not in known and name not in words.generic and not words.not_town.search(
                match.group("stem")):
            listed = _listed_as(match.group("stem"), _listed(gazetteer, county, words.town_endings))
            found.append(_Local(match.start("town"), match.end("town"), listed or name, ""))
    return found


def _towns_after_names(text: str, names: Sequence[str], town: regex.Pattern) -> Iterator[regex.Match]:
    """The towns written right after one of `names` (tried in order at each place), as `finditer` would find
    `(?:names)(?P<town>…)`: the names found by `str.find` and the town matched after them, so that no pattern is
    compiled for each county (a regex compiled per county cost more than all the rest of a report's places)."""
    cursor = 0
    while True:
        starts = [at for name in names if (at := text.find(name, cursor)) >= 0]
        if not starts:
            return
        at = min(starts)
        for name in names:
            if text.startswith(name, at) and (match := town.match(text, at + len(name))):
                yield match
                cursor = match.end()
                break
        else:
            cursor = at + 1


def _town_pattern(words: Words) -> regex.Pattern:
    """A town's name: a stem of two or three Han characters and a town ending, compiled once."""
    return _town_pattern_of(tuple(words.town_endings))


@lru_cache(maxsize=8)
def _town_pattern_of(town_endings: tuple[str, ...]) -> regex.Pattern:
    endings = "|".join(regex.escape(e) for e in town_endings)
    return regex.compile(rf"(?P<town>(?P<stem>\p{{Han}}{{2,3}}?)(?:{endings}))")


def _placed(text: str, title_span: tuple[int, int], county: int,
            villages: Sequence[tuple[int, int, str, tuple[str, ...]]], evidence: _Evidence,
            gazetteer: gz.Gazetteer, words: Words) -> ReportPlaces:
    """The report's place once its county is known: its town and village where it is about one."""
    unit = gazetteer.units[county]
    towns = [t for t in evidence.towns if county in gazetteer.towns[t[2]]]
    local = [_Local(start, end, gz.unprefixed(name, unit), "") for start, end, name, _ in towns]
    local += _towns_after_county(text, county, gazetteer, words, {m.start for m in local})
    for start, end, name, in_towns in villages:
        local.append(_Local(start, end, in_towns[0] if len(in_towns) == 1 else "", name))
    local.sort(key=lambda m: m.start)
    counted: dict[str, int] = {}

    def about(level: str) -> int:
        """How often the report's own words say this level (全县, 全镇): counted where first asked, for most
        reports never need it."""
        if level not in counted:
            counted[level] = _about(text, words, level)
        return counted[level]

    share = words.weights["share"]
    in_title = [m for m in local if title_span[0] <= m.start < title_span[1]]
    town_counts = Counter(m.town for m in local if not m.village)
    town = _main(town_counts, [m.town for m in in_title if not m.village], share)
    if town and not any(m.town == town for m in in_title):  # (no town: none to set aside)
        # the county named on its own, not as the address of a town (隆回县山界回族乡); a town given its county
        # as its address is introduced as the report's subject, one named bare is one of the county's
        county_ends = {end for _, end, index in evidence.county_spans if index == county}
        addressed = {m.town for m in local if not m.village and m.start in county_ends}
        if town not in addressed and about("town") < about("county"):
            town_starts = {m.start for m in local if not m.village}
            named = sum(1 for start, end, index in evidence.county_spans
                        if index == county and end not in town_starts)
            if town_counts[town] <= named:
                town = ""  # a county's report that names one of its towns in passing
    village_counts = Counter(m.village for m in local if m.village and (not town or m.town in ("", town)))
    village = _main(village_counts, [m.village for m in in_title if m.village], share)
    if village and not any(m.village == village for m in in_title) and (
            about("village") == 0 or about("village") < about("town")):
        village = ""
    if village and not town:
        town = next((m.town for m in local if m.village == village and m.town), "")
    if village and town and not any(m.village == village and m.town in ("", town) for m in local):
        village = ""
    place = Place(unit.province, unit.city, unit.county, unit.code, town, village)
    # a village is in the town the gazetteer lists it under where the text names that town too, else in the
    # report's town (towns merge: 五亩村 of 虎头镇 is in 荔江镇 now)
    named_towns = {m.town for m in local if not m.village}
    local = [m if not m.village or (m.town and m.town in named_towns) or not town
             else _Local(m.start, m.end, town, m.village) for m in local]
    return ReportPlaces(place, tuple(local))
