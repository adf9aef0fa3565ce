"""Summary: a facts DataFrame → one row per report, one column per metric (the wide table).

A metric's cell is the sum of its `total` and `single` facts; `part` facts (the 其中… of a total) never
count twice. Where the facts carry no `role` column every fact counts. `<metric>_over` is true where any
summed value was a lower bound (qualifier `over`).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .pipeline import OTHER
from .ruleset import METRICS

SUMMED_ROLES = ("total", "single")


def metric_order(found: Iterable[str]) -> list[str]:
    """The metrics in `found` in catalogue order, then any others (a user's) in order of first appearance."""
    found = list(dict.fromkeys(m for m in found if m != OTHER))
    return [m for m in METRICS if m in found] + [m for m in found if m not in METRICS]


def _firsts(facts: pd.DataFrame, column: str, docs: list[str]) -> pd.api.extensions.ExtensionArray:
    """Per doc (in `docs` order) the first non-empty value of `column`, NA where there is none."""
    values = facts[column]
    present = facts.loc[values.notna() & (values.astype(str) != ""), ["doc", column]]
    return present.groupby("doc", sort=False)[column].first().reindex(docs).astype("string").array


def summarize(facts: pd.DataFrame, metrics: Iterable[str] | None = None) -> pd.DataFrame:
    """Facts (the extractor's columns) → a wide DataFrame: doc, title, published, place, then per metric
    its sum and `<metric>_over`.

    One row per doc in `facts`, in doc order. Metric columns are those in `metrics` (in that order) or else
    every metric that occurs, in catalogue order. Sums are float64 (NaN where a doc has no such fact);
    `_over` columns are booleans.
    """
    chosen = list(metrics) if metrics is not None else metric_order(facts["metric"] if len(facts) else [])
    docs = sorted(dict.fromkeys(facts["doc"])) if len(facts) else []
    header = {"doc": pd.array(docs, dtype="string")}
    for column in ("title", "published", "place"):
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
