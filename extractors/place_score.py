"""Place score: where a facts CSV puts each report, against the team's reading of where each report is.

A report's predicted place is the county code (with its county name) and the town that most of its facts
carry (the first met wins a tie); a report without facts is unplaced. The gold (places.jsonl) gives per report
`province, city, county, adcode, town, village`; a gold county without a code (Taiwan's districts) is
compared by name, and a gold without county or code says the report's place is unknown: there, only an
unplaced report is right.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fangkong.score import MAX_PROBLEMS, ScoreInputError

PLACE_COLUMNS = ("doc", "adcode", "county", "town")  # what a facts CSV needs for --places
GOLD_FIELDS = ("doc", "adcode", "county", "town")


@dataclass(frozen=True)
class Located:
    """A report's place: its county code, county name and town ("" where none)."""

    adcode: str = ""
    county: str = ""
    town: str = ""


@dataclass(frozen=True)
class PlaceMiss:
    """A report placed wrong: what was predicted and what the gold says, and which part is wrong."""

    doc: str
    kind: str  # county or town
    predicted: Located
    gold: Located


@dataclass
class PlaceScore:
    """County and town accuracy over the gold's reports, and the wrong counties where the gold says unknown."""

    reports: int = 0
    county_right: int = 0
    towns: int = 0  # reports whose gold names a town
    town_right: int = 0
    unknown: int = 0  # reports whose gold says the county is unknown
    wrong_on_unknown: int = 0
    misses: list[PlaceMiss] = field(default_factory=list)

    @property
    def county_accuracy(self) -> float:
        """Share of reports whose county is right (0 where there are none)."""
        return self.county_right / self.reports if self.reports else 0.0

    @property
    def town_accuracy(self) -> float:
        """Share of reports with a gold town whose town is right."""
        return self.town_right / self.towns if self.towns else 0.0

    def as_dict(self, errors: bool = False) -> dict:
        """The figures (and with `errors` the misses) as plain data."""
        figures = {"reports": self.reports, "county_right": self.county_right,
                   "county_accuracy": round(self.county_accuracy, 4), "towns": self.towns,
                   "town_right": self.town_right, "town_accuracy": round(self.town_accuracy, 4),
                   "unknown": self.unknown, "wrong_county_on_unknown": self.wrong_on_unknown}
        if errors:
            figures["misses"] = [asdict(miss) for miss in self.misses]
        return figures


def read_places(lines: Iterable[str], name: str = "places") -> dict[str, Located]:
    """Gold places, one JSON object a line with doc, adcode, county and town → doc → its gold place.
    Raises ScoreInputError listing the lines that are not such objects."""
    gold: dict[str, Located] = {}
    problems = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{name}:{number}: not JSON ({error.msg})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("doc"), str) or not all(
                isinstance(row.get(key, ""), str) for key in GOLD_FIELDS):
            problems.append(f"{name}:{number}: not a place (doc, adcode, county and town as strings)")
            continue
        gold[row["doc"]] = Located(row.get("adcode", ""), row.get("county", ""), row.get("town", ""))
    if problems:
        raise ScoreInputError("\n".join(problems[:MAX_PROBLEMS]))
    return gold


def read_places_file(path: str | os.PathLike) -> dict[str, Located]:
    """A gold places file → doc → its gold place; see read_places. Raises OSError, ScoreInputError."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScoreInputError(f"{path}: not UTF-8 text ({error.reason})") from error
    return read_places(text.splitlines(), str(path))


def places_of_facts(handle: Iterable[str], name: str = "facts") -> dict[str, Located]:
    """A facts CSV → doc → the county (code and name) and the town most of its facts carry.
    Raises ScoreInputError where the CSV lacks the place columns."""
    reader = csv.DictReader(handle)
    reader.fieldnames = [column.lstrip("\ufeff") for column in reader.fieldnames or []]
    missing = [column for column in PLACE_COLUMNS if column not in reader.fieldnames]
    if missing:
        raise ScoreInputError(f"{name}:1: no place columns: {', '.join(missing)} missing "
                              f"(facts from a fangkong before places?)")
    counties: dict[str, Counter] = {}
    towns: dict[str, Counter] = {}
    for row in reader:
        doc = row["doc"] or ""
        counties.setdefault(doc, Counter())[(row["adcode"] or "", row["county"] or "")] += 1
        towns.setdefault(doc, Counter())[row["town"] or ""] += 1
    return {doc: Located(*counties[doc].most_common(1)[0][0], towns[doc].most_common(1)[0][0])
            for doc in counties}


def places_of_facts_file(path: str | os.PathLike) -> dict[str, Located]:
    """A facts CSV file → doc → its place; see places_of_facts. Raises OSError, ScoreInputError."""
    try:
        text = Path(path).read_text("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScoreInputError(f"{path}: not UTF-8 text ({error.reason})") from error
    return places_of_facts(io.StringIO(text, newline=""), str(path))


def _county_right(predicted: Located, gold: Located) -> bool:
    if gold.adcode:
        return predicted.adcode == gold.adcode
    if gold.county:
        return predicted.county == gold.county
    return not predicted.adcode and not predicted.county


def score_places(gold: dict[str, Located], predicted: dict[str, Located]) -> PlaceScore:
    """Each gold report's predicted place against its gold → the counts and the misses (in doc order)."""
    result = PlaceScore()
    for doc in sorted(gold):
        truth, guess = gold[doc], predicted.get(doc, Located())
        result.reports += 1
        if _county_right(guess, truth):
            result.county_right += 1
        else:
            result.misses.append(PlaceMiss(doc, "county", guess, truth))
        if not truth.adcode and not truth.county:
            result.unknown += 1
            result.wrong_on_unknown += bool(guess.adcode or guess.county)
        if truth.town:
            result.towns += 1
            if guess.town == truth.town:
                result.town_right += 1
            else:
                result.misses.append(PlaceMiss(doc, "town", guess, truth))
    return result
