"""Facts: fact records → one tidy pandas DataFrame with the CSV's columns and dtypes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd


COLUMNS = (
    "doc", "metric", "value", "value_high", "unit", "qualifier", "evidence", "start", "end",
    "sentence", "section", "title", "published", "source", "rule", "id", "role", "parent", "place", "as_of",
    "province", "city", "county", "adcode", "town", "village",
    "duplicate_of",
)
DTYPES = {
    "doc": "string", "metric": "string", "value": "float64", "value_high": "float64",
    "unit": "string", "qualifier": "string", "evidence": "string", "start": "int64", "end": "int64",
    "sentence": "string", "section": "string", "title": "string", "published": "string",
    "source": "string", "rule": "string", "id": "string", "role": "string", "parent": "string",
    "place": "string", "as_of": "string",
    "province": "string", "city": "string", "county": "string", "adcode": "string", "town": "string",
    "village": "string",
    "duplicate_of": "string",
}


@dataclass(frozen=True)
class Fact:
    """One numeric fact, traceable to the original text by `start`/`end`."""

    doc: str
    metric: str
    value: float
    value_high: float | None
    unit: str
    qualifier: str
    evidence: str
    start: int
    end: int
    sentence: str
    section: str | None
    title: str | None
    published: str | None
    source: str | None
    rule: str
    id: str = ""  # doc#n, n the 1-based row within the report
    role: str = "single"  # total, part or single
    parent: str | None = None  # the id of the total a part belongs to
    place: str | None = None
    as_of: str | None = None
    # where the report is on the administrative map (places.py); adcode is the county's 6-digit code
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None
    town: str | None = None
    village: str | None = None
    duplicate_of: str | None = None  # the doc of the first copy of this report in the run, where it is a copy


def with_fields(fact: Fact, **fields) -> Fact:
    """`dataclasses.replace(fact, **fields)`, built without replace's walk over the fields and the frozen
    __init__ (an object.__setattr__ per field): several times cheaper, and every fact passes through it."""
    built = object.__new__(Fact)
    built.__dict__.update(vars(fact), **fields)
    return built


class Mention(NamedTuple):
    """Where a fact's number stands, as far as telling a repeat from another fact needs it."""

    sentence: int  # the index of its sentence in the report
    unit_class: frozenset[str]
    company: frozenset[tuple[float, str]]  # the values and units of the other items of its list
    kind: str  # the word naming the kind of thing it counts (大米), or ""
    another: bool  # it says it is another of its kind (我也捐100元)
    giver: str = ""  # who gave it, as the words before its verb of giving name them (张三捐款500元: 张三), or ""
    label: str = ""  # the label leading its line (a table's row: 杨柳村：卡点数3个), or ""


def repeat_key(fact: Fact, mention: Mention) -> tuple:
    """What two facts must share for one to repeat the other: metric, value (and high end) and unit class."""
    return fact.metric, fact.value, fact.value_high, mention.unit_class


def collapse_repeats(facts: Iterable[Fact], mentions: Iterable[Mention]) -> list[Fact]:
    """Drop a fact that repeats an earlier one (same metric, value and unit class) from another sentence.

    Within one sentence equal numbers are separate facts (两人各捐款2000元); across sentences
    the later mention is a repeat of the first (a title repeated in the body, 1万元 … 这1万块钱), unless
    each stands in a list whose other items (`company`) share nothing with the other's: 捐助口罩2000个、体温枪3个
    and 捐赠应急棚10个、口罩2000个、消毒液30桶 are two gifts; nor where both name the kind of thing they count
    and the two kinds differ: 大米30袋 and 30件矿泉水 are two gifts; nor where the later mention says it is
    another (我也捐100元); nor where the two name different givers (张三捐款500元 and 李四捐款500元); nor where
    their lines are led by different labels (the rows of a table: 杨柳村：卡点数3个 and 石门村：卡点数3个), unless one
    is a row of totals (合计), which repeats the whole's count.
    """
    kept_before: dict[tuple, list[Mention]] = {}
    # which earlier mentions a sentence's mentions have repeated already: each repeats one of its own, so a sentence
    # with two equal counts keeps the one no earlier sentence told (60万元资金以及价值60万元的牛奶 after 60余万元物资)
    repeated: dict[tuple, set[int]] = {}
    kept = []
    for fact, mention in zip(facts, mentions, strict=True):
        key = repeat_key(fact, mention)
        earlier = kept_before.setdefault(key, [])
        if not mention.another:
            taken = repeated.setdefault((*key, mention.sentence), set())
            seen = next((i for i, before in enumerate(earlier) if i not in taken and _repeats(before, mention)), None)
            if seen is not None:
                taken.add(seen)
                continue
        earlier.append(mention)
        kept.append(fact)
    return kept


# The labels of a table's row of totals: its figures are the whole's, which the text may give elsewhere too
# (共设立防控卡点21个 … 合计：卡点数21个), so they repeat an equal count under any other label.
TOTAL_ROW_LABELS = frozenset({"合计", "总计", "共计", "小计", "累计"})


def _repeats(seen: Mention, later: Mention) -> bool:
    """True where `later` repeats the equal count `seen`: another sentence, lists that share an item (or are not
    both lists), and no two different kinds named; a row of totals repeats whatever list or label the other has."""
    totals = bool({seen.label, later.label} & TOTAL_ROW_LABELS)
    return (seen.sentence != later.sentence
            and (totals or not (later.company and seen.company and not later.company & seen.company))
            and not _other_things(seen.kind, later.kind)
            and not _other_givers(seen.giver, later.giver)
            and (totals or not (seen.label and later.label and seen.label != later.label)))


def _other_givers(earlier: str, later: str) -> bool:
    """True where two givers differ: each keeps words of its own once the words they begin and end with alike are
    set aside (村民张三 and 村民李四 differ; 某集团 and 某集团有限公司, 张三 and 近日张三 may be one giver)."""
    if not earlier or not later:
        return False
    size = min(len(earlier), len(later))
    lead = next((i for i in range(size) if earlier[i] != later[i]), size)
    tail = next((i for i in range(size - lead) if earlier[-1 - i] != later[-1 - i]), size - lead)
    return len(earlier) - lead - tail > 0 and len(later) - lead - tail > 0


def _other_things(earlier: str, later: str) -> bool:
    """True where two nouns name different things: both are words of two characters or more, sharing no two
    characters in a row (大米 and 矿泉水 differ; 口罩 and 医用口罩 name one thing)."""
    if len(earlier) < 2 or len(later) < 2:
        return False
    pairs = {earlier[i:i + 2] for i in range(len(earlier) - 1)}
    return not any(later[i:i + 2] in pairs for i in range(len(later) - 1))


def row_key(fact: Fact) -> tuple[int, int, str]:
    """The order of a report's rows: by start, then end, then metric."""
    return fact.start, fact.end, fact.metric


def to_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    """Fact records → a DataFrame with COLUMNS in order, rows sorted by doc then start."""
    import pandas as pd
    facts = list(facts)
    # column by column, each built in its dtype: several times faster than DataFrame(...).astype
    frame = pd.DataFrame({name: pd.array([getattr(fact, name) for fact in facts], dtype=DTYPES[name])
                          for name in COLUMNS})
    if len(frame):
        frame = frame.sort_values(["doc", "start", "end", "metric"], kind="stable").reset_index(drop=True)
    return frame
