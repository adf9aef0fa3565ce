"""Summary: a facts DataFrame → one row per report, one column per metric (the wide table).

A metric's cell is the sum of its `total` and `single` facts; `part` facts (the 其中… of a total) never
count twice. Where the facts carry no `role` column every fact counts. `<metric>_over` is true where any
summed value was a lower bound (qualifier `over`).

A report that copies an earlier one of the run (`duplicate_of` set) is left out, so that a republished
report is not counted twice, unless `keep_duplicates` (then the table has a `duplicate_of` column).
`summarize_by` sums the same facts per place or month instead of per report.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from fangkong.rules.model import METRICS, OTHER

if TYPE_CHECKING:  # pandas is imported where a frame is made: the CSV of a run needs none
    import pandas as pd


SUMMED_ROLES = ("total", "single")
HEAD = ("doc", "title", "published", "place")


def head_columns(keep_duplicates: bool = False) -> list[str]:
    """The columns of a per-report table before its metrics: doc, title, published, place (and duplicate_of
    where copies are kept)."""
    return [*HEAD, "duplicate_of"] if keep_duplicates else list(HEAD)


def without_duplicates(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts of reports that copy no earlier one (all of them where there is no `duplicate_of` column)."""
    if "duplicate_of" not in facts.columns or not len(facts):
        return facts
    copied = facts["duplicate_of"]
    return facts[copied.isna() | (copied.astype(str) == "")]


def metric_order(found: Iterable[str]) -> list[str]:
    """The metrics in `found` in catalogue order, then any others (a user's) in order of first appearance."""
    found = list(dict.fromkeys(m for m in found if m != OTHER))
    return [m for m in METRICS if m in found] + [m for m in found if m not in METRICS]


def _firsts(facts: pd.DataFrame, column: str, docs: list[str]) -> pd.api.extensions.ExtensionArray:
    """Per doc (in `docs` order) the first non-empty value of `column`, NA where there is none."""
    values = facts[column]
    present = facts.loc[values.notna() & (values.astype(str) != ""), ["doc", column]]
    return present.groupby("doc", sort=False)[column].first().reindex(docs).astype("string").array


def summarize(facts: pd.DataFrame, metrics: Iterable[str] | None = None, *,
              keep_duplicates: bool = False) -> pd.DataFrame:
    """Facts (the extractor's columns) → a wide DataFrame: doc, title, published, place, then per metric
    its sum and `<metric>_over`.

    One row per doc in `facts`, in doc order, copies of an earlier report left out (with `keep_duplicates`
    they stay, and `duplicate_of` follows `place`). Metric columns are those in `metrics` (in that order) or
    else every metric that occurs, in catalogue order. Sums are float64 (NaN where a doc has no such fact);
    `_over` columns are booleans.
    """
    import pandas as pd
    if not keep_duplicates:
        facts = without_duplicates(facts)
    chosen = list(metrics) if metrics is not None else metric_order(facts["metric"] if len(facts) else [])
    docs = sorted(dict.fromkeys(facts["doc"])) if len(facts) else []
    header = {"doc": pd.array(docs, dtype="string")}
    for column in head_columns(keep_duplicates)[1:]:
        if column in facts.columns and len(facts):
            header[column] = _firsts(facts, column, docs)
        else:
            header[column] = pd.array([pd.NA] * len(docs), dtype="string")
    frame = pd.DataFrame(header)
    summed = facts
    if len(facts) and "role" in facts.columns:
        role = facts["role"].fillna("single").astype(str)
        summed = facts[role.isin(SUMMED_ROLES) | (role == "")]
    for metric in chosen:
        rows = summed[summed["metric"] == metric] if len(summed) else summed
        totals = rows.groupby("doc")["value"].sum() if len(rows) else pd.Series(dtype="float64")
        over = (rows.assign(over=rows["qualifier"] == "over").groupby("doc")["over"].any()
                if len(rows) else pd.Series(dtype="bool"))
        frame[metric] = totals.reindex(docs).astype("float64").to_numpy()
        frame[f"{metric}_over"] = over.reindex(docs, fill_value=False).astype("bool").to_numpy()
    return frame


# --by: each level's key columns. A place is grouped by its names and the county's code; `adcode` is shown
# at the level's own code (GB/T 2260: a county's 6 digits start with its city's 4 and its province's 2).
PLACE_KEYS = {
    "province": ("province",),
    "city": ("province", "city"),
    "county": ("province", "city", "county", "adcode"),
    "town": ("province", "city", "county", "adcode", "town"),
}
LEVELS = (*PLACE_KEYS, "month")
_CODE_DIGITS = {"province": 2, "city": 4}


class MissingColumns(ValueError):
    """The facts lack columns a grouping needs (facts from an older fangkong); the message names them."""


def needed_columns(by: Sequence[str]) -> list[str]:
    """The facts' columns that grouping `by` these levels reads (month: as_of or published, one suffices)."""
    needed: list[str] = []
    for level in by:
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}: use {', '.join(LEVELS)}")
        for column in (*PLACE_KEYS.get(level, ()), "adcode") if level in PLACE_KEYS else ():
            if column not in needed:
                needed.append(column)
    return needed


def _month(facts: pd.DataFrame) -> pd.Series:
    """Per fact, YYYY-MM of its as_of date, else of its report's published date (NA where neither is known)."""
    import pandas as pd
    months = pd.Series(pd.NA, index=facts.index, dtype="string")
    for column in ("published", "as_of"):  # as_of last: it wins where both are known
        if column in facts.columns:
            dates = facts[column].astype("string").str.extract(r"^(\d{4}-\d{2})", expand=False).astype("string")
            months = dates.fillna(months)
    return months


def summarize_by(facts: pd.DataFrame, by: Sequence[str], metrics: Iterable[str] | None = None, *,
                 keep_duplicates: bool = False) -> pd.DataFrame:
    """Facts → one row per group of `by` (levels of LEVELS, e.g. ["county", "month"]): the group's key
    columns, `reports` (the reports with a fact in it), then per metric the sum of its total and single
    facts and `<metric>_over`.

    Place levels group by names and code (a fact's own place columns); `adcode` is the county's code, or the
    city's or province's (its first 4 or 2 digits, then zeros) when grouped by city or province. `month` is
    YYYY-MM of `as_of`, else of `published`. Facts without a value for a key form their own group (empty
    cells), so the groups add up to the whole. Copies of an earlier report are left out unless
    `keep_duplicates`. Rows sorted by code (then town, then month), empty keys last. Raises MissingColumns
    where a place column is missing, or, for month, both as_of and published.
    """
    import pandas as pd
    absent = [c for c in needed_columns(by) if c not in facts.columns]
    if "month" in by and "as_of" not in facts.columns and "published" not in facts.columns:
        absent.append("as_of or published")
    if absent:
        raise MissingColumns(", ".join(absent))
    if not keep_duplicates:
        facts = without_duplicates(facts)
    keys: list[str] = []
    for level in by:
        keys += [c for c in (PLACE_KEYS[level] if level in PLACE_KEYS else ("month",)) if c not in keys]
    code_level = next((level for level in ("town", "county", "city", "province") if level in by), None)
    if code_level in _CODE_DIGITS and "adcode" not in keys:
        keys.append("adcode")
    table = pd.DataFrame({c: facts[c].astype("string") for c in keys if c != "month"}, index=facts.index)
    if "month" in keys:
        table["month"] = _month(facts)
    if code_level in _CODE_DIGITS:
        digits = _CODE_DIGITS[code_level]
        code = table["adcode"].str.slice(0, digits)
        table["adcode"] = (code + "0" * (6 - digits)).where(code.str.len() == digits)
    table = table.mask(table == "")[keys].astype("string")
    chosen = list(metrics) if metrics is not None else metric_order(facts["metric"] if len(facts) else [])
    counted = pd.Series(True, index=facts.index)
    if "role" in facts.columns:
        role = facts["role"].fillna("single").astype(str)
        counted = role.isin(SUMMED_ROLES) | (role == "")
    work = table.assign(doc=facts["doc"])
    for metric in chosen:
        rows = counted & (facts["metric"] == metric).fillna(False)
        work[metric] = facts["value"].astype("float64").where(rows)
        work[f"{metric}_over"] = rows & (facts["qualifier"] == "over").fillna(False)
    grouped = work.groupby(keys, dropna=False, sort=True)
    frame = grouped["doc"].nunique().rename("reports").to_frame()
    for metric in chosen:
        frame[metric] = grouped[metric].sum(min_count=1).astype("float64")
        frame[f"{metric}_over"] = grouped[f"{metric}_over"].any().astype("bool")
    frame = frame.reset_index()
    for column in keys:
        frame[column] = frame[column].astype("string")
    # the official order: by code (a province's counties together), then town and month; empty keys last
    order = [c for c in ("adcode", "town", "month") if c in keys] or keys
    frame = frame.sort_values(order, na_position="last", kind="stable")
    frame["reports"] = frame["reports"].astype("int64")
    return frame.reset_index(drop=True)
