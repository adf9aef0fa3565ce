"""Gazetteer: China's administrative map as JioNLP ships it, read once per process without importing JioNLP.

JioNLP's `dictionary/china_location.zip` holds one tab-indented line per unit: province (name, code, short
name), city, county (name, code, short name; Taiwan's districts have no code), then the towns and under each
its villages (names only). `dictionary/phone_location.zip` maps telephone area codes to cities. The county
lines and the towns are indexed at load (about 0.2 s); a county's villages are read from its block of the
file when first asked for. See docs/places.md for why this package.

What the load builds is kept on disk (a pickle in the user's cache folder, under a digest of JioNLP's version and
data files and of this module's source), so that later processes read it in a quarter of the time: see
`load`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import pickle
import re
import tempfile
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE = "jionlp"
# Where the built gazetteer is kept between processes: this variable's folder ("" turns the keeping off), else
# $XDG_CACHE_HOME/fangkong, else ~/.cache/fangkong.
CACHE_VARIABLE = "FANGKONG_DATA_CACHE"
LOCATIONS = ("dictionary", "china_location.zip", "china_location.txt")
PHONES = ("dictionary", "phone_location.zip", "phone_location.txt")
WORDS = ("dictionary", "chinese_word_dictionary.zip", "chinese_word_dictionary.txt")
PROVINCE, CITY, COUNTY, TOWN = "province", "city", "county", "town"
DIRECT = "省直辖行政区划"  # JioNLP's "city" for the county-level units right under a province

# one unit line down to the town level: its tabs (depth), name and the rest (code, short name)
# what is left of a town's name after a prefix that is no name of its own: at most one character before level
# words (街道, 街道办事处, 镇): the level words of the file's format
_LEVEL_WORD = re.compile(r".?(?:街道|办事处|镇|乡|苏木)*")
# (the standard library's re: several times faster than regex on this one pass over 7 million characters)
_UNIT_LINE = re.compile(r"^(\t{0,3})([^\t\n]+)(?:\t([^\t\n]*))?(?:\t([^\t\n]*))?$", re.MULTILINE)
# a town (three tabs) or a village (four) of a county's block
_BLOCK_LINE = re.compile(r"^\t\t\t(\t?)([^\t\n]+)", re.MULTILINE)
_TOWN_LINE = re.compile(r"^\t\t\t([^\t\n]+)", re.MULTILINE)  # a town's line alone


class GazetteerMissing(RuntimeError):
    """The gazetteer's package (JioNLP) is not installed."""


@dataclass(frozen=True)
class Unit:
    """A province, city or county: its names upward and its own code ("" where the gazetteer gives none)."""

    level: str
    province: str
    city: str  # "" for a province, and for counties directly under a province
    county: str  # "" above the county level
    code: str
    short: str  # the name without its 省/市/县/区 (四川, 内江, 东兴), "" where it is the name itself

    @property
    def name(self) -> str:
        """The unit's own full name."""
        return self.county or self.city or self.province


@dataclass(eq=False)  # hashed by identity: one per process
class Gazetteer:
    """The loaded map: units by index, names to units, towns to counties, phone area codes to cities."""

    units: list[Unit]
    names: dict[str, list[int]]  # full and short names of provinces, cities, counties → unit indexes
    towns: dict[str, list[int]]  # town name → county unit indexes
    city_of: list[int | None]  # unit index → its city's unit index (None for provinces, direct counties)
    province_of: list[int]  # unit index → its province's unit index
    blocks: dict[int, tuple[int, int]]  # county unit index → its span in `text` (towns and villages)
    area_codes: dict[str, int]  # telephone area code (0543) → city unit index
    text: str
    words: frozenset[str] = frozenset()  # the words of JioNLP's general dictionary (通道, 同心, 和平)

    def towns_of(self, county: int) -> tuple[str, ...]:
        """A county's towns, as the gazetteer names them, in its order."""
        return _towns_of(self, county)

    def villages(self, county: int) -> dict[str, tuple[str, ...]]:
        """A county's villages: name → the towns (usually one) that have a village of that name."""
        return _villages(self, county)

    def is_full(self, index: int, name: str) -> bool:
        """True where `name` is the unit's full name (or its short name with the level's character), not its
        short one."""
        unit = self.units[index]
        return name != unit.short


def _data_folder() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise GazetteerMissing(f"the gazetteer needs the {PACKAGE} package: pip install {PACKAGE}")
    return Path(spec.origin).parent


def _data_file(parts: tuple[str, str, str]) -> str:
    with zipfile.ZipFile(_data_folder() / parts[0] / parts[1]) as archive:
        return archive.read(parts[2]).decode("utf-8").replace("\r", "")


def _suffixed(unit: Unit) -> str:
    """The name written as the short name and the level's last character (孟连县, 凉山州), where that differs."""
    if not unit.short:
        return ""
    written = unit.short + unit.name[-1]
    return written if written != unit.name and not unit.name.startswith(written) else ""


def unprefixed(town: str, county: Unit) -> str:
    """A town listed with its county's name before it (孝南区陡岗镇) → the town's own name (陡岗镇); a name
    whose rest is a bare level word (云溪街道 in 云溪区: 街道) is the town's own name."""
    for prefix in (county.county, county.short):
        if prefix and town.startswith(prefix) and not _LEVEL_WORD.fullmatch(town[len(prefix):]):
            return town[len(prefix):]
    return town


def _short(name: str, short: str | None) -> str:
    return short if short and short != name and len(short) >= 2 else ""


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, read from the installed JioNLP's data once per process. Raises GazetteerMissing.

    Built once per installed data (about 0.2 s), then read from the disk cache (`cache_path`: about 0.05 s). A
    cache file that cannot be read or written only costs the building; one made from other data or by other
    code has another name, so it is never read.
    """
    path = cache_path()
    if path is not None:
        try:
            with open(path, "rb") as handle:
                kept = pickle.load(handle)
            if isinstance(kept, Gazetteer):
                return kept
        except Exception:  # missing, unreadable or damaged: built again below (and written again)
            pass
    gazetteer = _build()
    if path is not None:
        _keep(gazetteer, path)
    return gazetteer


def cache_path() -> Path | None:
    """The file the built gazetteer is kept in: named after a digest of this module's source, of JioNLP's version
    and of its data files (size and time), in the folder of FANGKONG_DATA_CACHE, else $XDG_CACHE_HOME/fangkong,
    else ~/.cache/fangkong; None where the variable is set empty (no keeping) or no home folder is known."""
    folder = os.environ.get(CACHE_VARIABLE)
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        if base.startswith("~"):
            return None
        folder = os.path.join(base, "fangkong")
    if not folder:
        return None
    data = _data_folder()
    digest = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + data_version().encode())
    for parts in (LOCATIONS, PHONES, WORDS):
        stat = os.stat(data / parts[0] / parts[1])
        digest.update(f"\0{parts[1]}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _keep(gazetteer: Gazetteer, path: Path) -> None:
    """Write the gazetteer to `path` atomically (a temporary file renamed over it); a failure is ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(gazetteer, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError):
        pass


def _build() -> Gazetteer:
    """The gazetteer, built from the installed JioNLP's data files."""
    text = _data_file(LOCATIONS)
    units: list[Unit] = []
    names: dict[str, list[int]] = {}
    towns: dict[str, list[int]] = {}
    city_of: list[int | None] = []
    province_of: list[int] = []
    blocks: dict[int, tuple[int, int]] = {}
    province = city = county = -1
    county_start = 0

    def add(unit: Unit, city_index: int | None, province_index: int) -> int:
        units.append(unit)
        city_of.append(city_index)
        index = len(units) - 1
        province_of.append(index if province_index < 0 else province_index)
        for name in {unit.name, unit.short, _suffixed(unit)} - {""}:
            names.setdefault(name, []).append(index)
        return index

    def close_county(end: int) -> None:
        if county >= 0:
            blocks[county] = (county_start, end)

    for match in _UNIT_LINE.finditer(text):
        depth, name, code, short = len(match.group(1)), match.group(2), match.group(3) or "", match.group(4)
        if depth == 0:
            close_county(match.start())
            county = -1
            province = add(Unit(PROVINCE, name, "", "", code, _short(name, short)), None, -1)
            city = -1
        elif depth == 1:
            close_county(match.start())
            county = -1
            if name == DIRECT:
                city = -1
                continue
            p = units[province]
            city = add(Unit(CITY, p.province, name, "", code, _short(name, short)), None, province)
        elif depth == 2:
            close_county(match.start())
            p = units[province]
            city_name = units[city].city if city >= 0 else ""
            county = add(Unit(COUNTY, p.province, city_name, name, code, _short(name, short)),
                         city if city >= 0 else None, province)
            county_start = match.end()
        elif county >= 0:
            for town in {name, unprefixed(name, units[county])}:
                towns.setdefault(town, []).append(county)
    close_county(len(text))
    area_codes = {}
    city_by_short = {(units[province_of[i]].short or units[i].province, units[i].short or units[i].city): i
                     for i, u in enumerate(units) if u.level == CITY}
    for line in _data_file(PHONES).split("\n"):
        if line and not line.startswith("\t"):
            fields = line.split("\t")
            place = fields[0].split(" ")
            if len(fields) > 1 and len(place) == 2 and (place[0], place[1]) in city_by_short:
                area_codes.setdefault(fields[1], city_by_short[(place[0], place[1])])
    words = frozenset(line.split("\t", 1)[0] for line in _data_file(WORDS).split("\n") if line)
    return Gazetteer(units, names, towns, city_of, province_of, blocks, area_codes, text, words)


@lru_cache(maxsize=1024)
def _towns_of(gazetteer: Gazetteer, county: int) -> tuple[str, ...]:
    start, end = gazetteer.blocks.get(county, (0, 0))
    return tuple(dict.fromkeys(_TOWN_LINE.findall(gazetteer.text, start, end)))


@lru_cache(maxsize=1024)
def _villages(gazetteer: Gazetteer, county: int) -> dict[str, tuple[str, ...]]:
    start, end = gazetteer.blocks.get(county, (0, 0))
    found: dict[str, tuple[str, ...]] = {}
    town = ""
    for tab, name in _BLOCK_LINE.findall(gazetteer.text, start, end):
        if not tab:
            town = name
        elif town not in (towns := found.get(name, ())):
            found[name] = towns + (town,)
    return found


def data_version() -> str:
    """The installed gazetteer package's version ("" where it is not installed)."""
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return ""


def available() -> bool:
    """True where the gazetteer's package is installed."""
    return importlib.util.find_spec(PACKAGE) is not None
